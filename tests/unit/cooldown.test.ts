/** A card's `cooldown`: after it is shown, it is not drawn again for that many turns. */
import { describe, expect, it } from 'vitest';
import { choose, newGame } from '../../src/engine/game.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { card, makeScenario, validateObject } from './scenarios.ts';

/** The turns on which `id` came up in one game of `turns` turns, always taking the first choice. */
function turnsOf(scenario: Scenario, seed: string, id: string): number[] {
  let state = newGame(scenario, seed);
  while (!state.end) {
    const result = choose(scenario, state, 0);
    if (!result.ok) break;
    state = result.state;
  }
  return state.history.filter((h) => h.card === id).map((h) => h.turn);
}

const flat = [
  { label: 'a', effects: { a: 0 } },
  { label: 'b', effects: { a: 0 } },
];

function deck(cooldown?: number): Scenario {
  return makeScenario({
    turns: 40,
    cards: [card('hot', { choices: flat, weight: 20, ...(cooldown === undefined ? {} : { cooldown }) }), card('c2', { choices: flat }), card('c3', { choices: flat }), card('c4', { choices: flat })],
  });
}

describe('a card with a cooldown', () => {
  it('does not come back until that many turns have passed since it was shown', () => {
    for (let seed = 0; seed < 200; seed++) {
      const turns = turnsOf(deck(5), `s${seed}`, 'hot');
      expect(turns.length).toBeGreaterThan(1);
      for (let i = 1; i < turns.length; i++) expect(turns[i]! - turns[i - 1]!, `seed ${seed}: ${turns.join(',')}`).toBeGreaterThan(5);
    }
  });

  it('comes back much sooner without one', () => {
    const gaps = Array.from({ length: 200 }, (_, seed) => turnsOf(deck(), `s${seed}`, 'hot')).flatMap((t) => t.slice(1).map((v, i) => v - t[i]!));
    expect(Math.min(...gaps)).toBeLessThanOrEqual(2);
  });

  it('still comes as a follow-up through next, whatever its cooldown', () => {
    const scenario = makeScenario({
      turns: 4,
      cards: [card('start', { choices: [{ label: 'again', next: 'start' }, { label: 'stop' }], cooldown: 10 }), card('other', { choices: flat })],
    });
    let state = newGame(scenario, 'x');
    if (state.current?.card !== 'start') state = (choose(scenario, state, 0) as { ok: true; state: typeof state }).state;
    const first = state.turn;
    const after = choose(scenario, state, 0);
    expect(after.ok && after.state.current?.card).toBe('start');
    expect(after.ok && after.state.turn).toBe(first + 1);
  });

  it('is accepted by the validator and refused when negative or fractional', () => {
    expect(validateObject(deck(3)).ok).toBe(true);
    expect(validateObject(deck(-1)).ok).toBe(false);
    expect(validateObject(deck(1.5)).ok).toBe(false);
  });
});
