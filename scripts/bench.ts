/** npm run bench: prints the speed and memory figures. Engine figures always; browser figures need Chromium. */
import { existsSync } from 'node:fs';
import { browserFigures } from './bench/browser.ts';
import { engineFigures } from './bench/engine.ts';

console.log('Engine (Node)');
for (const line of engineFigures()) console.log(`  ${line}`);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  console.log('Browser (headless Chromium, software WebGL)');
  await browserFigures((line) => console.log(`  ${line}`));
} else {
  console.log(`Browser figures skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
