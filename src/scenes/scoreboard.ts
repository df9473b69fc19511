/** Every team's meters side by side: between turns, and in the group debrief. */
import type * as Phaser from 'phaser';
import { meterBounds, meterDanger } from '../engine/meters.ts';
import { plural, say, t } from '../locales/index.ts';
import type { Room } from '../session/room.ts';
import { addIcon } from '../ui/art.ts';
import { drawColumnLabels } from '../ui/columnLabels.ts';
import { addText, fitWidth, fitWords, shrinkToWidth } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { own } from '../engine/own.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  bottom: number;
}

export interface ScoreRow {
  team: string;
  status: string;
  meters: Record<string, number>;
}

/** One row per team; `highlight` marks the team whose turn is next (-1 for none). */
export function drawScoreboard(scene: Phaser.Scene, room: Room, box: Box, highlight: number): ScoreRow[] {
  const { scenario } = room;
  const teams = room.workshop.teams;
  // Room text stays 28 px or more: narrower stages give the name column less, not smaller type. The
  // status sits under the team's name, so the meters keep the width their labels need.
  const nameWidth = Math.min(560, box.width * 0.32);
  const meterWidth = (box.width - nameWidth) / scenario.meters.length;
  // Created first so that it lies under the labels, drawn once the header's height is known.
  const g = scene.add.graphics();
  const centres = scenario.meters.map((_, m) => box.x + nameWidth + meterWidth * (m + 0.5));
  // Each label over its column, wrapped between words only; labels too long take turns on two rows.
  const labels = drawColumnLabels(scene, scenario.meters.map((meter) => say(meter.label)), centres, meterWidth, box.y + 68, { size: 30, minSize: 28, left: box.x, right: box.x + box.width });
  const header = Math.max(110, 68 + labels.height + 12);
  const rowHeight = Math.min(120, (box.bottom - box.y - header) / Math.max(1, teams.length));
  g.fillStyle(colour.card, 1).fillRoundedRect(box.x - 20, box.y, box.width + 40, header + rowHeight * teams.length + 10, 24);
  g.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(box.x - 20, box.y, box.width + 40, header + rowHeight * teams.length + 10, 24);
  scenario.meters.forEach((meter, m) => addIcon(scene, meter.icon, centres[m]!, box.y + 38, 48, colour.accent));
  return teams.map((team, i) => {
    const y = box.y + header + i * rowHeight;
    if (i === highlight) g.fillStyle(colour.accentSoft, 1).fillRoundedRect(box.x - 8, y + 4, box.width + 16, rowHeight - 8, 16);
    g.lineStyle(2, colour.cardEdge, 1).lineBetween(box.x, y, box.x + box.width, y);
    // The name (on two lines when the row has room for them), the status on the line under it, together in the row's middle.
    const name = addText(scene, box.x + 10, y, team.name, { size: 34, bold: true });
    if (!shrinkToWidth(name, nameWidth - 30, 28)) fitWords(name, nameWidth - 30, 28, rowHeight >= 110 ? 2 : 1);
    const ending = team.state.end ? scenario.endings?.find((e) => e.id === team.state.end!.ending) : undefined;
    const status = team.state.end ? (ending ? say(ending.title) : t('endingTheEnd')) : i === highlight ? t('scoreboardUp') : plural('scoreboardDecisionsOne', 'scoreboardDecisionsOther', team.decisions.length);
    const statusText = addText(scene, box.x + 10, y, status, { size: 28, bold: team.state.end !== null, colour: team.state.end ? colour.danger : colour.inkSoft });
    fitWidth(statusText, nameWidth - 30, 28);
    const top = y + Math.max(4, (rowHeight - name.height - statusText.height) / 2);
    name.setY(top);
    statusText.setY(top + name.height);
    scenario.meters.forEach((meter, m) => {
      const value = own(team.state.meters, meter.id)!;
      const { min, max } = meterBounds(meter);
      const x = box.x + nameWidth + meterWidth * m + 16;
      const width = meterWidth - 32;
      const danger = meterDanger(meter, value) !== null;
      g.fillStyle(colour.track, 1).fillRoundedRect(x, y + rowHeight / 2 + 8, width, 16, 8);
      g.fillStyle(danger ? colour.danger : colour.fill, 1).fillRoundedRect(x, y + rowHeight / 2 + 8, Math.max(16, (width * (value - min)) / (max - min)), 16, 8);
      addText(scene, x + width / 2, y + rowHeight / 2 - 16, `${danger ? '! ' : ''}${value}`, { size: 30, bold: true, colour: danger ? colour.danger : colour.ink, originX: 0.5, originY: 0.5 });
    });
    return { team: team.name, status, meters: { ...team.state.meters } };
  });
}
