/**
 * The line of a file that a problem points at, cut to fit a projector, with a caret under the
 * column, so an author sees the mistake in their own text as the validator saw it.
 */
export interface Excerpt {
  /** The text of the line (tabs as two spaces), with "…" where it was cut. */
  text: string;
  /** Spaces and a "^" under the column. */
  caret: string;
}

const TAB = '  ';

export function excerpt(source: string, line: number, column: number, width = 90): Excerpt | null {
  const lines = source.split('\n');
  const raw = lines[line - 1];
  if (raw === undefined) return null;
  const before = raw.slice(0, Math.max(0, column - 1)).replace(/\r$/, '');
  const full = raw.replace(/\r$/, '').replace(/\t/g, TAB);
  // The column counts characters of the original line; tabs before it grow by one each.
  let at = before.replace(/\t/g, TAB).length;
  let text = full;
  if (full.length > width) {
    const start = Math.max(0, Math.min(at - Math.floor(width / 2), full.length - width));
    const end = Math.min(full.length, start + width);
    text = `${start > 0 ? '…' : ''}${full.slice(start, end)}${end < full.length ? '…' : ''}`;
    at = at - start + (start > 0 ? 1 : 0);
  }
  at = Math.max(0, Math.min(at, text.length));
  return { text, caret: `${' '.repeat(at)}^` };
}
