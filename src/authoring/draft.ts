/**
 * The scenario file an author is looking at — one opened in the browser or one from levels/ — and
 * what the validator said about it. The authoring screens read it from here, so a language switch or
 * a live reload can redraw them as they were.
 */
import type { Scenario } from '../engine/format.ts';
import { LIMITS } from '../engine/format.ts';
import { validateScenarioText, type Problem, type ValidationResult } from '../engine/validate.ts';

export interface Draft {
  /** The file name as the author knows it. */
  file: string;
  /** 'opened': picked or dropped in the browser; 'level': a file in levels/ (live-reloaded). */
  origin: 'opened' | 'level';
  source: string;
  problems: Problem[];
  /** Null when the file has errors. */
  scenario: Scenario | null;
  /** Set instead of problems when the file was too large to read. */
  tooLarge?: { bytes: number };
}

let draft: Draft | null = null;

export function currentDraft(): Draft | null {
  return draft;
}

export function setDraft(next: Draft): Draft {
  draft = next;
  return next;
}

/** The last text checked and its result, so a screen drawn again does not check the same text again. */
let checked: { source: string; result: ValidationResult } | null = null;

export function rememberCheck(source: string, result: ValidationResult): void {
  checked = { source, result };
}

/** The validator's answer for exactly this text, if it has been checked already. */
export function checkedAlready(source: string): ValidationResult | null {
  return checked && checked.source === source ? checked.result : null;
}

export function draftFromText(file: string, source: string, origin: Draft['origin']): Draft {
  const result = checkedAlready(source) ?? validateScenarioText(source);
  rememberCheck(source, result);
  return { file, origin, source, problems: result.problems, scenario: result.ok ? result.scenario : null };
}

export function tooLargeDraft(file: string, bytes: number): Draft {
  return { file, origin: 'opened', source: '', problems: [], scenario: null, tooLarge: { bytes } };
}

/** Checked before reading a file, so a huge file is refused without freezing the page. */
export function fileTooLarge(bytes: number): boolean {
  return bytes > LIMITS.fileBytes;
}
