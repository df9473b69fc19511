/**
 * The row of meters at the top of the play screen: icon, label, bar, and on request the value as a
 * number. Previews, changes and danger are each shown with a shape or a sign as well as a colour.
 */
import * as Phaser from 'phaser';
import type { Meter, Scenario } from '../engine/format.ts';
import { meterBounds, meterDanger } from '../engine/meters.ts';
import type { MeterPreview } from '../engine/preview.ts';
import { say, t } from '../locales/index.ts';
import { motionMs } from '../platform/motion.ts';
import { requestFrames } from '../platform/redraw.ts';
import { STAGE } from '../platform/viewport.ts';
import { addIcon } from './art.ts';
import { addText, clampLines, shrinkToWidth } from './text.ts';
import { signed } from '../locales/format.ts';
import { colour, css, motion, size } from './theme.ts';
import { own } from '../engine/own.ts';

const METER_BAND = { top: 16, height: 236 } as const;
const ICON = 76;
const ICON_Y = 100;
const MARK_Y = 40;
const LABEL_Y = 148;
const BAR_Y = 184;
const BAR_H = 18;
const NOTE_Y = 214;

/**
 * A Text made the first time it has something to show, placed in the drawing order just above
 * `below`. Most of a meter's texts (its number, danger note, preview mark and change) are empty at
 * the start, and every Text costs a canvas, a context and a render: on a slow laptop twenty empty
 * ones were a fair part of drawing the first card.
 */
class LateText {
  private made: Phaser.GameObjects.Text | null = null;

  constructor(private readonly below: Phaser.GameObjects.GameObject, private readonly make: () => Phaser.GameObjects.Text) {}

  get text(): string {
    return this.made?.text ?? '';
  }

  /** The Text itself, made now if it was not yet. */
  object(): Phaser.GameObjects.Text {
    if (!this.made) {
      this.made = this.make();
      const list = this.below.scene?.children;
      const at = list ? list.getIndex(this.below) : -1;
      if (list && at >= 0) list.moveTo(this.made, at + 1);
    }
    return this.made;
  }

  setText(content: string): void {
    if (this.made || content !== '') this.object().setText(content);
  }
}

interface Slot {
  meter: Meter;
  x: number;
  width: number;
  value: number;
  back: Phaser.GameObjects.Graphics;
  badge: Phaser.GameObjects.Graphics;
  bar: Phaser.GameObjects.Graphics;
  number: LateText;
  note: LateText;
  marks: Phaser.GameObjects.Graphics;
  markText: LateText;
  delta: LateText;
  hovered: boolean;
}

export function meterTriangle(g: Phaser.GameObjects.Graphics, x: number, y: number, half: number, up: boolean): void {
  if (up) g.fillTriangle(x - half, y + half * 0.8, x + half, y + half * 0.8, x, y - half * 0.8);
  else g.fillTriangle(x - half, y - half * 0.8, x + half, y - half * 0.8, x, y + half * 0.8);
}

export class MeterRow {
  private readonly slots: Slot[] = [];
  private previews: MeterPreview[] = [];

  /** `layout.width`: the stage width to centre on; `layout.minText`: the smallest text allowed (28 on room screens). */
  constructor(private readonly scene: Phaser.Scene, scenario: Scenario, values: Record<string, number>, private readonly showNumbers: boolean, layout: { width?: number; minText?: number } = {}) {
    const n = scenario.meters.length;
    const stageWidth = layout.width ?? STAGE.width;
    const minText = layout.minText ?? 0;
    const width = Math.min(320, (stageWidth - 160) / n);
    const left = (stageWidth - width * n) / 2;
    const band = scene.add.graphics();
    band.fillStyle(colour.card, 1).fillRoundedRect(left - 24, METER_BAND.top, width * n + 48, METER_BAND.height, 28);
    band.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(left - 24, METER_BAND.top, width * n + 48, METER_BAND.height, 28);
    scenario.meters.forEach((meter, i) => {
      const x = left + width * i + width / 2;
      const back = scene.add.graphics();
      const label = addText(scene, x, LABEL_Y, say(meter.label), { size: Math.max(size.meterLabel, minText), bold: true, originX: 0.5 });
      // A label that cannot shrink further (room screens) wraps onto two lines above its bar, under a smaller icon.
      const wrapped = !shrinkToWidth(label, width - 12, Math.max(20, minText));
      if (wrapped) {
        label.setWordWrapWidth(width - 12, true).setAlign('center').setLineSpacing(0).setOrigin(0.5, 1).setY(BAR_Y - 4);
        clampLines(label, 2);
      }
      addIcon(scene, meter.icon, x, wrapped ? ICON_Y - 14 : ICON_Y, wrapped ? 52 : ICON, colour.accent);
      const badge = scene.add.graphics();
      const bar = scene.add.graphics();
      const number = new LateText(bar, () => addText(scene, x + width / 2 - 22, BAR_Y + BAR_H / 2, '', { size: Math.max(size.small, minText), bold: true, originX: 1, originY: 0.5 }));
      const note = new LateText(bar, () => addText(scene, x, NOTE_Y, '', { size: Math.max(24, minText), bold: true, colour: colour.danger, originX: 0.5 }));
      const marks = scene.add.graphics();
      const markText = new LateText(marks, () => addText(scene, x + 26, MARK_Y, '', { size: 28, bold: true, originY: 0.5 }));
      const delta = new LateText(marks, () => addText(scene, x + ICON / 2 + 14, ICON_Y, '', { size: 36, bold: true, originY: 0.5 }));
      const zone = scene.add.zone(x - width / 2, METER_BAND.top, width, METER_BAND.height).setOrigin(0, 0).setInteractive();
      const slot: Slot = { meter, x, width, value: own(values, meter.id) ?? meter.start, back, badge, bar, number, note, marks, markText, delta, hovered: false };
      // Pointing at a meter shows its number even when numbers are off: "value as number on focus".
      zone.on('pointerover', () => { slot.hovered = true; this.paint(slot); requestFrames(); });
      zone.on('pointerout', () => { slot.hovered = false; this.paint(slot); requestFrames(); });
      this.slots.push(slot);
      this.paint(slot);
    });
  }

  private barWidth(slot: Slot): number {
    return slot.width - 56 - (this.numbersVisible(slot) ? 56 : 0);
  }

  private numbersVisible(slot: Slot): boolean {
    return this.showNumbers || slot.hovered;
  }

  private paint(slot: Slot, shownValue = slot.value): void {
    const { meter, x, width } = slot;
    const { min, max } = meterBounds(meter);
    const danger = meterDanger(meter, slot.value);
    const share = Math.min(1, Math.max(0, (shownValue - min) / (max - min)));
    const barWidth = this.barWidth(slot);
    const barX = x - width / 2 + 28;

    slot.back.clear();
    slot.badge.clear();
    if (danger) {
      slot.back.fillStyle(colour.dangerSoft, 1).fillRoundedRect(x - width / 2 + 6, METER_BAND.top + 10, width - 12, METER_BAND.height - 20, 20);
      slot.back.lineStyle(4, colour.danger, 1).strokeRoundedRect(x - width / 2 + 6, METER_BAND.top + 10, width - 12, METER_BAND.height - 20, 20);
      // A "!" badge on the icon: the warning does not depend on seeing red.
      const bx = x + ICON / 2 - 4;
      const by = ICON_Y - ICON / 2 + 6;
      slot.badge.fillStyle(colour.white, 1).fillCircle(bx, by, 21);
      slot.badge.fillStyle(colour.danger, 1).fillCircle(bx, by, 18);
      slot.badge.fillStyle(colour.white, 1).fillRoundedRect(bx - 3, by - 12, 6, 15, 3).fillCircle(bx, by + 9, 3.5);
    }
    const g = slot.bar.clear();
    g.fillStyle(colour.track, 1).fillRoundedRect(barX, BAR_Y, barWidth, BAR_H, BAR_H / 2);
    g.lineStyle(2, colour.inkSoft, 0.6).strokeRoundedRect(barX, BAR_Y, barWidth, BAR_H, BAR_H / 2);
    const fillWidth = Math.max(share > 0 ? BAR_H : 0, barWidth * share);
    if (fillWidth > 0) g.fillStyle(danger ? colour.danger : colour.fill, 1).fillRoundedRect(barX, BAR_Y, fillWidth, BAR_H, BAR_H / 2);
    slot.number.setText(this.numbersVisible(slot) ? String(Math.round(shownValue)) : '');
    slot.note.setText(danger === 'low' ? t('dangerLow') : danger === 'high' ? t('dangerHigh') : '');
  }

  /** Moves the bars to new values, showing each change as a signed number beside the icon. */
  showChange(before: Record<string, number>, after: Record<string, number>, deltas: Record<string, number>, animate: boolean): void {
    for (const slot of this.slots) {
      const from = own(before, slot.meter.id) ?? slot.value;
      slot.value = own(after, slot.meter.id) ?? slot.value;
      const delta = own(deltas, slot.meter.id) ?? 0;
      if (delta === 0) slot.delta.setText('');
      else slot.delta.object().setText(signed(delta)).setColor(css(delta > 0 ? colour.up : colour.down));
      const duration = animate ? motionMs(motion.meter) : 0;
      if (duration === 0 || from === slot.value) {
        this.paint(slot);
        continue;
      }
      this.paint(slot, from);
      slot.delta.object().setAlpha(0);
      this.scene.tweens.add({ targets: slot.delta.object(), alpha: 1, duration: motion.fade });
      this.scene.tweens.addCounter({
        from,
        to: slot.value,
        duration,
        ease: 'Cubic.easeOut',
        onUpdate: (tween) => this.paint(slot, tween.getValue() ?? slot.value),
        onComplete: () => this.paint(slot),
      });
    }
    requestFrames();
  }

  /** Marks the meters a focused choice would move, exactly as the engine's preview says. */
  showPreview(previews: MeterPreview[]): void {
    this.previews = previews;
    for (const slot of this.slots) {
      slot.marks.clear();
      slot.markText.setText('');
    }
    for (const preview of previews) {
      const slot = this.slots.find((s) => s.meter.id === preview.meter);
      if (!slot) continue;
      const large = preview.size === 'large';
      const g = slot.marks;
      if (preview.direction) {
        g.fillStyle(preview.direction === 'up' ? colour.up : colour.down, 1);
        meterTriangle(g, slot.x, MARK_Y, large ? 20 : 12, preview.direction === 'up');
      } else {
        g.fillStyle(colour.ink, 1).fillCircle(slot.x, MARK_Y, large ? 15 : 8);
      }
      if (preview.amount !== undefined) {
        slot.markText.object().setText(signed(preview.amount)).setColor(css(preview.amount > 0 ? colour.up : colour.down));
      }
    }
    requestFrames();
  }

  describe(): { id: string; label: string; value: number; danger: string | null; delta: string; preview: MeterPreview | null }[] {
    return this.slots.map((slot) => ({
      id: slot.meter.id,
      label: say(slot.meter.label),
      value: slot.value,
      danger: meterDanger(slot.meter, slot.value),
      delta: slot.delta.text,
      preview: this.previews.find((p) => p.meter === slot.meter.id) ?? null,
    }));
  }
}
