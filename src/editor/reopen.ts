/**
 * A reload with the editor open comes back into the editor: while it is open, this tab's
 * sessionStorage holds a mark, which the game reads once as it starts (one read; without the mark
 * the title comes as ever). The draft itself is in IndexedDB (./draftStore.ts); the undo steps are
 * written here only as the page goes away, since a step is a whole text and writing them on every
 * key would cost far more than the draft. sessionStorage belongs to the tab: a new tab, or the
 * browser started again, begins at the title, and the draft waits for the editor to be opened.
 * Every call here survives a browser that refuses storage (it then behaves as if nothing was kept).
 */

const OPEN = 'many-masters-editor-open';
const STEPS = 'many-masters-editor-steps';

function session(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function markEditorOpen(open: boolean): void {
  try {
    if (open) session()?.setItem(OPEN, '1');
    else session()?.removeItem(OPEN);
  } catch {
    // No storage: a reload then starts at the title, as without the editor.
  }
}

export function editorWasOpen(): boolean {
  try {
    return session()?.getItem(OPEN) === '1';
  } catch {
    return false;
  }
}

/** The undo steps as the page went away, for the text they lead to. */
export interface KeptSteps<H> {
  text: string;
  history: H;
}

/**
 * Keeps the undo steps for the reload; with too little room, the older half of `past` is dropped
 * until it fits (the newest steps are the ones an author undoes first).
 */
export function keepSteps<H extends { past: readonly string[] }>(text: string, history: H): void {
  const storage = session();
  if (!storage) return;
  let kept: H = history;
  for (;;) {
    try {
      storage.setItem(STEPS, JSON.stringify({ text, history: kept }));
      return;
    } catch {
      if (kept.past.length === 0) {
        try {
          storage.removeItem(STEPS);
        } catch {
          // Nothing kept: the draft still comes back, without its undo steps.
        }
        return;
      }
      kept = { ...kept, past: kept.past.slice(Math.ceil(kept.past.length / 2)) };
    }
  }
}

/** The steps kept for exactly this text, once: they are forgotten as they are read. */
export function takeSteps<H>(text: string): H | undefined {
  const storage = session();
  try {
    const raw = storage?.getItem(STEPS);
    storage?.removeItem(STEPS);
    if (!raw) return undefined;
    const kept = JSON.parse(raw) as Partial<KeptSteps<H>>;
    return kept.text === text ? kept.history : undefined;
  } catch {
    return undefined;
  }
}
