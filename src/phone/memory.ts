/**
 * What a phone keeps in its own storage: its language, its place in the room (code, token, the vote
 * on the current card) and its own answers for the report at the end. Storage may be missing or full
 * (private windows); the phone then simply forgets. Everything read back is checked, since another
 * page on the same address could have written anything there.
 */
import * as v from 'valibot';
import type { Language } from '../engine/text.ts';
import type { Kept, Texts } from '../room-protocol/protocol.ts';

const LANGUAGE = 'many-masters.phone.language';
const JOIN = 'many-masters.phone.room';
const ANSWERS = 'many-masters.phone.answers';
const MAX_ANSWERS = 200;

const TEXTS = v.strictObject({ nl: v.string(), en: v.string() });
const KEPT = v.strictObject({ round: v.string(), choice: v.nullable(v.number()), guess: v.nullable(v.string()) });
const PENDING = v.strictObject({ round: v.string(), choice: v.number() });
const JOINED = v.strictObject({ code: v.string(), key: v.optional(v.nullable(v.string()), null), token: v.string(), kept: v.nullable(KEPT), pending: v.optional(v.nullable(PENDING)) });
const ANSWER = v.strictObject({ round: v.string(), turn: TEXTS, stakeholder: TEXTS, text: TEXTS, choices: v.array(TEXTS), mine: v.nullable(v.number()), room: v.number() });
const ANSWER_BOOK = v.strictObject({ code: v.string(), answers: v.array(ANSWER) });

/** A vote tapped that the server has not confirmed yet (the phone was offline, or the server down). */
export interface Pending {
  round: string;
  choice: number;
}

export interface Joined {
  code: string;
  /** The room's long key; null for a place kept before rooms had one. */
  key: string | null;
  token: string;
  kept: Kept | null;
  pending?: Pending | null;
}

export interface Answer {
  round: string;
  turn: Texts;
  stakeholder: Texts;
  text: Texts;
  choices: Texts[];
  mine: number | null;
  room: number;
}

function read<T>(key: string, schema: v.GenericSchema<unknown, T>): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const result = v.safeParse(schema, JSON.parse(raw));
    return result.success ? result.output : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or forbidden storage: the phone forgets; the room still works.
  }
}

export function loadLanguage(): Language {
  const stored = read(LANGUAGE, v.picklist(['nl', 'en']));
  if (stored) return stored;
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'nl' || base === 'en') return base;
  }
  return 'en';
}

export function saveLanguage(language: Language): void {
  write(LANGUAGE, language);
}

export function loadJoin(): Joined | null {
  return read(JOIN, JOINED) as Joined | null;
}

export function saveJoin(joined: Joined | null): void {
  write(JOIN, joined);
}

/** The answers of this room only: joining another room starts a new list. */
export function loadAnswers(code: string): Answer[] {
  const book = read(ANSWERS, ANSWER_BOOK);
  return book?.code === code ? book.answers : [];
}

export function addAnswer(code: string, answer: Answer): void {
  const answers = loadAnswers(code).filter((a) => a.round !== answer.round);
  write(ANSWERS, { code, answers: [...answers, answer].slice(-MAX_ANSWERS) });
}

const TEAM = 'many-masters.phone.team';
const TEAM_KEPT = v.strictObject({ code: v.string(), team: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** The team this phone is in for a room, so that after a server restart it comes back in the same team. */
export function loadTeam(code: string): number | null {
  const kept = read(TEAM, TEAM_KEPT);
  return kept?.code === code ? kept.team : null;
}

export function saveTeam(code: string, team: number | null): void {
  write(TEAM, team === null ? null : { code, team });
}
