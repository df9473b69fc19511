/**
 * `import * as Phaser from 'phaser'` gets the game's selection of Phaser (src/platform/phaser.js),
 * built from Phaser's sources. Those sources test build flags (`typeof WEBGL_DEBUG`) that Phaser's
 * own webpack build replaces; this does the same, so that the debugger, the Facebook and 3D camera
 * plugins and Phaser's sound stay out. And it makes Phaser's WebGL test lazy (below).
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

/**
 * Phaser tests for WebGL as it loads, by making a WebGL context: on a slow laptop that holds up the
 * first card by ~70 ms, before the game has even chosen its renderer (src/platform/renderer.ts),
 * and the canvas renderer never needs the answer. Here the test runs when something first asks.
 */
const EAGER_WEBGL_TEST = 'Features.webGL = testWebGL();';
const LAZY_WEBGL_TEST = `var webGL; Object.defineProperty(Features, 'webGL', { enumerable: true, configurable: true, get: function () { if (webGL === undefined) { webGL = testWebGL(); } return webGL; }, set: function (value) { webGL = value; } });`;

/** Phaser's source with the changes above; throws when a new Phaser no longer has what they replace. */
export function phaserSource(code: string, file: string): string {
  let out = code.replace(FLAG, (_, flag: string) => String(FLAGS[flag]));
  if (file.endsWith(join('device', 'Features.js'))) {
    if (!out.includes(EAGER_WEBGL_TEST)) throw new Error(`${file} no longer has "${EAGER_WEBGL_TEST}": look again at scripts/vite-phaser-plugin.ts`);
    out = out.replace(EAGER_WEBGL_TEST, LAZY_WEBGL_TEST);
  }
  return out;
}

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
      if (!id.startsWith(join(PHASER, 'src'))) return null;
      return { code: phaserSource(code, id), map: null };
    },
  };
}
