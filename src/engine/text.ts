import type { Text } from './format.ts';
import { own } from './own.ts';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/**
 * Invisible controls that reorder the letters around them (embeddings, overrides, isolates): in a
 * text from a file, "Pay ‮gnp.exe" would read "Pay exe.png". They are shown as their code instead,
 * and the validator warns about them.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function showControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/** Scenario text in the chosen language, falling back to the other language, then to any given. */
export function resolveText(text: Text | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return showControls(text);
  const fallback = language === 'nl' ? 'en' : 'nl';
  return showControls(own(text, language) ?? own(text, fallback) ?? Object.values(text)[0] ?? '');
}
