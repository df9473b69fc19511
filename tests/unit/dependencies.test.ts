/**
 * The shape of the code, read from its imports (oxc-parser reads TypeScript as written, so an
 * `import type`, which the compiler erases, is told apart from an import that runs):
 * no file imports itself round a circle, no two folders import each other, the engine stays pure,
 * and scenes reach each other by key, never by importing one another.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Import {
  /** The import as written ('phaser', './card.ts', '../engine/game.ts?worker&url'). */
  readonly request: string;
  /** The file it names, relative to the project, for a relative import. */
  readonly file: string | null;
  /** Loaded later, by import(): no circle at load time, but still a dependency between folders. */
  readonly dynamic: boolean;
}

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

function importsOf(file: string): Import[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const { module, errors } = parseSync(file, code);
  expect(errors, `${file} parses`).toEqual([]);
  const target = (request: string): string | null =>
    request.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), request.replace(/\?.*$/, ''))) : null;
  const found: Import[] = [];
  for (const item of module.staticImports) {
    // `import type { A }` and `import { type A }` alone are erased when compiled.
    if (item.entries.length > 0 && item.entries.every((entry) => entry.isType)) continue;
    found.push({ request: item.moduleRequest.value, file: target(item.moduleRequest.value), dynamic: false });
  }
  for (const item of module.staticExports) {
    for (const entry of item.entries) {
      if (entry.moduleRequest && !entry.isType) found.push({ request: entry.moduleRequest.value, file: target(entry.moduleRequest.value), dynamic: false });
    }
  }
  for (const item of module.dynamicImports) {
    const literal = code.slice(item.moduleRequest.start, item.moduleRequest.end);
    const request = /^['"`](.*)['"`]$/.exec(literal)?.[1];
    if (request !== undefined) found.push({ request, file: target(request), dynamic: true });
  }
  return found;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('server'), ...sourceFiles('scripts')];
const IMPORTS = new Map(FILES.map((file) => [file, importsOf(file)]));

/** Strongly connected parts of a graph with more than one member (Tarjan). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const other of graph.get(node) ?? []) {
      if (!graph.has(other)) continue;
      if (!index.has(other)) {
        visit(other);
        low.set(node, Math.min(low.get(node)!, low.get(other)!));
      } else if (onStack.has(other)) low.set(node, Math.min(low.get(node)!, index.get(other)!));
    }
    if (low.get(node) === index.get(node)) {
      const part: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        part.push(member);
      } while (member !== node);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the shape of the code', () => {
  it('reads every import of every source file', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(IMPORTS.get('src/main.ts')!.map((item) => item.file)).toContain('src/scenes/list.ts');
  });

  it('has no circle of files importing each other as they load', () => {
    const graph = new Map(FILES.map((file) => [file, IMPORTS.get(file)!.filter((item) => !item.dynamic && item.file).map((item) => item.file!)]));
    expect(circles(graph)).toEqual([]);
  });

  it('has no two folders that depend on each other, through any chain', () => {
    const graph = new Map<string, string[]>();
    for (const [file, imports] of IMPORTS) {
      const from = dirname(file);
      const to = graph.get(from) ?? [];
      for (const item of imports) if (item.file && dirname(item.file) !== from && !to.includes(dirname(item.file))) to.push(dirname(item.file));
      graph.set(from, to);
    }
    expect(circles(graph)).toEqual([]);
  });

  it('keeps the engine pure: it imports only itself and its two format libraries', () => {
    const outside = FILES.filter((file) => file.startsWith('src/engine/')).flatMap((file) =>
      IMPORTS.get(file)!
        .filter((item) => (item.file ? !item.file.startsWith('src/engine/') : !['valibot', '@valibot/to-json-schema', 'jsonc-parser', 'stopword'].includes(item.request)))
        .map((item) => `${file} imports ${item.request}`),
    );
    expect(outside).toEqual([]);
  });

  it('never loads Phaser in the command-line tools or the room server', () => {
    const phaserInNode = FILES.filter((file) => file.startsWith('server/') || (file.startsWith('scripts/') && !file.startsWith('scripts/vite-') && !file.startsWith('scripts/bench/bare/')))
      .flatMap((file) => IMPORTS.get(file)!.filter((item) => item.request === 'phaser').map(() => file));
    expect(phaserInNode).toEqual([]);
  });

  it('lets scenes start each other by key: only main.ts imports the scene list, and no scene imports another scene', () => {
    const listUsers = FILES.filter((file) => IMPORTS.get(file)!.some((item) => item.file === 'src/scenes/list.ts'));
    expect(listUsers).toEqual(['src/main.ts']);
    const sceneToScene = FILES.filter((file) => file !== 'src/scenes/list.ts' && !['src/scenes/modes.ts', 'src/scenes/authoring.ts'].includes(file)).flatMap((file) =>
      IMPORTS.get(file)!.filter((item) => item.file && /\/[A-Z]\w*Scene\.ts$/.test(item.file) && item.file !== file).map((item) => `${file} imports ${item.file}`),
    );
    expect(sceneToScene).toEqual([]);
  });
});
