/**
 * A condition built in words: "only when all of / any of" a list of sentences with blanks to pick
 * ("flag [promised] is [true]", "after choice [label] on card [card]"). A choice is picked by its
 * label, so counting from zero never reaches the author. A condition the rows cannot say is shown in
 * words and left as it is.
 */
import { h } from 'preact';
import type { Condition } from '../../engine/format.ts';
import { describeCondition } from '../../engine/findings.ts';
import { wordCoded } from '../../locales/authoring.ts';
import { t } from '../../locales/index.ts';
import type { EditPath } from '../document.ts';
import { COMPARISONS, fromRows, ROW_KINDS, toRows, type Comparison, type Row, type RowKind, type Rows } from './conditionRows.ts';
import { Messages, problemsAt, read, set, type El } from './fields.ts';
import { cardOptions, choiceOptions, flagNames, meterOptions, tagNames } from './lists.ts';
import { PROFILE_GROUPS } from '../../engine/profile.ts';
import { fieldId, uiLanguage } from './state.ts';

function freshRow(kind: RowKind): Row {
  switch (kind) {
    case 'flag': return { kind, flag: flagNames()[0] ?? '', is: true };
    case 'meter': return { kind, meter: meterOptions()[0]?.value ?? '', compare: 'below', value: 30 };
    case 'turn': return { kind, compare: 'atLeast', value: 5 };
    case 'seen': return { kind, card: cardOptions()[0]?.value ?? '', not: false };
    case 'chose': return { kind, card: cardOptions()[0]?.value ?? '', choice: 0 };
    case 'mostly': {
      const tag = tagNames().includes('different') ? 'different' : tagNames()[0] ?? '';
      return { kind, tag, over: overOptions(tag).map((o) => JSON.parse(o.value) as string[])[0] ?? [] };
    }
  }
}

/**
 * What a tag can be compared with: the rest of its profile group ("more and better" for "different"),
 * then each other tag on its own. The value is the list as JSON, as a tag may hold any character.
 */
function overOptions(tag: string): { value: string; label: string }[] {
  const others = tagNames().filter((name) => name !== tag);
  const group = PROFILE_GROUPS.find((g) => g.includes(tag))?.filter((name) => name !== tag && others.includes(name)) ?? [];
  const lists = [...(group.length > 1 ? [group] : []), ...others.map((name) => [name])];
  return lists.map((over) => ({ value: JSON.stringify(over), label: new Intl.ListFormat(uiLanguage.value, { type: 'conjunction' }).format(over) }));
}

function select(id: string, label: string, value: string, options: { value: string; label: string }[], onPick: (v: string) => void): El {
  return h('span', { class: 'mme-blank' },
    h('label', { for: id, class: 'mme-sr' }, label),
    h('select', { id, value, onChange: (e: Event) => onPick((e.currentTarget as HTMLSelectElement).value) },
      options.some((o) => o.value === value) ? null : h('option', { value }, value || '—'),
      options.map((o) => h('option', { key: o.value, value: o.value }, o.label))));
}

function numberBlank(id: string, label: string, value: number, integer: boolean, onSet: (v: number) => void): El {
  return h('span', { class: 'mme-blank' },
    h('label', { for: id, class: 'mme-sr' }, label),
    h('input', {
      id, type: 'text', inputMode: 'decimal', size: 5, value: String(value),
      onChange: (e: Event) => {
        const n = Number((e.currentTarget as HTMLInputElement).value.trim().replace(',', '.').replace(/\u2212/g, '-'));
        if (Number.isFinite(n) && (!integer || (Number.isInteger(n) && n >= 0))) onSet(n);
        else (e.currentTarget as HTMLInputElement).value = String(value);
      },
    }));
}

function RowEditor({ row, id, update, remove, position }: { row: Row; id: string; update: (r: Row) => void; remove: () => void; position: number }): El {
  const kinds = ROW_KINDS.map((k) => ({ value: k, label: t(`edCond_${k}`) }));
  const parts: El[] = [select(`${id}-kind`, t('edCondKindLabel', { n: position }), row.kind, kinds, (k) => update(freshRow(k as RowKind)))];
  switch (row.kind) {
    case 'flag':
      parts.push(select(`${id}-flag`, t('edFlag'), row.flag, flagNames().map((f) => ({ value: f, label: f })), (flag) => update({ ...row, flag })));
      parts.push(h('span', null, t('edCondIs')));
      parts.push(select(`${id}-is`, t('edFlagValue'), String(row.is), [{ value: 'true', label: t('edTrue') }, { value: 'false', label: t('edFalse') }, ...(typeof row.is === 'number' ? [{ value: String(row.is), label: String(row.is) }] : [])], (v) => update({ ...row, is: v === 'true' ? true : v === 'false' ? false : Number(v) })));
      break;
    case 'meter':
      parts.push(select(`${id}-meter`, t('edMeter'), row.meter, meterOptions(), (meter) => update({ ...row, meter })));
      parts.push(select(`${id}-compare`, t('edCompare'), row.compare, COMPARISONS.map((c) => ({ value: c, label: t(`edCmp_${c}`) })), (c) => update({ ...row, compare: c as Comparison })));
      parts.push(numberBlank(`${id}-value`, t('edValue'), row.value, false, (value) => update({ ...row, value })));
      break;
    case 'turn':
      parts.push(select(`${id}-compare`, t('edCompare'), row.compare, [{ value: 'atLeast', label: t('edTurnFrom') }, { value: 'atMost', label: t('edTurnUntil') }], (c) => update({ ...row, compare: c as 'atLeast' | 'atMost' })));
      parts.push(numberBlank(`${id}-value`, t('edTurn'), row.value, true, (value) => update({ ...row, value })));
      break;
    case 'seen':
      parts.push(select(`${id}-not`, t('edSeenOrNot'), row.not ? 'not' : 'seen', [{ value: 'seen', label: t('edCondSeen') }, { value: 'not', label: t('edCondNotSeen') }], (v) => update({ ...row, not: v === 'not' })));
      parts.push(select(`${id}-card`, t('edCard'), row.card, cardOptions(), (card) => update({ ...row, card })));
      break;
    case 'chose':
      parts.push(select(`${id}-choice`, t('edChoice'), String(row.choice), choiceOptions(row.card), (v) => update({ ...row, choice: Number(v) })));
      parts.push(h('span', null, t('edOnCard')));
      parts.push(select(`${id}-card`, t('edCard'), row.card, cardOptions(), (card) => update({ ...row, card, choice: 0 })));
      break;
    case 'mostly': {
      parts.push(select(`${id}-tag`, t('edTag'), row.tag, tagNames().map((name) => ({ value: name, label: name })), (tag) => update({ ...row, tag, over: (JSON.parse(overOptions(tag)[0]?.value ?? '[]') as string[]) })));
      parts.push(h('span', null, t('edCondMostlyOver')));
      const options = overOptions(row.tag);
      const value = JSON.stringify(row.over);
      // An "over" written by hand that the list does not offer stays as it is, shown in words.
      const shown = options.some((o) => o.value === value) ? options : [{ value, label: new Intl.ListFormat(uiLanguage.value, { type: 'conjunction' }).format(row.over) }, ...options];
      parts.push(select(`${id}-over`, t('edTagsOver'), value, shown, (v) => update({ ...row, over: JSON.parse(v) as string[] })));
      break;
    }
  }
  return h('li', { class: 'mme-cond-row' }, ...parts, h('button', { type: 'button', class: 'mme-small', onClick: remove, 'aria-label': t('edRemoveCondition', { n: position }) }, t('edRemove')));
}

/** The `when` of a card or an ending, in words. */
export function ConditionField({ path, label }: { path: EditPath; label: string }): El {
  void uiLanguage.value;
  const condition = read(path) as Condition | undefined;
  const rows = toRows(condition);
  const id = fieldId(path);
  const messages = problemsAt(path, true);
  if (!rows) {
    return h('fieldset', { class: 'mme-cond', 'aria-describedby': `${id}-m` },
      h('legend', null, label),
      h('p', null, t('edCondComplex', { words: wordCoded(describeCondition(condition!), uiLanguage.value) })),
      h('button', { type: 'button', onClick: () => set(path, undefined) }, t('edCondClear')),
      h(Messages, { id: `${id}-m`, messages }));
  }
  const write = (next: Rows) => set(path, fromRows(next));
  return h('fieldset', { class: 'mme-cond', 'aria-describedby': `${id}-m` },
    h('legend', null, label),
    rows.rows.length === 0 ? h('p', null, t('edCondAlways')) : h('p', { class: 'mme-cond-lead' }, rows.rows.length > 1
      ? [t('edCondOnlyWhen'), ' ', select(`${id}-join`, t('edCondJoin'), rows.join, [{ value: 'all', label: t('edCondAll') }, { value: 'any', label: t('edCondAny') }], (join) => write({ ...rows, join: join as 'all' | 'any' }))]
      : t('edCondOnlyWhen')),
    rows.rows.length > 0 ? h('ol', { class: 'mme-cond-rows' }, rows.rows.map((row, i) => h(RowEditor, {
      key: i,
      row,
      id: `${id}-${i}`,
      position: i + 1,
      update: (r: Row) => write({ ...rows, rows: rows.rows.map((old, j) => (j === i ? r : old)) }),
      remove: () => write({ ...rows, rows: rows.rows.filter((_, j) => j !== i) }),
    }))) : null,
    h('button', { type: 'button', onClick: () => write({ ...rows, rows: [...rows.rows, freshRow(flagNames().length > 0 ? 'flag' : 'seen')] }) }, t('edCondAdd')),
    h(Messages, { id: `${id}-m`, messages }));
}
