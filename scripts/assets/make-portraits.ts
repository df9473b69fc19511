/**
 * Generates the stakeholder portraits in assets/portraits/<name>.svg.
 *
 * Every portrait is built from the same building blocks (background, bust, head, face, hair,
 * clothing, accessories, props) so the cast shares one warm flat-vector style. The output is plain
 * SVG 1.1: paths, circles, ellipses, rects and one clipPath per file; no text, filters, gradients,
 * scripts or external references, so it rasterises the same in every renderer.
 *
 * Run: npx tsx scripts/assets/make-portraits.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'portraits');

// ---------------------------------------------------------------------------------------------
// Colour helpers
// ---------------------------------------------------------------------------------------------

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = rgb(a);
  const [br, bg, bb] = rgb(b);
  const c = (x: number, y: number): string =>
    Math.round(x + (y - x) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${c(ar, br)}${c(ag, bg)}${c(ab, bb)}`;
}

/** Darker, slightly warm version of a colour (for shadows). */
const shade = (c: string, t = 0.2): string => mix(c, '#2a1410', t);
/** Lighter version of a colour (for highlights). */
const tint = (c: string, t = 0.3): string => mix(c, '#ffffff', t);

// ---------------------------------------------------------------------------------------------
// SVG helpers
// ---------------------------------------------------------------------------------------------

type Pt = readonly [number, number];

const f = (n: number): string => (Math.round(n * 10) / 10).toString();

function path(d: string, fill: string, extra = ''): string {
  return `<path d="${d}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
}

function stroke(d: string, color: string, width: number, extra = ''): string {
  const cap = extra.includes('stroke-linecap') ? '' : ' stroke-linecap="round"';
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${width}"${cap} stroke-linejoin="round"${extra ? ' ' + extra : ''}/>`;
}

function circle(cx: number, cy: number, r: number, fill: string, extra = ''): string {
  return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
}

function ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, extra = ''): string {
  return `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
}

function rect(x: number, y: number, w: number, h: number, r: number, fill: string, extra = ''): string {
  return `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="${f(r)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
}

function poly(pts: readonly Pt[], fill: string, extra = ''): string {
  return `<polygon points="${pts.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
}

/** Mirror points around the vertical centre line x = 256. */
const mirror = (pts: readonly Pt[]): Pt[] => pts.map(([x, y]) => [512 - x, y] as const);

/** Mirror an absolute-coordinate path (only M/L/C/Q/Z with x,y pairs) around x = 256. */
function mirrorPath(d: string): string {
  return d.replace(/(-?\d+(?:\.\d+)?)[ ,]+(-?\d+(?:\.\d+)?)/g, (_m, x: string, y: string) => `${f(512 - Number(x))} ${y}`);
}

function group(content: string[], extra = ''): string {
  return `<g${extra ? ' ' + extra : ''}>${content.join('')}</g>`;
}

// ---------------------------------------------------------------------------------------------
// Shared geometry
// ---------------------------------------------------------------------------------------------

const HEAD = 'M256 112 C305 112 331 148 331 198 C331 254 300 292 256 292 C212 292 181 254 181 198 C181 148 207 112 256 112 Z';
const TORSO =
  'M58 520 C58 414 102 368 184 348 C208 342 230 338 256 338 C282 338 304 342 328 348 C410 368 454 414 454 520 Z';
const EYE_L: Pt = [227, 206];
const EYE_R: Pt = [285, 206];

const INK = '#2b1d1a';
const MOUTH = '#8c3a33';

export interface Palette {
  name: string;
  skin: string;
  hair: string;
  bg: string;
}

// ---------------------------------------------------------------------------------------------
// Body: neck, torso, necklines
// ---------------------------------------------------------------------------------------------

function neck(p: Palette): string {
  return [
    path('M222 240 L222 350 Q256 368 290 350 L290 240 Z', p.skin),
    path('M222 276 C236 314 276 314 290 276 L290 318 C274 336 238 336 222 318 Z', shade(p.skin, 0.16)),
  ].join('');
}

function torso(color: string): string {
  return path(TORSO, color);
}

/** Shadow on the far (right) side of the torso for a little depth. */
function torsoShade(color: string): string {
  return path('M360 356 C420 380 454 420 454 520 L392 520 C398 450 388 400 360 356 Z', shade(color, 0.12));
}

function roundNeck(p: Palette, band?: string): string {
  const parts = [path('M218 342 Q256 332 294 342 C290 382 222 382 218 342 Z', p.skin)];
  if (band) parts.push(stroke('M214 342 C220 388 292 388 298 342', band, 9));
  return parts.join('');
}

function vNeck(p: Palette, depth = 398, band?: string): string {
  const parts = [path(`M220 341 Q256 332 292 341 L256 ${depth} Z`, p.skin)];
  if (band) parts.push(stroke(`M214 340 L256 ${depth + 6} L298 340`, band, 9));
  return parts.join('');
}

/** Shirt collar points around an open neck. */
function shirtCollar(color: string, open = true): string {
  const left: Pt[] = [[214, 334], [250, 384], [226, 392], [204, 352]];
  const parts = [poly(left, color), poly(mirror(left), color)];
  if (!open) parts.unshift(poly([[226, 340], [256, 380], [286, 340]], shade(color, 0.1)));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Outfits
// ---------------------------------------------------------------------------------------------

function tee(p: Palette, color: string): string {
  return [torso(color), torsoShade(color), roundNeck(p, shade(color, 0.15))].join('');
}

function hoodie(p: Palette, color: string): string {
  const dark = shade(color, 0.18);
  return [
    torso(color),
    torsoShade(color),
    // hood lying around the neck
    path('M188 352 C178 318 214 330 256 334 C298 330 334 318 324 352 C300 372 212 372 188 352 Z', dark),
    roundNeck(p),
    stroke('M212 344 C220 386 292 386 300 344', shade(color, 0.3), 8),
    // drawstrings
    stroke('M240 378 L236 430', '#f4efe6', 6),
    stroke('M272 378 L276 430', '#f4efe6', 6),
    circle(236, 434, 5, '#f4efe6'),
    circle(276, 434, 5, '#f4efe6'),
  ].join('');
}

function cardigan(p: Palette, color: string, shirt: string): string {
  const band = shade(color, 0.16);
  return [
    torso(color),
    torsoShade(color),
    poly([[208, 342], [256, 452], [304, 342]], shirt),
    roundNeck(p, shade(shirt, 0.12)),
    stroke('M206 340 L256 456 L306 340', band, 12),
    circle(256, 476, 6, tint(color, 0.45)),
    circle(256, 504, 6, tint(color, 0.45)),
    // pocket hints
    rect(122, 452, 56, 8, 4, band),
    rect(334, 452, 56, 8, 4, band),
  ].join('');
}

interface JacketOpts {
  shirt: string;
  tie?: string;
  /** show an open shirt collar (no tie) */
  openCollar?: boolean;
  /** blouse instead of a collared shirt */
  blouse?: boolean;
  depth?: number;
}

function lapels(color: string, depth: number): string {
  const left: Pt[] = [[206, 340], [184, 384], [204, 392], [256, depth], [224, 352]];
  return [poly(left, color), poly(mirror(left), color)].join('');
}

function tie(color: string, length = 440): string {
  return [
    poly([[244, 350], [268, 350], [264, 370], [248, 370]], shade(color, 0.1)),
    poly([[248, 368], [264, 368], [274, length], [256, length + 18], [238, length]], color),
    stroke(`M252 392 L266 404 M248 414 L270 428`, shade(color, 0.18), 4),
  ].join('');
}

function jacket(p: Palette, color: string, o: JacketOpts): string {
  const depth = o.depth ?? 452;
  const parts = [torso(color), torsoShade(color)];
  parts.push(poly([[214, 340], [256, depth], [298, 340]], o.shirt));
  if (o.blouse) {
    parts.push(path('M222 340 Q256 332 290 340 C286 378 226 378 222 340 Z', p.skin));
    parts.push(stroke('M218 340 C224 384 288 384 294 340', shade(o.shirt, 0.08), 7));
  } else if (o.tie) {
    parts.push(shirtCollar(o.shirt, false));
    parts.push(tie(o.tie, depth - 30));
  } else {
    parts.push(path('M226 340 Q256 332 286 340 L256 384 Z', p.skin));
    parts.push(shirtCollar(o.shirt));
  }
  parts.push(lapels(shade(color, 0.22), depth));
  parts.push(circle(262, depth + 22, 6, shade(color, 0.35)));
  // breast pocket line
  parts.push(rect(324, 420, 50, 7, 3.5, shade(color, 0.22)));
  return parts.join('');
}

function whiteCoat(p: Palette, shirt: string, tieColor?: string): string {
  const coat = '#f6f8fa';
  const edge = '#d5dde4';
  const parts = [torso(coat), path('M360 356 C420 380 454 420 454 520 L392 520 C398 450 388 400 360 356 Z', '#e6ecf1')];
  parts.push(poly([[214, 340], [256, 452], [298, 340]], shirt));
  if (tieColor) {
    parts.push(shirtCollar(tint(shirt, 0.5), false));
    parts.push(tie(tieColor, 424));
  } else {
    parts.push(roundNeck(p, shade(shirt, 0.12)));
  }
  const left: Pt[] = [[206, 340], [182, 390], [204, 398], [256, 470], [224, 352]];
  parts.push(poly(left, edge), poly(mirror(left), edge));
  // chest pocket with pens
  parts.push(rect(340, 430, 9, 34, 3, '#3b6fd1'), rect(354, 426, 9, 38, 3, '#d94f45'));
  parts.push(rect(326, 446, 62, 52, 8, edge));
  return parts.join('');
}

function scrubs(p: Palette, color: string, pocket = true): string {
  const dark = shade(color, 0.2);
  const parts = [torso(color), torsoShade(color), vNeck(p, 402, dark)];
  if (pocket) {
    parts.push(rect(150, 420, 58, 56, 8, shade(color, 0.1)), rect(150, 420, 58, 10, 5, dark));
    parts.push(rect(170, 404, 8, 26, 3, '#ffffff'));
  }
  return parts.join('');
}

function gown(p: Palette, color: string, name: string): string {
  const motif = shade(color, 0.22);
  const dots: string[] = [];
  for (let y = 372; y < 520; y += 34) {
    for (let x = 40 + ((y / 34) % 2) * 17; x < 480; x += 34) {
      dots.push(poly([[x, y - 6], [x + 6, y], [x, y + 6], [x - 6, y]], motif));
    }
  }
  return [
    `<clipPath id="${name}-torso"><path d="${TORSO}"/></clipPath>`,
    torso(color),
    group(dots, `clip-path="url(#${name}-torso)"`),
    torsoShade(color),
    path('M214 342 Q256 332 298 342 C294 392 218 392 214 342 Z', p.skin),
    stroke('M210 342 C216 398 296 398 302 342', tint(color, 0.5), 10),
    // shoulder ties
    stroke('M176 356 L166 384 M176 356 L190 384', tint(color, 0.55), 5),
  ].join('');
}

function coat(_: Palette, color: string): string {
  const dark = shade(color, 0.2);
  const collar: Pt[] = [[196, 334], [168, 392], [206, 404], [246, 470], [226, 346]];
  return [
    torso(color),
    torsoShade(color),
    poly([[214, 340], [256, 460], [298, 340]], shade(color, 0.35)),
    poly(collar, dark),
    poly(mirror(collar), dark),
    circle(226, 488, 8, shade(color, 0.4)),
    circle(286, 488, 8, shade(color, 0.4)),
  ].join('');
}

/** Knitted scarf wrapped around the neck with one end hanging down. */
function scarf(color: string, stripe: string): string {
  const dark = shade(color, 0.15);
  return [
    path('M200 330 C212 300 300 300 312 330 C318 356 300 376 256 378 C212 376 194 356 200 330 Z', color),
    path('M212 316 C230 340 282 340 300 316 C306 328 304 340 298 348 C280 360 232 360 214 348 C208 340 206 328 212 316 Z', dark),
    // hanging end
    path('M236 356 L286 364 L276 480 L226 474 Z', color),
    stroke('M234 392 L282 398 M230 430 L279 436', stripe, 9, 'stroke-linecap="butt"'),
    stroke('M230 474 L228 492 M242 476 L241 494 M254 477 L254 495 M266 478 L267 496', dark, 5),
    path('M220 340 C240 360 272 362 292 350 L290 372 C270 384 240 382 222 368 Z', dark),
  ].join('');
}

function sweater(p: Palette, color: string, collar?: string): string {
  const parts = [torso(color), torsoShade(color)];
  parts.push(path('M214 340 Q256 332 298 340 C294 388 218 388 214 340 Z', collar ?? p.skin));
  if (collar) {
    parts.push(path('M226 340 Q256 332 286 340 L256 376 Z', p.skin));
    parts.push(shirtCollar(collar));
  }
  parts.push(stroke('M210 340 C216 394 296 394 302 340', shade(color, 0.16), 11));
  // cable knit
  parts.push(stroke('M150 420 L150 520 M362 420 L362 520', shade(color, 0.12), 8));
  return parts.join('');
}

function striped(p: Palette, color: string, stripe: string, name: string): string {
  const bands: string[] = [];
  for (let y = 384; y < 520; y += 36) bands.push(rect(0, y, 512, 14, 0, stripe));
  return [
    `<clipPath id="${name}-torso"><path d="${TORSO}"/></clipPath>`,
    torso(color),
    group(bands, `clip-path="url(#${name}-torso)"`),
    torsoShade(color),
    roundNeck(p, shade(color, 0.18)),
  ].join('');
}

function polo(p: Palette, color: string): string {
  const dark = shade(color, 0.18);
  const collar: Pt[] = [[212, 336], [252, 372], [232, 388], [200, 354]];
  return [
    torso(color),
    torsoShade(color),
    path('M226 340 Q256 332 286 340 L256 378 Z', p.skin),
    rect(246, 370, 20, 44, 6, dark),
    circle(256, 386, 3.5, tint(color, 0.6)),
    circle(256, 402, 3.5, tint(color, 0.6)),
    poly(collar, tint(color, 0.1)),
    poly(mirror(collar), tint(color, 0.1)),
  ].join('');
}

function shirt(p: Palette, color: string, opts: { tie?: string } = {}): string {
  const parts = [torso(color), torsoShade(color)];
  if (opts.tie) {
    parts.push(shirtCollar(tint(color, 0.4), false), tie(opts.tie, 440));
  } else {
    parts.push(path('M226 340 Q256 332 286 340 L256 386 Z', p.skin), shirtCollar(tint(color, 0.35)));
    // button placket
    parts.push(stroke('M256 392 L256 520', shade(color, 0.12), 4));
    parts.push(circle(256, 420, 3.5, tint(color, 0.6)), circle(256, 456, 3.5, tint(color, 0.6)), circle(256, 492, 3.5, tint(color, 0.6)));
  }
  // sleeve seams
  parts.push(stroke('M150 372 C138 410 132 460 132 520 M362 372 C374 410 380 460 380 520', shade(color, 0.1), 4));
  return parts.join('');
}

function apron(p: Palette, shirtColor: string, apronColor: string): string {
  const dark = shade(apronColor, 0.2);
  return [
    shirt(p, shirtColor),
    stroke('M206 420 L222 346', dark, 9),
    stroke('M306 420 L290 346', dark, 9),
    path('M196 412 Q256 402 316 412 L330 520 L182 520 Z', apronColor),
    rect(218, 444, 76, 44, 8, dark),
    rect(232, 430, 8, 26, 3, '#f3c64f'),
    stroke('M200 416 Q256 408 312 416', tint(apronColor, 0.25), 5),
  ].join('');
}

/** Padded body-warmer of a neighbourhood worker, worn over a long-sleeve shirt. */
function bodywarmer(p: Palette, shirtColor: string, vest: string): string {
  const dark = shade(vest, 0.18);
  const left = 'M118 520 C122 440 146 392 186 364 L208 346 L236 348 L252 520 Z';
  return [
    torso(shirtColor),
    torsoShade(shirtColor),
    roundNeck(p, shade(shirtColor, 0.15)),
    path(left, vest),
    path(mirrorPath(left), vest),
    stroke('M140 430 L250 430 M128 476 L252 476 M262 430 L372 430 M260 476 L384 476', dark, 5),
    stroke('M252 360 L252 520 M260 360 L260 520', dark, 5),
    // stand-up collar
    path('M204 338 C204 312 226 318 236 324 L238 356 L210 360 Z', dark),
    path(mirrorPath('M204 338 C204 312 226 318 236 324 L238 356 L210 360 Z'), dark),
    // logo patch: a little house with a heart
    circle(318, 396, 24, '#ffffff'),
    poly([[304, 398], [318, 384], [332, 398], [332, 410], [304, 410]], vest),
    path('M318 408 C312 402 308 399 311 395 C313 392 317 393 318 396 C319 393 323 392 325 395 C328 399 324 402 318 408 Z', '#ffffff'),
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Accessories on the body
// ---------------------------------------------------------------------------------------------

function backpackStraps(color: string): string {
  const dark = shade(color, 0.22);
  const left: Pt[] = [[148, 366], [186, 352], [184, 520], [142, 520]];
  return [
    poly(left, color),
    poly(mirror(left), color),
    rect(150, 430, 38, 16, 4, dark),
    rect(324, 430, 38, 16, 4, dark),
    rect(182, 460, 148, 12, 6, dark),
    rect(240, 454, 32, 24, 6, '#2f3640'),
  ].join('');
}

function lanyard(color: string, badgeStripe: string): string {
  return [
    stroke('M226 348 L248 440', color, 9),
    stroke('M286 348 L264 440', color, 9),
    rect(250, 430, 12, 18, 3, '#9aa3ad'),
    rect(222, 444, 68, 60, 8, '#ffffff'),
    rect(222, 444, 68, 16, 8, badgeStripe),
    rect(222, 452, 68, 8, 0, badgeStripe),
    rect(232, 468, 20, 24, 4, '#c9d2dc'),
    rect(258, 470, 24, 6, 3, '#c9d2dc'),
    rect(258, 482, 18, 6, 3, '#c9d2dc'),
  ].join('');
}

function stethoscope(): string {
  const tube = '#3a4250';
  return [
    stroke('M214 346 C196 390 196 426 212 452', tube, 9),
    stroke('M298 346 C318 380 318 406 300 426', tube, 9),
    stroke('M300 426 L290 410 M300 426 L312 414', '#a9b3bd', 6),
    circle(214, 466, 17, '#b8c2cc'),
    circle(214, 466, 10, '#e3e8ee'),
  ].join('');
}

function fobWatch(): string {
  return [
    rect(336, 392, 28, 10, 5, '#c9a23c'),
    stroke('M350 402 L350 414', '#c9a23c', 5),
    circle(350, 436, 22, '#c9a23c'),
    circle(350, 436, 16, '#ffffff'),
    stroke('M350 436 L350 426 M350 436 L358 440', '#333a44', 4),
  ].join('');
}

function chainOfOffice(): string {
  const gold = '#f2c14e';
  const dark = '#b8862b';
  const links: string[] = [];
  const n = 11;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    // quadratic curve from (186,352) via (256,470) to (326,352)
    const x = (1 - t) ** 2 * 186 + 2 * (1 - t) * t * 256 + t ** 2 * 326;
    const y = (1 - t) ** 2 * 352 + 2 * (1 - t) * t * 470 + t ** 2 * 352;
    links.push(i % 2 === 0 ? circle(x, y, 10, gold) : rect(x - 9, y - 6, 18, 12, 4, dark));
  }
  return [
    ...links,
    circle(256, 448, 30, dark),
    circle(256, 448, 24, gold),
    poly([[256, 432], [262, 444], [275, 446], [265, 455], [268, 468], [256, 461], [244, 468], [247, 455], [237, 446], [250, 444]], dark),
  ].join('');
}

function headset(): string {
  const band = '#2f3640';
  return [
    stroke('M176 214 C162 96 350 96 336 214', band, 10),
    rect(164, 186, 30, 50, 12, band),
    rect(318, 186, 30, 50, 12, band),
    stroke('M182 232 C186 272 212 282 236 280', band, 6),
    ellipse(240, 279, 10, 7, '#e45f3c'),
  ].join('');
}

function scrubCap(color: string, name: string): string {
  const cap = 'M172 206 C162 118 212 86 256 86 C300 86 350 118 340 206 C324 176 292 160 256 160 C220 160 188 176 172 206 Z';
  const dots: string[] = [];
  for (let y = 100; y < 200; y += 26) {
    for (let x = 170 + ((y / 26) % 2) * 13; x < 350; x += 26) dots.push(circle(x, y, 5, tint(color, 0.4)));
  }
  return [
    `<clipPath id="${name}-cap"><path d="${cap}"/></clipPath>`,
    path(cap, color),
    group(dots, `clip-path="url(#${name}-cap)"`),
    stroke('M176 196 C194 170 226 158 256 158 C286 158 318 170 336 196', shade(color, 0.2), 10),
  ].join('');
}

function maskDown(color: string): string {
  return lift([
    stroke('M214 300 L184 226 M298 300 L328 226', '#f2f5f7', 4),
    path('M210 290 C232 280 280 280 302 290 L300 332 C280 346 232 346 212 332 Z', color),
    stroke('M214 304 C236 298 276 298 298 304 M214 318 C236 312 276 312 298 318', shade(color, 0.15), 4),
  ].join(''));
}

function beanie(color: string): string {
  const dark = shade(color, 0.2);
  return [
    circle(256, 78, 18, tint(color, 0.3)),
    path('M172 186 C164 112 208 84 256 84 C304 84 348 112 340 186 Z', color),
    stroke('M212 100 L206 172 M240 92 L238 172 M272 92 L274 172 M300 100 L306 172', dark, 5),
    rect(166, 162, 180, 38, 18, dark),
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Head, face
// ---------------------------------------------------------------------------------------------

function ears(p: Palette, earring?: string): string {
  const parts = [
    ellipse(183, 212, 15, 22, p.skin),
    ellipse(329, 212, 15, 22, p.skin),
    ellipse(185, 213, 7, 12, shade(p.skin, 0.14)),
    ellipse(327, 213, 7, 12, shade(p.skin, 0.14)),
  ];
  if (earring) parts.push(circle(182, 238, 6, earring), circle(330, 238, 6, earring));
  return parts.join('');
}

function head(p: Palette): string {
  return path(HEAD, p.skin);
}

export interface FaceOpts {
  brow?: 'flat' | 'arched' | 'raised' | 'thick';
  mouth?: 'smile' | 'grin' | 'calm' | 'open' | 'smirk';
  lashes?: boolean;
  blush?: boolean;
  wrinkles?: boolean;
  browColor?: string;
  lips?: string;
  eyes?: 'round' | 'smile';
}

function face(p: Palette, o: FaceOpts = {}): string {
  const parts: string[] = [];
  const browColor = o.browColor ?? shade(p.hair, 0.25);
  const skinDark = shade(p.skin, 0.22);
  if (o.blush !== false) {
    parts.push(ellipse(214, 238, 15, 9, '#e8806e', 'opacity="0.28"'), ellipse(298, 238, 15, 9, '#e8806e', 'opacity="0.28"'));
  }
  // eyes
  for (const [x, y] of [EYE_L, EYE_R]) {
    if (o.eyes === 'smile') {
      parts.push(stroke(`M${x - 9} ${y + 2} Q${x} ${y - 8} ${x + 9} ${y + 2}`, INK, 5));
    } else {
      parts.push(ellipse(x, y, 7.5, 9.5, INK), circle(x + 2.5, y - 3, 2.6, '#ffffff'));
    }
  }
  if (o.lashes) {
    parts.push(stroke(`M${EYE_L[0] - 8} ${EYE_L[1] - 6} L${EYE_L[0] - 14} ${EYE_L[1] - 10}`, INK, 3.5));
    parts.push(stroke(`M${EYE_R[0] + 8} ${EYE_R[1] - 6} L${EYE_R[0] + 14} ${EYE_R[1] - 10}`, INK, 3.5));
  }
  // brows
  const bw = o.brow === 'thick' ? 9 : 6.5;
  const browY = o.brow === 'raised' ? 176 : 182;
  const browL =
    o.brow === 'arched'
      ? `M${EYE_L[0] - 16} ${browY + 4} Q${EYE_L[0]} ${browY - 8} ${EYE_L[0] + 15} ${browY + 1}`
      : `M${EYE_L[0] - 15} ${browY + 2} Q${EYE_L[0]} ${browY - 4} ${EYE_L[0] + 15} ${browY}`;
  parts.push(stroke(browL, browColor, bw), stroke(mirrorPath(browL), browColor, bw));
  // nose
  parts.push(stroke('M258 214 C262 228 264 236 252 240', skinDark, 5));
  // wrinkles
  if (o.wrinkles) {
    parts.push(stroke(`M${EYE_L[0] - 17} ${EYE_L[1] + 4} l-8 4 M${EYE_R[0] + 17} ${EYE_R[1] + 4} l8 4`, skinDark, 3.5));
    parts.push(stroke('M232 248 C226 256 226 264 230 270 M280 248 C286 256 286 264 282 270', skinDark, 3.5));
    parts.push(stroke('M230 160 Q256 154 282 160', skinDark, 3.5));
  }
  // mouth
  const lips = o.lips ?? MOUTH;
  switch (o.mouth ?? 'smile') {
    case 'grin':
      parts.push(path('M232 256 C240 284 272 284 280 256 Z', lips), path('M236 257 L276 257 L274 264 L238 264 Z', '#ffffff'));
      break;
    case 'open':
      parts.push(path('M238 258 C242 280 270 280 274 258 Z', lips), path('M240 259 L272 259 L270 264 L242 264 Z', '#ffffff'));
      break;
    case 'calm':
      parts.push(stroke('M240 262 Q256 268 272 262', lips, 6));
      break;
    case 'smirk':
      parts.push(stroke('M238 264 Q258 270 276 258', lips, 6));
      break;
    default:
      parts.push(stroke('M234 258 Q256 278 278 258', lips, 6.5));
  }
  return parts.join('');
}

function glasses(color: string, round = false): string {
  const r = round ? 16 : 9;
  const parts = [
    rect(EYE_L[0] - 23, EYE_L[1] - 17, 46, 34, r, '#ffffff', `fill-opacity="0.18" stroke="${color}" stroke-width="6"`),
    rect(EYE_R[0] - 23, EYE_R[1] - 17, 46, 34, r, '#ffffff', `fill-opacity="0.18" stroke="${color}" stroke-width="6"`),
    stroke(`M${EYE_L[0] + 23} ${EYE_L[1] - 4} Q256 ${EYE_L[1] - 12} ${EYE_R[0] - 23} ${EYE_R[1] - 4}`, color, 5),
    stroke(`M${EYE_L[0] - 23} ${EYE_L[1] - 6} L186 200 M${EYE_R[0] + 23} ${EYE_R[1] - 6} L326 200`, color, 5),
  ];
  return parts.join('');
}

function beard(p: Palette, kind: 'full' | 'goatee' | 'stubble' | 'moustache', color: string): string {
  switch (kind) {
    case 'full':
      return [
        path('M184 214 C186 270 214 306 256 306 C298 306 326 270 328 214 C318 236 310 250 294 250 C278 246 234 246 218 250 C202 250 194 236 184 214 Z', color),
        path('M230 262 C240 282 272 282 282 262 C272 268 240 268 230 262 Z', p.skin),
        path('M228 252 C240 240 272 240 284 252 C272 258 240 258 228 252 Z', color),
      ].join('');
    case 'goatee':
      return [
        path('M228 252 C240 242 272 242 284 252 C272 258 240 258 228 252 Z', color),
        path('M236 274 C244 270 268 270 276 274 C274 292 238 292 236 274 Z', color),
      ].join('');
    case 'moustache':
      return path('M226 254 C238 240 252 244 256 248 C260 244 274 240 286 254 C272 258 240 258 226 254 Z', color);
    case 'stubble':
      return path('M186 224 C192 274 218 300 256 300 C294 300 320 274 326 224 C316 246 300 250 256 254 C212 250 196 246 186 224 Z', color, 'opacity="0.22"');
  }
}

// ---------------------------------------------------------------------------------------------
// Hair (back layer: drawn before the head; front layer: drawn after the face)
// ---------------------------------------------------------------------------------------------

export type HairStyle =
  | 'short'
  | 'sidePart'
  | 'crop'
  | 'messy'
  | 'curlyShort'
  | 'afroPuff'
  | 'bob'
  | 'long'
  | 'wavyLong'
  | 'bun'
  | 'ponytail'
  | 'pixie'
  | 'balding'
  | 'twists'
  | 'greyCurls'
  | 'braids'
  | 'none';

function bumps(cx: number, cy: number, rx: number, ry: number, from: number, to: number, n: number, r: number, color: string): string {
  const out: string[] = [];
  for (let i = 0; i <= n; i++) {
    const a = ((from + ((to - from) * i) / n) * Math.PI) / 180;
    out.push(circle(cx + rx * Math.cos(a), cy + ry * Math.sin(a), r, color));
  }
  return out.join('');
}

function hairBack(style: HairStyle, c: string): string {
  const dark = shade(c, 0.15);
  switch (style) {
    case 'bob':
      return path('M168 200 C160 120 204 92 256 92 C308 92 352 120 344 200 C350 250 348 290 332 312 L180 312 C164 290 162 250 168 200 Z', dark);
    case 'long':
      return path('M166 200 C158 116 204 90 256 90 C308 90 354 116 346 200 C352 290 360 360 372 420 L140 420 C152 360 160 290 166 200 Z', dark);
    case 'wavyLong':
      return [
        path('M164 200 C156 116 204 88 256 88 C308 88 356 116 348 200 C356 280 372 340 380 400 C368 420 348 424 330 418 L182 418 C164 424 144 420 132 400 C140 340 156 280 164 200 Z', dark),
        bumps(256, 404, 120, 14, 160, 380, 8, 16, dark),
      ].join('');
    case 'afroPuff':
      return [circle(256, 150, 104, c), bumps(256, 156, 102, 92, 160, 380, 14, 22, c)].join('');
    case 'bun':
      return [circle(256, 86, 36, c), circle(256, 86, 20, shade(c, 0.12))].join('');
    case 'ponytail':
      return path('M316 150 C370 150 384 210 376 270 C372 300 360 320 344 330 C352 300 352 260 340 226 C332 200 322 180 316 150 Z', dark);
    case 'braids': {
      const out: string[] = [];
      for (const x of [176, 196, 316, 336]) {
        out.push(rect(x - 10, 150, 20, 250, 10, dark));
        for (let y = 240; y < 396; y += 18) out.push(stroke(`M${x - 7} ${y} L${x + 7} ${y + 7}`, shade(dark, 0.3), 3));
      }
      out.push(path('M168 206 C160 120 204 90 256 90 C308 90 352 120 344 206 Z', dark));
      return out.join('');
    }
    case 'greyCurls':
      return bumps(256, 200, 90, 96, 150, 390, 16, 24, dark);
    default:
      return '';
  }
}

function hairFront(style: HairStyle, c: string): string {
  const light = tint(c, 0.18);
  switch (style) {
    case 'short':
      return path('M174 208 C164 136 200 96 258 96 C316 96 348 136 338 208 C334 190 330 174 322 164 C292 174 236 176 206 156 C192 170 182 186 174 208 Z', c);
    case 'sidePart':
      return [
        path('M174 206 C166 130 206 94 260 94 C316 94 350 132 338 206 C334 180 326 166 314 156 C286 150 262 148 238 132 C226 150 200 166 186 176 C180 186 176 196 174 206 Z', c),
        stroke('M238 132 C256 116 292 112 320 132', light, 6),
      ].join('');
    case 'crop':
      return path('M178 198 C172 140 204 104 256 104 C308 104 340 140 334 198 C330 182 324 170 316 160 C284 150 228 150 196 160 C188 170 182 182 178 198 Z', c);
    case 'messy':
      return path(
        'M172 210 C158 140 190 96 236 92 L248 74 L262 92 L286 80 L288 98 C330 106 354 150 340 210 C334 186 326 172 316 164 L304 176 L298 158 L278 172 L266 154 L248 174 L236 156 L218 172 L210 156 C194 172 182 188 172 210 Z',
        c,
      );
    case 'curlyShort':
      return [
        path('M176 204 C168 136 204 100 256 100 C308 100 344 136 336 204 C326 180 310 162 256 160 C202 162 186 180 176 204 Z', c),
        bumps(256, 150, 80, 54, 180, 360, 10, 18, c),
        bumps(256, 166, 62, 12, 200, 340, 5, 12, c),
      ].join('');
    case 'afroPuff':
      return path('M180 204 C172 128 208 100 256 100 C304 100 340 128 332 204 C322 178 300 166 256 166 C212 166 190 178 180 204 Z', c);
    case 'bob':
      return [
        path('M168 250 C156 140 204 98 262 98 C318 100 356 144 344 250 C338 210 334 180 322 162 C288 168 240 160 212 138 C196 162 182 190 176 250 Z', c),
      ].join('');
    case 'long':
      return [
        path('M166 300 C152 180 180 98 256 98 C332 98 360 180 346 300 C340 240 336 200 326 172 C304 156 276 140 256 124 C236 140 208 156 186 172 C176 200 172 240 166 300 Z', c),
        stroke('M256 106 L256 128', shade(c, 0.2), 4),
      ].join('');
    case 'wavyLong':
      return [
        path('M162 300 C150 180 182 96 256 96 C330 96 362 180 350 300 C344 250 340 210 330 180 C300 170 262 150 240 122 C226 152 200 170 184 180 C174 210 168 250 162 300 Z', c),
        stroke('M180 200 C174 230 178 260 170 290 M334 200 C340 230 334 260 342 290', light, 5),
      ].join('');
    case 'bun':
      return [
        path('M176 206 C166 136 206 104 256 104 C306 104 346 136 336 206 C330 176 316 160 300 152 C278 146 240 146 214 152 C196 160 182 176 176 206 Z', c),
        stroke('M208 132 C226 120 246 118 256 118 M304 132 C286 120 266 118 256 118', light, 5),
      ].join('');
    case 'ponytail':
      return [
        path('M176 206 C166 134 206 100 256 100 C306 100 346 134 336 206 C330 178 318 162 302 154 C272 148 226 152 196 150 C186 166 180 184 176 206 Z', c),
        rect(318, 134, 18, 30, 8, '#e45f8a', 'transform="rotate(25 327 149)"'),
      ].join('');
    case 'pixie':
      return path(
        'M174 212 C164 136 204 96 258 96 C316 96 350 136 338 206 C332 180 324 166 312 160 C288 168 260 176 228 176 C212 176 198 172 190 166 C182 180 178 194 174 212 Z',
        c,
      );
    case 'balding':
      return [
        path('M176 222 C172 192 178 170 194 156 C198 176 194 196 192 226 Z', c),
        path('M336 222 C340 192 334 170 318 156 C314 176 318 196 320 226 Z', c),
      ].join('');
    case 'twists': {
      const out = [path('M178 200 C172 140 204 106 256 106 C308 106 340 140 334 200 C326 180 312 166 256 164 C200 166 186 180 178 200 Z', c)];
      for (let x = 196; x <= 316; x += 20) out.push(rect(x - 8, 92 + Math.abs(256 - x) * 0.28, 16, 34, 8, c));
      return out.join('');
    }
    case 'greyCurls':
      return [
        path('M174 206 C166 136 206 100 256 100 C306 100 346 136 338 206 C330 178 310 160 256 158 C202 160 182 178 174 206 Z', c),
        bumps(256, 150, 82, 56, 180, 360, 11, 18, c),
        bumps(256, 160, 64, 14, 200, 340, 5, 13, light),
      ].join('');
    case 'braids':
      return [
        path('M176 210 C166 136 206 102 256 102 C306 102 346 136 336 210 C330 180 316 162 300 154 C276 146 236 146 212 154 C196 162 182 180 176 210 Z', c),
        stroke('M216 114 L200 180 M240 106 L232 156 M272 106 L280 156 M296 114 L312 180', shade(c, 0.25), 4),
      ].join('');
    case 'none':
      return '';
  }
}

/** Headscarf (hijab) framing the face: back part is drawn before the head, front band after. */
function hijabBack(color: string): string {
  return path(
    'M256 84 C326 84 360 140 356 214 C354 262 340 296 330 320 C360 334 380 350 392 372 C340 396 300 404 256 404 C212 404 172 396 120 372 C132 350 152 334 182 320 C172 296 158 262 156 214 C152 140 186 84 256 84 Z',
    color,
  );
}

function hijabFront(color: string): string {
  return [
    path('M256 96 C316 96 344 140 340 210 C336 168 304 126 256 126 C208 126 176 168 172 210 C168 140 196 96 256 96 Z', color),
    stroke('M186 160 C206 128 232 118 256 118', tint(color, 0.18), 6),
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Props in front of the body
// ---------------------------------------------------------------------------------------------

function hand(p: Palette, cx: number, cy: number, rot = 0): string {
  return group(
    [ellipse(0, 0, 22, 16, p.skin), ellipse(-16, -8, 9, 7, p.skin), stroke('M-8 -6 L10 -6 M-6 4 L12 4', shade(p.skin, 0.18), 3)],
    `transform="translate(${cx} ${cy}) rotate(${rot})"`,
  );
}

function clipboard(p: Palette): string {
  return group(
    [
      rect(-62, -78, 124, 164, 12, '#a8703c'),
      rect(-50, -62, 100, 138, 6, '#ffffff'),
      rect(-26, -90, 52, 26, 8, '#9aa3ad'),
      stroke('M-36 -30 l7 7 l12 -14 M-36 6 l7 7 l12 -14 M-36 42 l7 7 l12 -14', '#3aa36a', 5),
      stroke('M-8 -26 L36 -26 M-8 10 L36 10 M-8 46 L28 46', '#b7c0ca', 6),
    ],
    'transform="translate(338 424) rotate(-8) scale(0.92)"',
  ) + hand(p, 286, 446, -70);
}

function notebook(p: Palette, cover: string): string {
  const rings: string[] = [];
  for (let x = -46; x <= 46; x += 18.4) rings.push(rect(x - 3, -78, 6, 18, 3, '#9aa3ad'));
  return (
    group(
      [
        rect(-60, -70, 120, 150, 10, cover),
        rect(-50, -58, 100, 128, 6, '#fffaf0'),
        stroke('M-36 -30 L36 -30 M-36 -6 L36 -6 M-36 18 L24 18 M-36 42 L30 42', '#c7cfd8', 5),
        ...rings,
      ],
      'transform="translate(196 436) rotate(8) scale(0.9)"',
    ) +
    // pen in the other hand
    group([rect(-5, -52, 10, 72, 4, '#3b6fd1'), poly([[-5, 20], [5, 20], [0, 32]], '#f1d9a8')], 'transform="translate(300 420) rotate(-30)"') +
    hand(p, 312, 446, 20) +
    hand(p, 146, 448, -80)
  );
}

function microphone(p: Palette): string {
  return (
    group(
      [
        rect(-10, 20, 20, 110, 8, '#2f3640'),
        rect(-26, 30, 52, 38, 6, '#e4573d'),
        circle(0, 0, 30, '#3a4250'),
        stroke('M-20 -12 L20 -12 M-26 0 L26 0 M-20 12 L20 12 M-10 -26 L-10 26 M10 -26 L10 26', '#55606f', 3),
      ],
      'transform="translate(330 392) rotate(-18) scale(1.25)"',
    ) + hand(p, 362, 480, -60)
  );
}

function briefcase(p: Palette): string {
  const leather = '#6b3f23';
  return (
    group(
      [
        stroke('M-26 -56 L-26 -74 Q-26 -80 -20 -80 L20 -80 Q26 -80 26 -74 L26 -56', shade(leather, 0.2), 10),
        rect(-80, -58, 160, 120, 14, leather),
        rect(-80, -58, 160, 42, 14, tint(leather, 0.12)),
        rect(-80, -30, 160, 14, 0, tint(leather, 0.12)),
        rect(-14, -24, 28, 20, 4, '#e0b64c'),
      ],
      'transform="translate(184 452) rotate(6) scale(0.88)"',
    ) + hand(p, 186, 389, 10)
  );
}

function namePlate(): string {
  return [
    rect(0, 474, 512, 60, 0, '#8a5a3b'),
    rect(0, 474, 512, 10, 0, '#a06c48'),
    poly([[150, 420], [362, 420], [374, 486], [138, 486]], '#2f3a4c'),
    rect(150, 420, 212, 10, 4, '#45536b'),
    rect(186, 446, 140, 12, 6, '#f2c14e'),
    rect(212, 466, 88, 8, 4, '#9fb0c8'),
    // gooseneck microphone on the table
    stroke('M420 486 C420 440 400 410 372 398', '#3a4250', 7),
    ellipse(366, 394, 10, 14, '#2f3640', 'transform="rotate(-50 366 394)"'),
    rect(404, 478, 36, 14, 6, '#2f3640'),
  ].join('');
}

function pillow(): string {
  return [
    rect(88, 118, 336, 300, 70, '#f4f1ea'),
    stroke('M120 380 C116 300 116 220 124 150', '#dcd6c9', 8),
  ].join('');
}

function wristbandHand(p: Palette, sleeve: string): string {
  return group([
    path('M452 540 L396 440 L352 462 L392 540 Z', p.skin),
    path('M462 560 L424 488 L374 514 L408 580 Z', sleeve),
    group([rect(-30, -10, 60, 20, 6, '#f6f2e4'), rect(-8, -10, 16, 20, 3, '#f2c14e')], 'transform="translate(388 470) rotate(-28)"'),
    hand(p, 372, 430, -120),
  ], 'transform="translate(-40 -18)"');
}

/** A small child in front of the parent (head and shoulders). */
function child(): string {
  const skin = '#c98e5e';
  const hair = '#3b2418';
  const c: Palette = { name: 'child', skin, hair, bg: '#ffffff' };
  return group(
    [
      // hair puffs (pigtails)
      circle(-52, -30, 20, hair),
      circle(52, -30, 20, hair),
      path('M-70 150 C-70 92 -44 74 0 70 C44 74 70 92 70 150 Z', '#e4573d'),
      path('M-16 54 L-16 78 Q0 86 16 78 L16 54 Z', shade(skin, 0.1)),
      ellipse(0, 10, 44, 50, skin),
      path('M-46 6 C-48 -40 -20 -50 0 -50 C20 -50 48 -40 46 6 C40 -14 24 -22 0 -22 C-24 -22 -40 -14 -46 6 Z', hair),
      ellipse(-16, 12, 5, 6.5, INK),
      ellipse(16, 12, 5, 6.5, INK),
      ellipse(-26, 28, 8, 5, '#e8806e', 'opacity="0.35"'),
      ellipse(26, 28, 8, 5, '#e8806e', 'opacity="0.35"'),
      stroke('M-12 32 Q0 42 12 32', MOUTH, 4.5),
      // parent's hand on the child's shoulder
    ],
    'transform="translate(372 404)"',
  ).replace(/child/g, c.name);
}

// ---------------------------------------------------------------------------------------------
// Portrait assembly
// ---------------------------------------------------------------------------------------------

interface Portrait {
  palette: Palette;
  hair: HairStyle;
  outfit: string;
  face?: FaceOpts;
  /** drawn before the body (pillow, ...) */
  behind?: string[];
  /** drawn over the clothes, under the head (stethoscope, lanyard, scarf, ...) */
  onBody?: string[];
  /** drawn on the face before the hair front (beard) */
  onFace?: string[];
  /** drawn after the hair (glasses, caps, headsets) */
  onHead?: string[];
  /** props in front of everything (clipboard, child, ...) */
  front?: string[];
  earring?: string;
  hijab?: string;
  /** accent ring colour inside the background circle */
  ring?: string;
}

/** The head is drawn in its own coordinates and lowered onto the neck. */
const HEAD_DY = 14;
const lift = (s: string): string => (s ? `<g transform="translate(0 ${HEAD_DY})">${s}</g>` : '');

function render(p: Portrait): string {
  const { palette: pal } = p;
  const n = pal.name;
  const layers: string[] = [];
  layers.push(circle(256, 256, 248, pal.bg));
  layers.push(circle(256, 256, 206, tint(pal.bg, 0.22)));
  const figure: string[] = [];
  figure.push(...(p.behind ?? []));
  if (!p.hijab) figure.push(lift(hairBack(p.hair, pal.hair)));
  figure.push(neck(pal));
  figure.push(p.outfit);
  if (p.hijab) figure.push(lift(hijabBack(p.hijab)));
  figure.push(...(p.onBody ?? []));
  const top: string[] = [];
  if (!p.hijab) top.push(ears(pal, p.earring));
  top.push(head(pal));
  top.push(face(pal, p.face));
  top.push(...(p.onFace ?? []));
  if (p.hijab) top.push(hijabFront(p.hijab));
  else top.push(hairFront(p.hair, pal.hair));
  top.push(...(p.onHead ?? []));
  figure.push(lift(top.join('')));
  figure.push(...(p.front ?? []));
  layers.push(`<clipPath id="${n}-clip"><circle cx="256" cy="256" r="248"/></clipPath>`);
  layers.push(group([group(figure, 'transform="translate(256 500) scale(1.1) translate(-256 -500)"')], `clip-path="url(#${n}-clip)"`));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">${layers.join('')}</svg>\n`;
}

// ---------------------------------------------------------------------------------------------
// The cast
// ---------------------------------------------------------------------------------------------

const SKIN = {
  porcelain: '#f7d9c4',
  light: '#f1c7a5',
  warm: '#e8b48a',
  golden: '#d89f6c',
  tan: '#c28254',
  brown: '#9c6240',
  deep: '#7a4a2e',
  ebony: '#5c3823',
} as const;

const HAIR = {
  black: '#231815',
  darkBrown: '#3f2a22',
  brown: '#6b4330',
  auburn: '#9c4a25',
  ginger: '#c1622e',
  blonde: '#e0b865',
  grey: '#a9a6a3',
  white: '#e9e4de',
  salt: '#8d8781',
} as const;

const pal = (name: string, skin: string, hair: string, bg: string): Palette => ({ name, skin, hair, bg });

function cast(): Record<string, Portrait> {
  const P: Record<string, Portrait> = {};

  {
    const p = pal('pupil', SKIN.warm, HAIR.brown, '#8fc3e8');
    P.pupil = { palette: p, hair: 'messy', outfit: hoodie(p, '#f08a3c'), onBody: [backpackStraps('#2f5d8a')], face: { mouth: 'grin' } };
  }
  {
    const p = pal('parent', SKIN.deep, HAIR.black, '#9fd6b4');
    P.parent = { palette: p, hair: 'afroPuff', outfit: tee(p, '#f2c14e'), front: [child()], earring: '#f6e7c1', face: { lashes: true, lips: '#7a2f2a' } };
  }
  {
    const p = pal('teacher', SKIN.light, HAIR.auburn, '#f6d58b');
    P.teacher = {
      palette: p,
      hair: 'bun',
      outfit: cardigan(p, '#4f8a5b', '#f5efe2'),
      onHead: [glasses('#3b2a24', true)],
      face: { lashes: true, brow: 'arched' },
    };
  }
  {
    const p = pal('principal', SKIN.ebony, HAIR.black, '#f2a88f');
    P.principal = { palette: p, hair: 'crop', outfit: jacket(p, '#2d4a7a', { shirt: '#eef3f8' }), onFace: [beard(p, 'goatee', HAIR.black)], face: { brow: 'thick' } };
  }
  {
    const p = pal('board', SKIN.porcelain, HAIR.grey, '#c6b6e6');
    P.board = {
      palette: p,
      hair: 'sidePart',
      outfit: jacket(p, '#343a46', { shirt: '#ffffff', tie: '#c8413a' }),
      face: { wrinkles: true, mouth: 'calm' },
    };
  }
  {
    const p = pal('inspector', SKIN.golden, HAIR.black, '#93d1cb');
    P.inspector = {
      palette: p,
      hair: 'bob',
      outfit: jacket(p, '#6f7784', { shirt: '#f2f2f2', blouse: true }),
      onHead: [glasses('#1f2a36')],
      front: [clipboard(p)],
      face: { mouth: 'calm', lashes: true },
    };
  }
  {
    const p = pal('ministry', SKIN.brown, HAIR.black, '#a9bfe6');
    P.ministry = {
      palette: p,
      hair: 'none',
      hijab: '#3d5a80',
      outfit: jacket(p, '#1f2c44', { shirt: '#eef1f6', blouse: true, depth: 470 }),
      onBody: [lanyard('#e87a2c', '#e87a2c')],
      face: { lashes: true, brow: 'arched' },
    };
  }
  {
    const p = pal('patient', SKIN.golden, HAIR.salt, '#b9dcef');
    P.patient = {
      palette: p,
      hair: 'balding',
      behind: [pillow()],
      outfit: gown(p, '#9cc6e4', 'patient'),
      onFace: [beard(p, 'stubble', HAIR.salt)],
      front: [wristbandHand(p, '#9cc6e4')],
      face: { wrinkles: true, mouth: 'calm', brow: 'raised' },
    };
  }
  {
    const p = pal('relative', SKIN.light, HAIR.blonde, '#f3b8a6');
    P.relative = {
      palette: p,
      hair: 'long',
      outfit: coat(p, '#c58a4a'),
      onBody: [scarf('#c8413a', '#f2c14e')],
      face: { lashes: true, mouth: 'calm', brow: 'raised' },
    };
  }
  {
    const p = pal('insurer', SKIN.porcelain, HAIR.darkBrown, '#b8c7d9');
    P.insurer = {
      palette: p,
      hair: 'sidePart',
      outfit: jacket(p, '#26456e', { shirt: '#ffffff', tie: '#3aa0a8' }),
      front: [briefcase(p)],
      face: { mouth: 'smirk' },
    };
  }
  {
    const p = pal('specialist', SKIN.tan, HAIR.black, '#a7d8e0');
    P.specialist = {
      palette: p,
      hair: 'short',
      outfit: whiteCoat(p, '#8fb2e3', '#27496d'),
      onBody: [stethoscope()],
      onFace: [beard(p, 'full', HAIR.black)],
      face: { brow: 'thick', mouth: 'calm' },
    };
  }
  {
    const p = pal('surgeon', SKIN.deep, HAIR.black, '#b5e0c8');
    P.surgeon = {
      palette: p,
      hair: 'none',
      outfit: scrubs(p, '#3f8f8a', false),
      onBody: [maskDown('#8ec5e6')],
      onHead: [scrubCap('#2f6f9e', 'surgeon')],
      earring: '#f2c14e',
      face: { lashes: true, mouth: 'calm' },
    };
  }
  {
    const p = pal('nurse', SKIN.warm, HAIR.brown, '#c5dcf5');
    P.nurse = { palette: p, hair: 'curlyShort', outfit: scrubs(p, '#3a7bc8'), onBody: [fobWatch()], face: { mouth: 'grin' } };
  }
  {
    const p = pal('manager', SKIN.light, HAIR.darkBrown, '#e9c4dc');
    P.manager = {
      palette: p,
      hair: 'pixie',
      outfit: shirt(p, '#7db0d9'),
      onBody: [lanyard('#6a4fb0', '#6a4fb0')],
      earring: '#d9dde3',
      face: { lashes: true, brow: 'arched', mouth: 'smirk' },
    };
  }
  {
    const p = pal('gp', SKIN.golden, HAIR.salt, '#f5c9a0');
    P.gp = {
      palette: p,
      hair: 'bob',
      outfit: sweater(p, '#9c3d54', '#f4f1ea'),
      onBody: [stethoscope()],
      face: { lashes: true, wrinkles: true },
    };
  }
  {
    const p = pal('resident', SKIN.deep, HAIR.black, '#ffd27a');
    P.resident = { palette: p, hair: 'twists', outfit: striped(p, '#2f5d8a', '#f4efe6', 'resident'), face: { mouth: 'grin' } };
  }
  {
    const p = pal('alderman', SKIN.tan, HAIR.salt, '#9ad0a8');
    P.alderman = {
      palette: p,
      hair: 'short',
      outfit: jacket(p, '#2b2f3a', { shirt: '#ffffff', tie: '#2b2f3a' }),
      onFace: [beard(p, 'moustache', HAIR.salt)],
      face: { wrinkles: true },
    };
  }
  {
    const p = pal('council', SKIN.ebony, HAIR.black, '#d4b8e8');
    P.council = {
      palette: p,
      hair: 'braids',
      outfit: jacket(p, '#7a2f4f', { shirt: '#f6e9ef', blouse: true }),
      front: [namePlate()],
      earring: '#f2c14e',
      face: { lashes: true, lips: '#6e2a2a' },
    };
  }
  {
    const p = pal('clerk', SKIN.porcelain, HAIR.ginger, '#a8e0d8');
    P.clerk = { palette: p, hair: 'ponytail', outfit: polo(p, '#2f8f83'), onHead: [headset()], face: { lashes: true } };
  }
  {
    const p = pal('partner', SKIN.brown, HAIR.black, '#ffc49a');
    P.partner = {
      palette: p,
      hair: 'none',
      outfit: bodywarmer(p, '#4a5a6a', '#19a38f'),
      onFace: [beard(p, 'full', HAIR.black)],
      onHead: [beanie('#e4573d')],
      face: { mouth: 'grin' },
    };
  }
  {
    const p = pal('counsellor', SKIN.golden, HAIR.darkBrown, '#f7c6b8');
    P.counsellor = {
      palette: p,
      hair: 'wavyLong',
      outfit: cardigan(p, '#e2a25a', '#f7efe3'),
      front: [notebook(p, '#8f5ca8')],
      face: { lashes: true, eyes: 'smile' },
    };
  }
  {
    const p = pal('entrepreneur', SKIN.light, HAIR.ginger, '#ffe08a');
    P.entrepreneur = {
      palette: p,
      hair: 'short',
      outfit: apron(p, '#e9eef3', '#2f6a5a'),
      onFace: [beard(p, 'full', shade(HAIR.ginger, 0.1))],
      face: { mouth: 'grin' },
    };
  }
  {
    const p = pal('journalist', SKIN.warm, HAIR.black, '#f5b3c0');
    P.journalist = {
      palette: p,
      hair: 'bob',
      outfit: jacket(p, '#d4a24c', { shirt: '#2f3640', blouse: true }),
      front: [microphone(p)],
      face: { lashes: true, mouth: 'open', brow: 'raised' },
    };
  }
  {
    const p = pal('elderly', SKIN.porcelain, HAIR.white, '#c9dcb4');
    P.elderly = {
      palette: p,
      hair: 'greyCurls',
      outfit: cardigan(p, '#8a6fb0', '#f4efe6'),
      onHead: [glasses('#8a6a4a', true)],
      face: { wrinkles: true, eyes: 'smile' },
    };
  }
  {
    const p = pal('neutral', SKIN.tan, HAIR.darkBrown, '#c8d3de');
    P.neutral = { palette: p, hair: 'crop', outfit: tee(p, '#5b8fb9'), face: {} };
  }
  // Variants, so that a stakeholder's face can fit their name, gender and age.
  {
    const p = pal('pupil-girl', SKIN.light, HAIR.blonde, '#f7b6c8');
    P['pupil-girl'] = {
      palette: p,
      hair: 'ponytail',
      outfit: hoodie(p, '#6a4fb0'),
      onBody: [backpackStraps('#e4573d')],
      earring: '#f6e7c1',
      face: { mouth: 'grin', lashes: true },
    };
  }
  {
    const p = pal('pupil-older', SKIN.brown, HAIR.black, '#b7e3a1');
    P['pupil-older'] = { palette: p, hair: 'crop', outfit: tee(p, '#2f5d8a'), onBody: [backpackStraps('#3a3f4a')], face: { mouth: 'smirk', brow: 'thick' } };
  }
  {
    const p = pal('pupil-older-girl', SKIN.golden, HAIR.darkBrown, '#ffd08a');
    P['pupil-older-girl'] = {
      palette: p,
      hair: 'long',
      outfit: sweater(p, '#3aa0a8'),
      onBody: [backpackStraps('#6b3f23')],
      earring: '#d9dde3',
      face: { lashes: true, mouth: 'calm', brow: 'arched' },
    };
  }
  {
    const p = pal('father', SKIN.light, HAIR.brown, '#a9d8c4');
    P.father = { palette: p, hair: 'short', outfit: sweater(p, '#5b8fb9', '#f4f1ea'), onFace: [beard(p, 'stubble', HAIR.brown)], front: [child()], face: { brow: 'thick' } };
  }
  {
    const p = pal('teacher-man', SKIN.warm, HAIR.darkBrown, '#f6d58b');
    P['teacher-man'] = {
      palette: p,
      hair: 'sidePart',
      outfit: shirt(p, '#8fb2e3', { tie: '#c8413a' }),
      onHead: [glasses('#3b2a24')],
      face: { brow: 'thick', mouth: 'calm' },
    };
  }
  {
    const p = pal('teacher-older', SKIN.tan, HAIR.grey, '#f2c2a0');
    P['teacher-older'] = {
      palette: p,
      hair: 'balding',
      outfit: cardigan(p, '#7a5a3a', '#eef1f6'),
      onFace: [beard(p, 'full', HAIR.grey)],
      face: { wrinkles: true, eyes: 'smile' },
    };
  }
  {
    const p = pal('patient-woman', SKIN.brown, HAIR.black, '#d6c6ee');
    P['patient-woman'] = {
      palette: p,
      hair: 'wavyLong',
      behind: [pillow()],
      outfit: gown(p, '#b9a6dc', 'patient-woman'),
      front: [wristbandHand(p, '#b9a6dc')],
      earring: '#f6e7c1',
      face: { lashes: true, mouth: 'calm', brow: 'raised' },
    };
  }
  {
    const p = pal('nurse-woman', SKIN.light, HAIR.auburn, '#c5dcf5');
    P['nurse-woman'] = { palette: p, hair: 'ponytail', outfit: scrubs(p, '#3a7bc8'), onBody: [fobWatch()], earring: '#d9dde3', face: { lashes: true, mouth: 'grin' } };
  }
  {
    const p = pal('specialist-woman', SKIN.golden, HAIR.darkBrown, '#a7d8e0');
    P['specialist-woman'] = {
      palette: p,
      hair: 'bun',
      outfit: whiteCoat(p, '#e9c4dc'),
      onBody: [stethoscope()],
      onHead: [glasses('#1f2a36')],
      earring: '#f2c14e',
      face: { lashes: true, brow: 'arched', mouth: 'calm' },
    };
  }
  {
    const p = pal('resident-woman', SKIN.warm, HAIR.brown, '#ffd27a');
    P['resident-woman'] = { palette: p, hair: 'bob', outfit: coat(p, '#3f8f8a'), onBody: [scarf('#f2c14e', '#e4573d')], earring: '#f6e7c1', face: { lashes: true, mouth: 'calm' } };
  }
  {
    const p = pal('resident-older', SKIN.porcelain, HAIR.white, '#f3d2a0');
    P['resident-older'] = {
      palette: p,
      hair: 'balding',
      outfit: sweater(p, '#6f7784', '#eef1f6'),
      onHead: [glasses('#3b2a24')],
      face: { wrinkles: true, mouth: 'calm', brow: 'raised' },
    };
  }
  {
    const p = pal('elderly-man', SKIN.tan, HAIR.white, '#c9dcb4');
    P['elderly-man'] = {
      palette: p,
      hair: 'balding',
      outfit: cardigan(p, '#5b6f4a', '#f4efe6'),
      onFace: [beard(p, 'moustache', HAIR.white)],
      onHead: [glasses('#8a6a4a', true)],
      face: { wrinkles: true, eyes: 'smile' },
    };
  }
  {
    const p = pal('clerk-man', SKIN.deep, HAIR.black, '#a8e0d8');
    P['clerk-man'] = { palette: p, hair: 'crop', outfit: polo(p, '#2f8f83'), onHead: [headset()], face: { mouth: 'smile' } };
  }
  {
    const p = pal('official', SKIN.light, HAIR.brown, '#b8c7d9');
    P.official = {
      palette: p,
      hair: 'short',
      outfit: shirt(p, '#dfe7ef', { tie: '#26456e' }),
      onBody: [lanyard('#26456e', '#26456e')],
      front: [clipboard(p)],
      face: { mouth: 'calm' },
    };
  }
  {
    const p = pal('official-woman', SKIN.tan, HAIR.black, '#c6b6e6');
    P['official-woman'] = {
      palette: p,
      hair: 'bob',
      outfit: jacket(p, '#3d5a80', { shirt: '#eef1f6', blouse: true }),
      onBody: [lanyard('#e87a2c', '#e87a2c')],
      onHead: [glasses('#1f2a36')],
      earring: '#f2c14e',
      face: { lashes: true, mouth: 'calm' },
    };
  }
  {
    const p = pal('official-older', SKIN.porcelain, HAIR.salt, '#b5d3e6');
    P['official-older'] = {
      palette: p,
      hair: 'short',
      outfit: jacket(p, '#4a505c', { shirt: '#ffffff', tie: '#7a2f4f' }),
      onBody: [lanyard('#3aa0a8', '#3aa0a8')],
      onHead: [glasses('#1f2a36')],
      face: { wrinkles: true, mouth: 'calm' },
    };
  }
  {
    const p = pal('mayor', SKIN.light, HAIR.grey, '#f2c14e');
    P.mayor = {
      palette: p,
      hair: 'bob',
      outfit: jacket(p, '#1f2c44', { shirt: '#ffffff', blouse: true }),
      onBody: [chainOfOffice()],
      earring: '#d9dde3',
      face: { lashes: true, wrinkles: true, mouth: 'calm' },
    };
  }
  {
    const p = pal('alderman-woman', SKIN.brown, HAIR.darkBrown, '#9ad0a8');
    P['alderman-woman'] = {
      palette: p,
      hair: 'wavyLong',
      outfit: jacket(p, '#7a2f4f', { shirt: '#f6e9ef', blouse: true }),
      earring: '#f2c14e',
      face: { lashes: true, brow: 'arched', mouth: 'smile' },
    };
  }
  {
    const p = pal('counsellor-man', SKIN.porcelain, HAIR.ginger, '#f7c6b8');
    P['counsellor-man'] = {
      palette: p,
      hair: 'short',
      outfit: sweater(p, '#3f8f8a', '#f4f1ea'),
      onFace: [beard(p, 'full', shade(HAIR.ginger, 0.1))],
      front: [notebook(p, '#2f5d8a')],
      face: { eyes: 'smile' },
    };
  }
  {
    const p = pal('entrepreneur-woman', SKIN.warm, HAIR.auburn, '#ffe08a');
    P['entrepreneur-woman'] = {
      palette: p,
      hair: 'bun',
      outfit: apron(p, '#e9eef3', '#c8413a'),
      earring: '#f6e7c1',
      face: { lashes: true, mouth: 'grin' },
    };
  }
  {
    const p = pal('journalist-man', SKIN.tan, HAIR.darkBrown, '#f5b3c0');
    P['journalist-man'] = {
      palette: p,
      hair: 'messy',
      outfit: jacket(p, '#4a5a6a', { shirt: '#f2f2f2' }),
      onFace: [beard(p, 'stubble', HAIR.darkBrown)],
      front: [microphone(p)],
      face: { mouth: 'open', brow: 'raised' },
    };
  }
  return P;
}

export type Presentation = 'woman' | 'man';
export type AgeBand = 'child' | 'young' | 'adult' | 'older';

/**
 * What each portrait shows, so authors and the content tests can match a face to a stakeholder's
 * name and role. Written to assets/portraits/manifest.json beside the pictures.
 */
export const PORTRAITS: Record<string, { role: string; presentation: Presentation; age: AgeBand }> = {
  pupil: { role: 'pupil', presentation: 'man', age: 'child' },
  'pupil-girl': { role: 'pupil', presentation: 'woman', age: 'child' },
  'pupil-older': { role: 'pupil', presentation: 'man', age: 'young' },
  'pupil-older-girl': { role: 'pupil', presentation: 'woman', age: 'young' },
  parent: { role: 'parent', presentation: 'woman', age: 'adult' },
  father: { role: 'parent', presentation: 'man', age: 'adult' },
  teacher: { role: 'teacher', presentation: 'woman', age: 'adult' },
  'teacher-man': { role: 'teacher', presentation: 'man', age: 'adult' },
  'teacher-older': { role: 'teacher', presentation: 'man', age: 'older' },
  principal: { role: 'principal', presentation: 'man', age: 'adult' },
  board: { role: 'board', presentation: 'man', age: 'older' },
  inspector: { role: 'inspector', presentation: 'woman', age: 'adult' },
  ministry: { role: 'official', presentation: 'woman', age: 'adult' },
  patient: { role: 'patient', presentation: 'man', age: 'older' },
  'patient-woman': { role: 'patient', presentation: 'woman', age: 'adult' },
  relative: { role: 'relative', presentation: 'woman', age: 'adult' },
  insurer: { role: 'insurer', presentation: 'man', age: 'adult' },
  specialist: { role: 'specialist', presentation: 'man', age: 'adult' },
  'specialist-woman': { role: 'specialist', presentation: 'woman', age: 'adult' },
  surgeon: { role: 'specialist', presentation: 'woman', age: 'adult' },
  nurse: { role: 'nurse', presentation: 'man', age: 'young' },
  'nurse-woman': { role: 'nurse', presentation: 'woman', age: 'young' },
  manager: { role: 'manager', presentation: 'woman', age: 'adult' },
  gp: { role: 'doctor', presentation: 'woman', age: 'older' },
  resident: { role: 'resident', presentation: 'man', age: 'young' },
  'resident-woman': { role: 'resident', presentation: 'woman', age: 'adult' },
  'resident-older': { role: 'resident', presentation: 'man', age: 'older' },
  elderly: { role: 'resident', presentation: 'woman', age: 'older' },
  'elderly-man': { role: 'resident', presentation: 'man', age: 'older' },
  alderman: { role: 'alderman', presentation: 'man', age: 'older' },
  'alderman-woman': { role: 'alderman', presentation: 'woman', age: 'adult' },
  mayor: { role: 'mayor', presentation: 'woman', age: 'older' },
  council: { role: 'council', presentation: 'woman', age: 'adult' },
  clerk: { role: 'clerk', presentation: 'woman', age: 'young' },
  'clerk-man': { role: 'clerk', presentation: 'man', age: 'young' },
  official: { role: 'official', presentation: 'man', age: 'adult' },
  'official-woman': { role: 'official', presentation: 'woman', age: 'adult' },
  'official-older': { role: 'official', presentation: 'man', age: 'older' },
  partner: { role: 'partner', presentation: 'man', age: 'adult' },
  counsellor: { role: 'counsellor', presentation: 'woman', age: 'adult' },
  'counsellor-man': { role: 'counsellor', presentation: 'man', age: 'adult' },
  entrepreneur: { role: 'entrepreneur', presentation: 'man', age: 'adult' },
  'entrepreneur-woman': { role: 'entrepreneur', presentation: 'woman', age: 'adult' },
  journalist: { role: 'journalist', presentation: 'woman', age: 'adult' },
  'journalist-man': { role: 'journalist', presentation: 'man', age: 'adult' },
  neutral: { role: 'neutral', presentation: 'man', age: 'adult' },
};

export const PORTRAIT_NAMES = Object.keys(PORTRAITS);

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const all = cast();
  for (const name of PORTRAIT_NAMES) {
    const p = all[name];
    if (!p) throw new Error(`no portrait defined for ${name}`);
    writeFileSync(join(OUT_DIR, `${name}.svg`), render(p));
  }
  const manifest = Object.fromEntries(PORTRAIT_NAMES.map((name) => [name, PORTRAITS[name]]));
  writeFileSync(join(OUT_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${PORTRAIT_NAMES.length} portraits and manifest.json to ${OUT_DIR}`);
}

main();
