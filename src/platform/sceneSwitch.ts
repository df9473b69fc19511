/**
 * Starting a screen by its key. Scenes and the authoring flow move between screens through this,
 * by key only, so that no scene imports another; the list of scene classes is in scenes/list.ts,
 * which only main.ts imports.
 */
import type * as Phaser from 'phaser';
import { settle } from './keys.ts';
import { requestFrames } from './redraw.ts';

export const MAIN_SCENES = ['title', 'play', 'ending', 'mode', 'setup', 'workshop', 'whatif', 'debrief', 'author', 'problems', 'map', 'join', 'question', 'rating'] as const;
export type MainScene = (typeof MAIN_SCENES)[number];

/** What the overlay scene shows over the current screen. */
export type OverlayKind = 'menu' | 'help' | 'blank';

export function switchTo(game: Phaser.Game, key: MainScene): void {
  for (const other of MAIN_SCENES) if (other !== key && game.scene.isActive(other)) game.scene.stop(other);
  game.scene.stop('overlay');
  // Explicit empty data: Phaser otherwise hands a scene the data of its previous run (a debrief page, say).
  game.scene.start(key, {});
  settle();
  requestFrames();
}

export function openOverlay(game: Phaser.Game, kind: OverlayKind): void {
  game.scene.stop('overlay');
  game.scene.start('overlay', { kind });
  game.scene.bringToTop('overlay');
  settle();
  requestFrames();
}
