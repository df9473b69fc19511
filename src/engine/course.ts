/**
 * A meter's course over a game in one sentence's worth of facts, for the text that goes with a line
 * chart: where it started and ended, and its largest rise or fall in one direction (with the turns it
 * began and ended on). A person describing the chart says "Teachers fell from 60 to 12 between week 8
 * and week 15", not every value.
 */
import type { Scenario } from './format.ts';
import { meterSeries } from './debrief.ts';
import type { GameState } from './state.ts';

export interface Course {
  meter: string;
  start: number;
  end: number;
  /** The largest move in one direction; 'steady' when the meter never moved. */
  kind: 'rose' | 'fell' | 'steady';
  from: number;
  to: number;
  /** The turn the move began after (0: the start) and the turn it ended on. */
  fromTurn: number;
  toTurn: number;
}

/**
 * The largest move in one direction in `values`, where values[0] is the start and values[i] the value
 * after turns[i - 1]. Steps that do not move belong to either direction; the move is trimmed to where
 * the meter actually began and stopped moving. On equal moves the earlier one wins.
 */
export function courseOf(meter: string, values: readonly number[], turns: readonly number[]): Course {
  const turnAt = (i: number) => (i === 0 ? 0 : turns[i - 1] ?? i);
  const start = values[0] ?? 0;
  const end = values[values.length - 1] ?? start;
  let best = { size: 0, from: 0, to: 0 };
  for (let i = 0; i < values.length; i++) {
    let up = true;
    let down = true;
    for (let j = i + 1; j < values.length; j++) {
      const step = values[j]! - values[j - 1]!;
      if (step < 0) up = false;
      if (step > 0) down = false;
      if (!up && !down) break;
      const size = Math.abs(values[j]! - values[i]!);
      if (size > best.size) best = { size, from: i, to: j };
    }
  }
  if (best.size === 0) return { meter, start, end, kind: 'steady', from: start, to: start, fromTurn: 0, toTurn: turnAt(values.length - 1) };
  let { from, to } = best;
  while (from < to && values[from + 1] === values[from]) from++;
  while (to > from && values[to - 1] === values[to]) to--;
  return { meter, start, end, kind: values[to]! > values[from]! ? 'rose' : 'fell', from: values[from]!, to: values[to]!, fromTurn: turnAt(from), toTurn: turnAt(to) };
}

/** Every meter's course over the game so far, in the scenario's order of meters. */
export function meterCourses(scenario: Scenario, state: GameState): Course[] {
  const series = meterSeries(scenario, state);
  const turns = state.history.map((h) => h.turn);
  return scenario.meters.map((meter) => courseOf(meter.id, series[meter.id] ?? [], turns));
}
