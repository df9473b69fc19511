/**
 * Solo games kept in the browser: one save per scenario after every choice, the endings a player has
 * reached, and the rule that a save which cannot be read is never silently deleted — it is moved
 * aside under its own key and the player is told. Storage that is missing, full or throwing leaves
 * the game playable; `storageWorks()` lets the screen say progress will not be kept.
 */
import type { Scenario } from '../engine/format.ts';
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

export class SaveStore {
  private working = true;

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
    const keptAs = `${PREFIX}unreadable.${scenario.id}.${new Date(now()).toISOString()}`;
    const kept = this.attempt((s) => {
      s.setItem(keptAs, raw);
      s.removeItem(saveKey(scenario.id));
      return true;
    }, false);
    return { kind: 'unreadable', problem: loaded.problem, reason: loaded.reason, keptAs: kept ? keptAs : null };
  }

  forget(scenarioId: string): void {
    this.attempt((s) => s.removeItem(saveKey(scenarioId)), undefined);
  }

  writeWorkshop(saved: SavedWorkshop): boolean {
    return this.attempt((s) => {
      s.setItem(WORKSHOP_KEY, saveWorkshop(saved));
      return true;
    }, false);
  }

  /** The saved workshop; one that cannot be used is moved aside under its own key, never deleted. */
  readWorkshop(findScenario: (id: string) => Scenario | undefined, now: () => number = Date.now): WorkshopLookup {
    const raw = this.attempt((s) => s.getItem(WORKSHOP_KEY), null);
    if (raw === null) return { kind: 'none' };
    const loaded = loadWorkshop(findScenario, raw);
    if (loaded.ok) return { kind: 'ok', saved: loaded.saved, scenario: loaded.scenario };
    const keptAs = `${PREFIX}unreadable.workshop.${new Date(now()).toISOString()}`;
    const kept = this.attempt((s) => {
      s.setItem(keptAs, raw);
      s.removeItem(WORKSHOP_KEY);
      return true;
    }, false);
    return { kind: 'unreadable', problem: loaded.problem, reason: loaded.reason, keptAs: kept ? keptAs : null };
  }

  forgetWorkshop(): void {
    this.attempt((s) => s.removeItem(WORKSHOP_KEY), undefined);
  }

  /** Ending ids reached per scenario, across games. */
  endingsReached(): Record<string, string[]> {
    const raw = this.attempt((s) => s.getItem(ENDINGS_KEY), null);
    if (!raw) return {};
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
      const out: Record<string, string[]> = {};
      for (const [id, list] of Object.entries(value)) {
        if (Array.isArray(list)) out[id] = list.filter((e): e is string => typeof e === 'string');
      }
      return out;
    } catch {
      return {};
    }
  }

  recordEnding(scenarioId: string, endingId: string): void {
    const all = this.endingsReached();
    const list = all[scenarioId] ?? [];
    if (list.includes(endingId)) return;
    all[scenarioId] = [...list, endingId];
    this.attempt((s) => s.setItem(ENDINGS_KEY, JSON.stringify(all)), undefined);
  }
}

export const saves = new SaveStore(() => (typeof localStorage === 'undefined' ? null : localStorage));
