/**
 * Served over HTTP(S), the game is an installable web app that keeps working when the network goes:
 * vite-plugin-pwa (Workbox) writes a service worker that precaches the whole build and a manifest
 * with the icons from public/icons/ (scripts/assets/make-app-icons.ts).
 *
 * Updates: a new service worker takes over at once (skipWaiting, clientsClaim) but nothing reloads
 * the page; the game in front of the room keeps the code it started with, and the next start gets
 * the new version. Saves live in localStorage, which the service worker never touches, and the save
 * format is versioned (src/engine/save.ts), so an update does not lose a saved game.
 *
 * The game registers the worker itself, only on http(s) (src/platform/offline.ts): a page opened
 * from file:// has no service worker.
 *
 * The phones' short address `p` (which the room server answers with phone.html) is the phone page
 * here too: a browser that has loaded the game would otherwise get the game at `…/p` from the
 * worker's fallback, online and offline alike.
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/** `…/p` and `…/p/` with any query, as Workbox tests a navigation's path and query against it. */
const PHONE_ADDRESS = /\/p\/?(\?.*)?$/;

export function offlinePlugin(): PluginOption {
  return VitePWA({
    injectRegister: false,
    registerType: 'autoUpdate',
    manifest: {
      name: 'Meerdere heren dienen · Many Masters',
      short_name: 'Many Masters',
      description: 'Wie is je klant? Een spel voor workshops. · Who is your customer? A workshop game.',
      lang: 'nl',
      start_url: './',
      scope: './',
      display: 'fullscreen',
      background_color: '#e9dcc8',
      theme_color: '#1d5c61',
      icons: [
        { src: 'icons/app-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/app-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/app-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/app.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // The manifest's icons are added by the plugin; nothing else is needed offline.
      globPatterns: ['**/*.{js,css,html,webmanifest}'],
      // The one script holds Phaser, every scenario and the inlined art and sounds (about 2.4 MB).
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // `index.html?scenario=school` and any other address under the game's folder open the game.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [PHONE_ADDRESS],
      ignoreURLParametersMatching: [/.*/],
      runtimeCaching: [
        {
          // Written into sw.js as source text, so both functions use nothing from this file.
          urlPattern: ({ request, url }) => request.mode === 'navigate' && /\/p\/?$/.test(url.pathname),
          // The precached phone page (its cache key carries a revision query), else the server's.
          handler: async ({ request, url }) => {
            const page = new URL('phone.html', url.pathname.endsWith('/') ? new URL('..', url) : url);
            return (await caches.match(page.href, { ignoreSearch: true })) ?? fetch(request);
          },
        },
      ],
    },
  });
}
