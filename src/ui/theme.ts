/**
 * One warm, calm palette with contrast checked for a washed-out projector: every text colour is at
 * least 4.5:1 on the surface it sits on (ink on paper ≈ 14:1, white on teal ≈ 7:1, white on red ≈ 6:1).
 */
export const FONT = '"Atkinson Hyperlegible Next", "Atkinson Hyperlegible", Verdana, sans-serif';

export const colour = {
  paper: 0xf4ecdf,
  paperDeep: 0xe9dcc8,
  card: 0xfffcf6,
  cardEdge: 0xd9c7ad,
  shadow: 0x2b2118,
  ink: 0x2b2118,
  inkSoft: 0x594636,
  accent: 0x1d5c61,
  accentSoft: 0xd5e6e4,
  focus: 0xc2571a,
  danger: 0xa8231c,
  dangerSoft: 0xf7dcd6,
  up: 0x23683a,
  down: 0xa8231c,
  track: 0xe0d2bd,
  fill: 0x3e6f87,
  white: 0xffffff,
  black: 0x000000,
} as const;

export function css(value: number): string {
  return `#${value.toString(16).padStart(6, '0')}`;
}

/** Sizes in logical pixels at 1920×1080; the floor for 8 m is 40 for card text and 36 for choices. */
export const size = {
  title: 104,
  heading: 56,
  subheading: 44,
  cardText: 42,
  choice: 36,
  body: 34,
  meterLabel: 28,
  small: 26,
} as const;

/** Lines drawn in the debrief chart; paired with end labels so colour is never the only cue. */
export const seriesColours = [0x1d5c61, 0xa8471c, 0x5b3f8c, 0x2f6b2f, 0x8c2f5b, 0x6b5a1e, 0x205a8c, 0x7a3b2e] as const;

export const motion = {
  cardIn: 320,
  cardOut: 220,
  meter: 600,
  fade: 160,
} as const;
