/**
 * The workshop room when teams decide at the same time: each team's hand counts, guess and phone votes
 * on its own card, a team decided on its own or every team at once when voting closes (with a pick per
 * team on a tie or no votes), one reveal when the round is over, then the next week. Every change that
 * matters is saved at once, like the other forms. The rules are the engine's (src/engine/teamsAtOnce.ts).
 */
import { shownOrder } from '../engine/game.ts';
import {
  atOnce, closeRound, countTeamVotes, decideTeam, nextRound, revealAfter, revealsHeld, roundOver, roundReveal, setTeamGuess, teamOrder, teamTable, type TeamAsking, type TeamReveal,
} from '../engine/teamsAtOnce.ts';
import { addVotes, setCount, setSourceCounts } from '../engine/votes.ts';
import { workshopOver } from '../engine/workshop.ts';
import { Countdown } from './countdown.ts';
import { saveRoom, type Room } from './room.ts';

/** Teams the trainer must pick for (a tie, no votes), per room; not saved: closing voting again asks again. */
const askingIn = new WeakMap<Room, TeamAsking[]>();

export function teamsAtOnce(r: Room): boolean {
  return atOnce(r.workshop);
}

export function teamAsking(r: Room): TeamAsking[] {
  return askingIn.get(r) ?? [];
}

/** A team's card's choices as shown (file indices, first shown first); empty when it decided. */
export function tableOrder(r: Room, team: number): number[] {
  return teamOrder(r.scenario, r.workshop, team);
}

/** A team's hand counts (file order): what the projector shows before the reveal. */
export function tableHands(r: Room, team: number): number[] {
  return [...(r.workshop.tables?.[team]?.tally.hands ?? [])];
}

function change(r: Room, team: number, edit: (w: Room['workshop']) => Room['workshop']): boolean {
  if (r.phase !== 'deciding' || !teamTable(r.scenario, r.workshop, team)) return false;
  r.workshop = edit(r.workshop);
  askingIn.set(r, teamAsking(r).filter((a) => a.team !== team));
  saveRoom(r);
  return true;
}

/** One hand more (or, with a negative step, fewer) for a choice (file index) at a team's table. */
export function countTableVote(r: Room, team: number, choice: number, step: number): boolean {
  return change(r, team, (w) => countTeamVotes(w, team, (tally) => addVotes(tally, choice, step)));
}

/** A typed count for a choice (file index) at a team's table. */
export function setTableCount(r: Room, team: number, choice: number, value: number): boolean {
  return change(r, team, (w) => countTeamVotes(w, team, (tally) => setCount(tally, choice, value)));
}

/** Steps a team's guess through "no guess" and every meter. */
export function cycleTableGuess(r: Room, team: number, step: 1 | -1): void {
  const options = [null, ...r.scenario.meters.map((m) => m.id)];
  const at = options.indexOf(r.workshop.tables?.[team]?.guess ?? null);
  change(r, team, (w) => setTeamGuess(r.scenario, w, team, options[(at + step + options.length) % options.length]!));
}

/**
 * A team's phone votes (file order) as the room server counts them; not saved on every vote, they come
 * back from the server after a reload. Closed voting keeps the counts it was closed with.
 */
export function setTablePhoneVotes(r: Room, team: number, counts: readonly number[]): void {
  if (r.phase !== 'deciding' || r.votingClosed || !teamTable(r.scenario, r.workshop, team)) return;
  r.workshop = countTeamVotes(r.workshop, team, (tally) => setSourceCounts(tally, 'phones', counts));
}

/** The guess most of a team's phones made counts when the trainer set none for the team. */
function withPhoneGuesses(r: Room, guesses: ReadonlyMap<number, string>): Room['workshop'] {
  let w = r.workshop;
  for (const [team, meter] of guesses) if (!w.tables?.[team]?.guess) w = setTeamGuess(r.scenario, w, team, meter);
  return w;
}

/** The round is over: the reveal for every team shows. */
function maybeReveal(r: Room): void {
  if (roundOver(r.workshop)) {
    r.phase = 'reveal';
    r.entry = null;
    askingIn.delete(r);
  }
}

/**
 * Decides one team now, from its own votes; `pick` (a file index) counts only when its votes are tied
 * or there are none. Returns false when the trainer must pick (then `teamAsking` says why).
 */
export function decideTable(r: Room, team: number, pick?: number, phoneGuesses: ReadonlyMap<number, string> = new Map()): boolean {
  if (r.phase !== 'deciding') return false;
  const result = decideTeam(r.scenario, withPhoneGuesses(r, phoneGuesses), team, pick);
  const others = teamAsking(r).filter((a) => a.team !== team);
  if (!result.ok) {
    if (result.reason === 'tie') askingIn.set(r, [...others, { team, reason: 'tie', among: result.tied }]);
    else if (result.reason === 'no-votes') askingIn.set(r, [...others, { team, reason: 'no-votes', among: tableOrder(r, team) }]);
    return false;
  }
  r.workshop = result.workshop;
  askingIn.set(r, others);
  maybeReveal(r);
  saveRoom(r);
  return true;
}

/**
 * Voting closes for every team (the trainer, or the timer): each team still deciding is decided by its
 * majority or by the trainer's pick for it. True when the round is over; else `teamAsking` lists the
 * teams the trainer must pick for.
 */
export function closeTables(r: Room, picks: ReadonlyMap<number, number> = new Map(), phoneGuesses: ReadonlyMap<number, string> = new Map()): boolean {
  if (r.phase !== 'deciding') return false;
  const closed = closeRound(r.scenario, withPhoneGuesses(r, phoneGuesses), picks);
  r.workshop = closed.workshop;
  askingIn.set(r, closed.asking);
  maybeReveal(r);
  saveRoom(r);
  return roundOver(r.workshop);
}

/** The round's reveal: every team's decision, in team order; empty before the round is over. */
export function tablesReveal(r: Room): TeamReveal[] {
  return r.phase === 'reveal' || r.phase === 'over' ? roundReveal(r.scenario, r.workshop) : [];
}

/**
 * Whether the reveal shows a whole round side by side: teams at the same time, or teams taking turns
 * on the same card with effects hidden (their reveal waits for the round's last team).
 */
export function revealsRound(r: Room): boolean {
  return teamsAtOnce(r) || (r.phase === 'reveal' && r.reveal !== null && revealsHeld(r.scenario, r.workshop));
}

/** The reveals the room sees now, a team each. */
export function roundReveals(r: Room): TeamReveal[] {
  if (teamsAtOnce(r)) return tablesReveal(r);
  return r.phase === 'reveal' && r.reveal ? revealAfter(r.scenario, r.workshop, r.reveal.team) : [];
}

/** The order the team's revealed card's choices were shown in. */
export function revealOrder(r: Room, reveal: TeamReveal): number[] {
  const card = r.scenario.cards.find((c) => c.id === reveal.decision.card);
  return card ? shownOrder(card, reveal.decision.order) : [];
}

/** After the reveal: the next week at every table, or the end. */
export function nextTables(r: Room): Room['phase'] {
  if (r.phase !== 'reveal') return r.phase;
  if (workshopOver(r.workshop)) r.phase = 'over';
  else {
    r.workshop = nextRound(r.scenario, r.workshop);
    r.phase = 'deciding';
    r.timer = new Countdown(r.workshop.settings.timer);
    r.asking = null;
    r.entry = null;
    r.votingClosed = false;
  }
  saveRoom(r);
  return r.phase;
}
