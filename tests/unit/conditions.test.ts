import { describe, expect, it } from 'vitest';
import { holds, type ConditionContext } from '../../src/engine/conditions.ts';
import type { Condition } from '../../src/engine/format.ts';

const ctx: ConditionContext = {
  meters: { parents: 30, pupils: 70 },
  flags: { promised: true, strikes: 2, cancelled: false },
  seen: ['visit'],
  history: [{ turn: 1, card: 'visit', choice: 1, followUp: false, before: {}, after: {} }],
  turn: 5,
};

const cases: [Condition, boolean][] = [
  [{ meter: 'parents', below: 31 }, true],
  [{ meter: 'parents', below: 30 }, false],
  [{ meter: 'parents', above: 29 }, true],
  [{ meter: 'parents', atLeast: 30 }, true],
  [{ meter: 'parents', atMost: 29 }, false],
  [{ meter: 'pupils', atLeast: 60, atMost: 80 }, true],
  [{ meter: 'pupils', atLeast: 60, atMost: 65 }, false],
  [{ meter: 'missing', below: 100 }, false],
  [{ flag: 'promised' }, true],
  [{ flag: 'promised', is: false }, false],
  [{ flag: 'strikes', is: 2 }, true],
  [{ flag: 'strikes', is: 3 }, false],
  [{ flag: 'cancelled', is: false }, true],
  [{ flag: 'never-set' }, false],
  [{ flag: 'never-set', is: false }, true],
  [{ turn: { atLeast: 5 } }, true],
  [{ turn: { atLeast: 6 } }, false],
  [{ turn: { atMost: 4 } }, false],
  [{ seen: 'visit' }, true],
  [{ seen: 'other' }, false],
  [{ chose: 'visit', choice: 1 }, true],
  [{ chose: 'visit', choice: 0 }, false],
  [{ all: [{ flag: 'promised' }, { seen: 'visit' }] }, true],
  [{ all: [{ flag: 'promised' }, { seen: 'other' }] }, false],
  [{ any: [{ seen: 'other' }, { turn: { atMost: 5 } }] }, true],
  [{ any: [{ seen: 'other' }, { flag: 'never-set' }] }, false],
  [{ not: { seen: 'other' } }, true],
  [{ not: { all: [{ flag: 'promised' }] } }, false],
];

describe('conditions', () => {
  it.each(cases)('%j → %s', (condition, expected) => {
    expect(holds(condition, ctx)).toBe(expected);
  });

  it('"chose" looks at the latest answer to that card: rents frozen in month 2, raised in month 7, is "raised"', () => {
    const answered = (choices: number[]): ConditionContext => ({
      ...ctx,
      history: choices.map((choice, i) => ({ turn: i + 1, card: 'rents', choice, followUp: false, before: {}, after: {} })),
    });
    expect(holds({ chose: 'rents', choice: 0 }, answered([0]))).toBe(true);
    expect(holds({ chose: 'rents', choice: 0 }, answered([0, 2]))).toBe(false);
    expect(holds({ chose: 'rents', choice: 2 }, answered([0, 2]))).toBe(true);
    expect(holds({ chose: 'rents', choice: 0 }, answered([]))).toBe(false);
  });

  it('holds when there is no condition', () => {
    expect(holds(undefined, ctx)).toBe(true);
  });
});
