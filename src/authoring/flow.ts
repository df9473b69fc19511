/**
 * Moving between the authoring screens: play my file, its problems, the scenario map, and a game
 * started from a card on the map. The screens keep nothing themselves; the draft lives in draft.ts.
 */
import type * as Phaser from 'phaser';
import { nanoid } from 'nanoid';
import { startAt } from '../engine/sandbox.ts';
import { allLevels } from '../session/levels.ts';
import { endSession, playFrom, startGame } from '../session/session.ts';
import { switchTo } from '../platform/sceneSwitch.ts';
import { currentDraft, draftFromText, setDraft, tooLargeDraft, type Draft } from './draft.ts';
import { afterNextFrame, installFileOpening } from './files.ts';
import { loadRememberedFile, rememberFile } from './remembered.ts';

/** Where "back" on the map and the problems screen goes. */
type Origin = 'title' | 'author' | 'problems';
let mapReturn: Origin = 'author';
let problemsReturn: Origin = 'title';

export function goAuthor(game: Phaser.Game): void {
  endSession();
  switchTo(game, 'author');
}

export function goBack(game: Phaser.Game, to: Origin): void {
  if (to === 'title') {
    endSession();
    switchTo(game, 'title');
  } else if (to === 'author') goAuthor(game);
  else switchTo(game, 'problems');
}

export function problemsBack(): Origin {
  return problemsReturn;
}

export function mapBack(): Origin {
  return mapReturn;
}

/** The problems (or warnings) of a draft; `from` is where "back" leads. */
export function showProblems(game: Phaser.Game, draft: Draft, from: Origin = problemsReturn): void {
  setDraft(draft);
  problemsReturn = from === 'problems' ? 'title' : from;
  endSession();
  switchTo(game, 'problems');
}

export function showMap(game: Phaser.Game, draft: Draft, from: Origin): void {
  if (!draft.scenario) return;
  setDraft(draft);
  mapReturn = from;
  endSession();
  switchTo(game, 'map');
}

/**
 * A file given to the page: a valid file without warnings plays at once; otherwise its list shows
 * first. A 5 MB file takes a while at each step (the new game, its first screen, the copy kept for the
 * next visit), so each gets a frame of its own and the page never stands still for all of them at once.
 */
export async function openText(game: Phaser.Game, file: string, source: string, from: Origin = 'title'): Promise<void> {
  const draft = setDraft(draftFromText(file, source, 'opened'));
  if (draft.scenario && draft.problems.length === 0) {
    startGame(draft.scenario);
    await afterNextFrame();
    // Another file may have been given meanwhile: only the latest one is shown.
    if (currentDraft() !== draft) return;
    switchTo(game, 'play');
  } else showProblems(game, draft, from);
  await afterNextFrame();
  await rememberFile(file, source);
}

export function playDraft(game: Phaser.Game): void {
  const draft = currentDraft();
  if (!draft?.scenario) return;
  startGame(draft.scenario);
  switchTo(game, 'play');
}

/** "Play from this card" on the map. */
export function playFromCard(game: Phaser.Game, cardId: string, meters: Record<string, number>): void {
  const scenario = currentDraft()?.scenario;
  if (!scenario) return;
  const start = startAt(scenario, cardId, meters, nanoid());
  if (!start.ok) return;
  playFrom(scenario, start.state);
  switchTo(game, 'play');
}

export function levelDraft(file: string): Draft | null {
  const level = allLevels().find((l) => l.file === file);
  return level ? { file: level.file, origin: 'level', source: level.source, problems: level.problems, scenario: level.ok ? level.scenario : null } : null;
}

/** Called once at start: the picker and drag-and-drop work from every screen. */
export function installAuthoring(game: Phaser.Game): void {
  void loadRememberedFile();
  installFileOpening({
    text: (file, source) => void openText(game, file, source),
    tooLarge: (file, bytes) => showProblems(game, tooLargeDraft(file, bytes), 'title'),
  });
}
