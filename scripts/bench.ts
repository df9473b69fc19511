/** npm run bench: prints the speed and memory figures. Engine figures always; browser figures need Chromium. */
import { engineFigures } from './bench/engine.ts';

console.log('Engine (Node)');
for (const line of engineFigures()) console.log(`  ${line}`);
