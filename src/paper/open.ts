/**
 * Opens the paper for the room in a window of its own: the list of scenarios, then the chosen card
 * set, rules or handout. When the browser blocks the window, the handout, the rules and the card set
 * of the first scenario are downloaded as one HTML file instead, so the trainer still has something to print.
 */
import { currentDraft } from '../authoring/draft.ts';
import type { Scenario } from '../engine/format.ts';
import type { Language } from '../engine/text.ts';
import { downloadFile } from '../platform/download.ts';
import { allLevels } from '../session/levels.ts';
import { currentRoom } from '../session/room.ts';
import { currentSession } from '../session/session.ts';
import { buildCardSet, buildHandout, buildRules, showPaperIndex } from './paper.ts';

/** Every playable scenario: the shipped ones and a file the trainer opened in the browser. */
export function paperScenarios(): Scenario[] {
  const shipped = allLevels().flatMap((level) => (level.ok ? [level.scenario] : []));
  const opened = currentDraft();
  return opened?.origin === 'opened' && opened.scenario ? [...shipped, opened.scenario] : shipped;
}

/** The scenario being played or run as a workshop, if any. */
export function scenarioInPlay(): Scenario | null {
  return currentRoom()?.scenario ?? currentSession()?.scenario ?? null;
}

export function openPaper(scenarios: readonly Scenario[], lang: Language): void {
  if (scenarios.length === 0) return;
  const win = window.open('', '_blank');
  if (win) {
    showPaperIndex(win.document, scenarios, lang);
    win.focus();
    return;
  }
  const scenario = scenarios[0]!;
  const handout = document.implementation.createHTMLDocument('');
  buildHandout(handout, scenario, lang);
  for (const build of [buildRules, buildCardSet]) {
    const part = document.implementation.createHTMLDocument('');
    build(part, scenario, lang);
    handout.body.append(...[...part.body.childNodes].map((node) => handout.importNode(node, true)));
  }
  downloadFile(`many-masters-${scenario.id.replace(/[^a-z0-9-]+/gi, '-')}-paper-${lang}.html`, `<!doctype html>\n${handout.documentElement.outerHTML}`);
}
