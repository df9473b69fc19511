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
import { readFileSync } from 'node:fs';
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

const RUNS = Number(process.env.MM_FUZZ_RUNS ?? 500);
const SHIPPED = ['example', 'school', 'hospital', 'townhall'].map((name) => JSON.parse(readFileSync(new URL(`../../levels/${name}.json`, import.meta.url), 'utf8')) as unknown);

/** Values an author (or a prankster) may write where something else belongs. */
const HOSTILE: readonly unknown[] = [null, {}, [], [null], { nl: 'x', en: 'y' }, { nl: null }, '', 'x', ' ', 0, -1, 1.5, 1e6, -1e9, true, false, '__proto__', 'constructor', 'toString', 'hasOwnProperty', '{flag}', '10', 'true', '\u202Egnp.exe', 'x'.repeat(400), [{ meter: 'x' }], { card: null, after: 0 }, { all: [] }, { not: null }];

type Json = unknown;
type Segment = string | number;

/** Every path in a JSON value, for picking one to mutate. */
function paths(value: Json, at: Segment[] = [], out: Segment[][] = []): Segment[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** Ids from the file, so that mutations also make references point at other existing things. */
function ids(value: Json): string[] {
  const found = new Set<string>();
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) (k === 'id' && typeof child === 'string' ? found.add(child) : walk(child));
  };
  walk(value);
  return [...found];
}

type Mutation = { kind: 'replace' | 'delete' | 'duplicate' | 'rename' | 'add'; pick: number; value: number };

function mutate(root: Json, m: Mutation): Json {
  // Paths are grouped by the kind of field (cards.#.choices.#.tags.#), and a kind picked first: a
  // big deck has thousands of texts and few conditions, and each kind of field deserves its turn.
  const kinds = new Map<string, Segment[][]>();
  for (const p of paths(root)) {
    if (p.length === 0) continue;
    const kind = p.map((k) => (typeof k === 'number' ? '#' : k)).join('.');
    kinds.set(kind, [...(kinds.get(kind) ?? []), p]);
  }
  const group = [...kinds.values()][m.pick % kinds.size]!;
  const path = group[m.value % group.length]!;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<Segment, Json>)[k], root) as Record<Segment, Json> | Json[];
  const last = path.at(-1)!;
  // Half the time a hostile value, half the time an id from the file (a reference to something else).
  const names = ids(root);
  const pool = m.value % 2 === 0 || names.length === 0 ? HOSTILE : names;
  const value = structuredClone(pool[(m.value >> 1) % pool.length]);
  if (m.kind === 'replace') (parent as Record<Segment, Json>)[last] = value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last as string];
  } else if (m.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(last as number, 0, structuredClone(parent[last as number]));
    else (parent as Record<string, Json>)[`${String(last)}2`] = structuredClone(parent[last as string]);
  } else if (m.kind === 'rename' && !Array.isArray(parent)) {
    const moved = parent[last as string];
    delete parent[last as string];
    (parent as Record<string, Json>)[`${String(last).slice(1)}`] = moved;
  } else if (m.kind === 'add' && !Array.isArray(parent)) (parent as Record<string, Json>)[String(pool[(m.value >> 2) % pool.length])] = value;
  else if (Array.isArray(parent)) parent.push(value);
  return root;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom('replace', 'replace', 'delete', 'duplicate', 'rename', 'add'), pick: fc.noBias(fc.nat()), value: fc.noBias(fc.nat()) });

/** A text mutation as hostile.test.ts makes them: one character put in, taken out or repeated. */
const textEdit = fc.option(fc.tuple(fc.noBias(fc.nat()), fc.constantFrom('insert', 'delete', 'repeat'), fc.constantFrom('"', ',', '\\', '\uFEFF', '0', '+', '.', '}', ']', ' ', '\u201C', '\u0000')), { freq: 4 });

export const scenarioText = fc.tuple(fc.nat(SHIPPED.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), textEdit).map(([which, mutations, edit]) => {
  let value = structuredClone(SHIPPED[which]);
  for (const m of mutations) value = mutate(value, m);
  let text = JSON.stringify(value, null, 2);
  if (edit) {
    const [at, how, c] = edit;
    const i = at % text.length;
    text = how === 'insert' ? text.slice(0, i) + c + text.slice(i) : how === 'delete' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + text.slice(i, i + 1).repeat(2) + text.slice(i + 1);
  }
  return text;
});

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
      fc.property(scenarioText, (text) => {
        if (throughTheTools(text)) playable++;
      }),
      { numRuns: RUNS, seed: Number(process.env.MM_FUZZ_SEED ?? 20), endOnFailure: true },
    );
    // Some mutations leave the file playable, so the simulator, check and strings paths are reached too.
    expect(playable).toBeGreaterThan(RUNS / 20);
  }, 300_000);

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
