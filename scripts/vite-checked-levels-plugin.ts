/**
 * `virtual:checked-levels`: the build validates every file in levels/ here, in Node, and ships the
 * results with the game, so the browser trusts them for exactly those texts instead of validating
 * 400 KB of scenarios again while a trainer waits for the first screen (src/engine/storedCheck.ts).
 * Under the dev server it is empty: files change while it runs, and the browser validates them itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { readScenarioBytes } from '../src/engine/scenarioFile.ts';
import { storeCheck, type StoredCheck } from '../src/engine/storedCheck.ts';

const ID = 'virtual:checked-levels';
const RESOLVED = `\0${ID}`;

export function checkLevels(levelsDir: string): Record<string, StoredCheck> {
  const checks: Record<string, StoredCheck> = {};
  for (const file of readdirSync(levelsDir).sort()) {
    if (!file.endsWith('.json') || file.endsWith('.schema.json')) continue;
    // The text the game gets from the file (src/session/levels.ts), decoded the same way.
    checks[file] = storeCheck(readScenarioBytes(readFileSync(join(levelsDir, file))).text);
  }
  return checks;
}

export function checkedLevelsPlugin(): Plugin {
  let building = false;
  let root = '';
  return {
    name: 'many-masters-checked-levels',
    configResolved(config) {
      building = config.command === 'build';
      root = config.root;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const levelsDir = join(root, 'levels');
      if (building) for (const file of readdirSync(levelsDir)) this.addWatchFile(join(levelsDir, file));
      return `export default ${JSON.stringify(building ? checkLevels(levelsDir) : {})};`;
    },
  };
}
