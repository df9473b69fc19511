/**
 * Reading what spreadsheet programs really save as CSV: UTF-8 with or without a byte-order mark,
 * UTF-16 ("Unicode text"), Windows-1252 (Dutch Excel's "CSV (puntkomma gescheiden)"), with `;` or `,`
 * between cells and line breaks inside quoted cells. A file that cannot be read without losing
 * letters is refused as a whole, with the reason, so nothing is half imported.
 *
 * Decoding uses the platform's TextDecoder (WHATWG Encoding, in Node and every browser) in its fatal
 * mode, which reports bad bytes instead of replacing them; the cells are read by csv-parse.
 */
import { parse } from 'csv-parse/sync';
import type { Said } from '../locales/authoring.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; problem: Said };

function decode(bytes: Uint8Array, encoding: Encoding, skip: number): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return null;
  }
}

/** Bytes that Windows-1252 leaves undefined: a file holding them was written in another encoding. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** UTF-16 without a mark: every other byte is zero for Latin text. */
function utf16WithoutMark(bytes: Uint8Array): Encoding | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = bytes.length / 2;
  if (oddZero > pairs * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}

export function decodeSpreadsheet(bytes: Uint8Array): Decoded {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  let result: { text: string | null; encoding: Encoding };
  if (starts(0xef, 0xbb, 0xbf)) result = { text: decode(bytes, 'utf-8', 3), encoding: 'utf-8' };
  else if (starts(0xff, 0xfe)) result = { text: decode(bytes, 'utf-16le', 2), encoding: 'utf-16le' };
  else if (starts(0xfe, 0xff)) result = { text: decode(bytes, 'utf-16be', 2), encoding: 'utf-16be' };
  else if (starts(0x50, 0x4b, 0x03, 0x04)) return { ok: false, problem: { key: 'csvIsWorkbook', params: {} } };
  else {
    const wide = utf16WithoutMark(bytes);
    if (wide) result = { text: decode(bytes, wide, 0), encoding: wide };
    else {
      const utf8 = decode(bytes, 'utf-8', 0);
      if (utf8 !== null) result = { text: utf8, encoding: 'utf-8' };
      else if (bytes.some((b) => UNDEFINED_IN_1252.has(b))) return { ok: false, problem: { key: 'csvUnknownEncoding', params: {} } };
      else result = { text: decode(bytes, 'windows-1252', 0), encoding: 'windows-1252' };
    }
  }
  if (result.text === null) return { ok: false, problem: { key: 'csvBrokenEncoding', params: { encoding: result.encoding.toUpperCase() } } };
  const text = result.text;
  const lineOf = (index: number) => text.slice(0, index).split(/\r\n|\r|\n/).length;
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) return { ok: false, problem: { key: 'csvReplacementCharacter', params: { line: lineOf(replaced) } } };
  const control = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
  if (control >= 0) return { ok: false, problem: { key: 'csvControlCharacter', params: { line: lineOf(control) } } };
  return { ok: true, text, encoding: result.encoding };
}

/** Characters Windows-1252 can store; others are what Excel turns into "?" when it saves in it. */
const IN_1252: ReadonlySet<string> = (() => {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => !UNDEFINED_IN_1252.has(b));
  return new Set(new TextDecoder('windows-1252').decode(bytes));
})();

/**
 * Whether `after` is `before` with every letter Windows-1252 cannot store turned into "?", the loss
 * Excel causes without a word when it saves a text as "CSV" rather than "CSV UTF-8".
 */
export function lostIn1252(before: string, after: string): boolean {
  if ([...before].every((c) => IN_1252.has(c))) return false;
  return [...before].map((c) => (IN_1252.has(c) ? c : '?')).join('') === after;
}

export interface CsvRow {
  /** The line the row starts on, counting from 1, as a spreadsheet program's text view shows it. */
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; rows: CsvRow[]; separator: ';' | ',' } | { ok: false; problem: Said };

/** Rows of cells; the separator (semicolon or comma) is the one the header row uses most. */
export function parseCsv(text: string): CsvResult {
  const source = text.replace(/^\uFEFF/, '');
  const header = source.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const separator = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
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
