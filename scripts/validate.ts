/** npm run validate -- [files or folders…] [--lang nl|en]: checks scenario files; exit 0 clean, 1 with errors, 2 on a usage error. */
import { toolLanguage, validateSummary, withoutLang } from '../src/locales/authoring.ts';
import { displayPath, loadScenarioFile, printProblems, sameScenarioIds, scenarioFiles } from './lib/files.ts';
import { endQuietlyOnClosedPipe } from './lib/pipe.ts';

const USAGE = 'usage: npm run validate -- [scenario files or folders…] [--lang nl|en]   (default: levels/)';

function main(all: string[]): number {
  const language = toolLanguage(all, process.env);
  if (typeof language !== 'string') {
    console.error(`${language.error}\n${USAGE}`);
    return 2;
  }
  const args = withoutLang(all);
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
  const loadedFiles = files.map(loadScenarioFile);
  sameScenarioIds(loadedFiles, displayPath);
  for (const loaded of loadedFiles) {
    printProblems(loaded, (line) => console.log(line), language);
    errors += loaded.problems.filter((p) => p.severity === 'error').length;
    warnings += loaded.problems.filter((p) => p.severity === 'warning').length;
  }
  console.log(validateSummary(files.length, errors, warnings, language));
  return errors > 0 ? 1 : 0;
}

endQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
