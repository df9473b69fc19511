/**
 * Before and after on the projector: the scenario's statements, rated on the phones from 1 (disagree)
 * to 5 (agree). R on the workshop's cards asks "before", R on the debrief asks "after"; while the
 * phones rate, the totals grow live, and the two distributions stand side by side per statement, so
 * the room sees what changed. Enter, R or Q closes the rating and goes back; the phones follow.
 */
import * as Phaser from 'phaser';
import { say, t } from '../locales/index.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { STAGE, stageSize } from '../platform/viewport.ts';
import { syncPhones } from '../session/phones.ts';
import { closeRating, onRatings, ratingOpen, ratingsOf } from '../session/ratings.ts';
import type { Room } from '../session/room.ts';
import { listScreen } from '../ui/describe.ts';
import { addText, clampLines, fitHeight } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { goScreen, ratingCameFrom } from './flow.ts';
import { RoomScene } from './roomScene.ts';

const LEFT = 110;

/** "1: 3 · 2: 0 · 3: 5 · 4: 1 · 5: 0": a distribution in words, for the accessible layer. */
function inWords(counts: readonly number[] | undefined): string {
  return counts ? counts.map((n, i) => `${i + 1}: ${n}`).join(' · ') : t('ratingNotYet');
}

export class RatingScene extends RoomScene {
  constructor() {
    super('rating');
  }

  create(): void {
    const room = this.openRoom();
    if (!room) return;
    const seed = room.workshop.seed;
    const statements = room.scenario.debrief?.statements ?? [];
    const moment = ratingOpen(seed);
    const release = pushHandler((command) => this.handle(room, command));
    const stop = onRatings(() => {
      if (this.scene.isActive() && ratingOpen(seed) !== null) {
        this.scene.restart();
        requestFrames();
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      release();
      stop();
    });
    const { width } = stageSize();
    const inner = width - 2 * LEFT;
    const title = t(moment === 'after' ? 'ratingTitleAfter' : 'ratingTitleBefore');
    addText(this, LEFT, 48, title, { size: 52, bold: true, width: inner });
    addText(this, LEFT, 124, t('ratingScale'), { size: 28, colour: colour.inkSoft, width: inner });
    const { before, after } = ratingsOf(seed);
    const count = Math.min(statements.length, 8);
    const top = 190;
    const bottom = STAGE.height - 70;
    const rowHeight = Math.floor((bottom - top) / Math.max(1, count));
    const textWidth = Math.round(inner * 0.42);
    const chartX = LEFT + textWidth + 40;
    const chartWidth = (inner - textWidth - 40 - 40) / 2;
    const shown: { statement: string; before: number[] | null; after: number[] | null }[] = [];
    for (let i = 0; i < count; i++) {
      const y = top + i * rowHeight;
      const text = addText(this, LEFT, y + 8, say(statements[i]!), { size: 32, bold: true, width: textWidth });
      fitHeight(text, rowHeight - 16, 28);
      clampLines(text, Math.max(1, Math.floor((rowHeight - 16) / 40)));
      const rowBefore = before?.[i] ?? null;
      const rowAfter = after?.[i] ?? null;
      this.drawBars(chartX, y, chartWidth, rowHeight - 12, t('ratingBefore'), rowBefore, colour.fill);
      this.drawBars(chartX + chartWidth + 40, y, chartWidth, rowHeight - 12, t('ratingAfter'), rowAfter, colour.accent);
      shown.push({ statement: text.text, before: rowBefore, after: rowAfter });
    }
    addText(this, LEFT, STAGE.height - 56, t('ratingHint'), { size: 28, colour: colour.inkSoft, width: inner });
    showScreen('rating', () => listScreen(title, null, { stage: stageSize(), moment, statements: shown }, [
      { role: 'text', text: t('ratingScale') },
      { role: 'values', items: shown.map((s, i) => ({ id: `statement-${i}`, label: s.statement, value: `${t('ratingBefore')}: ${inWords(s.before ?? undefined)}; ${t('ratingAfter')}: ${inWords(s.after ?? undefined)}` })) },
    ]));
    settle();
    requestFrames();
  }

  /** Five bars (ratings 1–5) with their counts above and the rating below; a label says which moment. */
  private drawBars(x: number, y: number, width: number, height: number, label: string, counts: number[] | null, fill: number): void {
    addText(this, x, y, label, { size: 28, bold: true, colour: colour.inkSoft });
    const top = y + 40;
    const base = y + height - 36;
    const most = Math.max(1, ...(counts ?? [0]));
    const slot = width / 5;
    const g = this.add.graphics();
    g.lineStyle(2, colour.inkSoft, 1).lineBetween(x, base, x + width, base);
    for (let v = 0; v < 5; v++) {
      const n = counts?.[v] ?? 0;
      const barHeight = counts ? Math.round(((base - top - 36) * n) / most) : 0;
      const bx = x + v * slot + slot * 0.18;
      g.fillStyle(fill, 1).fillRect(bx, base - barHeight, slot * 0.64, barHeight);
      if (counts) addText(this, bx + slot * 0.32, base - barHeight - 4, String(n), { size: 28, bold: true, originX: 0.5, originY: 1 });
      addText(this, bx + slot * 0.32, base + 4, String(v + 1), { size: 28, colour: colour.inkSoft, originX: 0.5 });
    }
    if (!counts) addText(this, x + width / 2, (top + base) / 2, t('ratingNotYet'), { size: 28, colour: colour.inkSoft, originX: 0.5, originY: 0.5 });
  }

  private handle(room: Room, command: Command): boolean {
    switch (command.kind) {
      case 'letter':
        if (command.key === 'r' || command.key === 'q') this.back(room);
        return true;
      case 'confirm': case 'forward':
        this.back(room);
        return true;
      case 'choice': case 'next': case 'previous': case 'back': case 'more': case 'less': case 'digit': return true;
      default: return false;
    }
  }

  private back(room: Room): void {
    closeRating(room.workshop.seed);
    syncPhones();
    goScreen(this.game, ratingCameFrom());
  }
}
