/**
 * Before and after, on the projector's side: the scenario's statements rated on the phones before the
 * first card and after the debrief. Only the totals come from the room server (how many phones gave
 * each rating), kept here per workshop for the slide, the report and the results files.
 */
import type { PhoneView, Texts } from '../room-protocol/protocol.ts';

export type RatingMoment = 'before' | 'after';

interface Rated {
  workshop: string;
  /** counts[statement][rating - 1], per moment; null before that moment was rated. */
  before: number[][] | null;
  after: number[][] | null;
  open: RatingMoment | null;
}

let rated: Rated = { workshop: '', before: null, after: null, open: null };
const listeners = new Set<() => void>();

function forWorkshop(seed: string): Rated {
  if (rated.workshop !== seed) rated = { workshop: seed, before: null, after: null, open: null };
  return rated;
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function onRatings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The round the phones rate in: a moment of one workshop. */
function roundOf(seed: string, moment: RatingMoment): string {
  return `${moment}.${seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;
}

export function openRating(seed: string, moment: RatingMoment, statements: number): void {
  const state = forWorkshop(seed);
  state.open = moment;
  if (!state[moment]) state[moment] = Array.from({ length: statements }, () => [0, 0, 0, 0, 0]);
  changed();
}

export function closeRating(seed: string): void {
  const state = forWorkshop(seed);
  if (state.open === null) return;
  state.open = null;
  changed();
}

export function ratingOpen(seed: string): RatingMoment | null {
  return forWorkshop(seed).open;
}

/** The totals as the server counts them: they replace the moment's figures (a phone may change its rating). */
export function receiveRatings(round: string, counts: number[][]): void {
  const moment = rated.open;
  if (!moment || round !== roundOf(rated.workshop, moment)) return;
  rated[moment] = counts.map((row) => [...row]);
  changed();
}

/** Both moments' distributions, for the slide, the report and the files. */
export function ratingsOf(seed: string): { before: number[][] | null; after: number[][] | null } {
  return rated.workshop === seed ? { before: rated.before, after: rated.after } : { before: null, after: null };
}

export function ratingView(seed: string, statements: readonly Texts[]): PhoneView | null {
  const state = forWorkshop(seed);
  if (!state.open || statements.length === 0) return null;
  return { kind: 'rate', round: roundOf(seed, state.open), when: state.open, statements: [...statements] };
}
