import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/format.ts';
import { parseJson, withoutBom } from '../../src/engine/jsonSource.ts';
import { validateWithStoredCheck, storeCheck } from '../../src/engine/storedCheck.ts';
import { validateScenarioText, type Problem } from '../../src/engine/validate.ts';
import { card, makeScenario } from './scenarios.ts';
import { en } from './words.ts';

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const valid = JSON.stringify(makeScenario(), null, 2);

/** What the built game does with a file the build accepted (src/engine/storedCheck.ts). */
function loadedByGame(text: string): unknown {
  const result = validateWithStoredCheck(text, storeCheck(text));
  return result.ok ? result.scenario : undefined;
}

describe('a byte-order mark (Notepad\'s "UTF-8 with BOM")', () => {
  it('at the start is accepted with a warning, and the built game loads the same scenario', () => {
    const result = validateScenarioText(`\uFEFF${valid}`);
    expect(result.ok).toBe(true);
    expect(result.problems).toContainEqual(expect.objectContaining({ severity: 'warning', line: 1, column: 1, code: 'bomAtStart' }));
    expect(loadedByGame(`\uFEFF${valid}`)).toEqual(makeScenario());
  });

  it('anywhere else is refused at its place, as JSON.parse refuses it', () => {
    const text = valid.replace('"format": 1,', '"format": 1,\uFEFF');
    expect(() => JSON.parse(text)).toThrow();
    const result = validateScenarioText(text);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ line: 2, column: 15, code: 'bomInside' });
    expect(en(result.problems[0]!)).toContain('only allowed at the very start of the file: delete it');
  });
});

describe('the project\'s JSON reader and JSON.parse', () => {
  // Texts near JSON: real JSON with random spacing, then with a random character put in, taken out or repeated.
  const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n', '\uFEFF', '\u00a0', '/**/');
  const jsonText = fc
    .tuple(fc.jsonValue({ maxDepth: 4 }), space, space, fc.boolean())
    .map(([value, before, after, bom]) => `${bom ? '\uFEFF' : ''}${before}${JSON.stringify(value, null, before.length % 3)}${after}`);
  const mutated = fc.tuple(jsonText, fc.nat(), fc.constantFrom('insert', 'delete', 'repeat'), fc.constantFrom('"', ',', '\\', '\uFEFF', '0', 'e', '-', '.', '}', ']', ' ', 'u', '\u2028', '\u0000'))
    .map(([text, at, how, c]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (how === 'insert') return text.slice(0, i) + c + text.slice(i);
      if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + text.slice(i, i + 1).repeat(2) + text.slice(i + 1);
    });

  it('agree: whatever the reader accepts, JSON.parse reads as the same value, and whatever JSON.parse refuses, the reader refuses', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, mutated), (text) => {
        const ours = parseJson(text);
        let theirs: { ok: true; value: unknown } | { ok: false };
        try {
          theirs = { ok: true, value: JSON.parse(withoutBom(text)) };
        } catch {
          theirs = { ok: false };
        }
        if (ours.ok && ours.problems.length === 0) {
          expect(theirs.ok).toBe(true);
          expect(ours.value).toStrictEqual((theirs as { value: unknown }).value);
        }
        if (!theirs.ok) expect(ours.ok).toBe(false);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('agree on what the game loads: a file the validator accepts is the scenario the built game plays', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom(0, 2, '\t'), (bom, indent) => {
        const text = `${bom ? '\uFEFF' : ''}${JSON.stringify(makeScenario(), null, indent)}`;
        const checked = validateScenarioText(text);
        expect(checked.ok).toBe(true);
        expect(loadedByGame(text)).toStrictEqual(checked.ok ? checked.scenario : null);
      }),
    );
  });
});

describe('numbers', () => {
  it('reads a 70-digit number and says what is wrong with its value, not its writing', () => {
    const big = '1'.repeat(70);
    const result = validateScenarioText(valid.replace('"start": 50', `"start": ${big}`));
    expect(errors(result.problems).map(en)).toEqual([expect.stringMatching(/^start 1\.\d+e\+69 is outside this meter's range 0 to 100/)]);
  });

  it('refuses a number written with more characters than the limit, naming it', () => {
    const result = validateScenarioText(valid.replace('"start": 50', `"start": 0.${'5'.repeat(500)}`));
    expect(en(result.problems[0]!)).toContain(`more than ${LIMITS.numberLength} characters`);
  });
});

describe('JavaScript\'s own words as names', () => {
  it('are refused as ids, references, flags and tags when they are __proto__, constructor or prototype', () => {
    const scenario = makeScenario({
      id: 'constructor',
      cards: [card('prototype'), card('c2', { tags: ['constructor'], choices: [{ label: 'x', effects: { a: 1 }, set: { ok: true } }, { label: 'y', next: 'constructor' }] })],
    });
    const result = validateScenarioText(JSON.stringify(scenario));
    const messages = errors(result.problems).map((p) => `${p.path}: ${en(p)}`);
    for (const path of ['id', 'cards[0].id', 'cards[1].tags[0]', 'cards[1].choices[1].next']) {
      expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: ".+" cannot be used as a name: JavaScript`)));
    }
  });

  it('work as ids, flags, tags and meter names when they are any other word of JavaScript', () => {
    const word = 'toString';
    const scenario = makeScenario({
      id: word,
      meters: [
        { id: word, label: 'A', start: 50, onMin: 'valueOf' },
        { id: 'b', label: 'B', start: 50 },
      ],
      stakeholders: [{ id: 'hasOwnProperty', name: 'S', meter: word }],
      cards: [
        card('valueOf', { from: 'hasOwnProperty', choices: [{ label: 'x', effects: { [word]: 5, b: -5 }, set: { isPrototypeOf: true }, tags: [word] }, { label: 'y', effects: { [word]: -5, b: 5 }, next: 'toLocaleString' }] }),
        card('toLocaleString', { from: 'hasOwnProperty', when: { flag: 'isPrototypeOf' }, choices: [{ label: 'x', effects: { b: 1 } }, { label: 'y', effects: { b: -1 } }] }),
      ],
      endings: [
        { id: 'valueOf', title: 'V', text: 'V' },
        { id: 'done', title: 'D', text: 'D' },
      ],
      debrief: { tags: { [word]: { label: 'T' } } },
    });
    const result = validateScenarioText(JSON.stringify(scenario));
    expect(errors(result.problems)).toEqual([]);
  });
});

describe('limits', () => {
  it('stops a list longer than the limit, naming the limit', () => {
    const text = `{"format": 1, "meters": [${Array.from({ length: 800_00 }, () => '{}').join(',')}]}`;
    const result = validateScenarioText(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ path: 'meters', code: 'tooManyItems' })]);
    expect(en(result.problems[0]!)).toBe('this list has more than 2000 items, the most a list in a scenario file may have: split the scenario');
  });

  it('stops an object with more fields than the limit, naming the limit', () => {
    const text = `{"format": 1, ${Array.from({ length: 40_000 }, (_, i) => `"k${i}": 1`).join(',')}}`;
    const result = validateScenarioText(text);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'tooManyKeys' })]);
    expect(en(result.problems[0]!)).toBe('this object has more than 2000 fields, the most an object in a scenario file may have: split it up');
  });

  it('lists the first problems and counts the rest ("and N more")', () => {
    const cards = Array.from({ length: 2000 }, (_, i) => ({ ...card(`c${i}`), from: 'nobody', text: 7 as unknown as string }));
    const result = validateScenarioText(JSON.stringify(makeScenario({ cards }), null, 1));
    expect(result.problems).toHaveLength(LIMITS.problems + 1);
    expect(result.problems.at(-1)).toMatchObject({ severity: 'error', code: 'moreProblems' });
    expect(en(result.problems.at(-1)!)).toMatch(/^and \d+ more problems not listed \(only the first 200 are shown\): fix these and check again$/);
    // The listed ones are located at their place in the file.
    expect(result.problems[0]).toMatchObject({ line: expect.any(Number), path: expect.stringMatching(/^cards\[0\]\.(from|text)$/) });
    expect(result.problems[0]!.line).toBeGreaterThan(20);
  });
});

describe('heavy files (the bench times them at full size)', () => {
  it('each is answered with at most the listed-problem limit plus one "and N more" line', async () => {
    const { hostileFiles } = await import('../../scripts/bench/hostileFiles.ts');
    for (const [name, make] of Object.entries(hostileFiles)) {
      const result = validateScenarioText(make(0.05));
      expect(result.problems.length, name).toBeLessThanOrEqual(LIMITS.problems + 1);
      if (result.problems.length > LIMITS.problems) expect(en(result.problems.at(-1)!), name).toMatch(/^and [\d,]+ more problems? not listed/);
    }
  }, 60_000);
});

describe('controls that reorder letters', () => {
  it('are named in a warning and shown as their code, so "Pay ‮gnp.exe" cannot read "Pay exe.png"', async () => {
    const { resolveText } = await import('../../src/engine/text.ts');
    const scenario = makeScenario({ cards: [card('c1', { text: 'Pay \u202Egnp.exe\u202C now' }), card('c2'), card('c3')] });
    const result = validateScenarioText(JSON.stringify(scenario, null, 2));
    expect(result.ok).toBe(true);
    expect(result.problems).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'cards[0].text', code: 'bidiControl', params: { code: 'U+202E' } }));
    expect(resolveText(scenario.cards[0]!.text, 'en')).toBe('Pay [U+202E]gnp.exe[U+202C] now');
    expect(resolveText({ nl: 'a\u2067b\u2069' }, 'en')).toBe('a[U+2067]b[U+2069]');
  });
});

describe('the README\'s limits', () => {
  it('are the validator\'s numbers', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const n = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    for (const claim of [
      `${LIMITS.fileBytes / 1e6} MB per file`,
      `${LIMITS.depth} levels of nesting`,
      `${n(LIMITS.textLength)} characters per text (any string over ${n(LIMITS.stringLength)} stops`,
      `${LIMITS.ids} per id`,
      `${n(LIMITS.cards)} cards`,
      `${n(LIMITS.listItems)} items per list`,
      `${n(LIMITS.objectKeys)} fields per object`,
      `${LIMITS.numberLength} characters per number`,
      `the first ${LIMITS.problems} problems are listed`,
    ]) expect(readme).toContain(claim);
    expect(readme).not.toContain('20,000 characters per text');
  });
});

describe('saves of long games', () => {
  it('load with more than 2,000 turns of history (the limits are a scenario file\'s, not a save\'s)', async () => {
    const { loadGame, saveGame } = await import('../../src/engine/save.ts');
    const { choose, newGame } = await import('../../src/engine/game.ts');
    const endless = makeScenario({ turns: undefined, meters: [{ id: 'a', label: 'A', start: 50 }, { id: 'b', label: 'B', start: 50 }], endings: [] });
    let state = newGame(endless, 'long');
    for (let i = 0; i < 2_100; i++) {
      const result = choose(endless, state, i % 2);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    }
    expect(state.history.length).toBe(2_100);
    expect(loadGame(endless, saveGame(state))).toEqual({ ok: true, state });
  }, 60_000);
});
