/** npm run validate -- [files or folders…]: checks scenario files; exit 0 clean, 1 with errors, 2 on a usage error. */
import { loadScenarioFile, printProblems, scenarioFiles } from './lib/files.ts';
import { endQuietlyOnClosedPipe } from './lib/pipe.ts';

const USAGE = 'usage: npm run validate -- [scenario files or folders…]   (default: levels/)';

function main(args: string[]): number {
  if (args.some((a) => a === '--help' || a === '-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknownOption = args.find((a) => a.startsWith('-'));
  if (unknownOption) {
    console.error(`unknown option ${unknownOption}\n${USAGE}`);
    return 2;
  }
  let files: string[];
  try {
    files = scenarioFiles(args.length > 0 ? args : ['levels']);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`no scenario files found\n${USAGE}`);
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const loaded = loadScenarioFile(file);
    printProblems(loaded, (line) => console.log(line));
    errors += loaded.problems.filter((p) => p.severity === 'error').length;
    warnings += loaded.problems.filter((p) => p.severity === 'warning').length;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return errors > 0 ? 1 : 0;
}

endQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
