/**
 * Moving between screens, and the commands that work on every screen (sound, language, numbers,
 * help, blank screen, menu). Scenes get what they need from the session, not from each other.
 */
import type * as Phaser from 'phaser';
import { audio } from '../audio/audio.ts';
import { otherLanguage } from '../locales/index.ts';
import { pushHandler, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { MAIN_SCENES, openOverlay, switchTo } from '../platform/sceneSwitch.ts';
import { keepFocus } from '../ui/button.ts';
import { currentScreen } from '../platform/screen.ts';
import { settings } from '../platform/settings.ts';
import { findScenario } from '../session/levels.ts';
import { currentSession, endSession, restartGame, startGame } from '../session/session.ts';
import { currentRoom, endRoom, restartRoom, resumeStoppedRoom, stopRoom } from '../session/room.ts';
import { backToEditor, reopenEditor } from '../editor/ui/open.ts';
import { editorWasOpen } from '../editor/reopen.ts';
import { openPresenter } from '../presenter/projector.ts';

export function goTitle(game: Phaser.Game): void {
  // A game started from the scenario editor ("Play from this card") goes back to the editor as it was left.
  if (backToEditor(game)) return;
  endSession();
  // A workshop left for the title stays saved: the title screen offers to continue it.
  endRoom();
  switchTo(game, 'title');
}

export function goPlay(game: Phaser.Game, scenarioId?: string): void {
  const scenario = scenarioId ? findScenario(scenarioId) : currentSession()?.scenario;
  if (!scenario) return goTitle(game);
  startGame(scenario);
  switchTo(game, 'play');
}

export function goRestart(game: Phaser.Game): void {
  const room = currentRoom();
  if (room && !currentSession()) {
    restartRoom(room);
    switchTo(game, 'workshop');
  } else if (restartGame()) switchTo(game, 'play');
}

/** "To the debrief": the workshop stops here and the group debrief covers what was played. */
export function goWorkshopDebrief(game: Phaser.Game): void {
  const room = currentRoom();
  if (!room) return;
  stopRoom(room);
  switchTo(game, 'debrief');
}

/** "Back to the game" from the debrief: the stop is taken back and the room returns to the same card. */
export function goBackToGame(game: Phaser.Game): void {
  const room = currentRoom();
  if (!room || !resumeStoppedRoom(room)) return;
  switchTo(game, 'workshop');
}

export function goEnding(game: Phaser.Game): void {
  switchTo(game, 'ending');
}

/** Rebuilds every visible screen from the session, e.g. after a language switch. */
function redrawAll(game: Phaser.Game): void {
  for (const key of [...MAIN_SCENES, 'overlay']) {
    const scene = game.scene.getScene(key);
    if (!scene || !game.scene.isActive(key)) continue;
    keepFocus(key);
    scene.scene.restart({ ...(scene.sys.settings.data as object), redraw: true });
  }
  requestFrames();
}

export function toggleLanguage(game: Phaser.Game): void {
  settings.update({ language: otherLanguage() });
  document.documentElement.lang = settings.get().language;
  redrawAll(game);
}

export function toggleSound(): void {
  settings.update({ muted: !settings.get().muted });
  audio.play('click');
}

function handleGlobal(game: Phaser.Game, command: Command): boolean {
  switch (command.kind) {
    case 'mute':
      toggleSound();
      redrawAll(game);
      return true;
    case 'language':
      toggleLanguage(game);
      return true;
    case 'numbers':
      settings.update({ showNumbers: !settings.get().showNumbers });
      redrawAll(game);
      return true;
    case 'help':
      openOverlay(game, 'help');
      return true;
    case 'blank':
      openOverlay(game, 'blank');
      return true;
    case 'menu':
      if (currentScreen().screen === 'title') return false;
      openOverlay(game, 'menu');
      return true;
    case 'letter':
      // The presenter view belongs to a workshop: on every room screen, not on a solo game.
      if (command.key !== 'i' || !currentRoom()) return false;
      openPresenter();
      return true;
    default:
      return false;
  }
}

export function installGlobalCommands(game: Phaser.Game): void {
  document.documentElement.lang = settings.get().language;
  pushHandler((command) => handleGlobal(game, command));
}

/** `?scenario=<id>` opens a scenario directly (for a trainer's bookmark or the benchmark); a reload with the editor open reopens it. */
export function startFirstScreen(game: Phaser.Game, params: URLSearchParams): void {
  const wanted = params.get('scenario');
  if (wanted && findScenario(wanted)) goPlay(game, wanted);
  else if (editorWasOpen()) {
    // Reloaded with the scenario editor open: back into it, over the scenario-writing screen.
    switchTo(game, 'author');
    reopenEditor(game);
  } else switchTo(game, 'title');
}
