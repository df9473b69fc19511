/** Every team's meters side by side: between turns, and in the group debrief. */
import type * as Phaser from 'phaser';
import { meterBounds, meterDanger } from '../engine/meters.ts';
import { say, t } from '../locales/index.ts';
import type { Room } from '../session/room.ts';
import { addIcon } from '../ui/art.ts';
import { addText, fitWidth } from '../ui/text.ts';
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
  const nameWidth = 380;
  const statusWidth = 360;
  const meterWidth = (box.width - nameWidth - statusWidth) / scenario.meters.length;
  const header = 110;
  const rowHeight = Math.min(120, (box.bottom - box.y - header) / Math.max(1, teams.length));
  const g = scene.add.graphics();
  g.fillStyle(colour.card, 1).fillRoundedRect(box.x - 20, box.y, box.width + 40, header + rowHeight * teams.length + 10, 24);
  g.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(box.x - 20, box.y, box.width + 40, header + rowHeight * teams.length + 10, 24);
  scenario.meters.forEach((meter, m) => {
    const cx = box.x + nameWidth + statusWidth + meterWidth * (m + 0.5);
    addIcon(scene, meter.icon, cx, box.y + 38, 48, colour.accent);
    fitWidth(addText(scene, cx, box.y + 84, say(meter.label), { size: 24, bold: true, originX: 0.5, originY: 0.5 }), meterWidth - 16, 16);
  });
  return teams.map((team, i) => {
    const y = box.y + header + i * rowHeight;
    if (i === highlight) g.fillStyle(colour.accentSoft, 1).fillRoundedRect(box.x - 8, y + 4, box.width + 16, rowHeight - 8, 16);
    g.lineStyle(2, colour.cardEdge, 1).lineBetween(box.x, y, box.x + box.width, y);
    const name = addText(scene, box.x + 10, y + rowHeight / 2, team.name, { size: 34, bold: true, originY: 0.5 });
    fitWidth(name, nameWidth - 30, 20);
    const ending = team.state.end ? scenario.endings?.find((e) => e.id === team.state.end!.ending) : undefined;
    const status = team.state.end ? (ending ? say(ending.title) : t('endingTheEnd')) : i === highlight ? t('scoreboardUp') : t('scoreboardPlaying', { turns: team.decisions.length });
    const statusText = addText(scene, box.x + nameWidth, y + rowHeight / 2, status, { size: 26, bold: team.state.end !== null, colour: team.state.end ? colour.danger : colour.inkSoft, originY: 0.5, width: statusWidth - 20 });
    if (statusText.height > rowHeight - 10) fitWidth(statusText, statusWidth - 20, 18);
    scenario.meters.forEach((meter, m) => {
      const value = own(team.state.meters, meter.id)!;
      const { min, max } = meterBounds(meter);
      const x = box.x + nameWidth + statusWidth + meterWidth * m + 16;
      const width = meterWidth - 32;
      const danger = meterDanger(meter, value) !== null;
      g.fillStyle(colour.track, 1).fillRoundedRect(x, y + rowHeight / 2 + 8, width, 16, 8);
      g.fillStyle(danger ? colour.danger : colour.fill, 1).fillRoundedRect(x, y + rowHeight / 2 + 8, Math.max(16, (width * (value - min)) / (max - min)), 16, 8);
      addText(scene, x + width / 2, y + rowHeight / 2 - 16, `${danger ? '! ' : ''}${value}`, { size: 30, bold: true, colour: danger ? colour.danger : colour.ink, originX: 0.5, originY: 0.5 });
    });
    return { team: team.name, status, meters: { ...team.state.meters } };
  });
}
