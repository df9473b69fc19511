/** The calm paper background shared by every screen: flat, warm, and drawn once. */
import type * as Phaser from 'phaser';
import { STAGE as FIXED, stageSize } from '../platform/viewport.ts';
import { colour } from './theme.ts';

/** `room`: the room screens' stage, as wide as the screen's shape; otherwise the 1920×1080 layout. */
export function drawBackdrop(scene: Phaser.Scene, room = false): void {
  const STAGE = room ? stageSize() : FIXED;
  const g = scene.add.graphics();
  g.fillStyle(colour.paper, 1).fillRect(0, 0, STAGE.width, STAGE.height);
  g.fillStyle(colour.paperDeep, 0.7).fillCircle(-80, STAGE.height + 40, 420);
  g.fillStyle(colour.paperDeep, 0.5).fillCircle(STAGE.width + 60, -60, 360);
  g.fillStyle(colour.accentSoft, 0.45).fillCircle(STAGE.width - 180, STAGE.height + 120, 260);
}
