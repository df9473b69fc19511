import { describe, expect, it } from 'vitest';
import { choose, newGame } from '../../src/engine/game.ts';
import { startWorkshop } from '../../src/engine/workshop.ts';
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

  it('never overwrites an unreadable save that storage is too full to keep aside, until the player starts anew', () => {
    const memory = new MemoryStore();
    memory.setItem('many-masters.save.test', '{"broken"');
    const full = { ...memory, getItem: (k: string) => memory.getItem(k), removeItem: (k: string) => memory.removeItem(k), setItem: (k: string, v: string) => (k.startsWith('many-masters.unreadable.') ? throwing.setItem(k, v) : memory.setItem(k, v)) };
    const store = new SaveStore(() => full);
    expect(store.read(scenario)).toMatchObject({ kind: 'unreadable', keptAs: null });
    expect(store.unkept('test')).toEqual([{ key: 'many-masters.save.test', what: 'save', text: '{"broken"' }]);
    expect(store.write(playedOnce())).toBe(false);
    expect(memory.getItem('many-masters.save.test')).toBe('{"broken"');
    store.startAnew('test');
    expect(store.unkept('test')).toEqual([]);
    expect(store.write(playedOnce())).toBe(true);
    expect(store.read(scenario)).toMatchObject({ kind: 'ok' });
  });

  it('keeps a corrupt endings record aside instead of replacing it, and never overwrites it while it cannot be kept', () => {
    const memory = new MemoryStore();
    memory.setItem('many-masters.endings', '{"test": ["done"');
    const store = new SaveStore(() => memory);
    expect(store.endingsReached(() => Date.UTC(2026, 10, 24))).toEqual(new Map());
    expect(memory.getItem('many-masters.unreadable.endings.2026-11-24T00:00:00.000Z')).toBe('{"test": ["done"');
    store.recordEnding('test', 'a-low');
    expect(store.endingsReached().get('test')).toEqual(['a-low']);

    const cramped = new MemoryStore();
    cramped.setItem('many-masters.endings', '[1, 2]');
    const full = { getItem: (k: string) => cramped.getItem(k), removeItem: (k: string) => cramped.removeItem(k), setItem: (k: string, v: string) => (k.startsWith('many-masters.unreadable.') ? throwing.setItem(k, v) : cramped.setItem(k, v)) };
    const fullStore = new SaveStore(() => full);
    fullStore.recordEnding('test', 'done');
    expect(cramped.getItem('many-masters.endings')).toBe('[1, 2]');
    expect(fullStore.unkept('test')).toEqual([{ key: 'many-masters.endings', what: 'endings', text: '[1, 2]' }]);
    fullStore.startAnew('test');
    fullStore.recordEnding('test', 'done');
    expect(fullStore.endingsReached().get('test')).toEqual(['done']);
  });

  it('never overwrites an unreadable workshop that storage is too full to keep aside, until the trainer starts anew', () => {
    const memory = new MemoryStore();
    memory.setItem('many-masters.workshop', '{"kind": "many-masters-workshop", "workshop"');
    const full = { getItem: (k: string) => memory.getItem(k), removeItem: (k: string) => memory.removeItem(k), setItem: (k: string, v: string) => (k.startsWith('many-masters.unreadable.') ? throwing.setItem(k, v) : memory.setItem(k, v)) };
    const store = new SaveStore(() => full);
    const find = (id: string) => (id === scenario.id ? scenario : undefined);
    expect(store.readWorkshop(find)).toMatchObject({ kind: 'unreadable', problem: 'notReadable', keptAs: null });
    expect(store.unkeptWorkshop()).toEqual({ key: 'many-masters.workshop', what: 'workshop', text: '{"kind": "many-masters-workshop", "workshop"' });
    const saved = { workshop: startWorkshop(scenario, { teams: ['A'], mode: 'together', preview: 'on', timer: 0 }, 'x'), room: { phase: 'deciding' as const, revealTeam: null, slide: 0, timer: { left: 0, running: false } } };
    expect(store.writeWorkshop(saved)).toBe(false);
    store.forgetWorkshop();
    // Read again (the title after a reload): still there, still blocked.
    expect(new SaveStore(() => full).readWorkshop(find)).toMatchObject({ kind: 'unreadable', keptAs: null });
    expect(memory.getItem('many-masters.workshop')).toBe('{"kind": "many-masters-workshop", "workshop"');
    store.startAnewWorkshop();
    expect(store.unkeptWorkshop()).toBeNull();
    expect(store.writeWorkshop(saved)).toBe(true);
    expect(store.readWorkshop(find)).toMatchObject({ kind: 'ok' });
  });

  it('keeps an unreadable workshop aside under its own key when there is room', () => {
    const memory = new MemoryStore();
    memory.setItem('many-masters.workshop', '[]');
    const store = new SaveStore(() => memory);
    expect(store.readWorkshop(() => scenario, () => Date.UTC(2026, 10, 24))).toMatchObject({ kind: 'unreadable', keptAs: 'many-masters.unreadable.workshop.2026-11-24T00:00:00.000Z' });
    expect(memory.getItem('many-masters.unreadable.workshop.2026-11-24T00:00:00.000Z')).toBe('[]');
    expect(store.unkeptWorkshop()).toBeNull();
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
    expect(store.endingsReached()).toEqual(new Map());
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
    expect(new SaveStore(() => memory).endingsReached()).toEqual(new Map([['test', ['a-low', 'done']], ['other', ['x']]]));
  });
});
