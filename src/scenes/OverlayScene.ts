/** Drawn over the current screen: the pause menu, the key help, or a black screen for the presenter. */
import * as Phaser from 'phaser';
import { language, t } from '../locales/index.ts';
import { openPaper, paperScenarios, scenarioInPlay } from '../paper/open.ts';
import type { MessageKey } from '../locales/en.ts';
import { pushHandler, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showOverlay } from '../platform/screen.ts';
import { settings } from '../platform/settings.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { Button, FocusList } from '../ui/button.ts';
import { addText } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { goRestart, goTitle, toggleLanguage, toggleSound } from './navigation.ts';
import { helpRowsFor } from './workshopHelp.ts';

export type OverlayKind = 'menu' | 'help' | 'blank';

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

  init(data: { kind?: OverlayKind }): void {
    this.kind = data.kind ?? 'menu';
  }

  create(): void {
    fitCamera(this);
    showOverlay(this.kind);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.release?.();
      this.release = null;
      showOverlay(null);
      requestFrames();
    });
    if (this.kind === 'blank') this.drawBlank();
    else if (this.kind === 'help') this.drawHelp();
    else this.drawMenu();
    requestFrames();
  }

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
    addText(this, STAGE.width / 2, STAGE.height - 60, t('blankHint'), { size: size.small, colour: 0x3a3a3a, originX: 0.5, originY: 0.5 });
    this.release = pushHandler(() => {
      this.close();
      return true;
    });
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
    const rowHeight = 66;
    const rows = helpRowsFor(HELP_ROWS);
    const height = 230 + rows.length * rowHeight;
    const { x, y } = this.panel(1240, height);
    addText(this, STAGE.width / 2, y + 56, t('helpTitle'), { size: size.heading, bold: true, originX: 0.5 });
    rows.forEach(([keys, action], i) => {
      const rowY = y + 150 + i * rowHeight;
      addText(this, x + 80, rowY, t(keys), { size: size.body, bold: true, colour: colour.accent });
      addText(this, x + 520, rowY, t(action), { size: size.body });
    });
    addText(this, STAGE.width / 2, y + height - 36, t('helpClose'), { size: size.small, colour: colour.inkSoft, originX: 0.5, originY: 1 });
    this.release = pushHandler(() => {
      this.close();
      return true;
    });
  }

  private drawMenu(): void {
    this.backdrop(colour.shadow, 0.7, false);
    const s = settings.get();
    const entries: { label: string; act: () => void }[] = [
      { label: t('resume'), act: () => this.close() },
      { label: t('restart'), act: () => goRestart(this.game) },
      { label: t('languageSwitch'), act: () => toggleLanguage(this.game) },
      { label: s.muted ? t('soundOff') : t('soundOn'), act: () => { toggleSound(); this.scene.restart({ kind: 'menu' }); } },
      { label: s.showNumbers ? t('numbersOn') : t('numbersOff'), act: () => { settings.update({ showNumbers: !s.showNumbers }); this.scene.restart({ kind: 'menu' }); } },
      { label: t('paperButton'), act: () => { const playing = scenarioInPlay(); openPaper(playing ? [playing] : paperScenarios(), language()); } },
      { label: t('backToTitle'), act: () => goTitle(this.game) },
    ];
    const buttonWidth = 760;
    const gap = 18;
    const buttons: Button[] = [];
    let cursor = 0;
    const probe = entries.map((entry, i) => {
      const button = new Button(this, 0, 0, { width: buttonWidth, label: entry.label, textSize: size.choice, onActivate: entry.act, onHover: () => focus.focus(i) });
      buttons.push(button);
      cursor += button.buttonHeight + gap;
      return button;
    });
    const height = 200 + cursor;
    const { y } = this.panel(buttonWidth + 160, height);
    addText(this, STAGE.width / 2, y + 50, t('menuTitle'), { size: size.heading, bold: true, originX: 0.5 });
    let top = y + 150;
    for (const button of probe) {
      this.children.bringToTop(button);
      button.setPosition((STAGE.width - buttonWidth) / 2, top);
      top += button.buttonHeight + gap;
    }
    const focus = new FocusList(buttons);
    focus.focus(0);
    this.release = pushHandler((command: Command) => {
      switch (command.kind) {
        case 'menu': this.close(); return true;
        case 'next': case 'forward': focus.move(1); return true;
        case 'previous': case 'back': focus.move(-1); return true;
        case 'confirm': focus.activate(); return true;
        case 'choice': if (command.index < buttons.length) { focus.focus(command.index); focus.activate(); } return true;
        default: return false;
      }
    });
  }
}
