/**
 * The group debrief after a workshop, one slide at a time for the projector: how it ended for each
 * team, the meter charts, who served whom, the decisions that cost most, how the room voted, how the
 * room chose (the tag profile) and the questions to discuss. D downloads the session report.
 */
import * as Phaser from 'phaser';
import { meterSeries, tagProfile } from '../engine/debrief.ts';
import { meterBounds } from '../engine/meters.ts';
import { plural, say, t, language, turnUnit, votesText } from '../locales/index.ts';
import type { MessageKey } from '../locales/en.ts';
import { downloadFile, reportFileName } from '../platform/download.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { chartOf, courseWords, listScreen, meterItems, sentences } from '../ui/describe.ts';
import type { ScreenRegion } from '../platform/screenModel.ts';
import { STAGE, stageSize } from '../platform/viewport.ts';
import { renderReport } from '../report/report.ts';
import { canResumeRoom, openBranch, setSlide, type Room } from '../session/room.ts';
import { sessionStop } from '../engine/workshop.ts';
import { resolveText } from '../engine/text.ts';
import { standing } from '../engine/standing.ts';
import { Button, FocusList } from '../ui/button.ts';
import { drawChart } from '../ui/chart.ts';
import { signed } from '../locales/format.ts';
import { addText, clampLines, fitHeight, fitWidth, fitWords } from '../ui/text.ts';
import { drawColumnLabels } from '../ui/columnLabels.ts';
import { colour } from '../ui/theme.ts';
import { goQuestion, goRating, goScreen } from './flow.ts';
import { phonesOn } from '../session/phones.ts';
import { questionsAsked } from '../session/openQuestions.ts';
import { ratingsOf } from '../session/ratings.ts';
import { goBackToGame, goTitle } from './navigation.ts';
import { RoomScene } from './roomScene.ts';
import { drawDecisionRows, turnLabel } from './reflection.ts';
import { own } from '../engine/own.ts';

const SLIDES = ['endings', 'charts', 'compare', 'costly', 'votes', 'profile', 'questions'] as const;
type Slide = (typeof SLIDES)[number];
const TITLES: Record<Slide, MessageKey> = {
  endings: 'debriefEndings',
  charts: 'debriefCharts',
  compare: 'debriefCompare',
  costly: 'debriefCostly',
  votes: 'debriefVotes',
  profile: 'debriefProfile',
  questions: 'questionsTitle',
};
const LEFT = 110;
/** The room stage's right edge, set when the screen is drawn (the stage is as wide as the projector's shape). */
let RIGHT: number = STAGE.width - 110;
const TOP = 190;
/** Where the navigation row starts; lower on a wide stage, where its labels fit on one line. */
let NAV_Y = 960;
const TAG_ORDER = ['friendly', 'oriented', 'driven', 'more', 'better', 'different'];
/** Columns that stay readable from the back of the room; the scenario's other labels are ranked by how often the teams chose them. */
const MAX_TAG_COLUMNS = 8;

export function downloadWorkshopReport(room: Room): string {
  const date = new Date();
  const html = renderReport({
    scenario: room.scenario,
    language: language(),
    kind: 'workshop',
    teams: room.workshop.teams.map((team) => ({ name: team.name, state: team.state, decisions: team.decisions })),
    date,
    session: room.workshop,
    stoppedAt: sessionStop(room.workshop),
    ratings: ratingsOf(room.workshop.seed),
    openQuestions: questionsAsked(room.workshop.seed).map((q) => ({ text: q.text[language()], answers: q.answers.map((a) => ({ text: a.text, hidden: a.hidden })) })),
  });
  const name = reportFileName(room.scenario.id, date, language(), resolveText(room.scenario.title, 'nl'));
  downloadFile(name, html);
  return name;
}

export class DebriefScene extends RoomScene {
  private shown: Record<string, unknown> = {};
  /** What the slide shows in words, made from the same figures it draws: for the accessible layer. */
  private regions: ScreenRegion[] = [];

  constructor() {
    super('debrief');
  }

  create(): void {
    const room = this.openRoom();
    if (!room) return;
    RIGHT = stageSize().width - LEFT;
    NAV_Y = RIGHT - LEFT < 1600 ? 930 : 960;
    room.slide = Math.min(SLIDES.length - 1, Math.max(0, room.slide));
    const slide = SLIDES[room.slide]!;
    // The first page of a stopped session keeps room beside its title for "Back to the game".
    const beside = room.slide === 0 && canResumeRoom(room) ? Math.min(420, (RIGHT - LEFT) / 3) + 30 : 0;
    const heading = addText(this, LEFT, 60, t(TITLES[slide]), { size: 64, bold: true, width: RIGHT - LEFT - beside });
    fitHeight(heading, 110, 40);
    this.shown = { slide, slideIndex: room.slide, slides: SLIDES.length, ...this.shown.downloaded ? { downloaded: this.shown.downloaded } : {} };
    this.regions = [];
    const draw: Record<Slide, () => void> = {
      endings: () => this.drawEndings(room),
      charts: () => this.drawCharts(room),
      compare: () => this.drawCompare(room),
      costly: () => this.drawCostly(room),
      votes: () => this.drawVotes(room),
      profile: () => this.drawProfile(room),
      questions: () => this.drawQuestions(room),
    };
    draw[slide]();
    this.drawNavigation(room);
    settle();
    requestFrames();
  }

  private drawEndings(room: Room): void {
    const teams = room.workshop.teams;
    const stop = sessionStop(room.workshop);
    const stopped = stop !== null ? t('debriefStopped', { unit: turnUnit(room.scenario.turnUnit), turn: stop }) : null;
    // A game the trainer stopped has no ending yet: the slide says where it was heading (the engine's standing).
    const endings = teams.map((team) => {
      const at = standing(room.scenario, team.state);
      const ending = at.ending !== null ? room.scenario.endings?.find((e) => e.id === at.ending) : undefined;
      const running = !at.ended;
      const tags = at.mostly.map((tag) => say(own(room.scenario.debrief?.tags, tag)?.label)).join(', ');
      const meters = at.meters.map((m) => `${say(room.scenario.meters.find((x) => x.id === m.meter)?.label)} ${m.value}`).join(' · ');
      const heading = [tags ? t('debriefMostly', { tags }) : '', meters].filter(Boolean).join('. ');
      return {
        team: team.name,
        title: running ? (ending ? t('debriefHeading', { ending: say(ending.title) }) : t('debriefHeadingNone')) : ending ? say(ending.title) : t('endingTheEnd'),
        text: running ? heading : ending ? say(ending.text) : t('endingNoText'),
        turns: team.state.history.length,
        lasted: plural('debriefLastedOne', 'debriefLastedOther', team.state.history.length),
        ...(running ? { heading: { ending: at.ending, meters: at.meters, mostly: at.mostly } } : {}),
      };
    });
    // Said once, above the teams, rather than in every team's row.
    let top = TOP;
    if (stopped) {
      const line = addText(this, LEFT, TOP - 10, stopped, { size: 30, bold: true, colour: colour.inkSoft, width: RIGHT - LEFT });
      clampLines(line, 1);
      top = TOP + 40;
      this.regions.push({ role: 'text', text: stopped });
    }
    if (teams.length === 1) {
      const e = endings[0]!;
      const title = addText(this, LEFT, top + 20, e.title, { size: 56, bold: true, colour: colour.accent, width: RIGHT - LEFT });
      const body = addText(this, LEFT, title.y + title.height + 30, e.text, { size: 42, width: RIGHT - LEFT, lineSpacing: 12 });
      fitHeight(body, NAV_Y - 140 - body.y, 30);
      addText(this, LEFT, NAV_Y - 90, e.lasted, { size: 34, bold: true, colour: colour.inkSoft });
      this.regions.push({ role: 'text', label: e.title, text: [e.text, e.lasted].filter(Boolean).join('\n') });
    } else {
      // Who lasted longest first: the comparison the room asks for.
      const order = endings.map((e, i) => ({ ...e, i })).sort((a, b) => b.turns - a.turns || a.i - b.i);
      // Where a stopped game was heading takes a line more than an ending's title and text.
      const rowHeight = Math.min(endings.some((e) => e.heading) ? 230 : 180, (NAV_Y - 40 - top) / order.length);
      order.forEach((e, k) => {
        const y = top + k * rowHeight;
        const g = this.add.graphics();
        g.fillStyle(colour.card, 1).fillRoundedRect(LEFT, y, RIGHT - LEFT, rowHeight - 16, 20);
        g.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(LEFT, y, RIGHT - LEFT, rowHeight - 16, 20);
        // A long team name wraps to a second line rather than shrinking below room size.
        const name = addText(this, LEFT + 30, y + 16, e.team, { size: 34, bold: true });
        fitWords(name, 390, 28, 2);
        addText(this, LEFT + 30, name.y + name.height + 4, e.lasted, { size: 28, colour: colour.inkSoft });
        const title = addText(this, LEFT + 440, y + 18, e.title, { size: 34, bold: true, colour: colour.accent, width: RIGHT - LEFT - 470 });
        // A long ending title takes a second line when the row has room for it, rather than losing its end.
        clampLines(title, rowHeight >= 200 ? 2 : 1);
        const textTop = title.y + title.height + 6;
        const text = addText(this, LEFT + 440, textTop, e.text, { size: 28, width: RIGHT - LEFT - 470 });
        clampLines(text, Math.max(1, Math.floor((y + rowHeight - 28 - textTop) / 34)));
      });
      this.regions.push({ role: 'values', items: order.map((e, k) => ({ id: `ending-${k}`, label: e.team, value: e.title, detail: [e.lasted, e.text].filter(Boolean).join('. ') })) });
    }
    this.shown = { ...this.shown, endings, stoppedAt: stop, stopped };
  }

  private drawCharts(room: Room): void {
    const teams = room.workshop.teams;
    const columns = teams.length === 1 ? 1 : teams.length <= 4 ? 2 : 3;
    const rows = Math.ceil(teams.length / columns);
    const gap = 60;
    const width = (RIGHT - LEFT - gap * (columns - 1)) / columns;
    const height = (NAV_Y - 60 - TOP - (rows - 1) * 40) / rows;
    teams.forEach((team, i) => {
      const x = LEFT + (i % columns) * (width + gap);
      const y = TOP + Math.floor(i / columns) * (height + 40);
      const labelHeight = teams.length > 1 ? 44 : 0;
      if (teams.length > 1) fitWidth(addText(this, x, y - 10, team.name, { size: 30, bold: true }), width, 28);
      const series = meterSeries(room.scenario, team.state);
      drawChart(this, room.scenario, series, { x: x + 24, y: y + labelHeight + 24, width: width - 48, height: height - labelHeight - 48 });
      this.regions.push({ role: 'values', ...(teams.length > 1 ? { label: team.name } : {}), text: courseWords(room.scenario, team.state), items: meterItems(room.scenario, team.state.meters, `meter-${i}-`), chart: chartOf(room.scenario, series, teams.length > 1 ? `${t('chartTitle')}: ${team.name}` : t('chartTitle')) });
    });
    this.shown = { ...this.shown, charts: teams.map((team) => team.name) };
  }

  /** Who served whom: each meter's change from start to end, per team. */
  private drawCompare(room: Room): void {
    const teams = room.workshop.teams;
    const meters = room.scenario.meters;
    // Wide enough for the longest word of any team name at the smallest size, so a name wraps between words, never inside one.
    const longestWord = teams.length > 1 ? addText(this, 0, 0, teams.flatMap((team) => team.name.split(/\s+/)).sort((a, b) => b.length - a.length).slice(0, 3).join('\n'), { size: 28, bold: true }).setVisible(false) : null;
    const nameWidth = teams.length > 1 ? Math.min((RIGHT - LEFT) * 0.34, Math.max(Math.min(380, (RIGHT - LEFT) * 0.24), Math.ceil(longestWord!.width) + 44)) : 0;
    const cell = (RIGHT - LEFT - nameWidth) / meters.length;
    const header = drawColumnLabels(this, meters.map((meter) => say(meter.label)), meters.map((_, m) => LEFT + nameWidth + cell * (m + 0.5)), cell, TOP, { size: 30, minSize: 28, left: LEFT, right: RIGHT });
    const rowsTop = Math.max(TOP + 110, TOP + header.height + 36);
    const rowHeight = Math.min(130, (NAV_Y - 70 - rowsTop) / teams.length);
    const rows = teams.map((team, i) => {
      const y = rowsTop + i * rowHeight;
      const g = this.add.graphics();
      g.fillStyle(colour.card, 1).fillRoundedRect(LEFT, y, RIGHT - LEFT, rowHeight - 14, 18);
      if (nameWidth) fitWords(addText(this, LEFT + 24, y + (rowHeight - 14) / 2, team.name, { size: 30, bold: true, originY: 0.5 }), nameWidth - 40, 28, Math.max(2, Math.floor((rowHeight - 22) / 36)));
      const series = meterSeries(room.scenario, team.state);
      const changes: Record<string, number> = {};
      meters.forEach((meter, m) => {
        const values = own(series, meter.id)!;
        const change = values[values.length - 1]! - values[0]!;
        changes[meter.id] = change;
        const { min, max } = meterBounds(meter);
        const strength = Math.min(1, Math.abs(change) / ((max - min) / 2));
        const cx = LEFT + nameWidth + cell * (m + 0.5);
        // The tint stays light enough that the coloured number on it keeps 4.5:1 at the strongest change.
        if (change !== 0) g.fillStyle(change > 0 ? colour.up : colour.down, 0.08 + 0.14 * strength).fillRoundedRect(cx - cell / 2 + 8, y + 6, cell - 16, rowHeight - 26, 14);
        addText(this, cx, y + (rowHeight - 14) / 2, `${change > 0 ? '▲ ' : change < 0 ? '▼ ' : ''}${signed(change)}`, { size: 44, bold: true, colour: change > 0 ? colour.up : change < 0 ? colour.down : colour.inkSoft, originX: 0.5, originY: 0.5 });
      });
      this.regions.push({ role: 'values', ...(nameWidth ? { label: team.name } : {}), items: meters.map((meter) => ({ id: `compare-${i}-${meter.id}`, label: say(meter.label), value: signed(own(changes, meter.id)!) })) });
      return { team: team.name, changes };
    });
    addText(this, LEFT, rowsTop + teams.length * rowHeight + 10, t('debriefCompareNote'), { size: 28, colour: colour.inkSoft, width: RIGHT - LEFT });
    this.regions.push({ role: 'text', text: t('debriefCompareNote') });
    this.shown = { ...this.shown, compare: rows };
  }

  /** The decisions that took the most from the meters, over all teams. */
  private drawCostly(room: Room): void {
    const multi = room.workshop.teams.length > 1;
    const all = room.workshop.teams.flatMap((team) =>
      team.decisions.map((d) => ({ ...d, state: team.state, cost: Object.values(d.deltas).reduce((sum, v) => sum + Math.min(0, v), 0), ...(multi ? { team: team.name } : {}) })),
    );
    const costly = all.filter((d) => d.cost < 0).sort((a, b) => a.cost - b.cost || a.turn - b.turn).slice(0, 3);
    if (costly.length === 0) {
      addText(this, LEFT, TOP + 20, t('debriefNothingCost'), { size: 40, colour: colour.inkSoft });
      this.regions.push({ role: 'text', text: t('debriefNothingCost') });
      this.shown = { ...this.shown, costly: [] };
      return;
    }
    const rows = drawDecisionRows(this, room.scenario, costly, { x: LEFT, y: TOP + 10, width: RIGHT - LEFT, bottom: NAV_Y - 50 });
    this.regions.push({ role: 'values', items: rows.map((row, i) => ({ id: `costly-${i}`, label: row.choice, value: row.changes, detail: row.where })) });
    this.shown = { ...this.shown, costly: rows };
  }

  /** The vote splits: the cards where the room was most divided first. */
  private drawVotes(room: Room): void {
    const multi = room.workshop.teams.length > 1;
    const voted = room.workshop.teams.flatMap((team) => team.decisions.filter((d) => d.vote.counts && d.vote.counts.some((c) => c > 0)).map((d) => ({ ...d, team: team.name })));
    if (voted.length === 0) {
      addText(this, LEFT, TOP + 20, t('debriefNoVotes'), { size: 40, colour: colour.inkSoft });
      this.regions.push({ role: 'text', text: t('debriefNoVotes') });
      this.shown = { ...this.shown, votes: [] };
      return;
    }
    const split = (counts: number[]) => {
      const total = counts.reduce((a, b) => a + b, 0);
      return total === 0 ? 0 : 1 - Math.max(...counts) / total;
    };
    const shown = [...voted].sort((a, b) => split(b.vote.counts!) - split(a.vote.counts!) || a.turn - b.turn).slice(0, 4);
    const columnWidth = (RIGHT - LEFT - 60) / 2;
    const boxHeight = (NAV_Y - 50 - TOP - 40) / 2;
    const rows = shown.map((d, k) => {
      const x = LEFT + (k % 2) * (columnWidth + 60);
      const y = TOP + Math.floor(k / 2) * (boxHeight + 40);
      const card = room.scenario.cards.find((c) => c.id === d.card)!;
      const stakeholder = room.scenario.stakeholders.find((s) => s.id === card.from);
      const g = this.add.graphics();
      g.fillStyle(colour.card, 1).fillRoundedRect(x, y, columnWidth, boxHeight, 22);
      g.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(x, y, columnWidth, boxHeight, 22);
      const head = [multi ? d.team : '', turnLabel(room.scenario, d.turn), say(stakeholder?.name)].filter(Boolean).join('  ·  ');
      clampLines(addText(this, x + 26, y + 20, head, { size: 28, bold: true, colour: colour.inkSoft, width: columnWidth - 52 }), 1);
      const counts = d.vote.counts!;
      const total = Math.max(1, counts.reduce((a, b) => a + b, 0));
      const line = Math.min(96, (boxHeight - 80) / counts.length);
      card.choices.forEach((choice, i) => {
        const ly = y + 66 + i * line;
        const label = addText(this, x + 26, ly, say(choice.label), { size: 28, bold: i === d.choice, width: columnWidth - 160 });
        clampLines(label, 1);
        g.fillStyle(colour.track, 1).fillRoundedRect(x + 26, ly + 36, columnWidth - 160, 18, 9);
        if (counts[i]! > 0) g.fillStyle(i === d.choice ? colour.accent : colour.fill, 1).fillRoundedRect(x + 26, ly + 36, Math.max(18, ((columnWidth - 160) * counts[i]!) / total), 18, 9);
        addText(this, x + columnWidth - 26, ly + 28, `${counts[i]}${i === d.choice ? ' ✓' : ''}`, { size: 34, bold: true, originX: 1, originY: 0.5 });
      });
      this.regions.push({
        role: 'values',
        label: head,
        items: card.choices.map((choice, i) => ({ id: `votes-${k}-${i}`, label: say(choice.label), value: votesText(counts[i]!), ...(i === d.choice ? { detail: t('whatIfRealMark') } : {}) })),
      });
      return { team: d.team, turn: d.turn, card: d.card, counts, choice: d.choice };
    });
    this.shown = { ...this.shown, votes: rows };
  }

  private drawProfile(room: Room): void {
    const labels = room.scenario.debrief?.tags ?? {};
    const teams = room.workshop.teams;
    const teamCounts = teams.map((team) => new Map(tagProfile(room.scenario, team.state).map((p) => [p.tag, p.count])));
    const chosen = (tag: string) => teamCounts.reduce((sum, counts) => sum + (counts.get(tag) ?? 0), 0);
    const ranked = Object.keys(labels)
      .filter((tag) => !TAG_ORDER.includes(tag))
      .map((tag) => ({ tag, count: chosen(tag) }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      .map((o) => o.tag);
    const all = [...TAG_ORDER.filter((tag) => own(labels, tag)), ...ranked];
    const tags = all.slice(0, MAX_TAG_COLUMNS);
    if (tags.length === 0) {
      addText(this, LEFT, TOP + 20, t('profileEmpty'), { size: 40, colour: colour.inkSoft });
      this.regions.push({ role: 'text', text: t('profileEmpty') });
      this.shown = { ...this.shown, profile: [] };
      return;
    }
    // Wide enough for the longest word of a team's name at room size ("Verpleegkundigen"), within 30% of the slide.
    const probe = addText(this, 0, 0, '', { size: 28, bold: true }).setVisible(false);
    const widestName = Math.max(0, ...teams.flatMap((team) => team.name.split(/\s+/)).map((w) => probe.context.measureText(w).width));
    const nameWidth = teams.length > 1 ? Math.min((RIGHT - LEFT) * 0.3, Math.max(Math.min(320, (RIGHT - LEFT) * 0.22), widestName + 48)) : 0;
    const cell = (RIGHT - LEFT - nameWidth) / tags.length;
    if (all.length > tags.length) addText(this, LEFT, NAV_Y - 50, t('profileMoreTags', { count: all.length - tags.length }), { size: 28, colour: colour.inkSoft, originY: 1 });
    // Labels too long for their column take turns on two rows, each with two columns' room, broken only between words.
    const header = drawColumnLabels(this, tags.map((tag) => say(own(labels, tag)!.label)), tags.map((_, i) => LEFT + nameWidth + cell * (i + 0.5)), cell, TOP + 20, { size: 30, minSize: 28, left: LEFT, right: RIGHT });
    const rowsTop = Math.max(TOP + 120, TOP + 20 + header.height + 20);
    const rowHeight = Math.min(220, (NAV_Y - 90 - rowsTop) / teams.length);
    const profile = teams.map((team, r) => {
      const counts = teamCounts[r]!;
      const max = tags.reduce((m, tag) => Math.max(m, counts.get(tag) ?? 0), 1);
      const y = rowsTop + r * rowHeight;
      const g = this.add.graphics();
      g.fillStyle(colour.card, 1).fillRoundedRect(LEFT, y, RIGHT - LEFT, rowHeight - 14, 18);
      if (nameWidth) fitWords(addText(this, LEFT + 24, y + (rowHeight - 14) / 2, team.name, { size: 28, bold: true, originY: 0.5 }), nameWidth - 40, 28, Math.max(2, Math.floor((rowHeight - 22) / 36)));
      tags.forEach((tag, i) => {
        const count = counts.get(tag) ?? 0;
        const cx = LEFT + nameWidth + cell * (i + 0.5);
        const barHeight = ((rowHeight - 50) * count) / max;
        g.fillStyle(colour.track, 1).fillRect(cx - 34, y + 10, 32, rowHeight - 50);
        if (count > 0) g.fillStyle(count === max ? colour.accent : colour.fill, 1).fillRect(cx - 34, y + 10 + rowHeight - 50 - barHeight, 32, barHeight);
        addText(this, cx + 6, y + (rowHeight - 14) / 2, `${count}×`, { size: 28, bold: true, originY: 0.5 });
      });
      this.regions.push({ role: 'values', ...(nameWidth ? { label: team.name } : {}), items: tags.map((tag) => ({ id: `profile-${r}-${tag}`, label: say(own(labels, tag)!.label), value: `${counts.get(tag) ?? 0}×` })) });
      return { team: team.name, counts: Object.fromEntries(tags.map((tag) => [tag, counts.get(tag) ?? 0])) };
    });
    if (all.length > tags.length) this.regions.push({ role: 'text', text: t('profileMoreTags', { count: all.length - tags.length }) });
    this.shown = { ...this.shown, profile };
  }

  private drawQuestions(room: Room): void {
    const questions = (room.scenario.debrief?.questions ?? []).map((q) => say(q));
    const list = questions.length > 0 ? questions : [t('questionsEmpty')];
    const textSize = list.length > 4 ? 32 : 44;
    let y = TOP;
    list.forEach((question, i) => {
      const g = this.add.graphics();
      g.fillStyle(colour.accent, 1).fillCircle(LEFT + 28, y + textSize * 0.7, 28);
      addText(this, LEFT + 28, y + textSize * 0.7, String(i + 1), { size: 30, bold: true, colour: colour.white, originX: 0.5, originY: 0.5 });
      const text = addText(this, LEFT + 90, y, question, { size: textSize, width: RIGHT - LEFT - 90, lineSpacing: 8 });
      y += Math.max(text.height, 56) + (list.length > 4 ? 22 : 36);
    });
    this.regions.push({ role: 'values', items: list.map((question, i) => ({ id: `question-${i}`, label: `${i + 1}. ${question}` })) });
    this.shown = { ...this.shown, questions: list };
  }

  private drawNavigation(room: Room): void {
    const last = room.slide === SLIDES.length - 1;
    const go = (slide: number) => {
      setSlide(room, slide);
      this.scene.restart();
    };
    const buttons: Button[] = [];
    let focus: FocusList | null = null;
    const hover = (i: number) => () => focus?.focus(i);
    // A stopped session can be taken back from the first page: a button beside its title, first in the focus order.
    const resumable = room.slide === 0 && canResumeRoom(room);
    if (resumable) {
      const width = Math.min(420, (RIGHT - LEFT) / 3);
      buttons.push(new Button(this, RIGHT - width, 50, { width, label: t('debriefBackToGame'), align: 'center', textSize: 30, onActivate: () => goBackToGame(this.game), onHover: hover(0) }));
    }
    // On a narrow stage the two long labels share what is left and wrap rather than shrink below room size.
    const wide = Math.min(560, (RIGHT - LEFT - 2 * 200 - 3 * 24 - 130) / 2);
    const items = [
      { label: t('previousPage'), act: () => go(room.slide - 1), width: 200, enabled: room.slide > 0 },
      { label: t('nextPage'), act: () => go(room.slide + 1), width: 200, enabled: !last },
      { label: t('debriefReport'), act: () => this.download(room), width: wide, enabled: true },
      { label: t('backToTitle'), act: () => goTitle(this.game), width: wide, enabled: true },
    ];
    let x = LEFT;
    items.forEach((item, i) => {
      const button = new Button(this, x, NAV_Y, { width: item.width, label: item.label, align: 'center', textSize: 30, disabled: !item.enabled, onActivate: item.act, onHover: hover(buttons.length) });
      if (item.enabled) buttons.push(button);
      x += item.width + 24;
      if (i === 1) {
        addText(this, x + 6, NAV_Y + button.buttonHeight / 2, t('pageOf', { page: room.slide + 1, pages: SLIDES.length }), { size: 28, bold: true, colour: colour.inkSoft, originY: 0.5 });
        x = RIGHT - items[2]!.width - items[3]!.width - 24;
      }
    });
    focus = new FocusList(buttons);
    focus.focus(last ? buttons.findIndex((b) => b.label.text === t('debriefReport')) : buttons.findIndex((b) => b.label.text === t('nextPage')));
    const release = pushHandler((command: Command) => {
      switch (command.kind) {
        case 'forward': if (!last) go(room.slide + 1); return true;
        case 'back':
          if (room.slide > 0) go(room.slide - 1);
          else if (resumable) focus!.focus(0);
          return true;
        case 'next': focus!.move(1); return true;
        case 'previous': focus!.move(-1); return true;
        case 'confirm': focus!.activate(); return true;
        case 'letter':
          if (command.key === 'i') return false;
          if (command.key === 'd') this.download(room);
          else if (command.key === 'q' && phonesOn()) goQuestion(this.game, 'debrief');
          else if (command.key === 'r' && phonesOn()) goRating(this.game, 'debrief');
          else if (command.key === 'w') {
            openBranch(room);
            goScreen(this.game, 'whatif');
          }
          return true;
        case 'choice': return true;
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    const labels = focus.labels();
    const page = { role: 'text' as const, text: t('pageOf', { page: room.slide + 1, pages: SLIDES.length }) };
    // Each new slide is said: its title and where it is in the debrief.
    const announce = sentences([t(TITLES[this.shown.slide as Slide]), page.text]);
    showScreen('debrief', () => ({ ...listScreen(t(TITLES[this.shown.slide as Slide]), focus, { ...this.shown, buttons: labels, focus: focus!.current, resumable }, [...this.regions, page]), announce }));
  }

  private download(room: Room): void {
    this.shown = { ...this.shown, downloaded: downloadWorkshopReport(room) };
  }
}
