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
import { guardMessages } from './guardMessages.ts';
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
  message: string;
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
    message: string,
  ) {
    super(message);
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
      problems: [{ position: { line: 1, column: 1 }, path: [], message: `the file is ${(size / 1e6).toFixed(1)} MB; scenario files may be at most ${LIMITS.fileBytes / 1e6} MB` }],
      warnings: [],
    };
  }
  const positions = new Map<string, Located>();
  const wanted = options.positions ?? 'all';
  // Path keys are built only where a position may be wanted: a wanted set holds every prefix of its paths.
  const keyed = wanted !== 'none';
  const remember = wanted === 'all' ? () => true : wanted === 'none' ? () => false : (key: string) => wanted.has(key);
  const problems: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  let index = 0;
  if (text.charCodeAt(0) === BOM) {
    warnings.push({ position: { line: 1, column: 1 }, path: [], message: guardMessages.bomAtStart() });
    index = 1;
  }
  let line = 1;
  let lineStart = 0;

  const here = (): Position => ({ line, column: index - lineStart + 1 });
  const fail = (message: string, node: PathNode | null, position: Position = here()): never => {
    throw new SyntaxProblem(position, toPath(node), message);
  };
  const describeChar = (): string => {
    if (index >= text.length) return 'the end of the file';
    const c = text[index]!;
    return c === '\n' ? 'the end of the line' : `"${c}"`;
  };

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
        fail(guardMessages.bomInside(), path);
      } else if (c === 47 && (text[index + 1] === '/' || text[index + 1] === '*')) {
        fail('comments are not allowed in JSON; remove the // or /* */ text', path);
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
      if (index >= text.length) fail('this text is never closed: add a closing "', path, start);
      const c = text.charCodeAt(index);
      if (c === 34) {
        out += text.slice(chunkStart, index);
        index++;
        break;
      }
      if (c === 10) fail('this text runs past the end of the line: add a closing " (or write \\n for a line break)', path, start);
      if (c < 32) fail('control characters must be escaped inside a text', path);
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
          fail(`"\\${e ?? ''}" is not a valid escape; use \\" \\\\ \\n \\t or \\uXXXX`, path);
        }
        chunkStart = index;
        continue;
      }
      index++;
      if (out.length + (index - chunkStart) > LIMITS.stringLength) {
        fail(guardMessages.tooLongText(LIMITS.stringLength), path, start);
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
    if (end < 0) fail(`${describeChar()} is not a valid number`, path);
    if (end - index > LIMITS.numberLength) fail(guardMessages.tooLongNumber(LIMITS.numberLength), path);
    const n = Number(text.slice(index, end));
    index = end;
    if (!Number.isFinite(n)) fail('this number is too large', path);
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
    if (depth > LIMITS.depth) fail(`the file is nested more than ${LIMITS.depth} levels deep`, path);
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
          fail(text[index] === '}' ? 'remove the comma before "}"' : `expected a field name in double quotes, found ${describeChar()}`, path);
        }
        const keyPos = here();
        if (++keyCount > LIMITS.objectKeys) fail(guardMessages.tooManyKeys(LIMITS.objectKeys), path);
        const name = readString(path);
        skipSpace(path);
        if (text[index] !== ':') fail(`expected ":" after "${name}", found ${describeChar()}`, path);
        index++;
        const childPath = child(path, name, keyed);
        const value = readValue(childPath, depth + 1, keyPos);
        if (RESERVED_NAMES.has(name)) {
          problems.push({ position: keyPos, path: toPath(childPath), message: `the field name "${name}" is not allowed (it could change how the program works)` });
        } else if (seenKeys.has(name)) {
          const first = seenKeys.get(name)!;
          problems.push({ position: keyPos, path: toPath(childPath), message: `"${name}" appears twice in this object (first at line ${first.line}, column ${first.column}); only one is kept` });
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
        fail(text[index] === '"' ? 'a comma is missing before this field' : `expected "," or "}" here, found ${describeChar()}`, path);
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
        if (list.length >= LIMITS.listItems) fail(guardMessages.tooManyItems(LIMITS.listItems), path);
        list.push(readValue(child(path, list.length, keyed), depth + 1));
        skipSpace(path);
        if (text[index] === ',') {
          index++;
          skipSpace(path);
          if (text[index] === ']') fail('remove the comma before "]"', path);
          continue;
        }
        if (text[index] === ']') {
          index++;
          return list;
        }
        fail(index < text.length && '"{[0123456789-tfn'.includes(text[index]!) ? 'a comma is missing before this item' : `expected "," or "]" here, found ${describeChar()}`, path);
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
    if (c === "'") fail('use double quotes " for texts and names, not single quotes', path);
    return fail(index >= text.length ? 'the file ends where a value was expected' : `expected a value (text, number, true, false, null, { or [), found ${describeChar()}`, path);
  };

  try {
    const value = readValue(null, 0);
    skipSpace(null);
    if (index < text.length) fail(`unexpected ${describeChar()} after the end of the data`, null);
    return { ok: true, value, positions, problems, warnings };
  } catch (error) {
    if (error instanceof AllFound) return { ok: true, value: undefined, positions, problems, warnings };
    if (error instanceof SyntaxProblem) {
      return { ok: false, problems: [...problems, { position: error.position, path: error.path, message: error.message }], warnings };
    }
    throw error;
  }
}
