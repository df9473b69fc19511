/**
 * Mutated shipped scenarios for fuzz and property tests: values replaced by hostile ones or by other
 * ids of the file, fields deleted, renamed, doubled or added, one character put in or taken out, and
 * the mistakes authors make by hand (a + before a number, a decimal comma, a forgotten closing
 * quote, fields in a list, a format number from elsewhere).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export const SHIPPED: readonly unknown[] = ['example', 'school', 'hospital', 'townhall'].map((name) => JSON.parse(readFileSync(new URL(`../../levels/${name}.json`, import.meta.url), 'utf8')) as unknown);

/** Values an author (or a prankster) may write where something else belongs. */
export const HOSTILE: readonly unknown[] = [null, {}, [], [null], { nl: 'x', en: 'y' }, { nl: null }, '', 'x', ' ', 0, -1, 1.5, 1e6, -1e9, true, false, '__proto__', 'constructor', 'toString', 'hasOwnProperty', '{flag}', '10', 'true', '\u202Egnp.exe', 'x'.repeat(400), [{ meter: 'x' }], { card: null, after: 0 }, { all: [] }, { not: null }];

type Json = unknown;
type Segment = string | number;

/** Every path in a JSON value, for picking one to mutate. */
function paths(value: Json, at: Segment[] = [], out: Segment[][] = []): Segment[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** Ids from the file, so that mutations also make references point at other existing things. */
function ids(value: Json): string[] {
  const found = new Set<string>();
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) (k === 'id' && typeof child === 'string' ? found.add(child) : walk(child));
  };
  walk(value);
  return [...found];
}

type Mutation = { kind: 'replace' | 'delete' | 'duplicate' | 'rename' | 'add'; pick: number; value: number };

function mutate(root: Json, m: Mutation): Json {
  // Paths are grouped by the kind of field (cards.#.choices.#.tags.#), and a kind picked first: a
  // big deck has thousands of texts and few conditions, and each kind of field deserves its turn.
  const kinds = new Map<string, Segment[][]>();
  for (const p of paths(root)) {
    if (p.length === 0) continue;
    const kind = p.map((k) => (typeof k === 'number' ? '#' : k)).join('.');
    kinds.set(kind, [...(kinds.get(kind) ?? []), p]);
  }
  const group = [...kinds.values()][m.pick % kinds.size]!;
  const path = group[m.value % group.length]!;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<Segment, Json>)[k], root) as Record<Segment, Json> | Json[];
  const last = path.at(-1)!;
  // Half the time a hostile value, half the time an id from the file (a reference to something else).
  const names = ids(root);
  const pool = m.value % 2 === 0 || names.length === 0 ? HOSTILE : names;
  const value = structuredClone(pool[(m.value >> 1) % pool.length]);
  if (m.kind === 'replace') (parent as Record<Segment, Json>)[last] = value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last as string];
  } else if (m.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(last as number, 0, structuredClone(parent[last as number]));
    else (parent as Record<string, Json>)[`${String(last)}2`] = structuredClone(parent[last as string]);
  } else if (m.kind === 'rename' && !Array.isArray(parent)) {
    const moved = parent[last as string];
    delete parent[last as string];
    (parent as Record<string, Json>)[`${String(last).slice(1)}`] = moved;
  } else if (m.kind === 'add' && !Array.isArray(parent)) (parent as Record<string, Json>)[String(pool[(m.value >> 2) % pool.length])] = value;
  else if (Array.isArray(parent)) parent.push(value);
  return root;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom('replace', 'replace', 'delete', 'duplicate', 'rename', 'add'), pick: fc.noBias(fc.nat()), value: fc.noBias(fc.nat()) });

/** A text mutation as hostile.test.ts makes them: one character put in, taken out or repeated. */
const textEdit = fc.option(fc.tuple(fc.noBias(fc.nat()), fc.constantFrom('insert', 'delete', 'repeat'), fc.constantFrom('"', ',', '\\', '\uFEFF', '0', '+', '.', '}', ']', ' ', '\u201C', '\u0000')), { freq: 4 });

export const scenarioText = fc.tuple(fc.nat(SHIPPED.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), textEdit).map(([which, mutations, edit]) => {
  let value = structuredClone(SHIPPED[which]);
  for (const m of mutations) value = mutate(value, m);
  let text = JSON.stringify(value, null, 2);
  if (edit) {
    const [at, how, c] = edit;
    const i = at % text.length;
    text = how === 'insert' ? text.slice(0, i) + c + text.slice(i) : how === 'delete' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + text.slice(i, i + 1).repeat(2) + text.slice(i + 1);
  }
  return text;
});

/** One hand-made mistake at the n-th place it can be made in a scenario's text. */
const MISTAKES: readonly [RegExp, (match: RegExpExecArray, n: number) => string][] = [
  [/": (-?)(\d)/g, (m) => `": ${m[1]}+${m[2]}`],
  [/": (-?\d+)([,\n])/g, (m) => `": ${m[1]},5${m[2]}`],
  [/"([^"\n]*)",/g, (m) => `"${m[1]},`],
  [/"effects": \{([^{}]*)\}/g, (m) => `"effects": [${m[1]}]`],
  [/"format": 1/g, (_m, n) => `"format": ${2 + (n % 8)}`],
];

export const mistakeText = fc.tuple(fc.nat(SHIPPED.length - 1), fc.nat(MISTAKES.length - 1), fc.noBias(fc.nat())).map(([which, kind, n]) => {
  const text = JSON.stringify(SHIPPED[which], null, 2);
  const [pattern, make] = MISTAKES[kind]!;
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[n % matches.length]! as RegExpExecArray;
  return text.slice(0, match.index) + make(match, n) + text.slice(match.index + match[0].length);
});

/**
 * Mistakes that the validator answers with a concrete replacement: a misspelt id or field name (one
 * letter dropped), a number out of range, not whole or written as a text, a true written as "true".
 */
export const nearMissText = fc.tuple(fc.nat(SHIPPED.length - 1), fc.noBias(fc.nat()), fc.noBias(fc.nat())).map(([which, pick, n]) => {
  const root = structuredClone(SHIPPED[which]);
  const byKind = new Map<string, Segment[][]>();
  for (const p of paths(root)) {
    if (p.length === 0) continue;
    const kind = p.map((k) => (typeof k === 'number' ? '#' : k)).join('.');
    byKind.set(kind, [...(byKind.get(kind) ?? []), p]);
  }
  const group = [...byKind.values()][pick % byKind.size]!;
  const path = group[n % group.length]!;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<Segment, Json>)[k], root) as Record<Segment, Json>;
  const last = path.at(-1)!;
  const value = parent[last];
  const drop = (s: string) => (s.length > 2 ? s.slice(0, n % s.length) + s.slice((n % s.length) + 1) : `${s}x`);
  if (typeof value === 'number') parent[last] = [-5000, 5000, 1.5, String(value), -1][n % 5]!;
  else if (typeof value === 'boolean') parent[last] = String(value);
  else if (typeof value === 'string') parent[last] = drop(value);
  else if (typeof last === 'string' && !Array.isArray(parent)) {
    const renamed: Record<string, Json> = {};
    for (const [k, v] of Object.entries(parent)) renamed[k === last ? drop(k) : k] = v;
    for (const k of Object.keys(parent)) delete parent[k];
    Object.assign(parent, renamed);
  }
  return JSON.stringify(root, null, 2);
});
