/**
 * Reading what spreadsheet programs really save as CSV: UTF-8 with or without a byte-order mark,
 * UTF-16 ("Unicode text"), Windows-1252 (Dutch Excel's "CSV (puntkomma gescheiden)"), with a tab, `;`
 * or `,` between cells and line breaks inside quoted cells. A file that cannot be read without losing
 * letters is refused as a whole, with the reason, so nothing is half imported.
 *
 * The bytes are decoded as every file an author saves is (src/engine/encoding.ts); the cells are
 * read by csv-parse.
 */
import { parse } from 'csv-parse/sync';
import { decodeBytes, IN_1252, type Encoding } from '../engine/encoding.ts';
import type { Said } from '../locales/authoring.ts';

export type { Encoding };

/**
 * `mayBe1252`: the sheet may have been saved as Windows-1252, where Excel writes "?" for a letter it
 * cannot store: it was, or it is plain ASCII without a mark (Excel's "CSV" of a text whose only
 * letters beyond ASCII all became "?" looks exactly like that; its "CSV UTF-8" always has a mark).
 */
export type Decoded = { ok: true; text: string; encoding: Encoding; mayBe1252: boolean } | { ok: false; problem: Said };

export function decodeSpreadsheet(bytes: Uint8Array): Decoded {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    if (decoded.reason === 'document') return { ok: false, problem: { key: 'csvIsWorkbook', params: {} } };
    if (decoded.reason === 'broken') return { ok: false, problem: { key: 'csvBrokenEncoding', params: { encoding: decoded.encoding.toUpperCase() } } };
    return { ok: false, problem: { key: 'csvUnknownEncoding', params: {} } };
  }
  const { text } = decoded;
  const lineOf = (index: number) => text.slice(0, index).split(/\r\n|\r|\n/).length;
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) return { ok: false, problem: { key: 'csvReplacementCharacter', params: { line: lineOf(replaced) } } };
  const control = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
  if (control >= 0) return { ok: false, problem: { key: 'csvControlCharacter', params: { line: lineOf(control) } } };
  const mayBe1252 = decoded.encoding === 'windows-1252' || (decoded.encoding === 'utf-8' && !decoded.bom && !/[^\u0000-\u007F]/.test(text));
  return { ok: true, text, encoding: decoded.encoding, mayBe1252 };
}

/**
 * Whether `after` is `before` with every letter Windows-1252 cannot store turned into "?", the loss
 * Excel causes without a word when it saves a text as "CSV" rather than "CSV UTF-8".
 */
export function lostIn1252(before: string, after: string): boolean {
  if ([...before].every((c) => IN_1252.has(c))) return false;
  return [...before].map((c) => (IN_1252.has(c) ? c : '?')).join('') === after;
}

/**
 * A "?" where a letter stood, in a text with nothing to compare it to (a new translation): directly
 * before a letter or digit ("Gda?sk", "?ukasz"), where a real question mark never stands in prose
 * (a space, a quote or the end of the text follows it). Only asked of a sheet saved as
 * Windows-1252, the only way Excel writes "?" for a letter; in a "CSV UTF-8" sheet every "?" is meant.
 */
export function questionMarkForLetter(text: string): number {
  return text.search(/\?[\p{L}\p{N}]/u);
}

export interface CsvRow {
  /** The line the row starts on, counting from 1, as a spreadsheet program's text view shows it. */
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; rows: CsvRow[]; separator: ';' | ',' | '\t' } | { ok: false; problem: Said };

/**
 * Rows of cells; the separator (tab, semicolon or comma) is the one the header row uses most. Tabs
 * come from Excel's "Unicode text" (UTF-16, one tab between cells), `;` from Dutch Excel's CSV.
 */
export function parseCsv(text: string): CsvResult {
  const source = text.replace(/^\uFEFF/, '');
  const header = source.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  const separator = (['\t', ';', ','] as const).reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ';' | ',' | '\t');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source, { delimiter: separator, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    const line = typeof e.lines === 'number' ? e.lines : 1;
    return {
      ok: false,
      problem: e.code === 'CSV_QUOTE_NOT_CLOSED' ? { key: 'csvQuoteNotClosed', params: { line } } : { key: 'csvUnreadableRow', params: { line, reason: e.code ?? 'CSV' } },
    };
  }
  const rows = records
    .map(({ record, info }) => {
      // csv-parse counts lines up to the end of the row; a cell with line breaks started earlier.
      const breaks = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      return { line: info.lines - breaks, cells: record.map((cell) => cell.replace(/\r\n?/g, '\n')) };
    })
    .filter((row) => row.cells.some((cell) => cell !== ''));
  return { ok: true, rows, separator };
}

function csvCell(value: string, separator: string): string {
  return value.includes(separator) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a byte-order mark, so spreadsheet programs read the accents right; rows end in CRLF as Excel writes them. */
export function writeCsv(rows: readonly (readonly string[])[], separator: ';' | ',' = ','): string {
  return `\uFEFF${rows.map((cells) => cells.map((c) => csvCell(c, separator)).join(separator)).join('\r\n')}\r\n`;
}
