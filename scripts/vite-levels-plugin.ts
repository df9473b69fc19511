/**
 * Live reload for scenario writers, the terminal half: while `npm start` runs, every save of a file
 * in levels/ is checked with the engine's validator and its problems are printed in the same
 * `file:line:column: severity: message` form as `npm run validate`, which editors can click.
 * (The browser half is src/authoring/liveReload.ts.)
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { readScenarioBytes, validateScenarioBytes } from '../src/engine/scenarioFile.ts';
import { formatProblem, toolLanguage, word } from '../src/locales/authoring.ts';
import { levelsSaveHandler } from './levelsSave.ts';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const RESET = '\u001b[0m';

function isLevel(levelsDir: string, file: string): boolean {
  return file.startsWith(levelsDir + sep) && file.endsWith('.json') && !file.endsWith('.schema.json') && !file.slice(levelsDir.length + 1).includes(sep);
}

export function checkLevel(server: ViteDevServer, file: string): void {
  const name = relative(server.config.root, file).split(sep).join('/');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return; // Removed between the event and the read.
  }
  const { result } = validateScenarioBytes(bytes);
  const language = toolLanguage([], process.env);
  if (typeof language !== 'string') return;
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const logger = server.config.logger;
  for (const problem of result.problems) {
    const line = formatProblem(name, problem, language);
    if (problem.severity === 'error') logger.error(`${RED}${line}${RESET}`, { timestamp: true });
    else logger.warn(`${YELLOW}${line}${RESET}`, { timestamp: true });
  }
  const count = (n: number, one: 'checkError' | 'checkWarning', many: 'checkErrors' | 'checkWarnings') => word(n === 1 ? one : many, { count: n }, language);
  const summary = result.ok
    ? `${GREEN}${word('levelPlays', { file: name }, language)}${RESET} (${count(warnings, 'checkWarning', 'checkWarnings')})`
    : `${RED}${word('levelCannotPlay', { file: name }, language)}${RESET} (${count(errors, 'checkError', 'checkErrors')}, ${count(warnings, 'checkWarning', 'checkWarnings')})`;
  logger.info(summary, { timestamp: true });
}

/** The query src/session/levels.ts imports scenario files with. */
const SCENARIO_QUERY = /[?&]scenario$/;

/**
 * levels/*.json?scenario: a scenario file as `{ text, problem? }`, read from its bytes as every other
 * tool reads it (src/engine/scenarioFile.ts), so a file saved as ANSI or UTF-16 plays with its letters
 * right and the game shows the same warning as `npm run validate`. Vite's own `?raw` would read the
 * bytes as UTF-8 and turn every Windows-1252 letter into "�" without a word. Runs before Vite's JSON
 * handling (`enforce: 'pre'`) and hands back JavaScript, in the dev server and the build alike.
 */
export function levelSourcesPlugin(): Plugin {
  return {
    name: 'many-masters-level-sources',
    enforce: 'pre',
    load(id) {
      if (!SCENARIO_QUERY.test(id)) return null;
      const file = id.slice(0, id.indexOf('?'));
      this.addWatchFile(file);
      const reading = readScenarioBytes(readFileSync(file));
      return { code: `export default ${JSON.stringify(reading)};`, map: { mappings: '' }, moduleType: 'js' };
    },
  };
}

export function levelsPlugin(): Plugin {
  return {
    name: 'many-masters-levels',
    apply: 'serve',
    configureServer(server) {
      const levelsDir = join(server.config.root, 'levels');
      const onFile = (file: string) => {
        if (!isLevel(levelsDir, file)) return;
        // The messages word whatever a file holds; should one still throw, the server that an author
        // is editing against must not die with it.
        try {
          checkLevel(server, file);
        } catch (error) {
          server.config.logger.error(`${RED}${file}: ${(error as Error).stack ?? String(error)}${RESET}`, { timestamp: true });
        }
      };
      server.watcher.add(levelsDir);
      server.watcher.on('change', onFile);
      server.watcher.on('add', onFile);
      // The scenario editor saves into levels/ through this (only from this computer and the game's own page).
      server.middlewares.use(levelsSaveHandler(levelsDir));
    },
  };
}
