/**
 * The scenario editor's page: a header with the file's state and its actions, the parts of the
 * scenario to move between, the selected part's form, and the checks. It is a page of its own over
 * the game: the game's canvas and accessible layer are hidden while it is open, and keys typed here
 * never reach the game.
 */
import type { El } from './fields.ts';
import { h, render } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Stakeholder } from '../../engine/format.ts';
import { resolveText, type Language } from '../../engine/text.ts';
import { t } from '../../locales/index.ts';
import { settings } from '../../platform/settings.ts';
import { openDocument } from '../document.ts';
import { markEditorOpen } from '../reopen.ts';
import { CardPreview, stopPreview } from './preview.ts';
import { GridView } from './gridView.ts';
import { cards, scenario, stakeholders, words } from './lists.ts';
import { cardIndex, columns, doc, draftKept, notice, restored, saved, savedText, uiLanguage, view, VIEWS, type View } from './state.ts';
import { CardsView, DebriefView, EndingsView, MetersView, ScenarioView, StakeholdersView } from './views.ts';
import { ChecksPanel } from './checksPanel.ts';
import { actions, type EditorActions } from './actions.ts';

const VIEW_KEYS: Record<View, 'edViewScenario' | 'edViewMeters' | 'edViewStakeholders' | 'edViewCards' | 'edViewGrid' | 'edViewEndings' | 'edViewDebrief'> = {
  scenario: 'edViewScenario',
  meters: 'edViewMeters',
  stakeholders: 'edViewStakeholders',
  cards: 'edViewCards',
  grid: 'edViewGrid',
  endings: 'edViewEndings',
  debrief: 'edViewDebrief',
};

function Preview(): El | null {
  const list = cards();
  const card = list[Math.min(cardIndex.value, list.length - 1)];
  if (!card) return null;
  const stakeholder = stakeholders().find((s) => s.id === card.from) as Stakeholder | undefined;
  const lang = uiLanguage.value;
  return h(CardPreview, { content: { stakeholder, name: stakeholder ? resolveText(stakeholder.name, lang) : String(card.from ?? ''), text: typeof card.text === 'string' || (card.text && typeof card.text === 'object') ? resolveText(card.text, lang) : '' } });
}

function Header({ act }: { act: EditorActions }): El {
  const current = doc.value!;
  const title = words(scenario().title, 80) || current.name;
  return h('header', { class: 'mme-head' },
    h('div', { class: 'mme-title' },
      h('h1', { id: 'mme-title', tabIndex: -1 }, t('edHeading', { title })),
      h('p', { class: saved.value ? 'mme-state mme-saved' : 'mme-state mme-unsaved', role: 'status' },
        saved.value ? t('edSaved', { file: current.name }) : savedText.value === null ? t('edNeverSaved') : t('edNotSaved', { file: current.name }),
        notice.value ? ` · ${notice.value}` : ''),
      restored.value ? h('p', { class: 'mme-restored' }, t('edRestored', { when: restored.value }), ' ', h('button', { type: 'button', class: 'mme-small', onClick: () => act.discard() }, t('edDiscard'))) : null),
    h('div', { class: 'mme-actions', role: 'toolbar', 'aria-label': t('edActions') },
      h('button', { type: 'button', onClick: act.undo, disabled: !act.canUndo(), 'aria-keyshortcuts': 'Control+Z' }, t('edUndo')),
      h('button', { type: 'button', onClick: act.redo, disabled: !act.canRedo(), 'aria-keyshortcuts': 'Control+Y' }, t('edRedo')),
      h('button', { type: 'button', onClick: () => void act.save(), 'aria-keyshortcuts': 'Control+S' }, act.saveLabel()),
      h('button', { type: 'button', onClick: () => act.download() }, t('edDownload')),
      h('button', { type: 'button', onClick: () => act.play(), disabled: !act.canPlay() }, t('edPlayFromHere')),
      h('button', { type: 'button', onClick: () => settings.update({ language: uiLanguage.value === 'nl' ? 'en' : 'nl' }), lang: uiLanguage.value === 'nl' ? 'en' : 'nl' }, t('edOtherLanguage')),
      h('button', { type: 'button', onClick: () => act.close() }, t('edClose'))));
}

function Page({ act }: { act: EditorActions }): El {
  const current = view.value;
  const lang = uiLanguage.value;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  let body: El;
  switch (current) {
    case 'scenario': body = h(ScenarioView, {}); break;
    case 'meters': body = h(MetersView, {}); break;
    case 'stakeholders': body = h(StakeholdersView, {}); break;
    case 'cards': body = h(CardsView, { preview: h(Preview, {}) }); break;
    case 'grid': body = h(GridView, {}); break;
    case 'endings': body = h(EndingsView, {}); break;
    case 'debrief': body = h(DebriefView, {}); break;
  }
  return h('div', { class: 'mme-page', lang, 'data-draft': draftKept.value ? 'kept' : 'keeping' },
    h(Header, { act }),
    h('nav', { class: 'mme-views', 'aria-label': t('edParts') },
      h('ul', null, VIEWS.map((v) => h('li', { key: v },
        h('button', { type: 'button', 'aria-current': v === current ? 'page' : undefined, onClick: () => { view.value = v; } }, t(VIEW_KEYS[v])))))),
    h('div', { class: 'mme-body' },
      h('main', { class: 'mme-main', id: 'mme-main' }, body),
      h(ChecksPanel, {})));
}

let root: HTMLElement | null = null;
let unsubscribe: (() => void) | null = null;

export function isOpen(): boolean {
  return root !== null;
}

/** Shows the editor over the game for a file's text; `saved` is the text as it is on disk (null: never saved). */
export function mount(name: string, text: string, savedAs: string | null, act: EditorActions): void {
  doc.value = openDocument(name, text);
  savedText.value = savedAs;
  notice.value = '';
  const value = doc.value.value as { title?: unknown } | undefined;
  const title = value?.title;
  // A scenario written in one language shows one column; a new or bilingual one both.
  columns.value = title && typeof title === 'object' && !Array.isArray(title) ? (['nl', 'en'] as Language[]).filter((l) => Object.hasOwn(title, l)) : ['nl', 'en'];
  if (columns.value.length === 0) columns.value = ['nl', 'en'];
  show(act);
}

/** Shows the editor again as it was left (after "Play from here"). */
export function show(act: EditorActions): void {
  document.documentElement.classList.add('mm-editing');
  markEditorOpen(true);
  if (!root) {
    root = document.createElement('div');
    root.className = 'mme';
    root.setAttribute('data-mm-editor', '');
    // Keys typed in the editor are the editor's: the game's own keys (L for language, M for mute,
    // digits for choices) must not act on the screen hidden under it.
    root.addEventListener('keydown', (event) => {
      event.stopPropagation();
      act.key(event);
    });
    // The game under the editor wakes to draw frames on any input that reaches the window
    // (src/platform/redraw.ts): typing here woke it on every key's keyup, and its hidden frames cost
    // each key press more than the editor's own work did.
    for (const type of ['keyup', 'pointerdown', 'pointerup', 'pointermove', 'wheel', 'touchstart', 'touchend']) {
      root.addEventListener(type, (event) => event.stopPropagation(), { passive: true });
    }
    document.body.append(root);
  }
  uiLanguage.value = settings.get().language;
  unsubscribe?.();
  unsubscribe = settings.subscribe((s) => {
    uiLanguage.value = s.language;
  });
  render(h(Page, { act }), root);
  queueMicrotask(() => document.getElementById('mme-title')?.focus());
}

/** Takes the editor off the page; what it held stays in memory for "Play from here" and back. */
export function unmount(): void {
  unsubscribe?.();
  unsubscribe = null;
  stopPreview();
  if (root) {
    render(null, root);
    root.remove();
    root = null;
  }
  document.documentElement.classList.remove('mm-editing');
  markEditorOpen(false);
}

export { actions };
