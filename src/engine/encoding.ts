/**
 * The bytes of a file an author saved, as text: one reading for every way a file comes in (the
 * command-line tools, a file opened or dropped in the game, levels/ under the dev server and the
 * build, and the strings tool's spreadsheets), so a file reads the same everywhere.
 *
 * What Windows programs really write: UTF-8 with or without a byte-order mark, UTF-16 (Notepad's
 * and Excel's "Unicode", little- or big-endian, usually with a mark) and Windows-1252 (Notepad's
 * "ANSI", Word's "Platte tekst", Dutch Excel's "CSV (puntkomma gescheiden)"). Anything that is not
 * valid UTF-8 and has no mark is read as Windows-1252: every byte but five is a letter or sign there,
 * so Dutch text comes through whole; a file holding one of those five is in some other encoding
 * and is refused rather than read wrong. The caller decides what to tell the author.
 *
 * Decoding uses the platform's TextDecoder (WHATWG Encoding, in Node and every browser) in its fatal
 * mode, which reports bad bytes instead of replacing them with "�".
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText =
  /** `bom`: the file started with a byte-order mark (not part of `text`). */
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  /** A zip archive: an Excel workbook or a Word document rather than a text file. */
  | { ok: false; reason: 'document' }
  /** The file has the mark of `encoding` but its bytes do not follow it. */
  | { ok: false; reason: 'broken'; encoding: Encoding }
  /** Not UTF-8, and `byte` (at byte `index`, on `line`) is no letter in Windows-1252 either. */
  | { ok: false; reason: 'unknown'; byte: number; line: number };

/** Bytes that Windows-1252 leaves undefined: a file holding them was written in another encoding. */
export const UNDEFINED_IN_1252: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Windows-1252's letters and signs for bytes 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š
 * › œ ž Ÿ), by byte − 0x80, the undefined five as empty strings. Written out because Node's TextDecoder
 * decodes 'windows-1252' as ISO-8859-1 since 20.18.3 and 22.13.0 (nodejs/node#60888), giving invisible
 * control characters for exactly these bytes; browsers decode them right, and this table gives the
 * same answer in both.
 */
const HIGH_1252 = [
  '\u20AC', '', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '', '\u017D', '',
  '', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '', '\u017E', '\u0178',
];

/** Windows-1252 bytes as text; the five undefined bytes must have been refused already. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009F]/g, (c) => HIGH_1252[c.charCodeAt(0) - 0x80] || c);
}

/** Every character Windows-1252 can store; others are what Excel and Notepad turn into "?" when they save in it. */
export const IN_1252: ReadonlySet<string> = new Set(decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => !UNDEFINED_IN_1252.has(b))));

function strict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', skip: number): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return null;
  }
}

/** UTF-16 without a mark: every other byte is zero for Latin text (a `{` or `id` comes first in our files). */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
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

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const starts = (...prefix: number[]) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { ok: false, reason: 'document' };
  const marked: [Encoding & ('utf-8' | 'utf-16le' | 'utf-16be'), number] | null = starts(0xef, 0xbb, 0xbf) ? ['utf-8', 3] : starts(0xff, 0xfe) ? ['utf-16le', 2] : starts(0xfe, 0xff) ? ['utf-16be', 2] : null;
  if (marked) {
    const text = strict(bytes, marked[0], marked[1]);
    return text === null ? { ok: false, reason: 'broken', encoding: marked[0] } : { ok: true, text, encoding: marked[0], bom: true };
  }
  const wide = utf16WithoutMark(bytes);
  if (wide) {
    const text = strict(bytes, wide, 0);
    if (text !== null) return { ok: true, text, encoding: wide, bom: false };
  }
  const utf8 = strict(bytes, 'utf-8', 0);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };
  const undefinedAt = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (undefinedAt >= 0) {
    let line = 1;
    for (let i = 0; i < undefinedAt; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, reason: 'unknown', byte: bytes[undefinedAt]!, line };
  }
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
}

/** Line and column (from 1; lines ended by \n, columns in UTF-16 units) of an index into a text, as the validator counts them. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  const lines = text.slice(0, index).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
