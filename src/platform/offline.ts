/**
 * Registers the service worker that keeps a served copy playing offline (scripts/vite-offline-plugin.ts).
 * Only over http(s): a page opened from file:// cannot have one, and the dev server has none.
 * Registered after the start (afterStart): installing it copies the whole build (2 MB) into the
 * browser's cache.
 */
import { afterStart } from './afterStart.ts';

export function keepOfflineCopy(): void {
  if (!import.meta.env.PROD || !/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // No offline copy (private window, blocked by policy): the game plays on as a plain page.
    });
  };
  afterStart(register);
}
