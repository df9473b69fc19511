/** npm run schema: writes levels/scenario.schema.json from the format definition (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/engine/format.ts';

const target = new URL('../levels/scenario.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
