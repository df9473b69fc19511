/**
 * Registers the service worker that keeps a served copy playing offline (scripts/vite-offline-plugin.ts).
 * Only over http(s): a page opened from file:// cannot have one, and the dev server has none.
 * Registered once the first screen is up, so that precaching the build does not compete with the start.
 */
export function keepOfflineCopy(): void {
  if (!import.meta.env.PROD || !/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // No offline copy (private window, blocked by policy): the game plays on as a plain page.
    });
  };
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
  else setTimeout(register, 1000);
}
