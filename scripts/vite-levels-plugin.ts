/**
 * Live reload for scenario writers, the terminal half: while `npm start` runs, every save of a file
 * in levels/ is checked with the engine's validator and its problems are printed in the same
 * `file:line:column: severity: message` form as `npm run validate`, which editors can click.
 * (The browser half is src/authoring/liveReload.ts.)
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { validateScenarioText } from '../src/engine/validate.ts';
import { formatProblem, toolLanguage } from '../src/locales/authoring.ts';
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return; // Removed between the event and the read.
  }
  const result = validateScenarioText(text);
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
  const summary = result.ok ? `${GREEN}${name}: plays${RESET} (${warnings} warnings)` : `${RED}${name}: cannot be played${RESET} (${errors} errors, ${warnings} warnings)`;
  logger.info(summary, { timestamp: true });
}

export function levelsPlugin(): Plugin {
  return {
    name: 'many-masters-levels',
    apply: 'serve',
    configureServer(server) {
      const levelsDir = join(server.config.root, 'levels');
      const onFile = (file: string) => {
        if (isLevel(levelsDir, file)) checkLevel(server, file);
      };
      server.watcher.add(levelsDir);
      server.watcher.on('change', onFile);
      server.watcher.on('add', onFile);
      // The scenario editor saves into levels/ through this (only from this computer and the game's own page).
      server.middlewares.use(levelsSaveHandler(levelsDir));
    },
  };
}
