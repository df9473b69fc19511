/**
 * Messages for scenario authors (the validator, simulator, balance check and strings tool, on the
 * command line and on the in-game problems screen), in Dutch and English. Pure: no settings, no
 * DOM, so the command-line tools use it as the game does.
 */
import type { Verdict } from '../engine/balance.ts';
import type { Scenario } from '../engine/format.ts';
import { resolveText, type Language } from '../engine/text.ts';
import { authoringEn, type AuthoringKey } from './authoring-en.ts';
import { authoringNl } from './authoring-nl.ts';
import { interpolate } from './format.ts';

export type { AuthoringKey };

export type Params = Record<string, string | number>;

/** A message as a key and its parameters, worded only when shown, in the reader's language. */
export interface Said {
  key: AuthoringKey;
  params: Params;
}

const catalogues = new Map<Language, Readonly<Record<AuthoringKey, string>>>([
  ['en', authoringEn],
  ['nl', authoringNl],
]);

export function word(key: AuthoringKey, params: Params, language: Language): string {
  return interpolate(catalogues.get(language)![key], params);
}

export function wordSaid(said: Said, language: Language): string {
  return word(said.key, said.params, language);
}

/**
 * The language for a command-line tool: `--lang nl|en` if given, else the environment's language
 * (LANG=nl_NL.UTF-8 gives Dutch), else English.
 */
export function toolLanguage(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Language | { error: string } {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) {
    const value = args[i]!.includes('=') ? args[i]!.slice('--lang='.length) : args[i + 1];
    if (value === 'nl' || value === 'en') return value;
    return { error: `--lang needs nl or en / --lang vraagt nl of en (got ${value ?? 'nothing'})` };
  }
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_.-]|$)/i.test(fromEnv) ? 'nl' : 'en';
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

/** A balance verdict in words (every verdict code is a key of the catalogues), naming the meter by its label in the reader's language. */
export function wordVerdict(verdict: Verdict, scenario: Scenario, language: Language): string {
  const meterId = verdict.meter ?? String(verdict.params.meter ?? '');
  const meter = scenario.meters.find((m) => m.id === meterId);
  const name = meter ? resolveText(meter.label, language) : meterId;
  return word(verdict.code, { ...verdict.params, name }, language);
}
