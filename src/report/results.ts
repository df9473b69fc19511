/**
 * The session's results as files a spreadsheet opens: a CSV that Dutch Excel reads by double-click
 * (`;` between fields, UTF-8 with a byte-order mark so é and ë survive, whole numbers only, so no
 * decimal point to misread) and the same figures as JSON. One row per team, week and card; the open
 * answers in a file of their own. The quoting is csv-stringify's. A cell that starts like a formula
 * (= + - @, or a tab or carriage return) gets a leading apostrophe, so a team name or an answer is
 * never run as a formula.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Scenario } from '../engine/format.ts';
import { RESULT_CHOICES, resultRows, type ResultRow } from '../engine/results.ts';
import { resolveText, type Language } from '../engine/text.ts';
import type { Workshop } from '../engine/workshop.ts';
import { interpolate } from '../locales/format.ts';
import { resultsText } from '../locales/results.ts';
import type { AskedQuestion } from '../session/openQuestions.ts';

/** Excel reads a file that starts with the byte-order mark as UTF-8; without it, as the Windows code page. */
export const BOM = '\uFEFF';
export const SEPARATOR = ';';

/** A text cell that a spreadsheet would take for a formula gets an apostrophe first (OWASP's advice on CSV injection). */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csv(rows: (string | number)[][]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? safeCell(cell) : String(cell))));
  // CRLF: what Excel writes, and what every spreadsheet reads.
  return BOM + stringify(safe, { delimiter: SEPARATOR, record_delimiter: 'windows', quoted_match: /[\s"]/ });
}

export interface ResultsInput {
  scenario: Scenario;
  workshop: Workshop;
  questions: readonly AskedQuestion[];
  /** Before and after: per statement, how many phones gave each rating 1–5; null for a moment not rated. */
  ratings?: { before: number[][] | null; after: number[][] | null };
  language: Language;
  date: Date;
}

export function decisionsCsv(input: ResultsInput): string {
  const text = resultsText[input.language];
  const header = [text.team, text.week, text.card, text.cardText, text.stakeholder];
  for (let i = 1; i <= RESULT_CHOICES; i++) header.push(interpolate(text.choice, { n: i }), interpolate(text.phones, { n: i }), interpolate(text.hands, { n: i }));
  header.push(text.decision, text.decisionText, text.how, text.guess, text.guessRight, text.seconds);
  const rows: (string | number)[][] = [header];
  for (const row of resultRows(input.scenario, input.workshop, input.language)) {
    const cells: (string | number)[] = [row.team, row.week, row.card, row.cardText, row.stakeholder];
    for (let i = 0; i < RESULT_CHOICES; i++) {
      const choice = row.choices[i];
      cells.push(choice ? choice.text : '', choice ? choice.phones : '', choice ? choice.hands : '');
    }
    cells.push(row.decision, row.decisionText, howText(row, input.language), row.guess ?? '', row.guessRight === null ? '' : row.guessRight ? text.yes : text.no, row.seconds ?? '');
    rows.push(cells);
  }
  return csv(rows);
}

function howText(row: ResultRow, language: Language): string {
  const text = resultsText[language];
  return row.how === 'majority' ? text.byMajority : row.how === 'tie' ? text.byTie : text.byTrainer;
}

function kindText(question: AskedQuestion, language: Language): string {
  const text = resultsText[language];
  return question.kind === 'opening' ? text.opening : question.kind === 'closing' ? text.closing : question.kind === 'debrief' ? text.debriefQuestion : text.typed;
}

/** Every answer that reached the projector, hidden ones marked, in the order they arrived. */
export function answersCsv(input: ResultsInput): string {
  const text = resultsText[input.language];
  const rows: (string | number)[][] = [[text.question, text.questionKind, text.answer, text.hidden, text.time]];
  for (const question of input.questions) {
    for (const answer of question.answers) rows.push([question.text[input.language], kindText(question, input.language), answer.text, answer.hidden ? text.yes : text.no, localTime(answer.at)]);
  }
  return csv(rows);
}

/** "2026-12-06 09:14:03": the laptop's local time, which a spreadsheet reads as a date and time. */
function localTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Before and after: a row per statement and moment, the number of phones per rating 1–5 and in all. */
export function ratingsCsv(input: ResultsInput): string {
  const text = resultsText[input.language];
  const rows: (string | number)[][] = [[text.statement, text.moment, '1', '2', '3', '4', '5', text.rated]];
  const statements = input.scenario.debrief?.statements ?? [];
  statements.forEach((statement, i) => {
    for (const moment of ['before', 'after'] as const) {
      const counts = input.ratings?.[moment]?.[i];
      if (!counts) continue;
      rows.push([resolveText(statement, input.language), moment === 'before' ? text.before : text.after, ...counts, counts.reduce((a, b) => a + b, 0)]);
    }
  });
  return csv(rows);
}

/** The same figures for a script or a later analysis: the rows, the questions and their answers. */
export function resultsJson(input: ResultsInput): string {
  return JSON.stringify({
    format: 'many-masters-results',
    version: 1,
    scenario: { id: input.scenario.id, title: resolveText(input.scenario.title, input.language) },
    date: input.date.toISOString(),
    language: input.language,
    decisions: resultRows(input.scenario, input.workshop, input.language),
    ratings: (input.scenario.debrief?.statements ?? []).map((s, i) => ({ statement: resolveText(s, input.language), before: input.ratings?.before?.[i] ?? null, after: input.ratings?.after?.[i] ?? null })),
    questions: input.questions.map((q) => ({ kind: q.kind, text: q.text, answers: q.answers.map((a) => ({ text: a.text, hidden: a.hidden, at: new Date(a.at).toISOString() })) })),
  }, null, 2);
}
