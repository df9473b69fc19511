/**
 * A condition as the editor shows it: "all of" or "any of" a list of rows, each one sentence with
 * blanks to pick ("only when [flag] [is] [true]", "after choice [label] on card [card]"). The file's
 * `Condition` tree is richer than rows can show (an `any` inside an `all`, a `not` around a meter);
 * such a condition is shown in words and kept as it is, never rewritten by the form.
 */
import type { Condition } from '../../engine/format.ts';

export type Comparison = 'below' | 'above' | 'atLeast' | 'atMost';
export const COMPARISONS: readonly Comparison[] = ['below', 'above', 'atLeast', 'atMost'];

export type Row =
  | { kind: 'flag'; flag: string; is: boolean | number }
  | { kind: 'meter'; meter: string; compare: Comparison; value: number }
  | { kind: 'turn'; compare: 'atLeast' | 'atMost'; value: number }
  | { kind: 'seen'; card: string; not: boolean }
  | { kind: 'chose'; card: string; choice: number }
  | { kind: 'mostly'; tag: string; over: string[] };

export type RowKind = Row['kind'];
export const ROW_KINDS: readonly RowKind[] = ['flag', 'meter', 'turn', 'seen', 'chose', 'mostly'];

export interface Rows {
  join: 'all' | 'any';
  rows: Row[];
}

function simple(c: Condition): Row[] | null {
  if ('flag' in c) return [{ kind: 'flag', flag: c.flag, is: c.is ?? true }];
  if ('meter' in c) return COMPARISONS.filter((k) => c[k] !== undefined).map((k) => ({ kind: 'meter', meter: c.meter, compare: k, value: c[k]! }));
  if ('turn' in c) {
    const rows: Row[] = [];
    if (c.turn.atLeast !== undefined) rows.push({ kind: 'turn', compare: 'atLeast', value: c.turn.atLeast });
    if (c.turn.atMost !== undefined) rows.push({ kind: 'turn', compare: 'atMost', value: c.turn.atMost });
    return rows;
  }
  if ('seen' in c) return [{ kind: 'seen', card: c.seen, not: false }];
  if ('chose' in c) return [{ kind: 'chose', card: c.chose, choice: c.choice }];
  if ('mostly' in c) return [{ kind: 'mostly', tag: c.mostly, over: [...c.over] }];
  if ('not' in c && 'seen' in c.not) return [{ kind: 'seen', card: c.not.seen, not: true }];
  return null;
}

/** The rows for a condition, or null when it cannot be shown as rows without changing its meaning. */
export function toRows(condition: Condition | undefined): Rows | null {
  if (!condition) return { join: 'all', rows: [] };
  if ('all' in condition || 'any' in condition) {
    const join = 'all' in condition ? 'all' : 'any';
    const parts = 'all' in condition ? condition.all : (condition as { any: Condition[] }).any;
    const rows: Row[] = [];
    for (const part of parts) {
      const found = simple(part);
      // A meter or turn range is two comparisons that must both hold: only "all of" can list them apart.
      if (!found || (join === 'any' && found.length > 1)) return null;
      rows.push(...found);
    }
    return { join, rows };
  }
  const rows = simple(condition);
  return rows ? { join: 'all', rows } : null;
}

function one(row: Row): Condition {
  switch (row.kind) {
    case 'flag': return row.is === true ? { flag: row.flag } : { flag: row.flag, is: row.is };
    case 'meter': return { meter: row.meter, [row.compare]: row.value };
    case 'turn': return { turn: { [row.compare]: row.value } };
    case 'seen': return row.not ? { not: { seen: row.card } } : { seen: row.card };
    case 'chose': return { chose: row.card, choice: row.choice };
    case 'mostly': return { mostly: row.tag, over: [...row.over] };
  }
}

/** The condition the rows say; undefined when there are none (the field is then left out of the file). */
export function fromRows(rows: Rows): Condition | undefined {
  if (rows.rows.length === 0) return undefined;
  if (rows.rows.length === 1) return one(rows.rows[0]!);
  const parts = rows.rows.map(one);
  return rows.join === 'all' ? { all: parts } : { any: parts };
}
