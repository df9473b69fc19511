/**
 * The word cloud of the room's answers, drawn as canvas text: the words the engine counted, larger as
 * more answers hold them, in centred rows that fill the box from the middle. Rows, not a spiral: no
 * word can overlap another or leave the box, at any projector shape, and the order (most first) reads
 * as a ranking from the back of the room.
 */
import type * as Phaser from 'phaser';
import type { WordCount } from '../engine/wordCloud.ts';
import { addText } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';

/** The smallest word is room text (28 px at 1080p); the most frequent one is this large. */
export const CLOUD_MIN = 28;
export const CLOUD_MAX = 96;

export interface DrawnWord {
  word: string;
  count: number;
  size: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function cloudSize(count: number, most: number): number {
  return most <= 1 ? CLOUD_MIN + Math.round((CLOUD_MAX - CLOUD_MIN) / 2) : Math.round(CLOUD_MIN + ((CLOUD_MAX - CLOUD_MIN) * (count - 1)) / (most - 1));
}

/** Draws as many words as fit the box, most frequent first; returns where each went. */
export function drawWordCloud(scene: Phaser.Scene, words: readonly WordCount[], box: { x: number; y: number; width: number; height: number }): DrawnWord[] {
  const most = Math.max(1, ...words.map((w) => w.count));
  const gap = 28;
  const rows: { texts: Phaser.GameObjects.Text[]; words: WordCount[]; width: number; height: number }[] = [];
  let used = 0;
  let row: (typeof rows)[number] | null = null;
  for (const [i, entry] of words.entries()) {
    const text = addText(scene, 0, 0, entry.word, { size: cloudSize(entry.count, most), bold: entry.count === most, colour: i % 3 === 1 ? colour.accent : i % 3 === 2 ? colour.inkSoft : colour.ink });
    // A single word wider than the box (a 60-letter compound) is left out rather than cut.
    if (text.width > box.width) {
      text.destroy();
      continue;
    }
    if (row && row.width + gap + text.width <= box.width) {
      row.texts.push(text);
      row.words.push(entry);
      row.width += gap + text.width;
      row.height = Math.max(row.height, text.height);
      continue;
    }
    if (used + (row ? row.height : 0) + text.height > box.height) {
      text.destroy();
      break;
    }
    if (row) used += row.height;
    row = { texts: [text], words: [entry], width: text.width, height: text.height };
    rows.push(row);
  }
  const total = rows.reduce((sum, r) => sum + r.height, 0);
  let y = box.y + Math.max(0, (box.height - total) / 2);
  const drawn: DrawnWord[] = [];
  for (const r of rows) {
    let x = box.x + (box.width - r.width) / 2;
    r.texts.forEach((text, i) => {
      text.setPosition(Math.round(x), Math.round(y + (r.height - text.height) / 2));
      drawn.push({ word: r.words[i]!.word, count: r.words[i]!.count, size: parseInt(String(text.style.fontSize), 10), x: text.x, y: text.y, width: text.width, height: text.height });
      x += text.width + gap;
    });
    y += r.height;
  }
  return drawn;
}
