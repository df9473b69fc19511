/**
 * The one way to make a Text. Phaser 4 has no game-wide text resolution, so each Text is rendered
 * at the canvas's real pixels per logical pixel, and all of them are re-rendered when that changes.
 */
import * as Phaser from 'phaser';
import { FONT, colour, css } from './theme.ts';
import { stageZoom } from '../platform/viewport.ts';

interface TextOptions {
  size: number;
  bold?: boolean;
  colour?: number;
  /** Wrap width in logical pixels. */
  width?: number;
  align?: 'left' | 'center' | 'right';
  lineSpacing?: number;
  originX?: number;
  originY?: number;
}

let resolution = 1;
export const DESCENT_ROOM = 0.1;

/** A word this long cannot be a normal word, even a Dutch compound; it is wrapped by `wrapLongWords`. */
const LONG_WORD = /\S{41}/;

/**
 * Wraps at spaces, and breaks a word wider than the line at the most letters that fit (found by
 * halving). Phaser's own wrapping breaks such a word one letter at a time, measuring the rest of it
 * each time, which froze the screen for seconds on a 2,000-letter word.
 */
function wrapLongWords(content: string, text: Phaser.GameObjects.Text): string[] {
  const width = text.style.wordWrapWidth ?? Infinity;
  const measure = (s: string) => text.context.measureText(s).width;
  const lines: string[] = [];
  for (const paragraph of content.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      const joined = line ? `${line} ${word}` : word;
      if (measure(joined) <= width) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (rest.length > 1 && measure(rest) > width) {
        let low = 1;
        let high = rest.length - 1;
        while (low < high) {
          const mid = Math.ceil((low + high) / 2);
          if (measure(rest.slice(0, mid)) <= width) low = mid;
          else high = mid - 1;
        }
        lines.push(rest.slice(0, low));
        rest = rest.slice(low);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

type Metrics = Phaser.Types.GameObjects.Text.TextMetrics;

/**
 * Font metrics by weight and size. Phaser measures the font afresh for every new Text (a canvas
 * taken from its pool, a context, a measureText): on a slow laptop that was a fifth of drawing the
 * first card. The first Text in a weight and size is measured by Phaser as usual and the rest reuse
 * its figures. A font that arrives later (after the start-up's wait) is measured again.
 */
const metricsBySize = new Map<string, Metrics>();
if (typeof document !== 'undefined' && document.fonts) document.fonts.addEventListener('loadingdone', () => metricsBySize.clear());

export function addText(scene: Phaser.Scene, x: number, y: number, content: string, options: TextOptions): Phaser.GameObjects.Text {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT,
    fontSize: `${options.size}px`,
    fontStyle: options.bold ? 'bold' : 'normal',
    color: css(options.colour ?? colour.ink),
    align: options.align ?? 'left',
    lineSpacing: options.lineSpacing ?? Math.round(options.size * 0.22),
    resolution,
  };
  if (options.width) {
    style.wordWrap = LONG_WORD.test(content) ? { width: options.width, callback: wrapLongWords } : { width: options.width, useAdvancedWrap: true };
  }
  const key = `${style.fontStyle} ${style.fontSize}`;
  const known = metricsBySize.get(key);
  if (known) style.metrics = known;
  // Made empty and given its content last: Phaser renders a Text on every change of content or
  // padding, and the empty render is nearly free, so the content is measured and drawn once.
  const text = scene.add.text(x, y, '', style);
  if (!known) metricsBySize.set(key, text.style.getTextMetrics());
  // Phaser measures the font's descent at the canvas's pixel density; at fractional densities (a
  // 1280-wide window draws 0.67 real pixels per logical one) it comes out short and the last line
  // loses the bottoms of g, p and y. A little room below keeps them (wrapped texts: single lines sit
  // centred in their boxes, whose measured height the room layouts rely on).
  if (options.width) text.padding.bottom = Math.ceil(options.size * DESCENT_ROOM);
  text.setText(content);
  text.setOrigin(options.originX ?? 0, options.originY ?? 0);
  return text;
}

/**
 * Shrinks a wrapped text step by step until it fits the height — a last resort for the longest
 * scenario texts; normal texts keep their size.
 */
export function fitHeight(text: Phaser.GameObjects.Text, maxHeight: number, minSize: number): void {
  let fontSize = parseInt(String(text.style.fontSize), 10);
  while (text.height > maxHeight && fontSize > minSize) {
    fontSize -= 2;
    // One layout per step instead of two (setLineSpacing would lay the text out again): a long card
    // text goes through many steps.
    text.lineSpacing = Math.round(fontSize * 0.22);
    text.setFontSize(fontSize);
  }
}

/**
 * Shrinks a one-line text until it fits the width (meter labels, names in narrow slots); a text still
 * too wide at the smallest size (a 2,000-letter word) is cut with "…" so it never runs off the screen.
 */
export function fitWidth(text: Phaser.GameObjects.Text, maxWidth: number, minSize: number): void {
  if (shrinkToWidth(text, maxWidth, minSize)) return;
  const full = text.text;
  let low = 0;
  let high = full.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    text.setText(`${full.slice(0, mid)}…`);
    if (text.width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  text.setText(`${full.slice(0, low)}…`);
}

/** Shrinks a one-line text towards `minSize` until it fits the width; false when it does not fit even then (the caller wraps it). */
export function shrinkToWidth(text: Phaser.GameObjects.Text, maxWidth: number, minSize: number): boolean {
  let fontSize = parseInt(String(text.style.fontSize), 10);
  // Far too wide: jump close to the size it needs instead of re-rendering once per pixel of size.
  if (text.width > maxWidth * 2) {
    fontSize = Math.max(minSize, Math.floor((fontSize * maxWidth) / text.width));
    text.setFontSize(fontSize);
  }
  while (text.width > maxWidth && fontSize > minSize) {
    fontSize -= 1;
    text.setFontSize(fontSize);
  }
  return text.width <= maxWidth;
}

/** Cuts a wrapped text to a number of lines, ending in "…" rather than mid-sentence. */
export function clampLines(text: Phaser.GameObjects.Text, lines: number): void {
  const wrapped = text.getWrappedText();
  if (wrapped.length <= lines) return;
  const kept = wrapped.slice(0, lines).map((line) => line.trimEnd());
  let last = kept[lines - 1]!;
  do {
    // Whole words go first; a single word longer than the line is cut letter by letter.
    last = /\S\s+\S/.test(last) ? last.replace(/\s*\S+$/, '') : last.slice(0, -Math.max(1, Math.ceil(last.length / 8)));
    text.setText([...kept.slice(0, lines - 1), `${last}…`].join('\n'));
  } while (text.getWrappedText().length > lines && last.length > 0);
}

/** Cuts a wrapped text to the lines that fit a height, ending in "…": after `fitHeight`, for texts at the length limit. */
export function clampHeight(text: Phaser.GameObjects.Text, maxHeight: number): void {
  if (text.height <= maxHeight) return;
  const lines = text.getWrappedText().length;
  clampLines(text, Math.max(1, Math.floor((maxHeight * lines) / text.height)));
}

function eachText(list: Phaser.GameObjects.GameObject[], visit: (text: Phaser.GameObjects.Text) => void): void {
  for (const object of list) {
    if (object instanceof Phaser.GameObjects.Text) visit(object);
    else if (object instanceof Phaser.GameObjects.Container) eachText(object.list, visit);
  }
}

/** Re-renders every Text in every scene for the canvas's current pixel density. */
export function applyTextResolution(game: Phaser.Game): void {
  const next = stageZoom(game);
  if (next === resolution) return;
  resolution = next;
  for (const scene of game.scene.getScenes(false)) eachText(scene.children.list, (text) => text.setResolution(resolution));
}

export function initTextResolution(game: Phaser.Game): void {
  resolution = stageZoom(game);
}

/**
 * Wraps a text at its spaces only, shrinking it towards `minSize` until its longest word fits the
 * width: a word the wrap breaks in two ("Zorgverzek" / "eraar") reads as two words. False when the
 * longest word is wider even at `minSize`; the caller then makes room, or lets `breakWords` break it.
 */
export function wrapWhole(text: Phaser.GameObjects.Text, width: number, minSize: number): boolean {
  const words = text.text.split(/\s+/).filter(Boolean);
  const widest = () => Math.max(0, ...words.map((w) => text.context.measureText(w).width));
  let fontSize = parseInt(String(text.style.fontSize), 10);
  while (widest() > width && fontSize > minSize) {
    fontSize -= 1;
    text.setFontSize(fontSize);
  }
  text.setWordWrapWidth(width, false);
  return widest() <= width;
}

/** The last resort after `wrapWhole`: a word wider than the line is broken where it must be. */
export function breakWords(text: Phaser.GameObjects.Text, width: number): void {
  text.setWordWrapWidth(width, true);
}

/** A name in a narrow column: wrapped at spaces (a word broken only if it must be), at most `lines` lines. */
export function fitWords(text: Phaser.GameObjects.Text, width: number, minSize: number, lines: number): void {
  if (!wrapWhole(text, width, minSize)) breakWords(text, width);
  clampLines(text, lines);
}
