/**
 * Live reload while writing (`npm start`): when a file in levels/ is saved, the title lists it at
 * once, a game of that file restarts with the same seed and the same choices while the same cards
 * come up, and a file that no longer validates shows its problems. Only the dev server sends changes.
 */
import type * as Phaser from 'phaser';
import { replayWhileSame } from '../engine/game.ts';
import { currentScreen } from '../platform/screen.ts';
import { allLevels, onLevelsChanged } from '../session/levels.ts';
import { currentSession, playFrom } from '../session/session.ts';
import { switchTo } from '../platform/sceneSwitch.ts';
import { currentDraft } from './draft.ts';
import { levelDraft, showMap, showProblems } from './flow.ts';

interface Played {
  file: string;
  seed: string;
  history: { card: string; choice: number }[];
}

/** The game that was going on when its file broke, to pick up again once the file is fixed. */
let interrupted: Played | null = null;
const idOfFile = new Map<string, string>();

function remember(): void {
  idOfFile.clear();
  for (const level of allLevels()) if (level.ok) idOfFile.set(level.file, level.scenario.id);
}

function fileOfSession(): string | null {
  const session = currentSession();
  if (!session) return null;
  for (const [file, id] of idOfFile) if (id === session.scenario.id) return file;
  return null;
}

function replay(game: Phaser.Game, file: string, played: Played): boolean {
  const level = allLevels().find((l) => l.file === file);
  if (!level?.ok) return false;
  const { state } = replayWhileSame(level.scenario, played.seed, played.history);
  playFrom(level.scenario, state);
  switchTo(game, 'play');
  return true;
}

function reload(game: Phaser.Game, changed: string[]): void {
  const { screen } = currentScreen();
  const session = currentSession();
  const playing = screen === 'play' || screen === 'ending' ? fileOfSession() : null;
  const draft = currentDraft();
  const looking = (screen === 'problems' || screen === 'map') && draft?.origin === 'level' ? draft.file : null;
  for (const file of changed) {
    const level = allLevels().find((l) => l.file === file);
    if (file === playing && session) {
      const played = { file, seed: session.state.seed, history: session.state.history.map((h) => ({ card: h.card, choice: h.choice })) };
      if (replay(game, file, played)) return;
      interrupted = played;
    }
    if (file === looking && screen === 'problems' && level?.ok && interrupted?.file === file) {
      const played = interrupted;
      interrupted = null;
      if (replay(game, file, played)) return;
    }
    const draft = levelDraft(file);
    if (draft && (file === playing || file === looking || (!level?.ok && (screen === 'title' || screen === 'author')))) {
      if (!draft.scenario || screen !== 'map') showProblems(game, draft, 'title');
      else showMap(game, draft, 'author');
      return;
    }
  }
  // Nothing of the author's is affected: the lists on the title and authoring screens are redrawn.
  if (screen === 'title' || screen === 'author') switchTo(game, screen);
}

export function installLiveReload(game: Phaser.Game): void {
  // A built game has no dev server to send changes, and should not validate every level at start-up for nothing.
  if (!import.meta.hot) return;
  remember();
  onLevelsChanged((changed) => {
    reload(game, changed);
    remember();
  });
}
