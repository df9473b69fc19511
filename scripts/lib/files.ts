import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Language } from '../../src/engine/text.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioBytes } from '../../src/engine/scenarioFile.ts';
import { sameScenarioIdWarnings, type Problem } from '../../src/engine/validate.ts';
import { formatProblem } from '../../src/locales/authoring.ts';

/** Scenario files named on the command line: files as given, folders searched for *.json (schemas excluded). */
export function scenarioFiles(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const stat = statSync(arg, { throwIfNoEntry: false });
    if (!stat) throw new Error(`no such file or folder: ${arg}`);
    if (stat.isDirectory()) {
      for (const name of readdirSync(arg).sort()) {
        if (name.endsWith('.json') && !name.endsWith('.schema.json')) out.push(join(arg, name));
      }
    } else out.push(arg);
  }
  return out;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** `source`: the file's text as read (from ANSI or UTF-16 too; see src/engine/scenarioFile.ts). */
export type LoadedFile = { file: string; problems: Problem[]; scenario?: Scenario; source?: string };

export function loadScenarioFile(file: string): LoadedFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { file, problems: [{ severity: 'error', line: 1, column: 1, path: '(file)', code: 'fileUnreadable', params: { reason: (error as Error).message } }] };
  }
  const { text, result } = validateScenarioBytes(bytes);
  return result.ok ? { file, problems: result.problems, scenario: result.scenario, source: text } : { file, problems: result.problems, source: text };
}

/** Two files with the same scenario id: the game can list only one, so each gets a warning naming the other. */
export function sameScenarioIds(loaded: LoadedFile[], name: (file: string) => string): void {
  const files = loaded.map((l) => ({ loaded: l, name: name(l.file), source: l.scenario ? l.source ?? '' : '', scenario: l.scenario }));
  for (const [file, problem] of sameScenarioIdWarnings(files)) (file as (typeof files)[number]).loaded.problems.push(problem);
}

export function printProblems(loaded: Pick<LoadedFile, 'file' | 'problems'>, write: (line: string) => void, language: Language = 'en') {
  for (const problem of loaded.problems) write(formatProblem(displayPath(loaded.file), problem, language));
}
