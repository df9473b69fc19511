/**
 * Moving between the solo and workshop screens. The scenes keep nothing themselves: the choice of
 * scenario, the solo session and the workshop room live in src/session, so a language switch or a
 * redraw rebuilds each screen as it was.
 */
import type * as Phaser from 'phaser';
import { saves, type SaveLookup } from '../platform/saves.ts';
import { findScenario } from '../session/levels.ts';
import { currentRoom, endRoom } from '../session/room.ts';
import { openRating } from '../session/ratings.ts';
import { endSession, startSoloGame } from '../session/session.ts';
import { switchTo } from '../platform/sceneSwitch.ts';

interface ModeVisit {
  scenarioId: string;
  /** Read once per visit: an unreadable save is moved aside by reading it, so its notice must stay. */
  lookup: SaveLookup;
}

let visit: ModeVisit | null = null;

export function modeVisit(): ModeVisit | null {
  return visit;
}

/** Title → the chosen scenario's "Continue / Alone / Workshop" screen. */
export function goMode(game: Phaser.Game, scenarioId: string): void {
  const scenario = findScenario(scenarioId);
  if (!scenario) return;
  endSession();
  endRoom();
  visit = { scenarioId, lookup: saves.read(scenario) };
  switchTo(game, 'mode');
}

/** "Alone": continue the saved game when there is one and the player asked for it, else a new game. */
export function goAlone(game: Phaser.Game, resume: boolean): void {
  const scenario = visit ? findScenario(visit.scenarioId) : undefined;
  if (!scenario || !visit) return;
  const saved = resume && visit.lookup.kind === 'ok' ? visit.lookup.state : undefined;
  startSoloGame(scenario, saved);
  // Once a game is under way the save notice has been seen; the next visit reads the store again.
  visit = { ...visit, lookup: { kind: 'none' } };
  switchTo(game, 'play');
}

/** The screen the trainer opened the question screen from, and goes back to. */
let cameFrom: 'workshop' | 'debrief' = 'workshop';

export function questionCameFrom(): 'workshop' | 'debrief' {
  return cameFrom;
}

/** Opens the open-question screen from the workshop or the debrief (a key, a button or the menu). */
export function goQuestion(game: Phaser.Game, from: 'workshop' | 'debrief'): void {
  cameFrom = from;
  switchTo(game, 'question');
}

let ratingFrom: 'workshop' | 'debrief' = 'workshop';

export function ratingCameFrom(): 'workshop' | 'debrief' {
  return ratingFrom;
}

/**
 * Before and after: from the workshop the phones rate the statements "before", from the debrief
 * "after". Nothing happens when the scenario has no statements.
 */
export function goRating(game: Phaser.Game, from: 'workshop' | 'debrief'): void {
  const room = currentRoom();
  const statements = room?.scenario.debrief?.statements ?? [];
  if (!room || statements.length === 0) return;
  ratingFrom = from;
  openRating(room.workshop.seed, from === 'workshop' ? 'before' : 'after', Math.min(8, statements.length));
  switchTo(game, 'rating');
}

export function goScreen(game: Phaser.Game, key: 'mode' | 'setup' | 'join' | 'workshop' | 'whatif' | 'debrief' | 'question' | 'rating'): void {
  switchTo(game, key);
}
