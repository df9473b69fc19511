/** Saving and loading a game. A save that does not fit its scenario is refused with the reason, never half-loaded. */
import type { Scenario } from './format.ts';
import { parseJson } from './jsonSource.ts';
import { meterBounds } from './meters.ts';
import { indexOf } from './scenarioIndex.ts';
import type { ShapeIssue } from './schema.ts';
import { STATE_VERSION, stateShape, type GameState } from './state.ts';
import { formatPath } from './validate.ts';

/** Why a save was refused, in words a player can be told (the screens say it in their language). */
export type SaveProblem = 'notReadable' | 'otherVersion' | 'damaged' | 'otherScenario' | 'scenarioChanged';

/** `reason` is the technical detail, in English, for whoever looks at the save kept aside. */
export type LoadResult = { ok: true; state: GameState } | { ok: false; problem: SaveProblem; reason: string };

type Refusal = { problem: SaveProblem; reason: string };

export function saveGame(state: GameState): string {
  return JSON.stringify(state);
}

export function loadGame(scenario: Scenario, text: string): LoadResult {
  // A save is the game's own writing, not a trainer's file: only the lengths of a long game limit it.
  const parsed = parseJson(text, { positions: 'none', limits: { listItems: Infinity, objectKeys: Infinity } });
  if (!parsed.ok || parsed.problems.length > 0) {
    const p = (parsed.problems[0])!;
    return { ok: false, problem: 'notReadable', reason: `the save is not readable JSON (line ${p.position.line}, column ${p.position.column}: ${p.message.code})` };
  }
  const value = parsed.value as Record<string, unknown>;
  if (typeof value === 'object' && value !== null && 'version' in value && value.version !== STATE_VERSION) {
    return { ok: false, problem: 'otherVersion', reason: `the save has format version ${JSON.stringify(value.version)}; this game reads version ${STATE_VERSION}` };
  }
  const issues: ShapeIssue[] = [];
  if (!stateShape.check(value, [], issues)) {
    const first = issues[0]!;
    return { ok: false, problem: 'damaged', reason: `the save is damaged: ${formatPath(first.path)} ${first.message.code}` };
  }
  const state = value as unknown as GameState;
  const mismatch = checkAgainstScenario(scenario, state);
  return mismatch ? { ok: false, ...mismatch } : { ok: true, state };
}

/** Whether a well-formed state still fits its scenario; the refusal says why not. */
export function checkAgainstScenario(scenario: Scenario, state: GameState): Refusal | undefined {
  const changed = (reason: string): Refusal => ({ problem: 'scenarioChanged', reason });
  if (state.scenario !== scenario.id) return { problem: 'otherScenario', reason: `the save belongs to scenario "${state.scenario}", not "${scenario.id}"` };
  const { cards, meters, endings } = indexOf(scenario);
  const meterIds = Object.keys(state.meters);
  if (meterIds.length !== meters.size || meterIds.some((id) => !meters.has(id))) return changed('the save\'s meters do not match the scenario (was the scenario changed?)');
  for (const [id, value] of Object.entries(state.meters)) {
    const meter = meters.get(id)!;
    const { min, max } = meterBounds(meter);
    if (value < min || value > max) return changed(`the save has meter "${id}" at ${value}, outside its range`);
  }
  const unknownCard = [state.current?.card, ...state.seen, ...state.scheduled.map((s) => s.card), ...state.history.map((h) => h.card)].find(
    (id) => id !== undefined && !cards.has(id),
  );
  if (unknownCard) return changed(`the save mentions card "${unknownCard}", which the scenario no longer has`);
  const badChoice = state.history.find((h) => h.choice >= cards.get(h.card)!.choices.length);
  if (badChoice) return changed(`the save records choice ${badChoice.choice} on card "${badChoice.card}", which has fewer choices`);
  if (state.end === null && state.current === null) return { problem: 'damaged', reason: 'the save has neither a card on the table nor an ending' };
  if (state.end?.ending && !endings.has(state.end.ending)) return changed(`the save ended in "${state.end.ending}", which the scenario no longer has`);
  return undefined;
}
