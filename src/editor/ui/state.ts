/**
 * What the editor's page shows, as signals: the document being edited, the part of it on screen, the
 * selected card, and the text last saved. Every change to the file goes through `change`, so undo,
 * the draft and the "not yet saved" state see all of them.
 */
import { computed, signal } from '@preact/signals';
import type { Language } from '../../engine/text.ts';
import { formatPath, type Problem } from '../../engine/validate.ts';
import { language, t } from '../../locales/index.ts';
import type { BalanceResult } from '../checks.ts';
import { EditError, type EditorDocument, type EditPath } from '../document.ts';

export type View = 'scenario' | 'meters' | 'stakeholders' | 'cards' | 'grid' | 'endings' | 'debrief';
export const VIEWS: readonly View[] = ['scenario', 'meters', 'stakeholders', 'cards', 'grid', 'endings', 'debrief'];

export const doc = signal<EditorDocument | null>(null);
export const view = signal<View>('scenario');
export const cardIndex = signal(0);
/** The page's language: the game's language setting, switched from the editor too. */
export const uiLanguage = signal<Language>(language());
/** The languages the scenario's texts are written in: a column of fields each. */
export const columns = signal<readonly Language[]>(['nl', 'en']);
/** The text as it is in the file (or the download) the author last saved to; null for a new scenario. */
export const savedText = signal<string | null>(null);
/** Said once after an action (saved, undone, an edit that could not be made), for the status line. */
export const notice = signal('');
/** Whether the newest change is written to the browser's storage (the draft). */
export const draftKept = signal(true);
/** When the draft shown was kept, when the editor opened on a draft instead of the file; null otherwise. */
export const restored = signal<string | null>(null);

export const saved = computed(() => doc.value !== null && savedText.value === doc.value.text);

/**
 * The validator's problems and the text they are about: worked out off the page a moment after an
 * edit (src/editor/checks.ts), so a key press never waits for the whole file to be checked.
 */
export const checked = signal<{ text: string; problems: readonly Problem[] } | null>(null);
/** The balance check's result for the text it names, once the worker has played it. */
export const balance = signal<{ text: string; result: BalanceResult } | null>(null);
/** The checks shown belong to an older text: new ones are on their way. */
export const checking = computed(() => doc.value !== null && checked.value?.text !== doc.value.text);

/** The problems of the document by the path they are about (`cards[2].text.en`). */
export const problemsByPath = computed(() => {
  const byPath = new Map<string, Problem[]>();
  for (const problem of checked.value?.problems ?? []) {
    const list = byPath.get(problem.path) ?? [];
    list.push(problem);
    byPath.set(problem.path, list);
  }
  return byPath;
});

export function pathKey(path: EditPath): string {
  return formatPath([...path]);
}

/** An element id for a field, from its path (ids from a file may hold characters an id cannot). */
export function fieldId(path: EditPath, suffix = ''): string {
  return `mme-${path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '_')).join('-')}${suffix ? `-${suffix}` : ''}`;
}

type Listener = (before: EditorDocument, after: EditorDocument, group: string | undefined) => void;
const listeners = new Set<Listener>();

/** Called after every change to the document (the history, the draft, the checks). */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Makes one change to the file. `group` names a run of edits that undo as one (the keys typed into
 * one field); an edit the document refuses is reported in the status line and changes nothing.
 */
export function change(edit: (current: EditorDocument) => EditorDocument, group?: string): boolean {
  const before = doc.value;
  if (!before) return false;
  let after: EditorDocument;
  try {
    after = edit(before);
  } catch (error) {
    if (error instanceof EditError) {
      notice.value = t('edEditRefused');
      return false;
    }
    throw error;
  }
  if (after === before || after.text === before.text) return false;
  doc.value = after;
  for (const listener of listeners) listener(before, after, group);
  return true;
}
