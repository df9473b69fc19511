/**
 * The authoring tools never crash on a file: mutated shipped scenarios go through the code paths of
 * `validate` (every problem worded in both languages, as the command line, the dev server and the
 * problems screen word it), `simulate` (its report and findings), `check` (every strategy, judged
 * and worded) and `strings export`. Any exception is a failure.
 *
 * The unit suite runs MM_FUZZ_RUNS scenarios (default 500, so it stays well inside its timeout on
 * a slow, busy machine); `MM_FUZZ_RUNS=5000 npx vitest run tests/unit/tools-fuzz.test.ts` runs the
 * full count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportLanguages, exportStrings } from '../../src/authoring/strings.ts';
import { balanceStrategies, judgeBalance } from '../../src/engine/balance.ts';
import { describeCondition, findings } from '../../src/engine/findings.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { sameScenarioIdWarnings, validateScenarioText } from '../../src/engine/validate.ts';
import { formatProblem, problemText, word, wordCoded, wordVerdict, type AuthoringKey, type Params } from '../../src/locales/authoring.ts';
import { authoringEn } from '../../src/locales/authoring-en.ts';
import { humanReport } from '../../scripts/simulate.ts';
import { HOSTILE, mistakeText, SHIPPED, scenarioText } from './mutations.ts';

const RUNS = Number(process.env.MM_FUZZ_RUNS ?? 500);
/** What the tools do with one file, in-process: each step is the library call its command makes. */
function throughTheTools(text: string): boolean {
  // validate (and the dev server and problems screen, which word the same problems)
  const result = validateScenarioText(text);
  for (const language of ['nl', 'en'] as const) {
    for (const p of result.problems) {
      formatProblem('levels/fuzz.json', p, language);
      problemText(p, language);
    }
  }
  if (!result.ok) return false;
  const scenario: Scenario = result.scenario;
  sameScenarioIdWarnings([{ name: 'a.json', source: text, scenario }, { name: 'b.json', source: text, scenario }]);
  // simulate: a few games per strategy are enough to reach the code that reports them
  const reports = balanceStrategies(scenario).map((strategy) => simulate(scenario, { runs: 2, seed: 'fuzz', strategy }));
  for (const language of ['nl', 'en'] as const) {
    humanReport(scenario, 'levels/fuzz.json', reports[0]!, language);
    for (const f of findings(scenario, reports[0]!)) wordCoded(f, language);
    for (const c of [...scenario.cards, ...(scenario.endings ?? [])]) if (c.when) wordCoded(describeCondition(c.when), language);
    // check
    for (const verdict of judgeBalance(scenario, reports).verdicts) wordVerdict(verdict, scenario, language);
  }
  // strings export
  exportStrings(scenario, exportLanguages(scenario, 'en'), ';');
  exportStrings(scenario, exportLanguages(scenario, 'fr'), ',');
  return true;
}

describe('the authoring tools on mutated shipped scenarios', () => {
  it(`validate, simulate, check and strings export word every mutated file without throwing (${RUNS} files)`, () => {
    let playable = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: scenarioText }, { weight: 1, arbitrary: mistakeText }), (text) => {
        if (throughTheTools(text)) playable++;
      }),
      { numRuns: RUNS, seed: Number(process.env.MM_FUZZ_SEED ?? 20), endOnFailure: true },
    );
    // Some mutations leave the file playable, so the simulator, check and strings paths are reached too.
    expect(playable).toBeGreaterThan(RUNS / 20);
  }, Math.max(300_000, RUNS * 250));

  it('a choice tag written as an object, {} or null is an error in words, in both languages', () => {
    for (const tag of [{ nl: 'vriendelijk', en: 'friendly' }, {}, null]) {
      const s = structuredClone(SHIPPED[0]) as { cards: { choices: { tags?: unknown[] }[] }[] };
      s.cards[0]!.choices[0]!.tags = [tag];
      const result = validateScenarioText(JSON.stringify(s, null, 2));
      expect(result.ok).toBe(false);
      const lines = result.problems.flatMap((p) => (['nl', 'en'] as const).map((l) => formatProblem('f.json', p, l)));
      expect(lines.join('\n')).toMatch(/cards\[0\]\.choices\[0\]\.tags\[0\]/);
      expect(lines.join('\n')).not.toMatch(/\[object Object\]|undefined/);
    }
  });

  it('every message accepts whatever a file holds in each parameter: objects, null, lists of anything', () => {
    for (const key of Object.keys(authoringEn) as AuthoringKey[]) {
      const names = [...authoringEn[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const value of [...HOSTILE, undefined, [{}, null, 3]]) {
        const params = Object.fromEntries(names.map((n) => [n, value])) as unknown as Params;
        for (const language of ['nl', 'en'] as const) {
          const text = word(key, params, language);
          expect(text).not.toMatch(/\[object Object\]/);
        }
      }
    }
  });
});
