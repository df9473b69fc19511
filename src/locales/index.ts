/** The chosen UI language, UI strings and scenario text in that language. */
import { resolveText, type Language } from '../engine/text.ts';
import type { Text } from '../engine/format.ts';
import type { SaveProblem } from '../engine/save.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { nl } from './nl.ts';
import { settings } from '../platform/settings.ts';
import { interpolate } from './format.ts';

const catalogues: Record<Language, Messages> = { en, nl };

export function language(): Language {
  return settings.get().language;
}

export function otherLanguage(): Language {
  return language() === 'nl' ? 'en' : 'nl';
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return interpolate(catalogues[language()][key], params);
}

/** Scenario text in the UI language, falling back to the other one. */
export function say(text: Text | undefined): string {
  return resolveText(text, language());
}

export function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase(language()) + word.slice(1);
}

/** A message in its singular or plural form ("1 besluit", "3 besluiten"), chosen by the language's rules. */
export function plural(one: MessageKey, other: MessageKey, count: number, params: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(language()).select(count);
  return t(form === 'one' ? one : other, { count, ...params });
}

/** "2 and 3", "1, 2 and 4": a list in the UI language. */
export function listOf(items: string[]): string {
  return new Intl.ListFormat(language(), { type: 'conjunction' }).format(items);
}

/** "team Sociaal domein", or the name alone when it already says team ("Team 1"), never "team Team 1". */
export function teamLabel(name: string): string {
  return /^team\b/i.test(name.trim()) ? name : t('wsTeamLabel', { name });
}

/** The scenario's name for a turn ("week"), lower case, for the middle of a sentence. */
export function turnUnit(unit: Text | undefined): string {
  return say(unit) || t('defaultTurnUnit');
}

const SAVE_PROBLEMS: Readonly<Record<SaveProblem, MessageKey>> = {
  notReadable: 'saveNotReadable',
  otherVersion: 'saveOtherVersion',
  damaged: 'saveDamaged',
  otherScenario: 'saveOtherScenario',
  scenarioChanged: 'saveScenarioChanged',
};

/** Why a save (a game or a workshop) could not be read, in the player's language; the technical reason stays with the save kept aside. */
export function saveProblemText(problem: SaveProblem): string {
  return t(SAVE_PROBLEMS[problem]);
}

/** "1 vote", "8 votes", "1 stem", "8 stemmen". */
export function votesText(count: number): string {
  return `${count} ${plural('wsVotesOne', 'wsVotesOther', count)}`;
}
