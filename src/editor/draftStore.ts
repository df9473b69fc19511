/**
 * The draft: the scenario as it is in the editor, kept in the browser's IndexedDB (through
 * idb-keyval) after every change, so that a closed tab, a reload or a crash loses nothing. Storage can
 * fail (private windows, a full disk, a browser that refuses IndexedDB on file://): every function
 * here says so in its result and never throws, and the editor goes on without it.
 *
 * Also the "saved / not yet saved to the file" state, worked out from the texts alone.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';

/** Where the file came from, so that saving goes back there. */
export type DraftOrigin = 'levels' | 'file' | 'new';

export interface Draft {
  /** The file name (`school.json`). */
  name: string;
  origin: DraftOrigin;
  /** The text in the editor. */
  text: string;
  /** The text as last saved to (or opened from) the file; `null` for a scenario never saved. */
  savedText: string | null;
  /** When the draft was kept, in ms since 1970. */
  updatedAt: number;
}

/** What a draft read back must look like: storage is the browser's, and anything may be in it. */
const draftShape = v.object({
  name: v.string(),
  origin: v.picklist(['levels', 'file', 'new']),
  text: v.string(),
  savedText: v.nullable(v.string()),
  updatedAt: v.number(),
});

/** The three calls the draft needs; idb-keyval in the browser, a Map in tests. */
export interface DraftStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export const DRAFT_KEY = 'draft';

/** IndexedDB through idb-keyval, opened on first use (opening throws where there is no IndexedDB). */
export function browserStorage(): DraftStorage {
  let store: UseStore | undefined;
  const open = () => (store ??= createStore('many-masters-editor', 'drafts'));
  return {
    get: async (key) => get(key, open()),
    set: async (key, value) => set(key, value, open()),
    del: async (key) => del(key, open()),
  };
}

export type Stored = { ok: true } | { ok: false; reason: StorageFailure };
/** `full`: the browser's storage quota is used up; `unavailable`: no IndexedDB here (or refused). */
export type StorageFailure = 'full' | 'unavailable';

function failure(error: unknown): StorageFailure {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message)) ? 'full' : 'unavailable';
}

export async function keepDraft(storage: DraftStorage, draft: Draft): Promise<Stored> {
  try {
    await storage.set(DRAFT_KEY, draft);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: failure(error) };
  }
}

export type Restored = { ok: true; draft: Draft | undefined } | { ok: false; reason: StorageFailure };

/** The kept draft, if there is one; a stored value that is not a draft (an older or damaged one) counts as none. */
export async function restoreDraft(storage: DraftStorage): Promise<Restored> {
  try {
    const found = v.safeParse(draftShape, await storage.get(DRAFT_KEY));
    return { ok: true, draft: found.success ? found.output : undefined };
  } catch (error) {
    return { ok: false, reason: failure(error) };
  }
}

/** Forgets the draft (after the author closes the editor with everything saved, or throws it away). */
export async function dropDraft(storage: DraftStorage): Promise<Stored> {
  try {
    await storage.del(DRAFT_KEY);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: failure(error) };
  }
}

/**
 * Keeps drafts one write at a time: while a write is under way, only the newest draft waits for the
 * next, so fast typing never queues up writes of a large file. `onResult` hears every outcome (the
 * editor shows "draft not kept" while storage fails). `settled()` waits until the newest draft is written.
 */
export function draftKeeper(storage: DraftStorage, onResult: (result: Stored, draft: Draft) => void = () => {}) {
  let writing: Promise<void> | undefined;
  let waiting: Draft | undefined;
  const run = async (first: Draft) => {
    for (let draft: Draft | undefined = first; draft; draft = waiting, waiting = undefined) {
      onResult(await keepDraft(storage, draft), draft);
    }
    writing = undefined;
  };
  return {
    keep(draft: Draft): void {
      if (writing) waiting = draft;
      else writing = run(draft);
    },
    async settled(): Promise<void> {
      while (writing) await writing;
    },
  };
}

/** `saved`: the file holds what the editor shows; `unsaved`: it does not yet; `never`: there is no file yet. */
export type FileState = 'saved' | 'unsaved' | 'never';

export function fileState(text: string, savedText: string | null): FileState {
  if (savedText === null) return 'never';
  return text === savedText ? 'saved' : 'unsaved';
}
