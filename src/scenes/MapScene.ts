/**
 * The scenario map: every card as a node, chains of cards left to right, with arrows for `next`
 * links and for conditions that depend on another card (a flag it sets, being seen, a choice on it),
 * each in its own line style with a legend. Cards that can never be drawn are marked. Arrow keys move
 * between cards; Enter opens "play from this card" with meter values the author sets.
 */
import * as Phaser from 'phaser';
import { currentDraft } from '../authoring/draft.ts';
import { goBack, mapBack, playFromCard } from '../authoring/flow.ts';
import type { Card, Scenario } from '../engine/format.ts';
import { layoutGraph, scenarioGraph, type Edge, type EdgeKind, type GraphNode, type Placed } from '../engine/graph.ts';
import { meterBounds } from '../engine/meters.ts';
import { BALANCE_RUNS, BALANCE_SEED, balanceStrategies, judgeBalance, type BalanceReport } from '../engine/balance.ts';
import { simulate, type SimulationReport } from '../engine/simulate.ts';
import { word, wordCoded, wordVerdict } from '../locales/authoring.ts';
import { describeCondition } from '../engine/findings.ts';
import { language, say, t } from '../locales/index.ts';
import type { MessageKey } from '../locales/en.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { listScreen } from '../ui/describe.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { Button, FocusList } from '../ui/button.ts';
import { addText, clampLines, fitWidth } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { own } from '../engine/own.ts';

const AREA = { x: 60, y: 190, width: STAGE.width - 120, height: 660 } as const;
const PANEL_Y = 880;
const MAX_ROWS = 11;
/** Narrower columns would make the cards unreadable: a large deck is shown as many columns as fit, around the selected card. */
const MIN_CELL_WIDTH = 230;

interface EdgeStyle {
  colour: number;
  width: number;
  /** Lengths of drawn and skipped stretches; empty = a solid line. */
  dashes: number[];
  label: MessageKey;
}

/** Colour is never the only cue: each kind has its own dash pattern too. */
const STYLES: Record<EdgeKind, EdgeStyle> = {
  next: { colour: colour.accent, width: 4, dashes: [], label: 'mapLegendNext' },
  flag: { colour: 0xa8471c, width: 4, dashes: [16, 9], label: 'mapLegendFlag' },
  seen: { colour: 0x5b3f8c, width: 4, dashes: [4, 8], label: 'mapLegendSeen' },
  chose: { colour: 0x2f6b2f, width: 4, dashes: [18, 6, 4, 6], label: 'mapLegendChose' },
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Draws a path of points as dashes of the given pattern. */
function strokeDashed(g: Phaser.GameObjects.Graphics, points: Phaser.Math.Vector2[], dashes: number[]): void {
  if (dashes.length === 0) {
    g.strokePoints(points, false);
    return;
  }
  let index = 0;
  let left = dashes[0]!;
  for (let i = 1; i < points.length; i++) {
    let from = points[i - 1]!.clone();
    const to = points[i]!;
    let remaining = from.distance(to);
    while (remaining > 0) {
      const step = Math.min(left, remaining);
      const end = from.clone().lerp(to, step / remaining);
      if (index % 2 === 0) g.lineBetween(from.x, from.y, end.x, end.y);
      from = end;
      remaining -= step;
      left -= step;
      if (left <= 0) {
        index = (index + 1) % dashes.length;
        left = dashes[index]!;
      }
    }
  }
}

/** Balance checks already played, per scenario object, so coming back to the map does not play them again. */
const balanceDone = new WeakMap<Scenario, BalanceReport>();

/** A card's condition in words, with meters by their labels: "Huurders" below 30 and flag "beloofd" is true. */
function describeWhen(scenario: Scenario, card: Card): string {
  if (!card.when) return '';
  const label = (id: string) => {
    const meter = scenario.meters.find((m) => m.id === id);
    return meter ? say(meter.label) : id;
  };
  return wordCoded(describeCondition(card.when, label), language());
}

export class MapScene extends Phaser.Scene {
  private scenario!: Scenario;
  private nodes = new Map<string, GraphNode>();
  private boxes = new Map<string, Box>();
  private placed: Placed[] = [];
  private window = { first: 0, visible: 1, columns: 1 };
  private edges: Edge[] = [];
  private selected = '';
  private selection!: Phaser.GameObjects.Graphics;
  private lines!: Phaser.GameObjects.Graphics;
  private info: Phaser.GameObjects.GameObject[] = [];
  /** The selected card in words, as its panel under the map says it. */
  private infoText = '';
  private form: { card: string; values: Record<string, number>; objects: Phaser.GameObjects.GameObject[]; focus: FocusList; rows: Button[] } | null = null;

  constructor() {
    super('map');
  }

  init(data: { selected?: string; formCard?: string; formValues?: Record<string, number> }): void {
    this.selected = data.selected ?? '';
    this.form = null;
    this.info = [];
    this.boxes = new Map();
    if (data.formCard) this.pendingForm = { card: data.formCard, values: data.formValues ?? {} };
    else this.pendingForm = null;
  }

  private pendingForm: { card: string; values: Record<string, number> } | null = null;
  /** The balance check, played one strategy per timer tick so the map stays responsive while it runs. */
  private balance: { report: BalanceReport | null; done: number; total: number; line: Phaser.GameObjects.Text | null; panel: Phaser.GameObjects.GameObject[] } = { report: null, done: 0, total: 0, line: null, panel: [] };

  create(): void {
    const scenario = currentDraft()?.scenario;
    if (!scenario) {
      goBack(this.game, 'title');
      return;
    }
    this.scenario = scenario;
    fitCamera(this);
    drawBackdrop(this);
    const graph = scenarioGraph(scenario);
    this.edges = graph.edges;
    this.nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const layout = layoutGraph(graph, MAX_ROWS);
    this.placed = layout.placed;
    if (!this.nodes.has(this.selected)) this.selected = this.placed[0]?.id ?? '';

    const title = addText(this, AREA.x, 30, t('mapTitle', { title: say(scenario.title) }), { size: 48, bold: true });
    // The right of the title row holds the balance line.
    fitWidth(title, AREA.width - 780, 28);
    const never = graph.nodes.filter((n) => n.never).length;

    // Cells: the map fits the area, or as many columns as stay readable around the selected card
    // (the arrow keys move on through the rest); the selected card is also described below in large type.
    const visible = Math.max(1, Math.min(layout.columns, Math.floor(AREA.width / MIN_CELL_WIDTH)));
    const selectedColumn = this.placed.find((p) => p.id === this.selected)?.column ?? 0;
    const first = Math.max(0, Math.min(layout.columns - visible, selectedColumn - Math.floor(visible / 2)));
    this.window = { first, visible, columns: layout.columns };
    const cellWidth = AREA.width / visible;
    const cellHeight = Math.min(100, AREA.height / layout.rows);
    const gapX = Math.max(36, Math.min(90, cellWidth * 0.22));
    const nodeWidth = Math.min(420, cellWidth - gapX);
    const nodeHeight = Math.min(64, cellHeight - 14);
    const shown = this.placed.filter((p) => p.column >= first && p.column < first + visible);
    for (const p of shown) {
      this.boxes.set(p.id, { x: AREA.x + (p.column - first) * cellWidth + (cellWidth - nodeWidth) / 2, y: AREA.y + p.row * cellHeight, width: nodeWidth, height: nodeHeight });
    }
    // A deck too wide for readable columns says which columns are on screen, on the line with its counts.
    const counts = t('mapCounts', { cards: graph.nodes.length, links: graph.edges.length, never });
    const windowNote = visible < layout.columns ? `  ·  ${t('mapWindow', { from: first + 1, to: first + visible, columns: layout.columns })}` : '';
    const keys = addText(this, AREA.x + AREA.width, 100, t('mapKeys'), { size: size.small, colour: colour.inkSoft, originX: 1 });
    fitWidth(keys, AREA.width - (windowNote ? 1100 : 700), 18);
    const countsText = addText(this, AREA.x, 100, counts + windowNote, { size: size.small, colour: colour.inkSoft });
    fitWidth(countsText, AREA.width - keys.width - 40, 18);
    if (layout.looseFrom < first + visible && layout.looseFrom >= first) {
      const x = AREA.x + (layout.looseFrom - first) * cellWidth + (cellWidth - nodeWidth) / 2;
      const label = addText(this, x, AREA.y - 12, t('mapLoose'), { size: 22, bold: true, colour: colour.inkSoft, originY: 1 });
      fitWidth(label, AREA.x + AREA.width - x, 16);
      if (layout.looseFrom > first) {
        const g = this.add.graphics();
        const lineX = AREA.x + (layout.looseFrom - first) * cellWidth - 4;
        g.lineStyle(2, colour.cardEdge, 1).lineBetween(lineX, AREA.y - 40, lineX, AREA.y + AREA.height);
      }
    }
    if (layout.looseFrom > first && first === 0) addText(this, AREA.x + (cellWidth - nodeWidth) / 2, AREA.y - 12, t('mapChains'), { size: 22, bold: true, colour: colour.inkSoft, originY: 1 });

    this.lines = this.add.graphics();
    const textSize = Math.max(16, Math.min(26, Math.floor(nodeHeight * 0.45)));
    for (const p of shown) this.drawNode(p.id, textSize);
    this.selection = this.add.graphics();
    this.drawLegend();
    this.select(this.selected);

    const release = pushHandler((command) => this.handle(command));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    showScreen('map', () => listScreen(t('mapTitle', { title: say(scenario.title) }), this.form?.focus ?? null, {
      scenarioId: scenario.id,
      cards: this.placed.map((p) => ({ id: p.id, column: p.column, row: p.row })),
      window: { ...this.window, shown: shown.map((p) => p.id) },
      edges: this.edges.map((e) => `${e.from}>${e.to}:${e.kind}`),
      never: graph.nodes.filter((n) => n.never).map((n) => n.id),
      selected: this.selected,
      info: this.infoText,
      balance: this.balance.report
        ? { summary: this.balance.line?.text ?? '', missed: this.balance.report.missed, verdicts: this.balance.report.verdicts.map((v) => ({ ok: v.ok, text: wordVerdict(v, scenario, language()) })), shown: this.balance.panel.length > 0 }
        : { summary: this.balance.line?.text ?? '', done: this.balance.done, total: this.balance.total },
      form: this.form ? { card: this.form.card, meters: { ...this.form.values }, buttons: this.form.focus.labels(), focus: this.form.focus.current } : null,
    }, [
      // Each card is a button, as its box on the canvas is: the first press selects it, the second opens its what-if form.
      { role: 'buttons', label: t('a11yMapCards'), items: this.placed.map((p) => ({
        id: `card-${p.id}`,
        label: p.id,
        detail: [t('a11yMapLeadsTo', { cards: this.edges.filter((e) => e.from === p.id).map((e) => e.to).join(', ') || '–' }), ...(graph.nodes.find((n) => n.id === p.id)?.never ? [t('a11yNever')] : [])].join('. '),
        pressed: p.id === this.selected,
        activate: () => this.press(p.id),
      })) },
      { role: 'text', label: t('a11yMapSelected'), text: this.infoText },
    ]));
    if (this.pendingForm && this.nodes.has(this.pendingForm.card)) this.openForm(this.pendingForm.card, this.pendingForm.values);
    this.startBalance(scenario);
    settle();
    requestFrames();
  }

  private drawNode(id: string, textSize: number): void {
    const box = this.boxes.get(id)!;
    const node = this.nodes.get(id)!;
    const g = this.add.graphics();
    const dead = node.never !== null;
    g.fillStyle(colour.shadow, 0.1).fillRoundedRect(box.x, box.y + 4, box.width, box.height, 12);
    g.fillStyle(dead ? colour.dangerSoft : colour.card, 1).fillRoundedRect(box.x, box.y, box.width, box.height, 12);
    g.lineStyle(dead ? 4 : 2, dead ? colour.danger : colour.inkSoft, 1).strokeRoundedRect(box.x, box.y, box.width, box.height, 12);
    const label = addText(this, box.x + box.width / 2, box.y + box.height / 2, dead ? `✕ ${id}` : id, { size: textSize, bold: true, colour: dead ? colour.danger : colour.ink, originX: 0.5, originY: 0.5 });
    fitWidth(label, box.width - 16, 12);
    const zone = this.add.zone(box.x, box.y, box.width, box.height).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    zone.on('pointerup', () => this.press(id));
  }

  private press(id: string): void {
    if (this.form) return;
    if (this.selected === id) this.openForm(id);
    else this.select(id);
  }

  private drawEdges(): void {
    const g = this.lines.clear();
    const ordered = [...this.edges].sort((a, b) => Number(this.touches(a)) - Number(this.touches(b)));
    // Several links between the same two cards (a next and a flag, say) run side by side, not on top of each other.
    const pairs = new Map<string, number>();
    for (const edge of ordered) {
      const pair = `${edge.from}>${edge.to}`;
      const lane = pairs.get(pair) ?? 0;
      pairs.set(pair, lane + 1);
      const shift = (lane % 2 === 0 ? 1 : -1) * Math.ceil(lane / 2) * 9;
      const from = this.boxes.get(edge.from);
      const to = this.boxes.get(edge.to);
      if (!from || !to) continue;
      const style = STYLES[edge.kind];
      const strong = this.touches(edge);
      let curve: Phaser.Curves.CubicBezier;
      const startY = from.y + from.height / 2 + shift;
      const endY = to.y + to.height / 2 + shift;
      if (to.x > from.x + from.width) {
        const sx = from.x + from.width;
        const bend = (to.x - sx) / 2;
        curve = new Phaser.Curves.CubicBezier(new Phaser.Math.Vector2(sx, startY), new Phaser.Math.Vector2(sx + bend, startY), new Phaser.Math.Vector2(to.x - bend, endY), new Phaser.Math.Vector2(to.x, endY));
      } else {
        // Same column or backwards (a loop): out of the right side and back into the right side.
        const sx = from.x + from.width;
        const ex = to.x + to.width;
        const bulge = 60 + Math.abs(endY - startY) * 0.15;
        curve = new Phaser.Curves.CubicBezier(new Phaser.Math.Vector2(sx, startY), new Phaser.Math.Vector2(Math.max(sx, ex) + bulge, startY), new Phaser.Math.Vector2(Math.max(sx, ex) + bulge, endY), new Phaser.Math.Vector2(ex, endY));
      }
      const points = curve.getSpacedPoints(Math.max(8, Math.ceil(curve.getLength() / 6)));
      g.lineStyle(strong ? style.width + 2 : style.width, style.colour, strong ? 1 : 0.5);
      strokeDashed(g, points, style.dashes);
      const end = points[points.length - 1]!;
      const before = curve.getPoint(0.94);
      const angle = Math.atan2(end.y - before.y, end.x - before.x);
      const head = strong ? 18 : 14;
      g.fillStyle(style.colour, strong ? 1 : 0.6);
      g.fillTriangle(
        end.x, end.y,
        end.x - head * Math.cos(angle - 0.45), end.y - head * Math.sin(angle - 0.45),
        end.x - head * Math.cos(angle + 0.45), end.y - head * Math.sin(angle + 0.45),
      );
    }
  }

  private touches(edge: Edge): boolean {
    return edge.from === this.selected || edge.to === this.selected;
  }

  private drawLegend(): void {
    const x0 = 1200;
    const g = this.add.graphics();
    g.fillStyle(colour.card, 0.9).fillRoundedRect(x0 - 24, PANEL_Y - 8, STAGE.width - x0 - 36, 190, 18);
    const entries = Object.values(STYLES);
    entries.forEach((style, i) => {
      const x = x0 + (i % 2) * 330;
      const y = PANEL_Y + 24 + Math.floor(i / 2) * 52;
      g.lineStyle(style.width, style.colour, 1);
      strokeDashed(g, [new Phaser.Math.Vector2(x, y), new Phaser.Math.Vector2(x + 70, y)], style.dashes);
      g.fillStyle(style.colour, 1).fillTriangle(x + 78, y, x + 64, y - 7, x + 64, y + 7);
      const label = addText(this, x + 92, y, t(style.label), { size: 22, originY: 0.5 });
      fitWidth(label, 230, 16);
    });
    const y = PANEL_Y + 24 + 2 * 52;
    g.fillStyle(colour.dangerSoft, 1).fillRoundedRect(x0, y - 16, 78, 32, 8);
    g.lineStyle(4, colour.danger, 1).strokeRoundedRect(x0, y - 16, 78, 32, 8);
    addText(this, x0 + 39, y, '✕', { size: 22, bold: true, colour: colour.danger, originX: 0.5, originY: 0.5 });
    addText(this, x0 + 92, y, t('mapLegendNever'), { size: 22, originY: 0.5 });
  }

  private select(id: string): void {
    if (!this.boxes.has(id)) {
      // A card outside the columns on screen: draw the map again around it.
      if (this.nodes.has(id)) this.scene.restart({ selected: id });
      return;
    }
    this.selected = id;
    this.scene.settings.data = { selected: id };
    const box = this.boxes.get(id)!;
    this.selection.clear().lineStyle(6, colour.focus, 1).strokeRoundedRect(box.x - 8, box.y - 8, box.width + 16, box.height + 16, 16);
    this.drawEdges();
    this.children.bringToTop(this.selection);
    this.info.forEach((o) => o.destroy());
    const card = this.scenario.cards.find((c) => c.id === id)!;
    const node = this.nodes.get(id)!;
    const holder = this.scenario.stakeholders.find((s) => s.id === card.from);
    const width = 1100;
    const head = addText(this, AREA.x, PANEL_Y, `${id}  ·  ${say(holder?.name) || card.from}`, { size: 32, bold: true, width });
    clampLines(head, 1);
    const status = node.never ? t('mapNever', { reason: node.never }) : card.when ? t('mapWhen', { condition: describeWhen(this.scenario, card) }) : t('mapAlways');
    const second = addText(this, AREA.x, PANEL_Y + 48, status, { size: 24, bold: node.never !== null, colour: node.never ? colour.danger : colour.inkSoft, width });
    clampLines(second, 1);
    const text = addText(this, AREA.x, PANEL_Y + 86, say(card.text), { size: 26, width });
    clampLines(text, 3);
    this.info = [head, second, text];
    this.infoText = [`${id} · ${say(holder?.name) || card.from}`, status, say(card.text)].join('\n');
    requestFrames();
  }

  /** Moves the selection through the grid: up/down in reading order, left/right to the nearest card in the next column. */
  private move(kind: 'next' | 'previous' | 'forward' | 'back'): void {
    const order = [...this.placed].sort((a, b) => a.column - b.column || a.row - b.row);
    const at = order.findIndex((p) => p.id === this.selected);
    const here = order[at];
    if (!here) return;
    if (kind === 'next' || kind === 'previous') {
      const next = order[(at + (kind === 'next' ? 1 : -1) + order.length) % order.length]!;
      this.select(next.id);
      return;
    }
    const step = kind === 'forward' ? 1 : -1;
    for (let column = here.column + step; column >= 0 && order.some((p) => step > 0 ? p.column >= column : true); column += step) {
      const candidates = order.filter((p) => p.column === column);
      if (candidates.length === 0) continue;
      const nearest = candidates.reduce((best, p) => (Math.abs(p.row - here.row) < Math.abs(best.row - here.row) ? p : best));
      this.select(nearest.id);
      return;
    }
  }

  private openForm(cardId: string, values: Record<string, number> = {}): void {
    this.closeForm();
    const start: Record<string, number> = {};
    for (const meter of this.scenario.meters) start[meter.id] = own(values, meter.id) ?? meter.start;
    const objects: Phaser.GameObjects.GameObject[] = [];
    const shade = this.add.rectangle(0, 0, STAGE.width, STAGE.height, colour.shadow, 0.6).setOrigin(0, 0).setInteractive();
    objects.push(shade);
    const rowHeight = 86;
    const width = 1000;
    const height = 170 + this.scenario.meters.length * rowHeight + 150;
    const x = (STAGE.width - width) / 2;
    const y = Math.max(20, (STAGE.height - height) / 2);
    const g = this.add.graphics();
    g.fillStyle(colour.paper, 1).fillRoundedRect(x, y, width, height, 28);
    g.lineStyle(4, colour.cardEdge, 1).strokeRoundedRect(x, y, width, height, 28);
    objects.push(g);
    const title = addText(this, x + 50, y + 36, t('formTitle', { card: cardId }), { size: 44, bold: true });
    fitWidth(title, width - 100, 28);
    const hint = addText(this, x + 50, y + 100, t('formHint'), { size: 24, colour: colour.inkSoft, width: width - 100 });
    objects.push(title, hint);
    const rows: Button[] = [];
    const buttons: Button[] = [];
    let focus: FocusList | null = null;
    const rowLeft = x + 160;
    const rowWidth = width - 320;
    this.scenario.meters.forEach((_, i) => {
      const top = y + 170 + i * rowHeight;
      const index = buttons.length;
      const row = new Button(this, rowLeft, top, { width: rowWidth, label: '', textSize: 30, minHeight: 62, onActivate: () => focus?.move(1), onHover: () => focus?.focus(index) });
      rows.push(row);
      buttons.push(row);
      const minus = new Button(this, x + 40, top, { width: 104, label: '−', textSize: 34, align: 'center', minHeight: 62, onActivate: () => this.adjust(i, -1) });
      const plus = new Button(this, x + width - 144, top, { width: 104, label: '+', textSize: 34, align: 'center', minHeight: 62, onActivate: () => this.adjust(i, 1) });
      objects.push(row, minus, plus);
    });
    const bottom = y + 170 + this.scenario.meters.length * rowHeight + 20;
    const play = new Button(this, x + 50, bottom, { width: 540, label: t('formPlay'), textSize: 32, align: 'center', onActivate: () => playFromCard(this.game, cardId, this.form!.values), onHover: () => focus?.focus(buttons.length - 2) });
    const cancel = new Button(this, x + 50 + 540 + 30, bottom, { width: width - 100 - 570, label: t('formCancel'), textSize: 32, align: 'center', onActivate: () => this.closeForm(), onHover: () => focus?.focus(buttons.length - 1) });
    buttons.push(play, cancel);
    objects.push(play, cancel);
    focus = new FocusList(buttons);
    this.form = { card: cardId, values: start, objects, focus, rows };
    this.scenario.meters.forEach((_, i) => this.adjust(i, 0));
    focus.focus(this.scenario.meters.length);
    this.scene.settings.data = { selected: this.selected, formCard: cardId, formValues: start };
    settle();
    requestFrames();
  }

  private adjust(index: number, direction: -1 | 0 | 1): void {
    const form = this.form;
    const meter = this.scenario.meters[index];
    if (!form || !meter) return;
    const { min, max } = meterBounds(meter);
    const step = Math.max(1, Math.round((max - min) / 20));
    const value = Math.min(max, Math.max(min, own(form.values, meter.id)! + direction * step));
    form.values[meter.id] = value;
    form.rows[index]!.label.setText(`${say(meter.label)}:  ${value}   (${min}–${max})`);
    fitWidth(form.rows[index]!.label, form.rows[index]!.buttonWidth - 64, 20);
    requestFrames();
  }

  private closeForm(): void {
    if (!this.form) return;
    this.form.objects.forEach((o) => o.destroy());
    this.form = null;
    this.scene.settings.data = { selected: this.selected };
    requestFrames();
  }

  private startBalance(scenario: Scenario): void {
    const strategies = balanceStrategies(scenario);
    const reports: SimulationReport[] = [];
    const line = addText(this, AREA.x + AREA.width, 42, '', { size: 26, bold: true, colour: colour.inkSoft, originX: 1 });
    this.balance = { report: balanceDone.get(scenario) ?? null, done: 0, total: strategies.length, line, panel: [] };
    const show = () => {
      const report = this.balance.report;
      line.setText(
        report
          ? `${word('mapBalanceHeading', {}, language())} ${word(report.missed === 0 ? 'checkAllMet' : 'checkMissed', { missed: report.missed, count: report.verdicts.length }, language())}  ·  ${word('mapBalanceKey', {}, language())}`
          : word('mapBalanceRunning', { done: this.balance.done, total: this.balance.total }, language()),
      );
      line.setColor(report && report.missed > 0 ? `#${colour.danger.toString(16).padStart(6, '0')}` : `#${colour.inkSoft.toString(16).padStart(6, '0')}`);
      requestFrames();
    };
    show();
    if (this.balance.report) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      reports.push(simulate(scenario, { runs: BALANCE_RUNS, seed: BALANCE_SEED, strategy: strategies[reports.length]! }));
      this.balance.done = reports.length;
      if (reports.length === strategies.length) {
        this.balance.report = judgeBalance(scenario, reports);
        balanceDone.set(scenario, this.balance.report);
      } else timer = setTimeout(step, 0);
      show();
    };
    timer = setTimeout(step, 0);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => clearTimeout(timer));
  }

  /** The verdict per target, over the map; C opens and closes it. */
  private toggleBalance(): void {
    if (this.balance.panel.length > 0) {
      this.balance.panel.forEach((o) => o.destroy());
      this.balance.panel = [];
      requestFrames();
      return;
    }
    const report = this.balance.report;
    if (!report) return;
    const width = 1600;
    const x = (STAGE.width - width) / 2;
    const y = 150;
    const shade = this.add.rectangle(0, 0, STAGE.width, STAGE.height, colour.shadow, 0.6).setOrigin(0, 0).setInteractive();
    const g = this.add.graphics();
    const heading = addText(this, x + 50, y + 36, word('checkBalanceHeading', { runs: report.runs, seed: report.seed }, language()), { size: 36, bold: true, width: width - 100 });
    const objects: Phaser.GameObjects.GameObject[] = [shade, g, heading];
    let top = y + 110;
    for (const verdict of report.verdicts) {
      const text = addText(this, x + 50, top, `${!verdict.ok ? '✗' : verdict.open ? '≈' : '✓'} ${wordVerdict(verdict, this.scenario, language())}`, { size: 28, bold: !verdict.ok, colour: verdict.ok ? colour.ink : colour.danger, width: width - 100 });
      clampLines(text, 3);
      objects.push(text);
      top += text.height + 18;
    }
    const close = addText(this, x + 50, top + 10, word('mapBalanceClose', {}, language()), { size: 26, colour: colour.inkSoft });
    objects.push(close);
    g.fillStyle(colour.paper, 1).fillRoundedRect(x, y, width, top + 70 - y, 28);
    g.lineStyle(4, colour.cardEdge, 1).strokeRoundedRect(x, y, width, top + 70 - y, 28);
    this.balance.panel = objects;
    requestFrames();
  }

  private handle(command: Command): boolean {
    if (command.kind === 'letter' && command.key === 'c' && !this.form) {
      this.toggleBalance();
      return true;
    }
    if (this.balance.panel.length > 0) {
      if (command.kind === 'menu' || command.kind === 'confirm') this.toggleBalance();
      return true;
    }
    const form = this.form;
    if (form) {
      const onMeter = form.focus.current >= 0 && form.focus.current < form.rows.length;
      switch (command.kind) {
        case 'next': form.focus.move(1); return true;
        case 'previous': form.focus.move(-1); return true;
        case 'forward': case 'more': if (onMeter) this.adjust(form.focus.current, 1); return true;
        case 'back': case 'less': if (onMeter) this.adjust(form.focus.current, -1); return true;
        case 'confirm': form.focus.activate(); return true;
        case 'menu': this.closeForm(); return true;
        case 'choice': return true;
        default: return false;
      }
    }
    switch (command.kind) {
      case 'next': case 'previous': case 'forward': case 'back': this.move(command.kind); return true;
      case 'confirm': this.openForm(this.selected); return true;
      case 'menu': goBack(this.game, mapBack()); return true;
      case 'choice': return true;
      default: return false;
    }
  }
}
