/**
 * The editor's form fields. Each edits one place in the file (a path), shows the validator's messages
 * about that place beside it (tied with aria-describedby), and for texts a column per language with
 * the length against the guide's limit as the author types.
 */
import { h, type ComponentChildren, type VNode } from 'preact';
import { useState } from 'preact/hooks';

import type { Text } from '../../engine/format.ts';
import type { Language } from '../../engine/text.ts';
import { problemText } from '../../locales/authoring.ts';
import { t } from '../../locales/index.ts';
import { removeValue, setValue, valueAt, type EditPath } from '../document.ts';
import { change, columns, doc, fieldId, pathKey, problemsByPath, uiLanguage } from './state.ts';

/** Any element: Preact's VNode is generic in its props, and a form mixes elements of every kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type El = VNode<any>;

/** The guide's limits: a card text stays readable on a projector, a button label fits its button. */
export const CARD_TEXT_LIMIT = 280;
export const LABEL_LIMIT = 60;

export function read(path: EditPath): unknown {
  const current = doc.value;
  return current ? valueAt(current, path) : undefined;
}

export function set(path: EditPath, value: unknown, group?: string): boolean {
  return change((d) => (value === undefined ? removeValue(d, path) : setValue(d, path, value)), group);
}

/** The validator's messages about exactly this place (and, with `below`, about anything inside it). */
export function problemsAt(path: EditPath, below = false): string[] {
  const key = pathKey(path);
  const lang = uiLanguage.value;
  const out: string[] = [];
  for (const [at, problems] of problemsByPath.value) {
    if (at === key || (below && (at.startsWith(`${key}.`) || at.startsWith(`${key}[`)))) for (const p of problems) out.push(`${p.severity === 'error' ? t('edError') : t('edWarning')}: ${problemText(p, lang)}`);
  }
  return out;
}

/** The messages under a field; `id` is what the field's aria-describedby names. */
export function Messages({ id, messages, extra }: { id: string; messages: string[]; extra?: ComponentChildren }): El {
  return h('div', { id, class: 'mme-messages' }, extra, messages.length > 0 ? h('ul', { class: 'mme-problems' }, messages.map((m) => h('li', { key: m }, m))) : null);
}

const LANGUAGE_NAMES: Record<Language, 'edDutch' | 'edEnglish'> = { nl: 'edDutch', en: 'edEnglish' };

export function languageName(lang: Language): string {
  return t(LANGUAGE_NAMES[lang]);
}

function textIn(value: unknown, lang: Language): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Object.hasOwn(value, lang)) {
    const found = (value as Record<string, unknown>)[lang];
    return typeof found === 'string' ? found : '';
  }
  return '';
}

/** Writes one language of a text; a text written once for all languages becomes one per language first. */
export function setText(path: EditPath, lang: Language, typed: string): void {
  const current = read(path);
  if (typeof current === 'string') {
    const both: Record<string, string> = {};
    for (const l of columns.value) both[l] = l === lang ? typed : current;
    set(path, both, `${pathKey(path)}.${lang}`);
  } else set([...path, lang], typed, `${pathKey(path)}.${lang}`);
}

/** A text in each of the scenario's languages, side by side, each with its length against `limit`. */
export function TextField({ path, label, limit, long, required = true }: { path: EditPath; label: string; limit?: number; long?: boolean; required?: boolean }): El {
  const value = read(path) as Text | undefined;
  const langs = columns.value;
  return h('fieldset', { class: 'mme-text' },
    h('legend', null, label),
    h('div', { class: 'mme-langs' }, langs.map((lang) => {
      const id = fieldId(path, lang);
      const text = textIn(value, lang);
      const own = [...problemsAt([...path, lang]), ...(lang === langs[0] ? problemsAt(path) : [])];
      const count = limit ? h('span', { class: text.length > limit ? 'mme-count mme-over' : 'mme-count' }, t(text.length > limit ? 'edLengthOver' : 'edLength', { length: text.length, max: limit, over: text.length - limit })) : null;
      const props = {
        id,
        value: text,
        lang,
        'aria-describedby': `${id}-m`,
        'aria-invalid': own.some((m) => m.startsWith(t('edError'))) ? 'true' : undefined,
        'aria-required': required ? 'true' : undefined,
        onInput: (event: Event) => setText(path, lang, (event.currentTarget as HTMLInputElement).value),
      };
      return h('div', { key: lang, class: 'mme-lang' },
        h('label', { for: id }, languageName(lang)),
        long ? h('textarea', { ...props, rows: 4 }) : h('input', { ...props, type: 'text' }),
        h(Messages, { id: `${id}-m`, messages: own, extra: count }));
    })));
}

/** A number; empty removes an optional field from the file. Refuses what is not a number, with the fix. */
export function NumberField({ path, label, integer, min, max, optional, hint }: { path: EditPath; label: string; integer?: boolean; min?: number; max?: number; optional?: boolean; hint?: string }): El {
  const id = fieldId(path);
  const value = read(path);
  const shown = typeof value === 'number' ? String(value) : '';
  const [typed, setTyped] = useState<string | null>(null);
  const [refused, setRefused] = useState('');
  const commit = (raw: string) => {
    const text = raw.trim().replace(',', '.').replace(/\u2212/g, '-');
    if (text === '' && optional) {
      setRefused('');
      setTyped(null);
      set(path, undefined);
      return;
    }
    const number = Number(text);
    const ok = text !== '' && Number.isFinite(number) && (!integer || Number.isInteger(number)) && (min === undefined || number >= min) && (max === undefined || number <= max);
    if (!ok) {
      setRefused(t(integer ? 'edNeedWhole' : 'edNeedNumber', { min: min ?? '−1000', max: max ?? 1000 }));
      return;
    }
    setRefused('');
    setTyped(null);
    set(path, number, pathKey(path));
  };
  const messages = [...(refused ? [refused] : []), ...problemsAt(path)];
  return h('div', { class: 'mme-field mme-number' },
    h('label', { for: id }, label),
    h('input', {
      id,
      type: 'text',
      inputMode: integer && (min ?? 0) >= 0 ? 'numeric' : 'decimal',
      value: typed ?? shown,
      'aria-describedby': `${id}-m`,
      'aria-invalid': refused ? 'true' : undefined,
      onInput: (event: Event) => {
        const raw = (event.currentTarget as HTMLInputElement).value;
        setTyped(raw);
        commit(raw);
      },
      onBlur: () => {
        if (!refused) setTyped(null);
      },
    }),
    h(Messages, { id: `${id}-m`, messages, extra: hint ? h('span', { class: 'mme-hint' }, hint) : null }));
}

export interface Option {
  value: string;
  label: string;
}

/** A choice from a list (a stakeholder, a meter, a card, an ending); `none` is the label of leaving it out. */
export function SelectField({ path, label, options, none, onPick }: { path: EditPath; label: string; options: Option[]; none?: string; onPick?: (value: string | undefined) => void }): El {
  const id = fieldId(path);
  const value = read(path);
  const current = typeof value === 'string' ? value : '';
  const known = options.some((o) => o.value === current);
  return h('div', { class: 'mme-field' },
    h('label', { for: id }, label),
    h('select', {
      id,
      value: current,
      'aria-describedby': `${id}-m`,
      onChange: (event: Event) => {
        const picked = (event.currentTarget as HTMLSelectElement).value || undefined;
        if (onPick) onPick(picked);
        else set(path, picked);
      },
    },
    none !== undefined ? h('option', { value: '' }, none) : null,
    !known && current ? h('option', { value: current }, t('edUnknownName', { name: current })) : null,
    options.map((o) => h('option', { key: o.value, value: o.value }, o.label))),
    h(Messages, { id: `${id}-m`, messages: problemsAt(path) }));
}

export function CheckField({ path, label, hint }: { path: EditPath; label: string; hint?: string }): El {
  const id = fieldId(path);
  return h('div', { class: 'mme-field mme-check' },
    h('input', { id, type: 'checkbox', checked: read(path) === true, 'aria-describedby': `${id}-m`, onChange: (event: Event) => set(path, (event.currentTarget as HTMLInputElement).checked ? true : undefined) }),
    h('label', { for: id }, label),
    h(Messages, { id: `${id}-m`, messages: problemsAt(path), extra: hint ? h('span', { class: 'mme-hint' }, hint) : null }));
}

/** Pictures to pick from (portraits, icons): radio buttons, so arrow keys move through them. */
export function PictureField({ path, label, names, url }: { path: EditPath; label: string; names: readonly string[]; url: (name: string) => string }): El {
  const value = read(path);
  const current = typeof value === 'string' ? value : '';
  const id = fieldId(path);
  return h('fieldset', { class: 'mme-pictures', 'aria-describedby': `${id}-m` },
    h('legend', null, label),
    h('div', { class: 'mme-picture-grid' }, names.map((name) => h('label', { key: name, class: name === current ? 'mme-picture mme-picked' : 'mme-picture' },
      h('input', { type: 'radio', name: id, value: name, checked: name === current, onChange: () => set(path, name) }),
      h('img', { src: url(name), alt: '', width: 64, height: 64, loading: 'lazy' }),
      h('span', null, name)))),
    h(Messages, { id: `${id}-m`, messages: problemsAt(path) }));
}

/** "Add a card" and the like: a new id is made from the Dutch name typed here, kept unique. */
export function AddWithName({ label, nameLabel, onAdd, id }: { label: string; nameLabel: string; onAdd: (dutch: string) => void; id: string }): El {
  const [name, setName] = useState('');
  const add = () => {
    if (!name.trim()) return;
    onAdd(name.trim());
    setName('');
  };
  return h('div', { class: 'mme-add' },
    h('label', { for: id }, nameLabel),
    h('input', { id, type: 'text', lang: 'nl', value: name, onInput: (e: Event) => setName((e.currentTarget as HTMLInputElement).value), onKeyDown: (e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); add(); } } }),
    h('button', { type: 'button', onClick: add, disabled: !name.trim() }, label));
}
