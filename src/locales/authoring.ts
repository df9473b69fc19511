/**
 * Messages for scenario authors (the validator, simulator, balance check and strings tool, on the
 * command line and on the in-game problems screen), in Dutch and English. Pure: no settings, no
 * DOM, so the command-line tools use it as the game does.
 */
import type { Verdict } from '../engine/balance.ts';
import { found, place, type Coded, type Param, type ProblemCode } from '../engine/messages.ts';
import type { Problem } from '../engine/validate.ts';
import type { Scenario } from '../engine/format.ts';
import { resolveText, type Language } from '../engine/text.ts';
import { authoringEn, type AuthoringKey } from './authoring-en.ts';
import { authoringNl } from './authoring-nl.ts';
import { interpolate } from './format.ts';

export type { AuthoringKey };

export type Params = Readonly<Record<string, Param>>;

/** A message as a key and its parameters, worded only when shown, in the reader's language. */
export interface Said {
  key: AuthoringKey;
  params: Params;
}

const catalogues = new Map<Language, Readonly<Record<AuthoringKey, string>>>([
  ['en', authoringEn],
  ['nl', authoringNl],
]);

/** Every problem code of the engine has a wording in each language (a missing one is a type error here). */
const problemWordings: Readonly<Record<ProblemCode, string>> = authoringEn;
void problemWordings;

/** 20,000 and 20.000: grouped by hand, not toLocaleString, so Node and every browser write the same. */
function grouped(n: number, language: Language): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'nl' ? '.' : ',');
}

/** A nested message the catalogues can word; anything else from a file is described by its form. */
function isCoded(value: unknown, catalogue: Readonly<Record<string, string>>): value is Coded {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Coded).code === 'string' && Object.hasOwn(catalogue, (value as Coded).code) && typeof (value as Coded).params === 'object' && (value as Coded).params !== null;
}

/**
 * One parameter in words. The types say what a parameter is, but a parameter may come from a file
 * (a choice tag written as { "nl": … }, null, a list of anything), so every form is worded, none
 * throws: a value that is no text, number or message is named by its form ("an object { … }").
 */
function paramText(value: unknown, language: Language, catalogue: Readonly<Record<string, string>>, depth = 0): string | number {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && Math.abs(value) >= 10_000) return grouped(value, language);
    if (Number.isFinite(value) && !Number.isInteger(value) && language === 'nl') return String(value).replace('.', ',');
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => (typeof item === 'string' ? `"${item}"` : String(paramText(item, language, catalogue, depth + 1))));
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  }
  if (depth < 8 && isCoded(value, catalogue)) return word(value.code, value.params, language);
  const form = found(value);
  return word(form.code, form.params, language);
}

export function word(key: AuthoringKey, params: Params, language: Language): string {
  const catalogue = catalogues.get(language) ?? authoringEn;
  const plain: Record<string, string | number> = {};
  if (typeof params === 'object' && params !== null) {
    for (const [name, value] of Object.entries(params)) plain[name] = paramText(value, language, catalogue);
  }
  return interpolate(Object.hasOwn(catalogue, key) ? catalogue[key] : String(key), plain);
}

export function wordCoded(message: Coded, language: Language): string {
  return word(message.code, message.params, language);
}

/** A problem in words: what is wrong, how to fix it, and the concrete replacement if there is one. */
export function problemText(p: Problem, language: Language): string {
  const hint = p.suggestion ? ` — ${word('problemSuggestion', { suggestion: p.suggestion }, language)}` : '';
  return `${word(p.code, p.params, language)}${hint}`;
}

/** One line in the compiler format that editors and CI understand: `file:line:col: error|warning: …`. */
export function formatProblem(file: string, p: Problem, language: Language): string {
  return `${file}:${p.line}:${p.column}: ${p.severity}: ${problemText(p, language)} (${word('problemAt', { path: p.path }, language)})`;
}

export function wordSaid(said: Said, language: Language): string {
  return word(said.key, said.params, language);
}

/** The computer's own language as Node's Intl sees it (on Windows the user's display language, where no LANG is set). */
export function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/**
 * The language for a command-line tool: `--lang nl|en` if given, else the language the environment
 * names (LC_ALL, LC_MESSAGES, LANG, in POSIX's order: LANG=nl_NL.UTF-8 gives Dutch), else the
 * computer's own (`systemLocale`). A Windows laptop sets no LANG, so without the last step a Dutch
 * trainer would get English; "C" and "POSIX" name no language and are passed over too.
 */
export function toolLanguage(args: readonly string[], env: Readonly<Record<string, string | undefined>>, system: string = systemLocale()): Language | { error: string } {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) {
    const value = args[i]!.includes('=') ? args[i]!.slice('--lang='.length) : args[i + 1];
    if (value === 'nl' || value === 'en') return value;
    return { error: `--lang needs nl or en / --lang vraagt nl of en (got ${value ?? 'nothing'})` };
  }
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const named = /^(C|POSIX)([.@]|$)/i.test(fromEnv) ? '' : fromEnv;
  return /^nl([_.@-]|$)/i.test(named || system) ? 'nl' : 'en';
}

/** The arguments without `--lang` and its value, for the tool's own parsing. */
export function withoutLang(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') i++;
    else if (!args[i]!.startsWith('--lang=')) out.push(args[i]!);
  }
  return out;
}

/**
 * A balance verdict in words (every verdict code is a key of the catalogues), naming the meter by its
 * label in the reader's language, with its examples and how many games would settle an open one.
 * The number of games goes into the command as digits only (`--runs 25000`), never grouped.
 */
export function wordVerdict(verdict: Verdict, scenario: Scenario, language: Language): string {
  const meterId = verdict.meter ?? String(verdict.params.meter ?? '');
  const meter = scenario.meters.find((m) => m.id === meterId);
  const name = meter ? resolveText(meter.label, language) : meterId;
  // A choice by its place in the file, as every other message names it (players see them shuffled).
  const list = (verdict.examples ?? []).map((e) => word('balanceExample', { card: e.card, place: place(e.choice), effects: e.effects }, language));
  const examples = list.length === 0 ? '' : word(verdict.code === 'balanceFavourFewCards' ? 'balanceExamplesFree' : 'balanceExamples', { list: new Intl.ListFormat(language, { type: 'conjunction' }).format(list) }, language);
  const runs = Number(verdict.params.runs ?? 0);
  const settle = verdict.open ? (runs > 0 ? word('balanceSettleWith', { runs: String(runs) }, language) : word('balanceSettleNever', {}, language)) : '';
  const otherMeter = scenario.meters.find((m) => m.id === verdict.params.other);
  const other = otherMeter ? resolveText(otherMeter.label, language) : String(verdict.params.other ?? '');
  return word(verdict.code, { ...verdict.params, name, examples, settle, other }, language);
}

/** "2 files checked: 1 error, 0 warnings", the validator's last line. */
export function validateSummary(files: number, errors: number, warnings: number, language: Language): string {
  const n = (count: number, one: AuthoringKey, many: AuthoringKey) => word(count === 1 ? one : many, { count }, language);
  return word('validateSummary', { files: n(files, 'validateFile', 'validateFiles'), errors: n(errors, 'checkError', 'checkErrors'), warnings: n(warnings, 'checkWarning', 'checkWarnings') }, language);
}
