/**
 * The build gives the game a selection of Phaser (src/platform/phaser.js), not the whole library.
 * A scene that calls `this.add.sprite(…)` without that factory in the selection would work on the
 * dev server and fail in the build, on a screen a test might not reach; this finds it from the sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phaserSource } from '../../scripts/vite-phaser-plugin.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PHASER = dirname(createRequire(import.meta.url).resolve('phaser/package.json'));
const SELECTION = readFileSync(join(ROOT, 'src/platform/phaser.js'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `this.add.<name>` methods the selection's factories register. */
function registered(): Set<string> {
  const names = new Set<string>();
  for (const [, file] of SELECTION.matchAll(/import '(phaser\/src\/gameobjects\/[^']+Factory\.js)'/g)) {
    const code = readFileSync(join(PHASER, file!.slice('phaser/'.length)), 'utf8');
    for (const [, name] of code.matchAll(/GameObjectFactory\.register\('(\w+)'/g)) names.add(name!);
  }
  return names;
}

describe('the Phaser selection in the build', () => {
  it('has a factory for every kind of object the game adds to a scene', () => {
    const used = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/\.add\.(\w+)\(/g)) if (name !== 'existing') used.add(name!);
    }
    expect(used.size).toBeGreaterThan(3);
    const have = registered();
    expect([...used].filter((name) => !have.has(name)).sort(), 'add its factory to src/platform/phaser.js').toEqual([]);
  });

  it('imports only files that exist in the installed Phaser', () => {
    const files = [...SELECTION.matchAll(/(?:from |import )'(phaser\/src\/[^']+)'/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect(() => readFileSync(join(PHASER, file.slice('phaser/'.length))), file).not.toThrow();
  });
});

describe("Phaser's sources as the build changes them", () => {
  const features = join(PHASER, 'src/device/Features.js');

  it('tests for WebGL only when asked, in the installed Phaser', () => {
    const out = phaserSource(readFileSync(features, 'utf8'), features);
    expect(out).not.toContain('Features.webGL = testWebGL();');
    expect(out).toContain("Object.defineProperty(Features, 'webGL'");
  });

  it('sets the build flags as Phaser’s own build does, and says when a new Phaser no longer matches', () => {
    expect(phaserSource('if (typeof WEBGL_DEBUG) {} if (typeof CANVAS_RENDERER) {}', 'x.js')).toBe('if (false) {} if (true) {}');
    expect(() => phaserSource('Features.webGL = somethingElse();', features)).toThrow(/no longer has/);
  });
});
