/** Plays many games headless with a fixed strategy, to show a trainer whether a deck can be won. */
import type { Scenario } from './format.ts';
import { choose, currentCard, newGame } from './game.ts';
import { clampMeter, distanceFromEnds } from './meters.ts';
import { nextRandom } from './random.ts';
import type { GameState } from './state.ts';
import { own } from './own.ts';

/** `tag`: a player who thinks one way (a choice with that tag whenever a card has one), otherwise balanced. */
export type Strategy = { kind: 'random' } | { kind: 'balanced' } | { kind: 'favour'; meter: string } | { kind: 'tag'; tag: string };

export function parseStrategy(text: string, scenario: Scenario): Strategy | { error: string } {
  if (text === 'random' || text === 'balanced') return { kind: text };
  const match = /^favour:(.+)$/.exec(text);
  if (match) {
    const meter = match[1]!;
    if (!scenario.meters.some((m) => m.id === meter)) {
      return { error: `unknown meter "${meter}" in --strategy; meters: ${scenario.meters.map((m) => m.id).join(', ')}` };
    }
    return { kind: 'favour', meter };
  }
  const tagged = /^tag:(.+)$/.exec(text);
  if (tagged) {
    const tag = tagged[1]!;
    if (!scenario.cards.some((c) => c.choices.some((ch) => ch.tags?.includes(tag)))) return { error: `no choice has the tag "${tag}" in --strategy tag:<tag>` };
    return { kind: 'tag', tag };
  }
  return { error: `unknown strategy "${text}"; use random, balanced, favour:<meter> or tag:<tag>` };
}

export function strategyName(strategy: Strategy): string {
  return strategy.kind === 'favour' ? `favour:${strategy.meter}` : strategy.kind === 'tag' ? `tag:${strategy.tag}` : strategy.kind;
}

export interface SimulationReport {
  runs: number;
  seed: string;
  strategy: string;
  /** Games that reached the last turn (or, without `turns`, ran out of cards) rather than a meter ending. */
  completed: number;
  meanTurns: number;
  endings: Record<string, number>;
  /** Games ended by a meter reaching an end, per meter. */
  endedBy: Record<string, number>;
  /** The same games split by the end the meter reached. */
  endedAt: Record<string, { min: number; max: number }>;
  /** In how many games each card was drawn. */
  cards: Record<string, number>;
  /** Per card, how often each choice was taken. */
  choices: Record<string, number[]>;
  /** The longest game allowed, so endless scenarios cannot hang the simulator. */
  turnLimit: number;
}

export const ENDLESS_TURN_LIMIT = 500;

/** Picks a choice for the card on the table; `roll` breaks ties and drives random play. */
function pick(scenario: Scenario, state: GameState, strategy: Strategy, roll: number): number {
  const card = currentCard(scenario, state)!.card;
  const n = card.choices.length;
  if (strategy.kind === 'random') return Math.floor(roll * n);
  const tag = strategy.kind === 'tag' && card.choices.some((c) => c.tags?.includes(strategy.tag)) ? strategy.tag : null;
  const scores = card.choices.map((choice) => {
    if (strategy.kind === 'favour') return own(choice.effects, strategy.meter) ?? 0;
    if (tag !== null && !choice.tags?.includes(tag)) return -Infinity;
    // Keep the meter nearest to an end as far from it as possible, then the others.
    let worst = Infinity;
    let sum = 0;
    for (const meter of scenario.meters) {
      const value = clampMeter(meter, own(state.meters, meter.id)! + (own(choice.effects, meter.id) ?? 0));
      const d = distanceFromEnds(meter, value);
      worst = Math.min(worst, d);
      sum += d;
    }
    return worst * 1000 + sum;
  });
  const best = Math.max(...scores);
  const top = scores.flatMap((s, i) => (s >= best - 1e-9 ? [i] : []));
  return top[Math.floor(roll * top.length)]!;
}

export interface SimulationOptions {
  runs: number;
  seed: string;
  strategy: Strategy;
  /** Called with every finished game, for checks the summary does not keep (content tests). */
  onGame?: (state: GameState) => void;
}

export function simulate(scenario: Scenario, options: SimulationOptions): SimulationReport {
  const report: SimulationReport = {
    runs: options.runs,
    seed: options.seed,
    strategy: strategyName(options.strategy),
    completed: 0,
    meanTurns: 0,
    endings: {},
    endedBy: {},
    endedAt: {},
    cards: Object.fromEntries(scenario.cards.map((c) => [c.id, 0])),
    choices: Object.fromEntries(scenario.cards.map((c) => [c.id, c.choices.map(() => 0)])),
    turnLimit: scenario.turns ?? ENDLESS_TURN_LIMIT,
  };
  let totalTurns = 0;
  for (let run = 0; run < options.runs; run++) {
    let state = newGame(scenario, `${options.seed}#${run}`);
    // The strategy's own randomness is separate from the deck's, so strategies see the same deck draws.
    let rng = state.rng ^ 0x5bd1e995;
    while (!state.end && state.turn <= report.turnLimit) {
      const [roll, nextRng] = nextRandom(rng);
      rng = nextRng;
      const index = pick(scenario, state, options.strategy, roll);
      const result = choose(scenario, state, index);
      if (!result.ok) break;
      own(report.choices, result.outcome.card)![index]!++;
      state = result.state;
    }
    options.onGame?.(state);
    for (const id of state.seen) report.cards[id] = own(report.cards, id)! + 1;
    totalTurns += state.history.length;
    const end = state.end;
    if (!end || end.reason !== 'meter') report.completed++;
    const endingId = end?.ending ?? (end ? '(no ending)' : '(turn limit)');
    report.endings[endingId] = (own(report.endings, endingId) ?? 0) + 1;
    if (end?.reason === 'meter' && end.meter) {
      report.endedBy[end.meter] = (own(report.endedBy, end.meter) ?? 0) + 1;
      const at = own(report.endedAt, end.meter) ?? (report.endedAt[end.meter] = { min: 0, max: 0 });
      at[end.bound ?? 'min']++;
    }
  }
  report.meanTurns = options.runs > 0 ? totalTurns / options.runs : 0;
  return report;
}
