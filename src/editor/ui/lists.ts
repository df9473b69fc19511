/** What the forms pick from: the document's meters, stakeholders, cards, choices, endings and flags, by name. */
import type { Scenario, Text } from '../../engine/format.ts';
import { resolveText } from '../../engine/text.ts';
import { t } from '../../locales/index.ts';
import type { Option } from './fields.ts';
import { doc, uiLanguage } from './state.ts';

/** The scenario as far as it can be read; lists that are not lists yet count as empty. */
export function scenario(): Partial<Scenario> {
  const value = doc.value?.value;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<Scenario>) : {};
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function meters(): Scenario['meters'] {
  return list(scenario().meters);
}
export function stakeholders(): Scenario['stakeholders'] {
  return list(scenario().stakeholders);
}
export function cards(): Scenario['cards'] {
  return list(scenario().cards);
}
export function endings(): NonNullable<Scenario['endings']> {
  return list(scenario().endings);
}

/** A text in the page's language (the other one when missing), shortened for a list. */
export function words(text: Text | undefined, max = 70): string {
  const said = typeof text === 'string' || (text && typeof text === 'object') ? resolveText(text, uiLanguage.value) : '';
  return said.length > max ? `${said.slice(0, max - 1)}…` : said;
}

export function meterOptions(): Option[] {
  return meters().map((m) => ({ value: String(m.id), label: words(m.label) || String(m.id) }));
}
export function stakeholderOptions(): Option[] {
  return stakeholders().map((s) => ({ value: String(s.id), label: words(s.name) || String(s.id) }));
}
export function endingOptions(): Option[] {
  return endings().map((e) => ({ value: String(e.id), label: words(e.title) || String(e.id) }));
}

/** A card by who brings it and how it starts, so the author recognises it without its id. */
export function cardLabel(card: Scenario['cards'][number]): string {
  const from = stakeholders().find((s) => s.id === card.from);
  return `${words(from?.name, 30) || card.from}: ${words(card.text, 50) || card.id}`;
}
export function cardOptions(): Option[] {
  return cards().map((c) => ({ value: String(c.id), label: cardLabel(c) }));
}

/** A card's choices by their labels; the value is the choice's place in the file, as `chose` counts. */
export function choiceOptions(cardId: string): Option[] {
  const card = cards().find((c) => c.id === cardId);
  return list<Scenario['cards'][number]['choices'][number]>(card?.choices).map((choice, i) => ({ value: String(i), label: words(choice.label, 60) || t('edChoiceN', { n: i + 1 }) }));
}

/** Every flag a choice sets or a condition asks for, in the order they first appear. */
export function flagNames(): string[] {
  const names = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (key === 'set') names.add(k);
        if (k === 'flag' && typeof v === 'string') names.add(v);
        visit(v, k);
      }
    }
  };
  visit(scenario().cards);
  visit(scenario().endings);
  return [...names];
}

/** Every tag the choices use and every tag debrief.tags names, in the order they first appear. */
export function tagNames(): string[] {
  const names = new Set<string>();
  for (const card of cards()) {
    for (const choice of list<{ tags?: unknown }>(card?.choices)) for (const tag of list<unknown>(choice?.tags)) if (typeof tag === 'string') names.add(tag);
  }
  const explained = scenario().debrief?.tags;
  if (explained && typeof explained === 'object' && !Array.isArray(explained)) for (const tag of Object.keys(explained)) names.add(tag);
  return [...names];
}
