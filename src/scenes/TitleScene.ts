/** The title screen: every scenario found in levels/, a language switch and sound on/off. */
import * as Phaser from 'phaser';
import { capitalise, language, say, t } from '../locales/index.ts';
import { problemText } from '../locales/authoring.ts';
import { openPaper, paperScenarios } from '../paper/open.ts';
import { pushHandler, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { settings } from '../platform/settings.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { allLevels, type Level } from '../session/levels.ts';
import { Button, FocusList } from '../ui/button.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { addText } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { toggleLanguage, toggleSound } from './navigation.ts';
import { goMode } from './flow.ts';
import { saves } from '../platform/saves.ts';
import { goAuthor } from '../authoring/flow.ts';
import { pickFile } from '../authoring/files.ts';

const MARGIN = 110;
const GAP = 32;
const TOP = 300;
const BOTTOM = 900;

export class TitleScene extends Phaser.Scene {
  constructor() {
    super('title');
  }

  create(data: { focus?: number }): void {
    fitCamera(this);
    drawBackdrop(this);
    addText(this, STAGE.width / 2, 70, t('gameTitle'), { size: size.title, bold: true, originX: 0.5 });
    addText(this, STAGE.width / 2, 200, t('gameSubtitle'), { size: size.subheading, colour: colour.inkSoft, originX: 0.5 });

    const buttons: Button[] = [];
    let focus: FocusList | null = null;
    const hover = (i: number) => () => focus?.focus(i);
    const levels = allLevels();
    const columns = levels.length > 3 ? 2 : 1;
    const rows = Math.max(1, Math.ceil(levels.length / columns));
    const tileWidth = (STAGE.width - MARGIN * 2 - GAP * (columns - 1)) / columns;
    const tileHeight = Math.min(300, (BOTTOM - TOP - GAP * (rows - 1)) / rows);
    const detailLines = Math.max(1, Math.floor((tileHeight - 130) / 38));

    levels.forEach((level, i) => {
      const x = MARGIN + (i % columns) * (tileWidth + GAP);
      const y = TOP + Math.floor(i / columns) * (tileHeight + GAP);
      const tile = new Button(this, x, y, {
        width: tileWidth,
        minHeight: tileHeight,
        label: level.ok ? say(level.scenario.title) : level.file,
        detail: describe(level),
        detailLines,
        textSize: 42,
        disabled: !level.ok,
        onActivate: () => level.ok && goMode(this.game, level.scenario.id),
        onHover: hover(buttons.length),
      });
      if (level.ok) buttons.push(tile);
    });
    if (levels.length === 0) addText(this, STAGE.width / 2, TOP + 40, t('noScenarios'), { size: size.body, originX: 0.5 });

    const s = settings.get();
    const optionY = 930;
    const languageButton = new Button(this, 0, optionY, { width: 360, label: t('languageSwitch'), align: 'center', textSize: 32, onActivate: () => toggleLanguage(this.game), onHover: hover(buttons.length) });
    buttons.push(languageButton);
    const soundButton = new Button(this, 0, optionY, { width: 360, label: s.muted ? t('soundOff') : t('soundOn'), align: 'center', textSize: 32, onActivate: () => { toggleSound(); this.scene.restart({ focus: buttons.indexOf(soundButton) }); }, onHover: hover(buttons.length) });
    buttons.push(soundButton);
    languageButton.setX(MARGIN);
    soundButton.setX(MARGIN + 360 + GAP);
    // Scenario writers (issue 6): play a file without a build; the authoring screen has the maps.
    const openButton = new Button(this, MARGIN + 2 * (360 + GAP), optionY, { width: 480, label: t('openFile'), align: 'center', textSize: 28, onActivate: () => pickFile(), onHover: hover(buttons.length) });
    buttons.push(openButton);
    buttons.push(new Button(this, MARGIN + 2 * (360 + GAP) + 480 + GAP, optionY, { width: 400, label: t('authorButton'), align: 'center', textSize: 28, onActivate: () => goAuthor(this.game), onHover: hover(buttons.length) }));
    // Paper for the room: card sets and handouts of every scenario, shipped or opened.
    buttons.push(new Button(this, STAGE.width - 40 - 300, 40, { width: 300, label: t('paperButton'), align: 'center', textSize: 28, onActivate: () => openPaper(paperScenarios(), language()), onHover: hover(buttons.length) }));
    addText(this, STAGE.width / 2, 1052, t('titleKeyHint'), { size: size.small, colour: colour.inkSoft, originX: 0.5, originY: 0.5 });

    focus = new FocusList(buttons);
    focus.focus(data.focus ?? 0);
    const release = pushHandler((command: Command) => {
      if (focus!.navigate(command)) return true;
      switch (command.kind) {
        case 'choice': {
          const playable = levels.filter((l) => l.ok);
          if (command.index < playable.length) { focus!.focus(command.index); focus!.activate(); }
          return true;
        }
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    const labels = focus.labels();
    const scenarios = levels.map((l) => (l.ok ? say(l.scenario.title) : l.file));
    const details = levels.map(describe);
    showScreen('title', () => ({ title: t('gameTitle'), scenarios, details, buttons: labels, focus: focus!.current }));
    requestFrames();
  }
}

function describe(level: Level): string {
  if (!level.ok) {
    const p = level.problem;
    return `${t('scenarioBroken')}\n${t('scenarioBrokenAt', { file: level.file, line: p.line, column: p.column, message: problemText(p, language()) })}`;
  }
  const { scenario } = level;
  const length = scenario.turns ? t('scenarioCards', { turns: scenario.turns, unit: capitalise(say(scenario.turnUnit) || t('defaultTurnUnit')) }) : t('scenarioEndless');
  const description = say(scenario.description);
  // The endings collection (issue 5): what this player has found so far, kept across games.
  const endings = scenario.endings ?? [];
  const found = new Set(saves.endingsReached().get(scenario.id) ?? []);
  const collected = endings.length > 0 ? `  ·  ${t('endingsFound', { found: endings.filter((e) => found.has(e.id)).length, total: endings.length })}` : '';
  return description ? `${length}${collected}  ·  ${description}` : `${length}${collected}`;
}
