/**
 * Every scenario in `levels/`, found at build time (no list to keep by hand) and validated with the
 * engine's own validator, so a broken file is listed with its first error instead of crashing the game.
 */
import { validateScenarioText, type Problem } from '../engine/validate.ts';
import type { Scenario } from '../engine/format.ts';

export type Level =
  | { file: string; ok: true; scenario: Scenario }
  | { file: string; ok: false; problem: Problem };

const sources = import.meta.glob<string>('../../levels/*.json', { query: '?raw', import: 'default', eager: true });

/** Shipped settings first, in the order the workshops use them; anything else after, by file name. */
const SETTING_ORDER = ['school', 'hospital', 'townhall'];

function rank(level: Level): number {
  const setting = level.ok ? level.scenario.setting ?? '' : '';
  const index = SETTING_ORDER.indexOf(setting);
  return index === -1 ? SETTING_ORDER.length : index;
}

function readLevels(): Level[] {
  const levels: Level[] = [];
  for (const [path, text] of Object.entries(sources)) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (file.endsWith('.schema.json')) continue;
    const result = validateScenarioText(text);
    if (result.ok) levels.push({ file, ok: true, scenario: result.scenario });
    else levels.push({ file, ok: false, problem: result.problems.find((p) => p.severity === 'error') ?? result.problems[0]! });
  }
  return levels.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
}

export const levels: readonly Level[] = readLevels();

export function findScenario(id: string): Scenario | undefined {
  for (const level of levels) if (level.ok && level.scenario.id === id) return level.scenario;
  return undefined;
}
