/** What a finished (or running) game says about the player: curves, who their customer was, their tags. */
import type { Scenario } from './format.ts';
import { indexOf } from './scenarioIndex.ts';
import type { GameState } from './state.ts';
import { own } from './own.ts';

/** Each meter's value at the start and after every turn. */
export function meterSeries(scenario: Scenario, state: GameState): Record<string, number[]> {
  const series: Record<string, number[]> = {};
  for (const meter of scenario.meters) {
    const first = own(state.history[0]?.before, meter.id) ?? own(state.meters, meter.id)!;
    series[meter.id] = [first, ...state.history.map((h) => own(h.after, meter.id)!)];
  }
  return series;
}

export interface StakeholderShift {
  stakeholder: string;
  meter: string;
  change: number;
}

/**
 * "Who was your customer?": for each meter, the stakeholder the player met most often on that meter
 * (the first met on a tie), most gained first. Stakeholders whose cards never came up are left out:
 * a player cannot have served someone they never met.
 */
export function stakeholderShifts(scenario: Scenario, state: GameState): StakeholderShift[] {
  const series = meterSeries(scenario, state);
  const { cards } = indexOf(scenario);
  const met = new Map<string, number>();
  for (const h of state.history) {
    const from = cards.get(h.card)?.from;
    if (from !== undefined) met.set(from, (met.get(from) ?? 0) + 1);
  }
  const firstMet = [...met.keys()];
  const byMeter = new Map<string, string>();
  for (const s of scenario.stakeholders) {
    if (s.meter === undefined || !own(series, s.meter) || !met.has(s.id)) continue;
    const best = byMeter.get(s.meter);
    if (best === undefined || met.get(s.id)! > met.get(best)! || (met.get(s.id) === met.get(best) && firstMet.indexOf(s.id) < firstMet.indexOf(best))) byMeter.set(s.meter, s.id);
  }
  return [...byMeter]
    .map(([meter, stakeholder]) => {
      const values = own(series, meter)!;
      return { stakeholder, meter, change: values[values.length - 1]! - values[0]! };
    })
    .sort((a, b) => b.change - a.change);
}

/** How often each choice tag was chosen, most frequent first. */
export function tagProfile(scenario: Scenario, state: GameState): { tag: string; count: number }[] {
  const { cards } = indexOf(scenario);
  const counts = new Map<string, number>();
  for (const h of state.history) {
    for (const tag of cards.get(h.card)?.choices[h.choice]?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export interface WeightyChoice {
  turn: number;
  card: string;
  choice: number;
  deltas: Record<string, number>;
  /** The sum of all meter movements, in points. */
  weight: number;
}

/** The choices that moved the meters most, largest first. */
export function weightiestChoices(state: GameState, count: number): WeightyChoice[] {
  return state.history
    .map((h) => {
      const deltas: Record<string, number> = {};
      let weight = 0;
      for (const [meter, after] of Object.entries(h.after)) {
        const delta = after - own(h.before, meter)!;
        if (delta !== 0) deltas[meter] = delta;
        weight += Math.abs(delta);
      }
      return { turn: h.turn, card: h.card, choice: h.choice, deltas, weight };
    })
    .sort((a, b) => b.weight - a.weight || a.turn - b.turn)
    .slice(0, count);
}
