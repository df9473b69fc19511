/**
 * A workshop session: one or more teams playing the same scenario and seed, the room's votes and
 * guesses per card, and "what if" branches. Pure data and functions, like the game itself.
 */
import type { PreviewMode, Scenario } from './format.ts';
import { choose, newGame, replay, type MoveError, type Outcome } from './game.ts';
import type { GameState } from './state.ts';

export const WORKSHOP_VERSION = 1;
export const TIMER_CHOICES = [0, 30, 60, 90, 120] as const;
export const MAX_TEAMS = 6;

export type RoomMode = 'turns' | 'together';
export type PreviewSetting = 'scenario' | 'on' | 'off';

export interface WorkshopSettings {
  /** Team names; one team when the room decides together. */
  teams: string[];
  mode: RoomMode;
  preview: PreviewSetting;
  /** Discussion time per card in seconds; 0 = no timer. */
  timer: (typeof TIMER_CHOICES)[number];
}

export interface Vote {
  /** Votes per choice, when counted: by the trainer (hands, keys) and from phones together. */
  counts?: number[];
  /** The part of `counts` that came from phones, when phones voted. */
  phones?: number[];
  /** The meter the room expected to gain most, when asked. */
  guess?: string;
}

export interface Decision {
  turn: number;
  card: string;
  choice: number;
  vote: Vote;
  deltas: Record<string, number>;
}

export interface TeamGame {
  name: string;
  state: GameState;
  decisions: Decision[];
}

export interface Workshop {
  version: typeof WORKSHOP_VERSION;
  scenario: string;
  seed: string;
  settings: WorkshopSettings;
  teams: TeamGame[];
  /** The team whose turn it is. */
  active: number;
}

export function startWorkshop(scenario: Scenario, settings: WorkshopSettings, seed: string): Workshop {
  const names = settings.mode === 'together' ? settings.teams.slice(0, 1) : settings.teams.slice(0, MAX_TEAMS);
  const teams = (names.length > 0 ? names : ['']).map((name) => ({ name, state: newGame(scenario, seed), decisions: [] }));
  return { version: WORKSHOP_VERSION, scenario: scenario.id, seed, settings, teams, active: 0 };
}

/** What the players may see of effects this session: the trainer's setting overrides the scenario's. */
export function previewMode(scenario: Scenario, setting: PreviewSetting): PreviewMode {
  if (setting === 'off') return 'none';
  const own = scenario.preview ?? 'which';
  if (setting === 'on' && own === 'none') return 'direction';
  return own;
}

/** The choice most votes went to, or null when there are no votes or the top is tied. */
export function majority(counts: readonly number[] | undefined): number | null {
  if (!counts || counts.length === 0) return null;
  const top = Math.max(...counts);
  if (top <= 0) return null;
  const winners = counts.flatMap((c, i) => (c === top ? [i] : []));
  return winners.length === 1 ? winners[0]! : null;
}

export type DecisionResult = { ok: true; workshop: Workshop; outcome: Outcome } | { ok: false; error: MoveError | { code: 'vote-mismatch'; message: string } };

/** Records the room's decision for the active team and passes the turn to the next team still playing. */
export function decide(scenario: Scenario, workshop: Workshop, choice: number, vote: Vote = {}): DecisionResult {
  const team = workshop.teams[workshop.active]!;
  if (vote.counts && team.state.current) {
    const card = scenario.cards.find((c) => c.id === team.state.current!.card);
    if (card && (vote.counts.length !== card.choices.length || (vote.phones && vote.phones.length !== card.choices.length))) {
      return { ok: false, error: { code: 'vote-mismatch', message: `card "${card.id}" has ${card.choices.length} choices; ${vote.counts.length} vote counts were given` } };
    }
  }
  const result = choose(scenario, team.state, choice);
  if (!result.ok) return result;
  const decision: Decision = { turn: team.state.turn, card: result.outcome.card, choice, vote, deltas: result.outcome.deltas };
  const teams = workshop.teams.map((t, i) => (i === workshop.active ? { ...t, state: result.state, decisions: [...t.decisions, decision] } : t));
  return { ok: true, workshop: { ...workshop, teams, active: nextActive(teams, workshop.active) }, outcome: result.outcome };
}

function nextActive(teams: TeamGame[], from: number): number {
  for (let step = 1; step <= teams.length; step++) {
    const i = (from + step) % teams.length;
    if (!teams[i]!.state.end) return i;
  }
  return from;
}

export function workshopOver(workshop: Workshop): boolean {
  return workshop.teams.every((t) => t.state.end !== null);
}

export interface WhatIf {
  /** The turn stepped back to. */
  turn: number;
  /** The choice the team really took there. */
  real: number;
  /** The other choice, and the game as it would have gone from there. */
  other: number;
  state: GameState;
}

/**
 * Steps back to a turn of a team's game and takes another choice there. The branch replays the same
 * seed, so every card before that turn is the same; the real game is not touched.
 */
export function whatIf(scenario: Scenario, team: TeamGame, turn: number, other: number): { ok: true; whatIf: WhatIf } | { ok: false; error: MoveError | { code: 'no-such-turn'; message: string } } {
  const index = team.state.history.findIndex((h) => h.turn === turn);
  if (index === -1) return { ok: false, error: { code: 'no-such-turn', message: `turn ${turn} has not been played` } };
  const choices = team.state.history.slice(0, index).map((h) => h.choice);
  const result = replay(scenario, team.state.seed, [...choices, other]);
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, whatIf: { turn, real: team.state.history[index]!.choice, other, state: result.state } };
}

/** Plays one more card in a what-if branch. */
export function continueWhatIf(scenario: Scenario, branch: WhatIf, choice: number): { ok: true; whatIf: WhatIf; outcome: Outcome } | { ok: false; error: MoveError } {
  const result = choose(scenario, branch.state, choice);
  if (!result.ok) return result;
  return { ok: true, whatIf: { ...branch, state: result.state }, outcome: result.outcome };
}
