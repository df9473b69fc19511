/**
 * Playing a scenario: start a game, read the card on the table, take a choice. Every function takes
 * a state and returns a new one; an illegal move returns an error value and leaves the state alone.
 */
import { drawCard } from './deck.ts';
import { meterEnding, pickEnding } from './endings.ts';
import type { Card, Choice, Scenario, Text } from './format.ts';
import { clampMeter } from './meters.ts';
import { seedState } from './random.ts';
import { indexOf } from './scenarioIndex.ts';
import { STATE_VERSION, type GameEnd, type GameState, type HistoryEntry } from './state.ts';
import { own } from './own.ts';

export type MoveError =
  | { code: 'game-over'; message: string }
  | { code: 'no-such-choice'; message: string; choices: number }
  | { code: 'wrong-scenario'; message: string };

export interface Outcome {
  card: string;
  choice: number;
  /** How much each meter really moved, after clamping. */
  deltas: Record<string, number>;
  feedback?: Text;
  end: GameEnd | null;
}

export type MoveResult = { ok: true; state: GameState; outcome: Outcome } | { ok: false; error: MoveError };

export function newGame(scenario: Scenario, seed: string): GameState {
  const meters: Record<string, number> = {};
  for (const meter of scenario.meters) meters[meter.id] = clampMeter(meter, meter.start);
  const blank: GameState = {
    version: STATE_VERSION,
    scenario: scenario.id,
    seed,
    rng: seedState(seed),
    turn: 1,
    meters,
    flags: {},
    current: null,
    scheduled: [],
    seen: [],
    history: [],
    end: null,
  };
  return dealCard(scenario, blank, undefined);
}

function dealCard(scenario: Scenario, state: GameState, previous: string | undefined): GameState {
  const draw = drawCard(scenario, state, previous);
  if (!draw.current) {
    const ended = { ...state, scheduled: draw.scheduled, rng: draw.rng, turn: Math.max(1, state.turn - 1) };
    return { ...ended, end: pickEnding(scenario, ended, 'deck') };
  }
  const seen = state.seen.includes(draw.current.card) ? state.seen : [...state.seen, draw.current.card];
  return { ...state, current: draw.current, scheduled: draw.scheduled, rng: draw.rng, seen };
}

export interface Table {
  card: Card;
  /** The card whose earlier choice led to this one, for "this follows from…". */
  followUpOf?: Card;
}

/** The card the player must answer now, or null when the game is over. */
export function currentCard(scenario: Scenario, state: GameState): Table | null {
  if (state.end || !state.current) return null;
  const { cards } = indexOf(scenario);
  const card = cards.get(state.current.card);
  if (!card) return null;
  const origin = state.current.followUpOf ? cards.get(state.current.followUpOf) : undefined;
  return origin ? { card, followUpOf: origin } : { card };
}

export function choose(scenario: Scenario, state: GameState, choiceIndex: number): MoveResult {
  if (state.scenario !== scenario.id) {
    return { ok: false, error: { code: 'wrong-scenario', message: `this game belongs to scenario "${state.scenario}", not "${scenario.id}"` } };
  }
  const table = currentCard(scenario, state);
  if (!table) return { ok: false, error: { code: 'game-over', message: 'the game is over: there is no card to answer' } };
  const { card } = table;
  const choice: Choice | undefined = Number.isInteger(choiceIndex) ? card.choices[choiceIndex] : undefined;
  if (!choice) {
    return {
      ok: false,
      error: { code: 'no-such-choice', message: `card "${card.id}" has choices 0 to ${card.choices.length - 1}, not ${choiceIndex}`, choices: card.choices.length },
    };
  }

  const { meters: meterIndex } = indexOf(scenario);
  const after: Record<string, number> = { ...state.meters };
  const deltas: Record<string, number> = {};
  const effects = choice.effects ?? {};
  for (const meterId in effects) {
    const meter = meterIndex.get(meterId);
    if (!meter) continue;
    const amount = own(effects, meterId)!;
    const value = clampMeter(meter, own(after, meterId)! + amount);
    deltas[meterId] = value - own(after, meterId)!;
    after[meterId] = value;
  }
  const flags = choice.set ? { ...state.flags, ...choice.set } : state.flags;
  const scheduled = choice.next
    ? [
        ...state.scheduled,
        typeof choice.next === 'string'
          ? { card: choice.next, due: state.turn + 1, from: card.id }
          : { card: choice.next.card, due: state.turn + choice.next.after, from: card.id },
      ]
    : state.scheduled;
  const entry: HistoryEntry = {
    turn: state.turn,
    card: card.id,
    choice: choiceIndex,
    followUp: state.current?.followUpOf !== undefined,
    before: state.meters,
    after,
  };
  const played: GameState = { ...state, meters: after, flags, scheduled, history: [...state.history, entry], current: null };

  let next: GameState;
  const byMeter = meterEnding(scenario, after);
  if (byMeter) next = { ...played, end: byMeter };
  else if (scenario.turns !== undefined && state.turn >= scenario.turns) next = { ...played, end: pickEnding(scenario, played, 'turns') };
  else next = dealCard(scenario, { ...played, turn: state.turn + 1 }, card.id);

  const outcome: Outcome = { card: card.id, choice: choiceIndex, deltas, end: next.end, ...(choice.feedback ? { feedback: choice.feedback } : {}) };
  return { ok: true, state: next, outcome };
}

/** Plays a list of choices from a new game; stops at the first illegal one. */
export function replay(scenario: Scenario, seed: string, choices: readonly number[]): { ok: true; state: GameState } | { ok: false; error: MoveError; played: number } {
  let state = newGame(scenario, seed);
  for (const [played, index] of choices.entries()) {
    const result = choose(scenario, state, index);
    if (!result.ok) return { ok: false, error: result.error, played };
    state = result.state;
  }
  return { ok: true, state };
}

/**
 * After the scenario file changed: a new game with the same seed that takes the same choices again
 * for as long as the same cards come up, so an author sees their edit without replaying by hand.
 */
export function replayWhileSame(scenario: Scenario, seed: string, history: readonly { card: string; choice: number }[]): { state: GameState; replayed: number } {
  let state = newGame(scenario, seed);
  let replayed = 0;
  for (const step of history) {
    if (state.current?.card !== step.card) break;
    const result = choose(scenario, state, step.choice);
    if (!result.ok) break;
    state = result.state;
    replayed++;
  }
  return { state, replayed };
}
