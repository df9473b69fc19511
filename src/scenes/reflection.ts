/**
 * The personal report's own pages: the three choices that moved the meters most, and the
 * reflection questions with a box to write in, plus "Download my report". Also used by the group
 * debrief for the costliest decisions.
 */
import type * as Phaser from 'phaser';
import { weightiestChoices } from '../engine/debrief.ts';
import type { Scenario } from '../engine/format.ts';
import type { GameState } from '../engine/state.ts';
import { capitalise, language, say, t } from '../locales/index.ts';
import { downloadFile, reportFileName } from '../platform/download.ts';
import { renderReport } from '../report/report.ts';
import { answersFor, setAnswer } from '../session/answers.ts';
import { addArt, portraitKey } from '../ui/art.ts';
import { Button } from '../ui/button.ts';
import { FieldLayer, type Field } from '../ui/fields.ts';
import { signed } from '../locales/format.ts';
import { meterTriangle } from '../ui/meters.ts';
import { addText, clampLines, fitHeight } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { own } from '../engine/own.ts';
import { resolveText } from '../engine/text.ts';

export const QUESTIONS_PER_PAGE = 3;

export function reflectionPages(scenario: Scenario): number {
  return Math.max(1, Math.ceil((scenario.debrief?.questions?.length ?? 0) / QUESTIONS_PER_PAGE));
}

export function turnLabel(scenario: Scenario, turn: number): string {
  return t('turnOnly', { unit: capitalise(say(scenario.turnUnit) || t('defaultTurnUnit')), turn });
}

interface Box {
  x: number;
  y: number;
  width: number;
  bottom: number;
}

export interface WeightyRow {
  turn: number;
  card: string;
  choice: string;
  changes: string;
  /** Which team, turn and stakeholder, as the row's heading says. */
  where: string;
  team?: string;
}

/** One row per decision: who asked, what was chosen, and how each meter moved, with arrows. */
export function drawDecisionRows(scene: Phaser.Scene, scenario: Scenario, rows: { state: GameState; turn: number; card: string; choice: number; deltas: Record<string, number>; team?: string }[], box: Box): WeightyRow[] {
  const gap = 24;
  const height = Math.min(220, (box.bottom - box.y - gap * (rows.length - 1)) / Math.max(1, rows.length));
  return rows.map((row, i) => {
    const y = box.y + i * (height + gap);
    const card = scenario.cards.find((c) => c.id === row.card)!;
    const stakeholder = scenario.stakeholders.find((s) => s.id === card.from);
    const g = scene.add.graphics();
    g.fillStyle(colour.card, 1).fillRoundedRect(box.x, y, box.width, height, 24);
    g.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(box.x, y, box.width, height, 24);
    const portrait = Math.min(120, height - 40);
    addArt(scene, portraitKey(stakeholder?.portrait), box.x + 30 + portrait / 2, y + height / 2, portrait);
    const textX = box.x + portrait + 60;
    const effectsWidth = 560;
    const textWidth = box.width - portrait - 60 - effectsWidth - 40;
    const where = [row.team, turnLabel(scenario, row.turn), say(stakeholder?.name)].filter(Boolean);
    const head = where.join('  ·  ');
    const meta = addText(scene, textX, y + 22, head, { size: 28, bold: true, colour: colour.inkSoft, width: textWidth });
    clampLines(meta, 1);
    const choice = say(card.choices[row.choice]!.label);
    const label = addText(scene, textX, meta.y + meta.height + 10, choice, { size: 36, bold: true, width: textWidth });
    fitHeight(label, height - 40 - meta.height - 10, 28);
    const moved = scenario.meters.filter((m) => (own(row.deltas, m.id) ?? 0) !== 0);
    const lineHeight = Math.min(44, (height - 24) / Math.max(1, moved.length));
    const effectsX = box.x + box.width - effectsWidth;
    moved.forEach((meter, k) => {
      const d = own(row.deltas, meter.id)!;
      const ly = y + (height - lineHeight * moved.length) / 2 + lineHeight * (k + 0.5);
      g.fillStyle(d > 0 ? colour.up : colour.down, 1);
      meterTriangle(g, effectsX + 16, ly, 12, d > 0);
      const name = addText(scene, effectsX + 40, ly, say(meter.label), { size: Math.max(28, Math.min(30, lineHeight - 8)), originY: 0.5 });
      clampLines(name, 1);
      addText(scene, box.x + box.width - 30, ly, signed(d), { size: Math.max(28, Math.min(34, lineHeight - 6)), bold: true, colour: d > 0 ? colour.up : colour.down, originX: 1, originY: 0.5 });
    });
    return { turn: row.turn, card: row.card, choice, where: where.join(' · '), changes: moved.map((m) => `${say(m.label)} ${signed(own(row.deltas, m.id)!)}`).join(', '), ...(row.team ? { team: row.team } : {}) };
  });
}

/** The three choices of one game with the largest effects. */
export function drawWeighty(scene: Phaser.Scene, scenario: Scenario, state: GameState, box: Box): WeightyRow[] {
  const rows = weightiestChoices(state, 3).map((w) => ({ ...w, state }));
  if (rows.length === 0) {
    addText(scene, box.x, box.y, t('weightyEmpty'), { size: 34, colour: colour.inkSoft });
    return [];
  }
  return drawDecisionRows(scene, scenario, rows, box);
}

export function downloadSoloReport(scenario: Scenario, state: GameState): string {
  const date = new Date();
  const answers = answersFor(state.seed);
  const html = renderReport({ scenario, language: language(), kind: 'solo', teams: [{ name: '', state }], answers, date, session: { kind: 'solo', state, answers } });
  const name = reportFileName(scenario.id, date, language(), resolveText(scenario.title, 'nl'));
  downloadFile(name, html);
  return name;
}

/** Reflection questions of one page, each with its own text box framed by a focusable button. */
export function drawReflection(scene: Phaser.Scene, scenario: Scenario, state: GameState, chunk: number, box: Box, onFocus: (frame: number) => void): { frames: Button[]; inputs: Field[]; fields: FieldLayer; questions: string[] } {
  const all = (scenario.debrief?.questions ?? []).map((q) => say(q));
  const list = all.length > 0 ? all : [t('questionsEmpty')];
  const first = chunk * QUESTIONS_PER_PAGE;
  const questions = list.slice(first, first + QUESTIONS_PER_PAGE);
  const fields = new FieldLayer(scene);
  const frames: Button[] = [];
  const inputs: Field[] = [];
  const slot = (box.bottom - box.y) / QUESTIONS_PER_PAGE;
  questions.forEach((question, i) => {
    const index = first + i;
    const y = box.y + i * slot;
    const g = scene.add.graphics();
    g.fillStyle(colour.accent, 1).fillCircle(box.x + 24, y + 22, 24);
    addText(scene, box.x + 24, y + 22, String(index + 1), { size: 28, bold: true, colour: colour.white, originX: 0.5, originY: 0.5 });
    const text = addText(scene, box.x + 70, y, question, { size: 32, width: box.width - 70, lineSpacing: 6 });
    fitHeight(text, slot * 0.42, 28);
    const boxTop = y + text.height + 14;
    const boxHeight = slot - text.height - 14 - 30;
    let field: Field | null = null;
    const frame = new Button(scene, box.x + 70, boxTop, { width: box.width - 70, minHeight: boxHeight, label: '', onActivate: () => field?.focus(), onHover: () => undefined });
    field = fields.add({
      x: box.x + 78,
      y: boxTop + 8,
      width: box.width - 86,
      height: frame.buttonHeight - 16,
      value: answersFor(state.seed)[index] ?? '',
      label: question,
      placeholder: t('answerPlaceholder'),
      size: 30,
      multiline: true,
      maxLength: 4000,
      onInput: (value) => setAnswer(state.seed, index, value),
      onFocus: () => onFocus(i),
    });
    frames.push(frame);
    inputs.push(field);
  });
  return { frames, inputs, fields, questions };
}
