import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addVotes, emptyTally, readVotes, rule, setCount, totalCounts } from '../../src/engine/votes.ts';
import { shuffledOrder, shownOrder, newGame, choose, replay } from '../../src/engine/game.ts';
import { card, makeScenario } from './scenarios.ts';

const countsArb = fc.array(fc.nat({ max: 40 }), { minLength: 2, maxLength: 4 });

describe('the room\'s decision', () => {
  it('is the majority option, or an explicit pick when nothing was counted or the top is tied (any counts, any pick)', () => {
    fc.assert(
      fc.property(countsArb, fc.option(fc.integer({ min: -2, max: 5 }), { nil: undefined }), (counts, pick) => {
        const ruling = rule(counts, pick);
        const top = Math.max(...counts);
        const leaders = counts.flatMap((c, i) => (c === top ? [i] : []));
        if (top > 0 && leaders.length === 1) {
          // Whatever the pick (the focus), the majority decides.
          expect(ruling).toMatchObject({ ok: true, choice: leaders[0], how: { by: 'majority', votes: top } });
        } else if (ruling.ok) {
          expect(ruling.choice).toBe(pick);
          if (top > 0) expect(leaders).toContain(pick);
          expect(ruling.how.by).toBe(top > 0 ? 'tie' : 'trainer');
        } else if (top > 0) {
          expect(ruling).toEqual({ ok: false, reason: 'tie', tied: leaders });
        } else {
          expect(ruling).toEqual({ ok: false, reason: 'no-votes' });
        }
      }),
    );
  });

  it('8 against 1: the 8 win, even with the 1 picked', () => {
    expect(rule([0, 8, 1], 2)).toEqual({ ok: true, choice: 1, how: { by: 'majority', votes: 8, total: 9 } });
  });

  it('reads no votes, a tie and a majority', () => {
    expect(readVotes([0, 0, 0])).toEqual({ kind: 'none' });
    expect(readVotes([1, 1])).toEqual({ kind: 'tie', tied: [0, 1], votes: 1, total: 2 });
    expect(readVotes([2, 5, 1])).toEqual({ kind: 'majority', choice: 1, votes: 5, total: 8 });
  });
});

describe('counting votes', () => {
  it('sets a typed count, adds and removes one, never below zero or past 999, and ignores choices the card does not have', () => {
    let tally = emptyTally(3);
    tally = setCount(tally, 1, 8);
    tally = addVotes(tally, 2, 1);
    tally = addVotes(tally, 0, -1);
    expect(totalCounts(tally)).toEqual([0, 8, 1]);
    expect(totalCounts(setCount(tally, 5, 3))).toEqual([0, 8, 1]);
    expect(totalCounts(setCount(tally, 0, 5000))).toEqual([999, 8, 1]);
    expect(totalCounts(setCount(tally, 0, Number.NaN))).toEqual([0, 8, 1]);
  });

  it('keeps counts whole and in range whatever is typed or pressed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: -2000, max: 2000 }), fc.boolean()), { maxLength: 30 }), (steps) => {
        let tally = emptyTally(3);
        for (const [choice, n, typed] of steps) tally = typed ? setCount(tally, choice, n) : addVotes(tally, choice, Math.sign(n));
        const counts = totalCounts(tally);
        expect(counts).toHaveLength(3);
        for (const c of counts) expect(Number.isInteger(c) && c >= 0 && c <= 999).toBe(true);
      }),
    );
  });
});

describe('the order choices are shown in', () => {
  const three = (id: string) => card(id, { choices: [{ label: 'x', effects: { a: 1 } }, { label: 'y', effects: { a: 2 } }, { label: 'z', effects: { a: 3 } }] });
  const scenario = makeScenario({ turns: 30, cards: ['c1', 'c2', 'c3', 'c4', 'c5'].map(three) });

  it('is a shuffle of the choices, the same for the same seed, and recorded in the state and its history', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 2, max: 4 }), (key, n) => {
        const order = shuffledOrder(n, key);
        expect([...order].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(shuffledOrder(n, key)).toEqual(order);
      }),
    );
    const state = newGame(scenario, 'seed-1');
    expect(state.current!.order).toEqual(newGame(scenario, 'seed-1').current!.order);
    const played = choose(scenario, state, 2);
    expect(played.ok && played.state.history[0]!.order).toEqual(state.current!.order);
    // `chose` indices stay file indices: choice 2 moved meter a by 3, wherever it was shown.
    expect(played.ok && played.outcome.deltas.a).toBe(3);
  });

  it('differs between cards and games, so no position gives the answer away', () => {
    const orders = new Set<string>();
    for (let g = 0; g < 20; g++) {
      const r = replay(scenario, `game-${g}`, [0, 0, 0, 0]);
      if (!r.ok) throw new Error('replay');
      for (const h of r.state.history) orders.add(JSON.stringify(h.order));
    }
    expect(orders.size).toBeGreaterThan(3);
  });

  it('keeps the file order when the scenario asks for it, and draws the same cards either way', () => {
    const kept = { ...scenario, choiceOrder: 'file' as const };
    const a = replay(kept, 's', [0, 1, 2]);
    const b = replay(scenario, 's', [0, 1, 2]);
    if (!a.ok || !b.ok) throw new Error('replay');
    expect(a.state.current!.order).toBeUndefined();
    expect(a.state.history.map((h) => h.card)).toEqual(b.state.history.map((h) => h.card));
    expect(shownOrder(kept.cards[0]!, undefined)).toEqual([0, 1, 2]);
  });
});
