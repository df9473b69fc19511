/**
 * Every meter over the turns, each line ending in its icon and name so the lines can be told apart
 * without colour.
 */
import * as Phaser from 'phaser';
import type { Scenario } from '../engine/format.ts';
import { meterBounds } from '../engine/meters.ts';
import { say, t } from '../locales/index.ts';
import { addIcon } from './art.ts';
import { addText, fitWords, shrinkToWidth } from './text.ts';
import { colour, seriesColours } from './theme.ts';
import { own } from '../engine/own.ts';

interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const LABEL_SPACE = 330;
const LABEL_GAP = 40;

export function drawChart(scene: Phaser.Scene, scenario: Scenario, series: Record<string, number[]>, box: ChartBox): void {
  const g = scene.add.graphics();
  g.fillStyle(colour.card, 1).fillRoundedRect(box.x - 24, box.y - 24, box.width + 48, box.height + 48, 28);
  // The labels first (over the card), so the space beside the lines can fit their longest word: a
  // narrow chart (two or three teams side by side on a 4:3 projector) gives them up to 60% of its width.
  const labels = new Map(scenario.meters.flatMap((meter, m) => ((own(series, meter.id) ?? []).length === 0 ? [] : [[m, addText(scene, 0, 0, say(meter.label), { size: 28, bold: true, colour: seriesColours[m % seriesColours.length]!, originY: 0.5 })] as const])));
  const widestWord = Math.max(0, ...[...labels.values()].flatMap((label) => label.text.split(/\s+/).map((w) => label.context.measureText(w).width)));
  const labelSpace = Math.min(box.width * 0.6, Math.max(Math.min(LABEL_SPACE, box.width * 0.5), widestWord + 76));
  const plot = { x: box.x + 40, y: box.y + 10, width: box.width - labelSpace - 40, height: box.height - 60 };
  g.lineStyle(2, colour.cardEdge, 1);
  for (let i = 0; i <= 4; i++) {
    const y = plot.y + (plot.height * i) / 4;
    g.lineBetween(plot.x, y, plot.x + plot.width, y);
  }
  g.lineStyle(3, colour.inkSoft, 1).lineBetween(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);

  const points = Object.values(series).reduce((most, s) => Math.max(most, s.length), 2);
  const xAt = (i: number) => plot.x + (plot.width * i) / (points - 1);
  addText(scene, plot.x, plot.y + plot.height + 14, t('chartStart'), { size: 28, colour: colour.inkSoft });
  const bounds = scenario.meters.map(meterBounds);
  if (bounds.every((b) => b.min === bounds[0]!.min && b.max === bounds[0]!.max)) {
    const { min, max } = bounds[0]!;
    for (let i = 0; i <= 4; i++) {
      addText(scene, plot.x - 14, plot.y + (plot.height * i) / 4, String(Math.round(max - ((max - min) * i) / 4)), { size: 28, colour: colour.inkSoft, originX: 1, originY: 0.5 });
    }
  }
  addText(scene, plot.x + plot.width, plot.y + plot.height + 14, String(points - 1), { size: 28, colour: colour.inkSoft, originX: 1 });

  const ends: { y: number; meterIndex: number }[] = [];
  scenario.meters.forEach((meter, m) => {
    const values = own(series, meter.id) ?? [];
    if (values.length === 0) return;
    const { min, max } = meterBounds(meter);
    const yAt = (v: number) => plot.y + plot.height * (1 - (v - min) / (max - min));
    const line = seriesColours[m % seriesColours.length]!;
    g.lineStyle(6, line, 1).beginPath();
    values.forEach((v, i) => (i === 0 ? g.moveTo(xAt(i), yAt(v)) : g.lineTo(xAt(i), yAt(v))));
    g.strokePath();
    const lastX = xAt(values.length - 1);
    const lastY = yAt(values[values.length - 1]!);
    g.fillStyle(line, 1).fillCircle(lastX, lastY, 10);
    ends.push({ y: lastY, meterIndex: m });
  });

  // A name too long for the space beside the lines goes on two lines, between words, rather than being cut.
  const labelX = plot.x + plot.width + 28;
  const labelWidth = box.x + box.width - labelX - 44;
  for (const label of labels.values()) {
    label.setX(labelX + 44);
    if (!shrinkToWidth(label, labelWidth, 28)) fitWords(label.setLineSpacing(0), labelWidth, 28, 2);
  }
  // Spread the end labels so none overlap, keeping their order.
  ends.sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  ends.forEach((end, i) => {
    const previous = placed[i - 1];
    const gap = i === 0 ? 0 : Math.max(LABEL_GAP, (labels.get(ends[i - 1]!.meterIndex)!.height + labels.get(end.meterIndex)!.height) / 2 + 4);
    placed.push(previous === undefined ? Math.max(plot.y, end.y) : Math.max(end.y, previous + gap));
  });
  const overflow = (placed[placed.length - 1] ?? 0) - (plot.y + plot.height);
  if (overflow > 0) for (let i = 0; i < placed.length; i++) placed[i] = placed[i]! - overflow;
  ends.forEach((end, i) => {
    const meter = scenario.meters[end.meterIndex]!;
    const y = placed[i]!;
    const line = seriesColours[end.meterIndex % seriesColours.length]!;
    g.lineStyle(2, line, 1).lineBetween(plot.x + plot.width + 10, end.y, labelX, y);
    addIcon(scene, meter.icon, labelX + 18, y, 36, line);
    labels.get(end.meterIndex)!.setY(y);
  });
}
