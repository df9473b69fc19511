/**
 * Player preferences that survive a reload: language, sound, meter numbers. Storage may be missing
 * or full (private windows, locked-down workshop laptops); the game then simply forgets.
 */
import type { Language } from '../engine/text.ts';

interface Settings {
  language: Language;
  muted: boolean;
  showNumbers: boolean;
  /** The screen as large, reflowing text (the accessible layer shown) instead of the drawn stage. */
  largerText: boolean;
  /** Whether the single-letter keys act (WCAG 2.1.4): off for speech input, or a keyboard that types by accident. */
  shortcuts: boolean;
}

const KEY = 'many-masters.settings';

function browserLanguage(): Language {
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'nl' || base === 'en') return base;
  }
  return 'en';
}

function load(): Settings {
  const defaults: Settings = { language: browserLanguage(), muted: false, showNumbers: false, largerText: false, shortcuts: true };
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return defaults;
    const stored = JSON.parse(raw) as Partial<Settings>;
    return {
      language: stored.language === 'nl' || stored.language === 'en' ? stored.language : defaults.language,
      muted: typeof stored.muted === 'boolean' ? stored.muted : defaults.muted,
      showNumbers: typeof stored.showNumbers === 'boolean' ? stored.showNumbers : defaults.showNumbers,
      largerText: typeof stored.largerText === 'boolean' ? stored.largerText : defaults.largerText,
      shortcuts: typeof stored.shortcuts === 'boolean' ? stored.shortcuts : defaults.shortcuts,
    };
  } catch {
    return defaults;
  }
}

let current = load();
const listeners = new Set<(s: Settings) => void>();

export const settings = {
  get(): Readonly<Settings> {
    return current;
  },
  update(change: Partial<Settings>): void {
    current = { ...current, ...change };
    try {
      localStorage.setItem(KEY, JSON.stringify(current));
    } catch {
      // Not remembered this time; the game goes on.
    }
    listeners.forEach((listener) => listener(current));
  },
  subscribe(listener: (s: Settings) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
