/**
 * The formats (scenario, save, workshop save) are defined with valibot: one definition gives the
 * TypeScript type (`v.InferOutput`), the runtime check, and the published JSON Schema (through
 * @valibot/to-json-schema). This module turns valibot's issues into the validator's problem codes,
 * with the parameters and the "did you mean" suggestion each message needs, and places each at the
 * value or at the key.
 *
 * Every message given to valibot is a problem code (`'expectedNumber'`), sometimes with data the
 * issue cannot carry after a colon (`'unknownField:id,label'`: the fields allowed there). Whatever
 * valibot knows about the failure (the input, the requirement, the path) comes from the issue.
 *
 * Where valibot alone would say less than an author needs, a small helper here builds the schema so
 * that it says it, and the JSON Schema is put back into its plain form:
 * - `fields`: valibot's strictObject reports only the first unknown field of an object; an object
 *   with a `never` rest reports each one. valibot also reads a list as an object (and as a record),
 *   its items as fields "0", "1"…; `fields` and `record` first test that the value is a plain object.
 * - `list`: valibot checks a list's length only when every item is valid (a pipe stops at an invalid
 *   value), so "at least 2 meters" would hide behind a typo in one meter; the length is checked
 *   beside the items.
 * - `byForm`: a valibot union that fails gives one "matches none" issue; an author gets the errors of
 *   the form they meant (a text or an object of languages), picked from the value's form.
 * `list` and `byForm` are valibot schemas (an array with its length, a union) whose `~run`, the method
 * valibot calls on every schema, runs their parts and gives the parts' issues together; their type and
 * JSON Schema are valibot's own.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { coded, counted, found, type Coded, type ProblemCode } from './messages.ts';

export type Path = readonly (string | number)[];

export interface ShapeIssue {
  path: Path;
  message: Coded;
  suggestion?: string;
  /** `key` when the problem is the property name itself (unknown key), so it is located at the key. */
  at?: 'key' | 'value';
}

/** Where a check puts its problems: a list, or a report that keeps the first ones and counts the rest. */
export interface IssueSink {
  push(issue: ShapeIssue): unknown;
}

/** Any valibot schema that reads unknown input into T. */
export type Schema<T = unknown> = v.GenericSchema<unknown, T>;

/** A format's check: `check` puts every problem, with its path, into `out`. */
export interface Shape<T> {
  readonly schema: Schema<T>;
  check(value: unknown, path: Path, out: IssueSink): boolean;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length]!;
}

/** Beyond these, a suggestion costs more time than it is worth (a hostile file has 100,000s of names). */
const SUGGEST_MAX_NAME = 100;
const SUGGEST_MAX_CANDIDATES = 1_000;

/** The closest candidate to a misspelt name, if it is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > SUGGEST_MAX_NAME) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = name.toLowerCase();
  const allowedDistance = Math.max(2, Math.floor(name.length / 3));
  let examined = 0;
  for (const candidate of candidates) {
    if (++examined > SUGGEST_MAX_CANDIDATES) break;
    if (Math.abs(candidate.length - name.length) > allowedDistance && !candidate.toLowerCase().startsWith(lower) && !lower.startsWith(candidate.toLowerCase())) continue;
    const c = candidate.toLowerCase();
    const score = c.startsWith(lower) || lower.startsWith(c) ? 0.5 : editDistance(lower, c);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= allowedDistance ? best : undefined;
}

/** Documentation for editors, put on a schema as valibot metadata (title, description, examples). */
export interface Doc {
  title?: string;
  description?: string;
  examples?: unknown[];
}

/** The schema with its documentation; without any, the schema itself (so a named definition stays a reference). */
export function doc<T>(schema: Schema<T>, d: Doc = {}): Schema<T> {
  if (!d.title && !d.description && !d.examples) return schema;
  return v.pipe(schema, v.metadata({ ...d })) as Schema<T>;
}

/** A text: `min` 1 refuses an empty one; `reserved` names are refused with their own message; `pattern` with its code. */
export function string(options: { min?: 1; max?: number; reserved?: ReadonlySet<string>; pattern?: RegExp; patternCode?: 'badId' | 'badLanguageCode' } = {}, d: Doc = {}): Schema<string> {
  const items: v.GenericPipeItem[] = [];
  if (options.min) items.push(v.minLength(1, 'textEmpty'));
  if (options.max !== undefined) items.push(v.maxLength(options.max, 'textTooLong'));
  if (options.reserved) items.push(v.notValues<string, readonly string[], 'reservedName'>([...options.reserved], 'reservedName'));
  if (options.pattern) items.push(v.regex(options.pattern, options.patternCode ?? 'badId'));
  const base = v.string('expectedText');
  return doc((items.length > 0 ? v.pipe(base, ...(items as [])) : base) as Schema<string>, d);
}

export function number(options: { integer?: boolean; min?: number; max?: number } = {}, d: Doc = {}): Schema<number> {
  const items: v.GenericPipeItem[] = [];
  if (options.integer) items.push(v.integer('notWhole'));
  if (options.min !== undefined) items.push(v.minValue(options.min, 'tooSmall'));
  if (options.max !== undefined) items.push(v.maxValue(options.max, 'tooBig'));
  const base = v.number(options.integer ? 'expectedWholeNumber' : 'expectedNumber');
  return doc((items.length > 0 ? v.pipe(base, ...(items as [])) : base) as Schema<number>, d);
}

export const boolean = (d: Doc = {}): Schema<boolean> => doc(v.boolean('expectedBoolean'), d);

export const literal = <const T extends string | number>(value: T, d: Doc = {}): Schema<T> => doc(v.literal(value, 'wrongConstant') as Schema<T>, d);

export const oneOf = <const V extends string>(values: readonly V[], d: Doc = {}): Schema<V> => doc(v.picklist(values, `notOneOf:${values.join(',')}`) as unknown as Schema<V>, d);

export const nullable = <T>(schema: Schema<T>): Schema<T | null> => v.nullable(schema) as Schema<T | null>;

/** A map from names to values; `keyName` is the example name in the message for a value that is not an object. */
export function record<T>(key: Schema<string>, value: Schema<T>, keyName = 'name', options: { min?: number } = {}, d: Doc = {}): Schema<Record<string, T>> {
  const tag = `expectedRecord:${keyName}` as const;
  const base = v.record(key as unknown as v.GenericSchema<string, string>, value, tag);
  const counted = (options.min !== undefined ? v.pipe(base, v.minEntries(options.min, 'needsEntries')) : base) as unknown as Schema<Record<string, T>>;
  // valibot reads a list as a record of its items; an author is told it is not one.
  return doc(byForm([[isPlainObject, counted]], tag), d);
}

type Entries = Record<string, v.GenericSchema>;

/**
 * An object with exactly these fields: each unknown field is its own problem, at its key, with the
 * closest allowed name suggested. `kinds`: keys that each make a different kind of this value (the
 * kinds of condition), so that two of them in one object get their own message.
 */
export function fields<const E extends Entries>(entries: E, options: { kinds?: readonly string[] } = {}): v.ObjectSchema<E, undefined> {
  const known = Object.keys(entries).join(',');
  const tag = options.kinds ? `conditionField:${known}` : `unknownField:${known}`;
  // The rest is `never`: no value can stand under another name, so valibot's type says nothing of it.
  // valibot reads a list as an object (its items as fields "0", "1"…); an author is told it is not one.
  return byForm([[isPlainObject, v.objectWithRest(entries, v.never(tag), 'expectedObject')]], 'expectedObject') as unknown as v.ObjectSchema<E, undefined>;
}

/**
 * A list of `item`s with at least `min` and at most `max`. valibot checks a length only when every
 * item is valid (a pipe stops at an invalid value), so the count is checked beside the items here and
 * the issues of both are given; its type and JSON Schema are valibot's array with that length.
 */
export function list<T>(item: Schema<T>, options: { min?: number; max?: number } = {}): Schema<T[]> {
  const items = v.array(item, 'expectedList');
  const count: v.GenericPipeItem[] = [];
  if (options.min !== undefined) count.push(v.minLength(options.min, 'tooFewListItems'));
  if (options.max !== undefined) count.push(v.maxLength(options.max, 'tooManyListItems'));
  if (count.length === 0) return items as Schema<T[]>;
  const counted = v.pipe(items, ...(count as []));
  const length = v.pipe(v.array(v.unknown(), 'expectedList'), ...(count as []));
  return {
    ...counted,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const checked = items['~run']({ value: dataset.value }, config);
      if (!Array.isArray(dataset.value)) return checked;
      const counts = length['~run']({ value: dataset.value }, config);
      if (!counts.issues) return checked;
      return { typed: false, value: checked.value, issues: [...counts.issues, ...(checked.issues ?? [])] };
    },
  } as unknown as Schema<T[]>;
}

/**
 * A choice between forms, picked by the value's form: the first variant whose test accepts the value
 * is checked, so an author gets the errors of the form they meant. `noMatch` is the problem code when
 * none does. It is valibot's union (so its type and JSON Schema are the union's) whose run picks the
 * variant instead of trying each: a failed union would give one "matches none" issue.
 */
export function byForm<const V extends readonly (readonly [(value: unknown) => boolean, Schema<unknown>])[]>(variants: V, noMatch: ProblemCode | `${ProblemCode}:${string}`, d: Doc = {}): Schema<v.InferOutput<V[number][1]>> {
  type Out = v.InferOutput<V[number][1]>;
  const none = v.custom<Out>(() => false, noMatch);
  const union = v.union(variants.map(([, s]) => s));
  const picked = {
    ...union,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const value = dataset.value;
      const chosen = variants.find(([test]) => test(value))?.[1] ?? none;
      return chosen['~run'](dataset, config);
    },
  };
  return doc(picked as unknown as Schema<Out>, d);
}

/** A named definition used by reference: the JSON Schema says "$ref" there (and it may be recursive). */
export function ref<T>(get: () => Schema<T>): Schema<T> {
  return v.lazy(get) as unknown as Schema<T>;
}

/** The JSON Schema of `root`, with `definitions` under $defs, in the plain forms the helpers above stand for. */
export function jsonSchemaOf(root: Schema, definitions: Record<string, Schema>, meta: Record<string, unknown>): Record<string, unknown> {
  const body = toJsonSchema(root, {
    target: 'draft-2020-12',
    definitions,
    // A rule on the whole value (a meter condition needs a comparison) has no JSON Schema form; minProperties says part of it.
    ignoreActions: ['check'],
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const s = valibotSchema as { type: string; rest?: { type: string } };
      if (s.type === 'object_with_rest' && s.rest?.type === 'never') {
        const { required, ...object } = jsonSchema;
        return { ...object, additionalProperties: false, ...(Array.isArray(required) && required.length > 0 ? { required } : {}) };
      }
      if (s.type === 'record' && JSON.stringify(jsonSchema.propertyNames) === '{"type":"string"}') {
        const { propertyNames: _, ...anyName } = jsonSchema;
        return anyName;
      }
      // A form test with one form (a plain object, not a list) is that form.
      if (s.type === 'union' && Array.isArray(jsonSchema.anyOf) && jsonSchema.anyOf.length === 1) return { ...(jsonSchema.anyOf[0] as object), ...Object.fromEntries(Object.entries(jsonSchema).filter(([k]) => k !== 'anyOf')) };
      return undefined;
    },
  }) as Record<string, unknown>;
  const { $schema: _, ...rest } = body;
  return { ...meta, ...rest };
}

export function shape<T>(schema: Schema<T>): Shape<T> {
  return {
    schema,
    check(value, path, out) {
      const result = v.safeParse(schema, value, { abortPipeEarly: true });
      if (result.success) return true;
      for (const issue of shapeIssues(result.issues, path)) out.push(issue);
      return false;
    },
  };
}

function numericText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const written = value.trim().replace(',', '.');
  return Number.isFinite(Number(written)) ? written : undefined;
}

/** valibot's issues as the validator's problems: code, parameters, suggestion, and key or value. */
function shapeIssues(issues: readonly v.BaseIssue<unknown>[], base: Path): ShapeIssue[] {
  const out: ShapeIssue[] = [];
  const seen = new Set<string>();
  /** Per object (by path), the field names that a misspelt key's suggestion already names. */
  const suggested = new Map<string, Set<string>>();
  const missing: { objectPath: Path; field: string; issue: ShapeIssue }[] = [];
  const add = (issue: ShapeIssue) => {
    const key = `${JSON.stringify(issue.path)} ${JSON.stringify(issue.message)} ${issue.at ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(issue);
  };
  for (const issue of issues) {
    const items = issue.path ?? [];
    const path: Path = [...base, ...items.map((p) => p.key as string | number)];
    const last = items.at(-1);
    const [tag, data] = splitTag(issue.message);
    const input = issue.input;
    const parentPath = path.slice(0, -1);
    if (last?.origin === 'key' && issue.kind === 'schema' && issue.type === 'object_with_rest') {
      // A field the object needs is not there: said at the object.
      const field = String(last.key);
      const problem: ShapeIssue = { path: parentPath, message: coded('missingField', { key: field }) };
      missing.push({ objectPath: parentPath, field, issue: problem });
      continue;
    }
    if (tag === 'unknownField' || tag === 'conditionField') {
      const name = String(last!.key);
      const known = data.split(',');
      const hint = closest(name, known);
      if (hint) {
        const k = JSON.stringify(parentPath);
        suggested.set(k, (suggested.get(k) ?? new Set()).add(hint));
      }
      const object = last!.input as Record<string, unknown>;
      const message =
        tag === 'conditionField' && CONDITION_KINDS.includes(name)
          ? coded('twoConditionKinds', { first: CONDITION_KINDS.find((k) => Object.hasOwn(object, k) && k !== name && known.includes(k)) ?? '', second: name })
          : coded('unknownField', { key: name, allowed: known.join(', ') });
      add({ path, at: 'key', message, ...(hint ? { suggestion: `"${hint}"` } : {}) });
      continue;
    }
    const problem = worded(tag as ProblemCode, data, issue, input, path);
    add({ path, message: problem.message, ...(problem.suggestion ? { suggestion: problem.suggestion } : {}), ...(last?.origin === 'key' ? { at: 'key' as const } : {}) });
  }
  // A misspelt key already says what is missing, with the right spelling.
  for (const m of missing) {
    if (suggested.get(JSON.stringify(m.objectPath))?.has(m.field)) continue;
    add(m.issue);
  }
  return out;
}

/** The kinds of condition; a second one in one condition object is its own mistake. */
export const CONDITION_KINDS: readonly string[] = ['meter', 'flag', 'turn', 'seen', 'chose', 'mostly', 'all', 'any', 'not'];

function splitTag(message: string): [string, string] {
  const colon = message.indexOf(':');
  return colon < 0 ? [message, ''] : [message.slice(0, colon), message.slice(colon + 1)];
}

function worded(code: ProblemCode, data: string, issue: v.BaseIssue<unknown>, input: unknown, path: Path): { message: Coded; suggestion?: string } {
  const requirement = (issue as { requirement?: unknown }).requirement;
  switch (code) {
    case 'expectedText':
      return { message: coded('expectedText', { found: found(input), value: typeof input === 'number' || typeof input === 'boolean' ? String(input) : '…' }) };
    case 'textTooLong': {
      const length = (input as string).length;
      return { message: coded('textTooLong', { length, max: Number(requirement), over: length - Number(requirement) }) };
    }
    case 'reservedName':
      return { message: coded('reservedName', { name: String(input) }) };
    case 'badId': {
      const value = String(input);
      const fixed = value.trim().toLowerCase().replace(/[^a-z0-9_.:-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
      return { message: coded('badId', { value, pattern: (requirement as RegExp).source }), ...(fixed ? { suggestion: `"${fixed}"` } : {}) };
    }
    case 'badLanguageCode':
      return { message: coded('badLanguageCode', { value: String(input), pattern: (requirement as RegExp).source }) };
    case 'expectedNumber':
    case 'expectedWholeNumber': {
      const text = numericText(input);
      return text !== undefined ? { message: coded('numberAsText', { text: input as string }), suggestion: text } : { message: coded(code, { found: found(input) }) };
    }
    case 'notWhole':
      return { message: coded('notWhole', { value: input as number, rounded: Math.round(input as number) }), suggestion: String(Math.round(input as number)) };
    case 'tooSmall':
      return { message: coded('tooSmall', { value: input as number, min: Number(requirement) }), suggestion: String(requirement) };
    case 'tooBig':
      return { message: coded('tooBig', { value: input as number, max: Number(requirement) }), suggestion: String(requirement) };
    case 'expectedBoolean':
      return input === 'true' || input === 'false' ? { message: coded('booleanAsText', { text: input }), suggestion: input } : { message: coded('expectedBoolean', { found: found(input) }) };
    case 'wrongConstant':
      // A format number above this version's: the file is not wrong, the game is too old for it.
      if (typeof input === 'number' && Number.isInteger(input) && issue.expected !== null && /^\d+$/.test(issue.expected) && input > Number(issue.expected)) {
        return { message: coded('newerFormat', { found: input, expected: Number(issue.expected) }) };
      }
      return { message: coded('wrongConstant', { expected: issue.expected ?? '', found: found(input) }), suggestion: issue.expected ?? '' };
    case 'notOneOf': {
      const allowed = data.split(',');
      const hint = typeof input === 'string' ? closest(input, allowed) : undefined;
      return { message: coded('notOneOf', { allowed: allowed.map((a) => `"${a}"`).join(', '), found: found(input) }), ...(hint ? { suggestion: `"${hint}"` } : {}) };
    }
    case 'tooFewListItems': {
      const count = (input as unknown[]).length;
      const min = Number(requirement);
      if (path.at(-1) === 'choices') return { message: coded('tooFewChoices', { count: counted(count, 'choices'), min }) };
      return { message: coded('tooFewListItems', { count: counted(count, 'items'), min, missing: counted(min - count, 'items') }) };
    }
    case 'tooManyListItems': {
      const count = (input as unknown[]).length;
      const max = Number(requirement);
      if (path.at(-1) === 'choices') return { message: coded('tooManyChoices', { count: counted(count, 'choices'), max, over: counted(count - max, 'choices') }) };
      return { message: coded('tooManyListItems', { count: counted(count, 'items'), max, over: counted(count - max, 'items') }) };
    }
    case 'expectedRecord':
      return { message: coded('expectedRecord', { key: data || 'name', found: found(input) }) };
    case 'needsEntries':
      return { message: coded('needsEntries', { min: Number(requirement) }) };
    case 'meterNeedsComparison':
      return { message: coded('meterNeedsComparison', { meter: String((input as Record<string, unknown>).meter) }) };
    case 'conditionKindMissing':
      return { message: isPlainObject(input) ? coded('conditionKindMissing', { kinds: CONDITION_KINDS.join(', ') }) : coded('expectedCondition', { found: found(input) }) };
    case 'textEmpty':
      return { message: coded('textEmpty') };
    default:
      // The rest take what was found: expectedList, expectedObject, badNext, badFlagValue, expectedTextOrLanguages.
      return { message: coded(code, { found: found(input) }) };
  }
}
