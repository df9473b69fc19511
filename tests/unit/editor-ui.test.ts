import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, toRows, type Rows } from '../../src/editor/ui/conditionRows.ts';
import { moveCell, parseAmount, showAmount } from '../../src/editor/ui/grid.ts';
import type { Condition } from '../../src/engine/format.ts';

describe('conditions in words', () => {
  it('shows a flag, a choice taken and a range as rows and writes them back unchanged', () => {
    const cases: Condition[] = [
      { flag: 'promised' },
      { flag: 'count', is: 2 },
      { chose: 'visit', choice: 1 },
      { all: [{ flag: 'promised' }, { seen: 'visit' }] },
      { any: [{ meter: 'parents', below: 30 }, { not: { seen: 'strike' } }] },
      { turn: { atLeast: 5 } },
    ];
    for (const c of cases) expect(fromRows(toRows(c)!)).toEqual(c);
  });

  it('splits a meter range into two rows under "all of"', () => {
    const rows = toRows({ meter: 'budget', above: 10, below: 40 })!;
    expect(rows).toEqual({ join: 'all', rows: [{ kind: 'meter', meter: 'budget', compare: 'below', value: 40 }, { kind: 'meter', meter: 'budget', compare: 'above', value: 10 }] });
  });

  it('keeps a condition the rows cannot say (an "any" inside "all", a range inside "any") out of the form', () => {
    expect(toRows({ all: [{ any: [{ flag: 'a' }, { flag: 'b' }] }, { flag: 'c' }] })).toBeNull();
    expect(toRows({ any: [{ meter: 'm', above: 1, below: 5 }, { flag: 'c' }] })).toBeNull();
    expect(toRows({ not: { flag: 'a' } })).toBeNull();
  });

  it('writes no condition for no rows, and one condition for one row', () => {
    expect(fromRows({ join: 'any', rows: [] })).toBeUndefined();
    expect(fromRows({ join: 'any', rows: [{ kind: 'seen', card: 'x', not: false }] })).toEqual({ seen: 'x' });
  });

  it('reads back whatever rows it wrote (property)', () => {
    const row = fc.oneof(
      fc.record({ kind: fc.constant('flag' as const), flag: fc.string({ minLength: 1 }), is: fc.oneof(fc.boolean(), fc.integer()) }),
      fc.record({ kind: fc.constant('meter' as const), meter: fc.string({ minLength: 1 }), compare: fc.constantFrom('below' as const, 'above' as const, 'atLeast' as const, 'atMost' as const), value: fc.integer() }),
      fc.record({ kind: fc.constant('turn' as const), compare: fc.constantFrom('atLeast' as const, 'atMost' as const), value: fc.nat() }),
      fc.record({ kind: fc.constant('seen' as const), card: fc.string({ minLength: 1 }), not: fc.boolean() }),
      fc.record({ kind: fc.constant('chose' as const), card: fc.string({ minLength: 1 }), choice: fc.nat(3) }),
    );
    fc.assert(fc.property(fc.record({ join: fc.constantFrom('all' as const, 'any' as const), rows: fc.array(row, { maxLength: 5 }) }), (rows: Rows) => {
      const back = toRows(fromRows(rows))!;
      expect(back.rows).toEqual(rows.rows);
      if (rows.rows.length > 1) expect(back.join).toBe(rows.join);
    }));
  });
});

describe('the effects grid', () => {
  it('moves the cursor with arrows, Home and End, and stops at the edges', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowDown', 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 3, 4)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 2, col: 1 }, 'ArrowDown', 3, 4)).toEqual({ row: 2, col: 1 });
    expect(moveCell({ row: 1, col: 3 }, 'ArrowRight', 3, 4)).toEqual({ row: 1, col: 3 });
    expect(moveCell({ row: 1, col: 2 }, 'Home', 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 1, col: 2 }, 'End', 3, 4, true)).toEqual({ row: 2, col: 3 });
    expect(moveCell({ row: 1, col: 2 }, 'PageDown', 3, 4)).toEqual({ row: 2, col: 2 });
    expect(moveCell({ row: 1, col: 2 }, 'a', 3, 4)).toBeNull();
  });

  it('reads amounts as authors type them and refuses the rest', () => {
    expect(parseAmount('+10')).toEqual({ ok: true, value: 10 });
    expect(parseAmount('\u22125')).toEqual({ ok: true, value: -5 });
    expect(parseAmount('1,5')).toEqual({ ok: true, value: 1.5 });
    expect(parseAmount(' ')).toEqual({ ok: true, value: null });
    expect(parseAmount('ten')).toEqual({ ok: false });
    expect(parseAmount('5000')).toEqual({ ok: false });
    expect(showAmount(-12)).toBe('\u221212');
    expect(showAmount(8)).toBe('+8');
  });
});
