/**
 * Counting hands by touch on the projector's canvas: a − and a + inside each choice's count, so a
 * trainer at a touch screen or an interactive whiteboard counts the room as + and − keys do. The
 * count is made wider for them on a touch screen; each target stays at least 44 CSS pixels on a
 * 1024×768 screen (70 logical pixels at its 0.71 scale).
 */
import type * as Phaser from 'phaser';
import { t } from '../locales/index.ts';
import { addText } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';

/** The count's width with a − and a + in it. */
export const TOUCH_PILL = 250;
const TARGET = 70;

export interface HandTap {
  /** Centres of the − and + targets in stage coordinates, for the inspector and tests. */
  less: { x: number; y: number };
  more: { x: number; y: number };
}

/** Draws − and + at the ends of a count box and makes each a tap target. */
export function addHandTaps(scene: Phaser.Scene, box: { x: number; y: number; width: number; height: number }, more: () => void, less: () => void, choice: string): HandTap {
  const made = (x: number, sign: string, run: () => void, label: string) => {
    const centre = { x: x + TARGET / 2, y: box.y + box.height / 2 };
    const face = scene.add.graphics();
    face.fillStyle(colour.card, 1).fillRoundedRect(x + 6, box.y + 8, TARGET - 12, box.height - 16, 14);
    face.lineStyle(3, colour.inkSoft, 1).strokeRoundedRect(x + 6, box.y + 8, TARGET - 12, box.height - 16, 14);
    addText(scene, centre.x, centre.y, sign, { size: 48, bold: true, originX: 0.5, originY: 0.5 });
    const zone = scene.add.zone(x, box.y, TARGET, box.height).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    zone.on('pointerup', run);
    zone.setName(label);
    return centre;
  };
  return {
    less: made(box.x, '−', less, t('handLess', { choice })),
    more: made(box.x + box.width - TARGET, '+', more, t('handMore', { choice })),
  };
}
