/**
 * Scenario writing: open a file to play it, the last file opened (play, map, forget), and every
 * file in levels/ with its map and its problems. Everything by keyboard, like the rest of the game.
 */
import * as Phaser from 'phaser';
import { draftFromText, type Draft } from '../authoring/draft.ts';
import { goBack, levelDraft, openText, showMap, showProblems } from '../authoring/flow.ts';
import { pickFile } from '../authoring/files.ts';
import { openEditor } from '../editor/ui/open.ts';
import { forgetFile, loadRememberedFile, rememberedFile } from '../authoring/remembered.ts';
import { language, say, t } from '../locales/index.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { listScreen } from '../ui/describe.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { allLevels } from '../session/levels.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { Button, FocusList } from '../ui/button.ts';
import { addText, clampLines, fitWidth } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';

const LEFT = 110;
const RIGHT = STAGE.width - 110;
const BUTTON_WIDTH = 330;
const GAP = 28;
const TEXT_WIDTH = RIGHT - LEFT - 3 * (BUTTON_WIDTH + GAP) - 20;

function checkLabel(draft: Draft): string {
  const errors = draft.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) return t('checkErrors', { count: errors });
  const warnings = draft.problems.length;
  return warnings > 0 ? t('checkWarnings', { count: warnings }) : t('checkNone');
}

export class AuthorScene extends Phaser.Scene {
  constructor() {
    super('author');
  }

  create(data: { focus?: number }): void {
    fitCamera(this);
    drawBackdrop(this);
    addText(this, LEFT, 44, t('authorTitle'), { size: size.heading, bold: true });
    addText(this, LEFT, 124, t('authorIntro'), { size: size.body, colour: colour.inkSoft, width: RIGHT - LEFT });

    const buttons: Button[] = [];
    let focus: FocusList | null = null;
    // What each button is for, for tests: 'map:<file>', 'check:<file>', 'last:…', 'open', 'back'.
    const targets: string[] = [];
    const button = (x: number, y: number, label: string, act: () => void, width = BUTTON_WIDTH, target = label) => {
      const index = buttons.length;
      targets.push(target);
      const b = new Button(this, x, y, { width, label, textSize: 28, align: 'center', onActivate: act, onHover: () => focus?.focus(index) });
      buttons.push(b);
      return b;
    };
    const rows: { file: string; check: string }[] = [];
    const row = (y: number, heading: string, detail: string, draft: Draft) => {
      const name = addText(this, LEFT, y, heading, { size: 30, bold: true, width: TEXT_WIDTH });
      clampLines(name, 1);
      const more = addText(this, LEFT, y + 42, detail, { size: size.small, colour: colour.inkSoft, width: TEXT_WIDTH });
      clampLines(more, 1);
      const check = checkLabel(draft);
      button(RIGHT - 3 * BUTTON_WIDTH - 2 * GAP, y, t('authorEdit'), () => openEditor(this.game, { name: draft.file, text: draft.source }, 'levels'), BUTTON_WIDTH, `edit:${draft.file}`);
      if (draft.scenario) button(RIGHT - 2 * BUTTON_WIDTH - GAP, y, t('scenarioMap'), () => showMap(this.game, draft, 'author'), BUTTON_WIDTH, `map:${draft.file}`);
      button(RIGHT - BUTTON_WIDTH, y, check, () => showProblems(this.game, draft, 'author'), BUTTON_WIDTH, `check:${draft.file}`);
      rows.push({ file: draft.file, check });
    };

    // The editor: a new scenario from the template, or any file below (Edit).
    button(RIGHT - 420, 44, t('authorNew'), () => openEditor(this.game, null), 420, 'new');

    let y = 230;
    const last = rememberedFile();
    // The kept file is read from IndexedDB once at the start; drawn again when it arrives after this screen.
    void loadRememberedFile().then(() => {
      if (rememberedFile() !== last && this.scene.isActive()) this.scene.restart(data);
    });
    addText(this, LEFT, y, t('authorLastFile'), { size: 30, bold: true, colour: colour.accent });
    y += 56;
    if (last) {
      const draft = draftFromText(last.file, last.source, 'opened');
      const when = last.at ? new Date(last.at).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' }) : '';
      const title = draft.scenario ? say(draft.scenario.title) : t('authorUnreadable');
      const name = addText(this, LEFT, y, `${last.file}  ·  ${title}`, { size: 30, bold: true, width: RIGHT - LEFT });
      clampLines(name, 1);
      addText(this, LEFT, y + 42, t('authorOpenedAt', { when, check: checkLabel(draft) }), { size: size.small, colour: colour.inkSoft });
      // Four buttons on a line of their own, under the file's name, so the name keeps its width.
      const at = (i: number) => LEFT + i * (BUTTON_WIDTH + GAP);
      y += 96;
      button(at(0), y, draft.scenario ? t('playFile') : t('showProblems'), () => void openText(this.game, last.file, last.source, 'author'));
      button(at(1), y, t('authorEdit'), () => openEditor(this.game, { name: last.file, text: last.source }), BUTTON_WIDTH, `edit:${last.file}`);
      if (draft.scenario) button(at(2), y, t('scenarioMap'), () => showMap(this.game, draft, 'author'));
      button(at(draft.scenario ? 3 : 2), y, t('forgetFile'), () => {
        void forgetFile();
        this.scene.restart({ focus: 0 });
      });
      y += 116;
    } else {
      addText(this, LEFT, y, t('authorNoLastFile'), { size: size.small + 4, colour: colour.inkSoft, width: RIGHT - LEFT });
      y += 70;
    }

    addText(this, LEFT, y, t('authorLevels'), { size: 30, bold: true, colour: colour.accent });
    y += 56;
    const bottom = 880;
    const levels = allLevels();
    const step = Math.min(100, (bottom - y) / Math.max(1, levels.length));
    for (const level of levels) {
      const draft = levelDraft(level.file)!;
      row(y, level.ok ? `${level.file}  ·  ${say(level.scenario.title)}` : level.file, level.ok ? t('authorCards', { cards: level.scenario.cards.length, stakeholders: level.scenario.stakeholders.length }) : t('scenarioBroken'), draft);
      y += step;
    }

    const open = button(LEFT, 930, t('openFile'), () => pickFile(), 520, 'open');
    button(LEFT + 520 + GAP, 930, t('back'), () => goBack(this.game, 'title'), 300, 'back');
    const hint = addText(this, RIGHT, 930 + open.buttonHeight / 2, t('authorDropHint'), { size: size.small, colour: colour.inkSoft, originX: 1, originY: 0.5, align: 'right' });
    fitWidth(hint, RIGHT - (LEFT + 520 + GAP + 300 + GAP), 20);

    focus = new FocusList(buttons);
    focus.focus(data.focus ?? 0);
    const release = pushHandler((command: Command) => {
      if (focus!.navigate(command)) return true;
      switch (command.kind) {
        case 'menu': goBack(this.game, 'title'); return true;
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    showScreen('author', () => listScreen(
      t('authorTitle'),
      focus,
      { lastFile: last?.file ?? null, levels: rows, buttons: focus!.labels(), targets, focus: focus!.current },
      [{ role: 'text', text: t('authorIntro') }, { role: 'values', items: rows.map((r, i) => ({ id: `level-${i}`, label: r.file, value: r.check })) }],
      [],
      (i) => (targets[i]?.includes(':') ? { detail: targets[i]!.slice(targets[i]!.indexOf(':') + 1) } : {}),
    ));
    settle();
    requestFrames();
  }
}
