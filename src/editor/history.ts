/**
 * Undo and redo over the document's text, as values: every function returns a new history and
 * leaves the one it was given alone, so a form can keep it in a signal and a test can hold each step.
 *
 * A step is the whole text before an edit, so undoing gives back exactly the bytes there were, layout
 * and all. The keys typed into one field make one step: an edit in the same group (the field's path)
 * as the one before, within a pause, joins that step instead of starting a new one.
 */

/** Steps kept. The texts share nothing, so this bounds the memory: 200 × a 140 kB file is 28 MB. */
export const HISTORY_STEPS = 200;

/** A pause in typing longer than this starts a new step, even in the same field. */
export const TYPING_PAUSE_MS = 1500;

export interface History {
  /** Texts before each edit, the oldest first. */
  readonly past: readonly string[];
  /** Texts undone, the next to redo last. */
  readonly future: readonly string[];
  /** The group of the last edit and when it was made; a following edit in that group joins its step. */
  readonly group: string | undefined;
  readonly at: number;
}

export const emptyHistory: History = { past: [], future: [], group: undefined, at: 0 };

/**
 * Records an edit: `before` is the text before it. `group` names what was edited (a field's path);
 * leave it out for an edit that is a step of its own (adding a card, moving one).
 */
export function record(history: History, before: string, group?: string, now = Date.now()): History {
  const joins = group !== undefined && group === history.group && now - history.at <= TYPING_PAUSE_MS && history.past.length > 0;
  if (joins) return { past: history.past, future: [], group, at: now };
  const past = history.past.length >= HISTORY_STEPS ? [...history.past.slice(history.past.length - HISTORY_STEPS + 1), before] : [...history.past, before];
  return { past, future: [], group, at: now };
}

export interface Moved {
  history: History;
  /** The text to show now. */
  text: string;
}

/** The text before the last step, given the text now; `undefined` when there is nothing to undo. */
export function undo(history: History, current: string): Moved | undefined {
  const text = history.past[history.past.length - 1];
  if (text === undefined) return undefined;
  return { text, history: { past: history.past.slice(0, -1), future: [...history.future, current], group: undefined, at: 0 } };
}

/** The text of the last step undone; `undefined` when there is nothing to redo. */
export function redo(history: History, current: string): Moved | undefined {
  const text = history.future[history.future.length - 1];
  if (text === undefined) return undefined;
  return { text, history: { past: [...history.past, current], future: history.future.slice(0, -1), group: undefined, at: 0 } };
}

export const canUndo = (history: History): boolean => history.past.length > 0;
export const canRedo = (history: History): boolean => history.future.length > 0;
