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

/** Where each line starts, for the last text asked about: a list of 200 problems in a 5 MB file must not split it 200 times. */
let starts: { source: string; at: number[] } | null = null;

function lineStarts(source: string): number[] {
  if (starts?.source === source) return starts.at;
  const at = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) at.push(i + 1);
  starts = { source, at };
  return at;
}

export function excerpt(source: string, line: number, column: number, width = 90): Excerpt | null {
  const at0 = lineStarts(source);
  const lineStart = at0[line - 1];
  if (lineStart === undefined || line < 1) return null;
  const lineEnd = line < at0.length ? at0[line]! - 1 : source.length;
  // Only the stretch around the column is looked at: a file may be one 5 MB line. Twice the width on
  // each side still leaves the "…" cuts below to the code that makes them.
  const from = lineStart + Math.max(0, column - 1 - 2 * width);
  const raw = source.slice(from, Math.min(lineEnd, lineStart + column - 1 + 2 * width));
  column -= from - lineStart;
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
