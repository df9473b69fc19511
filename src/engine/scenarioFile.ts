/**
 * A scenario file's bytes as the validator's text, with what the author must hear about how the
 * file was saved. Every entry point reads scenario files through here: `npm run validate`, `check`,
 * `simulate` and `strings`, the dev server's and the build's reading of levels/, and a file opened
 * or dropped in the game.
 *
 * A file that is not valid UTF-8 is read as Windows-1252 with a warning, not refused: on a Dutch or
 * English Windows laptop "ANSI" (Notepad), "Platte tekst" (Word) and "CSV" (Excel) are Windows-1252,
 * so this reading gives exactly the letters the trainer typed, and a workshop is not stopped by the
 * way a file was saved. The warning names a word as it was read ("Financiën"), so a file from another
 * code page shows itself, and says how to save the file as UTF-8, which every tool expects. UTF-16
 * (Notepad's "Unicode") is read as such, with the same kind of warning. Only a file that is neither
 * (a byte Windows-1252 does not define) or a Word or Excel document is refused, with that advice.
 */
import { decodeBytes, lineColumnAt } from './encoding.ts';
import { validateScenarioText, withProblem, type Problem, type ValidationResult } from './validate.ts';

export interface ScenarioReading {
  /** The text to validate: empty when the file was refused. */
  text: string;
  /** The warning (read, but not as UTF-8) or error (refused) about how the file was saved. */
  problem?: Problem;
}

const BOM = '\uFEFF';

/** The word around `index` ("Financiën"), at most 30 characters, to show how a letter was read. */
function wordAround(text: string, index: number): string {
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}'’-]/u.test(c);
  let start = index;
  let end = index + 1;
  while (start > 0 && index - start < 15 && isWordChar(text[start - 1])) start--;
  while (end < text.length && end - index < 15 && isWordChar(text[end])) end++;
  return text.slice(start, end);
}

export function readScenarioBytes(bytes: Uint8Array): ScenarioReading {
  const decoded = decodeBytes(bytes);
  const at = (line: number, column: number, severity: Problem['severity'], code: Problem['code'], params: Problem['params'] = {}): Problem => ({ severity, line, column, path: '(file)', code, params });
  if (!decoded.ok) {
    if (decoded.reason === 'document') return { text: '', problem: at(1, 1, 'error', 'savedAsDocument') };
    if (decoded.reason === 'broken') return { text: '', problem: at(1, 1, 'error', 'savedBrokenMark', { encoding: decoded.encoding.toUpperCase() }) };
    const byte = `0x${decoded.byte.toString(16).toUpperCase()}`;
    return { text: '', problem: at(decoded.line, 1, 'error', 'savedInUnknownEncoding', { byte, line: decoded.line }) };
  }
  // The validator warns about a UTF-8 mark itself (and skips it), as it always has.
  if (decoded.encoding === 'utf-8') return { text: decoded.bom ? BOM + decoded.text : decoded.text };
  if (decoded.encoding === 'windows-1252') {
    // Not valid UTF-8, so some byte is above 0x7F: the first such letter is where the difference shows.
    const index = Math.max(0, decoded.text.search(/[^\u0000-\u007F]/));
    const { line, column } = lineColumnAt(decoded.text, index);
    return { text: decoded.text, problem: at(line, column, 'warning', 'savedAsWindows1252', { word: wordAround(decoded.text, index) }) };
  }
  return { text: decoded.text, problem: at(1, 1, 'warning', 'savedAsUtf16', { encoding: decoded.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE' }) };
}

/** A validation of `reading.text` with the reading's own problem added (alone, when the file was refused). */
export function withReading(result: ValidationResult, reading: ScenarioReading): ValidationResult {
  const { problem } = reading;
  if (!problem) return result;
  if (problem.severity === 'error') return { ok: false, problems: [problem] };
  return { ...result, problems: withProblem(result.problems, problem) };
}

export function validateScenarioBytes(bytes: Uint8Array): { text: string; result: ValidationResult } {
  const reading = readScenarioBytes(bytes);
  return { text: reading.text, result: withReading(reading.problem?.severity === 'error' ? { ok: false, problems: [] } : validateScenarioText(reading.text), reading) };
}
