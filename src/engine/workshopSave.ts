/**
 * Saving and loading a workshop in progress, with where the room was (deciding, the reveal, the
 * scoreboard, the debrief) and the timer. Like a solo save, a save that does not fit is refused with
 * the reason and never half-loaded; each team's game is checked as a solo save would be.
 */
import type { Scenario } from './format.ts';
import { parseJson } from './jsonSource.ts';
import { checkAgainstScenario, type SaveProblem } from './save.ts';
import * as v from 'valibot';
import { boolean, fields, isPlainObject, list, literal, nullable, number, oneOf, record, shape, string, type ShapeIssue } from './schema.ts';
import { stateSchema, type GameState } from './state.ts';
import { formatPath } from './validate.ts';
import { MAX_TEAMS, WORKSHOP_VERSION, type Workshop } from './workshop.ts';
import { MAX_VOTES } from './votes.ts';

const count = number({ integer: true, min: 0 });
const choiceIndex = number({ integer: true, min: 0, max: 3 });
const counts = list(number({ integer: true, min: 0, max: MAX_VOTES }), { max: 4 });

const how = fields({
  by: oneOf(['majority', 'tie', 'trainer']),
  votes: v.optional(count),
  total: v.optional(count),
  tied: v.optional(list(choiceIndex, { max: 4 })),
});

const decision = fields({
  turn: count,
  card: string({ min: 1 }),
  choice: choiceIndex,
  vote: fields({ counts: v.optional(counts), phones: v.optional(counts), guess: v.optional(string()) }),
  how,
  order: v.optional(list(choiceIndex, { min: 2, max: 4 })),
  deltas: record(string(), number()),
  seconds: v.optional(number({ integer: true, min: 0 })),
});

const workshopSchema = fields({
  version: literal(WORKSHOP_VERSION),
  scenario: string({ min: 1 }),
  seed: string(),
  settings: fields({
    teams: list(string({ max: 200 }), { min: 1, max: MAX_TEAMS }),
    mode: oneOf(['turns', 'same-card', 'together', 'same-time']),
    preview: oneOf(['scenario', 'on', 'off']),
    timer: count,
    length: v.optional(count),
  }),
  teams: list(fields({ name: string({ max: 200 }), state: stateSchema, decisions: list(decision) }), { min: 1, max: MAX_TEAMS }),
  active: count,
  tally: fields({ hands: counts, phones: v.optional(counts) }),
  guess: nullable(string()),
  stoppedAt: nullable(count),
  round: v.optional(nullable(fields({ card: string({ min: 1 }), order: v.optional(list(choiceIndex, { min: 2, max: 4 })) }))),
  // Absent in saves of the other forms and of versions before teams decided at the same time.
  tables: v.optional(list(fields({ status: oneOf(['deciding', 'decided', 'out']), tally: fields({ hands: counts, phones: v.optional(counts) }), guess: nullable(string()) }), { min: 1, max: MAX_TEAMS })),
});

/** The most answers kept to one question (the projector keeps no more either) and questions kept per workshop. */
export const MAX_SAVED_ANSWERS = 1000;
export const MAX_SAVED_QUESTIONS = 200;
/** Ids as the room server and the projector make them. */
const savedId = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });

/** An open question put to the phones, with the answers that reached the projector (the server keeps none). */
const questionSchema = fields({
  id: savedId,
  kind: oneOf(['opening', 'debrief', 'typed', 'closing']),
  text: fields({ nl: string(), en: string() }),
  answers: list(fields({ id: savedId, text: string({ max: 400 }), hidden: boolean(), at: number({ integer: true, min: 0 }) }), { max: MAX_SAVED_ANSWERS }),
});

/** Where the room was, beside the engine's workshop. */
const roomSchema = fields({
  phase: oneOf(['deciding', 'reveal', 'scoreboard', 'over']),
  /** The team whose decision the reveal shows. */
  revealTeam: nullable(count),
  slide: count,
  timer: fields({ left: count, running: boolean() }),
  /**
   * The secret of the room phones vote in, made by the projector: with it a reload, a new tab or a
   * restarted browser opens the same room (same code) again, and nobody else can.
   */
  phoneSecret: v.optional(string({ pattern: /^[A-Za-z0-9_-]{20,64}$/ })),
  /** Phone voting closed by the trainer (V) on the card being decided; absent in older saves. */
  votingClosed: v.optional(boolean()),
  /** Where the room was when the trainer stopped it (and whether the timer ran), so the stop can be taken back after a reload. */
  stopped: v.optional(fields({ phase: oneOf(['deciding', 'reveal', 'scoreboard']), timerRunning: boolean() })),
  /** The open questions asked and their answers, so a reload keeps them for the report; absent in older saves. */
  questions: v.optional(list(questionSchema, { max: MAX_SAVED_QUESTIONS })),
});

const savedShape = shape(
  fields({
    kind: literal('many-masters-workshop'),
    workshop: workshopSchema,
    room: roomSchema,
  }),
);

export type SavedRoom = v.InferOutput<typeof roomSchema>;
export interface SavedWorkshop {
  workshop: Workshop;
  room: SavedRoom;
}

export type WorkshopLoad =
  | { ok: true; saved: SavedWorkshop; scenario: Scenario }
  | { ok: false; problem: SaveProblem; reason: string };

export function saveWorkshop(saved: SavedWorkshop): string {
  return JSON.stringify({ kind: 'many-masters-workshop', ...saved });
}

/** The scenario id a save names, before it is checked (to find the scenario to check it against). */
export function savedScenarioId(text: string): string | null {
  const parsed = parseJson(text);
  if (!parsed.ok || !isPlainObject(parsed.value)) return null;
  const workshop = (parsed.value as Record<string, unknown>).workshop;
  return isPlainObject(workshop) && typeof workshop.scenario === 'string' ? workshop.scenario : null;
}

export function loadWorkshop(findScenario: (id: string) => Scenario | undefined, text: string): WorkshopLoad {
  const parsed = parseJson(text);
  if (!parsed.ok || parsed.problems.length > 0) return { ok: false, problem: 'notReadable', reason: 'the workshop save is not readable JSON' };
  const value = parsed.value;
  const workshop = isPlainObject(value) ? value.workshop : undefined;
  if (isPlainObject(workshop) && workshop.version !== WORKSHOP_VERSION) {
    return { ok: false, problem: 'otherVersion', reason: `the workshop save has version ${JSON.stringify(workshop.version)}; this game reads version ${WORKSHOP_VERSION}` };
  }
  const issues: ShapeIssue[] = [];
  if (!savedShape.check(value, [], issues)) return { ok: false, problem: 'damaged', reason: `the workshop save is damaged: ${formatPath(issues[0]!.path)} ${issues[0]!.message}` };
  const { workshop: savedWorkshop, room } = value as unknown as SavedWorkshop;
  // Phone votes live on the room server and come back from it when phones reconnect; a save made
  // before phones existed has none. Closed voting keeps the counts it was closed with: they stand as
  // they were, whatever the server says meanwhile.
  const closedWith = room.votingClosed === true && savedWorkshop.tally.phones?.length === savedWorkshop.tally.hands.length ? savedWorkshop.tally.phones : null;
  const tally = { ...savedWorkshop.tally, phones: closedWith ? [...closedWith] : savedWorkshop.tally.hands.map(() => 0) };
  // Each team's table likewise: its phone votes come back from the server.
  const tables = savedWorkshop.tables?.map((t) => ({ ...t, tally: { ...t.tally, phones: room.votingClosed === true && t.tally.phones?.length === t.tally.hands.length ? [...t.tally.phones] : t.tally.hands.map(() => 0) } }));
  const saved: SavedWorkshop = { workshop: { ...savedWorkshop, tally, ...(tables ? { tables } : {}) }, room };
  const scenario = findScenario(saved.workshop.scenario);
  if (!scenario) return { ok: false, problem: 'otherScenario', reason: `the workshop save belongs to scenario "${saved.workshop.scenario}", which is not here` };
  const w = saved.workshop;
  if (w.tables && w.tables.length !== w.teams.length) return { ok: false, problem: 'damaged', reason: `the workshop save has ${w.tables.length} tables for ${w.teams.length} teams` };
  if (w.active >= w.teams.length || (saved.room.revealTeam !== null && saved.room.revealTeam >= w.teams.length)) return { ok: false, problem: 'damaged', reason: 'the workshop save names a team it does not have' };
  for (const team of w.teams) {
    const refusal = checkAgainstScenario(scenario, team.state as GameState);
    if (refusal) return { ok: false, ...refusal };
    if (team.decisions.length !== team.state.history.length) return { ok: false, problem: 'damaged', reason: `team "${team.name}" has ${team.decisions.length} decisions for ${team.state.history.length} cards played` };
  }
  return { ok: true, saved, scenario };
}
