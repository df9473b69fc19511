/**
 * A workshop session: one or more teams playing the same scenario and seed, the room's votes and
 * guesses per card, and "what if" branches. Pure data and functions, like the game itself.
 */
import type { PreviewMode, Scenario } from './format.ts';
import { choose, currentCard, dealAs, newGame, replay, type MoveError, type Outcome, type Table } from './game.ts';
import { emptyTally, readVotes, rule, totalCounts, type HowDecided, type Tally } from './votes.ts';
import type { GameState } from './state.ts';

export const WORKSHOP_VERSION = 2;
export const TIMER_CHOICES = [0, 30, 60, 90, 120] as const;
/** Session lengths the set-up offers, in turns; 0 = until the scenario ends. */
export const LENGTH_CHOICES = [0, 3, 5, 10, 15, 20, 25, 30] as const;
export const MAX_TEAMS = 6;

/**
 * Teams each with their own card in turn, teams deciding the same card in turn (each its own game), the
 * room as one, or every team deciding its own card at the same moment (each its own game, one reveal a round).
 */
export type RoomMode = 'turns' | 'same-card' | 'together' | 'same-time';
export type PreviewSetting = 'scenario' | 'on' | 'off';

export interface WorkshopSettings {
  /** Team names; one team when the room decides together. */
  teams: string[];
  mode: RoomMode;
  preview: PreviewSetting;
  /** Discussion time per card in seconds; 0 = no timer. */
  timer: (typeof TIMER_CHOICES)[number];
  /** Turns each team plays before the debrief; 0 or absent = until the scenario ends. */
  length?: number;
}

export interface Vote {
  /** Votes per choice (file order), when counted: by the trainer and from phones together. */
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
  /** How the choice was reached: the majority, the trainer's pick after a tie, or the trainer's pick without votes. */
  how: HowDecided;
  /** The order the choices were shown in (file indices), when not file order. */
  order?: number[];
  deltas: Record<string, number>;
  /** Whole seconds from the card on the wall to the decision, when measured (saves from before have none). */
  seconds?: number;
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
  /** The votes counted so far on the active team's card, per source, per choice in file order. */
  tally: Tally;
  /** The room's guess of the meter that gains most on that card, or null. */
  guess: string | null;
  /** The turn the trainer stopped the session at, or null while it runs. */
  stoppedAt: number | null;
  /** In 'same-card' mode: the card of the round every team decides (the first team's), until the round is over. */
  round?: { card: string; order?: number[] } | null;
  /** In 'same-time' mode: each team's table this round (its votes, guess and whether it decided), in team order. */
  tables?: TeamTable[];
}

/** Where a team is in a round when teams decide at the same time: still deciding, decided (waiting for the reveal), or not playing (its game is over). */
export type TableStatus = 'deciding' | 'decided' | 'out';

export interface TeamTable {
  status: TableStatus;
  /** The votes on the team's own card, per source, per choice in file order. */
  tally: Tally;
  /** The team's guess of the meter that gains most, or null. */
  guess: string | null;
}

function choicesOnTable(scenario: Scenario, team: TeamGame | undefined): number {
  return team ? currentCard(scenario, team.state)?.card.choices.length ?? 0 : 0;
}

export function startWorkshop(scenario: Scenario, settings: WorkshopSettings, seed: string): Workshop {
  const names = settings.mode === 'together' ? settings.teams.slice(0, 1) : settings.teams.slice(0, MAX_TEAMS);
  const teams = (names.length > 0 ? names : ['']).map((name) => ({ name, state: newGame(scenario, seed), decisions: [] }));
  const workshop: Workshop = { version: WORKSHOP_VERSION, scenario: scenario.id, seed, settings, teams, active: 0, tally: emptyTally(choicesOnTable(scenario, teams[0])), guess: null, stoppedAt: null };
  return settings.mode === 'same-time' ? { ...workshop, tables: freshTables(scenario, workshop) } : workshop;
}

/** A new round's tables when teams decide at the same time: each team still playing gets its own card's empty tally. */
export function freshTables(scenario: Scenario, workshop: Workshop): TeamTable[] {
  return workshop.teams.map((team) => (teamDone(workshop, team) ? { status: 'out', tally: emptyTally(0), guess: null } : { status: 'deciding', tally: emptyTally(choicesOnTable(scenario, team)), guess: null }));
}

/** The card the active team must decide, or null when the session is over. */
export function workshopTable(scenario: Scenario, workshop: Workshop): Table | null {
  if (workshopOver(workshop)) return null;
  return currentCard(scenario, workshop.teams[workshop.active]!.state);
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
  if (!counts) return null;
  const reading = readVotes(counts);
  return reading.kind === 'majority' ? reading.choice : null;
}

/** The active card's votes, all sources added up (file order). */
export function workshopCounts(workshop: Workshop): number[] {
  return totalCounts(workshop.tally);
}

/** Counts change only while a card is being decided. */
export function countVotes(workshop: Workshop, change: (tally: Tally) => Tally): Workshop {
  if (workshopOver(workshop)) return workshop;
  return { ...workshop, tally: change(workshop.tally) };
}

/** The room's guess: a meter id of the scenario, or null for none. */
export function setGuess(scenario: Scenario, workshop: Workshop, guess: string | null): Workshop {
  if (guess !== null && !scenario.meters.some((m) => m.id === guess)) return workshop;
  return { ...workshop, guess };
}

export type DecideError = MoveError | { code: 'session-over'; message: string } | { code: 'other-form'; message: string };

export type DecisionResult =
  | { ok: true; workshop: Workshop; outcome: Outcome; decision: Decision }
  /** The votes do not decide: nothing was counted, or the top is tied. The trainer picks (`tied` lists the choices to pick from). */
  | { ok: false; reason: 'no-votes' }
  | { ok: false; reason: 'tie'; tied: number[] }
  | { ok: false; reason: 'error'; error: DecideError };

/**
 * Records the room's decision for the active team and passes the turn to the next team still playing.
 * The counted votes decide; `pick` (a file index) only counts when nothing was counted or the top is
 * tied, and then only among the tied choices. Without a usable pick the answer says what is needed.
 */
export function decide(scenario: Scenario, workshop: Workshop, pick?: number, seconds?: number): DecisionResult {
  if (workshopOver(workshop)) return { ok: false, reason: 'error', error: { code: 'session-over', message: 'the session is over: there is no card to decide' } };
  if (workshop.settings.mode === 'same-time') return { ok: false, reason: 'error', error: { code: 'other-form', message: 'teams decide at the same time: each team decides its own table (decideTeam)' } };
  const result = decideFor(scenario, workshop.teams[workshop.active]!, workshop.tally, workshop.guess, pick, seconds);
  if (!result.ok) return result;
  const { decision } = result;
  const teams = workshop.teams.map((t, i) => (i === workshop.active ? result.team : t));
  const moved: Workshop = { ...workshop, teams };
  const active = nextActive(moved, workshop.active);
  let round: Workshop['round'] = null;
  // Same card in turn: the next team in this round gets the card just decided; a new round starts from the first team's own deck.
  if (workshop.settings.mode === 'same-card' && active > workshop.active && !workshopOver(moved)) {
    round = workshop.round ?? { card: decision.card, ...(decision.order ? { order: [...decision.order] } : {}) };
    teams[active] = { ...teams[active]!, state: dealAs(scenario, teams[active]!.state, round) };
  }
  const next: Workshop = { ...moved, teams, active, tally: emptyTally(choicesOnTable(scenario, teams[active])), guess: null, round };
  return { ok: true, workshop: next, outcome: result.outcome, decision };
}

export type TeamDecisionResult =
  | { ok: true; team: TeamGame; outcome: Outcome; decision: Decision }
  | Exclude<DecisionResult, { ok: true }>;

/**
 * One team's decision on its own card from its votes and guess: the counted votes decide; `pick` (a
 * file index) only counts when nothing was counted or the top is tied, and then only among the tied choices.
 */
export function decideFor(scenario: Scenario, team: TeamGame, tally: Tally, guess: string | null, pick?: number, seconds?: number): TeamDecisionResult {
  const counts = totalCounts(tally);
  const ruling = rule(counts, pick);
  if (!ruling.ok) return ruling;
  const order = team.state.current?.order;
  const result = choose(scenario, team.state, ruling.choice);
  if (!result.ok) return { ok: false, reason: 'error', error: result.error };
  const vote: Vote = {};
  if (counts.some((c) => c > 0)) vote.counts = counts;
  if (tally.phones.some((c) => c > 0)) vote.phones = [...tally.phones];
  if (guess) vote.guess = guess;
  const decision: Decision = { turn: team.state.turn, card: result.outcome.card, choice: ruling.choice, vote, how: ruling.how, ...(order ? { order: [...order] } : {}), deltas: result.outcome.deltas, ...(seconds !== undefined && Number.isFinite(seconds) ? { seconds: Math.max(0, Math.round(seconds)) } : {}) };
  return { ok: true, team: { ...team, state: result.state, decisions: [...team.decisions, decision] }, outcome: result.outcome, decision };
}

/** In 'same-card' mode, whether the round goes on with the same card for the next team. */
export function roundGoesOn(workshop: Workshop): boolean {
  return workshop.settings.mode === 'same-card' && (workshop.round ?? null) !== null;
}

/** Whether a team has nothing more to play: its game ended, or it played the session's length. */
export function teamDone(workshop: Workshop, team: TeamGame): boolean {
  const length = workshop.settings.length ?? 0;
  return team.state.end !== null || (length > 0 && team.decisions.length >= length);
}

function nextActive(workshop: Workshop, from: number): number {
  const { teams } = workshop;
  for (let step = 1; step <= teams.length; step++) {
    const i = (from + step) % teams.length;
    if (!teamDone(workshop, teams[i]!)) return i;
  }
  return from;
}

/** The trainer ends the session now: the debrief and the report cover what was played. */
export function stopSession(workshop: Workshop): Workshop {
  if (workshop.stoppedAt !== null) return workshop;
  return { ...workshop, stoppedAt: playedTurns(workshop) };
}

/**
 * Takes back the trainer's stop: the session runs again from where it stood (the same card, votes and
 * guess, which a stop leaves as they were). A session that ended on its own has nothing to take back.
 */
export function undoStop(workshop: Workshop): Workshop {
  if (!canUndoStop(workshop)) return workshop;
  return { ...workshop, stoppedAt: null };
}

/** Whether the trainer stopped this session while a team still had cards to play. */
export function canUndoStop(workshop: Workshop): boolean {
  return workshop.stoppedAt !== null && workshop.teams.some((t) => !teamDone(workshop, t));
}

/** The most turns any team has played. */
export function playedTurns(workshop: Workshop): number {
  return Math.max(0, ...workshop.teams.map((t) => t.decisions.length));
}

export function workshopOver(workshop: Workshop): boolean {
  return workshop.stoppedAt !== null || workshop.teams.every((t) => teamDone(workshop, t));
}

/**
 * The turn the session stopped at when it ended before every game did (the trainer stopped it, or
 * the set-up's length was reached); null while it runs or when every game reached its own end.
 */
export function sessionStop(workshop: Workshop): number | null {
  if (!workshopOver(workshop)) return null;
  if (workshop.teams.every((t) => t.state.end !== null)) return null;
  return workshop.stoppedAt ?? playedTurns(workshop);
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
