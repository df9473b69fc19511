/**
 * A small shape language: one definition of a data format gives its TypeScript type (`Infer`), a
 * runtime check that reports every problem with its path, and a JSON Schema for editors.
 * It exists so that the scenario format has exactly one source of truth.
 */

import { coded, found, type Coded } from './messages.ts';

export type Path = readonly (string | number)[];

export interface ShapeIssue {
  path: Path;
  message: Coded;
  suggestion?: string;
  /** `key` when the problem is the property name itself (unknown key), so it is located at the key. */
  at?: 'key' | 'value';
}

export interface Doc {
  title?: string;
  description?: string;
  examples?: unknown[];
}

type JsonSchema = Record<string, unknown>;

interface SchemaContext {
  defs: Record<string, JsonSchema>;
}

/** Where a check puts its problems: a list, or a report that keeps the first ones and counts the rest. */
export interface IssueSink {
  push(issue: ShapeIssue): unknown;
}

export interface Shape<T> {
  readonly _type?: T;
  readonly doc: Doc;
  /** Name under `$defs` in the JSON Schema, for shapes used in many places or recursively. */
  readonly defName?: string;
  check(value: unknown, path: Path, out: IssueSink): boolean;
  schema(ctx: SchemaContext): JsonSchema;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withDoc(schema: JsonSchema, doc: Doc): JsonSchema {
  const out: JsonSchema = {};
  if (doc.title) out.title = doc.title;
  if (doc.description) out.description = doc.description;
  Object.assign(out, schema);
  if (doc.examples) out.examples = doc.examples;
  return out;
}

function emit(shape: Shape<unknown>, ctx: SchemaContext): JsonSchema {
  if (!shape.defName) return shape.schema(ctx);
  if (!(shape.defName in ctx.defs)) {
    ctx.defs[shape.defName] = {};
    ctx.defs[shape.defName] = shape.schema(ctx);
  }
  return { $ref: `#/$defs/${shape.defName}` };
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

interface StringOptions {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** The message for a value that does not match the pattern (it says what is allowed). */
  patternCode?: 'badId' | 'badLanguageCode';
  /** Values refused with their own message, such as names JavaScript gives a meaning to. */
  reserved?: { names: ReadonlySet<string> };
}

export function string(options: StringOptions = {}, doc: Doc = {}): Shape<string> {
  return {
    doc,
    check(value, path, out) {
      if (typeof value !== 'string') {
        out.push({ path, message: typeof value === 'number' || typeof value === 'boolean' ? coded('expectedText', { found: found(value), value: String(value) }) : coded('expectedText', { found: found(value), value: '…' }) });
        return false;
      }
      if (options.minLength !== undefined && value.length < options.minLength) {
        out.push({ path, message: options.minLength === 1 ? coded('textEmpty') : coded('textTooShort', { min: options.minLength }) });
        return false;
      }
      if (options.maxLength !== undefined && value.length > options.maxLength) {
        out.push({ path, message: coded('textTooLong', { length: value.length, max: options.maxLength, over: value.length - options.maxLength }) });
        return false;
      }
      if (options.reserved?.names.has(value)) {
        out.push({ path, message: coded('reservedName', { name: value }) });
        return false;
      }
      if (options.pattern && !options.pattern.test(value)) {
        const fixed = value.trim().toLowerCase().replace(/[^a-z0-9_.:-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
        out.push({ path, message: coded(options.patternCode ?? 'badPattern', { value, pattern: options.pattern.source }), ...(options.patternCode === 'badId' && fixed ? { suggestion: `"${fixed}"` } : {}) });
        return false;
      }
      return true;
    },
    schema() {
      const s: JsonSchema = { type: 'string' };
      if (options.minLength !== undefined) s.minLength = options.minLength;
      if (options.maxLength !== undefined) s.maxLength = options.maxLength;
      if (options.pattern) s.pattern = options.pattern.source;
      if (options.reserved) s.not = { enum: [...options.reserved.names] };
      return withDoc(s, doc);
    },
  };
}

interface NumberOptions {
  integer?: boolean;
  min?: number;
  max?: number;
}

export function number(options: NumberOptions = {}, doc: Doc = {}): Shape<number> {
  return {
    doc,
    check(value, path, out) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        out.push(
          typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim().replace(',', '.')))
            ? { path, message: coded('numberAsText', { text: value }), suggestion: value.trim().replace(',', '.') }
            : { path, message: coded(options.integer ? 'expectedWholeNumber' : 'expectedNumber', { found: found(value) }) },
        );
        return false;
      }
      if (options.integer && !Number.isInteger(value)) {
        out.push({ path, message: coded('notWhole', { value, rounded: Math.round(value) }), suggestion: String(Math.round(value)) });
        return false;
      }
      if (options.min !== undefined && value < options.min) {
        out.push({ path, message: coded('tooSmall', { value, min: options.min }), suggestion: String(options.min) });
        return false;
      }
      if (options.max !== undefined && value > options.max) {
        out.push({ path, message: coded('tooBig', { value, max: options.max }), suggestion: String(options.max) });
        return false;
      }
      return true;
    },
    schema() {
      const s: JsonSchema = { type: options.integer ? 'integer' : 'number' };
      if (options.min !== undefined) s.minimum = options.min;
      if (options.max !== undefined) s.maximum = options.max;
      return withDoc(s, doc);
    },
  };
}

export function boolean(doc: Doc = {}): Shape<boolean> {
  return {
    doc,
    check(value, path, out) {
      if (typeof value !== 'boolean') {
        out.push(
          value === 'true' || value === 'false'
            ? { path, message: coded('booleanAsText', { text: value }), suggestion: value }
            : { path, message: coded('expectedBoolean', { found: found(value) }) },
        );
        return false;
      }
      return true;
    },
    schema: () => withDoc({ type: 'boolean' }, doc),
  };
}

export function literal<const V extends string | number | boolean>(expected: V, doc: Doc = {}): Shape<V> {
  return {
    doc,
    check(value, path, out) {
      if (value !== expected) {
        out.push({ path, message: coded('wrongConstant', { expected: JSON.stringify(expected), found: found(value) }), suggestion: JSON.stringify(expected) });
        return false;
      }
      return true;
    },
    schema: () => withDoc({ const: expected }, doc),
  };
}

export function oneOf<const V extends string>(values: readonly V[], doc: Doc = {}): Shape<V> {
  return {
    doc,
    check(value, path, out) {
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
        const hint = typeof value === 'string' ? closest(value, values) : undefined;
        out.push({
          path,
          message: coded('notOneOf', { allowed: values.map((v) => `"${v}"`).join(', '), found: found(value) }),
          ...(hint ? { suggestion: `"${hint}"` } : {}),
        });
        return false;
      }
      return true;
    },
    schema: () => withDoc({ enum: [...values] }, doc),
  };
}

export function array<T>(item: Shape<T>, options: { min?: number; max?: number } = {}, doc: Doc = {}): Shape<T[]> {
  return {
    doc,
    check(value, path, out) {
      if (!Array.isArray(value)) {
        out.push({ path, message: coded('expectedList', { found: found(value) }) });
        return false;
      }
      let ok = true;
      if (options.min !== undefined && value.length < options.min) {
        out.push({ path, message: coded('tooFewListItems', { count: value.length, min: options.min }) });
        ok = false;
      }
      if (options.max !== undefined && value.length > options.max) {
        out.push({ path, message: coded('tooManyListItems', { count: value.length, max: options.max, over: value.length - options.max }) });
        ok = false;
      }
      value.forEach((element, index) => {
        if (!item.check(element, [...path, index], out)) ok = false;
      });
      return ok;
    },
    schema(ctx) {
      const s: JsonSchema = { type: 'array', items: emit(item, ctx) };
      if (options.min !== undefined) s.minItems = options.min;
      if (options.max !== undefined) s.maxItems = options.max;
      return withDoc(s, doc);
    },
  };
}

interface Field<T, O extends boolean> {
  shape: Shape<T>;
  optional: O;
  /** What this field means here, for editors; a shared shape (such as Text) says only what it is. */
  doc?: Doc;
}

export function required<T>(shape: Shape<T>, doc?: Doc): Field<T, false> {
  return doc ? { shape, optional: false, doc } : { shape, optional: false };
}

export function optional<T>(shape: Shape<T>, doc?: Doc): Field<T, true> {
  return doc ? { shape, optional: true, doc } : { shape, optional: true };
}

type Fields = Record<string, Field<unknown, boolean>>;
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K]['optional'] extends true ? never : K }[keyof F];
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K]['optional'] extends true ? K : never }[keyof F];
type FieldType<F> = F extends Field<infer T, boolean> ? T : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectType<F extends Fields> = Simplify<
  { [K in RequiredKeys<F>]: FieldType<F[K]> } & { [K in OptionalKeys<F>]?: FieldType<F[K]> }
>;

interface ObjectOptions {
  defName?: string;
  /** Extra rules that need the whole object; return problems as messages about the object. */
  refine?: (value: Record<string, unknown>) => Coded | undefined;
  /** Keys that each make a different kind of this value (the kinds of condition): two of them in one object is its own mistake. */
  kinds?: readonly string[];
  minProperties?: number;
}

export function object<F extends Fields>(fields: F, doc: Doc = {}, options: ObjectOptions = {}): Shape<ObjectType<F>> {
  const known = Object.keys(fields);
  return {
    doc,
    ...(options.defName ? { defName: options.defName } : {}),
    check(value, path, out) {
      if (!isPlainObject(value)) {
        out.push({ path, message: coded('expectedObject', { found: found(value) }) });
        return false;
      }
      let ok = true;
      const misspelt = new Set<string>();
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(fields, key)) {
          const hint = closest(key, known);
          if (hint) misspelt.add(hint);
          out.push({
            path: [...path, key],
            at: 'key',
            message: options.kinds?.includes(key) ? coded('twoConditionKinds', { first: options.kinds.find((k) => Object.hasOwn(value, k) && k !== key && Object.hasOwn(fields, k)) ?? '', second: key }) : coded('unknownField', { key, allowed: known.join(', ') }),
            ...(hint ? { suggestion: `"${hint}"` } : {}),
          });
          ok = false;
        }
      }
      for (const [key, field] of Object.entries(fields)) {
        if (!Object.hasOwn(value, key) || value[key] === undefined) {
          // A misspelt key already says what is missing, with the right spelling.
          if (!field.optional && !misspelt.has(key)) {
            out.push({ path, message: coded('missingField', { key }) });
            ok = false;
          } else if (!field.optional) {
            ok = false;
          }
          continue;
        }
        if (!field.shape.check(value[key], [...path, key], out)) ok = false;
      }
      if (ok && options.refine) {
        const problem = options.refine(value);
        if (problem) {
          out.push({ path, message: problem });
          ok = false;
        }
      }
      return ok;
    },
    schema(ctx) {
      const properties: Record<string, JsonSchema> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(fields)) {
        const emitted = emit(field.shape, ctx);
        properties[key] = field.doc ? { ...emitted, ...withDoc({}, field.doc) } : emitted;
        if (!field.optional) requiredKeys.push(key);
      }
      const s: JsonSchema = { type: 'object', properties, additionalProperties: false };
      if (requiredKeys.length > 0) s.required = requiredKeys;
      if (options.minProperties !== undefined) s.minProperties = options.minProperties;
      return withDoc(s, doc);
    },
  };
}

export function record<T>(
  value: Shape<T>,
  options: { key?: Shape<string>; min?: number; keyName?: string } = {},
  doc: Doc = {},
): Shape<Record<string, T>> {
  return {
    doc,
    check(input, path, out) {
      if (!isPlainObject(input)) {
        out.push({ path, message: coded('expectedRecord', { key: options.keyName ?? 'name', found: found(input) }) });
        return false;
      }
      let ok = true;
      const keys = Object.keys(input);
      if (options.min !== undefined && keys.length < options.min) {
        out.push({ path, message: coded('needsEntries', { min: options.min }) });
        ok = false;
      }
      for (const key of keys) {
        if (options.key) {
          const keyIssues: ShapeIssue[] = [];
          if (!options.key.check(key, [...path, key], keyIssues)) {
            for (const issue of keyIssues) out.push({ ...issue, at: 'key' });
            ok = false;
            continue;
          }
        }
        if (!value.check(input[key], [...path, key], out)) ok = false;
      }
      return ok;
    },
    schema(ctx) {
      const s: JsonSchema = { type: 'object', additionalProperties: emit(value, ctx) };
      if (options.key) s.propertyNames = options.key.schema(ctx);
      if (options.min !== undefined) s.minProperties = options.min;
      return withDoc(s, doc);
    },
  };
}

interface Variant {
  /** Whether this variant is the one the author meant, judged from the value's form alone. */
  matches(value: unknown): boolean;
  shape: Shape<unknown>;
}

export function variant<T>(matches: (value: unknown) => boolean, shape: Shape<T>): Variant & { shape: Shape<T> } {
  return { matches, shape };
}

type VariantType<V> = V extends { shape: Shape<infer T> } ? T : never;

/**
 * A choice between forms. The first variant whose `matches` accepts the value is checked, so an
 * author gets the errors of the form they meant instead of "matches none of".
 */
export function union<const V extends readonly Variant[]>(
  variants: V,
  noMatch: (value: unknown) => Coded,
  doc: Doc = {},
  defName?: string,
): Shape<VariantType<V[number]>> {
  return {
    doc,
    ...(defName ? { defName } : {}),
    check(value, path, out) {
      const chosen = variants.find((v) => v.matches(value));
      if (!chosen) {
        out.push({ path, message: noMatch(value) });
        return false;
      }
      return chosen.shape.check(value, path, out);
    },
    schema(ctx) {
      return withDoc({ anyOf: variants.map((v) => emit(v.shape, ctx)) }, doc);
    },
  };
}

/** A shape defined later, for recursive formats; the caller states its type. */
export function lazy<T>(make: () => Shape<T>, defName: string, doc: Doc = {}): Shape<T> {
  // Made once, on first use: making it per check cost seconds on a file with 100,000s of conditions.
  let made: Shape<T> | undefined;
  const get = () => (made ??= make());
  return {
    doc,
    defName,
    check: (value, path, out) => get().check(value, path, out),
    schema: (ctx) => withDoc(emit(get(), ctx), doc),
  };
}

export function toJsonSchema(root: Shape<unknown>, meta: JsonSchema): JsonSchema {
  const ctx: SchemaContext = { defs: {} };
  const body = root.schema(ctx);
  const defs = Object.fromEntries(Object.entries(ctx.defs).sort(([a], [b]) => a.localeCompare(b)));
  return { ...meta, ...body, $defs: defs };
}

export function nullable<T>(shape: Shape<T>, doc: Doc = {}): Shape<T | null> {
  return {
    doc,
    check: (value, path, out) => value === null || shape.check(value, path, out),
    schema: (ctx) => withDoc({ anyOf: [{ type: 'null' }, emit(shape, ctx)] }, doc),
  };
}
