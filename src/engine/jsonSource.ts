/**
 * A JSON reader that remembers where every value and key stands (line and column), so that each
 * problem in a scenario file can be shown at its place. It refuses what would be unsafe or would hang
 * the game: keys that reach object prototypes, deep nesting, huge strings, lists, objects and files.
 *
 * It reads exactly what `JSON.parse` reads, and refuses some of that (the limits, duplicate and
 * reserved keys): whatever it accepts, `JSON.parse(withoutBom(text))` gives the same value, which is
 * how the built game loads a file the build has checked (a property test holds the two together).
 * The one thing JSON.parse refuses and this reader allows is a byte-order mark at the very start of
 * the file, as Windows Notepad writes it; it is reported as a warning and skipped everywhere.
 */
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
  /** The value's extent in the text, [start, end), for tools that edit a file in place. */
  start: number;
  end: number;
}

export interface SourceProblem {
  position: Position;
  path: Path;
  message: Coded;
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

export function pathKey(path: Path): string {
  return path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).map((p) => `/${p}`).join('');
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
    readonly position: Position,
    readonly path: Path,
    readonly coded: Coded,
  ) {
    super(coded.code);
  }
}

class AllFound extends Error {}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Where the reader is, kept as a chain so that a path array is only built when a problem needs it. */
interface PathNode {
  parent: PathNode | null;
  segment: string | number;
  /** Its path key while its position may be wanted; null inside a part of the file whose positions are not. */
  key: string | null;
}

function toPath(node: PathNode | null): Path {
  const out: (string | number)[] = [];
  for (let n = node; n; n = n.parent) out.push(n.segment);
  return out.reverse();
}

function child(parent: PathNode | null, segment: string | number, keyed: boolean): PathNode {
  if (!keyed || (parent && parent.key === null)) return { parent, segment, key: null };
  const escaped = typeof segment === 'number' ? String(segment) : segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
  return { parent, segment, key: `${parent ? parent.key : ''}/${escaped}` };
}

export function parseJson(text: string, options: ParseOptions = {}): ParseResult {
  const size = text.length > LIMITS.fileBytes / 4 ? byteLength(text) : text.length;
  if (size > LIMITS.fileBytes) {
    return {
      ok: false,
      problems: [{ position: { line: 1, column: 1 }, path: [], message: coded('fileTooLarge', { size: (size / 1e6).toFixed(1), limit: LIMITS.fileBytes / 1e6 }) }],
      warnings: [],
    };
  }
  // Copied once: read per character, an imported binding costs a look-up each time.
  const { stringLength: maxString, numberLength: maxNumber, depth: maxDepth, objectKeys: maxKeys, listItems: maxItems } = { ...LIMITS, ...options.limits };
  const positions = new Map<string, Located>();
  const wanted = options.positions ?? 'all';
  // Path keys are built only where a position may be wanted: a wanted set holds every prefix of its paths.
  const keyed = wanted !== 'none';
  const remember = wanted === 'all' ? () => true : wanted === 'none' ? () => false : (key: string) => wanted.has(key);
  const problems: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  let index = 0;
  if (text.charCodeAt(0) === BOM) {
    warnings.push({ position: { line: 1, column: 1 }, path: [], message: coded('bomAtStart') });
    index = 1;
  }
  let line = 1;
  let lineStart = 0;

  const here = (): Position => ({ line, column: index - lineStart + 1 });
  const fail = (message: Coded, node: PathNode | null, position: Position = here()): never => {
    throw new SyntaxProblem(position, toPath(node), message);
  };
  const describeChar = (): Coded => {
    if (index >= text.length) return coded('foundEnd');
    const c = text[index]!;
    return c === '\n' || c === '\r' ? coded('foundLineEnd') : coded('foundChar', { char: c });
  };
  /** Word processors turn " into “ ” and ' into ‘ ’; JSON knows only the straight ones. */
  const curly = () => index < text.length && '\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB'.includes(text[index]!);
  /** A text just ended and something other than , } ] follows: most often a " inside the text that was meant as part of it. */
  const quoteInside = (value: unknown) => typeof value === 'string' && index < text.length && !',}]:'.includes(text[index]!) && !/\s/.test(text[index]!);

  const skipSpace = (path: PathNode | null) => {
    while (index < text.length) {
      const c = text.charCodeAt(index);
      if (c === 10) {
        index++;
        line++;
        lineStart = index;
      } else if (c === 32 || c === 9 || c === 13) {
        index++;
      } else if (c === BOM) {
        fail(coded('bomInside'), path);
      } else if (c === 47 && (text[index + 1] === '/' || text[index + 1] === '*')) {
        fail(coded('comment'), path);
      } else {
        break;
      }
    }
  };

  const readString = (path: PathNode | null): string => {
    const start = here();
    index++;
    let out = '';
    let chunkStart = index;
    for (;;) {
      if (index >= text.length) fail(coded('textNotClosed'), path, start);
      const c = text.charCodeAt(index);
      if (c === 34) {
        out += text.slice(chunkStart, index);
        index++;
        break;
      }
      if (c === 10) fail(coded('textPastLineEnd'), path, start);
      if (c < 32) fail(coded('controlCharacter'), path);
      if (c === 92) {
        out += text.slice(chunkStart, index);
        const e = text[index + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          index += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          out += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
          index += 6;
        } else {
          fail(coded('badEscape', { escape: `\\${e ?? ''}` }), path);
        }
        chunkStart = index;
        continue;
      }
      index++;
      if (out.length + (index - chunkStart) > maxString) {
        fail(coded('tooLongText', { limit: maxString }), path, start);
      }
    }
    return out;
  };

  const isDigit = (at: number) => {
    const c = text.charCodeAt(at);
    return c >= 48 && c <= 57;
  };
  /** The end of the number that starts at `from` in JSON's grammar, or -1 (scanned by hand: a regular expression per number was the reader's main cost). */
  const numberEnd = (from: number): number => {
    let i = from;
    if (text.charCodeAt(i) === 45) i++;
    if (text.charCodeAt(i) === 48) i++;
    else if (isDigit(i)) while (isDigit(i)) i++;
    else return -1;
    if (text.charCodeAt(i) === 46 && isDigit(i + 1)) {
      i++;
      while (isDigit(i)) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      const sign = text.charCodeAt(i + 1);
      const digits = sign === 43 || sign === 45 ? i + 2 : i + 1;
      if (isDigit(digits)) {
        i = digits;
        while (isDigit(i)) i++;
      }
    }
    return i;
  };
  const readNumber = (path: PathNode | null): number => {
    const end = numberEnd(index);
    if (end < 0) fail(coded('badNumber', { found: describeChar() }), path);
    if (end - index > maxNumber) fail(coded('tooLongNumber', { limit: maxNumber }), path);
    const n = Number(text.slice(index, end));
    index = end;
    if (!Number.isFinite(n)) fail(coded('numberTooLarge'), path);
    return n;
  };

  const readValue = (path: PathNode | null, depth: number, key?: Position): unknown => {
    skipSpace(path);
    const pathKeyHere = path ? path.key : '';
    if (pathKeyHere === null || !remember(pathKeyHere)) {
      if (path && wanted !== 'all') path.key = null;
      return readBody(path, depth);
    }
    const located: Located = { value: here(), start: index, end: index };
    if (key) located.key = key;
    positions.set(pathKeyHere, located);
    // Reading for a few positions stops once it has them all; the values' ends are then not known.
    if (typeof wanted !== 'string' && positions.size === wanted.size) throw new AllFound();
    const value = readBody(path, depth);
    located.end = index;
    return value;
  };

  const readBody = (path: PathNode | null, depth: number): unknown => {
    if (depth > maxDepth) fail(coded('tooDeep', { limit: maxDepth }), path);
    const c = text[index];
    if (c === '{') {
      index++;
      const obj: Record<string, unknown> = {};
      const seenKeys = new Map<string, Position>();
      let keyCount = 0;
      skipSpace(path);
      if (text[index] === '}') {
        index++;
        return obj;
      }
      for (;;) {
        skipSpace(path);
        if (text[index] !== '"') {
          fail(
            text[index] === '}'
              ? coded('commaBeforeBrace')
              : curly()
                ? coded('curlyQuotes')
                : text[index] === "'"
                  ? coded('singleQuotes')
                  : /[A-Za-z_$]/.test(text[index] ?? '')
                    ? coded('unquotedFieldName', { name: /^[\w$-]+/.exec(text.slice(index, index + 64))![0] })
                    : coded('expectedFieldName', { found: describeChar() }),
            path,
          );
        }
        const keyPos = here();
        if (++keyCount > maxKeys) fail(coded('tooManyKeys', { limit: maxKeys }), path);
        const name = readString(path);
        skipSpace(path);
        if (text[index] !== ':') fail(coded('expectedColon', { name, found: describeChar() }), path);
        index++;
        const childPath = child(path, name, keyed);
        const value = readValue(childPath, depth + 1, keyPos);
        if (RESERVED_NAMES.has(name)) {
          problems.push({ position: keyPos, path: toPath(childPath), message: coded('reservedField', { name }) });
        } else if (seenKeys.has(name)) {
          const first = seenKeys.get(name)!;
          problems.push({ position: keyPos, path: toPath(childPath), message: coded('duplicateField', { name, line: first.line, column: first.column }) });
        } else {
          seenKeys.set(name, keyPos);
          obj[name] = value;
        }
        skipSpace(path);
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return obj;
        }
        fail(text[index] === '"' ? coded('commaMissingField') : quoteInside(value) ? coded('quoteInsideText') : curly() ? coded('curlyQuotes') : coded('expectedCommaOrBrace', { found: describeChar() }), path);
      }
    }
    if (c === '[') {
      index++;
      const list: unknown[] = [];
      skipSpace(path);
      if (text[index] === ']') {
        index++;
        return list;
      }
      for (;;) {
        if (list.length >= maxItems) fail(coded('tooManyItems', { limit: maxItems }), path);
        const item = readValue(child(path, list.length, keyed), depth + 1);
        list.push(item);
        skipSpace(path);
        if (text[index] === ',') {
          index++;
          skipSpace(path);
          if (text[index] === ']') fail(coded('commaBeforeBracket'), path);
          continue;
        }
        if (text[index] === ']') {
          index++;
          return list;
        }
        fail(
          quoteInside(item) && text[index] !== '"'
            ? coded('quoteInsideText')
            : index < text.length && '"{[0123456789-tfn'.includes(text[index]!)
              ? coded('commaMissingItem')
              : curly()
                ? coded('curlyQuotes')
                : coded('expectedCommaOrBracket', { found: describeChar() }),
          path,
        );
      }
    }
    if (c === '"') return readString(path);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return readNumber(path);
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return value;
      }
    }
    if (c === "'") fail(coded('singleQuotes'), path);
    if (curly()) fail(coded('curlyQuotes'), path);
    return fail(index >= text.length ? coded('fileEndsEarly') : coded('expectedValue', { found: describeChar() }), path);
  };

  try {
    const value = readValue(null, 0);
    skipSpace(null);
    if (index < text.length) fail(coded('afterEnd', { found: describeChar() }), null);
    return { ok: true, value, positions, problems, warnings };
  } catch (error) {
    if (error instanceof AllFound) return { ok: true, value: undefined, positions, problems, warnings };
    if (error instanceof SyntaxProblem) {
      return { ok: false, problems: [...problems, { position: error.position, path: error.path, message: error.coded }], warnings };
    }
    throw error;
  }
}
