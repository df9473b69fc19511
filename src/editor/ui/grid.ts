/**
 * The effects grid's arithmetic and keyboard, kept apart from the DOM so they are tested in Node:
 * where an arrow key moves the cell cursor, what a typed amount means, and each meter column's figures.
 */
import type { Scenario } from '../../engine/format.ts';
import { own } from '../../engine/own.ts';

export interface Cell {
  row: number;
  col: number;
}

/** The cell the key moves to, or null when the key does not move the cursor (the grid's own spreadsheet keys). */
export function moveCell(at: Cell, key: string, rows: number, cols: number, ctrl = false): Cell | null {
  const clamp = (c: Cell): Cell => ({ row: Math.max(0, Math.min(rows - 1, c.row)), col: Math.max(0, Math.min(cols - 1, c.col)) });
  switch (key) {
    case 'ArrowUp': return clamp({ row: at.row - 1, col: at.col });
    case 'ArrowDown': return clamp({ row: at.row + 1, col: at.col });
    case 'ArrowLeft': return clamp({ row: at.row, col: at.col - 1 });
    case 'ArrowRight': return clamp({ row: at.row, col: at.col + 1 });
    case 'Home': return clamp(ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 });
    case 'End': return clamp(ctrl ? { row: rows - 1, col: cols - 1 } : { row: at.row, col: cols - 1 });
    case 'PageUp': return clamp({ row: at.row - 10, col: at.col });
    case 'PageDown': return clamp({ row: at.row + 10, col: at.col });
    default: return null;
  }
}

export type Amount = { ok: true; value: number | null } | { ok: false };

/**
 * What an author typed into a cell: "+10", "-5", "−5" (the game's own minus sign), "1,5" or "1.5";
 * an empty cell means the choice does not move that meter. Anything else is refused, so a cell never
 * writes a text into the file where a number belongs.
 */
export function parseAmount(typed: string): Amount {
  const text = typed.trim().replace(/\u2212/g, '-').replace(',', '.');
  if (text === '') return { ok: true, value: null };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { ok: false };
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= 1000 ? { ok: true, value: value === 0 ? 0 : value } : { ok: false };
}

/** +8 or −12 with a real minus sign, as the game shows effects; empty for no effect. */
export function showAmount(value: number | undefined): string {
  if (value === undefined) return '';
  return value > 0 ? `+${value}` : value < 0 ? `\u2212${Math.abs(value)}` : '0';
}

export interface Column {
  meter: string;
  /** Cards with at least one choice that moves this meter. */
  cards: number;
  /** The sum of every rise and of every fall over all choices. */
  up: number;
  down: number;
  /** Touched by too few cards for a player who serves only this master to be tested by it. */
  tooFew: boolean;
}

/**
 * A meter touched by fewer than a third of the cards rarely comes up: a player who serves one master
 * only is then hardly tested on the others, and balance figures swing with chance.
 */
export const MIN_SHARE = 1 / 3;

export function columns(scenario: Pick<Scenario, 'meters' | 'cards'>): Column[] {
  return scenario.meters.map((meter) => {
    let cards = 0;
    let up = 0;
    let down = 0;
    for (const card of scenario.cards) {
      let touched = false;
      for (const choice of card.choices) {
        const value = choice.effects ? own(choice.effects, meter.id) : undefined;
        if (typeof value !== 'number' || value === 0) continue;
        touched = true;
        if (value > 0) up += value;
        else down += value;
      }
      if (touched) cards++;
    }
    return { meter: meter.id, cards, up, down, tooFew: scenario.cards.length > 0 && cards < Math.ceil(scenario.cards.length * MIN_SHARE) };
  });
}
