/**
 * index.html shows what to do when the game cannot start (its #blocked message). This module is the
 * first the game's script runs, before Phaser and everything else: it tells the page the script runs,
 * and that starting failed if anything throws before the first screen is up (Phaser's own start-up
 * included), so the message shows at once instead of after its wait.
 */
const root = document.documentElement;
root.dataset.boot = 'running';
const failed = () => {
  root.dataset.boot = 'failed';
};
window.addEventListener('error', failed);
window.addEventListener('unhandledrejection', failed);

/** Called once the first screen is up: from here on errors are the game's own to handle. */
export function started(): void {
  window.removeEventListener('error', failed);
  window.removeEventListener('unhandledrejection', failed);
  root.dataset.boot = 'started';
  document.getElementById('blocked')?.remove();
}

/** For a failure caught before the first screen. */
export function failedToStart(): void {
  failed();
}
