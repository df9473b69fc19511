/**
 * Work the game wants done soon but not while it starts: a few seconds after the first screen, when
 * the browser is idle, so that it does not compete with the start or the first keys on a slow laptop.
 */
const AFTER_START_MS = 5000;

export function afterStart(task: () => void): void {
  setTimeout(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 5000 });
    else task();
  }, AFTER_START_MS);
}
