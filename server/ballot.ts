/**
 * One team's own card when teams decide at the same time: what its phones are shown, the round being
 * voted on, and each phone's vote in it. The hub keeps one per team that has its own view; phones of
 * other teams never see it, and only the team's own phones are counted in it.
 */
import type { Mine, PhoneView, TeamTally } from '../src/room-protocol/protocol.ts';

export interface BallotVote {
  choice: number | null;
  guess: string | null;
}

export class Ballot {
  view: PhoneView = { kind: 'wait' };
  round: string | null = null;
  open = false;
  choices = 0;
  meters = new Set<string>();
  votes = new Map<string, BallotVote>();

  /** Shows a view: a new card's round starts with no votes; a reveal of the round closes it; anything else ends it. */
  show(view: PhoneView): void {
    if (view.kind === 'card') {
      if (view.round !== this.round) {
        this.round = view.round;
        this.votes = new Map();
      }
      this.open = view.open;
      this.choices = view.choices.length;
      this.meters = new Set(view.meters.map((m) => m.id));
    } else if (view.kind === 'reveal' && view.round === this.round) this.open = false;
    else if (view.kind !== 'reveal') {
      this.open = false;
      this.round = null;
      this.votes = new Map();
    }
    this.view = view;
  }

  /** A phone's vote or guess; the refusal's code when the round is not open or the choice is not on the card. */
  vote(id: string, message: { round: string } & ({ choice: number } | { meter: string })): 'closed' | 'no-such-choice' | null {
    if (!this.open || message.round !== this.round) return 'closed';
    const vote = this.votes.get(id) ?? { choice: null, guess: null };
    if ('choice' in message) {
      if (message.choice >= this.choices) return 'no-such-choice';
      vote.choice = message.choice;
    } else {
      if (!this.meters.has(message.meter)) return 'no-such-choice';
      vote.guess = message.meter;
    }
    this.votes.set(id, vote);
    return null;
  }

  /** What a rejoining phone remembers of its vote, taken back when the round is still the same and it has not voted again. */
  keep(id: string, kept: { round: string; choice: number | null; guess: string | null }): void {
    if (kept.round !== this.round || !this.open || this.votes.has(id)) return;
    const vote = { choice: kept.choice !== null && kept.choice < this.choices ? kept.choice : null, guess: kept.guess !== null && this.meters.has(kept.guess) ? kept.guess : null };
    if (vote.choice !== null || vote.guess !== null) this.votes.set(id, vote);
  }

  mine(id: string): Mine {
    const vote = this.votes.get(id);
    return { choice: vote?.choice ?? null, guess: vote?.guess ?? null };
  }

  /** The figures of the phones given (the team's, in the room now): a phone that left takes its vote with it. */
  tally(phones: ReadonlySet<string>): TeamTally {
    return tallyOf(this.round, this.choices, this.votes, phones);
  }
}

/** Votes counted for the given phones only: how many voted, the split per choice, and the guesses. */
export function tallyOf(round: string | null, choices: number, votes: ReadonlyMap<string, BallotVote>, phones: ReadonlySet<string>): TeamTally {
  const counts = Array.from({ length: choices }, () => 0);
  const guesses = new Map<string, number>();
  let voted = 0;
  for (const [id, vote] of votes) {
    if (!phones.has(id)) continue;
    if (vote.choice !== null) {
      counts[vote.choice] = (counts[vote.choice] ?? 0) + 1;
      voted += 1;
    }
    if (vote.guess !== null) guesses.set(vote.guess, (guesses.get(vote.guess) ?? 0) + 1);
  }
  return { round, joined: phones.size, voted, counts: round ? counts : [], guesses: [...guesses].map(([meter, count]) => ({ meter, count })) };
}
