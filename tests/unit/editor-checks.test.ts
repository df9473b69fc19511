import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBalanceOf, checker, fieldMessages, messagesByField, nearestField, problemPath, wordBalance, wordCause, type BalanceResult } from '../../src/editor/checks.ts';
import { openDocument, setValue } from '../../src/editor/document.ts';
import { pathKey } from '../../src/engine/jsonSource.ts';
import { meterFigures, verdictCause } from '../../src/engine/meterFigures.ts';
import { formatPath, validateScenarioText, type ValidationResult } from '../../src/engine/validate.ts';
import { problemText } from '../../src/locales/authoring.ts';
import { card, makeScenario } from './scenarios.ts';

const read = (name: string) => readFileSync(new URL(`../../levels/${name}`, import.meta.url), 'utf8');

describe('messages beside their fields', () => {
  it('reads back every path the validator writes (property)', () => {
    const segment = fc.oneof(fc.nat(3000), fc.string({ maxLength: 6 }), fc.constantFrom('cards', 'effects', 'odd name', 'a.b', '[0]', 'x"y'));
    fc.assert(fc.property(fc.array(segment, { maxLength: 7 }), (path) => {
      expect(problemPath(formatPath(path))).toEqual(path);
    }));
  });

  it('puts the validator\'s own Dutch message at the effect that names a missing meter', () => {
    const doc = setValue(openDocument('school.json', read('school.json')), ['cards', 2, 'choices', 1, 'effects', 'pupills'], 5);
    const messages = fieldMessages(doc.problems, 'nl');
    const at = messagesByField(messages).get(pathKey(['cards', 2, 'choices', 1, 'effects', 'pupills']));
    expect(at).toHaveLength(1);
    const problem = doc.problems.find((p) => p.path === 'cards[2].choices[1].effects.pupills')!;
    expect(at![0]!.text).toBe(problemText(problem, 'nl'));
    expect(at![0]!.text).toContain('pupils');
    expect(at![0]!.severity).toBe('error');
  });

  it('shows a message about a place without a field at the nearest field above it', () => {
    const [message] = fieldMessages([{ severity: 'error', line: 1, column: 1, path: 'cards[4].choices[1].next', code: 'expectedText', params: {} }], 'en');
    expect(nearestField(message!, new Set([pathKey(['cards', 4]), pathKey(['cards', 4, 'choices', 1])]))).toBe(pathKey(['cards', 4, 'choices', 1]));
    expect(nearestField(message!, new Set())).toBe('');
  });
});

describe('each meter\'s figures', () => {
  const deck = Array.from({ length: 12 }, (_, i) =>
    card(`c${i}`, { choices: [{ label: 'x', effects: i < 3 ? { a: 10, b: -5 } : { a: -2 } }, { label: 'y', effects: { a: 3 } }] }),
  );
  const scenario = makeScenario({ meters: [{ id: 'a', label: 'Ouders', start: 50 }, { id: 'b', label: { nl: 'Toezicht', en: 'Supervision' }, start: 50 }], cards: deck });

  it('counts the cards that touch each meter and sums its rises and falls', () => {
    expect(meterFigures(scenario)).toEqual([
      { meter: 'a', cards: 12, total: 12, up: 30 + 36, down: -18, tooFew: false },
      { meter: 'b', cards: 3, total: 12, up: 0, down: -15, tooFew: true },
    ]);
  });

  it('names a meter touched by too few cards as the cause when serving one master wins', () => {
    const verdict = { strategy: 'favour:a', meter: 'a', ok: false, code: 'balanceFavourCheap' as const, params: { meter: 'a' } };
    const cause = verdictCause(meterFigures(scenario), verdict)!;
    expect(wordCause(cause, scenario, 'en')).toMatch(/^Supervision is touched by 3 of 12 cards: /);
    expect(wordCause(cause, scenario, 'nl')).toMatch(/^Toezicht wordt geraakt door 3 van de 12 kaarten: /);
    expect(verdictCause(meterFigures(scenario), { ...verdict, ok: true, code: 'balanceFavourOk' })).toBeUndefined();
  });
});

describe('the balance check for the editor', () => {
  it('gives the verdicts of npm run check, worded, with their causes', () => {
    const checked = validateScenarioText(read('school.json'));
    if (!checked.ok) throw new Error('school.json does not validate');
    const scenario = checked.scenario;
    const result = checkBalanceOf(scenario, { runs: 60, seed: '1' });
    const worded = wordBalance(result, scenario, 'nl');
    expect(worded).toHaveLength(result.report.verdicts.length);
    expect(worded[0]!.text).toMatch(/willekeurig/);
    expect(result.causes).toHaveLength(worded.length);
  }, 30_000);

  it('checks only the newest text, a moment after the last edit, on the page where no worker starts', async () => {
    const problems: string[] = [];
    const balances: [string, BalanceResult][] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const run = checker({
      delay: 5,
      runs: 20,
      startWorker: () => {
        throw new Error('no workers from file://');
      },
      onProblems: (result: ValidationResult, text) => problems.push(`${result.ok}:${text.length}`),
      onBalance: (result, text) => {
        balances.push([text, result]);
        done();
      },
    });
    const example = read('example.json');
    run.schedule('{');
    run.schedule(example.slice(0, 10));
    run.schedule(example);
    await finished;
    expect(problems).toEqual([`true:${example.length}`]);
    expect(balances).toHaveLength(1);
    expect(balances[0]![1].report.runs).toBe(20);
    run.stop();
  }, 30_000);
});
