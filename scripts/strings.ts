/**
 * npm run strings -- export <scenario> [--to en] [--separator ";"] [--out file.csv] [--lang nl|en]
 * npm run strings -- import <scenario> <file.csv> [--lang nl|en]
 * Texts to and from a translator's spreadsheet. `--lang` is the language of the messages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { exportLanguages, exportStrings, importStrings } from '../src/authoring/strings.ts';
import { readScenarioBytes, type ScenarioReading } from '../src/engine/scenarioFile.ts';
import { toolLanguage, withoutLang, word, wordSaid } from '../src/locales/authoring.ts';
import type { Language } from '../src/engine/text.ts';
import { displayPath, loadScenarioFile, printProblems } from './lib/files.ts';

const USAGE = `usage: npm run strings -- export <scenario.json> [--to en] [--separator ";"] [--out texts.csv] [--lang nl|en]
       npm run strings -- import <scenario.json> <texts.csv> [--lang nl|en]`;

function main(all: string[]): number {
  const language = toolLanguage(all, process.env);
  if (typeof language !== 'string') return usage(language.error);
  const [command, file, ...rest] = withoutLang(all);
  if (command === 'export' && file) {
    let target = 'en';
    let out: string | undefined;
    let separator: ';' | ',' = ',';
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--to' && rest[i + 1]) target = rest[++i]!;
      else if (rest[i] === '--out' && rest[i + 1]) out = rest[++i];
      else if (rest[i] === '--separator' && (rest[i + 1] === ';' || rest[i + 1] === ',')) separator = rest[++i] as ';' | ',';
      else return usage(`unknown argument ${rest[i]}`);
    }
    const loaded = loadScenarioFile(file);
    if (!loaded.scenario) {
      printProblems(loaded, (line) => console.error(line), language);
      return 1;
    }
    // How the file was saved (ANSI, UTF-16) is worth a word here too; its other warnings are validate's.
    printProblems({ file, problems: loaded.problems.filter((p) => p.code.startsWith('saved')) }, (line) => console.error(line), language);
    const languages = exportLanguages(loaded.scenario, target);
    const csv = exportStrings(loaded.scenario, languages, separator);
    if (out) {
      writeFileSync(out, csv);
      const count = csv.trim().split('\r\n').length - 1;
      console.error(word('stringsWrote', { count, from: languages.slice(0, -1).join(', '), to: target, file: out }, language));
    } else process.stdout.write(csv);
    return 0;
  }
  if (command === 'import' && file && rest.length === 1) {
    let source: ScenarioReading;
    let sheet: Uint8Array;
    try {
      source = readScenarioBytes(readFileSync(file));
      sheet = readFileSync(rest[0]!);
    } catch (error) {
      console.error(word('stringsCannotRead', { file: (error as { path?: string }).path ?? file, reason: (error as Error).message }, language));
      return 2;
    }
    return importInto(file, rest[0]!, source, sheet, language);
  }
  return usage(command ? `unknown command or missing file: ${all.join(' ')}` : 'name a command');
}

function importInto(file: string, csvFile: string, reading: ScenarioReading, sheet: Uint8Array, language: Language): number {
  if (reading.problem) printProblems({ file, problems: [reading.problem] }, (line) => console.error(line), language);
  if (reading.problem?.severity === 'error') {
    console.error(word('stringsNothingWritten', {}, language));
    return 1;
  }
  const result = importStrings(reading.text, sheet);
  if (!result.ok) {
    if (result.afterImport) console.error(word('stringsAfterImport', {}, language));
    if (result.scenario) printProblems({ file, problems: result.scenario }, (line) => console.error(line), language);
    for (const p of result.problems) console.error(`${displayPath(csvFile)}: ${wordSaid(p, language)}`);
    console.error(word('stringsNothingWritten', {}, language));
    return 1;
  }
  for (const r of result.refused) console.error(word('stringsRefused', { file: displayPath(csvFile), reason: wordSaid(r, language) }, language));
  writeFileSync(file, result.text);
  // The file is written back as UTF-8, whatever it was saved as before.
  if (reading.problem) console.error(word('stringsNowUtf8', { file: displayPath(file) }, language));
  const params = { file: displayPath(file), count: result.changed, refused: result.refused.length };
  console.log(word(result.refused.length ? 'stringsUpdatedRefused' : 'stringsUpdated', params, language));
  return result.refused.length > 0 ? 1 : 0;
}

function usage(message: string): number {
  console.error(`${message}\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
