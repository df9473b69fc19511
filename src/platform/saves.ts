/**
 * Solo games kept in the browser: one save per scenario after every choice, the endings a player has
 * reached, and the rule that a save which cannot be read is never silently deleted — it is moved
 * aside under its own key and the player is told. Storage that is missing, full or throwing leaves
 * the game playable; `storageWorks()` lets the screen say progress will not be kept.
 *
 * When storage is too full to keep an unreadable save or endings record aside, it stays where it is
 * and nothing overwrites it: the player chooses between keeping it (`unkept()` gives the text to
 * download) and starting anew (`startAnew`), which is the only thing that lets it be replaced.
 */
import type { Scenario } from '../engine/format.ts';
import { parseJson } from '../engine/jsonSource.ts';
import { loadGame, saveGame, type SaveProblem } from '../engine/save.ts';
import type { GameState } from '../engine/state.ts';
import { loadWorkshop, saveWorkshop, type SavedWorkshop } from '../engine/workshopSave.ts';

/** The part of the Web Storage API used here, so tests can hand in a storage that fails. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'many-masters.';
const saveKey = (scenarioId: string) => `${PREFIX}save.${scenarioId}`;
const ENDINGS_KEY = `${PREFIX}endings`;
/** One workshop at a time: the trainer's session in this browser, whatever its scenario. */
const WORKSHOP_KEY = `${PREFIX}workshop`;

export type WorkshopLookup =
  | { kind: 'none' }
  | { kind: 'ok'; saved: SavedWorkshop; scenario: Scenario }
  | { kind: 'unreadable'; problem: SaveProblem; reason: string; keptAs: string | null };

export type SaveLookup =
  | { kind: 'none' }
  | { kind: 'ok'; state: GameState }
  /** The save could not be used; it was kept under `keptAs` (null when even that failed). */
  | { kind: 'unreadable'; problem: SaveProblem; reason: string; keptAs: string | null };

/** Something unreadable that could not be kept aside, so it still stands under its own key. */
export interface Unkept {
  key: string;
  what: 'save' | 'endings' | 'workshop';
  text: string;
}

export class SaveStore {
  private working = true;
  /** By storage key: records that must not be overwritten until the player chooses. */
  private readonly blocked = new Map<string, Unkept>();

  constructor(private readonly store: () => KeyValueStore | null) {}

  /** False after any storage call failed: the screen shows that progress is not being kept. */
  storageWorks(): boolean {
    return this.working;
  }

  private attempt<T>(action: (s: KeyValueStore) => T, fallback: T): T {
    try {
      const s = this.store();
      if (!s) throw new Error('no storage');
      const result = action(s);
      this.working = true;
      return result;
    } catch {
      this.working = false;
      return fallback;
    }
  }

  write(state: GameState): boolean {
    if (this.blocked.has(saveKey(state.scenario))) return false;
    return this.attempt((s) => {
      if (state.end) s.removeItem(saveKey(state.scenario));
      else s.setItem(saveKey(state.scenario), saveGame(state));
      return true;
    }, false);
  }

  read(scenario: Scenario, now: () => number = Date.now): SaveLookup {
    const raw = this.attempt((s) => s.getItem(saveKey(scenario.id)), null);
    if (raw === null) return { kind: 'none' };
    const loaded = loadGame(scenario, raw);
    if (loaded.ok) {
      return loaded.state.end ? { kind: 'none' } : { kind: 'ok', state: loaded.state };
    }
    const keptAs = this.keepAside(saveKey(scenario.id), `${PREFIX}unreadable.${scenario.id}.${new Date(now()).toISOString()}`, raw, 'save');
    return { kind: 'unreadable', problem: loaded.problem, reason: loaded.reason, keptAs };
  }

  /** Moves `raw` from `key` to `aside`; when that fails, `key` is blocked until the player chooses. */
  private keepAside(key: string, aside: string, raw: string, what: Unkept['what']): string | null {
    const kept = this.attempt((s) => {
      s.setItem(aside, raw);
      s.removeItem(key);
      return true;
    }, false);
    if (kept) this.blocked.delete(key);
    else this.blocked.set(key, { key, what, text: raw });
    return kept ? aside : null;
  }

  /** What is unreadable and could not be kept aside: to offer as a download before starting anew. */
  unkept(scenarioId: string): Unkept[] {
    return [...this.blocked.values()].filter((u) => u.key === saveKey(scenarioId) || u.key === ENDINGS_KEY);
  }

  /** The player chose to start anew: what could not be kept aside may now be replaced. */
  startAnew(scenarioId: string): void {
    for (const u of this.unkept(scenarioId)) {
      this.blocked.delete(u.key);
      this.attempt((s) => s.removeItem(u.key), undefined);
    }
  }

  forget(scenarioId: string): void {
    this.attempt((s) => s.removeItem(saveKey(scenarioId)), undefined);
  }

  writeWorkshop(saved: SavedWorkshop): boolean {
    if (this.blocked.has(WORKSHOP_KEY)) return false;
    return this.attempt((s) => {
      s.setItem(WORKSHOP_KEY, saveWorkshop(saved));
      return true;
    }, false);
  }

  /**
   * The saved workshop; one that cannot be used is moved aside under its own key, never deleted. When
   * storage is too full for that, it stays where it is and no workshop is written over it until the
   * trainer chooses (`unkeptWorkshop()` to download, `startAnewWorkshop()` to let it be replaced).
   */
  readWorkshop(findScenario: (id: string) => Scenario | undefined, now: () => number = Date.now): WorkshopLookup {
    const raw = this.attempt((s) => s.getItem(WORKSHOP_KEY), null);
    if (raw === null) return { kind: 'none' };
    const loaded = loadWorkshop(findScenario, raw);
    if (loaded.ok) return { kind: 'ok', saved: loaded.saved, scenario: loaded.scenario };
    const keptAs = this.keepAside(WORKSHOP_KEY, `${PREFIX}unreadable.workshop.${new Date(now()).toISOString()}`, raw, 'workshop');
    return { kind: 'unreadable', problem: loaded.problem, reason: loaded.reason, keptAs };
  }

  /** The unreadable workshop that could not be kept aside, to offer as a download; null when there is none. */
  unkeptWorkshop(): Unkept | null {
    return this.blocked.get(WORKSHOP_KEY) ?? null;
  }

  /** The trainer chose to start anew: the unreadable workshop that could not be kept aside may now be replaced. */
  startAnewWorkshop(): void {
    if (!this.blocked.delete(WORKSHOP_KEY)) return;
    this.attempt((s) => s.removeItem(WORKSHOP_KEY), undefined);
  }

  forgetWorkshop(): void {
    if (this.blocked.has(WORKSHOP_KEY)) return;
    this.attempt((s) => s.removeItem(WORKSHOP_KEY), undefined);
  }

  /** Ending ids reached per scenario id, across games. An unreadable record is kept aside, never dropped. */
  endingsReached(now: () => number = Date.now): Map<string, string[]> {
    const raw = this.attempt((s) => s.getItem(ENDINGS_KEY), null);
    if (!raw) return new Map();
    const read = readEndings(raw);
    if (read) return read;
    this.keepAside(ENDINGS_KEY, `${PREFIX}unreadable.endings.${new Date(now()).toISOString()}`, raw, 'endings');
    return new Map();
  }

  recordEnding(scenarioId: string, endingId: string): void {
    const all = this.endingsReached();
    if (this.blocked.has(ENDINGS_KEY)) return;
    const list = all.get(scenarioId) ?? [];
    if (list.includes(endingId)) return;
    all.set(scenarioId, [...list, endingId]);
    this.attempt((s) => s.setItem(ENDINGS_KEY, JSON.stringify(Object.fromEntries(all))), undefined);
  }
}

export const saves = new SaveStore(() => (typeof localStorage === 'undefined' ? null : localStorage));

/** The endings record `{ "scenario id": ["ending id", …] }`, or null when it is not that. */
function readEndings(raw: string): Map<string, string[]> | null {
  const parsed = parseJson(raw);
  if (!parsed.ok || parsed.problems.length > 0 || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return null;
  const out = new Map<string, string[]>();
  for (const [id, list] of Object.entries(parsed.value)) {
    if (!Array.isArray(list) || !list.every((e) => typeof e === 'string')) return null;
    out.set(id, list);
  }
  return out;
}
