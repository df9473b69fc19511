/**
 * npm run simulate -- <file> [--runs N] [--seed S] [--strategy random|balanced|favour:<meter>] [--json]
 * Plays many games headless and reports, in plain words, whether the deck can be won and what never shows.
 */
import { parseRuns } from '../src/engine/balance.ts';
import { pathToFileURL } from 'node:url';
import { findings } from '../src/engine/findings.ts';
import { own } from '../src/engine/own.ts';
import { place } from '../src/engine/messages.ts';
import { endQuietlyOnClosedPipe } from './lib/pipe.ts';
import { parseStrategy, simulate, type SimulationReport } from '../src/engine/simulate.ts';
import { resolveText } from '../src/engine/text.ts';
import type { Scenario } from '../src/engine/format.ts';
import { displayPath, loadScenarioFile, printProblems } from './lib/files.ts';
import { toolLanguage, withoutLang, word, wordCoded } from '../src/locales/authoring.ts';
import type { Language } from '../src/engine/text.ts';

const USAGE = 'usage: npm run simulate -- <scenario file> [--runs N] [--seed S] [--strategy random|balanced|favour:<meter>] [--json] [--lang nl|en]';

interface Options {
  file: string;
  runs: number;
  seed: string;
  strategy: string;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Partial<Options> = { runs: 1000, seed: '1', strategy: 'random', json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s) as [string, string]) : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--json') options.json = true;
    else if (flag === '--runs') {
      // 10.000 and 10,000 as the report prints them; see parseRuns.
      const n = parseRuns(value() ?? '');
      if (n === null || n < 1 || n > 1_000_000) return '--runs needs a whole number from 1 to 1000000, written with digits only, for example --runs 25000';
      options.runs = n;
    } else if (flag === '--seed') {
      const seed = value();
      if (seed === undefined) return '--seed needs a value';
      options.seed = seed;
    } else if (flag === '--strategy') {
      const strategy = value();
      if (strategy === undefined) return '--strategy needs a value';
      options.strategy = strategy;
    } else if (flag.startsWith('-')) return `unknown option ${flag}`;
    else if (options.file) return `only one scenario file at a time (got ${options.file} and ${arg})`;
    else options.file = arg;
  }
  if (!options.file) return 'name a scenario file';
  return options as Options;
}

/** 78.5% or 78,5%: one decimal, the reader's decimal sign. */
const percent = (n: number, of: number, language: Language) => `${(of === 0 ? 0 : (100 * n) / of).toFixed(1).replace('.', language === 'nl' ? ',' : '.')}%`;

export function humanReport(scenario: Scenario, file: string, r: SimulationReport, language: Language): string[] {
  const w = (key: Parameters<typeof word>[0], params: Parameters<typeof word>[1] = {}) => word(key, params, language);
  const lines: string[] = [];
  lines.push(w('simHeading', { title: resolveText(scenario.title, language), file: displayPath(file), runs: r.runs, strategy: r.strategy, seed: r.seed }));
  lines.push('');
  lines.push(`  ${w('simReached', { count: r.completed, share: percent(r.completed, r.runs, language) })}`);
  const turns = r.meanTurns.toFixed(1).replace('.', language === 'nl' ? ',' : '.');
  lines.push(`  ${scenario.turns ? w('simLengthOf', { turns, total: scenario.turns }) : w('simLength', { turns })}`);
  lines.push('');
  lines.push(`  ${w('simEndingHeader')}`);
  for (const [id, count] of Object.entries(r.endings).sort((a, b) => b[1] - a[1])) {
    const ending = scenario.endings?.find((e) => e.id === id);
    const title = ending ? `  ${resolveText(ending.title, language)}` : '';
    lines.push(`  ${id.padEnd(30)} ${String(count).padStart(7)} ${percent(count, r.runs, language).padStart(9)}${title}`);
  }
  const lost = r.runs - r.completed;
  if (lost > 0) {
    lines.push('');
    lines.push(`  ${w('simMeterHeader')}`);
    for (const [id, count] of Object.entries(r.endedBy).sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${id.padEnd(30)} ${String(count).padStart(7)} ${percent(count, lost, language).padStart(9)}`);
    }
  }
  const never = Object.entries(r.cards).filter(([, n]) => n === 0).map(([id]) => id);
  lines.push('');
  lines.push(`  ${w('simNeverDrawn', { cards: never.length === 0 ? w('simNone') : never.join(', ') })}`);
  // Choices are named by their place in the file: players see them shuffled.
  const untaken = Object.entries(r.choices).flatMap(([card, counts]) => counts.flatMap((n, i) => (n === 0 && (own(r.cards, card) ?? 0) > 0 ? [w('simChoiceOn', { card, place: place(i + 1) })] : [])));
  lines.push(`  ${w('simUntaken', { choices: untaken.length === 0 ? w('simNone') : untaken.join(', ') })}`);
  const notes = findings(scenario, r);
  lines.push('');
  lines.push(`  ${notes.length > 0 ? w('simFindings') : w('simNoFindings')}`);
  for (const note of notes) lines.push(`  - ${wordCoded(note, language)}`);
  return lines;
}

function main(all: string[]): number {
  const language = toolLanguage(all, process.env);
  if (typeof language !== 'string') {
    console.error(`${language.error}\n${USAGE}`);
    return 2;
  }
  const options = parseArgs(withoutLang(all));
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const loaded = loadScenarioFile(options.file);
  if (!loaded.scenario) {
    printProblems(loaded, (line) => console.error(line), language);
    console.error(word('simFixFirst', { file: displayPath(options.file) }, language));
    return 1;
  }
  const strategy = parseStrategy(options.strategy, loaded.scenario);
  if ('error' in strategy) {
    console.error(`${strategy.error}\n${USAGE}`);
    return 2;
  }
  const report = simulate(loaded.scenario, { runs: options.runs, seed: options.seed, strategy });
  // The findings are the point of a run; a tool reading the JSON gets them too, worded.
  if (options.json) console.log(JSON.stringify({ ...report, findings: findings(loaded.scenario, report).map((f) => wordCoded(f, language)) }, null, 2));
  else console.log(humanReport(loaded.scenario, options.file, report, language).join('\n'));
  return 0;
}

// Run as a command, not when a test imports the report to feed it hostile scenarios.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  endQuietlyOnClosedPipe();
  process.exitCode = main(process.argv.slice(2));
}
