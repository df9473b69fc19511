/**
 * npm run strings -- export <scenario> [--lang en] [--out file.csv]
 * npm run strings -- import <scenario> <file.csv>
 * Texts to and from a translator's spreadsheet.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { exportStrings, importStrings } from '../src/authoring/strings.ts';
import { displayPath, loadScenarioFile, printProblems } from './lib/files.ts';

const USAGE = `usage: npm run strings -- export <scenario.json> [--lang en] [--out texts.csv]
       npm run strings -- import <scenario.json> <texts.csv>`;

function main(args: string[]): number {
  const [command, file, ...rest] = args;
  if (command === 'export' && file) {
    let target = 'en';
    let out: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--lang' && rest[i + 1]) target = rest[++i]!;
      else if (rest[i] === '--out' && rest[i + 1]) out = rest[++i];
      else return usage(`unknown argument ${rest[i]}`);
    }
    const loaded = loadScenarioFile(file);
    if (!loaded.scenario) {
      printProblems(loaded, (line) => console.error(line));
      return 1;
    }
    const source = target === 'nl' ? 'en' : 'nl';
    const csv = exportStrings(loaded.scenario, [source, target]);
    if (out) {
      writeFileSync(out, csv);
      console.error(`wrote ${csv.trim().split('\n').length - 1} texts (${source} → ${target}) to ${out}`);
    } else process.stdout.write(csv);
    return 0;
  }
  if (command === 'import' && file && rest.length === 1) {
    const texts = [file, rest[0]!].map((path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        console.error(`cannot read ${path}: ${(error as Error).message}`);
        return null;
      }
    });
    if (texts[0] === null || texts[1] === null) return 2;
    const result = importStrings(texts[0]!, texts[1]!);
    if (!result.ok) {
      for (const p of result.problems) console.error(`${displayPath(file)}: ${p}`);
      console.error('nothing was written');
      return 1;
    }
    for (const r of result.refused) console.error(`${displayPath(rest[0]!)}: refused ${r}`);
    writeFileSync(file, result.text);
    console.log(`${displayPath(file)}: ${result.changed} texts updated${result.refused.length ? `, ${result.refused.length} rows refused` : ''}`);
    return result.refused.length > 0 ? 1 : 0;
  }
  return usage(command ? `unknown command or missing file: ${args.join(' ')}` : 'name a command');
}

function usage(message: string): number {
  console.error(`${message}\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
