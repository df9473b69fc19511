import { describe, expect, it } from 'vitest';
import { choose, newGame } from '../../src/engine/game.ts';
import { SaveStore, type KeyValueStore } from '../../src/platform/saves.ts';
import { makeScenario } from './scenarios.ts';

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const throwing: KeyValueStore = {
  getItem() {
    throw new Error('SecurityError');
  },
  setItem() {
    throw new Error('QuotaExceededError');
  },
  removeItem() {
    throw new Error('SecurityError');
  },
};

const scenario = makeScenario();
const playedOnce = () => {
  const r = choose(scenario, newGame(scenario, 'x'), 0);
  if (!r.ok) throw new Error('choose');
  return r.state;
};

describe('solo saves', () => {
  it('gives back exactly the saved game, per scenario', () => {
    const memory = new MemoryStore();
    const store = new SaveStore(() => memory);
    const state = playedOnce();
    expect(store.write(state)).toBe(true);
    expect(store.read(scenario)).toEqual({ kind: 'ok', state });
    expect(store.read({ ...scenario, id: 'other' })).toEqual({ kind: 'none' });
  });

  it('keeps an unreadable save aside under its own key, tells why, and offers a new game', () => {
    const memory = new MemoryStore();
    memory.setItem('many-masters.save.test', '{"version": 1, "broken"');
    const store = new SaveStore(() => memory);
    const result = store.read(scenario, () => Date.UTC(2026, 10, 24, 9, 30));
    expect(result).toEqual({ kind: 'unreadable', problem: 'notReadable', reason: expect.stringContaining('not readable JSON'), keptAs: 'many-masters.unreadable.test.2026-11-24T09:30:00.000Z' });
    expect(memory.getItem('many-masters.unreadable.test.2026-11-24T09:30:00.000Z')).toBe('{"version": 1, "broken"');
    expect(store.read(scenario)).toEqual({ kind: 'none' });
  });

  it('treats a save from another format version as unreadable, not as a new game', () => {
    const memory = new MemoryStore();
    memory.setItem('many-masters.save.test', JSON.stringify({ ...playedOnce(), version: 2 }));
    expect(new SaveStore(() => memory).read(scenario)).toMatchObject({ kind: 'unreadable', problem: 'otherVersion', reason: expect.stringContaining('version 2') });
  });

  it('removes the save when the game has ended', () => {
    const memory = new MemoryStore();
    const store = new SaveStore(() => memory);
    store.write(playedOnce());
    const ended = { ...playedOnce(), end: { ending: 'done', reason: 'turns' as const }, current: null };
    store.write(ended);
    expect(store.read(scenario)).toEqual({ kind: 'none' });
  });

  it('keeps the game playable when storage throws on every call, and says so', () => {
    const store = new SaveStore(() => throwing);
    expect(store.storageWorks()).toBe(true);
    expect(store.write(playedOnce())).toBe(false);
    expect(store.storageWorks()).toBe(false);
    expect(store.read(scenario)).toEqual({ kind: 'none' });
    expect(store.endingsReached()).toEqual({});
    store.recordEnding('test', 'done');
    const none = new SaveStore(() => null);
    expect(none.write(playedOnce())).toBe(false);
  });

  it('collects the endings reached across games, once each', () => {
    const memory = new MemoryStore();
    const store = new SaveStore(() => memory);
    store.recordEnding('test', 'a-low');
    store.recordEnding('test', 'done');
    store.recordEnding('test', 'a-low');
    store.recordEnding('other', 'x');
    expect(new SaveStore(() => memory).endingsReached()).toEqual({ test: ['a-low', 'done'], other: ['x'] });
    memory.setItem('many-masters.endings', '[1,2');
    expect(store.endingsReached()).toEqual({});
  });
});
