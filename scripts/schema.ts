/**
 * npm run schema: writes levels/scenario.schema.json from the format definition, and
 * levels/scenario.nl.schema.json with its descriptions in Dutch (a test checks both are current).
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/engine/format.ts';
import { dutchSchema } from '../src/locales/schema-nl.ts';

const schema = scenarioJsonSchema();
for (const [name, content] of [['scenario.schema.json', schema], ['scenario.nl.schema.json', dutchSchema(schema)]] as const) {
  const target = new URL(`../levels/${name}`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(content, null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
