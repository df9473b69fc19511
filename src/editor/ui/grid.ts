/**
 * The effects grid's arithmetic and keyboard, kept apart from the DOM so they are tested in Node:
 * where an arrow key moves the cell cursor and what a typed amount means. Each meter column's figures
 * come from the engine (src/engine/meterFigures.ts), as the balance check's causes do.
 */

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
