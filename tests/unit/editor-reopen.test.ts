/**
 * The mark and the undo steps that bring a reloaded page back into the editor (src/editor/reopen.ts):
 * with room, the steps come back whole; with too little, the newest ones; with none, nothing, and
 * never an exception. A sessionStorage of a given size stands in for the browser's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { editorWasOpen, keepSteps, markEditorOpen, takeSteps } from '../../src/editor/reopen.ts';

class SmallStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly room: number) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (value.length > this.room) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function useStorage(storage: unknown): void {
  Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'sessionStorage');
});

const history = (steps: number) => ({ past: Array.from({ length: steps }, (_, i) => `text ${i} `.repeat(50)), future: [], group: 'a', at: 1 });

describe('coming back into the editor after a reload', () => {
  it('is marked while the editor is open, and not after it closed', () => {
    useStorage(new SmallStorage(1000));
    expect(editorWasOpen()).toBe(false);
    markEditorOpen(true);
    expect(editorWasOpen()).toBe(true);
    markEditorOpen(false);
    expect(editorWasOpen()).toBe(false);
  });

  it('gives back the steps for the same text, once, and none for another text', () => {
    useStorage(new SmallStorage(1_000_000));
    keepSteps('now', history(120));
    expect(takeSteps('other')).toBeUndefined();
    keepSteps('now', history(120));
    expect(takeSteps('now')).toEqual(history(120));
    expect(takeSteps('now')).toBeUndefined();
  });

  it('keeps the newest steps when the whole history does not fit', () => {
    const all = history(120);
    useStorage(new SmallStorage(JSON.stringify({ text: 'now', history: all }).length / 3));
    keepSteps('now', all);
    const kept = takeSteps<typeof all>('now')!;
    expect(kept.past.length).toBeGreaterThan(0);
    expect(kept.past.length).toBeLessThan(120);
    expect(kept.past).toEqual(all.past.slice(120 - kept.past.length));
  });

  it('goes on without storage, or with storage that refuses everything', () => {
    useStorage(undefined);
    markEditorOpen(true);
    expect(editorWasOpen()).toBe(false);
    keepSteps('now', history(3));
    expect(takeSteps('now')).toBeUndefined();
    useStorage(new SmallStorage(0));
    markEditorOpen(true);
    expect(editorWasOpen()).toBe(false);
    keepSteps('now', history(3));
    expect(takeSteps('now')).toBeUndefined();
  });
});
