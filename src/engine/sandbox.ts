/**
 * Starting a game in the middle, for an author testing a chain of cards: the chosen card on the
 * table and the chosen meter values, without playing twenty turns to get there.
 */
import type { Condition, Scenario } from './format.ts';
import { clampMeter } from './meters.ts';
import { seedState } from './random.ts';
import { STATE_VERSION, type FlagValue, type GameState } from './state.ts';
import { own } from './own.ts';

export type SandboxResult = { ok: true; state: GameState } | { ok: false; message: string };

/** Flags and seen cards a condition requires outright (through `all`, never through `any` or `not`). */
function required(condition: Condition | undefined, flags: Record<string, FlagValue>, seen: string[]): void {
  if (!condition) return;
  if ('flag' in condition) flags[condition.flag] = condition.is ?? true;
  else if ('seen' in condition) seen.push(condition.seen);
  else if ('all' in condition) condition.all.forEach((c) => required(c, flags, seen));
}

/**
 * A new game of `scenario` whose first card is `cardId`, with the given meter values (clamped to each
 * meter's range; missing meters take their start value). The flags and seen cards that the card's
 * condition requires are set, so the chain after it behaves as it would in a real game.
 */
export function startAt(scenario: Scenario, cardId: string, meters: Record<string, number>, seed: string): SandboxResult {
  const card = scenario.cards.find((c) => c.id === cardId);
  if (!card) return { ok: false, message: `there is no card "${cardId}" in scenario "${scenario.id}"` };
  const values: Record<string, number> = {};
  for (const meter of scenario.meters) {
    const wanted = own(meters, meter.id);
    values[meter.id] = clampMeter(meter, typeof wanted === 'number' && Number.isFinite(wanted) ? wanted : meter.start);
  }
  const flags: Record<string, FlagValue> = {};
  const seen: string[] = [];
  required(card.when, flags, seen);
  const known = new Set(scenario.cards.map((c) => c.id));
  const shown = [...new Set(seen.filter((id) => known.has(id) && id !== cardId)), cardId];
  return {
    ok: true,
    state: {
      version: STATE_VERSION,
      scenario: scenario.id,
      seed,
      rng: seedState(seed),
      turn: 1,
      meters: values,
      flags,
      current: { card: cardId },
      scheduled: [],
      seen: shown,
      history: [],
      end: null,
    },
  };
}
