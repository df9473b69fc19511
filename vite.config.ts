import { defineConfig } from 'vite';
import { editorPlugin } from './scripts/vite-editor-plugin.ts';
import { checkedLevelsPlugin } from './scripts/vite-checked-levels-plugin.ts';
import { levelSourcesPlugin, levelsPlugin } from './scripts/vite-levels-plugin.ts';
import { phaserPlugin } from './scripts/vite-phaser-plugin.ts';
import { offlinePlugin } from './scripts/vite-offline-plugin.ts';
import { portablePlugin } from './scripts/vite-portable-plugin.ts';
import { roomPlugin } from './scripts/vite-room-plugin.ts';

export default defineConfig({
  // Relative paths so the build also works from a USB stick or a sub-folder on a workshop laptop.
  base: './',
  // `npm start`: saving a file in levels/ prints its problems here (issue 6).
  // The build validates levels/ once, in Node, so the browser need not (issue 3: time to first card).
  plugins: [
    // The parts of Phaser the game uses, not the whole library.
    phaserPlugin(),
    levelsPlugin(),
    // levels/ read from the files' bytes, as the command-line tools read them (ANSI and UTF-16 too).
    levelSourcesPlugin(),
    checkedLevelsPlugin(),
    // One classic script with every asset inlined: starts from file://, a sub-folder and a strict CSP.
    portablePlugin(),
    // The scenario editor as a second classic script, loaded only when a trainer opens it.
    editorPlugin(),
    // Served over HTTP(S): an installable app with a service worker that keeps it playing offline.
    offlinePlugin(),
    // The room for phone votes on the dev and preview servers, and the phone page as a second entry.
    roomPlugin(),
  ],
  build: {
    target: 'es2022',
    // One script of 2 MB: our Phaser selection 0.6 MB, the scenarios 0.45 MB, the inlined art and sounds 0.4 MB.
    chunkSizeWarningLimit: 2200,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
