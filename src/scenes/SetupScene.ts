/**
 * The trainer's workshop set-up, keyboard only: how many teams and their names, how the room plays,
 * whether effects are previewed, and the discussion timer. Remembered for the rest of the visit.
 */
import * as Phaser from 'phaser';
import { LENGTH_CHOICES, MAX_TEAMS, TIMER_CHOICES, type PreviewSetting, type RoomMode, type WorkshopSettings } from '../engine/workshop.ts';
import { say, t, turnUnit } from '../locales/index.ts';
import type { MessageKey } from '../locales/en.ts';
import { pushHandler, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { listScreen } from '../ui/describe.ts';
import type { ScreenRegion } from '../platform/screenModel.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { findScenario } from '../session/levels.ts';
import { phonesAvailable, phoneServerKnown, phonesWanted, setPhonesWanted, startPhones } from '../session/phones.ts';
import { startRoom } from '../session/room.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { Button, FocusList } from '../ui/button.ts';
import { FieldLayer, type Field } from '../ui/fields.ts';
import { addText, fitHeight } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { goScreen, modeVisit } from './flow.ts';

interface Draft {
  teams: number;
  /** A name the trainer typed, or null for the default "Team n". */
  names: (string | null)[];
  mode: RoomMode;
  preview: PreviewSetting;
  timer: WorkshopSettings['timer'];
  /** Turns per team before the debrief; 0 = until the scenario ends. */
  length: number;
}

const draft: Draft = { teams: 2, names: [], mode: 'turns', preview: 'scenario', timer: 60, length: 0 };
const PREVIEWS: PreviewSetting[] = ['scenario', 'on', 'off'];
const MODES: RoomMode[] = ['turns', 'together', 'same-card', 'same-time'];
/** Whether the trainer picked a form this visit; until then the form follows the phones and the number of teams. */
let modeChosen = false;

/** Teams at the same time for a room with phones and two to six teams; teams taking turns otherwise, until the trainer picks. */
function defaultMode(): void {
  if (!modeChosen) draft.mode = phonesWanted() && phoneServerKnown() === true && draft.teams >= 2 ? 'same-time' : 'turns';
}
const MODE_LABEL: Record<RoomMode, MessageKey> = { turns: 'setupModeTurns', together: 'setupModeTogether', 'same-card': 'setupModeSameCard', 'same-time': 'setupModeSameTime' };
const LEFT = 110;
const LEFT_WIDTH = 900;
const NAMES_X = 1090;
const NAMES_WIDTH = 720;
const NAME_LENGTH = 40;
/** Where the settings on the left must end: above the stage's bottom edge with a margin. */
const OPTIONS_BOTTOM = STAGE.height - 30;

function teamName(i: number): string {
  return draft.names[i]?.trim() || t('setupTeamName', { n: i + 1 });
}

/** The settings as the engine takes them; the whole room is one team when it decides together. */
export function draftSettings(): WorkshopSettings {
  const teams = draft.mode === 'together' ? [t('roomName')] : Array.from({ length: draft.teams }, (_, i) => teamName(i));
  return { teams, mode: draft.mode, preview: draft.preview, timer: draft.timer, length: draft.length };
}

function step<T>(list: readonly T[], value: T, by: number): T {
  return list[(list.indexOf(value) + by + list.length) % list.length]!;
}

const PREVIEW_LABEL: Record<PreviewSetting, MessageKey> = { scenario: 'setupPreviewScenario', on: 'setupPreviewOn', off: 'setupPreviewOff' };

/** How often the set-up asks again for the room server while none has answered. */
const SERVER_ASK_MS = 3000;

export class SetupScene extends Phaser.Scene {
  constructor() {
    super('setup');
  }

  create(data: { focus?: number }): void {
    const visit = modeVisit();
    const scenario = visit ? findScenario(visit.scenarioId) : undefined;
    if (!scenario) {
      goScreen(this.game, 'mode');
      return;
    }
    fitCamera(this);
    drawBackdrop(this);
    defaultMode();
    const heading = addText(this, LEFT, 56, t('setupTitle', { scenario: say(scenario.title) }), { size: 56, bold: true, width: STAGE.width - LEFT * 2 });
    fitHeight(heading, 130, 36);

    const redraw = (focusAt: number) => this.scene.restart({ focus: focusAt });
    // Lengths beyond the scenario's own are the same as "until the end".
    const lengths = LENGTH_CHOICES.filter((n) => n === 0 || scenario.turns === undefined || n < scenario.turns);
    if (!lengths.includes(draft.length as (typeof lengths)[number])) draft.length = 0;
    const options: { label: string; detail: string; change: (by: number) => void }[] = [
      { label: t('setupTeams', { count: draft.teams }), detail: t('setupTeamsDetail', { max: MAX_TEAMS }), change: (by) => (draft.teams = Math.min(MAX_TEAMS, Math.max(1, draft.teams + by))) },
      { label: t(MODE_LABEL[draft.mode]), detail: t('setupModeDetail'), change: (by) => {
        modeChosen = true;
        draft.mode = step(MODES, draft.mode, by);
      } },
      { label: t(PREVIEW_LABEL[draft.preview]), detail: t('setupPreviewDetail'), change: (by) => (draft.preview = step(PREVIEWS, draft.preview, by)) },
      { label: draft.timer === 0 ? t('setupTimerOff') : t('setupTimer', { seconds: draft.timer }), detail: t('setupTimerDetail'), change: (by) => (draft.timer = step(TIMER_CHOICES, draft.timer, by)) },
      {
        label: draft.length === 0 ? t('setupLengthAll') : t('setupLength', { unit: turnUnit(scenario.turnUnit), turn: draft.length }),
        detail: t('setupLengthDetail'),
        change: (by) => (draft.length = step(lengths, draft.length, by)),
      },
    ];
    if (draft.mode === 'together') options.splice(0, 1);
    // Phones: a switch when the room server answers; without one, a note below says they need it.
    const server = phoneServerKnown();
    // Read live: the answer may come after this screen was drawn (a true answer draws it again).
    const phoneState = (): boolean | 'no-server' | 'asking' => {
      const known = phoneServerKnown();
      if (known === false) return 'no-server';
      return known === true && server === true ? phonesWanted() : 'asking';
    };
    if (server === true) options.push({ label: t(phonesWanted() ? 'setupPhonesOn' : 'setupPhonesOff'), detail: t('setupPhonesDetail'), change: () => setPhonesWanted(!phonesWanted()) });

    const items: Button[] = [];
    const actions: ((by: number) => void)[] = [];
    let focus: FocusList | null = null;
    options.forEach((option) => {
      const index = items.length;
      const change = (by: number) => {
        option.change(by);
        redraw(index);
      };
      const button = new Button(this, LEFT, 0, { width: LEFT_WIDTH, label: option.label, detail: option.detail, detailLines: 1, textSize: 34, onActivate: () => change(1), onHover: () => focus?.focus(index) });
      items.push(button);
      actions.push(change);
    });
    // Every option above the stage's bottom edge: with the phones switch the list is six high, so the
    // gaps close up and the list starts higher (never under the heading) before anything runs off.
    const heights = items.reduce((sum, button) => sum + button.buttonHeight, 0);
    const gap = Math.max(8, Math.min(16, (OPTIONS_BOTTOM - 200 - heights) / Math.max(1, items.length - 1)));
    let y = Math.max(heading.y + heading.height + 24, Math.min(200, OPTIONS_BOTTOM - heights - gap * (items.length - 1)));
    for (const button of items) {
      button.setY(y);
      y += button.buttonHeight + gap;
    }
    if (server === false) addText(this, LEFT, y + 8, t('setupPhonesNoServer'), { size: 28, colour: colour.inkSoft, width: LEFT_WIDTH });
    if (server !== true) {
      // Asked now and every few seconds while this screen is shown: a server that starts later is
      // found without a reload. The screen is drawn again when the answer changes what it says, the
      // focus on the same button (a switch appears above the ones after it).
      const insertAt = items.length;
      const ask = () =>
        void phonesAvailable().then((available) => {
          if (!this.scene.isActive() || phoneServerKnown() === server) return;
          const at = focus?.current ?? 0;
          redraw(available && at >= insertAt ? at + 1 : at);
          // The game draws only when asked: without this the restart would wait for the next key.
          requestFrames();
        });
      ask();
      // A window timer: the game's own clock stands still while nothing on the screen moves.
      const asking = window.setInterval(ask, SERVER_ASK_MS);
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => window.clearInterval(asking));
    }

    // Team names: an input in a focusable frame each, typed into after Enter (or a click).
    const fields = new FieldLayer(this);
    const inputs: Field[] = [];
    const firstName = items.length;
    if (draft.mode !== 'together') {
      addText(this, NAMES_X, 220, t('setupNames'), { size: 34, bold: true, colour: colour.inkSoft });
      for (let i = 0; i < draft.teams; i++) {
        const index = items.length;
        const top = 270 + i * 88;
        let input: Field | null = null;
        const frame = new Button(this, NAMES_X, top, { width: NAMES_WIDTH, minHeight: 76, label: '', onActivate: () => input?.focus(), onHover: () => undefined });
        input = fields.add({
          x: NAMES_X + 8, y: top + 6, width: NAMES_WIDTH - 16, height: 64,
          value: draft.names[i] ?? '', label: t('setupNameLabel', { n: i + 1 }), placeholder: t('setupTeamName', { n: i + 1 }), size: 34, maxLength: NAME_LENGTH,
          onInput: (value) => (draft.names[i] = value),
          onFocus: () => focus?.focus(index),
        });
        items.push(frame);
        actions.push(() => undefined);
        inputs.push(input);
      }
    } else {
      addText(this, NAMES_X, 220, t('setupTogetherNote'), { size: 34, colour: colour.inkSoft, width: NAMES_WIDTH });
    }

    const start = new Button(this, NAMES_X, 880, { width: 500, label: t('setupStart'), align: 'center', textSize: 36, onActivate: () => this.start(), onHover: () => focus?.focus(items.indexOf(start)) });
    const back = new Button(this, NAMES_X + 524, 880, { width: NAMES_WIDTH - 524, label: t('setupBack'), align: 'center', textSize: 34, onActivate: () => goScreen(this.game, 'mode'), onHover: () => focus?.focus(items.indexOf(back)) });
    items.push(start, back);
    actions.push(() => undefined, () => undefined);
    // Under the buttons on the right, where it never runs through a setting on the left.
    addText(this, NAMES_X, 880 + start.buttonHeight + 24, t('setupHint'), { size: 26, colour: colour.inkSoft, width: NAMES_WIDTH });

    const isName = (i: number) => i >= firstName && i < firstName + inputs.length;
    focus = new FocusList(items, (index) => {
      if (isName(index) && fields.typing()) inputs[index - firstName]!.focus();
      else if (!isName(index)) fields.blur();
    });
    focus.focus(Math.min(items.length - 1, data.focus ?? items.indexOf(start)));
    const release = pushHandler((command: Command) => {
      const at = focus!.current;
      switch (command.kind) {
        case 'next': focus!.move(1); return true;
        case 'previous': focus!.move(-1); return true;
        case 'forward': case 'more': actions[at]?.(1); return true;
        case 'back': case 'less': actions[at]?.(-1); return true;
        case 'confirm':
          // Enter in a name box finishes the name and moves on.
          if (fields.typing()) { fields.blur(); focus!.move(1); } else focus!.activate();
          return true;
        case 'menu':
          if (fields.typing()) fields.blur();
          else goScreen(this.game, 'mode');
          return true;
        case 'choice': return true;
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    const labels = items.map((b) => b.label.text);
    // The names as text boxes of the layer too: where the layer is the visible screen, the stage's boxes are hidden.
    const names: ScreenRegion[] = inputs.length > 0 ? [{
      role: 'text',
      label: t('setupNames'),
      items: inputs.map((input, i) => ({ id: `name-${i}`, label: t('setupNameLabel', { n: i + 1 }), field: { value: draft.names[i] ?? '', multiline: false, placeholder: t('setupTeamName', { n: i + 1 }), maxLength: NAME_LENGTH, onInput: (value: string) => {
        draft.names[i] = value;
        input.value = value;
      } } })),
    }] : [];
    showScreen('setup', () => listScreen(heading.text, focus, { scenarioId: scenario.id, settings: draftSettings(), buttons: labels, focus: focus!.current, typing: fields.typing(), phones: phoneState() }, names));
    requestFrames();
  }

  private start(): void {
    const visit = modeVisit();
    const scenario = visit ? findScenario(visit.scenarioId) : undefined;
    if (!scenario) return;
    startRoom(scenario, draftSettings());
    if (phonesWanted() && phoneServerKnown()) {
      startPhones(true);
      goScreen(this.game, 'join');
    } else goScreen(this.game, 'workshop');
  }
}
