/**
 * npm run bench: prints the speed and memory figures. Engine figures always; browser figures need
 * Chromium. Names after `--` run only those parts: `npm run bench -- first frames` (engine, hostile,
 * size, first, idle, frames, heap). `hostile` (heavy files at the limits) runs only when named or with no names.
 */
import { existsSync } from 'node:fs';
import { BROWSER_PARTS, browserFigures } from './bench/browser.ts';
import { engineFigures } from './bench/engine.ts';
import { hostileFigures } from './bench/hostile.ts';

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => a !== 'engine' && a !== 'hostile' && !(BROWSER_PARTS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`unknown part: ${unknown.join(', ')} (choose from engine, hostile, ${BROWSER_PARTS.join(', ')})`);
  process.exit(2);
}
const browserParts = BROWSER_PARTS.filter((p) => asked.length === 0 || asked.includes(p));

if (asked.length === 0 || asked.includes('engine')) {
  console.log('Engine (Node)');
  for (const line of engineFigures()) console.log(`  ${line}`);
}
if (asked.length === 0 || asked.includes('hostile')) {
  console.log('Heavy files at the limits (Node, a fresh process each)');
  for (const line of hostileFigures()) console.log(`  ${line}`);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (browserParts.length > 0 && existsSync(chromium)) {
  console.log('Browser (headless Chromium, no GPU)');
  await browserFigures((line) => console.log(`  ${line}`), browserParts);
} else if (browserParts.length > 0) {
  console.log(`Browser figures skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
