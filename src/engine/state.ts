/**
 * The whole state of one game: plain JSON, versioned, enough to save, resume and replay exactly.
 * The shape below is both the type and the check a loaded save must pass.
 */
import * as v from 'valibot';
import { boolean, byForm, fields, list, literal, nullable, number, oneOf, record, shape, string } from './schema.ts';

export const STATE_VERSION = 1;

const meterValues = record(string(), number());
const cardId = string({ min: 1 });
const count = number({ integer: true, min: 0 });

/** A permutation of a card's choice indices, first shown first. */
const choiceOrder = list(number({ integer: true, min: 0, max: 3 }), { min: 2, max: 4 });

const historyEntry = fields({
  turn: count,
  card: cardId,
  choice: number({ integer: true, min: 0, max: 3 }),
  /** True when the card came as a follow-up of an earlier choice. */
  followUp: boolean(),
  /** The order its choices were shown in (file indices); absent = file order. */
  order: v.optional(choiceOrder),
  before: meterValues,
  after: meterValues,
});

const scheduled = fields({
  card: cardId,
  due: count,
  /** The card whose choice scheduled this one, so the player can be told what it follows from. */
  from: cardId,
});

const end = fields({
  /** The ending chosen, or null when the scenario has no ending that applies. */
  ending: nullable(cardId),
  reason: oneOf(['meter', 'turns', 'deck']),
  meter: v.optional(string()),
  bound: v.optional(oneOf(['min', 'max'])),
});

const current = fields({
  card: cardId,
  /** The card whose earlier choice led here, when this is a follow-up. */
  followUpOf: v.optional(cardId),
  /** The order its choices are shown in (file indices), drawn once per game from the seed; absent = file order. */
  order: v.optional(choiceOrder),
});

export const stateSchema = fields({
  version: literal(STATE_VERSION),
  scenario: string({ min: 1 }),
  seed: string(),
  /** The random generator's state after the last draw. */
  rng: number({ integer: true, min: 0, max: 0xffffffff }),
  /** The number of the card on the table (1 = first); after the end, the last turn played. */
  turn: count,
  meters: meterValues,
  flags: record(string(), byForm([[(x) => typeof x === 'boolean', boolean()], [() => true, number()]], 'badFlagValue')),
  current: nullable(current),
  scheduled: list(scheduled),
  /** Cards shown so far, each once, in the order first shown. */
  seen: list(cardId),
  history: list(historyEntry),
  end: nullable(end),
});

/** The whole state of one game; `stateShape.check` is the check a loaded save must pass. */
export const stateShape = shape(stateSchema);

export type GameState = v.InferOutput<typeof stateSchema>;
export type HistoryEntry = GameState['history'][number];
export type ScheduledCard = GameState['scheduled'][number];
export type CurrentCard = NonNullable<GameState['current']>;
export type GameEnd = NonNullable<GameState['end']>;
export type FlagValue = GameState['flags'][string];
