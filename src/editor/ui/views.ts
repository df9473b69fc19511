/** The editor's parts, in the documented order: the scenario, meters, stakeholders, cards, endings, debrief. */
import { h } from 'preact';
import { memo } from 'preact/compat';
import { ICONS, PORTRAITS } from '../../engine/art.ts';
import type { Language } from '../../engine/text.ts';
import { t } from '../../locales/index.ts';
import { portraitUrl } from '../../ui/art.ts';
import { insertItem, moveItem, removeValue, uniqueId, type EditPath } from '../document.ts';
import { ConditionField } from './condition.ts';
import { AddWithName, CARD_TEXT_LIMIT, CheckField, LABEL_LIMIT, languageName, Messages, NumberField, PictureField, problemsAt, read, SelectField, set, TextField, type El } from './fields.ts';
import { cardLabel, cardOptions, cards, endingOptions, endings, flagNames, meterOptions, tagNames, meters, stakeholderOptions, stakeholders, words } from './lists.ts';
import { cardIndex, change, columns, fieldId, uiLanguage } from './state.ts';
import { iconUrl } from './icons.ts';

/** A new text in the languages the scenario is written in, the Dutch one typed by the author. */
function newText(dutch: string): Record<string, string> {
  const text: Record<string, string> = {};
  for (const lang of columns.value) text[lang] = lang === 'nl' ? dutch : '';
  return text;
}

function allIds(): string[] {
  return [...meters(), ...stakeholders(), ...cards(), ...endings()].map((x) => String(x.id));
}

function add(list: string, value: unknown): void {
  const present = read([list]);
  if (Array.isArray(present)) change((d) => insertItem(d, [list], present.length, value));
  else set([list], [value]);
}

/** Remove and move buttons of an item in a list, named after the item for a screen reader. */
function ItemTools({ list, index, count, name }: { list: EditPath; index: number; count: number; name: string }): El {
  return h('div', { class: 'mme-tools' },
    h('button', { type: 'button', class: 'mme-small', disabled: index === 0, onClick: () => change((d) => moveItem(d, list, index, index - 1)), 'aria-label': t('edMoveUpNamed', { name }) }, t('edMoveUp')),
    h('button', { type: 'button', class: 'mme-small', disabled: index === count - 1, onClick: () => change((d) => moveItem(d, list, index, index + 1)), 'aria-label': t('edMoveDownNamed', { name }) }, t('edMoveDown')),
    h('button', { type: 'button', class: 'mme-small mme-danger', onClick: () => change((d) => removeValue(d, [...list, index])), 'aria-label': t('edRemoveNamed', { name }) }, t('edRemove')));
}

export function ScenarioView(): El {
  const langs = columns.value;
  const toggle = (lang: Language, on: boolean) => {
    const next = (['nl', 'en'] as Language[]).filter((l) => (l === lang ? on : langs.includes(l)));
    if (next.length > 0) columns.value = next;
  };
  return h('section', { 'aria-labelledby': 'mme-view-title' },
    h('h2', { id: 'mme-view-title' }, t('edViewScenario')),
    h(TextField, { path: ['title'], label: t('edTitle'), limit: LABEL_LIMIT }),
    h(TextField, { path: ['description'], label: t('edDescription'), long: true, limit: CARD_TEXT_LIMIT, required: false }),
    h('fieldset', { class: 'mme-field' },
      h('legend', null, t('edLanguages')),
      (['nl', 'en'] as Language[]).map((lang) => h('div', { key: lang, class: 'mme-check' },
        h('input', { id: `mme-lang-${lang}`, type: 'checkbox', checked: langs.includes(lang), disabled: langs.length === 1 && langs.includes(lang), onChange: (e: Event) => toggle(lang, (e.currentTarget as HTMLInputElement).checked) }),
        h('label', { for: `mme-lang-${lang}` }, languageName(lang)))),
      h('p', { class: 'mme-hint' }, t('edLanguagesHint'))),
    h(NumberField, { path: ['turns'], label: t('edTurns'), integer: true, min: 1, max: 1000, optional: true, hint: t('edTurnsHint') }),
    h(TextField, { path: ['turnUnit'], label: t('edTurnUnit'), required: false }),
    h(SelectField, { path: ['preview'], label: t('edPreviewMode'), none: t('edDefault'), options: (['none', 'which', 'direction', 'amount'] as const).map((v) => ({ value: v, label: t(`edPreview_${v}`) })) }),
    h(SelectField, { path: ['choiceOrder'], label: t('edChoiceOrder'), none: t('edDefault'), options: [{ value: 'shuffled', label: t('edOrderShuffled') }, { value: 'file', label: t('edOrderFile') }] }));
}

export function MetersView(): El {
  const list = meters();
  return h('section', { 'aria-labelledby': 'mme-view-title' },
    h('h2', { id: 'mme-view-title' }, t('edViewMeters')),
    h('p', { class: 'mme-hint' }, t('edMetersHint')),
    list.map((meter, i) => {
      const path = ['meters', i];
      const name = words(meter.label) || String(meter.id);
      return h('article', { key: `${i}:${meter.id}`, class: 'mme-item', 'aria-labelledby': fieldId(path, 'h') },
        h('h3', { id: fieldId(path, 'h') }, name, ' ', h('span', { class: 'mme-id' }, t('edIdIs', { id: String(meter.id) }))),
        h(ItemTools, { list: ['meters'], index: i, count: list.length, name }),
        h(TextField, { path: [...path, 'label'], label: t('edMeterName') }),
        h('div', { class: 'mme-row' },
          h(NumberField, { path: [...path, 'start'], label: t('edStart') }),
          h(NumberField, { path: [...path, 'min'], label: t('edMin'), optional: true, hint: t('edMinHint') }),
          h(NumberField, { path: [...path, 'max'], label: t('edMax'), optional: true, hint: t('edMaxHint') })),
        h('div', { class: 'mme-row' },
          h(SelectField, { path: [...path, 'onMin'], label: t('edOnMin'), none: t('edNoEnding'), options: endingOptions() }),
          h(SelectField, { path: [...path, 'onMax'], label: t('edOnMax'), none: t('edNoEnding'), options: endingOptions() })),
        h(PictureField, { path: [...path, 'icon'], label: t('edIcon'), names: ICONS, url: iconUrl }));
    }),
    h(AddWithName, { id: 'mme-add-meter', label: t('edAddMeter'), nameLabel: t('edNewMeterName'), onAdd: (dutch) => add('meters', { id: uniqueId(allIds(), dutch, 'meter'), label: newText(dutch), start: 50 }) }));
}

export function StakeholdersView(): El {
  const list = stakeholders();
  return h('section', { 'aria-labelledby': 'mme-view-title' },
    h('h2', { id: 'mme-view-title' }, t('edViewStakeholders')),
    list.map((person, i) => {
      const path = ['stakeholders', i];
      const name = words(person.name) || String(person.id);
      return h('article', { key: `${i}:${person.id}`, class: 'mme-item', 'aria-labelledby': fieldId(path, 'h') },
        h('h3', { id: fieldId(path, 'h') }, name, ' ', h('span', { class: 'mme-id' }, t('edIdIs', { id: String(person.id) }))),
        h(ItemTools, { list: ['stakeholders'], index: i, count: list.length, name }),
        h(TextField, { path: [...path, 'name'], label: t('edPersonName'), limit: LABEL_LIMIT }),
        h(SelectField, { path: [...path, 'meter'], label: t('edPersonMeter'), none: t('edNoMeter'), options: meterOptions() }),
        h(PictureField, { path: [...path, 'portrait'], label: t('edPortrait'), names: PORTRAITS, url: portraitUrl }));
    }),
    h(AddWithName, { id: 'mme-add-stakeholder', label: t('edAddStakeholder'), nameLabel: t('edNewStakeholderName'), onAdd: (dutch) => add('stakeholders', { id: uniqueId(allIds(), dutch, 'persoon'), name: newText(dutch), portrait: 'neutral' }) }));
}

function FlagsField({ path }: { path: EditPath }): El {
  const set_ = (read(path) ?? {}) as Record<string, unknown>;
  const entries = Object.entries(set_);
  const id = fieldId(path);
  const known = flagNames();
  return h('fieldset', { class: 'mme-flags', 'aria-describedby': `${id}-m` },
    h('legend', null, t('edSetsFlags')),
    entries.length === 0 ? h('p', { class: 'mme-hint' }, t('edNoFlags')) : h('ul', null, entries.map(([flag, value]) => h('li', { key: flag, class: 'mme-row' },
      h('span', { class: 'mme-flag-name' }, flag),
      h('label', { for: fieldId([...path, flag]), class: 'mme-sr' }, t('edFlagValueOf', { flag })),
      h('select', { id: fieldId([...path, flag]), value: String(value), onChange: (e: Event) => { const v = (e.currentTarget as HTMLSelectElement).value; set([...path, flag], v === 'true' ? true : v === 'false' ? false : Number(v)); } },
        h('option', { value: 'true' }, t('edTrue')), h('option', { value: 'false' }, t('edFalse')), typeof value === 'number' ? h('option', { value: String(value) }, String(value)) : null),
      h('button', { type: 'button', class: 'mme-small', onClick: () => set(entries.length === 1 ? path : [...path, flag], undefined), 'aria-label': t('edRemoveFlag', { flag }) }, t('edRemove'))))),
    known.filter((f) => !Object.hasOwn(set_, f)).length > 0 ? h('div', { class: 'mme-row' },
      h('label', { for: `${id}-pick` }, t('edPickFlag')),
      h('select', { id: `${id}-pick`, value: '', onChange: (e: Event) => { const f = (e.currentTarget as HTMLSelectElement).value; if (f) set([...path, f], true); } },
        h('option', { value: '' }, t('edPickFlagNone')),
        known.filter((f) => !Object.hasOwn(set_, f)).map((f) => h('option', { key: f, value: f }, f)))) : null,
    h(AddWithName, { id: `${id}-new`, label: t('edAddFlag'), nameLabel: t('edNewFlagName'), onAdd: (dutch) => set([...path, uniqueId(known, dutch, 'vlag')], true) }),
    h(Messages, { id: `${id}-m`, messages: problemsAt(path, true) }));
}

/** A choice's tags: picked from the tags the scenario knows, or a new one made from a Dutch name. */
function TagsField({ path }: { path: EditPath }): El {
  const value = read(path);
  const tags = Array.isArray(value) ? value.map(String) : [];
  const id = fieldId(path);
  const others = tagNames().filter((tag) => !tags.includes(tag));
  const addTag = (tag: string) => {
    if (Array.isArray(value)) change((d) => insertItem(d, path, value.length, tag));
    else set(path, [tag]);
  };
  return h('fieldset', { class: 'mme-flags', 'aria-describedby': `${id}-m` },
    h('legend', null, t('edChoiceTags')),
    tags.length === 0 ? h('p', { class: 'mme-hint' }, t('edNoTags')) : h('ul', null, tags.map((tag, i) => h('li', { key: `${i}:${tag}`, class: 'mme-row' },
      h('span', { class: 'mme-flag-name' }, tag),
      h('button', { type: 'button', class: 'mme-small', onClick: () => set(tags.length === 1 ? path : [...path, i], undefined), 'aria-label': t('edRemoveTag', { tag }) }, t('edRemove'))))),
    others.length > 0 ? h('div', { class: 'mme-row' },
      h('label', { for: `${id}-pick` }, t('edPickTag')),
      h('select', { id: `${id}-pick`, value: '', onChange: (e: Event) => { const tag = (e.currentTarget as HTMLSelectElement).value; if (tag) addTag(tag); } },
        h('option', { value: '' }, t('edPickTagNone')),
        others.map((tag) => h('option', { key: tag, value: tag }, tag)))) : null,
    h(AddWithName, { id: `${id}-new`, label: t('edAddTag'), nameLabel: t('edNewTagName'), onAdd: (dutch) => addTag(uniqueId(tagNames(), dutch, 'label')) }),
    h(Messages, { id: `${id}-m`, messages: problemsAt(path, true) }));
}

function NextField({ path }: { path: EditPath }): El {
  const next = read(path);
  const cardId = typeof next === 'string' ? next : next && typeof next === 'object' ? String((next as { card?: unknown }).card ?? '') : '';
  const after = next && typeof next === 'object' ? Number((next as { after?: unknown }).after ?? 1) : 1;
  const id = fieldId(path);
  const write = (card: string, turns: number) => set(path, card ? (turns > 1 ? { card, after: turns } : card) : undefined);
  return h('fieldset', { class: 'mme-next', 'aria-describedby': `${id}-m` },
    h('legend', null, t('edNext')),
    h('div', { class: 'mme-row' },
      h('div', { class: 'mme-field' },
        h('label', { for: `${id}-card` }, t('edNextCard')),
        h('select', { id: `${id}-card`, value: cardId, onChange: (e: Event) => write((e.currentTarget as HTMLSelectElement).value, after) },
          h('option', { value: '' }, t('edNoNext')),
          cardOptions().map((o) => h('option', { key: o.value, value: o.value }, o.label)))),
      cardId ? h('div', { class: 'mme-field' },
        h('label', { for: `${id}-after` }, t('edNextAfter')),
        h('select', { id: `${id}-after`, value: String(after), onChange: (e: Event) => write(cardId, Number((e.currentTarget as HTMLSelectElement).value)) },
          Array.from({ length: 12 }, (_, i) => i + 1).concat(after > 12 ? [after] : []).map((n) => h('option', { key: n, value: String(n) }, n === 1 ? t('edNextTurn') : t('edTurnsLater', { n }))))) : null),
    h(Messages, { id: `${id}-m`, messages: problemsAt(path, true) }));
}

function EffectsField({ path }: { path: EditPath }): El {
  return h('fieldset', { class: 'mme-effects' },
    h('legend', null, t('edEffects')),
    h('div', { class: 'mme-row' }, meters().map((m) => h(NumberField, { key: m.id, path: [...path, String(m.id)], label: words(m.label) || String(m.id), optional: true, min: -1000, max: 1000 }))),
    h(Messages, { id: fieldId(path, 'm'), messages: problemsAt(path) }));
}

function ChoiceForm({ cardPath, index, count }: { cardPath: EditPath; index: number; count: number }): El {
  const path = [...cardPath, 'choices', index];
  const title = t('edChoiceN', { n: index + 1 });
  return h('article', { class: 'mme-choice', 'aria-labelledby': fieldId(path, 'h') },
    h('h4', { id: fieldId(path, 'h') }, title),
    count > 2 ? h('button', { type: 'button', class: 'mme-small mme-danger', onClick: () => change((d) => removeValue(d, path)), 'aria-label': t('edRemoveNamed', { name: title }) }, t('edRemove')) : null,
    h(TextField, { path: [...path, 'label'], label: t('edLabel'), limit: LABEL_LIMIT }),
    h(EffectsField, { path: [...path, 'effects'] }),
    h(TextField, { path: [...path, 'feedback'], label: t('edFeedback'), long: true, limit: CARD_TEXT_LIMIT, required: false }),
    h(FlagsField, { path: [...path, 'set'] }),
    h(TagsField, { path: [...path, 'tags'] }),
    h(NextField, { path: [...path, 'next'] }));
}

export function CardForm({ index }: { index: number }): El {
  const card = cards()[index]!;
  const path = ['cards', index];
  const choices = Array.isArray(card.choices) ? card.choices : [];
  return h('div', { class: 'mme-card-form' },
    h('h3', { id: 'mme-card-title', tabIndex: -1 }, cardLabel(card), ' ', h('span', { class: 'mme-id' }, t('edIdIs', { id: String(card.id) }))),
    h(ItemTools, { list: ['cards'], index, count: cards().length, name: cardLabel(card) }),
    h(SelectField, { path: [...path, 'from'], label: t('edFrom'), options: stakeholderOptions() }),
    h(TextField, { path: [...path, 'text'], label: t('edCardText'), long: true, limit: CARD_TEXT_LIMIT }),
    choices.map((_, i) => h(ChoiceForm, { key: i, cardPath: path, index: i, count: choices.length })),
    choices.length < 4 ? h('button', { type: 'button', onClick: () => change((d) => insertItem(d, [...path, 'choices'], choices.length, { label: newText('') })) }, t('edAddChoice')) : null,
    h(ConditionField, { path: [...path, 'when'], label: t('edWhen') }),
    h('div', { class: 'mme-row' },
      h(CheckField, { path: [...path, 'once'], label: t('edOnce') }),
      h(NumberField, { path: [...path, 'weight'], label: t('edWeight'), optional: true, min: 0, max: 1000, hint: t('edWeightHint') }),
      h(NumberField, { path: [...path, 'cooldown'], label: t('edCooldown'), optional: true, integer: true, min: 0, max: 1000, hint: t('edCooldownHint') })),
    h('fieldset', { class: 'mme-notes' },
      h('legend', null, t('edNotes')),
      h(Messages, { id: `mme-card-${index}-notes-m`, messages: problemsAt([...path, 'notes']) }),
      h(TextField, { path: [...path, 'notes', 'source'], label: t('edNotesSource'), long: true, required: false }),
      h(TextField, { path: [...path, 'notes', 'question'], label: t('edNotesQuestion'), required: false })));
}

/**
 * One card in the list. Kept as it is unless what it shows changes: typing in a card's text would
 * otherwise redraw every card of a 50-card deck at each key.
 */
const CardListItem = memo(function CardListItem({ index, label, current, problems }: { index: number; label: string; current: boolean; problems: boolean; lang: string }): El {
  return h('li', null,
    h('button', { type: 'button', 'aria-current': current ? 'true' : undefined, onClick: () => { cardIndex.value = index; } }, label, problems ? h('span', { class: 'mme-badge' }, ` (${t('edHasProblems')})`) : null));
});

export function CardsView({ preview }: { preview: El | null }): El {
  const list = cards();
  const selected = Math.min(cardIndex.value, list.length - 1);
  const addCard = (dutch: string) => {
    const from = stakeholders()[0]?.id ?? '';
    const card = { id: uniqueId(allIds(), dutch, 'kaart'), from, text: newText(dutch), choices: [{ label: newText('') }, { label: newText('') }] };
    add('cards', card);
    cardIndex.value = cards().length - 1;
  };
  void uiLanguage.value;
  return h('section', { 'aria-labelledby': 'mme-view-title', class: 'mme-cards' },
    h('h2', { id: 'mme-view-title' }, t('edViewCards')),
    h('div', { class: 'mme-cards-layout' },
      h('div', { class: 'mme-card-list' },
        h('nav', { 'aria-label': t('edCardList') },
          h('ul', null, list.map((card, i) => h(CardListItem, { key: `${i}:${card.id}`, index: i, label: cardLabel(card), current: i === selected, problems: problemsAt(['cards', i], true).length > 0, lang: uiLanguage.value })))),
        h(AddWithName, { id: 'mme-add-card', label: t('edAddCard'), nameLabel: t('edNewCardText'), onAdd: addCard })),
      selected >= 0 ? h(CardForm, { key: selected, index: selected }) : h('p', null, t('edNoCards')),
      preview));
}

export function EndingsView(): El {
  const list = endings();
  return h('section', { 'aria-labelledby': 'mme-view-title' },
    h('h2', { id: 'mme-view-title' }, t('edViewEndings')),
    h('p', { class: 'mme-hint' }, t('edEndingsHint')),
    list.map((ending, i) => {
      const path = ['endings', i];
      const name = words(ending.title) || String(ending.id);
      return h('article', { key: `${i}:${ending.id}`, class: 'mme-item', 'aria-labelledby': fieldId(path, 'h') },
        h('h3', { id: fieldId(path, 'h') }, name, ' ', h('span', { class: 'mme-id' }, t('edIdIs', { id: String(ending.id) }))),
        h(ItemTools, { list: ['endings'], index: i, count: list.length, name }),
        h(TextField, { path: [...path, 'title'], label: t('edEndingTitle'), limit: LABEL_LIMIT }),
        h(TextField, { path: [...path, 'text'], label: t('edEndingText'), long: true, limit: CARD_TEXT_LIMIT }),
        h(ConditionField, { path: [...path, 'when'], label: t('edEndingWhen') }));
    }),
    h(AddWithName, { id: 'mme-add-ending', label: t('edAddEnding'), nameLabel: t('edNewEndingTitle'), onAdd: (dutch) => add('endings', { id: uniqueId(allIds(), dutch, 'einde'), title: newText(dutch), text: newText('') }) }));
}

export function DebriefView(): El {
  const questions = read(['debrief', 'questions']);
  const list = Array.isArray(questions) ? questions : [];
  const addQuestion = (dutch: string) => {
    if (Array.isArray(questions)) change((d) => insertItem(d, ['debrief', 'questions'], list.length, newText(dutch)));
    else set(['debrief', 'questions'], [newText(dutch)]);
  };
  return h('section', { 'aria-labelledby': 'mme-view-title' },
    h('h2', { id: 'mme-view-title' }, t('edViewDebrief')),
    h('p', { class: 'mme-hint' }, t('edDebriefHint')),
    list.map((_, i) => h('article', { key: i, class: 'mme-item' },
      h(TextField, { path: ['debrief', 'questions', i], label: t('edQuestionN', { n: i + 1 }), long: true, limit: CARD_TEXT_LIMIT }),
      h(ItemTools, { list: ['debrief', 'questions'], index: i, count: list.length, name: t('edQuestionN', { n: i + 1 }) }))),
    h(AddWithName, { id: 'mme-add-question', label: t('edAddQuestion'), nameLabel: t('edNewQuestion'), onAdd: addQuestion }),
    h(DebriefTags, {}));
}

/**
 * The names and explanations of the tags: every tag the choices use is listed, named or not, so the
 * author sees which ones the debrief could not name yet.
 */
function DebriefTags(): El {
  const explained = read(['debrief', 'tags']);
  const entries = explained && typeof explained === 'object' && !Array.isArray(explained) ? (explained as Record<string, unknown>) : {};
  const names = tagNames();
  const explain = (tag: string, dutch = tag) => set(['debrief', 'tags', tag], { label: newText(dutch) });
  return h('section', { 'aria-labelledby': 'mme-tags-title' },
    h('h3', { id: 'mme-tags-title' }, t('edDebriefTags')),
    h('p', { class: 'mme-hint' }, t('edDebriefTagsHint')),
    h(Messages, { id: 'mme-debrief-tags-m', messages: problemsAt(['debrief', 'tags']) }),
    names.map((tag) => {
      const path = ['debrief', 'tags', tag];
      const named = Object.hasOwn(entries, tag);
      return h('article', { key: tag, class: 'mme-item', 'aria-labelledby': fieldId(path, 'h') },
        h('h4', { id: fieldId(path, 'h') }, h('span', { class: 'mme-id' }, t('edTagIs', { tag }))),
        named
          ? [
              h('div', { key: 'tools', class: 'mme-tools' }, h('button', { type: 'button', class: 'mme-small mme-danger', onClick: () => set(Object.keys(entries).length === 1 ? ['debrief', 'tags'] : path, undefined), 'aria-label': t('edRemoveTagEntry', { tag }) }, t('edRemove'))),
              h(TextField, { key: 'label', path: [...path, 'label'], label: t('edTagLabel'), limit: LABEL_LIMIT }),
              h(TextField, { key: 'text', path: [...path, 'text'], label: t('edTagText'), long: true, limit: CARD_TEXT_LIMIT, required: false }),
              h(Messages, { key: 'm', id: fieldId(path, 'm'), messages: problemsAt(path) }),
            ]
          : [
              h('p', { key: 'hint', class: 'mme-hint' }, t('edTagUnexplained')),
              h('button', { key: 'add', type: 'button', onClick: () => explain(tag) }, t('edExplainTag', { tag })),
            ]);
    }),
    h(AddWithName, { id: 'mme-add-tag', label: t('edAddTag'), nameLabel: t('edNewTagName'), onAdd: (dutch) => explain(uniqueId(tagNames(), dutch, 'label'), dutch) }));
}
