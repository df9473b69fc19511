/**
 * Registers the service worker that keeps a served copy playing offline (scripts/vite-offline-plugin.ts).
 * Only over http(s): a page opened from file:// cannot have one, and the dev server has none.
 * Registered a few seconds after the first screen, when the browser is idle: installing it copies the
 * whole build (2.4 MB) into the browser's cache, which must not compete with the start or the first
 * keys of play on a slow laptop.
 */
const AFTER_START_MS = 5000;

export function keepOfflineCopy(): void {
  if (!import.meta.env.PROD || !/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // No offline copy (private window, blocked by policy): the game plays on as a plain page.
    });
  };
  setTimeout(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
    else register();
  }, AFTER_START_MS);
}
