import { defineConfig } from 'vite';
import { checkedLevelsPlugin } from './scripts/vite-checked-levels-plugin.ts';
import { levelsPlugin } from './scripts/vite-levels-plugin.ts';
import { roomPlugin } from './scripts/vite-room-plugin.ts';

export default defineConfig({
  // Relative paths so the build also works from a USB stick or a sub-folder on a workshop laptop.
  base: './',
  // `npm start`: saving a file in levels/ prints its problems here (issue 6).
  // The build validates levels/ once, in Node, so the browser need not (issue 3: time to first card).
  plugins: [levelsPlugin(), checkedLevelsPlugin(), roomPlugin()],
  build: {
    target: 'es2022',
    // Art stays as files next to the bundle (cached, loaded as images), not inlined into the script.
    assetsInlineLimit: 0,
    // Phaser alone is 1.4 MB of the 2 MB bundle, and the scenarios another 0.4 MB.
    chunkSizeWarningLimit: 2500,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
