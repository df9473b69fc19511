/**
 * Labels over the columns of a table (meters, tags) on the room screens, each centred over its column
 * and wrapped at spaces only. When a label's longest word does not fit its column even at room size
 * ("Zorgverzekeraar" in a fifth of a 4:3 projector), the labels take turns on two rows, so each may use
 * the width of two columns; only a word wider than that is broken.
 */
import type * as Phaser from 'phaser';
import { addText, breakWords, clampLines, DESCENT_ROOM, wrapWhole } from './text.ts';
import { colour } from './theme.ts';

export interface ColumnLabels {
  texts: Phaser.GameObjects.Text[];
  /** From `top` to below the lowest label. */
  height: number;
  /** True when the labels take turns on two rows. */
  staggered: boolean;
}

export function drawColumnLabels(scene: Phaser.Scene, labels: readonly string[], centres: readonly number[], column: number, top: number, options: { size: number; minSize: number; left: number; right: number; colour?: number }): ColumnLabels {
  const make = (label: string, width: number, x: number) => {
    const text = addText(scene, x, top, label, { size: options.size, bold: true, colour: options.colour ?? colour.ink, originX: 0.5, align: 'center' });
    text.setLineSpacing(0);
    // Not wrapped by addText, so without its room for descenders: "Zorgverzekeraar" lost the foot of its g.
    text.setPadding({ bottom: Math.ceil(options.size * DESCENT_ROOM) });
    const whole = wrapWhole(text, width, options.minSize);
    return { text, whole };
  };
  const single = labels.map((label, i) => make(label, column - 16, centres[i]!));
  if (single.every((s) => s.whole && s.text.getWrappedText().length <= 2)) {
    return { texts: single.map((s) => s.text), height: Math.max(0, ...single.map((s) => s.text.height)), staggered: false };
  }
  single.forEach((s) => s.text.destroy());
  // Two rows: each label may be two columns wide, centred on its column and inside the table's edges.
  const rows = labels.map((label, i) => {
    const x = centres[i]!;
    const width = Math.min(column * 2 - 24, 2 * (x - options.left), 2 * (options.right - x));
    const { text, whole } = make(label, width, x);
    if (!whole) breakWords(text, width);
    clampLines(text, 3);
    return text;
  });
  const firstRow = Math.max(0, ...rows.filter((_, i) => i % 2 === 0).map((t) => t.height));
  rows.forEach((text, i) => {
    if (i % 2 === 1) text.setY(top + firstRow + 6);
  });
  const secondRow = Math.max(0, ...rows.filter((_, i) => i % 2 === 1).map((t) => t.height));
  return { texts: rows, height: firstRow + 6 + secondRow, staggered: true };
}
