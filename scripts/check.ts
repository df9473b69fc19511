/**
 * npm run check -- <scenario file> [--runs N] [--seed S] [--lang nl|en]
 * Everything a trainer needs before a workshop in one command: the validator's errors and warnings,
 * then every strategy of the simulator judged against the guide's balance targets, with what to
 * change. Exit 0 when the file is clean and every target is met, 1 when not, 2 on a usage error.
 */
import { checkBalance, MAX_RUNS, parseRuns } from '../src/engine/balance.ts';
import { toolLanguage, withoutLang, word, wordVerdict } from '../src/locales/authoring.ts';
import { displayPath, loadScenarioFile, printProblems } from './lib/files.ts';

const USAGE = `usage: npm run check -- <scenario file> [--runs 1000] [--seed 1] [--lang nl|en]   (--runs: 10 to ${MAX_RUNS})`;

function main(all: string[]): number {
  const language = toolLanguage(all, process.env);
  if (typeof language !== 'string') return usage(language.error);
  const args = withoutLang(all);
  let file: string | undefined;
  let runs = 1000;
  let seed = '1';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--runs') {
      let text = args[++i] ?? '';
      // "--runs 25 000" without quotes reaches us as two words, "25" and "000".
      while (/^\d{1,3}$/.test(text) && /^\d{3}$/.test(args[i + 1] ?? '')) text += ` ${args[++i]}`;
      const read = parseRuns(text);
      if (read === null || read < 10 || read > MAX_RUNS) return usage(word('checkRunsNeedsNumber', { got: text, most: String(MAX_RUNS) }, language));
      runs = read;
    } else if (arg === '--seed' && args[i + 1] !== undefined) seed = args[++i]!;
    else if (arg.startsWith('-')) return usage(`unknown option ${arg}`);
    else if (file) return usage(`only one scenario file at a time (got ${file} and ${arg})`);
    else file = arg;
  }
  if (!file) return usage('name a scenario file');
  const loaded = loadScenarioFile(file);
  const errors = loaded.problems.filter((p) => p.severity === 'error').length;
  const warnings = loaded.problems.length - errors;
  const count = (n: number, one: 'checkError' | 'checkWarning', many: 'checkErrors' | 'checkWarnings') => word(n === 1 ? one : many, { count: n }, language);
  console.log(word('checkHeading', { file: displayPath(file), errors: count(errors, 'checkError', 'checkErrors'), warnings: count(warnings, 'checkWarning', 'checkWarnings') }, language));
  printProblems(loaded, (line) => console.log(`  ${line}`), language);
  if (!loaded.scenario) {
    console.log(word('checkFixFirst', {}, language));
    return 1;
  }
  const report = checkBalance(loaded.scenario, { runs, seed });
  console.log('');
  console.log(word('checkBalanceHeading', { runs, seed }, language));
  for (const verdict of report.verdicts) console.log(`  ${!verdict.ok ? '✗' : verdict.open ? '≈' : '✓'} ${wordVerdict(verdict, loaded.scenario, language)}`);
  console.log('');
  const total = report.verdicts.length;
  console.log(report.missed === 0 ? word('checkAllMet', { count: total }, language) : word('checkMissed', { missed: report.missed, count: total }, language));
  return report.missed === 0 && errors === 0 ? 0 : 1;
}

function usage(message: string): number {
  console.error(`${message}\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
