/**
 * Open questions put to the phones, on the projector's side: the question being asked, and every
 * question of this workshop with the answers that reached the projector (each passed the room
 * server's checks). Answers are anonymous (a random id from the server), kept here in the tab for the
 * session report and the results files, and the trainer can hide any of them from the wall; the
 * server keeps none. `hideAnswer` is the one way to hide or show an answer, for every screen that offers it.
 */
import { MAX_SAVED_ANSWERS } from '../engine/workshopSave.ts';
import type { PhoneView, Texts } from '../room-protocol/protocol.ts';

export type QuestionKind = 'opening' | 'debrief' | 'typed' | 'closing';

export interface RoomAnswer {
  /** The server's random id: it names no phone. */
  id: string;
  text: string;
  hidden: boolean;
  /** When it arrived (milliseconds since the epoch), for the results file. */
  at: number;
}

export interface AskedQuestion {
  id: string;
  kind: QuestionKind;
  text: Texts;
  answers: RoomAnswer[];
}

interface Asked {
  /** The workshop (by seed) these questions belong to. */
  workshop: string;
  questions: AskedQuestion[];
  /** The question the phones show now, or null. */
  open: string | null;
  /** New answers arrive hidden and wait for the trainer to show them (V on the question screen, or the presenter's button). */
  holding: boolean;
}

/** More answers than this to one question are not kept: a wall holds far fewer, and the tab stays light. */
export const MAX_ANSWERS_KEPT = MAX_SAVED_ANSWERS;

let asked: Asked = { workshop: '', questions: [], open: null, holding: false };
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Calls back when a question is asked or closed, or an answer arrives or is hidden; returns the unsubscribe. */
export function onAnswers(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function forWorkshop(seed: string): Asked {
  if (asked.workshop !== seed) asked = { workshop: seed, questions: [], open: null, holding: false };
  return asked;
}

/** Every question asked in this workshop, in order, with its answers (hidden ones marked). */
export function questionsAsked(seed: string): AskedQuestion[] {
  return asked.workshop === seed ? asked.questions : [];
}

/** The questions of a saved workshop, after a reload: none of them is open (the phones follow the workshop). */
export function restoreQuestions(seed: string, questions: readonly AskedQuestion[]): void {
  asked = { workshop: seed, questions: questions.map((q) => ({ ...q, text: { ...q.text }, answers: q.answers.map((a) => ({ ...a })) })), open: null, holding: false };
  changed();
}

/** The question the phones show now. */
export function openQuestion(seed: string): AskedQuestion | null {
  const state = forWorkshop(seed);
  return state.questions.find((q) => q.id === state.open) ?? null;
}

/** Puts a question to the phones; the same text asked again (the same kind) continues with its answers. */
export function askQuestion(seed: string, kind: QuestionKind, text: Texts): AskedQuestion {
  const state = forWorkshop(seed);
  let question = state.questions.find((q) => q.kind === kind && q.text.nl === text.nl && q.text.en === text.en);
  if (!question) {
    const random = crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36);
    question = { id: `q${state.questions.length + 1}.${random}`, kind, text, answers: [] };
    state.questions.push(question);
  }
  state.open = question.id;
  changed();
  return question;
}

/** The phones go back to what the workshop shows. */
export function closeQuestion(seed: string): void {
  const state = forWorkshop(seed);
  if (state.open === null) return;
  state.open = null;
  changed();
}

/** An answer the room server passed on; kept only for a question of this workshop. */
export function receiveAnswer(question: string, id: string, text: string, at: number = Date.now()): void {
  const found = asked.questions.find((q) => q.id === question);
  if (!found || found.answers.length >= MAX_ANSWERS_KEPT || found.answers.some((a) => a.id === id)) return;
  found.answers.push({ id, text, hidden: asked.holding, at });
  changed();
}

/** Hides an answer from the wall (or shows it again); it stays in the report, marked hidden. */
export function hideAnswer(answerId: string, hidden: boolean): boolean {
  for (const question of asked.questions) {
    const answer = question.answers.find((a) => a.id === answerId);
    if (!answer) continue;
    if (answer.hidden !== hidden) {
      answer.hidden = hidden;
      changed();
    }
    return true;
  }
  return false;
}

/** Whether new answers wait for the trainer before the wall shows them. */
export function holdingAnswers(seed: string): boolean {
  return asked.workshop === seed && asked.holding;
}

/** New answers wait (arrive hidden) until the trainer shows them, or go straight to the wall again. */
export function holdAnswers(seed: string, on: boolean): void {
  const state = forWorkshop(seed);
  if (state.holding === on) return;
  state.holding = on;
  changed();
}

/** What the phones show while a question is open. */
export function questionView(seed: string): PhoneView | null {
  const question = openQuestion(seed);
  return question ? { kind: 'question', question: question.id, text: question.text } : null;
}
