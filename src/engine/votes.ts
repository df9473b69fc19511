/**
 * The room's votes on one card and the rule that turns them into a decision. Counts are kept per
 * source (hands counted by the trainer now; phones could be another source) and summed, always per
 * choice in file order: the shown order is only how the screen lays them out.
 */

/** Where votes come from: hands counted by the trainer, and phones. Each source keeps its own counts; the decision uses their sum. */
export type VoteSource = 'hands' | 'phones';
export const VOTE_SOURCES: readonly VoteSource[] = ['hands', 'phones'];

export type Tally = Record<VoteSource, number[]>;

export const MAX_VOTES = 999;

export function emptyTally(choices: number): Tally {
  return { hands: Array.from({ length: choices }, () => 0), phones: Array.from({ length: choices }, () => 0) };
}

/** Replaces one source's counts (the phones' as the room server counts them), fitted to the card's choices and 0…999. */
export function setSourceCounts(tally: Tally, source: VoteSource, counts: readonly number[]): Tally {
  const length = tally.hands.length;
  const fitted = Array.from({ length }, (_, i) => {
    const n = counts[i] ?? 0;
    return Number.isFinite(n) ? Math.min(MAX_VOTES, Math.max(0, Math.round(n))) : 0;
  });
  return { ...tally, [source]: fitted };
}

/** Every source's counts added up, per choice. */
export function totalCounts(tally: Tally): number[] {
  const length = Math.max(0, ...VOTE_SOURCES.map((s) => tally[s].length));
  return Array.from({ length }, (_, i) => VOTE_SOURCES.reduce((sum, s) => sum + (tally[s][i] ?? 0), 0));
}

function withCount(tally: Tally, source: VoteSource, choice: number, value: number): Tally {
  const counts = [...tally[source]];
  if (!Number.isInteger(choice) || choice < 0 || choice >= counts.length) return tally;
  counts[choice] = Math.min(MAX_VOTES, Math.max(0, Math.round(value)));
  return { ...tally, [source]: counts };
}

/** Sets a choice's count (a typed number); out-of-range choices leave the tally alone, counts stay 0…999. */
export function setCount(tally: Tally, choice: number, value: number, source: VoteSource = 'hands'): Tally {
  return Number.isFinite(value) ? withCount(tally, source, choice, value) : tally;
}

/** One vote more (a raised hand) or, with a negative step, fewer; never below zero. */
export function addVotes(tally: Tally, choice: number, step: number, source: VoteSource = 'hands'): Tally {
  return withCount(tally, source, choice, (tally[source][choice] ?? 0) + step);
}

/** How a decision was reached, as the reveal and the report say it. */
export type HowDecided =
  | { by: 'majority'; votes: number; total: number }
  | { by: 'tie'; tied: number[]; votes: number; total: number }
  | { by: 'trainer' };

/** What the votes say before anyone picks: a clear winner, a tie, or nothing counted. */
export type VoteReading =
  | { kind: 'majority'; choice: number; votes: number; total: number }
  | { kind: 'tie'; tied: number[]; votes: number; total: number }
  | { kind: 'none' };

export function readVotes(counts: readonly number[]): VoteReading {
  const total = counts.reduce((a, b) => a + b, 0);
  const top = counts.length > 0 ? Math.max(...counts) : 0;
  if (total <= 0 || top <= 0) return { kind: 'none' };
  const tied = counts.flatMap((c, i) => (c === top ? [i] : []));
  return tied.length === 1 ? { kind: 'majority', choice: tied[0]!, votes: top, total } : { kind: 'tie', tied, votes: top, total };
}

export type Ruling =
  | { ok: true; choice: number; how: HowDecided }
  /** Nothing counted: the trainer picks a choice (or counts first). */
  | { ok: false; reason: 'no-votes' }
  /** No clear majority: the trainer picks one of the tied choices. */
  | { ok: false; reason: 'tie'; tied: number[] };

/**
 * The room's decision. The choice with the most votes decides, whatever the trainer has focused; only
 * when nothing was counted, or the top is tied, does an explicit pick decide (among the tied choices).
 */
export function rule(counts: readonly number[], pick?: number): Ruling {
  const reading = readVotes(counts);
  const valid = (i: number | undefined): i is number => i !== undefined && Number.isInteger(i) && i >= 0 && i < counts.length;
  if (reading.kind === 'majority') return { ok: true, choice: reading.choice, how: { by: 'majority', votes: reading.votes, total: reading.total } };
  if (reading.kind === 'tie') {
    return valid(pick) && reading.tied.includes(pick)
      ? { ok: true, choice: pick, how: { by: 'tie', tied: reading.tied, votes: reading.votes, total: reading.total } }
      : { ok: false, reason: 'tie', tied: reading.tied };
  }
  return valid(pick) ? { ok: true, choice: pick, how: { by: 'trainer' } } : { ok: false, reason: 'no-votes' };
}
