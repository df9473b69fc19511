/** The calm paper background shared by every screen: flat, warm, and drawn once. */
import type * as Phaser from 'phaser';
import { STAGE } from '../platform/viewport.ts';
import { colour } from './theme.ts';

export function drawBackdrop(scene: Phaser.Scene): void {
  const g = scene.add.graphics();
  g.fillStyle(colour.paper, 1).fillRect(0, 0, STAGE.width, STAGE.height);
  g.fillStyle(colour.paperDeep, 0.7).fillCircle(-80, STAGE.height + 40, 420);
  g.fillStyle(colour.paperDeep, 0.5).fillCircle(STAGE.width + 60, -60, 360);
  g.fillStyle(colour.accentSoft, 0.45).fillCircle(STAGE.width - 180, STAGE.height + 120, 260);
}
