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

function tweening(scene: Phaser.Scene): boolean {
  return scene.sys.settings.active && scene.tweens.getTweens().length > 0;
}

/** Loading or creating; a scene never started stays at INIT and must not keep the loop awake. */
function starting(scene: Phaser.Scene): boolean {
  const status = scene.sys.settings.status;
  return status >= Phaser.Scenes.START && status < Phaser.Scenes.RUNNING;
}

function busy(game: Phaser.Game): boolean {
  return sceneOpsQueued(game) || game.scene.getScenes(false).some((scene) => starting(scene) || tweening(scene));
}

/** Whether anything on screen is animating now (a card coming in, a meter moving). */
export function isMoving(): boolean {
  return theGame !== null && theGame.scene.getScenes(false).some(tweening);
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
