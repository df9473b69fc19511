import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, scenarioJsonSchema } from '../../src/engine/format.ts';
import { validateScenarioText, type Problem } from '../../src/engine/validate.ts';
import { formatProblem } from '../../src/locales/authoring.ts';
import { card, makeScenario, validateObject } from './scenarios.ts';
import { en } from './words.ts';

const withEn = (p: Problem) => ({ ...p, en: en(p) });
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('the published JSON Schema', () => {
  it('is the one generated from the format definition (run `npm run schema` after changing the format)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../levels/scenario.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('has descriptions that read as sentences, each also in Dutch in levels/scenario.nl.schema.json (run `npm run schema`)', async () => {
    const { dutchSchema, schemaDescriptionsNl, schemaTexts } = await import('../../src/locales/schema-nl.ts');
    const texts = [...schemaTexts(scenarioJsonSchema())];
    expect(texts.length).toBeGreaterThan(80);
    for (const text of texts) {
      expect(text, 'a sentence').toMatch(/^[A-Z].*[.)]$|^Many Masters scenario$/);
      expect(text).not.toMatch(/defined elsewhere|e\.g\.|=/);
      expect(schemaDescriptionsNl.get(text), `Dutch for: ${text}`).toBeDefined();
    }
    const dutch = JSON.parse(readFileSync(new URL('../../levels/scenario.nl.schema.json', import.meta.url), 'utf8'));
    expect(dutch).toEqual(dutchSchema(scenarioJsonSchema()));
    expect(dutch.properties.cards.description).toBe('De stapel: elk dilemma dat de speler kan tegenkomen.');
  });

  it('is referenced by every shipped level', () => {
    const levels = readdirSync(new URL('../../levels/', import.meta.url)).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(levels).toContain('example.json');
    for (const file of levels) {
      const level = JSON.parse(readFileSync(new URL(`../../levels/${file}`, import.meta.url), 'utf8'));
      expect(level.$schema).toBe('./scenario.schema.json');
    }
  });
});

describe('JSON syntax errors', () => {
  it('names the line and column of a missing comma', () => {
    const result = validateScenarioText('{\n  "format": 1\n  "id": "x"\n}');
    expect(result.ok).toBe(false);
    expect(withEn(result.problems[0]!)).toMatchObject({ line: 3, column: 3, code: 'commaMissingField', en: expect.stringContaining('comma is missing') });
  });

  it('explains a trailing comma, single quotes and comments', () => {
    expect(en(validateScenarioText('{"a": [1, 2,]}').problems[0]!)).toContain('remove the comma');
    expect(en(validateScenarioText("{'a': 1}").problems[0]!)).toContain('double quotes');
    expect(withEn(validateScenarioText('{\n// note\n"a": 1}').problems[0]!)).toMatchObject({ code: 'comment', line: 2, column: 1, en: expect.stringContaining('comments') });
  });

  it('points at the start of an unclosed text', () => {
    const result = validateScenarioText('{\n  "id": "abc\n}');
    expect(withEn(result.problems[0]!)).toMatchObject({ line: 2, column: 9, code: 'textPastLineEnd', en: expect.stringContaining('add the closing " at its end') });
  });

  it('points at the character inside a text that JSON refuses, not only at the text', () => {
    const tab = validateScenarioText('{\n  "id": "a\tb"\n}');
    expect(tab.problems[0]).toMatchObject({ line: 2, column: 11, code: 'controlCharacter' });
    const escape = validateScenarioText('{\n  "id": "C:\\temp\\x"\n}');
    expect(withEn(escape.problems[0]!)).toMatchObject({ line: 2, column: 17, code: 'badEscape', en: expect.stringContaining('"\\x" is not allowed inside a text') });
  });

  it('names a number written wrongly as a whole, and a word glued to true at the letter after it', () => {
    expect(withEn(validateScenarioText('{\n  "start": 2.\n}').problems[0]!)).toMatchObject({ line: 2, column: 12, code: 'badNumber', en: expect.stringMatching(/^"2\." is not a number: write digits/) });
    expect(withEn(validateScenarioText('{\n  "once": truee\n}').problems[0]!)).toMatchObject({ line: 2, column: 15, code: 'expectedCommaOrBrace', en: expect.stringContaining('found "e"') });
  });
});

describe('contract errors', () => {
  it('reports every problem in a broken file, each at its own line and column', () => {
    const result = validateScenarioText(fixture('broken.json'));
    expect(result.ok).toBe(false);
    const lines = result.problems.map((p) => `${p.line}:${p.column} ${en(p)}${p.suggestion ? ` (${p.suggestion})` : ''}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^7:\d+ there is no ending "closd" .*\("closed"\)$/),
        expect.stringMatching(/^9:\d+ start 120 is outside this meter's range 0 to 100: choose a start in that range \(100\)/),
        expect.stringMatching(/^13:\d+ there is no stakeholder "libarian" .*\("librarian"\)/),
        expect.stringMatching(/^14:\d+ there is no meter "reader" .*\("readers"\)$/),
        expect.stringMatching(/^17:\d+ unknown field "lable": allowed here are .*\("label"\)/),
        expect.stringMatching(/^18:\d+ there is no meter "reader" to change .*\("readers"\)/),
        // The card the next sits on is never offered: accepting it would make a card lead to itself.
        '19:19 there is no card "lend-book" (other cards: c2, c3, c5): correct the id, or add a card with "id": "lend-book"',
        expect.stringMatching(/^22:\d+ card "lend-books" has 2 choices; "choice" counts them from 0 in the order they are written in the file \(the first is 0\), so the last is 1 and there is no 5/),
        expect.stringMatching(/^24:\d+ there is no card "c9"/),
        expect.stringMatching(/^26:\d+ the id "lend-books" is used twice in cards/),
        expect.stringMatching(/^27:\d+ there is no card "nowhere" /),
      ]),
    );
    expect(errors(result.problems)).toHaveLength(11);
  });

  it('formats problems in the compiler style editors understand', () => {
    const problem: Problem = { severity: 'error', line: 4, column: 7, path: 'meters[0].start', code: 'tooBig', params: { value: 120, max: 100 }, suggestion: '100' };
    expect(formatProblem('levels/x.json', problem, 'en')).toBe('levels/x.json:4:7: error: 120 is too large: the largest allowed here is 100 — did you mean 100? (at meters[0].start)');
    expect(formatProblem('levels/x.json', problem, 'nl')).toBe('levels/x.json:4:7: error: 120 is te groot: het grootste dat hier mag is 100 — bedoel je 100? (bij meters[0].start)');
  });

  it('requires the contract fields and their types', () => {
    const result = validateObject({ format: 2, id: 'bad id', title: 5, meters: [{ id: 'm', label: 'M', start: 'high' }], stakeholders: [], cards: [] });
    const messages = errors(result.problems).map((p) => `${p.path}: ${en(p)}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'format: this file is for a newer version of the game (format 2; this version reads format 1): open it in a newer version of Many Masters, or ask its author for a file in format 1',
        expect.stringMatching(/^id: "bad id" cannot be an id: use only letters/),
        expect.stringMatching(/^title: expected a text/),
        'meters: this list has 1 item; it needs at least 2: add 1 item',
        'meters[0].start: expected a number, found the text "high": write digits without quotes, such as 10 or -5',
        'cards: this list has 0 items; it needs at least 1: add 1 item',
      ]),
    );
  });

  it('names every misspelt field of one object with its fix, and a list given where an object belongs', () => {
    const result = validateObject(makeScenario({ meters: [{ id: 'a', labl: 'A', strat: 50 } as never, [] as never] }));
    const messages = errors(result.problems).map((p) => `${p.path}: ${p.code}${p.suggestion ? ` (${p.suggestion})` : ''}`);
    expect(messages).toEqual(expect.arrayContaining(['meters[0].labl: unknownField ("label")', 'meters[0].strat: unknownField ("start")', 'meters[1]: expectedObject']));
    // The misspelt names already say what is missing.
    expect(messages.filter((m) => m.startsWith('meters[0]: missingField'))).toEqual([]);
  });

  it('checks choice counts, condition forms and next forms', () => {
    const scenario = makeScenario({
      cards: [
        card('c1', { choices: [{ label: 'only one' }] }),
        card('c2', { when: { meter: 'a' } as never }),
        card('c3', { when: { weather: 'sunny' } as never }),
        card('c4', { choices: [{ label: 'x', next: { card: 'c1' } as never, effects: { a: 1 } }, { label: 'y', effects: { a: -1 } }] }),
      ],
    });
    const messages = errors(validateObject(scenario).problems).map((p) => `${p.path}: ${en(p)}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'cards[0].choices: this card has 1 choice; it needs at least 2: add a choice',
        'cards[1].when: a meter condition needs a comparison: add "below", "above", "atLeast" or "atMost", for example { "meter": "a", "below": 30 }',
        expect.stringMatching(/^cards\[2\]\.when: this condition has none of meter, flag, turn/),
        'cards[3].choices[0].next: the field "after" is missing: add "after": …',
      ]),
    );
  });

  it('accepts the shipped example, which uses every field of the contract', () => {
    const text = readFileSync(new URL('../../levels/example.json', import.meta.url), 'utf8');
    const result = validateScenarioText(text);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const used = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) (used.add(k), walk(child));
    };
    walk(JSON.parse(text));
    for (const field of ['$schema', 'description', 'setting', 'turns', 'preview', 'icon', 'min', 'max', 'onMin', 'onMax', 'portrait', 'meter', 'when', 'weight', 'once', 'tags', 'effects', 'set', 'feedback', 'next', 'after', 'questions', 'below', 'above', 'atLeast', 'atMost', 'flag', 'is', 'turn', 'seen', 'chose', 'choice', 'all', 'any', 'not']) {
      expect(used, field).toContain(field);
    }
  });
});

describe('hostile input', () => {
  it('refuses keys that reach object prototypes, without changing any prototype', () => {
    const result = validateScenarioText('{"__proto__": {"polluted": true}, "constructor": 1}');
    expect(errors(result.problems).map((p) => en(p))).toEqual(
      expect.arrayContaining([expect.stringContaining('"__proto__" is not allowed'), expect.stringContaining('"constructor" is not allowed')]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses 10,000-deep nesting with the limit named', () => {
    const result = validateScenarioText('['.repeat(10_000) + ']'.repeat(10_000));
    expect(en(result.problems[0]!)).toContain(`more than ${LIMITS.depth} levels deep`);
  });

  it('refuses a 50 MB file and a million-character text with the limits named', () => {
    expect(en(validateScenarioText(' '.repeat(50_000_000)).problems[0]!)).toMatch(/at most 5 MB/);
    const result = validateScenarioText(`{"id": "${'x'.repeat(1_000_000)}"}`);
    expect(en(result.problems[0]!)).toContain("20,000 characters");
  });

  it('reports a key written twice', () => {
    const result = validateScenarioText('{\n"id": "a",\n"id": "b"}');
    expect(result.problems.map(withEn)).toContainEqual(expect.objectContaining({ line: 3, column: 1, code: 'duplicateField', en: expect.stringContaining('"id" appears twice in this object (first at line 2, column 1)') }));
  });
});

describe('warnings', () => {
  const warningsFor = (parts: Parameters<typeof makeScenario>[0]) => {
    const result = validateObject(makeScenario(parts));
    expect(errors(result.problems)).toEqual([]);
    return warnings(result.problems).map((p) => en(p));
  };

  it('names cards that can never be drawn', () => {
    const messages = warningsFor({ cards: [card('c1'), card('c2'), card('hidden', { weight: 0 }), card('flagged', { when: { flag: 'never-set' } })] });
    expect(messages).toEqual(
      expect.arrayContaining([
        'card "hidden" can never be drawn: its weight is 0 and no choice leads to it with "next"; give it a weight above 0, or add "next": "hidden" to a choice',
        'card "flagged" can never be drawn: its condition needs flag "never-set", which no choice sets; add "set": { "never-set": true } to a choice, or correct the flag name',
      ]),
    );
  });

  it('names endings shadowed by a fallback, unchanged meters, idle stakeholders and choices without consequence', () => {
    const messages = warningsFor({
      meters: [
        { id: 'a', label: 'A', start: 50 },
        { id: 'b', label: 'B', start: 50 },
        { id: 'idle', label: 'Idle', start: 50 },
      ],
      stakeholders: [{ id: 's', name: 'S' }, { id: 'quiet', name: 'Quiet' }],
      cards: [card('c1', { choices: [{ label: 'nothing' }, { label: 'something', effects: { a: 3 } }] }), card('c2')],
      endings: [
        { id: 'fallback', title: 'F', text: 'F' },
        { id: 'late', title: 'L', text: 'L', when: { meter: 'a', above: 60 } },
      ],
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('ending "late" can never be reached after the last turn: it comes after "fallback"'),
        'meter "idle" is never changed by any choice: add it to the "effects" of some choices, or remove the meter',
        'stakeholder "quiet" brings no card: write a card with "from": "quiet", or remove the stakeholder',
        'the first choice of card "c1" changes no meter, sets no flag and leads to no card, so it has no consequence: give it "effects"',
      ]),
    );
  });

  it('flags a card without a dilemma and an effect that ends the game outright', () => {
    const messages = warningsFor({
      cards: [
        card('same', { choices: [{ label: 'x', effects: { a: 5 } }, { label: 'y', effects: { a: 10 } }] }),
        card('c2', { choices: [{ label: 'x', effects: { a: -60 } }, { label: 'y', effects: { b: 3 } }] }),
      ],
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        'every choice of card "same" moves the same meters the same way, so the player has no real dilemma: let one choice cost a meter that another choice helps',
        '-60 on "a" ends the game at once from its start value 50 (the first choice of card "c2"): make the effect smaller',
      ]),
    );
  });

  it('does not count meter endings as fallbacks after the last turn', () => {
    expect(warningsFor({})).toEqual([]);
  });
});
