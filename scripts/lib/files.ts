import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Language } from '../../src/engine/text.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { formatProblem, validateScenarioText, type Problem } from '../../src/engine/validate.ts';

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

export type LoadedFile = { file: string; problems: Problem[]; scenario?: Scenario };

export function loadScenarioFile(file: string): LoadedFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { file, problems: [{ severity: 'error', line: 1, column: 1, path: '(file)', message: `cannot read the file: ${(error as Error).message}` }] };
  }
  const result = validateScenarioText(text);
  return result.ok ? { file, problems: result.problems, scenario: result.scenario } : { file, problems: result.problems };
}

export function printProblems(loaded: Pick<LoadedFile, 'file' | 'problems'>, write: (line: string) => void, _language: Language = 'en') {
  for (const problem of loaded.problems) write(formatProblem(displayPath(loaded.file), problem));
}
