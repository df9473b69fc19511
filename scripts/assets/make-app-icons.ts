/**
 * Generates the installed app's icons in public/icons/ from the game's own art: the "people" meter
 * icon (many masters) in white on the game's teal, as an SVG and as PNGs at the sizes browsers ask
 * for (rendered in headless Chromium, so no image library is needed). The maskable PNG keeps the
 * drawing inside the middle 80 % that every launcher's mask leaves visible.
 *
 * Run: npx tsx scripts/assets/make-app-icons.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'public', 'icons');
const TEAL = '#1d5c61';

/** The meter icon's 64×64 drawing, scaled into a square of `size` with `inset` (0–1) left around it. */
function appIcon(size: number, inset: number, rounded: boolean): string {
  const art = readFileSync(join(ROOT, 'assets', 'icons', 'people.svg'), 'utf8');
  const inner = art.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const scale = (size * (1 - 2 * inset)) / 64;
  const offset = size * inset;
  const radius = rounded ? size * 0.18 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${radius}" fill="${TEAL}"/><g transform="translate(${offset} ${offset}) scale(${scale})">${inner}</g></svg>`;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'app.svg'), appIcon(512, 0.16, true));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, size, inset, rounded] of [
    ['app-192.png', 192, 0.16, true],
    ['app-512.png', 512, 0.16, true],
    ['app-maskable-512.png', 512, 0.24, false],
    ['apple-touch-icon-180.png', 180, 0.16, false],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${appIcon(size, inset, rounded)}</body></html>`);
    await page.locator('svg').screenshot({ path: join(OUT, name), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
