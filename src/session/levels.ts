/**
 * Every scenario in `levels/`, found at build time (no list to keep by hand) and validated with the
 * engine's own validator, so a broken file is listed with its first error instead of crashing the game.
 * The build has validated the shipped files already (virtual:checked-levels); a file that differs
 * from what the build saw, as under the dev server, is validated here.
 */
import checkedLevels from 'virtual:checked-levels';
import { validateWithStoredCheck } from '../engine/storedCheck.ts';
import { withReading, type ScenarioReading } from '../engine/scenarioFile.ts';
import { sameScenarioIdWarnings, withProblem, type Problem } from '../engine/validate.ts';
import type { Scenario } from '../engine/format.ts';

/** `source` and `problems` (all of them, warnings too) feed the authoring screens and live reload. */
export type Level =
  | { file: string; source: string; problems: Problem[]; ok: true; scenario: Scenario }
  | { file: string; source: string; problems: Problem[]; ok: false; problem: Problem };

/** Each file read from its bytes (ANSI and UTF-16 too) by scripts/vite-levels-plugin.ts, with how it was saved. */
const sources = import.meta.glob<ScenarioReading>('../../levels/*.json', { query: '?scenario', import: 'default', eager: true });

/** Shipped settings first, in the order the workshops use them; anything else after, by file name. */
const SETTING_ORDER = ['school', 'hospital', 'townhall'];

function rank(level: Level): number {
  const setting = level.ok ? level.scenario.setting ?? '' : '';
  const index = SETTING_ORDER.indexOf(setting);
  return index === -1 ? SETTING_ORDER.length : index;
}

/** [file name, reading] of every scenario file, the published JSON Schema left out. */
function scenarioFiles(): [string, ScenarioReading][] {
  return Object.entries(sources)
    .map(([path, reading]): [string, ScenarioReading] => [path.slice(path.lastIndexOf('/') + 1), reading])
    .filter(([file]) => !file.endsWith('.schema.json'));
}

function readLevels(): Level[] {
  const levels: Level[] = [];
  for (const [file, reading] of scenarioFiles()) {
    const text = reading.text;
    const result = withReading(validateWithStoredCheck(text, checkedLevels[file]), reading);
    const { problems } = result;
    if (result.ok) levels.push({ file, source: text, problems, ok: true, scenario: result.scenario });
    else levels.push({ file, source: text, problems, ok: false, problem: problems.find((p) => p.severity === 'error') ?? problems[0]! });
  }
  // The command line warns about two files with one scenario id; the problems screen says the same.
  const loaded = levels.map((level) => ({ name: level.file, source: level.source, scenario: level.ok ? level.scenario : null }));
  const sameId = sameScenarioIdWarnings(loaded);
  const warned = levels.map((level, i): Level => {
    const warning = sameId.get(loaded[i]!);
    return warning ? { ...level, problems: withProblem(level.problems, warning) } : level;
  });
  return warned.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
}

/**
 * Live reload (`npm start` only; `import.meta.hot` is absent from the build). When a file in levels/
 * is saved, added or removed, Vite runs this module again. The list everyone imported is kept in
 * `hot.data` and refilled in place, so every screen sees the new levels, and the listeners registered
 * by the first run are told which files changed.
 */
type LevelsListener = (changedFiles: string[]) => void;
const shared: { levels: Level[] | null; listeners: Set<LevelsListener>; loaded: boolean } = import.meta.hot?.data.levels ?? { levels: null, listeners: new Set(), loaded: false };

/** Every level, read the first time anything asks. */
export function allLevels(): readonly Level[] {
  return (shared.levels ??= readLevels());
}

/** Calls `listener` with the files that changed each time the dev server reloads levels/. */
export function onLevelsChanged(listener: LevelsListener): void {
  shared.listeners.add(listener);
}

if (import.meta.hot) {
  import.meta.hot.data.levels = shared;
  import.meta.hot.accept();
  if (shared.loaded) {
    const before = new Map((shared.levels ?? []).map((l) => [l.file, l.source]));
    const fresh = (shared.levels = readLevels());
    const changed = [...fresh.filter((l) => before.get(l.file) !== l.source).map((l) => l.file), ...[...before.keys()].filter((file) => !fresh.some((l) => l.file === file))];
    if (changed.length > 0) for (const listener of shared.listeners) listener(changed);
  }
  shared.loaded = true;
}

export function findScenario(id: string): Scenario | undefined {
  for (const level of allLevels()) if (level.ok && level.scenario.id === id) return level.scenario;
  return undefined;
}
