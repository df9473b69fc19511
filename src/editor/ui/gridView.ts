/**
 * The effects grid: one row per choice, one column per meter, edited like a spreadsheet. Arrow keys,
 * Home/End and Page Up/Down move the cursor; typing starts an edit, Enter (or F2) edits the cell as it
 * is, Enter commits and moves down, Tab commits and moves right, Escape cancels. ARIA's grid pattern:
 * one cell is in the tab order, the rest are reached with the arrows.
 */
import { h } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { own } from '../../engine/own.ts';
import { t } from '../../locales/index.ts';
import { meterFigures } from '../../engine/meterFigures.ts';
import { moveCell, parseAmount, showAmount, type Cell } from './grid.ts';
import { set, type El } from './fields.ts';
import { cardLabel, cards, meters, words } from './lists.ts';
import { cardIndex, uiLanguage, view } from './state.ts';

interface Line {
  card: number;
  choice: number;
  first: boolean;
  label: string;
  effects: Record<string, number> | undefined;
}

function lines(): Line[] {
  const out: Line[] = [];
  cards().forEach((card, ci) => {
    (Array.isArray(card.choices) ? card.choices : []).forEach((choice, hi) => {
      out.push({ card: ci, choice: hi, first: hi === 0, label: words(choice.label, 60) || t('edChoiceN', { n: hi + 1 }), effects: choice.effects && typeof choice.effects === 'object' ? choice.effects : undefined });
    });
  });
  return out;
}

export function GridView(): El {
  void uiLanguage.value;
  const rows = lines();
  const list = meters();
  const figures = meterFigures({ meters: list, cards: cards() });
  const [at, setAt] = useState<Cell>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const table = useRef<HTMLTableElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const cell = { row: Math.min(at.row, rows.length - 1), col: Math.min(at.col, list.length - 1) };

  // Before the next key arrives: keys typed quickly after the first must land in the cell's field.
  useLayoutEffect(() => {
    if (editing !== null && input.current && document.activeElement !== input.current) {
      input.current.focus();
      input.current.setSelectionRange(input.current.value.length, input.current.value.length);
    }
    // The cell's field just went away with the focus in it (the focus fell back to the page): the cursor cell takes it.
    else if (editing === null && (table.current?.contains(document.activeElement) || document.activeElement === document.body)) table.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, [at.row, at.col, editing !== null]);

  const valueAt = (c: Cell) => {
    const line = rows[c.row];
    const meter = list[c.col];
    return line && meter ? own(line.effects, String(meter.id)) : undefined;
  };
  const commit = (typed: string, then: Cell | null) => {
    const amount = parseAmount(typed);
    if (!amount.ok) {
      setRefused(true);
      return;
    }
    const line = rows[cell.row]!;
    const meter = String(list[cell.col]!.id);
    const path = ['cards', line.card, 'choices', line.choice, 'effects'];
    const effects = line.effects ?? {};
    if (amount.value === null) {
      if (own(effects, meter) !== undefined) set(Object.keys(effects).length === 1 ? path : [...path, meter], undefined);
    } else set([...path, meter], amount.value);
    setRefused(false);
    setEditing(null);
    if (then) setAt(then);
  };

  const onKey = (event: KeyboardEvent) => {
    if (rows.length === 0 || list.length === 0) return;
    if (editing !== null) {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit(editing, moveCell(cell, 'ArrowDown', rows.length, list.length));
      } else if (event.key === 'Tab' && !event.shiftKey) {
        event.preventDefault();
        commit(editing, moveCell(cell, 'ArrowRight', rows.length, list.length));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        setEditing(null);
        setRefused(false);
      }
      return;
    }
    const moved = moveCell(cell, event.key, rows.length, list.length, event.ctrlKey || event.metaKey);
    if (moved) {
      event.preventDefault();
      setAt(moved);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      setEditing(showAmount(valueAt(cell)).replace('\u2212', '-'));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      commit('', null);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && /[-+0-9.,\u2212]/.test(event.key)) {
      event.preventDefault();
      setEditing(event.key);
    }
  };

  return h('section', { 'aria-labelledby': 'mme-view-title', class: 'mme-grid-view' },
    h('h2', { id: 'mme-view-title' }, t('edViewGrid')),
    h('p', { class: 'mme-hint', id: 'mme-grid-help' }, t('edGridHelp')),
    figures.some((f) => f.tooFew) ? h('ul', { class: 'mme-warnings' }, figures.filter((f) => f.tooFew).map((f) => h('li', { key: f.meter }, t('edTooFewCards', { meter: words(list.find((m) => m.id === f.meter)?.label) || f.meter, count: f.cards, cards: cards().length })))) : null,
    refused ? h('p', { class: 'mme-problems', role: 'alert' }, t('edGridRefused')) : null,
    h('div', { class: 'mme-grid-scroll', role: 'region', 'aria-labelledby': 'mme-view-title', tabIndex: -1 },
      h('table', { ref: table, role: 'grid', class: 'mme-grid', 'aria-labelledby': 'mme-view-title', 'aria-describedby': 'mme-grid-help', 'aria-rowcount': rows.length + 2, 'aria-colcount': list.length + 2, onKeyDown: onKey },
        h('thead', null,
          h('tr', { role: 'row' },
            h('th', { role: 'columnheader', scope: 'col' }, t('edGridCard')),
            h('th', { role: 'columnheader', scope: 'col' }, t('edGridChoice')),
            list.map((m, i) => {
              const f = figures[i]!;
              return h('th', { key: m.id, role: 'columnheader', scope: 'col', class: f.tooFew ? 'mme-too-few' : undefined },
                h('span', { class: 'mme-meter-name' }, words(m.label) || String(m.id)),
                h('span', { class: 'mme-meter-figures' }, t('edGridFigures', { count: f.cards, cards: cards().length, up: showAmount(f.up) || '0', down: showAmount(f.down) || '0' })));
            }))),
        h('tbody', null, rows.map((line, r) => h('tr', { key: `${line.card}-${line.choice}`, role: 'row', class: line.first ? 'mme-first' : undefined },
          h('th', { role: 'rowheader', scope: 'row', class: 'mme-grid-card' }, line.first ? h('button', { type: 'button', class: 'mme-link', tabIndex: -1, onClick: () => { cardIndex.value = line.card; view.value = 'cards'; } }, cardLabel(cards()[line.card]!)) : h('span', { class: 'mme-sr' }, cardLabel(cards()[line.card]!))),
          h('th', { role: 'rowheader', scope: 'row' }, line.label),
          list.map((m, c) => {
            const here = r === cell.row && c === cell.col;
            const value = own(line.effects, String(m.id));
            return h('td', {
              key: m.id,
              role: 'gridcell',
              tabIndex: here && editing === null ? 0 : -1,
              class: `mme-cell${here ? ' mme-cursor' : ''}${value && value > 0 ? ' mme-up' : value && value < 0 ? ' mme-down' : ''}`,
              'aria-selected': here ? 'true' : 'false',
              onClick: () => setAt({ row: r, col: c }),
              onDblClick: () => { setAt({ row: r, col: c }); setEditing(showAmount(value).replace('\u2212', '-')); },
            }, here && editing !== null
              ? h('input', { ref: input, type: 'text', inputMode: 'decimal', class: 'mme-cell-input', value: editing, 'aria-label': t('edGridCellLabel', { meter: words(m.label) || String(m.id), choice: line.label }), 'aria-invalid': refused ? 'true' : undefined, onInput: (e: Event) => setEditing((e.currentTarget as HTMLInputElement).value), onBlur: () => { if (editing !== null) commit(editing, null); } })
              : showAmount(value));
          })))),
        h('tfoot', null,
          h('tr', { role: 'row' },
            h('th', { role: 'rowheader', scope: 'row', colSpan: 2 }, t('edGridSums')),
            figures.map((f) => h('td', { key: f.meter, role: 'gridcell' }, `${showAmount(f.up) || '0'} / ${showAmount(f.down) || '0'}`)))))));
}
