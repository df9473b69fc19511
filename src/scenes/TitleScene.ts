/** The title screen: every scenario found in levels/, a language switch and sound on/off. */
import * as Phaser from 'phaser';
import { capitalise, language, listOf, otherLanguage, saveProblemText, say, t } from '../locales/index.ts';
import { problemText } from '../locales/authoring.ts';
import { openPaper, paperScenarios } from '../paper/open.ts';
import { pushHandler, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { settings } from '../platform/settings.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { allLevels, findScenario, type Level } from '../session/levels.ts';
import { resumePhones } from '../session/phones.ts';
import { resumeRoom } from '../session/room.ts';
import { sessionStop } from '../engine/workshop.ts';
import { switchTo } from '../platform/sceneSwitch.ts';
import type { WorkshopLookup } from '../platform/saves.ts';
import { Button, FocusList } from '../ui/button.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { addText } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { toggleLanguage, toggleSound } from './navigation.ts';
import { goMode } from './flow.ts';
import { saves } from '../platform/saves.ts';
import { downloadFile } from '../platform/download.ts';
import { goAuthor } from '../authoring/flow.ts';
import { pickFile } from '../authoring/files.ts';

const MARGIN = 110;
const GAP = 32;
const TOP = 300;
const BOTTOM = 900;

/** Read once per visit to the title: reading moves an unreadable save aside, so its notice must survive a redraw. */
let workshopLookup: WorkshopLookup | null = null;

/** "School: week 3 of 30, Rood and Blauw" */
function workshopWhere(lookup: Extract<WorkshopLookup, { kind: 'ok' }>): string {
  const { workshop } = lookup.saved;
  const scenario = lookup.scenario;
  const team = workshop.teams[workshop.active]!;
  const unit = say(scenario.turnUnit) || t('defaultTurnUnit');
  // A stopped session is where it stopped, not at the card the team would have had next.
  const turn = sessionStop(workshop) ?? team.state.turn;
  const where = scenario.turns ? t('wsTurnOf', { unit, turn, total: scenario.turns }) : t('wsTurnOnly', { unit, turn });
  return t('titleContinueWorkshopDetail', { scenario: say(scenario.title), where, teams: listOf(workshop.teams.map((tm) => tm.name)) });
}

export class TitleScene extends Phaser.Scene {
  constructor() {
    super('title');
  }

  create(data: { focus?: number; redraw?: boolean; downloaded?: string }): void {
    fitCamera(this);
    drawBackdrop(this);
    if (!data.redraw || !workshopLookup) workshopLookup = saves.readWorkshop(findScenario);
    const lookup = workshopLookup;
    addText(this, STAGE.width / 2, 70, t('gameTitle'), { size: size.title, bold: true, originX: 0.5 });
    addText(this, STAGE.width / 2, 200, t('gameSubtitle'), { size: size.subheading, colour: colour.inkSoft, originX: 0.5 });

    const buttons: Button[] = [];
    let focus: FocusList | null = null;
    const hover = (i: number) => () => focus?.focus(i);
    const levels = allLevels();
    // A workshop in progress comes first: a trainer back after a reload or a closed lid continues it.
    let top = TOP;
    let workshopNotice: string | null = null;
    if (lookup.kind === 'ok') {
      const resume = new Button(this, MARGIN, TOP - 40, { width: STAGE.width - MARGIN * 2, label: t('titleContinueWorkshop'), detail: workshopWhere(lookup), detailLines: 1, textSize: 40, onActivate: () => {
        const room = resumeRoom(lookup.scenario, lookup.saved);
        resumePhones();
        workshopLookup = null;
        switchTo(this.game, room.phase === 'over' ? 'debrief' : 'workshop');
      }, onHover: hover(buttons.length) });
      buttons.push(resume);
      top = TOP - 40 + resume.buttonHeight + GAP;
    } else if (lookup.kind === 'unreadable') {
      // Too full to keep it aside: it stays, nothing is written over it, and the trainer may download it.
      const unkept = lookup.keptAs === null ? saves.unkeptWorkshop() : null;
      workshopNotice = unkept
        ? [t('titleWorkshopUnkept', { reason: saveProblemText(lookup.problem) }), ...(data.downloaded ? [t('unkeptDownloaded', { file: data.downloaded })] : [])].join('\n')
        : t('titleWorkshopUnreadable', { reason: saveProblemText(lookup.problem) });
      const text = addText(this, MARGIN + 34, TOP - 30, workshopNotice, { size: 28, width: STAGE.width - MARGIN * 2 - 60 });
      const box = this.add.graphics();
      box.fillStyle(colour.dangerSoft, 1).fillRoundedRect(MARGIN, TOP - 50, STAGE.width - MARGIN * 2, text.height + 40, 20);
      box.fillStyle(colour.danger, 1).fillRoundedRect(MARGIN, TOP - 50, 14, text.height + 40, { tl: 20, bl: 20, tr: 0, br: 0 });
      this.children.bringToTop(text);
      top = TOP - 50 + text.height + 40 + GAP;
      if (unkept) {
        const half = (STAGE.width - MARGIN * 2 - GAP) / 2;
        const keep = new Button(this, MARGIN, top, { width: half, label: t('unkeptDownload'), align: 'center', textSize: 32, onActivate: () => {
          const file = 'many-masters-unreadable-workshop.json';
          downloadFile(file, unkept.text, 'application/json;charset=utf-8');
          this.scene.restart({ focus: buttons.indexOf(keep), redraw: true, downloaded: file });
        }, onHover: hover(buttons.length) });
        buttons.push(keep);
        buttons.push(new Button(this, MARGIN + half + GAP, top, { width: half, label: t('titleWorkshopReplace'), align: 'center', textSize: 32, onActivate: () => {
          saves.startAnewWorkshop();
          workshopLookup = { kind: 'none' };
          this.scene.restart({ redraw: true });
        }, onHover: hover(buttons.length) }));
        top += keep.buttonHeight + GAP;
      }
    }
    // The buttons above the scenarios (continue the workshop, or keep its unreadable save).
    const before = buttons.length;
    const columns = levels.length > 3 ? 2 : 1;
    const rows = Math.max(1, Math.ceil(levels.length / columns));
    const tileWidth = (STAGE.width - MARGIN * 2 - GAP * (columns - 1)) / columns;
    const tileHeight = Math.min(300, (BOTTOM - top - GAP * (rows - 1)) / rows);
    const detailLines = Math.max(1, Math.floor((tileHeight - 130) / 38));

    levels.forEach((level, i) => {
      const x = MARGIN + (i % columns) * (tileWidth + GAP);
      const y = top + Math.floor(i / columns) * (tileHeight + GAP);
      const tile = new Button(this, x, y, {
        width: tileWidth,
        minHeight: tileHeight,
        label: level.ok ? say(level.scenario.title) : level.file,
        detail: describe(level),
        detailLines,
        textSize: 42,
        disabled: !level.ok,
        onActivate: () => {
          if (!level.ok) return;
          workshopLookup = null;
          goMode(this.game, level.scenario.id);
        },
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
    // Scenario writers: play a file without a build; the authoring screen has the maps.
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
          if (command.index < playable.length) { focus!.focus(command.index + before); focus!.activate(); }
          return true;
        }
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    const labels = focus.labels();
    const scenarios = levels.map((l) => (l.ok ? say(l.scenario.title) : l.file));
    const details = levels.map(describe);
    const playable = levels.filter((l) => l.ok).length + before;
    const broken = levels.filter((l) => !l.ok).map(describe);
    const languageAt = focus.labels().indexOf(languageButton.label.text);
    showScreen('title', () => {
      // The other language's name is read in that language.
      const items = focus!.items('title-', (i) => (i === languageAt ? { lang: otherLanguage() } : {}));
      return {
        title: t('gameTitle'),
        regions: [
          { role: 'text', text: t('gameSubtitle') },
          ...(workshopNotice ? [{ role: 'notice' as const, text: workshopNotice }] : []),
          { role: 'buttons', items: items.slice(0, playable) },
          ...(levels.length === 0 ? [{ role: 'notice' as const, text: t('noScenarios') }] : []),
          ...broken.map((text) => ({ role: 'notice' as const, text })),
          { role: 'buttons', items: items.slice(playable) },
        ],
        focus: focus!.focusId('title-'),
        facts: { title: t('gameTitle'), scenarios, details, buttons: labels, focus: focus!.current, canContinueWorkshop: lookup.kind === 'ok', continueDetail: lookup.kind === 'ok' ? workshopWhere(lookup) : null, workshopNotice, workshopUnkept: before > 0 && lookup.kind === 'unreadable' },
      };
    });
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
  // The endings collection: what this player has found so far, kept across games.
  const endings = scenario.endings ?? [];
  const found = new Set(saves.endingsReached().get(scenario.id) ?? []);
  const collected = endings.length > 0 ? `  ·  ${t('endingsFound', { found: endings.filter((e) => found.has(e.id)).length, total: endings.length })}` : '';
  return description ? `${length}${collected}  ·  ${description}` : `${length}${collected}`;
}
