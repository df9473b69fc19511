import { defineConfig } from 'vite';
import { levelsPlugin } from './scripts/vite-levels-plugin.ts';

export default defineConfig({
  // Relative paths so the build also works from a USB stick or a sub-folder on a workshop laptop.
  base: './',
  // `npm start`: saving a file in levels/ prints its problems here (issue 6).
  plugins: [levelsPlugin()],
  build: {
    target: 'es2022',
    // Phaser's SVG loader fetches by URL; inlined data URIs would bypass the texture size we ask for.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
