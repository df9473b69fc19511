/**
 * `import * as Phaser from 'phaser'` gets the game's selection of Phaser (src/platform/phaser.js),
 * built from Phaser's sources. Those sources test build flags (`typeof WEBGL_DEBUG`) that Phaser's
 * own webpack build replaces; this does the same, so that the debugger, the Facebook and 3D camera
 * plugins and Phaser's sound stay out.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PHASER = dirname(createRequire(import.meta.url).resolve('phaser/package.json'));
const ENTRY = resolve(import.meta.dirname, '../src/platform/phaser.js');

/** The flags as Phaser's distributed build sets them, except sound: the game plays its own with Howler. */
const FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

export function phaserPlugin(): Plugin {
  return {
    name: 'many-masters-phaser',
    // The build only. The dev server hands the browser each source file as an ES module, and
    // Phaser's sources are CommonJS; there the game gets the whole Phaser bundle. The browser tests
    // run the build, so a part missing from the selection shows there.
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      if (source === 'phaser') return ENTRY;
      // Phaser's package exports only its bundles; its sources are reached by path.
      if (source.startsWith('phaser/src/')) return join(PHASER, source.slice('phaser/'.length));
      return null;
    },
    transform(code, id) {
      if (!id.startsWith(join(PHASER, 'src')) || !code.includes('typeof ')) return null;
      return { code: code.replace(FLAG, (_, flag: string) => String(FLAGS[flag])), map: null };
    },
  };
}
