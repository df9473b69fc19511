/**
 * A build that starts wherever a trainer opens it: double-clicked from a folder or USB stick
 * (file://), served from any sub-folder, or under a strict Content-Security-Policy.
 *
 * A page opened from file:// has the origin `null`, and Chromium refuses it every request that needs
 * CORS: module scripts, stylesheets marked `crossorigin`, fonts, and XHR (Howler's sound loading).
 * Images from file:// load but taint a WebGL texture. So the build
 * - is one classic script (an IIFE, no module, no code splitting) loaded with `defer`;
 * - links its stylesheet without `crossorigin`;
 * - inlines every asset (art, sounds, the font) as a data: URL, which the strict CSP allows
 *   (img-src, media-src and font-src 'self' data:) and which needs no request at all.
 * Nothing is inline script, so `script-src 'self'` holds.
 */
import type { Plugin } from 'vite';

/** `<script type="module" crossorigin src>` → `<script defer src>`; `crossorigin` off every link. */
export function classicScripts(html: string): string {
  return html
    .replace(/<script\b([^>]*)\btype="module"([^>]*)><\/script>/g, (_, before: string, after: string) => `<script defer${before}${after}></script>`)
    .replace(/(<(?:script|link)\b[^>]*?)\s+crossorigin(?:="[^"]*")?/g, '$1')
    .replace(/<script defer\s+/g, '<script defer ');
}

export function portablePlugin(): Plugin {
  return {
    name: 'many-masters-portable',
    apply: 'build',
    config() {
      return {
        build: {
          // Every asset becomes a data: URL: nothing for file:// or a CSP to refuse.
          assetsInlineLimit: () => true,
          // A classic script has no module preloading to polyfill.
          modulePreload: false,
          cssCodeSplit: false,
          // ASCII only (other characters as \u escapes): V8 then keeps the 2 MB source as one byte a
          // character instead of two, and scans it faster; one curly quote in a locale was enough to double it.
          rolldownOptions: { output: { format: 'iife', codeSplitting: false, charset: 'ascii' } },
        },
      };
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => classicScripts(html),
    },
  };
}
