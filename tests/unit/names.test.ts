import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { meterSeries, stakeholderShifts, tagProfile, weightiestChoices } from '../../src/engine/debrief.ts';
import { findings } from '../../src/engine/findings.ts';
import { choose, currentCard, newGame } from '../../src/engine/game.ts';
import { previewChoice } from '../../src/engine/preview.ts';
import { loadGame, saveGame } from '../../src/engine/save.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { SaveStore, type KeyValueStore } from '../../src/platform/saves.ts';
import { renderReport } from '../../src/report/report.ts';
import { choicesArb, scenarioArb } from './arbitraries.ts';

/** Names every JavaScript object already answers to (Object.prototype's); ids may not start with "_", flags and tags may. */
const WORDS = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
const LOOSE = ['__defineGetter__', '__lookupSetter__', 'toString'];

/** The generated scenario with every id, flag, tag and meter name replaced by such a word. */
function withJavaScriptWords(scenario: Scenario): Scenario {
  const names = new Map<string, string>([['generated', 'toString'], ['s0', 'valueOf']]);
  for (let i = 0; i < WORDS.length; i++) {
    names.set(`m${i}`, WORDS[i]!);
    names.set(`c${i}`, WORDS[(i + 1) % WORDS.length]!);
    names.set(`e${i}`, WORDS[(i + 2) % WORDS.length]!);
  }
  LOOSE.forEach((word, i) => names.set(`f${i}`, word));
  names.set('friendly', '__proto__x').set('more', 'constructorish').set('user', 'toString');
  const text = JSON.stringify(scenario).replace(/"(m\d|c\d|e\d|f\d|s0|generated|friendly|more|user)"/g, (_whole, name: string) => JSON.stringify(names.get(name) ?? name));
  const renamed = JSON.parse(text) as Scenario;
  renamed.debrief = { tags: { toString: { label: 'Named toString' }, constructorish: { label: 'Almost constructor' } } };
  return renamed;
}

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem = (key: string) => this.map.get(key) ?? null;
  setItem = (key: string, value: string) => void this.map.set(key, value);
  removeItem = (key: string) => void this.map.delete(key);
}

const finiteNumbers = (value: unknown): boolean =>
  typeof value === 'number' ? Number.isFinite(value) : Array.isArray(value) ? value.every(finiteNumbers) : typeof value === 'object' && value !== null ? Object.values(value).every(finiteNumbers) : typeof value !== 'function';

describe('ids, flags, tags and meter names that are JavaScript words', () => {
  it('play, preview, debrief, report, simulate and save like any other name', () => {
    fc.assert(
      fc.property(scenarioArb, fc.string(), choicesArb, (generated, seed, choices) => {
        const scenario = withJavaScriptWords(generated);
        const checked = validateScenarioText(JSON.stringify(scenario));
        expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
        let state = newGame(scenario, seed);
        for (const index of choices) {
          if (state.end) break;
          if (currentCard(scenario, state)) for (let i = 0; i < 4; i++) expect(finiteNumbers(previewChoice(scenario, state, i, 'amount'))).toBe(true);
          const result = choose(scenario, state, index);
          if (result.ok) {
            expect(finiteNumbers(result.outcome.deltas)).toBe(true);
            state = result.state;
          }
        }
        expect(Object.keys(state.meters).sort()).toEqual(scenario.meters.map((m) => m.id).sort());
        expect(finiteNumbers(state.meters)).toBe(true);
        const series = meterSeries(scenario, state);
        expect(Object.values(series).every((s) => s.length === state.history.length + 1 && finiteNumbers(s))).toBe(true);
        expect(finiteNumbers(stakeholderShifts(scenario, state).map((s) => s.change))).toBe(true);
        for (const { count } of tagProfile(scenario, state)) expect(count).toBeGreaterThan(0);
        for (const w of weightiestChoices(state, 5)) expect(finiteNumbers(w.deltas)).toBe(true);
        const html = renderReport({ scenario, language: 'en', kind: 'solo', teams: [{ name: '', state }], date: new Date('2026-11-30'), session: null });
        expect(html).not.toMatch(/function |\[native code\]|NaN|undefined/);
        expect(loadGame(scenario, saveGame(state))).toEqual({ ok: true, state });
        const memory = new MemoryStore();
        const store = new SaveStore(() => memory);
        if (state.end?.ending) store.recordEnding(scenario.id, state.end.ending);
        store.recordEnding(scenario.id, 'valueOf');
        expect(new SaveStore(() => memory).endingsReached().get(scenario.id)).toContain('valueOf');
        if (!state.end) {
          store.write(state);
          expect(new SaveStore(() => memory).read(scenario)).toEqual({ kind: 'ok', state });
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('simulate and give findings for such names', () => {
    fc.assert(
      fc.property(scenarioArb, (generated) => {
        const scenario = withJavaScriptWords(generated);
        const report = simulate(scenario, { runs: 30, seed: 'w', strategy: { kind: 'balanced' } });
        expect(finiteNumbers(report.endings) && finiteNumbers(report.endedBy) && finiteNumbers(report.cards)).toBe(true);
        expect(Object.values(report.endings).reduce((a, b) => a + b, 0)).toBe(30);
        expect(findings(scenario, report).join('\n')).not.toMatch(/function |NaN|undefined/);
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
