/**
 * The workshop being run in this tab: the engine's workshop (teams, decisions), where the room is in
 * a card (deciding, seeing the reveal, looking at the scoreboard), the votes counted so far, the
 * timer, a "what if" branch and the debrief slide. Scenes read it; the rules stay in the engine.
 */
import { nanoid } from 'nanoid';
import type { Scenario } from '../engine/format.ts';
import { currentCard, type Outcome, type Table } from '../engine/game.ts';
import { continueWhatIf, decide, majority, startWorkshop, whatIf, workshopOver, type TeamGame, type Vote, type WhatIf, type Workshop, type WorkshopSettings } from '../engine/workshop.ts';
import { Countdown } from './countdown.ts';

export type RoomPhase = 'deciding' | 'reveal' | 'scoreboard' | 'over';

export interface Reveal {
  team: number;
  choice: number;
  vote: Vote;
  outcome: Outcome;
  /** The team's meters before the decision, to animate from. */
  before: Record<string, number>;
}

export interface Branch {
  team: number;
  /** Null while the trainer is still picking the card to step back to. */
  whatIf: WhatIf | null;
}

export interface Room {
  readonly scenario: Scenario;
  workshop: Workshop;
  phase: RoomPhase;
  counts: number[];
  guess: string | null;
  timer: Countdown;
  reveal: Reveal | null;
  branch: Branch | null;
  slide: number;
}

let room: Room | null = null;

export function currentRoom(): Room | null {
  return room;
}

export function endRoom(): void {
  room = null;
}

export function startRoom(scenario: Scenario, settings: WorkshopSettings, seed: string = nanoid()): Room {
  const workshop = startWorkshop(scenario, settings, seed);
  room = { scenario, workshop, phase: 'deciding', counts: [], guess: null, timer: new Countdown(settings.timer), reveal: null, branch: null, slide: 0 };
  freshCard(room);
  return room;
}

function freshCard(r: Room): void {
  const table = currentCard(r.scenario, activeTeam(r).state);
  r.counts = table ? table.card.choices.map(() => 0) : [];
  r.guess = null;
  r.timer = new Countdown(r.workshop.settings.timer);
}

export function activeTeam(r: Room): TeamGame {
  return r.workshop.teams[r.workshop.active]!;
}

export function roomTable(r: Room): Table | null {
  return currentCard(r.scenario, activeTeam(r).state);
}

/** Adds (or with a negative step removes) votes for a choice; never below zero. */
export function countVote(r: Room, choice: number, step: number): void {
  if (r.phase !== 'deciding' || choice < 0 || choice >= r.counts.length) return;
  r.counts[choice] = Math.max(0, r.counts[choice]! + step);
}

/** Steps the room's guess through "no guess" and every meter. */
export function cycleGuess(r: Room, step: 1 | -1): void {
  const options = [null, ...r.scenario.meters.map((m) => m.id)];
  const at = options.indexOf(r.guess);
  r.guess = options[(at + step + options.length) % options.length]!;
}

/** Votes from phones on the card on the table, and the meter most phones guessed (when one leads). */
export interface PhoneVotes {
  counts: number[];
  guess: string | null;
}

/** The trainer's counts and the phones' together. */
export function allCounts(r: Room, phones?: PhoneVotes): number[] {
  return r.counts.map((c, i) => c + (phones?.counts[i] ?? 0));
}

export function majorityChoice(r: Room, phones?: PhoneVotes): number | null {
  return majority(allCounts(r, phones));
}

/** Records the room's decision for the team whose turn it is and shows the reveal. */
export function decideRoom(r: Room, choice: number, phones?: PhoneVotes): boolean {
  if (r.phase !== 'deciding') return false;
  const team = r.workshop.active;
  const before = activeTeam(r).state.meters;
  const vote: Vote = {};
  const counts = allCounts(r, phones);
  if (counts.some((c) => c > 0)) vote.counts = counts;
  if (phones && phones.counts.some((c) => c > 0)) vote.phones = r.counts.map((_, i) => phones.counts[i] ?? 0);
  // The trainer's guess (G) stands; without one, the phones' leading guess is the room's.
  const guess = r.guess ?? phones?.guess ?? null;
  if (guess) vote.guess = guess;
  const result = decide(r.scenario, r.workshop, choice, vote);
  if (!result.ok) return false;
  r.workshop = result.workshop;
  r.reveal = { team, choice, vote, outcome: result.outcome, before };
  r.phase = 'reveal';
  return true;
}

/** After the reveal: the scoreboard when teams take turns, else the next card, or the end. */
export function afterReveal(r: Room): RoomPhase {
  if (workshopOver(r.workshop)) r.phase = 'over';
  else if (r.workshop.teams.length > 1) r.phase = 'scoreboard';
  else {
    r.phase = 'deciding';
    freshCard(r);
  }
  r.reveal = r.phase === 'over' ? r.reveal : null;
  return r.phase;
}

export function leaveScoreboard(r: Room): void {
  if (r.phase !== 'scoreboard') return;
  r.phase = 'deciding';
  freshCard(r);
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
