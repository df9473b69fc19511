/**
 * Downloads the workshop's results for a spreadsheet: the decisions as a CSV, the open answers as a
 * second CSV when there are any, or everything as one JSON file. Made in the browser from the
 * workshop in this tab; nothing is sent anywhere.
 */
import { language } from '../locales/index.ts';
import { downloadFile } from '../platform/download.ts';
import { answersCsv, decisionsCsv, ratingsCsv, resultsJson, type ResultsInput } from '../report/results.ts';
import { questionsAsked } from '../session/openQuestions.ts';
import { ratingsOf } from '../session/ratings.ts';
import type { Room } from '../session/room.ts';

function input(room: Room): ResultsInput {
  return { scenario: room.scenario, workshop: room.workshop, questions: questionsAsked(room.workshop.seed), ratings: ratingsOf(room.workshop.seed), language: language(), date: new Date() };
}

/** `many-masters-school-2026-12-06-results.csv`: the scenario, the local date and what the file holds. */
function fileName(room: Room, date: Date, what: string, extension: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const safe = room.scenario.id.replace(/[^a-z0-9-]+/gi, '-');
  return `many-masters-${safe}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${what}.${extension}`;
}

/** Returns the names of the files handed to the browser. */
export function downloadResults(room: Room, kind: 'csv' | 'json'): string[] {
  const data = input(room);
  if (kind === 'json') {
    const name = fileName(room, data.date, 'results', 'json');
    downloadFile(name, resultsJson(data), 'application/json;charset=utf-8');
    return [name];
  }
  const names = [fileName(room, data.date, 'results', 'csv')];
  downloadFile(names[0]!, decisionsCsv(data), 'text/csv;charset=utf-8');
  if (data.questions.some((q) => q.answers.length > 0)) {
    names.push(fileName(room, data.date, 'answers', 'csv'));
    downloadFile(names.at(-1)!, answersCsv(data), 'text/csv;charset=utf-8');
  }
  if (data.ratings?.before || data.ratings?.after) {
    names.push(fileName(room, data.date, 'ratings', 'csv'));
    downloadFile(names.at(-1)!, ratingsCsv(data), 'text/csv;charset=utf-8');
  }
  return names;
}
