/**
 * The messages between the projector, the room server and the phones. Pure TypeScript (no Node, no
 * DOM), so the browser and the server validate with the same definitions. Every message that comes
 * off the network is checked here for shape and size before anything reads it: a phone is anyone on
 * the Wi-Fi, and even the server's answers are checked by the pages that receive them.
 */
import * as v from 'valibot';

/** A phone sends a few short fields; anything bigger is refused before parsing. */
export const MAX_PHONE_MESSAGE = 1024;
/** The projector sends a card's texts in both languages, up to the scenario limit per text. */
export const MAX_PROJECTOR_MESSAGE = 256 * 1024;
export const MAX_TEXT = 20_000;
export const MAX_CHOICES = 4;
export const MAX_METERS = 8;
export const MAX_LINES = 60;
/** The longest answer to an open question, in characters after tidying: a line on the wall, not an essay. */
export const MAX_ANSWER = 200;
/** Statements rated before and after (the scenario format allows eight), each from 1 (disagree) to 5 (agree). */
export const MAX_STATEMENTS = 8;
export const RATING_SCALE = 5;
/** Teams a room can have (the workshop's own limit), the longest team name, and the phones a tally lists by seat. */
export const MAX_ROOM_TEAMS = 6;
export const MAX_TEAM_NAME = 60;
export const MAX_SEATS_LISTED = 1000;

/** Room codes: five letters and digits without look-alikes (no O/0, I/1), easy to read from the back. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 5;
const CODE = v.pipe(v.string(), v.regex(/^[A-HJ-NP-Z2-9]{5}$/));
/** The projector's secret: made by the projector, kept with its workshop, never shown. */
const SECRET = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{20,64}$/));
/**
 * A room's key: the long half of its identity, made from the projector's secret (so a stranger cannot
 * make a room with it) and carried in the QR link and by every phone that joined. Too long to guess,
 * so a join with a key is not a guess; the five-letter code alone is, and guesses are few.
 */
export const KEY_LENGTH = 22;
const KEY = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/));
const TOKEN = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{10,40}\.[A-Za-z0-9_-]{20,64}$/));
const ROUND = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:-]{1,64}$/));
const ID = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const INDEX = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CHOICES - 1));
const COUNT = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const STRING = v.pipe(v.string(), v.maxLength(MAX_TEXT));
/** A team by its place in the projector's list of names. */
const TEAM = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ROOM_TEAMS - 1));
const TEAM_NAMES = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEAM_NAME))), v.maxLength(MAX_ROOM_TEAMS));
/** A phone's number in its room, shown on the phone, so the trainer can say which phone to move. */
const SEAT = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));

/** A text in both languages: each phone shows the one its participant chose. */
const TEXTS = v.strictObject({ nl: STRING, en: STRING });
export type Texts = v.InferOutput<typeof TEXTS>;

const CHOICES = v.pipe(v.array(TEXTS), v.minLength(1), v.maxLength(MAX_CHOICES));
const METERS = v.pipe(v.array(v.strictObject({ id: ID, label: TEXTS })), v.maxLength(MAX_METERS));
const SPLIT = v.pipe(v.array(COUNT), v.maxLength(MAX_CHOICES));

/** What the phones show, as the projector describes it. */
const VIEW = v.variant('kind', [
  /** Joined, nothing to vote on yet (before the first card, on the scoreboard). */
  v.strictObject({ kind: v.literal('wait') }),
  v.strictObject({
    kind: v.literal('card'),
    round: ROUND,
    turn: TEXTS,
    stakeholder: TEXTS,
    text: TEXTS,
    choices: CHOICES,
    /** The meters a phone can guess as "who gains most". */
    meters: METERS,
    /** Votes are taken until the trainer closes voting or reveals. */
    open: v.boolean(),
  }),
  v.strictObject({
    kind: v.literal('reveal'),
    round: ROUND,
    turn: TEXTS,
    stakeholder: TEXTS,
    text: TEXTS,
    choices: CHOICES,
    choice: INDEX,
    /** Votes per choice: from phones, and counted by hand or key on the projector. */
    phones: SPLIT,
    counted: SPLIT,
    /** The room's guess and whether it gained most; null when the room did not guess. */
    guess: v.nullable(v.strictObject({ meter: TEXTS, right: v.boolean() })),
    feedback: TEXTS,
    changes: v.pipe(v.array(v.strictObject({ meter: TEXTS, delta: v.pipe(v.number(), v.integer(), v.minValue(-1000), v.maxValue(1000)) })), v.maxLength(MAX_METERS)),
  }),
  /** A debrief page; `scenario` heads the participant's own answers, which the phone shows below it. */
  v.strictObject({ kind: v.literal('debrief'), page: COUNT, pages: COUNT, title: TEXTS, lines: v.pipe(v.array(TEXTS), v.maxLength(MAX_LINES)), scenario: TEXTS }),
  v.strictObject({ kind: v.literal('end'), title: TEXTS }),
  /** An open question from the trainer: each phone may answer in a short text, anonymously. */
  v.strictObject({ kind: v.literal('question'), question: ROUND, text: TEXTS }),
  /** The scenario's statements, rated from 1 to 5 before the first card or after the debrief. */
  v.strictObject({ kind: v.literal('rate'), round: ROUND, when: v.picklist(['before', 'after']), statements: v.pipe(v.array(TEXTS), v.minLength(1), v.maxLength(MAX_STATEMENTS)) }),
]);
export type PhoneView = v.InferOutput<typeof VIEW>;

const PROJECTOR_MESSAGE = v.variant('type', [
  /** Opens a room, or takes back the one it had (after a reload, a dropped Wi-Fi or a server restart). */
  v.strictObject({ type: v.literal('host'), code: v.optional(CODE), secret: v.optional(SECRET) }),
  /** What the phones show; with `team`, only that team's phones (teams deciding at the same time), until a show for all. */
  v.strictObject({ type: v.literal('show'), view: VIEW, team: v.optional(TEAM) }),
  /** The teams phones can join, in order; none when the room decides as one. */
  v.strictObject({ type: v.literal('teams'), names: TEAM_NAMES }),
  /** The trainer moves a phone (by the number it shows) to another team. */
  v.strictObject({ type: v.literal('move'), seat: SEAT, team: TEAM }),
  /** Sends away the phones that joined in the last `seconds` (a burst the trainer did not expect). */
  v.strictObject({ type: v.literal('remove'), seconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600)) }),
]);
export type ProjectorMessage = v.InferOutput<typeof PROJECTOR_MESSAGE>;

/** What a phone remembers of its own vote, sent again when it rejoins (the server may have restarted). */
const KEPT = v.strictObject({ round: ROUND, choice: v.nullable(INDEX), guess: v.nullable(ID) });
export type Kept = v.InferOutput<typeof KEPT>;

const PHONE_MESSAGE = v.variant('type', [
  v.strictObject({ type: v.literal('join'), code: CODE, key: v.optional(KEY), token: v.optional(TOKEN), kept: v.optional(KEPT), team: v.optional(TEAM) }),
  v.strictObject({ type: v.literal('vote'), round: ROUND, choice: INDEX }),
  /** The phone's participant picks their team from the projector's names. */
  v.strictObject({ type: v.literal('team'), team: TEAM }),
  v.strictObject({ type: v.literal('guess'), round: ROUND, meter: ID }),
  /** An answer to the open question; the server checks it with `checkAnswer` before the projector sees it. */
  v.strictObject({ type: v.literal('answer'), question: ROUND, text: v.pipe(v.string(), v.maxLength(MAX_PHONE_MESSAGE)) }),
  /** This phone's rating of one statement; a new one replaces it. */
  v.strictObject({ type: v.literal('rate'), round: ROUND, statement: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_STATEMENTS - 1)), value: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(RATING_SCALE)) }),
]);
export type PhoneMessage = v.InferOutput<typeof PHONE_MESSAGE>;

export type ClientMessage = ProjectorMessage | PhoneMessage;

export const ERROR_CODES = ['bad-message', 'too-big', 'too-fast', 'unknown-room', 'stale-token', 'room-taken', 'room-full', 'server-full', 'too-many-rooms', 'too-many-phones', 'not-allowed', 'closed', 'no-such-choice', 'removed', 'bad-answer'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const MINE = v.strictObject({ choice: v.nullable(INDEX), guess: v.nullable(ID) });
export type Mine = v.InferOutput<typeof MINE>;

const GUESSES = v.pipe(v.array(v.strictObject({ meter: ID, count: COUNT })), v.maxLength(MAX_METERS));
/** One team's figures: its phones, how many voted on its own card, and the split (the projector's to reveal). */
const TEAM_TALLY = v.strictObject({ round: v.nullable(ROUND), joined: COUNT, voted: COUNT, counts: SPLIT, guesses: GUESSES });
export type TeamTally = v.InferOutput<typeof TEAM_TALLY>;

const SERVER_MESSAGE = v.variant('type', [
  v.strictObject({ type: v.literal('hosted'), code: CODE, key: KEY, secret: SECRET, phoneUrls: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(20)) }),
  /** To the projector only: phones connected now, phones that voted this round, and the split. */
  v.strictObject({
    type: v.literal('tally'),
    round: v.nullable(ROUND),
    joined: COUNT,
    voted: COUNT,
    /** Phones that joined in the last minute: a jump the trainer can see, and remove. */
    recent: COUNT,
    counts: SPLIT,
    guesses: v.pipe(v.array(v.strictObject({ meter: ID, count: COUNT })), v.maxLength(MAX_METERS)),
    /** Per team (in the order of the names), when the room has teams. */
    teams: v.optional(v.pipe(v.array(TEAM_TALLY), v.maxLength(MAX_ROOM_TEAMS))),
    /** The phones in the room by the number each shows, and its team, for moving one. */
    seats: v.optional(v.pipe(v.array(v.strictObject({ seat: SEAT, team: v.nullable(TEAM) })), v.maxLength(MAX_SEATS_LISTED))),
  }),
  v.strictObject({ type: v.literal('joined'), code: CODE, key: KEY, token: TOKEN }),
  /** To a phone: what to show and its own vote, never anyone else's. */
  v.strictObject({ type: v.literal('view'), view: VIEW, mine: MINE }),
  /** To a phone: its own vote on the round, as the server counted it (small: the card is not sent again). */
  v.strictObject({ type: v.literal('mine'), round: ROUND, mine: MINE }),
  /** To a phone: the teams it can pick from, its team (null before it picked) and the number it shows. */
  v.strictObject({ type: v.literal('team'), names: TEAM_NAMES, team: v.nullable(TEAM), seat: SEAT }),
  v.strictObject({ type: v.literal('error'), code: v.picklist(ERROR_CODES) }),
  /** To the projector only: an answer that passed the server's checks, under a random id that names no phone. */
  v.strictObject({ type: v.literal('answer'), question: ROUND, id: ROUND, text: v.pipe(v.string(), v.maxLength(MAX_ANSWER * 2)) }),
  /** To the phone that answered: its answer reached the projector. */
  v.strictObject({ type: v.literal('answered'), question: ROUND }),
  /** To the projector only: how many phones gave each statement each rating (counts[statement][value - 1]). */
  v.strictObject({ type: v.literal('ratings'), round: ROUND, counts: v.pipe(v.array(v.pipe(v.array(COUNT), v.length(RATING_SCALE))), v.maxLength(MAX_STATEMENTS)) }),
  /** To a phone: its own ratings as the server counted them (null: not rated yet). */
  v.strictObject({ type: v.literal('rated'), round: ROUND, values: v.pipe(v.array(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(RATING_SCALE)))), v.maxLength(MAX_STATEMENTS)) }),
]);
export type ServerMessage = v.InferOutput<typeof SERVER_MESSAGE>;

export type AnswerCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' | 'control' };

/**
 * An answer as the room may see it: Unicode-normalised (NFC), every run of spaces, tabs and line
 * breaks made one space, trimmed. Refused when empty, longer than `MAX_ANSWER` characters, or holding
 * any other control or format character (a bidi override would turn the wall's text around, a zero-width
 * one hide words; the joiner inside an emoji stays). The phone checks first to tell its participant; the server checks again, as a phone
 * can send anything.
 */
export function checkAnswer(raw: string): AnswerCheck {
  const text = raw.normalize('NFC').replace(/[\s\u0085]+/gu, ' ').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (/(?!\u200d)[\p{Cc}\p{Cf}\p{Cs}\p{Co}\u2028\u2029]/u.test(text)) return { ok: false, reason: 'control' };
  if ([...text].length > MAX_ANSWER) return { ok: false, reason: 'too-long' };
  return { ok: true, text };
}

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: ErrorCode };

function parse<T>(schema: v.GenericSchema<unknown, T>, raw: string, limit: number): Parsed<T> {
  // Length in UTF-16 units bounds the bytes closely enough; the socket also caps the frame size.
  if (raw.length > limit) return { ok: false, error: 'too-big' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'bad-message' };
  }
  const result = v.safeParse(schema, data);
  return result.success ? { ok: true, message: result.output } : { ok: false, error: 'bad-message' };
}

export function parseProjectorMessage(raw: string): Parsed<ProjectorMessage> {
  return parse(PROJECTOR_MESSAGE, raw, MAX_PROJECTOR_MESSAGE);
}

export function parsePhoneMessage(raw: string): Parsed<PhoneMessage> {
  return parse(PHONE_MESSAGE, raw, MAX_PHONE_MESSAGE);
}

export function parseServerMessage(raw: string): Parsed<ServerMessage> {
  return parse(SERVER_MESSAGE, raw, MAX_PROJECTOR_MESSAGE + 1024);
}

const HOST = v.strictObject({ type: v.literal('host'), code: v.optional(CODE), secret: v.optional(SECRET) });
const JOIN = v.strictObject({ type: v.literal('join'), code: CODE, key: v.optional(KEY), token: v.optional(TOKEN), kept: v.optional(KEPT), team: v.optional(TEAM) });
const FIRST_MESSAGE = v.variant('type', [HOST, JOIN]);
export type FirstMessage = v.InferOutput<typeof FIRST_MESSAGE>;

/** A connection's first message says what it is: a projector hosting, or a phone joining. Both are small. */
export function parseFirstMessage(raw: string): Parsed<FirstMessage> {
  return parse(FIRST_MESSAGE, raw, MAX_PHONE_MESSAGE);
}

/** A typed-in or scanned code, tidied: capitals, no spaces or dashes; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return v.is(CODE, code) ? code : null;
}

/**
 * The QR link's part after `#`: the code and the room's key, so a scanned join is never a guess; a
 * table's own QR code adds its team (counted from 1, as the room says it).
 */
export function roomLinkHash(code: string, key: string, team?: number): string {
  return team === undefined ? `${code}.${key}` : `${code}.${key}.${team + 1}`;
}

/** The code, key and team of a scanned link (`CODE.KEY` or `CODE.KEY.T`), or a typed code alone; null when it is neither. */
export function parseRoomLink(hash: string): { code: string; key: string | null; team?: number } | null {
  const dot = hash.indexOf('.');
  if (dot < 0) {
    const code = normaliseCode(hash);
    return code ? { code, key: null } : null;
  }
  const code = normaliseCode(hash.slice(0, dot));
  const [key = '', team, ...rest] = hash.slice(dot + 1).split('.');
  if (!code || !v.is(KEY, key) || rest.length > 0) return null;
  if (team === undefined) return { code, key };
  const index = /^[1-9]$/.test(team) ? Number(team) - 1 : -1;
  return v.is(TEAM, index) ? { code, key, team: index } : null;
}

/** The path of the room's WebSocket, relative to the page, so the game works under any proxy prefix. */
export const ROOM_PATH = 'room';
/**
 * A small file next to the page that says whether a room server runs: the build holds one saying no,
 * the server answers yes in its place. Read with a plain request, so a static copy logs no error.
 */
export const SERVER_CHECK_PATH = 'room-server.json';

/** The short path of the phone page. */
export const PHONE_PATH = 'p';
