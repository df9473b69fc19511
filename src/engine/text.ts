import type { Text } from './format.ts';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Scenario text in the chosen language, falling back to the other language, then to any given. */
export function resolveText(text: Text | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const fallback = language === 'nl' ? 'en' : 'nl';
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
