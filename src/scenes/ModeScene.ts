/**
 * After choosing a scenario: continue the saved solo game, play alone, or run a workshop. Tells the
 * player when their save could not be read (it was kept aside) or when nothing can be saved at all.
 * When storage was too full to keep an unreadable save or endings record aside, the player chooses:
 * download it, or start anew (only then may it be replaced).
 */
import * as Phaser from 'phaser';
import { capitalise, saveProblemText, say, t } from '../locales/index.ts';
import { pushHandler, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { downloadFile } from '../platform/download.ts';
import { saves, type Unkept } from '../platform/saves.ts';
import { showScreen } from '../platform/screen.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { findScenario } from '../session/levels.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { Button, FocusList } from '../ui/button.ts';
import { addText, fitHeight } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { goAlone, goScreen, modeVisit } from './flow.ts';
import { goTitle } from './navigation.ts';

const LEFT = 360;
const WIDTH = STAGE.width - LEFT * 2;

export class ModeScene extends Phaser.Scene {
  constructor() {
    super('mode');
  }

  create(data: { focus?: number; downloaded?: string[] }): void {
    const visit = modeVisit();
    const scenario = visit ? findScenario(visit.scenarioId) : undefined;
    if (!visit || !scenario) {
      goTitle(this.game);
      return;
    }
    fitCamera(this);
    drawBackdrop(this);
    const title = addText(this, STAGE.width / 2, 70, say(scenario.title), { size: 72, bold: true, originX: 0.5, width: STAGE.width - 240, align: 'center' });
    fitHeight(title, 190, 48);
    addText(this, STAGE.width / 2, title.y + title.height + 18, t('modeQuestion'), { size: size.subheading, colour: colour.inkSoft, originX: 0.5 });

    const lookup = visit.lookup;
    const saved = lookup.kind === 'ok' ? lookup.state : null;
    const unit = capitalise(say(scenario.turnUnit) || t('defaultTurnUnit'));
    const entries: { label: string; detail: string; act: () => void }[] = [];
    if (saved) {
      const where = scenario.turns ? t('turnOf', { unit, turn: saved.turn, total: scenario.turns }) : t('turnOnly', { unit, turn: saved.turn });
      entries.push({ label: t('modeContinue'), detail: t('modeContinueDetail', { where }), act: () => goAlone(this.game, true) });
    }
    const unkept = saves.unkept(scenario.id);
    if (unkept.length > 0) {
      const downloadAt = entries.length;
      entries.push({
        label: t('unkeptDownload'),
        detail: t('unkeptDownloadDetail'),
        act: () => this.scene.restart({ focus: downloadAt, downloaded: unkept.map((u) => downloadUnkept(u, scenario.id)) }),
      });
      entries.push({
        label: t('unkeptStartAnew'),
        detail: t('unkeptStartAnewDetail'),
        act: () => {
          saves.startAnew(scenario.id);
          goAlone(this.game, false);
        },
      });
    } else {
      entries.push({ label: saved ? t('modeAloneAgain') : t('modeAlone'), detail: saved ? t('modeAloneAgainDetail') : t('modeAloneDetail'), act: () => goAlone(this.game, false) });
    }
    entries.push({ label: t('modeWorkshop'), detail: t('modeWorkshopDetail'), act: () => goScreen(this.game, 'setup') });
    entries.push({ label: t('modeBack'), detail: '', act: () => goTitle(this.game) });

    const buttons: Button[] = [];
    let focus: FocusList | null = null;
    let y = 330;
    entries.forEach((entry, i) => {
      const button = new Button(this, LEFT, y, {
        width: WIDTH,
        label: entry.label,
        badge: String(i + 1),
        ...(entry.detail ? { detail: entry.detail, detailLines: 2 } : {}),
        textSize: 40,
        minHeight: entry.detail ? 140 : 100,
        onActivate: entry.act,
        onHover: () => focus?.focus(i),
      });
      buttons.push(button);
      y += button.buttonHeight + 26;
    });

    const notices: string[] = [];
    if (lookup.kind === 'unreadable' && lookup.keptAs) notices.push(t('saveUnreadable', { reason: saveProblemText(lookup.problem) }));
    if (unkept.length > 0) {
      const what = unkept.length > 1 ? t('unkeptBoth') : unkept[0]!.what === 'save' ? t('unkeptSave') : t('unkeptEndings');
      notices.push(t('unkeptNotice', { what }));
      for (const file of data.downloaded ?? []) notices.push(t('unkeptDownloaded', { file }));
    } else if (lookup.kind === 'unreadable' && !lookup.keptAs) {
      notices.push(t('saveUnreadableLost', { reason: saveProblemText(lookup.problem) }));
    }
    // The full-storage notice already says what failed; "stores nothing" would not be true.
    if (!saves.storageWorks() && unkept.length === 0) notices.push(t('storageOff'));
    if (notices.length > 0) {
      const text = addText(this, LEFT + 40, 0, notices.join('\n'), { size: 30, width: WIDTH - 80, lineSpacing: 8 });
      fitHeight(text, STAGE.height - 40 - y - 60, 22);
      const top = Math.max(y + 10, STAGE.height - 50 - text.height - 40);
      text.setY(top + 20);
      const box = this.add.graphics();
      box.fillStyle(colour.dangerSoft, 1).fillRoundedRect(LEFT, top, WIDTH, text.height + 40, 20);
      box.fillStyle(colour.danger, 1).fillRoundedRect(LEFT, top, 14, text.height + 40, { tl: 20, bl: 20, tr: 0, br: 0 });
      this.children.bringToTop(text);
    }

    focus = new FocusList(buttons);
    focus.focus(data.focus ?? 0);
    const release = pushHandler((command: Command) => {
      if (focus!.navigate(command)) return true;
      switch (command.kind) {
        case 'choice': if (command.index < buttons.length) { focus!.focus(command.index); focus!.activate(); } return true;
        case 'menu': goTitle(this.game); return true;
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    const labels = focus.labels();
    showScreen('mode', () => ({
      title: say(scenario.title),
      regions: [
        { role: 'buttons', label: t('modeQuestion'), items: focus!.items('mode-') },
        ...notices.map((text) => ({ role: 'notice' as const, text })),
      ],
      focus: focus!.focusId('mode-'),
      facts: { scenarioId: scenario.id, buttons: labels, focus: focus!.current, notices, canContinue: saved !== null, saveProblem: lookup.kind === 'unreadable' ? lookup : null, unkept: unkept.map((u) => u.what), downloaded: data.downloaded ?? [] },
    }));
    requestFrames();
  }
}

/** Hands the unreadable text to the player exactly as it was stored; returns the file name. */
function downloadUnkept(unkept: Unkept, scenarioId: string): string {
  const safe = scenarioId.replace(/[^a-z0-9-]+/gi, '-');
  const name = unkept.what === 'save' ? `many-masters-unreadable-save-${safe}.json` : 'many-masters-unreadable-endings.json';
  downloadFile(name, unkept.text, 'application/json;charset=utf-8');
  return name;
}
