import { holds } from './conditions.ts';
import type { Ending, Scenario } from './format.ts';
import { DEFAULT_MAX, DEFAULT_MIN } from './meters.ts';
import type { GameEnd, GameState } from './state.ts';
import { own } from './own.ts';
import { tagCounter } from './profile.ts';

/**
 * The endings considered after the last turn, in file order. An ending that a meter's onMin/onMax
 * names and that has no `when` belongs to that meter alone, so it is not a fallback.
 */
export function closingEndings(scenario: Scenario): Ending[] {
  const byMeter = new Set(scenario.meters.flatMap((m) => [m.onMin, m.onMax]));
  return (scenario.endings ?? []).filter((e) => e.when !== undefined || !byMeter.has(e.id));
}

/** The first closing ending whose `when` holds; one without `when` is a fallback. */
export function pickEnding(scenario: Scenario, state: GameState, reason: 'turns' | 'deck'): GameEnd {
  const ctx = { meters: state.meters, flags: state.flags, seen: state.seen, history: state.history, turn: state.turn, tagCount: tagCounter(scenario, state.history) };
  const ending = closingEndings(scenario).find((e) => holds(e.when, ctx));
  return { ending: ending?.id ?? null, reason };
}

/** A meter at its min (max) with `onMin` (`onMax`) ends the game; the first such meter in the file decides. */
export function meterEnding(scenario: Scenario, meters: Record<string, number>): GameEnd | null {
  for (const meter of scenario.meters) {
    const value = own(meters, meter.id)!;
    if (meter.onMin !== undefined && value <= (meter.min ?? DEFAULT_MIN)) return { ending: meter.onMin, reason: 'meter', meter: meter.id, bound: 'min' };
    if (meter.onMax !== undefined && value >= (meter.max ?? DEFAULT_MAX)) return { ending: meter.onMax, reason: 'meter', meter: meter.id, bound: 'max' };
  }
  return null;
}
