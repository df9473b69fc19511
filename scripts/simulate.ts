/**
 * npm run simulate -- <file> [--runs N] [--seed S] [--strategy random|balanced|favour:<meter>] [--json]
 * Plays many games headless and reports, in plain words, whether the deck can be won and what never shows.
 */
import { findings } from '../src/engine/findings.ts';
import { own } from '../src/engine/own.ts';
import { endQuietlyOnClosedPipe } from './lib/pipe.ts';
import { parseStrategy, simulate, type SimulationReport } from '../src/engine/simulate.ts';
import { resolveText } from '../src/engine/text.ts';
import type { Scenario } from '../src/engine/format.ts';
import { displayPath, loadScenarioFile, printProblems } from './lib/files.ts';

const USAGE = 'usage: npm run simulate -- <scenario file> [--runs N] [--seed S] [--strategy random|balanced|favour:<meter>] [--json]';

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
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return '--runs needs a whole number from 1 to 1000000';
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

const percent = (n: number, of: number) => (of === 0 ? '0%' : `${((100 * n) / of).toFixed(1)}%`);

function humanReport(scenario: Scenario, file: string, r: SimulationReport): string[] {
  const lines: string[] = [];
  const title = resolveText(scenario.title, 'en');
  lines.push(`${title} (${displayPath(file)}): ${r.runs} games, strategy ${r.strategy}, seed ${r.seed}`);
  lines.push('');
  lines.push(`  Reached the end:  ${r.completed} games (${percent(r.completed, r.runs)})`);
  lines.push(`  Mean length:      ${r.meanTurns.toFixed(1)} turns${scenario.turns ? ` of ${scenario.turns}` : ''}`);
  lines.push('');
  lines.push('  Ending                          games     share  title');
  for (const [id, count] of Object.entries(r.endings).sort((a, b) => b[1] - a[1])) {
    const ending = scenario.endings?.find((e) => e.id === id);
    const title = ending ? `  ${resolveText(ending.title, 'en')}` : '';
    lines.push(`  ${id.padEnd(30)} ${String(count).padStart(7)} ${percent(count, r.runs).padStart(9)}${title}`);
  }
  const lost = r.runs - r.completed;
  if (lost > 0) {
    lines.push('');
    lines.push('  Meter that ended the game       games  of lost games');
    for (const [id, count] of Object.entries(r.endedBy).sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${id.padEnd(30)} ${String(count).padStart(7)} ${percent(count, lost).padStart(9)}`);
    }
  }
  const never = Object.entries(r.cards).filter(([, n]) => n === 0).map(([id]) => id);
  lines.push('');
  lines.push(`  Cards never drawn: ${never.length === 0 ? 'none' : never.join(', ')}`);
  const untaken = Object.entries(r.choices).flatMap(([card, counts]) => counts.flatMap((n, i) => (n === 0 && (own(r.cards, card) ?? 0) > 0 ? [`${card}#${i}`] : [])));
  lines.push(`  Choices never taken (card#choice, counting from 0): ${untaken.length === 0 ? 'none' : untaken.join(', ')}`);
  const notes = findings(scenario, r);
  lines.push('');
  lines.push(notes.length > 0 ? '  Findings:' : '  Findings: none — every card was drawn and no single meter ends most lost games.');
  for (const note of notes) lines.push(`  - ${note}`);
  return lines;
}

function main(args: string[]): number {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const loaded = loadScenarioFile(options.file);
  if (!loaded.scenario) {
    printProblems(loaded, (line) => console.error(line));
    console.error(`${displayPath(options.file)} has errors; fix them first (npm run validate -- ${displayPath(options.file)})`);
    return 1;
  }
  const strategy = parseStrategy(options.strategy, loaded.scenario);
  if ('error' in strategy) {
    console.error(`${strategy.error}\n${USAGE}`);
    return 2;
  }
  const report = simulate(loaded.scenario, { runs: options.runs, seed: options.seed, strategy });
  // The findings are the point of a run; a tool reading the JSON gets them too.
  if (options.json) console.log(JSON.stringify({ ...report, findings: findings(loaded.scenario, report) }, null, 2));
  else console.log(humanReport(loaded.scenario, options.file, report).join('\n'));
  return 0;
}

endQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
