/** Drawn over the current screen: the pause menu, the key help, or a black screen for the presenter. */
import * as Phaser from 'phaser';
import { language, otherLanguage, t } from '../locales/index.ts';
import { openPaper, paperScenarios, scenarioInPlay } from '../paper/open.ts';
import type { MessageKey } from '../locales/en.ts';
import { pushHandler, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import type { OverlayKind } from '../platform/sceneSwitch.ts';
import { currentScreen, showOverlay } from '../platform/screen.ts';
import type { ScreenModel } from '../platform/screenModel.ts';
import { settings } from '../platform/settings.ts';
import { fitCamera, STAGE as FIXED, stageSize } from '../platform/viewport.ts';
import { currentRoom } from '../session/room.ts';
import { Button, FocusList } from '../ui/button.ts';
import { addText } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { goRestart, goTitle, goWorkshopDebrief, toggleLanguage, toggleSound } from './navigation.ts';
import { goQuestion, goRating } from './flow.ts';
import { downloadResults } from './results.ts';
import { phonesOn } from '../session/phones.ts';
import { helpRowsFor } from './workshopHelp.ts';
import { openPresenter } from '../presenter/projector.ts';

/** A menu entry that asks first: what would be lost is said, and "No" is the default. */
type Confirming = 'restart' | 'title' | 'debrief' | null;

/** Each question that asks first: the question, the "yes" button and the menu entry's title. */
const CONFIRM: Record<Exclude<Confirming, null>, { question: MessageKey; yes: MessageKey; title: MessageKey }> = {
  restart: { question: 'menuConfirmRestart', yes: 'menuConfirmRestartYes', title: 'restart' },
  title: { question: 'menuConfirmTitle', yes: 'menuConfirmTitleYes', title: 'backToTitle' },
  debrief: { question: 'menuConfirmDebrief', yes: 'menuConfirmDebriefYes', title: 'menuToDebrief' },
};

/** The workshop's screens: its menu and help draw on the room stage, in room-sized text. */
function onRoomScreen(): boolean {
  const { screen } = currentScreen();
  return currentRoom() !== null && (screen === 'workshop' || screen === 'whatif' || screen === 'debrief' || screen === 'question' || screen === 'rating');
}

let STAGE: { width: number; height: number } = FIXED;

const HELP_ROWS: [MessageKey, MessageKey][] = [
  ['keysChoice', 'helpChoice'],
  ['keysFocus', 'helpFocus'],
  ['keysConfirm', 'helpConfirm'],
  ['keysRemote', 'helpRemote'],
  ['keysBlank', 'helpBlank'],
  ['keysMute', 'helpMute'],
  ['keysNumbers', 'helpNumbers'],
  ['keysLanguage', 'helpLanguage'],
  ['keysMenu', 'helpMenu'],
  ['keysHelp', 'helpHelp'],
];

export class OverlayScene extends Phaser.Scene {
  private kind: OverlayKind = 'menu';
  private release: (() => void) | null = null;

  constructor() {
    super('overlay');
  }

  private confirming: Confirming = null;

  init(data: { kind?: OverlayKind; confirm?: Confirming }): void {
    this.kind = data.kind ?? 'menu';
    this.confirming = data.confirm ?? null;
  }

  create(): void {
    const room = onRoomScreen();
    fitCamera(this, room ? 'room' : 'fixed');
    STAGE = room ? stageSize() : FIXED;
    // The discussion timer stands still while the help or the menu hides it.
    const timer = room && this.kind !== 'blank' ? currentRoom()?.timer : undefined;
    timer?.hold(true);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      timer?.hold(false);
      this.release?.();
      this.release = null;
      showOverlay(null);
      requestFrames();
    });
    this.describe = () => ({ title: '', regions: [] });
    if (this.kind === 'blank') this.drawBlank();
    else if (this.kind === 'help') this.drawHelp();
    else this.drawMenu();
    showOverlay(this.kind, () => this.describe());
    requestFrames();
  }

  /** What the overlay shows, for the accessible layer (a dialog) and the inspector. */
  private describe: () => ScreenModel = () => ({ title: '', regions: [] });

  private close(): void {
    this.scene.stop();
  }

  /** Swallows every click on what lies beneath. */
  private backdrop(fill: number, alpha: number, closeOnClick: boolean): void {
    const shade = this.add.rectangle(0, 0, STAGE.width, STAGE.height, fill, alpha).setOrigin(0, 0).setInteractive();
    if (closeOnClick) shade.on('pointerup', () => this.close());
  }

  private drawBlank(): void {
    this.backdrop(colour.black, 1, true);
    // Just visible enough for the presenter to know the game is still there.
    // 4.6:1 on black: faint in a dark room, yet readable by anyone who looks for it.
    addText(this, STAGE.width / 2, STAGE.height - 60, t('blankHint'), { size: 28, colour: 0x767676, originX: 0.5, originY: 0.5 });
    this.release = pushHandler(() => {
      this.close();
      return true;
    });
    this.describe = () => ({ title: t('barBlank'), regions: [{ role: 'buttons', items: [{ id: 'blank-close', label: t('a11yShowScreen'), activate: () => this.close() }] }], focus: 'blank-close' });
  }

  private panel(width: number, height: number): { x: number; y: number } {
    const x = (STAGE.width - width) / 2;
    const y = (STAGE.height - height) / 2;
    const g = this.add.graphics();
    g.fillStyle(colour.shadow, 0.25).fillRoundedRect(x, y + 12, width, height, 32);
    g.fillStyle(colour.paper, 1).fillRoundedRect(x, y, width, height, 32);
    g.lineStyle(4, colour.cardEdge, 1).strokeRoundedRect(x, y, width, height, 32);
    return { x, y };
  }

  private drawHelp(): void {
    this.backdrop(colour.shadow, 0.7, true);
    const rows = helpRowsFor(HELP_ROWS);
    // On the room stage the help is as wide as the stage allows and its rows wrap rather than shrink.
    const width = Math.min(1500, STAGE.width - 80);
    const keyWidth = Math.round(width * 0.34);
    // The workshop's many keys must fit the stage's height at 4:3 as well: smaller type (never below 28) and closer rows.
    const rowSize = rows.length > 14 ? 28 : rows.length > 10 ? 30 : size.body;
    const rowGap = rows.length > 14 ? 8 : 16;
    const drawn = rows.map(([keys, action]) => {
      const k = addText(this, 0, 0, t(keys), { size: rowSize, bold: true, colour: colour.accent, width: keyWidth - 40 });
      const a = addText(this, 0, 0, t(action), { size: rowSize, width: width - keyWidth - 120 });
      return { k, a, height: Math.max(k.height, a.height) + rowGap };
    });
    const height = 230 + drawn.reduce((sum, r) => sum + r.height, 0);
    const { x, y } = this.panel(width, height);
    addText(this, STAGE.width / 2, y + 50, t('helpTitle'), { size: size.heading, bold: true, originX: 0.5 });
    let rowY = y + 140;
    for (const row of drawn) {
      row.k.setPosition(x + 60, rowY);
      row.a.setPosition(x + 60 + keyWidth, rowY);
      this.children.bringToTop(row.k);
      this.children.bringToTop(row.a);
      rowY += row.height;
    }
    addText(this, STAGE.width / 2, y + height - 30, t('helpClose'), { size: 28, colour: colour.inkSoft, originX: 0.5, originY: 1 });
    const handled = pushHandler(() => {
      this.close();
      return true;
    });
    // "Any key" as the help says: also the keys that are no command (X, a letter key switched off);
    // a modifier alone is no key press, and a key held from opening the help does not count.
    const anyKey = (event: KeyboardEvent) => {
      if (event.repeat || ['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock'].includes(event.key)) return;
      if (this.scene.isActive()) this.close();
    };
    window.addEventListener('keydown', anyKey);
    this.release = () => {
      handled();
      window.removeEventListener('keydown', anyKey);
    };
    this.describe = () => ({
      title: t('helpTitle'),
      regions: [
        { role: 'values', label: t('a11yKeys'), items: rows.map(([keys, action], i) => ({ id: `key-${i}`, label: t(keys), value: t(action) })) },
        { role: 'buttons', items: [{ id: 'help-close', label: t('a11yClose'), activate: () => this.close() }] },
      ],
      focus: 'help-close',
    });
  }

  private drawMenu(): void {
    this.backdrop(colour.shadow, 0.7, false);
    const s = settings.get();
    const room = onRoomScreen();
    const inDebrief = currentScreen().screen === 'debrief';
    const ask = (confirm: Confirming) => () => this.scene.restart({ kind: 'menu', confirm });
    let title = t('menuTitle');
    let question: string | null = null;
    let entries: { label: string; act: () => void }[];
    if (this.confirming) {
      const asked = CONFIRM[this.confirming];
      const yes = { restart: () => goRestart(this.game), title: () => goTitle(this.game), debrief: () => goWorkshopDebrief(this.game) }[this.confirming];
      question = t(asked.question);
      entries = [
        { label: t('menuConfirmNo'), act: () => this.scene.restart({ kind: 'menu' }) },
        { label: t(asked.yes), act: yes },
      ];
      title = t(asked.title);
    } else {
      entries = [
        { label: t('resume'), act: () => this.close() },
        ...(room && !inDebrief ? [{ label: t('menuToDebrief'), act: ask('debrief') }] : []),
        ...(room && phonesOn() ? [{ label: t('menuAskRoom'), act: () => goQuestion(this.game, inDebrief ? 'debrief' : 'workshop') }] : []),
        ...(room && phonesOn() && (currentRoom()?.scenario.debrief?.statements ?? []).length > 0 ? [{ label: t(inDebrief ? 'menuRateAfter' : 'menuRateBefore'), act: () => goRating(this.game, inDebrief ? 'debrief' : 'workshop') }] : []),
        ...(room && inDebrief ? [{ label: t('menuResultsCsv'), act: () => { const r = currentRoom(); if (r) downloadResults(r, 'csv'); this.close(); } }, { label: t('menuResultsJson'), act: () => { const r = currentRoom(); if (r) downloadResults(r, 'json'); this.close(); } }] : []),
        { label: t('restart'), act: room ? ask('restart') : () => goRestart(this.game) },
        { label: t('languageSwitch'), act: () => toggleLanguage(this.game) },
        { label: s.muted ? t('soundOff') : t('soundOn'), act: () => { toggleSound(); this.scene.restart({ kind: 'menu' }); } },
        { label: s.showNumbers ? t('numbersOn') : t('numbersOff'), act: () => { settings.update({ showNumbers: !s.showNumbers }); this.scene.restart({ kind: 'menu' }); } },
        ...(room ? [{ label: t('presenterButton'), act: () => { openPresenter(); this.close(); } }] : []),
        { label: t('paperButton'), act: () => { const playing = scenarioInPlay(); openPaper(playing ? [playing] : paperScenarios(), language()); } },
        // Large reflowing text instead of the drawn stage, for kiosks and for anyone who wants it bigger.
        { label: s.largerText ? t('largerTextOn') : t('largerTextOff'), act: () => { settings.update({ largerText: !s.largerText }); this.scene.restart({ kind: 'menu', focus: focus.current }); } },
        // Letter keys off, for speech input and for keyboards pressed by accident; the remote's keys keep working.
        { label: s.shortcuts ? t('shortcutsOn') : t('shortcutsOff'), act: () => { settings.update({ shortcuts: !s.shortcuts }); this.scene.restart({ kind: 'menu', focus: focus.current }); } },
        { label: t('backToTitle'), act: room ? ask('title') : () => goTitle(this.game) },
      ];
    }
    const gap = 18;
    const columnGap = 40;
    const buttons: Button[] = [];
    const make = (width: number) =>
      entries.map((entry, i) => {
        const button = new Button(this, 0, 0, { width, label: entry.label, textSize: size.choice, onActivate: entry.act, onHover: () => focus.focus(i) });
        buttons.push(button);
        return button;
      });
    let buttonWidth = 760;
    let probe = make(buttonWidth);
    const cursor = probe.reduce((sum, b) => sum + b.buttonHeight + gap, 0);
    const questionText = question ? addText(this, STAGE.width / 2, 0, question, { size: 34, width: buttonWidth, originX: 0.5, align: 'center' }) : null;
    const questionHeight = questionText ? questionText.height + 30 : 0;
    // A menu taller than the stage goes in two columns, read down the first, then the second; on a
    // narrow (4:3) stage the buttons narrow so that both columns stay on it.
    const columns = 200 + cursor + questionHeight > STAGE.height - 40 ? 2 : 1;
    const fits = Math.floor((STAGE.width - 240 - (columns - 1) * columnGap) / columns);
    if (fits < buttonWidth) {
      for (const button of buttons.splice(0)) button.destroy();
      buttonWidth = fits;
      probe = make(buttonWidth);
    }
    const perColumn = Math.ceil(probe.length / columns);
    const columnHeights = Array.from({ length: columns }, (_, c) => probe.slice(c * perColumn, (c + 1) * perColumn).reduce((sum, b) => sum + b.buttonHeight + gap, 0));
    const height = 200 + Math.max(...columnHeights) + questionHeight;
    const { y } = this.panel(columns * buttonWidth + (columns - 1) * columnGap + 160, height);
    addText(this, STAGE.width / 2, y + 50, title, { size: size.heading, bold: true, originX: 0.5 });
    if (questionText) {
      questionText.setY(y + 140);
      this.children.bringToTop(questionText);
    }
    const left = (STAGE.width - columns * buttonWidth - (columns - 1) * columnGap) / 2;
    let top = y + 150 + questionHeight;
    probe.forEach((button, i) => {
      if (i > 0 && i % perColumn === 0) top = y + 150 + questionHeight;
      this.children.bringToTop(button);
      button.setPosition(left + Math.floor(i / perColumn) * (buttonWidth + columnGap), top);
      top += button.buttonHeight + gap;
    });
    const focus = new FocusList(buttons);
    focus.focus(this.confirming ? 0 : (this.sys.settings.data as { focus?: number } | undefined)?.focus ?? 0);
    const labels = entries.map((e) => e.label);
    this.describe = () => ({
      title,
      // The other language's name is read in that language.
      regions: [...(question ? [{ role: 'text' as const, text: question }] : []), { role: 'buttons', items: focus.items('menu-', (i) => (!this.confirming && labels[i] === t('languageSwitch') ? { lang: otherLanguage() } : {})) }],
      focus: focus.focusId('menu-'),
      facts: { title, question, buttons: labels, focus: focus.current },
    });
    this.release = pushHandler((command: Command) => {
      switch (command.kind) {
        case 'menu': if (this.confirming) this.scene.restart({ kind: 'menu' }); else this.close(); return true;
        case 'next': case 'forward': focus.move(1); return true;
        case 'previous': case 'back': focus.move(-1); return true;
        case 'confirm': focus.activate(); return true;
        case 'choice': if (command.index < buttons.length) { focus.focus(command.index); focus.activate(); } return true;
        default: return false;
      }
    });
  }
}
