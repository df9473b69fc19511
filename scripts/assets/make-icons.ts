/**
 * Generates the meter icons in assets/icons/<name>.svg.
 *
 * Each icon is a bold, simple shape in pure white (#ffffff) on a transparent 64×64 canvas; the game
 * tints them. Strokes are at least 5 units wide and holes at least 4 units, so they stay readable at
 * 40 px. Holes are cut with fill-rule="evenodd" or a mask (ids are prefixed with the icon name).
 *
 * Run: npx tsx scripts/assets/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'icons');
const W = '#ffffff';
/** The size the browser rasterises the file at: twice the largest icon on a 1080p screen, so a 4K projector stays sharp. */
const SIZE = 144;

const fill = (d: string, extra = ''): string => `<path d="${d}" fill="${W}"${extra ? ' ' + extra : ''}/>`;
const evenodd = (d: string): string => fill(d, 'fill-rule="evenodd"');
const line = (d: string, width = 6): string =>
  `<path d="${d}" fill="none" stroke="${W}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;
const circle = (cx: number, cy: number, r: number): string => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${W}"/>`;
const ring = (cx: number, cy: number, r: number, width: number): string =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${W}" stroke-width="${width}"/>`;
const rect = (x: number, y: number, w: number, h: number, r = 0): string =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${W}"/>`;

/** Rounded rectangle as a path (for evenodd compounds). */
function rr(x: number, y: number, w: number, h: number, r: number): string {
  return `M${x + r} ${y} H${x + w - r} A${r} ${r} 0 0 1 ${x + w} ${y + r} V${y + h - r} A${r} ${r} 0 0 1 ${x + w - r} ${y + h} H${x + r} A${r} ${r} 0 0 1 ${x} ${y + h - r} V${y + r} A${r} ${r} 0 0 1 ${x + r} ${y} Z`;
}

/** Shapes drawn white, with the `cut` shapes (drawn black) removed through a mask. */
function masked(name: string, shapes: string, cut: string, after = ''): string {
  const blackCut = cut.replaceAll(`"${W}"`, '"#000000"');
  return `<mask id="${name}-m" maskUnits="userSpaceOnUse" x="0" y="0" width="64" height="64"><rect width="64" height="64" fill="#000000"/><g>${shapes}</g><g>${blackCut}</g><g>${after}</g></mask><rect width="64" height="64" fill="${W}" mask="url(#${name}-m)"/>`;
}

function person(cx: number, headY: number, headR: number, bodyW: number, bodyTop: number, bottom: number): string {
  const half = bodyW / 2;
  const r = Math.min(half, 12);
  return (
    circle(cx, headY, headR) +
    fill(`M${cx - half} ${bottom} V${bodyTop + r} A${r} ${r} 0 0 1 ${cx - half + r} ${bodyTop} H${cx + half - r} A${r} ${r} 0 0 1 ${cx + half} ${bodyTop + r} V${bottom} Z`)
  );
}

const ICONS: Record<string, string> = {
  backpack:
    line('M24 14 V11 A5 5 0 0 1 29 6 H35 A5 5 0 0 1 40 11 V14', 5) +
    masked('backpack', rect(12, 13, 40, 46, 12), rect(19, 35, 26, 4, 2) + rect(19, 35, 4, 17, 2) + rect(41, 35, 4, 17, 2) + rect(19, 48, 26, 4, 2)),
  family:
    // two adults and a child between them
    masked(
      'family',
      person(15, 12, 8, 20, 24, 56) + person(49, 12, 8, 20, 24, 56),
      `<path d="M22 64 V48 A10 10 0 0 1 42 48 V64" fill="${W}" stroke="${W}" stroke-width="8"/><circle cx="32" cy="33" r="11" fill="${W}"/>`,
      person(32, 33, 7, 16, 42, 62),
    ),
  chalkboard:
    // a school board on an easel, with chalk writing
    evenodd(`${rr(4, 5, 56, 40, 4)} ${rr(10, 11, 44, 28, 2)}`) +
    line('M16 31 C18 20 23 19 24 26 C25 33 29 33 31 24', 5) +
    line('M38 20 V30 M33 25 H43', 4.5) +
    line('M18 46 L12 60 M46 46 L52 60', 6) +
    rect(24, 1, 16, 6, 3),
  building:
    evenodd(
      `${rr(12, 6, 40, 54, 3)} ${rr(19, 13, 9, 8, 1)} ${rr(36, 13, 9, 8, 1)} ${rr(19, 27, 9, 8, 1)} ${rr(36, 27, 9, 8, 1)} M26 60 V46 A2 2 0 0 1 28 44 H36 A2 2 0 0 1 38 46 V60 Z`,
    ) + rect(6, 56, 52, 5, 2),
  magnifier: ring(26, 26, 16, 7) + line('M38 38 L54 54', 10),
  coins:
    // a stack of coins and one coin standing beside it
    rect(4, 50, 30, 9, 4.5) + rect(6, 39, 30, 9, 4.5) + rect(4, 28, 30, 9, 4.5) +
    masked('coins', circle(46, 24, 15), `<circle cx="46" cy="24" r="9" fill="none" stroke="${W}" stroke-width="4"/>`),
  heart: fill('M32 56 C24 49 6 38 6 22 C6 13 13 7 21 7 C26 7 30 10 32 14 C34 10 38 7 43 7 C51 7 58 13 58 22 C58 38 40 49 32 56 Z'),
  shield: masked(
    'shield',
    fill('M32 4 L54 12 V30 C54 44 44 54 32 60 C20 54 10 44 10 30 V12 Z'),
    line('M21 32 L29 40 L43 24', 6),
  ),
  stethoscope:
    line('M16 6 V24 A12 12 0 0 0 40 24 V6', 6) +
    line('M28 36 V44 A10 10 0 0 0 48 44 V38', 6) +
    ring(48, 32, 7, 5) +
    rect(11, 4, 10, 6, 3) + rect(35, 4, 10, 6, 3),
  cross: fill('M24 6 H40 A2 2 0 0 1 42 8 V22 H56 A2 2 0 0 1 58 24 V40 A2 2 0 0 1 56 42 H42 V56 A2 2 0 0 1 40 58 H24 A2 2 0 0 1 22 56 V42 H8 A2 2 0 0 1 6 40 V24 A2 2 0 0 1 8 22 H22 V8 A2 2 0 0 1 24 6 Z'),
  people: masked(
    'people',
    person(14, 20, 7, 16, 31, 56) + person(50, 20, 7, 16, 31, 56) + person(32, 16, 9.5, 24, 31, 60),
    // gaps separating the front figure from the two behind it
    `<path d="M18 60 V43 A14 14 0 0 1 32 29 A14 14 0 0 1 46 43 V60" fill="none" stroke="${W}" stroke-width="4"/><circle cx="32" cy="16" r="12.5" fill="none" stroke="${W}" stroke-width="4"/>`,
  ),
  house: evenodd('M32 5 L60 30 L54 30 V59 H10 V30 H4 Z M26 59 V42 A2 2 0 0 1 28 40 H36 A2 2 0 0 1 38 42 V59 Z'),
  columns:
    fill('M32 4 L60 18 V22 H4 V18 Z') +
    rect(9, 26, 8, 24, 1) + rect(22, 26, 8, 24, 1) + rect(34, 26, 8, 24, 1) + rect(47, 26, 8, 24, 1) +
    rect(6, 52, 52, 5, 1) + rect(3, 58, 58, 4, 1),
  handshake: masked(
    'handshake',
    // two sleeves and the clasped hands
    fill('M1 24 L12 19 L19 43 L8 47 Z') +
      fill('M63 24 L52 19 L45 43 L56 47 Z') +
      fill('M14 27 C20 22 26 20 32 21 L45 19 C49 19 51 22 50 26 L48 37 C45 45 38 49 30 49 C22 49 17 43 15 37 Z'),
    `<path d="M24 49 L28 38 M31 50 L35 38 M38 48 L41 38 M22 29 L34 26" fill="none" stroke="${W}" stroke-width="4" stroke-linecap="round"/>`,
  ),
  scales:
    rect(29, 8, 6, 46, 3) + rect(16, 54, 32, 6, 3) + circle(32, 8, 5) +
    line('M8 16 H56', 5) +
    line('M12 16 L5 36 M12 16 L19 36 M52 16 L45 36 M52 16 L59 36', 4) +
    fill('M3 36 H21 A9 9 0 0 1 3 36 Z') + fill('M43 36 H61 A9 9 0 0 1 43 36 Z'),
  star: fill('M32 4 L40.5 21.5 L59.5 24 L45.5 37.5 L49 56.5 L32 47.5 L15 56.5 L18.5 37.5 L4.5 24 L23.5 21.5 Z', 'stroke="#ffffff" stroke-width="4" stroke-linejoin="round"'),
  clock: ring(32, 34, 23, 7) + line('M32 34 V21 M32 34 L41 40', 6) + rect(26, 3, 12, 6, 3),
  neutral:
    // a gauge: the generic meter
    masked(
      'neutral',
      fill('M4 46 A28 28 0 0 1 60 46 Z'),
      fill('M14 46 A18 18 0 0 1 50 46 Z'),
    ) +
    line('M32 46 L44 28', 6) + circle(32, 46, 6),
};

export const ICON_NAMES = [
  'backpack', 'family', 'chalkboard', 'building', 'magnifier', 'coins', 'heart', 'shield', 'stethoscope', 'cross',
  'people', 'house', 'columns', 'handshake', 'scales', 'star', 'clock', 'neutral',
] as const;

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const name of ICON_NAMES) {
    const body = ICONS[name];
    if (!body) throw new Error(`no icon defined for ${name}`);
    writeFileSync(join(OUT_DIR, `${name}.svg`), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${SIZE}" height="${SIZE}">${body}</svg>\n`);
  }
  console.log(`wrote ${ICON_NAMES.length} icons to ${OUT_DIR}`);
}

main();
