/**
 * The `mostly` condition: an ending that says how the player chose follows the profile the debrief
 * shows them, counted the same way (a tie is no "mostly").
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holds } from '../../src/engine/conditions.ts';
import { tagProfile } from '../../src/engine/debrief.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { choose, newGame } from '../../src/engine/game.ts';
import { leadingTag, tagCounter } from '../../src/engine/profile.ts';
import { formatProblem } from '../../src/locales/authoring.ts';
import { parseStrategy, simulate } from '../../src/engine/simulate.ts';
import { fromRows, toRows } from '../../src/editor/ui/conditionRows.ts';
import { card, makeScenario, validateObject } from './scenarios.ts';

/** Every card offers "more" first and "different" second; the ending that claims "different" asks for it. */
const tagged = (parts: Partial<Scenario> = {}): Scenario =>
  makeScenario({
    turns: 14,
    meters: [
      { id: 'a', label: 'A', start: 50 },
      { id: 'b', label: 'B', start: 50 },
    ],
    cards: ['c1', 'c2', 'c3', 'c4'].map((id) =>
      card(id, {
        choices: [
          { label: 'faster', effects: { a: 1, b: -1 }, tags: ['more'] },
          { label: 'together', effects: { a: -1, b: 1 }, tags: ['different'] },
        ],
      }),
    ),
    endings: [
      { id: 'different', title: 'A different town hall', text: 'You solved it with others.', when: { mostly: 'different', over: ['more', 'better'] } },
      { id: 'more', title: 'Faster and cheaper', text: 'You did more of the same.', when: { mostly: 'more', over: ['different', 'better'] } },
      { id: 'done', title: 'Done', text: 'The year is over.' },
    ],
    ...parts,
  });

/** Plays the choices (0 = "more", 1 = "different") in this order. */
function play(scenario: Scenario, choices: number[]) {
  let state = newGame(scenario, 'mostly');
  for (const c of choices) {
    const result = choose(scenario, state, c);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  return state;
}

describe('an ending that judges how the player chose', () => {
  it('gives 8 times "more" and 6 times "different" the "more" ending, not the "different" one', () => {
    const scenario = tagged();
    const state = play(scenario, [1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(state.end?.ending).toBe('more');
    expect(tagProfile(scenario, state)).toEqual([{ tag: 'more', count: 8 }, { tag: 'different', count: 6 }]);
  });

  it('gives the "different" ending to a player who chose "different" most', () => {
    const state = play(tagged(), [1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1]);
    expect(state.end?.ending).toBe('different');
  });

  it('does not call a tie "mostly": 7 and 7 gets the fallback', () => {
    const state = play(tagged(), [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(state.end?.ending).toBe('done');
  });

  it('agrees with the profile for any game: "mostly" holds exactly when that tag leads the debrief\'s counts', () => {
    const scenario = tagged();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 0, maxLength: 14 }), (choices) => {
        const state = play(scenario, choices);
        const counts = new Map(tagProfile(scenario, state).map((p) => [p.tag, p.count]));
        const more = counts.get('more') ?? 0;
        const different = counts.get('different') ?? 0;
        const ctx = { ...state, tagCount: tagCounter(scenario, state.history) };
        expect(holds({ mostly: 'different', over: ['more'] }, ctx)).toBe(different > more);
        expect(holds({ mostly: 'more', over: ['different'] }, ctx)).toBe(more > different);
        expect(leadingTag(ctx.tagCount, ['more', 'better', 'different'])).toBe(more > different ? 'more' : different > more ? 'different' : null);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the validator on "mostly"', () => {
  it('accepts a condition on tags the choices carry', () => {
    const result = validateObject(tagged({ endings: [{ id: 'd', title: 'D', text: 'd', when: { mostly: 'different', over: ['more'] } }, { id: 'done', title: 'Done', text: 'x' }] }));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('says where a tag no choice carries is, in English and Dutch, with the closest tag as the fix', () => {
    const result = validateObject(tagged({ endings: [{ id: 'd', title: 'D', text: 'd', when: { mostly: 'diferent', over: ['more', 'beter'] } }, { id: 'done', title: 'Done', text: 'x' }] }));
    const problems = result.problems.filter((p) => p.severity === 'error');
    expect(problems).toHaveLength(2);
    const [first, second] = problems.map((p) => formatProblem('levels/x.json', p, 'en'));
    expect(first).toMatch(/^levels\/x\.json:\d+:\d+: error: no choice has the tag "diferent" \(tags on choices: more, different\), so this never counts: correct the tag, or add it to a choice's "tags" — did you mean "different"\? \(at endings\[0\]\.when\.mostly\)$/);
    expect(second).toMatch(/error: no choice has the tag "beter" .* \(at endings\[0\]\.when\.over\[1\]\)$/);
    expect(formatProblem('levels/x.json', problems[0]!, 'nl')).toMatch(/^levels\/x\.json:\d+:\d+: error: geen keuze heeft het label "diferent" \(labels op keuzes: more, different\), dus dit telt nooit mee: verbeter het label, of zet het bij een keuze onder "tags" — bedoel je "different"\? \(bij endings\[0\]\.when\.mostly\)$/);
  });

  it('needs a list of tags to compare with', () => {
    const result = validateObject(tagged({ endings: [{ id: 'd', title: 'D', text: 'd', when: { mostly: 'different' } as never }, { id: 'done', title: 'Done', text: 'x' }] }));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => formatProblem('x.json', p, 'en')).join('\n')).toMatch(/over/);
  });
});

describe('a simulated player who thinks in one frame', () => {
  it('takes a choice with its tag whenever a card has one, and so reaches the ending that asks for it', () => {
    const scenario = tagged();
    expect(parseStrategy('tag:different', scenario)).toEqual({ kind: 'tag', tag: 'different' });
    expect(parseStrategy('tag:beter', scenario)).toEqual({ error: 'no choice has the tag "beter" in --strategy tag:<tag>' });
    const report = simulate(scenario, { runs: 20, seed: 's', strategy: { kind: 'tag', tag: 'different' } });
    expect(report.strategy).toBe('tag:different');
    expect(Object.values(report.choices).every((counts) => counts[0] === 0)).toBe(true);
    expect(report.endings).toEqual({ different: 20 });
  });
});

describe('the editor\'s condition rows', () => {
  it('shows "mostly" as a row of its own and writes it back unchanged, so the town hall\'s ending stays editable as rows', () => {
    const when = { all: [{ meter: 'residents', atLeast: 55 }, { mostly: 'different', over: ['more', 'better'] }] };
    const rows = toRows(when)!;
    expect(rows.rows).toEqual([{ kind: 'meter', meter: 'residents', compare: 'atLeast', value: 55 }, { kind: 'mostly', tag: 'different', over: ['more', 'better'] }]);
    expect(fromRows(rows)).toEqual(when);
  });
});
