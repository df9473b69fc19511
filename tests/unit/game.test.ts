import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { choose, currentCard, newGame, replay, replayWhileSame } from '../../src/engine/game.ts';
import type { GameState } from '../../src/engine/state.ts';
import { card, makeScenario } from './scenarios.ts';

function play(scenario: Scenario, state: GameState, index: number): GameState {
  const result = choose(scenario, state, index);
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}

describe('a new game', () => {
  it('starts every meter at its start value and puts a card on the table', () => {
    const scenario = makeScenario();
    const state = newGame(scenario, 'seed');
    expect(state.meters).toEqual({ a: 50, b: 50 });
    expect(state.turn).toBe(1);
    expect(currentCard(scenario, state)?.card.id).toMatch(/^c[123]$/);
    expect(state.seen).toEqual([state.current!.card]);
  });

  it('is the same game for the same seed and choices, and differs between seeds', () => {
    const scenario = makeScenario({ cards: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => card(id)) });
    const cardsOf = (seed: string) => {
      const result = replay(scenario, seed, [0, 1, 0, 1, 0, 1]);
      if (!result.ok) throw new Error('replay failed');
      return result.state.history.map((h) => h.card).join(',');
    };
    expect(cardsOf('alpha')).toBe(cardsOf('alpha'));
    const variety = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map(cardsOf));
    expect(variety.size).toBeGreaterThan(1);
  });
});

describe('a choice', () => {
  it('applies its effects, clamps them into the meter range and records the turn', () => {
    const scenario = makeScenario({
      meters: [
        { id: 'a', label: 'A', start: 95 },
        { id: 'b', label: 'B', start: 3, min: -10, max: 10 },
      ],
      endings: [],
      cards: [card('c1', { choices: [{ label: 'x', effects: { a: 20, b: -30 } }, { label: 'y' }] }), card('c2')],
    });
    let state = newGame(scenario, 's');
    while (state.current!.card !== 'c1') state = play(scenario, state, 0);
    const before = state.meters;
    const result = choose(scenario, state, 0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.meters).toEqual({ a: 100, b: -10 });
    expect(result.outcome.deltas).toEqual({ a: 100 - before.a!, b: -10 - before.b! });
    expect(result.state.history.at(-1)).toMatchObject({ turn: state.turn, card: 'c1', choice: 0, followUp: false, before, after: { a: 100, b: -10 } });
  });

  it('sets flags that later conditions read', () => {
    const scenario = makeScenario({
      turns: 3,
      cards: [
        card('start', { weight: 100, once: true, choices: [{ label: 'x', effects: { a: 1 }, set: { promised: true, count: 2 } }, { label: 'y', effects: { a: -1 } }] }),
        card('reward', { weight: 100, when: { all: [{ flag: 'promised' }, { flag: 'count', is: 2 }] } }),
        card('filler', { weight: 0.001 }),
      ],
    });
    const state = play(scenario, newGame(scenario, 'f'), 0);
    expect(state.flags).toEqual({ promised: true, count: 2 });
    expect(state.current!.card).toBe('reward');
  });

  it('returns an error and leaves the state alone for a choice that does not exist', () => {
    const scenario = makeScenario();
    const state = newGame(scenario, 'x');
    const copy = structuredClone(state);
    for (const index of [-1, 2, 1.5, Number.NaN]) {
      const result = choose(scenario, state, index);
      expect(result).toMatchObject({ ok: false, error: { code: 'no-such-choice', choices: 2 } });
    }
    expect(state).toEqual(copy);
  });

  it('returns an error after the game has ended', () => {
    const scenario = makeScenario({ turns: 1 });
    const ended = play(scenario, newGame(scenario, 'x'), 0);
    expect(ended.end).not.toBeNull();
    expect(choose(scenario, ended, 0)).toMatchObject({ ok: false, error: { code: 'game-over' } });
  });
});

describe('turn order', () => {
  it('shows a follow-up on the next turn, marked as following from its card', () => {
    const scenario = makeScenario({
      cards: [
        card('ask', { weight: 1000, once: true, choices: [{ label: 'x', effects: { a: 1 }, next: 'answer' }, { label: 'y', effects: { a: -1 } }] }),
        card('answer', { weight: 0 }),
        card('other'),
      ],
    });
    const state = play(scenario, newGame(scenario, 's'), 0);
    expect(currentCard(scenario, state)).toMatchObject({ card: { id: 'answer' }, followUpOf: { id: 'ask' } });
    expect(play(scenario, state, 0).history.at(-1)!.followUp).toBe(true);
  });

  it('shows a delayed follow-up exactly `after` turns later', () => {
    const scenario = makeScenario({
      turns: 8,
      cards: [
        card('letter', { weight: 1000, once: true, choices: [{ label: 'refuse', effects: { a: 1 }, next: { card: 'objection', after: 3 } }, { label: 'y', effects: { a: -1 } }] }),
        card('objection', { weight: 0 }),
        card('f1'),
        card('f2'),
      ],
    });
    let state = play(scenario, newGame(scenario, 's'), 0);
    const order = [];
    for (let i = 0; i < 4; i++) {
      order.push(state.current!.card);
      state = play(scenario, state, i % 2);
    }
    expect(order[2]).toBe('objection');
    expect(order.filter((c) => c === 'objection')).toHaveLength(1);
  });

  it('takes the earliest-due follow-up first when several are due', () => {
    const scenario = makeScenario({
      cards: [
        card('one', { weight: 1000, once: true, choices: [{ label: 'x', effects: { a: 1 }, next: 'two' }, { label: 'y', effects: { a: -1 } }] }),
        card('two', { weight: 0, choices: [{ label: 'x', effects: { a: 1 }, next: 'soon' }, { label: 'y', effects: { a: -1 } }] }),
        card('late', { weight: 0 }),
        card('soon', { weight: 0 }),
        card('filler'),
      ],
    });
    let state = play(scenario, newGame(scenario, 's'), 0);
    // "late" became due on turn 2 but "two" was drawn first; it is overdue when "soon" falls due.
    state = { ...state, scheduled: [{ card: 'late', due: 2, from: 'one' }] };
    state = play(scenario, state, 0);
    expect(state.scheduled.map((s) => s.card)).toEqual(['soon']);
    expect(state.current!.card).toBe('late');
    state = play(scenario, state, 0);
    expect(state.current!.card).toBe('soon');
  });

  it('drops a follow-up whose condition no longer holds', () => {
    const scenario = makeScenario({
      cards: [
        card('ask', { weight: 1000, once: true, choices: [{ label: 'x', effects: { a: -10 }, next: 'answer' }, { label: 'y', effects: { a: -1 } }] }),
        card('answer', { weight: 0, when: { meter: 'a', atLeast: 50 } }),
        card('other'),
      ],
    });
    const state = play(scenario, newGame(scenario, 's'), 0);
    expect(state.current!.card).toBe('other');
    expect(state.scheduled).toEqual([]);
  });

  it('never draws the card just played, a seen `once` card, a weight-0 card or one whose condition fails', () => {
    const scenario = makeScenario({
      turns: 40,
      meters: [
        { id: 'a', label: 'A', start: 50 },
        { id: 'b', label: 'B', start: 50 },
      ],
      endings: [],
      cards: [
        card('x'),
        card('y'),
        card('once', { once: true }),
        card('zero', { weight: 0 }),
        card('never', { when: { turn: { atLeast: 100 } } }),
      ],
    });
    const result = replay(scenario, 'seed', Array.from({ length: 40 }, (_, i) => i % 2));
    if (!result.ok) throw new Error('replay failed');
    const cards = result.state.history.map((h) => h.card);
    cards.slice(1).forEach((c, i) => expect(c).not.toBe(cards[i]));
    expect(cards.filter((c) => c === 'once').length).toBeLessThanOrEqual(1);
    expect(cards).not.toContain('zero');
    expect(cards).not.toContain('never');
  });

  it('draws heavier cards more often', () => {
    const scenario = makeScenario({ turns: 200, meters: [{ id: 'a', label: 'A', start: 50 }, { id: 'b', label: 'B', start: 50 }], endings: [], cards: [card('light'), card('heavy', { weight: 5 }), card('mid')] });
    const result = replay(scenario, 'w', Array.from({ length: 200 }, (_, i) => i % 2));
    if (!result.ok) throw new Error('replay failed');
    const count = (id: string) => result.state.history.filter((h) => h.card === id).length;
    expect(count('heavy')).toBeGreaterThan(count('light') * 1.5);
  });
});

describe('endings', () => {
  it('ends the game when a meter reaches its min with onMin, or its max with onMax', () => {
    const scenario = makeScenario({ cards: [card('c1', { choices: [{ label: 'crash', effects: { a: -50 } }, { label: 'boom', effects: { b: 50 } }] }), card('c2', { choices: [{ label: 'crash', effects: { a: -50 } }, { label: 'boom', effects: { b: 50 } }] })] });
    const low = choose(scenario, newGame(scenario, 's'), 0);
    expect(low.ok && low.state.end).toEqual({ ending: 'a-low', reason: 'meter', meter: 'a', bound: 'min' });
    expect(low.ok && low.outcome.end).toEqual({ ending: 'a-low', reason: 'meter', meter: 'a', bound: 'min' });
    const high = choose(scenario, newGame(scenario, 's'), 1);
    expect(high.ok && high.state.end).toEqual({ ending: 'b-high', reason: 'meter', meter: 'b', bound: 'max' });
    expect(high.ok && high.state.current).toBeNull();
  });

  it('lets the first meter in the file decide when several reach an end at once', () => {
    const scenario = makeScenario({ cards: [card('c1', { choices: [{ label: 'both', effects: { b: -50, a: -50 } }, { label: 'y' , effects: { a: 1 } }] }), card('c2')] });
    let state = newGame(scenario, 's');
    while (state.current!.card !== 'c1') state = play(scenario, state, 0);
    expect(play(scenario, state, 0).end).toMatchObject({ ending: 'a-low', meter: 'a' });
  });

  it('clamps a meter without onMin/onMax instead of ending the game', () => {
    const scenario = makeScenario({ meters: [{ id: 'a', label: 'A', start: 50 }, { id: 'b', label: 'B', start: 50 }], cards: [card('c1', { choices: [{ label: 'x', effects: { a: -80 } }, { label: 'y', effects: { a: 1 } }] }), card('c2', { choices: [{ label: 'x', effects: { a: -80 } }, { label: 'y', effects: { a: 1 } }] })] });
    const state = play(scenario, newGame(scenario, 's'), 0);
    expect(state.end).toBeNull();
    expect(state.meters.a).toBe(0);
  });

  it('after the last turn picks the first ending whose condition holds, skipping meter endings', () => {
    const endings = [
      { id: 'a-low', title: 'A low', text: '…' },
      { id: 'high-a', title: 'High', text: '…', when: { meter: 'a', above: 60 } },
      { id: 'fallback', title: 'F', text: '…' },
      { id: 'b-low', title: 'B low', text: '…' },
      { id: 'b-high', title: 'B high', text: '…' },
    ];
    const scenario = makeScenario({ turns: 2, endings, cards: [card('c1', { choices: [{ label: 'x', effects: { a: 8 } }, { label: 'y', effects: { a: -8 } }] }), card('c2', { choices: [{ label: 'x', effects: { a: 8 } }, { label: 'y', effects: { a: -8 } }] })] });
    const up = replay(scenario, 's', [0, 0]);
    expect(up.ok && up.state.end).toEqual({ ending: 'high-a', reason: 'turns' });
    const down = replay(scenario, 's', [1, 1]);
    expect(down.ok && down.state.end).toEqual({ ending: 'fallback', reason: 'turns' });
    expect(down.ok && down.state.turn).toBe(2);
  });

  it('ends the game when no card can be drawn', () => {
    const scenario = makeScenario({ turns: undefined, cards: [card('only', { once: true }), card('second', { once: true })] });
    const result = replay(scenario, 's', [0, 0]);
    expect(result.ok && result.state.end).toEqual({ ending: 'done', reason: 'deck' });
    expect(result.ok && result.state.history).toHaveLength(2);
  });
});

describe('replaying after the file changed', () => {
  it('takes the same choices again while the same cards come up, and stops where the deck differs', () => {
    const scenario = makeScenario({ turns: 10, cards: ['c1', 'c2', 'c3', 'c4'].map((id) => card(id)) });
    const played = replay(scenario, 'live', [0, 1, 1, 0, 1]);
    if (!played.ok) throw new Error('replay');
    const same = replayWhileSame(scenario, 'live', played.state.history);
    expect(same.replayed).toBe(5);
    expect(same.state).toEqual(played.state);
    const third = played.state.history[2]!.card;
    const edited = { ...scenario, cards: scenario.cards.map((c) => (c.id === third ? { ...c, id: `${third}-renamed` } : c)) };
    const after = replayWhileSame(edited, 'live', played.state.history);
    expect(after.replayed).toBeLessThanOrEqual(2);
    expect(after.state.history.map((h) => h.card)).toEqual(played.state.history.slice(0, after.replayed).map((h) => h.card));
  });
});
