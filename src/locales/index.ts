/** The chosen UI language, UI strings and scenario text in that language. */
import { resolveText, type Language } from '../engine/text.ts';
import type { Text } from '../engine/format.ts';
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
