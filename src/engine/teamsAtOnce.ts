/**
 * Teams deciding at the same time: every team still playing has its own card on its own table at the
 * same moment, counts its own votes and makes its own guess, and decides when its table is ready. The
 * round is over when every team in it has decided; then one reveal shows every team's decision, and
 * the next round deals each team the next card of its own game (the same card while their games agree,
 * its own card where follow-ups or conditions made them differ).
 *
 * A decision is played into the team's game at once (its next card is dealt), but nothing of it is
 * for the room to see before the round is over: `roundReveal` gives the decisions only then.
 */
import type { Scenario } from './format.ts';
import { currentCard, shownOrder, type Outcome, type Table } from './game.ts';
import { totalCounts, type Tally } from './votes.ts';
import { decideFor, freshTables, previewMode, roundGoesOn, workshopOver, type DecideError, type Decision, type TeamTable, type Workshop } from './workshop.ts';

/** Whether the workshop is the form where teams decide at the same time. */
export function atOnce(workshop: Workshop): boolean {
  return workshop.settings.mode === 'same-time';
}

/** The tables of this round, one per team (a workshop of this form without them gets them fresh). */
export function roundTables(scenario: Scenario, workshop: Workshop): TeamTable[] {
  return workshop.tables && workshop.tables.length === workshop.teams.length ? workshop.tables : freshTables(scenario, workshop);
}

/** The card a team decides this round, or null when it has decided or is out. */
export function teamTable(scenario: Scenario, workshop: Workshop, team: number): Table | null {
  const table = workshop.tables?.[team];
  const game = workshop.teams[team];
  if (!table || !game || table.status !== 'deciding' || workshopOver(workshop)) return null;
  return currentCard(scenario, game.state);
}

/** A team's card's choices as shown to it (file indices, first shown first). */
export function teamOrder(scenario: Scenario, workshop: Workshop, team: number): number[] {
  const table = teamTable(scenario, workshop, team);
  return table ? shownOrder(table.card, workshop.teams[team]!.state.current?.order) : [];
}

/** A team's votes per choice (file order), all sources added up. */
export function teamCounts(workshop: Workshop, team: number): number[] {
  const table = workshop.tables?.[team];
  return table ? totalCounts(table.tally) : [];
}

function withTable(workshop: Workshop, team: number, change: (table: TeamTable) => TeamTable): Workshop {
  const tables = workshop.tables;
  const table = tables?.[team];
  if (!tables || !table || table.status !== 'deciding' || workshopOver(workshop)) return workshop;
  return { ...workshop, tables: tables.map((t, i) => (i === team ? change(t) : t)) };
}

/** Counts change only on a table still deciding. */
export function countTeamVotes(workshop: Workshop, team: number, change: (tally: Tally) => Tally): Workshop {
  return withTable(workshop, team, (table) => ({ ...table, tally: change(table.tally) }));
}

/** A team's guess: a meter id of the scenario, or null for none. */
export function setTeamGuess(scenario: Scenario, workshop: Workshop, team: number, guess: string | null): Workshop {
  if (guess !== null && !scenario.meters.some((m) => m.id === guess)) return workshop;
  return withTable(workshop, team, (table) => ({ ...table, guess }));
}

export type TeamDecideError = DecideError | { code: 'not-deciding'; message: string };

export type TeamResult =
  | { ok: true; workshop: Workshop; decision: Decision }
  | { ok: false; reason: 'no-votes' }
  | { ok: false; reason: 'tie'; tied: number[] }
  | { ok: false; reason: 'error'; error: TeamDecideError };

/**
 * Records a team's decision on its own card. Its votes decide; `pick` (a file index) only counts when
 * nothing was counted or the top is tied, and then only among the tied choices.
 */
export function decideTeam(scenario: Scenario, workshop: Workshop, team: number, pick?: number): TeamResult {
  if (workshopOver(workshop)) return { ok: false, reason: 'error', error: { code: 'session-over', message: 'the session is over: there is no card to decide' } };
  const table = workshop.tables?.[team];
  const game = workshop.teams[team];
  if (!atOnce(workshop) || !table || !game || table.status !== 'deciding') {
    return { ok: false, reason: 'error', error: { code: 'not-deciding', message: `team ${team} has no card to decide this round` } };
  }
  const result = decideFor(scenario, game, table.tally, table.guess, pick);
  if (!result.ok) return result;
  const teams = workshop.teams.map((t, i) => (i === team ? result.team : t));
  const tables = workshop.tables!.map((t, i) => (i === team ? { ...t, status: 'decided' as const } : t));
  return { ok: true, workshop: { ...workshop, teams, tables }, decision: result.decision };
}

/** A team the trainer must pick for: nothing was counted at its table, or its top is tied (`among`: file indices). */
export interface TeamAsking {
  team: number;
  reason: 'no-votes' | 'tie';
  among: number[];
}

/**
 * The trainer closes voting (or the timer ran out): every team still deciding is decided by its
 * majority, or by the trainer's pick for it (`picks`: team → file index) when its votes are tied or
 * there are none. The teams that still need a pick are listed; the others are decided.
 */
export function closeRound(scenario: Scenario, workshop: Workshop, picks: ReadonlyMap<number, number> = new Map()): { workshop: Workshop; asking: TeamAsking[] } {
  let next = workshop;
  const asking: TeamAsking[] = [];
  for (const [team, table] of (workshop.tables ?? []).entries()) {
    if (table.status !== 'deciding') continue;
    const result = decideTeam(scenario, next, team, picks.get(team));
    if (result.ok) next = result.workshop;
    else if (result.reason === 'tie') asking.push({ team, reason: 'tie', among: result.tied });
    else if (result.reason === 'no-votes') asking.push({ team, reason: 'no-votes', among: teamOrder(scenario, next, team) });
  }
  return { workshop: next, asking };
}

/** Whether every team in the round has decided: the reveal is due. */
export function roundOver(workshop: Workshop): boolean {
  const tables = workshop.tables ?? [];
  return tables.length > 0 && tables.some((t) => t.status === 'decided') && tables.every((t) => t.status !== 'deciding');
}

/** Teams that decided / teams in the round: "2 of 3 teams decided". */
export function roundProgress(workshop: Workshop): { decided: number; playing: number } {
  const tables = workshop.tables ?? [];
  return { decided: tables.filter((t) => t.status === 'decided').length, playing: tables.filter((t) => t.status !== 'out').length };
}

/** One team's part of the round's reveal. */
export interface TeamReveal {
  team: number;
  decision: Decision;
  outcome: Outcome;
  /** The team's meters before the decision, to show the change. */
  before: Record<string, number>;
}

/** The decision of a team's game at its last played card, as a reveal. */
export function lastReveal(scenario: Scenario, workshop: Workshop, team: number): TeamReveal | null {
  const game = workshop.teams[team];
  const decision = game?.decisions[game.decisions.length - 1];
  const entry = game?.state.history[game.state.history.length - 1];
  if (!game || !decision || !entry) return null;
  const card = scenario.cards.find((c) => c.id === decision.card);
  const feedback = card?.choices[decision.choice]?.feedback;
  const outcome: Outcome = { card: decision.card, choice: decision.choice, deltas: decision.deltas, end: game.state.end, ...(feedback ? { feedback } : {}) };
  return { team, decision, outcome, before: entry.before };
}

/** The round's reveal, every team that decided in team order; empty while any team in the round still decides. */
export function roundReveal(scenario: Scenario, workshop: Workshop): TeamReveal[] {
  if (!roundOver(workshop)) return [];
  return (workshop.tables ?? []).flatMap((t, team) => (t.status === 'decided' ? [lastReveal(scenario, workshop, team)].filter((r): r is TeamReveal => r !== null) : []));
}

/** After the reveal: the next round, each team still playing with the next card of its own game. */
export function nextRound(scenario: Scenario, workshop: Workshop): Workshop {
  if (!atOnce(workshop) || !roundOver(workshop)) return workshop;
  return { ...workshop, tables: freshTables(scenario, workshop) };
}

/**
 * Teams taking turns on the same card with effects hidden: a reveal after the first team would show the
 * next teams what their choices do, so the room sees nothing until the round's last team decided.
 */
export function revealsHeld(scenario: Scenario, workshop: Workshop): boolean {
  return workshop.settings.mode === 'same-card' && workshop.teams.length > 1 && previewMode(scenario, workshop.settings.preview) === 'none';
}

/**
 * What the room sees after `team` decided (`workshop` as the decision left it): that team's decision;
 * with held reveals nothing while the round goes on, and after its last team every team that decided
 * the round's card, in team order.
 */
export function revealAfter(scenario: Scenario, workshop: Workshop, team: number): TeamReveal[] {
  const own = lastReveal(scenario, workshop, team);
  if (!own) return [];
  if (!revealsHeld(scenario, workshop)) return [own];
  if (roundGoesOn(workshop)) return [];
  return workshop.teams.flatMap((_, i) => {
    const reveal = i === team ? own : lastReveal(scenario, workshop, i);
    return reveal && reveal.decision.card === own.decision.card && reveal.decision.turn === own.decision.turn ? [reveal] : [];
  });
}
