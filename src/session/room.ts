/**
 * The workshop being run in this tab: the engine's workshop (teams, decisions, the votes on the card
 * being decided), where the room is in a card (deciding, seeing the reveal, looking at the scoreboard),
 * the timer, a "what if" branch and the debrief slide. Every change that matters is saved at once, so a
 * reload, a crash or a closed lid returns to the same card. Scenes read it; the rules stay in the engine.
 */
import { nanoid } from 'nanoid';
import type { Scenario } from '../engine/format.ts';
import { shownOrder, type Outcome, type Table } from '../engine/game.ts';
import { addVotes, setCount, setSourceCounts, type HowDecided } from '../engine/votes.ts';
import { canUndoStop, continueWhatIf, countVotes, decide, roundGoesOn, setGuess, startWorkshop, stopSession, undoStop, whatIf, workshopCounts, workshopOver, workshopTable, type TeamGame, type Vote, type WhatIf, type Workshop, type WorkshopSettings } from '../engine/workshop.ts';
import { MAX_SAVED_QUESTIONS, type SavedWorkshop } from '../engine/workshopSave.ts';
import { revealsHeld, roundOver } from '../engine/teamsAtOnce.ts';
import { saves } from '../platform/saves.ts';
import { Countdown } from './countdown.ts';
import { onAnswers, questionsAsked, restoreQuestions, type AskedQuestion } from './openQuestions.ts';

export type RoomPhase = 'deciding' | 'reveal' | 'scoreboard' | 'over';

export interface Reveal {
  team: number;
  choice: number;
  vote: Vote;
  how: HowDecided;
  outcome: Outcome;
  /** The team's meters before the decision, to animate from. */
  before: Record<string, number>;
}

export interface Branch {
  team: number;
  /** Null while the trainer is still picking the card to step back to. */
  whatIf: WhatIf | null;
}

/** Why the votes did not decide: the screen asks the trainer to pick (among `among`, file indices). */
export interface Asking {
  reason: 'no-votes' | 'tie';
  among: number[];
}

/** A count being typed: the choice (shown position) and the digits so far. */
export interface Entry {
  position: number;
  digits: string;
}

export interface Room {
  readonly scenario: Scenario;
  workshop: Workshop;
  phase: RoomPhase;
  timer: Countdown;
  reveal: Reveal | null;
  branch: Branch | null;
  slide: number;
  asking: Asking | null;
  entry: Entry | null;
  /**
   * The trainer closed phone voting on this card before the reveal: the phones' votes stand as they
   * were (the server refuses new ones) until it is opened again. Each card opens it anew.
   */
  votingClosed: boolean;
  /** The secret of the phones' room, kept with the save so this workshop always reopens its own room. */
  phoneSecret: string | null;
  /** When the card being decided came on the wall (this tab's clock), for the time each decision took. */
  shownAt?: number;
  /** Where the room was when the trainer stopped it, and whether the timer ran: what taking the stop back returns to. */
  stopped?: StoppedFrom;
}

export interface StoppedFrom {
  phase: Exclude<RoomPhase, 'over'>;
  timerRunning: boolean;
}

let room: Room | null = null;

export function currentRoom(): Room | null {
  return room;
}

export function endRoom(): void {
  room = null;
}

/** Keeps the room in the browser; a storage that fails leaves the workshop running. */
export function saveRoom(r: Room): void {
  saves.writeWorkshop(savedRoom(r));
}

export function savedRoom(r: Room): SavedWorkshop {
  return { workshop: r.workshop, room: { phase: r.phase, revealTeam: r.reveal?.team ?? null, slide: r.slide, timer: r.timer.snapshot(), votingClosed: r.votingClosed, ...(r.phoneSecret ? { phoneSecret: r.phoneSecret } : {}), ...(r.stopped ? { stopped: r.stopped } : {}), ...savedQuestions(r) } };
}

/** The open questions and their answers, kept with the save (the projector is the only place they live). */
function savedQuestions(r: Room): { questions?: AskedQuestion[] } {
  const questions = questionsAsked(r.workshop.seed);
  return questions.length > 0 ? { questions: questions.slice(-MAX_SAVED_QUESTIONS) } : {};
}

// An answer that arrives or is hidden is saved at once: a reload keeps it.
onAnswers(() => {
  if (room) saveRoom(room);
});

export function startRoom(scenario: Scenario, settings: WorkshopSettings, seed: string = nanoid()): Room {
  const workshop = startWorkshop(scenario, settings, seed);
  room = { scenario, workshop, phase: 'deciding', timer: new Countdown(settings.timer), reveal: null, branch: null, slide: 0, asking: null, entry: null, votingClosed: false, phoneSecret: null, shownAt: Date.now() };
  saveRoom(room);
  return room;
}

/** A fresh workshop with the same scenario and settings (the menu's "Start again"). */
export function restartRoom(r: Room): Room {
  return startRoom(r.scenario, r.workshop.settings);
}

/** The room as saved: same card, votes, scores, timer and teams; a reveal is rebuilt from the last decision. */
export function resumeRoom(scenario: Scenario, saved: SavedWorkshop): Room {
  const { workshop } = saved;
  let phase = saved.room.phase;
  let reveal: Reveal | null = null;
  const team = saved.room.revealTeam !== null ? workshop.teams[saved.room.revealTeam] : undefined;
  if ((phase === 'reveal' || phase === 'over') && team) reveal = rebuildReveal(scenario, saved.room.revealTeam!, team);
  // Teams deciding at the same time rebuild their reveal from the round itself.
  if (phase === 'reveal' && !reveal && !roundOver(workshop)) phase = workshopOver(workshop) ? 'over' : 'deciding';
  if (phase !== 'over' && workshopOver(workshop)) phase = 'over';
  room = { scenario, workshop, phase, timer: Countdown.restore(workshop.settings.timer, saved.room.timer), reveal, branch: null, slide: saved.room.slide, asking: null, entry: null, votingClosed: phase === 'deciding' && saved.room.votingClosed === true, phoneSecret: saved.room.phoneSecret ?? null, ...(saved.room.stopped ? { stopped: saved.room.stopped } : {}) };
  restoreQuestions(workshop.seed, saved.room.questions ?? []);
  return room;
}

function rebuildReveal(scenario: Scenario, index: number, team: TeamGame): Reveal | null {
  const decision = team.decisions[team.decisions.length - 1];
  const entry = team.state.history[team.state.history.length - 1];
  if (!decision || !entry) return null;
  const card = scenario.cards.find((c) => c.id === decision.card);
  const feedback = card?.choices[decision.choice]?.feedback;
  const outcome: Outcome = { card: decision.card, choice: decision.choice, deltas: decision.deltas, end: team.state.end, ...(feedback ? { feedback } : {}) };
  return { team: index, choice: decision.choice, vote: decision.vote, how: decision.how, outcome, before: entry.before };
}

function freshCard(r: Room): void {
  r.shownAt = Date.now();
  r.timer = new Countdown(r.workshop.settings.timer);
  r.asking = null;
  r.entry = null;
  r.votingClosed = false;
}

export function activeTeam(r: Room): TeamGame {
  return r.workshop.teams[r.workshop.active]!;
}

export function roomTable(r: Room): Table | null {
  return workshopTable(r.scenario, r.workshop);
}

/** The active card's choices as shown (file indices, first shown first). */
export function roomOrder(r: Room): number[] {
  const table = roomTable(r);
  return table ? shownOrder(table.card, activeTeam(r).state.current?.order) : [];
}

/** The votes per choice (file order), all sources added up. */
export function roomCounts(r: Room): number[] {
  return workshopCounts(r.workshop);
}

function changeVotes(r: Room, change: Parameters<typeof countVotes>[1]): boolean {
  if (r.phase !== 'deciding') return false;
  r.workshop = countVotes(r.workshop, change);
  r.asking = null;
  saveRoom(r);
  return true;
}

/** Adds (or with a negative step removes) votes for a choice (file index); never below zero. */
export function countVote(r: Room, choice: number, step: number): boolean {
  return changeVotes(r, (tally) => addVotes(tally, choice, step));
}

/** The trainer's own counts (file order): what the projector shows before the reveal. */
export function handCounts(r: Room): number[] {
  return [...r.workshop.tally.hands];
}

/**
 * The phones' votes on the card being decided, as the room server counts them (file order). Not saved
 * on every vote: they live on the server and come back from it after a reload.
 */
export function setPhoneVotes(r: Room, counts: readonly number[]): void {
  // Closed voting keeps the phones' counts as they were, even when the server has lost them since.
  if (r.phase !== 'deciding' || r.votingClosed) return;
  r.workshop = countVotes(r.workshop, (tally) => setSourceCounts(tally, 'phones', counts));
  r.asking = null;
}

/** Keeps the phones' room secret with the workshop, so a reload or another tab opens the same room. */
export function setPhoneSecret(r: Room, secret: string | null): void {
  r.phoneSecret = secret;
  saveRoom(r);
}

/** Closes phone voting on the card being decided, or opens it again. */
export function toggleVoting(r: Room): boolean {
  if (r.phase !== 'deciding') return false;
  r.votingClosed = !r.votingClosed;
  // Saved with the phones' counts as they stand, so that a reload keeps voting closed with them.
  saveRoom(r);
  return true;
}

/** Sets a choice's count (file index), as typed by the trainer. */
export function setVoteCount(r: Room, choice: number, value: number): boolean {
  return changeVotes(r, (tally) => setCount(tally, choice, value));
}

/** Steps the room's guess through "no guess" and every meter. */
export function cycleGuess(r: Room, step: 1 | -1): void {
  if (r.phase !== 'deciding') return;
  const options = [null, ...r.scenario.meters.map((m) => m.id)];
  const at = options.indexOf(r.workshop.guess);
  r.workshop = setGuess(r.scenario, r.workshop, options[(at + step + options.length) % options.length]!);
  saveRoom(r);
}

/** A pause, extension or skip of the timer: saved like a vote. */
export function timerChanged(r: Room): void {
  saveRoom(r);
}

/**
 * Asks the engine for the room's decision. The votes decide; `pick` (a file index) counts only when the
 * engine said the trainer must pick. Returns true when decided (the reveal shows); otherwise
 * `r.asking` says why not.
 */
export function decideRoom(r: Room, pick?: number, phoneGuess: string | null = null): boolean {
  if (r.phase !== 'deciding') return false;
  const team = r.workshop.active;
  const before = activeTeam(r).state.meters;
  // The trainer's guess (G) stands; without one, the guess most phones made is the room's.
  const guessed = !r.workshop.guess && phoneGuess ? setGuess(r.scenario, r.workshop, phoneGuess) : r.workshop;
  const result = decide(r.scenario, guessed, r.asking ? pick : undefined, r.shownAt !== undefined ? (Date.now() - r.shownAt) / 1000 : undefined);
  if (!result.ok) {
    if (result.reason === 'no-votes') r.asking = { reason: 'no-votes', among: roomOrder(r) };
    else if (result.reason === 'tie') r.asking = { reason: 'tie', among: result.tied };
    return false;
  }
  r.workshop = result.workshop;
  if (revealsHeld(r.scenario, r.workshop) && roundGoesOn(r.workshop)) {
    // Effects hidden, the same card for the next team: nothing of this decision shows before the round's last team decided.
    r.reveal = null;
    r.phase = 'deciding';
    freshCard(r);
    saveRoom(r);
    return true;
  }
  r.reveal = { team, choice: result.decision.choice, vote: result.decision.vote, how: result.decision.how, outcome: result.outcome, before };
  r.phase = 'reveal';
  r.asking = null;
  r.entry = null;
  saveRoom(r);
  return true;
}

/** After the reveal: the scoreboard when teams take turns, else the next card, or the end. */
export function afterReveal(r: Room): RoomPhase {
  if (workshopOver(r.workshop)) r.phase = 'over';
  else if (roundGoesOn(r.workshop)) {
    // The same card for the next team: the room has discussed it, the team decides.
    r.phase = 'deciding';
    freshCard(r);
  } else if (r.workshop.teams.length > 1) r.phase = 'scoreboard';
  else {
    r.phase = 'deciding';
    freshCard(r);
  }
  r.reveal = r.phase === 'over' ? r.reveal : null;
  saveRoom(r);
  return r.phase;
}

export function leaveScoreboard(r: Room): void {
  if (r.phase !== 'scoreboard') return;
  r.phase = 'deciding';
  freshCard(r);
  saveRoom(r);
}

/** "To the debrief": the session ends here, and what was played so far is what the debrief shows. */
export function stopRoom(r: Room): void {
  if (r.phase !== 'over') {
    // The timer waits while the room is in the debrief, so that going back finds it where it was.
    const timerRunning = r.timer.snapshot().running && !r.timer.done;
    if (timerRunning) r.timer.togglePause();
    r.stopped = { phase: r.phase, timerRunning };
  }
  r.workshop = stopSession(r.workshop);
  r.phase = 'over';
  r.slide = 0;
  r.asking = null;
  r.entry = null;
  saveRoom(r);
}

/** Whether "back to the game" can take the stop back: the trainer stopped, and a team still has cards to play. */
export function canResumeRoom(r: Room): boolean {
  return r.phase === 'over' && canUndoStop(r.workshop);
}

/**
 * Takes the trainer's stop back: the room returns to the same card, reveal or scoreboard, with the
 * votes, the guess and the timer as they were (a timer that ran runs on).
 */
export function resumeStoppedRoom(r: Room): boolean {
  if (!canResumeRoom(r)) return false;
  const from = r.stopped ?? { phase: 'deciding', timerRunning: false };
  r.workshop = undoStop(r.workshop);
  r.phase = from.phase === 'reveal' && !r.reveal ? 'deciding' : from.phase;
  if (r.phase !== 'reveal') r.reveal = null;
  if (from.timerRunning && r.timer.paused) r.timer.togglePause();
  delete r.stopped;
  r.slide = 0;
  saveRoom(r);
  return true;
}

export function setSlide(r: Room, slide: number): void {
  r.slide = slide;
  saveRoom(r);
}

/** The team a "what if" looks at: the one that just decided, or else the one whose turn it is. */
export function openBranch(r: Room): void {
  r.branch = { team: r.reveal?.team ?? r.workshop.active, whatIf: null };
}

export function branchFrom(r: Room, turn: number, other: number): boolean {
  if (!r.branch) return false;
  const result = whatIf(r.scenario, r.workshop.teams[r.branch.team]!, turn, other);
  if (!result.ok) return false;
  r.branch = { ...r.branch, whatIf: result.whatIf };
  return true;
}

export function playBranch(r: Room, choice: number): boolean {
  if (!r.branch?.whatIf) return false;
  const result = continueWhatIf(r.scenario, r.branch.whatIf, choice);
  if (!result.ok) return false;
  r.branch = { ...r.branch, whatIf: result.whatIf };
  return true;
}

export function closeBranch(r: Room): void {
  r.branch = null;
}
