/**
 * The one game being played: its scenario, its engine state and where the player is in a turn
 * (choosing, or reading the feedback of the choice just made). Scenes read it and call these
 * functions; all rules stay in the engine.
 */
import { nanoid } from 'nanoid';
import { choose, currentCard, newGame, type Outcome, type Table } from '../engine/game.ts';
import type { Scenario } from '../engine/format.ts';
import type { GameState } from '../engine/state.ts';
import { saves } from '../platform/saves.ts';

interface Feedback {
  outcome: Outcome;
  /** The meters as they were before the choice, to animate from. */
  before: Record<string, number>;
}

export interface Session {
  readonly scenario: Scenario;
  readonly state: GameState;
  /** Set between a choice and the next card. */
  readonly feedback: Feedback | null;
  /** A solo game ("Alone"): saved after every choice, its endings collected. */
  readonly solo?: boolean;
}

let session: Session | null = null;

function publish(next: Session | null): void {
  session = next;
}

export function currentSession(): Session | null {
  return session;
}

export function startGame(scenario: Scenario, seed: string = nanoid()): Session {
  publish({ scenario, state: newGame(scenario, seed), feedback: null });
  return session!;
}

export function restartGame(): Session | null {
  if (session?.solo) return startSoloGame(session.scenario);
  return session ? startGame(session.scenario) : null;
}

/** "Alone": a new solo game, or the saved one continued exactly where it was left. */
export function startSoloGame(scenario: Scenario, saved?: GameState): Session {
  publish({ scenario, state: saved ?? newGame(scenario, nanoid()), feedback: null, solo: true });
  if (!saved) saves.write(session!.state);
  return session!;
}

/**
 * Authoring: a game from a given state — started at a card on the scenario map, or the
 * same game replayed after its file changed. Never saved: it is a test, not the player's game.
 */
export function playFrom(scenario: Scenario, state: GameState): Session {
  publish({ scenario, state, feedback: null });
  return session!;
}

export function endSession(): void {
  publish(null);
}

/** The card on the table, or null while feedback shows or after the end. */
export function table(): Table | null {
  if (!session || session.feedback) return null;
  return currentCard(session.scenario, session.state);
}

/** Takes a choice. Returns false when there is nothing to choose (feedback showing, game over, bad index). */
export function takeChoice(index: number): boolean {
  if (!session || session.feedback) return false;
  const result = choose(session.scenario, session.state, index);
  if (!result.ok) return false;
  publish({ ...session, state: result.state, feedback: { outcome: result.outcome, before: session.state.meters } });
  if (session.solo) {
    // Saved before the feedback shows, so closing the tab now loses nothing.
    saves.write(result.state);
    if (result.state.end?.ending) saves.recordEnding(session.scenario.id, result.state.end.ending);
  }
  return true;
}

/** Leaves the feedback; returns whether the game has ended. */
export function dismissFeedback(): boolean {
  if (!session) return false;
  if (session.feedback) publish({ ...session, feedback: null });
  return session.state.end !== null;
}
