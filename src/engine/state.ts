/**
 * The whole state of one game: plain JSON, versioned, enough to save, resume and replay exactly.
 * The shape below is both the type and the check a loaded save must pass.
 */
import { coded, found } from './messages.ts';
import { array, boolean, literal, nullable, number, object, oneOf, optional, record, required, string, union, variant, type Infer } from './schema.ts';

export const STATE_VERSION = 1;

const meterValues = record(number());
const cardId = string({ minLength: 1 });
const count = number({ integer: true, min: 0 });

/** A permutation of a card's choice indices, first shown first. */
const choiceOrderShape = array(number({ integer: true, min: 0, max: 3 }), { min: 2, max: 4 });

const historyEntryShape = object({
  turn: required(count),
  card: required(cardId),
  choice: required(number({ integer: true, min: 0, max: 3 })),
  /** True when the card came as a follow-up of an earlier choice. */
  followUp: required(boolean()),
  /** The order its choices were shown in (file indices); absent = file order. */
  order: optional(choiceOrderShape),
  before: required(meterValues),
  after: required(meterValues),
});

const scheduledShape = object({
  card: required(cardId),
  due: required(count),
  /** The card whose choice scheduled this one, so the player can be told what it follows from. */
  from: required(cardId),
});

const endShape = object({
  /** The ending chosen, or null when the scenario has no ending that applies. */
  ending: required(nullable(cardId)),
  reason: required(oneOf(['meter', 'turns', 'deck'])),
  meter: optional(string()),
  bound: optional(oneOf(['min', 'max'])),
});

const currentShape = object({
  card: required(cardId),
  /** The card whose earlier choice led here, when this is a follow-up. */
  followUpOf: optional(cardId),
  /** The order its choices are shown in (file indices), drawn once per game from the seed; absent = file order. */
  order: optional(choiceOrderShape),
});

export const stateShape = object({
  version: required(literal(STATE_VERSION)),
  scenario: required(string({ minLength: 1 })),
  seed: required(string()),
  /** The random generator's state after the last draw. */
  rng: required(number({ integer: true, min: 0, max: 0xffffffff })),
  /** The number of the card on the table (1 = first); after the end, the last turn played. */
  turn: required(count),
  meters: required(meterValues),
  flags: required(record(union([variant((v) => typeof v === 'boolean', boolean()), variant(() => true, number())], (v) => coded('badFlagValue', { found: found(v) })))),
  current: required(nullable(currentShape)),
  scheduled: required(array(scheduledShape)),
  /** Cards shown so far, each once, in the order first shown. */
  seen: required(array(cardId)),
  history: required(array(historyEntryShape)),
  end: required(nullable(endShape)),
});

export type GameState = Infer<typeof stateShape>;
export type HistoryEntry = GameState['history'][number];
export type ScheduledCard = GameState['scheduled'][number];
export type CurrentCard = NonNullable<GameState['current']>;
export type GameEnd = NonNullable<GameState['end']>;
export type FlagValue = GameState['flags'][string];
