import { describe, expect, it } from 'vitest';
import { choose, currentCard } from '../../src/engine/game.ts';
import { startAt } from '../../src/engine/sandbox.ts';
import type { ShapeIssue } from '../../src/engine/schema.ts';
import { stateShape } from '../../src/engine/state.ts';
import { card, makeScenario } from './scenarios.ts';

describe('starting a game at a chosen card', () => {
  const s = makeScenario({
    cards: [
      card('c1'),
      card('chain-start', { when: { all: [{ flag: 'asked', is: 2 }, { seen: 'c1' }, { any: [{ flag: 'other' }] }] }, choices: [{ label: 'go', effects: { a: 1 }, next: 'chain-end' }, { label: 'stop', effects: { a: -1 } }] }),
      card('chain-end', { weight: 0 }),
    ],
  });

  it('puts that card on the table with the chosen meters, clamped, and a valid state', () => {
    const result = startAt(s, 'chain-start', { a: 12, b: 250 }, 'seed-1');
    if (!result.ok) throw new Error(result.message);
    const { state } = result;
    expect(state.current).toEqual({ card: 'chain-start' });
    expect(state.meters).toEqual({ a: 12, b: 100 });
    expect(currentCard(s, state)!.card.id).toBe('chain-start');
    const issues: ShapeIssue[] = [];
    stateShape.check(state, [], issues);
    expect(issues).toEqual([]);
  });

  it('sets what the card requires, so its chain continues as in a real game', () => {
    const result = startAt(s, 'chain-start', {}, 'seed-2');
    if (!result.ok) throw new Error(result.message);
    expect(result.state.flags).toEqual({ asked: 2 });
    expect(result.state.seen).toEqual(['c1', 'chain-start']);
    expect(result.state.meters).toEqual({ a: 50, b: 50 });
    const next = choose(s, result.state, 0);
    if (!next.ok) throw new Error(next.error.message);
    expect(next.state.current).toMatchObject({ card: 'chain-end', followUpOf: 'chain-start' });
    expect(next.state.meters.a).toBe(51);
  });

  it('refuses a card that does not exist', () => {
    const result = startAt(s, 'nope', {}, 'x');
    expect(result.ok).toBe(false);
  });
});
