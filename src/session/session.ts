/**
 * The one game being played: its scenario, its engine state and where the player is in a turn
 * (choosing, or reading the feedback of the choice just made). Scenes read it and call these
 * functions; all rules stay in the engine.
 */
import { nanoid } from 'nanoid';
import { choose, currentCard, newGame, type Outcome, type Table } from '../engine/game.ts';
import type { Scenario } from '../engine/format.ts';
import type { GameState } from '../engine/state.ts';

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
  return session ? startGame(session.scenario) : null;
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
  return true;
}

/** Leaves the feedback; returns whether the game has ended. */
export function dismissFeedback(): boolean {
  if (!session) return false;
  if (session.feedback) publish({ ...session, feedback: null });
  return session.state.end !== null;
}
