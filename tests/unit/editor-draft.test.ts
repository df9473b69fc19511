import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, draftKeeper, dropDraft, fileState, keepDraft, restoreDraft, type Draft, type DraftStorage } from '../../src/editor/draftStore.ts';

/** Storage in memory, as IndexedDB would hold it (a structured copy), counting its writes. */
function memoryStorage() {
  const data = new Map<string, unknown>();
  const writes: unknown[] = [];
  const storage: DraftStorage = {
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => {
      await new Promise((r) => setTimeout(r, 1));
      writes.push(value);
      data.set(key, structuredClone(value));
    },
    del: async (key) => void data.delete(key),
  };
  return { storage, data, writes };
}

function failing(name: string): DraftStorage {
  const fail = async () => {
    throw Object.assign(new Error('refused'), { name });
  };
  return { get: fail, set: fail, del: fail };
}

const draft = (text: string): Draft => ({ name: 'school.json', origin: 'levels', text, savedText: '{}', updatedAt: 1 });

describe('the draft in the browser', () => {
  it('is restored after a reload as it was kept, and gone once dropped', async () => {
    const { storage } = memoryStorage();
    expect(await restoreDraft(storage)).toEqual({ ok: true, draft: undefined });
    expect(await keepDraft(storage, draft('{"a": 1}'))).toEqual({ ok: true });
    expect(await restoreDraft(storage)).toEqual({ ok: true, draft: draft('{"a": 1}') });
    await dropDraft(storage);
    expect(await restoreDraft(storage)).toEqual({ ok: true, draft: undefined });
  });

  it('counts something else under its key (damaged, older) as no draft', async () => {
    const { storage, data } = memoryStorage();
    data.set(DRAFT_KEY, { name: 'x', text: 5 });
    expect(await restoreDraft(storage)).toEqual({ ok: true, draft: undefined });
  });

  it('says so when storage fails, and never throws', async () => {
    expect(await keepDraft(failing('QuotaExceededError'), draft('x'))).toEqual({ ok: false, reason: 'full' });
    expect(await keepDraft(failing('InvalidStateError'), draft('x'))).toEqual({ ok: false, reason: 'unavailable' });
    expect(await restoreDraft(failing('SecurityError'))).toEqual({ ok: false, reason: 'unavailable' });
    expect(await dropDraft(failing('SecurityError'))).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('writes the newest draft when typing is faster than storage, without queueing every key', async () => {
    const { storage, writes } = memoryStorage();
    const results: boolean[] = [];
    const keeper = draftKeeper(storage, (r) => results.push(r.ok));
    for (let i = 0; i < 50; i++) keeper.keep(draft(`text ${i}`));
    await keeper.settled();
    expect((await restoreDraft(storage)).ok && (await restoreDraft(storage) as { draft: Draft }).draft.text).toBe('text 49');
    expect(writes.length).toBeLessThanOrEqual(2);
    expect(results.every(Boolean)).toBe(true);
  });
});

describe('saved or not', () => {
  it('is saved only when the file holds the text the editor shows', () => {
    expect(fileState('{"a": 1}', '{"a": 1}')).toBe('saved');
    expect(fileState('{"a": 2}', '{"a": 1}')).toBe('unsaved');
    expect(fileState('{"a": 1}', null)).toBe('never');
  });
});
