/**
 * Draw only when something changes. A card can stay up for minutes of discussion, so the game loop
 * sleeps once nothing moves and wakes on input, on a tween, or when a scene asks for a frame.
 */
import * as Phaser from 'phaser';

let awakeUntil = 0;
let theGame: Phaser.Game | null = null;
const AFTER_INPUT_MS = 400;

/** Scene starts, stops and restarts wait in the manager's queue for the next step; sleeping now would strand them. */
function sceneOpsQueued(game: Phaser.Game): boolean {
  const manager = game.scene as unknown as { _queue?: unknown[]; _start?: unknown[]; _pending?: unknown[] };
  return (manager._queue?.length ?? 0) > 0 || (manager._start?.length ?? 0) > 0 || (manager._pending?.length ?? 0) > 0;
}

function busy(game: Phaser.Game): boolean {
  if (sceneOpsQueued(game)) return true;
  for (const scene of game.scene.getScenes(false)) {
    const sys = scene.sys;
    const status = sys.settings.status;
    // Loading or creating; a scene never started stays at INIT and must not keep the loop awake.
    if (status >= Phaser.Scenes.START && status < Phaser.Scenes.RUNNING) return true;
    if (sys.settings.active && scene.tweens.getTweens().length > 0) return true;
  }
  return false;
}

export function requestFrames(ms = AFTER_INPUT_MS): void {
  awakeUntil = Math.max(awakeUntil, performance.now() + ms);
  if (theGame && !theGame.loop.running) theGame.loop.wake(true);
}

/** A scene is about to start, stop or restart: the screen shown is on its way out. */
export function sceneChangePending(): boolean {
  return theGame !== null && sceneOpsQueued(theGame);
}

export function isSleeping(): boolean {
  return theGame !== null && !theGame.loop.running;
}

export function drawOnDemand(game: Phaser.Game): void {
  theGame = game;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (performance.now() < awakeUntil || busy(game)) return;
    game.loop.sleep();
  });
  const wake = () => requestFrames();
  for (const type of ['keydown', 'keyup', 'pointerdown', 'pointerup', 'pointermove', 'wheel', 'touchstart', 'touchend', 'focus', 'resize']) {
    window.addEventListener(type, wake, { passive: true });
  }
  document.addEventListener('visibilitychange', wake);
}
