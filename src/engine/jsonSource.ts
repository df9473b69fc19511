/**
 * A JSON reader that remembers where every value and key stands (line and column), so that each
 * problem in a scenario file can be shown at its place. It refuses what would be unsafe or would hang
 * the game: keys that reach object prototypes, deep nesting, huge strings, lists, objects and files.
 *
 * The reading itself (tokens, grammar, offsets) is Microsoft's `jsonc-parser`, with comments and
 * trailing commas refused so that it reads strict JSON. Around it this module builds the value, keeps
 * the positions, applies the limits, and words each syntax error for an author who is not a
 * programmer: the library names the token it stumbled on ("InvalidSymbol", "CommaExpected"), which
 * is too coarse to say "replace the curly quotes", "write \" for a quote inside a text" or "remove the
 * comma before ]". Those fixes depend on what the reader expected at that point and on the character
 * found there, so a small state (what may come next) is kept from the library's callbacks.
 *
 * It reads exactly what `JSON.parse` reads, and refuses some of that (the limits, duplicate and
 * reserved keys): whatever it accepts, `JSON.parse(withoutBom(text))` gives the same value, which is
 * how the built game loads a file the build has checked (a property test holds the two together).
 * The one thing JSON.parse refuses and this reader allows is a byte-order mark at the very start of
 * the file, as Windows Notepad writes it; it is reported as a warning and skipped everywhere.
 *
 * It stops at the first syntax error. The library could go on past it, but after a typical author's
 * mistake (a curly quote, a quote inside a text, a missing comma) what it reads next is out of step
 * with what the author wrote, and the further "errors" it finds are not mistakes: one true message
 * with its fix serves an author better than a list in which only the first is real.
 */
import { printParseErrorCode, visit, type Edit } from 'jsonc-parser';
import { LIMITS, RESERVED_NAMES } from './format.ts';
import { coded, type Coded } from './messages.ts';
import type { Path } from './schema.ts';

export interface Position {
  line: number;
  column: number;
}

export interface Located {
  value: Position;
  key?: Position;
  /** The key's extent in the text, with its quotes, for a fix that renames it. */
  keyStart?: number;
  keyEnd?: number;
  /** The value's extent in the text, [start, end), for tools that edit a file in place. */
  start: number;
  end: number;
}

export type { Edit };

export interface SourceProblem {
  position: Position;
  path: Path;
  message: Coded;
  /** The fix the message advises, as edits to the text (jsonc-parser's form), where it is certain. */
  fix?: Edit[];
}

/** `problems` are errors (the file is not usable); `warnings` do not stop it (a leading byte-order mark). */
export type ParseResult =
  | { ok: true; value: unknown; positions: Map<string, Located>; problems: SourceProblem[]; warnings: SourceProblem[] }
  | { ok: false; problems: SourceProblem[]; warnings: SourceProblem[] };

export interface ParseOptions {
  /**
   * Which positions to remember: every value's (the default), none, or only those whose path key
   * (see `pathKey`) is in the set. Remembering every position of a 5 MB file costs hundreds of MB, so
   * the validator reads without them and reads again for the places its problems need. With a set,
   * the reading stops once it has found them all, and gives no value.
   */
  positions?: 'all' | 'none' | ReadonlySet<string>;
  /** Other limits than a scenario file's: a save of a long endless game holds more than 2,000 turns. */
  limits?: { listItems?: number; objectKeys?: number };
}

const BOM = 0xfeff;

/** The text without a leading byte-order mark: what `JSON.parse` must be given to read it as this reader does. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

function escapeSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

export function pathKey(path: Path): string {
  return path.map((p) => `/${escapeSegment(p)}`).join('');
}

/** The position to show for a path: the value there, or the key, or the nearest enclosing value. */
export function locate(positions: Map<string, Located>, path: Path, at: 'key' | 'value' = 'value'): Position {
  for (let n = path.length; n >= 0; n--) {
    const found = positions.get(pathKey(path.slice(0, n)));
    if (found) return at === 'key' && n === path.length && found.key ? found.key : found.value;
  }
  return { line: 1, column: 1 };
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly path: Path,
    readonly coded: Coded,
    readonly fix?: Edit[],
  ) {
    super(coded.code);
  }
}

class AllFound extends Error {}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Line and column (both from 1, columns in UTF-16 units, lines ended by \n) of text offsets. Offsets
 * asked in increasing order (the reading's own) are found by walking on; others by a table of line starts.
 */
function lineTable(text: string): (offset: number) => Position {
  let starts: number[] | null = null;
  let line = 1;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  return (offset) => {
    if (offset >= lineStart) {
      while (nextBreak >= 0 && nextBreak < offset) {
        line++;
        lineStart = nextBreak + 1;
        nextBreak = text.indexOf('\n', lineStart);
      }
      return { line, column: offset - lineStart + 1 };
    }
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** What the reader may meet next; decides how an unexpected character is worded. */
type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

interface Frame {
  list: unknown[] | null;
  obj: Record<string, unknown> | null;
  /** Its own segment in its parent's path (null for the top). */
  segment: string | number | null;
  /** Its path key while positions under it may be wanted; null inside a part whose positions are not. */
  key: string | null;
  located: Located | null;
  keyCount: number;
  /** The offset of each field name's key, for "appears twice (first at …)". */
  seen: Map<string, number> | null;
  pendingKey: string;
  pendingKeyOffset: number;
  pendingKeyLength: number;
  /** The offset of its opening bracket. */
  start: number;
}

const CURLY = '\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB';
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

export function parseJson(text: string, options: ParseOptions = {}): ParseResult {
  const size = text.length > LIMITS.fileBytes / 4 ? byteLength(text) : text.length;
  if (size > LIMITS.fileBytes) {
    return {
      ok: false,
      problems: [{ position: { line: 1, column: 1 }, path: [], message: coded('fileTooLarge', { size: (size / 1e6).toFixed(1), limit: LIMITS.fileBytes / 1e6 }) }],
      warnings: [],
    };
  }
  const { stringLength: maxString, numberLength: maxNumber, depth: maxDepth, objectKeys: maxKeys, listItems: maxItems } = { ...LIMITS, ...options.limits };
  const positions = new Map<string, Located>();
  const wanted = options.positions ?? 'all';
  const keyed = wanted !== 'none';
  const remember = wanted === 'all' ? () => true : wanted === 'none' ? () => false : (key: string) => wanted.has(key);
  const problems: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  const positionAt = lineTable(text);
  let source = text;
  if (text.charCodeAt(0) === BOM) {
    warnings.push({ position: { line: 1, column: 1 }, path: [], message: coded('bomAtStart') });
    // A space of the same length keeps every offset the library reports an offset into `text`.
    source = ` ${text.slice(1)}`;
  }

  const stack: Frame[] = [];
  let expect: Expect = 'value';
  let afterComma = false;
  let lastWasText = false;
  /** The extent of the last text read, [start, end) with its quotes, for a closing quote forgotten there. */
  let lastTextStart = 0;
  let lastTextEnd = 0;
  let top: unknown;

  const containerPath = (): Path => stack.slice(1).map((f) => f.segment!);
  /** The path of the value about to be read in the innermost container (or of the top value). */
  const valuePath = (): Path => {
    const frame = stack.at(-1);
    if (!frame) return [];
    return [...containerPath(), frame.obj ? frame.pendingKey : frame.list!.length];
  };
  const fail = (offset: number, message: Coded, path: Path = expect === 'value' || expect === 'valueOrClose' ? valuePath() : containerPath(), fix?: Edit[]): never => {
    throw new SyntaxProblem(offset, path, message, fix);
  };
  /** The path of the value just read in the innermost container: the one before the comma or the fault. */
  const valueBeforePath = (): Path => {
    const frame = stack.at(-1);
    if (!frame) return [];
    return [...containerPath(), frame.obj ? frame.pendingKey : Math.max(0, frame.list!.length - 1)];
  };
  /**
   * The offset of the bracket that closes the one at `open`, skipping texts; null if there is none.
   * A small scan of its own: the library's reading has stopped at the fault inside this list.
   */
  const matchingBracket = (open: number): number | null => {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      } else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        depth--;
        if (depth === 0) return c === ']' ? i : null;
      }
    }
    return null;
  };
  const describeChar = (at: number): Coded => {
    if (at >= text.length) return coded('foundEnd');
    const c = text[at]!;
    return c === '\n' || c === '\r' ? coded('foundLineEnd') : coded('foundChar', { char: c });
  };

  /**
   * The library reports a fault in a text at the text's opening quote, and only the last one; an
   * author needs the first, at its character (a tab, a stray backslash), so the text is walked here.
   */
  const stringFault = (start: number): [number, Coded, Edit[]?] => {
    for (let i = start + 1; ; i++) {
      if (i >= text.length) return [start, coded('textNotClosed')];
      const c = text.charCodeAt(i);
      if (c === 34) return [start, coded('textNotClosed')];
      if (c === 10) return [start, coded('textPastLineEnd'), closingQuoteAt(i)];
      if (c < 32) return [i, coded('controlCharacter')];
      if (c === 92) {
        const e = text[i + 1];
        if (e !== undefined && ESCAPES.has(e)) i++;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
        else return [i, coded('badEscape', { escape: `\\${e ?? ''}` })];
      }
    }
  };

  /**
   * Where a text that runs to the end of its line (at `lineEnd`) most likely ends: before a comma that
   * ends the line (`"Prima, deal,` meant `"Prima, deal",`), else at the end of the line.
   */
  const closingQuoteAt = (lineEnd: number): Edit[] => {
    let end = lineEnd;
    if (text[end - 1] === '\r') end--;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if (text[end - 1] === ',') end--;
    return [{ offset: end, length: 0, content: '"' }];
  };

  /**
   * A text that ended at a quote the author meant as the opening quote of what follows: the closing
   * quote of the text before it was forgotten, so that text ran on into the next field or item. Seen
   * as a text ending in a comma (`"Prima, deal, "`) followed by more text that reaches a quote on the
   * same line, or, in an object, by a name and a colon (`en": …`). The quote goes before that comma.
   */
  const forgottenQuote = (at: number, inObject: boolean): Edit[] | null => {
    const rest = /^[^"\n]*"\s*(:?)/.exec(text.slice(at, at + 200));
    if (!rest) return null;
    const written = text.slice(lastTextStart + 1, lastTextEnd - 1);
    const comma = /,\s*$/.exec(written);
    if (comma) return [{ offset: lastTextStart + 1 + comma.index, length: 0, content: '"' }];
    return inObject && rest[1] === ':' ? [] : null;
  };

  /** Words what was found at `at` where the reader expected `expect` (JSON's grammar, said as an author's fix). */
  const unexpected = (at: number): Coded => {
    const c = text[at];
    const curly = c !== undefined && CURLY.includes(c);
    switch (expect) {
      case 'value':
      case 'valueOrClose':
        if (c === "'") return coded('singleQuotes');
        if (curly) return coded('curlyQuotes');
        if (c === '+' && /^\+[0-9]/.test(text.slice(at, at + 2))) {
          const number = /^\+([0-9.eE+-]*)/.exec(text.slice(at, at + maxNumber + 1))![1]!;
          fail(at, coded('plusSign', { number }), undefined, [{ offset: at, length: 1, content: '' }]);
        }
        if (c === '-') return coded('badNumber', { found: describeChar(at) });
        return at >= text.length ? coded('fileEndsEarly') : coded('expectedValue', { found: describeChar(at) });
      case 'key':
      case 'keyOrClose':
        if (c === '}') return coded('commaBeforeBrace');
        if (/[0-9]/.test(c ?? '') && text[at - 1] === ',' && /[0-9]/.test(text[at - 2] ?? '')) {
          // "weight": 1,5 — a decimal comma: JSON read 1, and then a field name was due.
          const whole = /-?[0-9]+$/.exec(text.slice(Math.max(0, at - 1 - maxNumber), at - 1))![0];
          const fraction = /^[0-9]+/.exec(text.slice(at, at + maxNumber))![0];
          fail(at - 1, coded('decimalComma', { written: `${whole},${fraction}`, fixed: `${whole}.${fraction}` }), valueBeforePath(), [{ offset: at - 1, length: 1, content: '.' }]);
        }
        if (curly) return coded('curlyQuotes');
        if (c === "'") return coded('singleQuotes');
        if (/[A-Za-z_$]/.test(c ?? '')) return coded('unquotedFieldName', { name: /^[\w$-]+/.exec(text.slice(at, at + 64))![0] });
        return coded('expectedFieldName', { found: describeChar(at) });
      case 'colon':
        return coded('expectedColon', { name: stack.at(-1)!.pendingKey, found: describeChar(at) });
      case 'commaOrClose': {
        const inside = lastWasText && c !== undefined && !',}]:'.includes(c) && !/\s/.test(c);
        const frame = stack.at(-1)!;
        if (inside && (frame.obj || c !== '"')) {
          const fix = forgottenQuote(at, frame.obj !== null);
          if (fix) fail(lastTextStart, coded('quoteNotClosed'), valueBeforePath(), fix.length > 0 ? fix : undefined);
        }
        if (frame.obj) {
          if (c === '"') return coded('commaMissingField');
          if (inside) return coded('quoteInsideText');
          return curly ? coded('curlyQuotes') : coded('expectedCommaOrBrace', { found: describeChar(at) });
        }
        if (c === ':' && lastWasText) {
          // [ "pupils": 10 ]: fields written in a list; an object's brackets are { }.
          const close = matchingBracket(frame.start);
          fail(frame.start, coded('fieldsInList'), containerPath(), close === null ? undefined : [{ offset: frame.start, length: 1, content: '{' }, { offset: close, length: 1, content: '}' }]);
        }
        if (inside && c !== '"') return coded('quoteInsideText');
        if (c !== undefined && '"{[0123456789-tfn'.includes(c)) return coded('commaMissingItem');
        return curly ? coded('curlyQuotes') : coded('expectedCommaOrBracket', { found: describeChar(at) });
      }
      case 'end':
        return coded('afterEnd', { found: describeChar(at) });
    }
  };

  const onError = (error: number, offset: number): never => {
    const c = text.charCodeAt(offset);
    // Whitespace is skipped in every state; these two stand where whitespace may.
    const spacePath = expect === 'value' && stack.at(-1)?.obj ? valuePath() : containerPath();
    if (c === BOM) fail(offset, coded('bomInside'), spacePath);
    if (c === 47 && (text[offset + 1] === '/' || text[offset + 1] === '*')) fail(offset, coded('comment'), spacePath);
    if (expect === 'value' || expect === 'valueOrClose') {
      // The library reads "truee" or "null," glued to a letter as one unknown word; the author wrote a
      // value and then something after it, so the message is about what follows the value.
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, offset));
      if (word) {
        lastWasText = false;
        expect = stack.length === 0 ? 'end' : 'commaOrClose';
        onError(error, offset + word.length);
      }
      const kind = printParseErrorCode(error as Parameters<typeof printParseErrorCode>[0]);
      if (kind === 'UnexpectedEndOfNumber') {
        const written = /^-?[0-9.eE+-]*/.exec(text.slice(offset, offset + maxNumber + 1))![0];
        fail(offset, coded('badNumber', { found: coded('foundChar', { char: written }) }));
      }
      if (c === 93 && afterComma) fail(offset, coded('commaBeforeBracket'), containerPath());
    }
    if ((expect === 'value' || expect === 'valueOrClose' || expect === 'key' || expect === 'keyOrClose') && c === 34) {
      const [at, message, fix] = stringFault(offset);
      fail(at, message, undefined, fix);
    }
    return fail(offset, unexpected(offset));
  };

  /**
   * A value starts at `offset`: check the limits, remember its position if wanted. Leaves its path key
   * in `begunKey` while positions under it may be wanted (a wanted set holds every prefix of its
   * paths), else null.
   */
  let begunKey: string | null = null;
  let stopAfter: Located | null = null;
  const begin = (offset: number): Located | null => {
    const parent = stack[stack.length - 1];
    if (stack.length > maxDepth) fail(offset, coded('tooDeep', { limit: maxDepth }));
    if (parent?.list && parent.list.length >= maxItems) fail(offset, coded('tooManyItems', { limit: maxItems }), containerPath());
    const key = !keyed ? null : !parent ? '' : parent.key === null ? null : `${parent.key}/${escapeSegment(parent.obj ? parent.pendingKey : parent.list!.length)}`;
    begunKey = key;
    if (key === null) return null;
    if (!remember(key)) {
      if (wanted !== 'all') begunKey = null;
      return null;
    }
    const keyAt = parent?.obj ? positionAt(parent.pendingKeyOffset) : null;
    const located: Located = { value: positionAt(offset), start: offset, end: offset };
    if (keyAt) {
      located.key = keyAt;
      located.keyStart = parent!.pendingKeyOffset;
      located.keyEnd = parent!.pendingKeyOffset + parent!.pendingKeyLength;
    }
    positions.set(key, located);
    // Reading for a few positions stops once it has them all and the last is read to its end (a fix
    // replaces it); the ends of the values around it are then not known.
    if (typeof wanted !== 'string' && positions.size === wanted.size) stopAfter = located;
    return located;
  };

  /** A value is complete: put it into its container. */
  const end = (value: unknown) => {
    lastWasText = typeof value === 'string';
    afterComma = false;
    const parent = stack[stack.length - 1];
    if (!parent) {
      top = value;
      expect = 'end';
      return;
    }
    expect = 'commaOrClose';
    if (parent.list) {
      parent.list.push(value);
      return;
    }
    const name = parent.pendingKey;
    const keyOffset = parent.pendingKeyOffset;
    if (RESERVED_NAMES.has(name)) {
      problems.push({ position: positionAt(keyOffset), path: [...containerPath(), name], message: coded('reservedField', { name }) });
    } else if (parent.seen!.has(name)) {
      const first = positionAt(parent.seen!.get(name)!);
      problems.push({ position: positionAt(keyOffset), path: [...containerPath(), name], message: coded('duplicateField', { name, line: first.line, column: first.column }) });
    } else {
      parent.seen!.set(name, keyOffset);
      parent.obj![name] = value;
    }
  };

  const open = (offset: number, list: boolean) => {
    if (expect !== 'value' && expect !== 'valueOrClose') fail(offset, unexpected(offset));
    const located = begin(offset);
    const parent = stack[stack.length - 1];
    const segment = parent ? (parent.obj ? parent.pendingKey : parent.list!.length) : null;
    stack.push({ list: list ? [] : null, obj: list ? null : {}, segment, key: begunKey, located, keyCount: 0, seen: list ? null : new Map(), pendingKey: '', pendingKeyOffset: 0, pendingKeyLength: 0, start: offset });
    expect = list ? 'valueOrClose' : 'keyOrClose';
    afterComma = false;
  };

  const close = (offset: number, length: number) => {
    // The library ends a container also where the file ends without closing it; that is the error here.
    if (offset >= text.length) fail(offset, unexpected(offset));
    const frame = stack.pop()!;
    if (frame.located) frame.located.end = offset + length;
    end(frame.obj ?? frame.list);
    if (stopAfter && frame.located === stopAfter) throw new AllFound();
  };

  try {
    visit(
      source,
      {
        onObjectBegin: (offset) => open(offset, false),
        onArrayBegin: (offset) => open(offset, true),
        onObjectEnd: close,
        onArrayEnd: close,
        onObjectProperty: (name, offset, length) => {
          const frame = stack.at(-1)!;
          if (++frame.keyCount > maxKeys) fail(offset, coded('tooManyKeys', { limit: maxKeys }));
          if (name.length > maxString) fail(offset, coded('tooLongText', { limit: maxString }));
          frame.pendingKey = name;
          frame.pendingKeyOffset = offset;
          frame.pendingKeyLength = length;
          expect = 'colon';
          afterComma = false;
        },
        onSeparator: (character) => {
          if (character === ':') {
            expect = 'value';
            afterComma = false;
          } else {
            expect = stack.at(-1)!.obj ? 'key' : 'value';
            afterComma = true;
          }
        },
        onLiteralValue: (value: unknown, offset, length) => {
          if (typeof value === 'string') {
            if (value.length > maxString) fail(offset, coded('tooLongText', { limit: maxString }));
            lastTextStart = offset;
            lastTextEnd = offset + length;
          } else if (typeof value === 'number') {
            if (length > maxNumber) fail(offset, coded('tooLongNumber', { limit: maxNumber }));
            if (!Number.isFinite(value)) fail(offset, coded('numberTooLarge'));
          }
          const located = begin(offset);
          if (located) located.end = offset + length;
          end(value);
          if (stopAfter && located === stopAfter) throw new AllFound();
        },
        onError,
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
    return { ok: true, value: top, positions, problems, warnings };
  } catch (error) {
    if (error instanceof AllFound) return { ok: true, value: undefined, positions, problems, warnings };
    if (error instanceof SyntaxProblem) {
      return { ok: false, problems: [...problems, { position: positionAt(error.offset), path: error.path, message: error.coded, ...(error.fix ? { fix: error.fix } : {}) }], warnings };
    }
    throw error;
  }
}
