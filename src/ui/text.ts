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
const DESCENT_ROOM = 0.1;

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
  if (options.width) style.wordWrap = { width: options.width, useAdvancedWrap: true };
  const text = scene.add.text(x, y, content, style);
  // Phaser measures the font's descent at the canvas's pixel density; at fractional densities (a
  // 1280-wide window draws 0.67 real pixels per logical one) it comes out short and the last line
  // loses the bottoms of g, p and y. A little room below keeps them (wrapped texts: single lines sit
  // centred in their boxes, whose measured height the room layouts rely on).
  if (options.width) text.setPadding(0, 0, 0, Math.ceil(options.size * DESCENT_ROOM));
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
    text.setFontSize(fontSize);
    text.setLineSpacing(Math.round(fontSize * 0.22));
  }
}

/** Shrinks a one-line text until it fits the width (meter labels, names in narrow slots). */
export function fitWidth(text: Phaser.GameObjects.Text, maxWidth: number, minSize: number): void {
  let fontSize = parseInt(String(text.style.fontSize), 10);
  while (text.width > maxWidth && fontSize > minSize) {
    fontSize -= 1;
    text.setFontSize(fontSize);
  }
}

/** Cuts a wrapped text to a number of lines, ending in "…" rather than mid-sentence. */
export function clampLines(text: Phaser.GameObjects.Text, lines: number): void {
  const wrapped = text.getWrappedText();
  if (wrapped.length <= lines) return;
  const kept = wrapped.slice(0, lines).map((line) => line.trimEnd());
  let last = kept[lines - 1]!;
  do {
    last = last.replace(/\s*\S+$/, '');
    text.setText([...kept.slice(0, lines - 1), `${last}…`].join('\n'));
  } while (text.getWrappedText().length > lines && last.length > 0);
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
