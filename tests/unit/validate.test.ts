import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, scenarioJsonSchema } from '../../src/engine/format.ts';
import { formatProblem, validateScenarioText, type Problem } from '../../src/engine/validate.ts';
import { card, makeScenario, validateObject } from './scenarios.ts';

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('the published JSON Schema', () => {
  it('is the one generated from the format definition (run `npm run schema` after changing the format)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../levels/scenario.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
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
    expect(result.problems[0]).toMatchObject({ line: 3, column: 3, message: expect.stringContaining('comma is missing') });
  });

  it('explains a trailing comma, single quotes and comments', () => {
    expect(validateScenarioText('{"a": [1, 2,]}').problems[0]!.message).toContain('remove the comma');
    expect(validateScenarioText("{'a': 1}").problems[0]!.message).toContain('double quotes');
    expect(validateScenarioText('{\n// note\n"a": 1}').problems[0]).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('comments') });
  });

  it('points at the start of an unclosed text', () => {
    const result = validateScenarioText('{\n  "id": "abc\n}');
    expect(result.problems[0]).toMatchObject({ line: 2, column: 9, message: expect.stringContaining('add a closing "') });
  });
});

describe('contract errors', () => {
  it('reports every problem in a broken file, each at its own line and column', () => {
    const result = validateScenarioText(fixture('broken.json'));
    expect(result.ok).toBe(false);
    const lines = result.problems.map((p) => `${p.line}:${p.column} ${p.message}${p.suggestion ? ` (${p.suggestion})` : ''}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^7:\d+ unknown ending "closd" .*\("closed"\)$/),
        expect.stringMatching(/^9:\d+ start 120 is outside this meter's range 0\.\.100/),
        expect.stringMatching(/^13:\d+ unknown stakeholder "libarian" .*\("librarian"\)/),
        expect.stringMatching(/^14:\d+ unknown meter "reader" .*\("readers"\)$/),
        expect.stringMatching(/^17:\d+ unknown field "lable";.*\("label"\)/),
        expect.stringMatching(/^18:\d+ unknown meter "reader" in effects .*\("readers"\)/),
        expect.stringMatching(/^19:\d+ unknown card "lend-book" .*\("lend-books"\)/),
        expect.stringMatching(/^22:\d+ card "lend-books" has 2 choices, numbered 0 to 1; there is no choice 5/),
        expect.stringMatching(/^24:\d+ unknown card "c9"/),
        expect.stringMatching(/^26:\d+ the id "lend-books" is used twice in cards/),
        expect.stringMatching(/^27:\d+ unknown card "nowhere" /),
      ]),
    );
    expect(errors(result.problems)).toHaveLength(11);
  });

  it('formats problems in the compiler style editors understand', () => {
    const problem: Problem = { severity: 'error', line: 4, column: 7, path: 'meters[0].start', message: 'too big', suggestion: '"100"' };
    expect(formatProblem('levels/x.json', problem)).toBe('levels/x.json:4:7: error: too big — did you mean "100"? (at meters[0].start)');
  });

  it('requires the contract fields and their types', () => {
    const result = validateObject({ format: 2, id: 'bad id', title: 5, meters: [{ id: 'm', label: 'M', start: 'high' }], stakeholders: [], cards: [] });
    const messages = errors(result.problems).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'format: must be 1, found the number 2',
        expect.stringMatching(/^id: "bad id" is not allowed here/),
        expect.stringMatching(/^title: expected a text/),
        'meters: has 1 item; at least 2 are needed',
        'meters[0].start: expected a number, found the text "high"',
        'cards: has 0 items; at least 1 are needed',
      ]),
    );
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
    const messages = errors(validateObject(scenario).problems).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'cards[0].choices: has 1 item; at least 2 are needed',
        'cards[1].when: a meter condition needs a comparison: "below", "above", "atLeast" or "atMost"',
        expect.stringMatching(/^cards\[2\]\.when: a condition needs one of: meter, flag, turn/),
        'cards[3].choices[0].next: missing required field "after"',
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
    expect(errors(result.problems).map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('"__proto__" is not allowed'), expect.stringContaining('"constructor" is not allowed')]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses 10,000-deep nesting with the limit named', () => {
    const result = validateScenarioText('['.repeat(10_000) + ']'.repeat(10_000));
    expect(result.problems[0]!.message).toContain(`more than ${LIMITS.depth} levels deep`);
  });

  it('refuses a 50 MB file and a million-character text with the limits named', () => {
    expect(validateScenarioText(' '.repeat(50_000_000)).problems[0]!.message).toMatch(/at most 5 MB/);
    const result = validateScenarioText(`{"id": "${'x'.repeat(1_000_000)}"}`);
    expect(result.problems[0]!.message).toContain("20,000 characters");
  });

  it('reports a key written twice', () => {
    const result = validateScenarioText('{\n"id": "a",\n"id": "b"}');
    expect(result.problems).toContainEqual(expect.objectContaining({ line: 3, column: 1, message: expect.stringContaining('"id" appears twice in this object (first at line 2, column 1)') }));
  });
});

describe('warnings', () => {
  const warningsFor = (parts: Parameters<typeof makeScenario>[0]) => {
    const result = validateObject(makeScenario(parts));
    expect(errors(result.problems)).toEqual([]);
    return warnings(result.problems).map((p) => p.message);
  };

  it('names cards that can never be drawn', () => {
    const messages = warningsFor({ cards: [card('c1'), card('c2'), card('hidden', { weight: 0 }), card('flagged', { when: { flag: 'never-set' } })] });
    expect(messages).toEqual(
      expect.arrayContaining([
        'card "hidden" can never be drawn: its weight is 0 and no choice leads to it with "next"',
        'card "flagged" can never be drawn: its condition needs flag "never-set", which no choice sets',
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
        'meter "idle" is never changed by any choice',
        'stakeholder "quiet" brings no card',
        'this choice changes no meter, sets no flag and leads to no card: it has no consequence',
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
        'every choice of card "same" moves the same meters the same way: the player has no real dilemma',
        '-60 on "a" ends the game at once from its start value 50',
      ]),
    );
  });

  it('does not count meter endings as fallbacks after the last turn', () => {
    expect(warningsFor({})).toEqual([]);
  });
});
