/**
 * The ending and debrief, in pages a presenter can step through with the remote: the ending and
 * the meters over time, whose customer you were, how you served (the tag profile), and questions.
 */
import * as Phaser from 'phaser';
import { meterSeries, stakeholderShifts, tagProfile, type StakeholderShift } from '../engine/debrief.ts';
import type { Scenario } from '../engine/format.ts';
import { indexOf } from '../engine/scenarioIndex.ts';
import type { GameState } from '../engine/state.ts';
import { say, t } from '../locales/index.ts';
import type { MessageKey } from '../locales/en.ts';
import { byTab, pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { currentSession } from '../session/session.ts';
import { addArt, portraitKey, queueScenarioArt } from '../ui/art.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { Button, FocusList } from '../ui/button.ts';
import { drawChart } from '../ui/chart.ts';
import { signed } from '../locales/format.ts';
import { meterTriangle } from '../ui/meters.ts';
import { addText, fitHeight, fitWidth } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { goPlay, goTitle } from './navigation.ts';
import { answersFor, setAnswer } from '../session/answers.ts';
import type { ScreenItem, ScreenRegion } from '../platform/screenModel.ts';
import { chartOf, courseWords, meterItems, sentences } from '../ui/describe.ts';
import { downloadSoloReport, drawReflection, drawWeighty, QUESTIONS_PER_PAGE, reflectionPages } from './reflection.ts';
import { own } from '../engine/own.ts';

type Page = 'ending' | 'customers' | 'profile' | 'weighty' | 'questions';

/** The personal report: the fixed pages, then the reflection questions a few to a page. */
function pagesFor(scenario: Scenario): Page[] {
  return ['ending', 'customers', 'profile', 'weighty', ...Array.from({ length: reflectionPages(scenario) }, () => 'questions' as const)];
}
const FIRST_QUESTIONS = 4;
const LEFT = 110;
const RIGHT = STAGE.width - 110;
const NAV_Y = 950;

/** The two tag families the seeds name; anything else the scenario labels is shown as a third group. */
const TAG_GROUPS: { title: MessageKey; tags: readonly string[] }[] = [
  { title: 'profileLevels', tags: ['friendly', 'oriented', 'driven'] },
  { title: 'profileFrames', tags: ['more', 'better', 'different'] },
];

/** Rows that fit the third group's column above its summary; the most chosen of the scenario's other labels are shown. */
const MAX_OTHER_TAGS = 3;

/** The largest count, without spreading a list into Math.max (a long list would overflow the stack). */
function largest(values: Iterable<number>, start = 0): number {
  let max = start;
  for (const v of values) if (v > max) max = v;
  return max;
}

export class EndingScene extends Phaser.Scene {
  private page = 0;
  private pages: Page[] = [];
  private shown: Record<string, unknown> = {};
  /** This page in words, for the accessible layer: set by each page as it draws. */
  private pageTitle = '';
  private regions: ScreenRegion[] = [];
  private reflection: ReturnType<typeof drawReflection> | null = null;
  private download: Button | null = null;

  constructor() {
    super('ending');
  }

  init(data: { page?: number }): void {
    this.page = Math.max(0, data.page ?? 0);
  }

  preload(): void {
    const session = currentSession();
    if (session) queueScenarioArt(this, session.scenario);
  }

  create(): void {
    const session = currentSession();
    if (!session || !session.state.end) {
      goTitle(this.game);
      return;
    }
    fitCamera(this);
    drawBackdrop(this);
    const { scenario, state } = session;
    this.pages = pagesFor(scenario);
    this.page = Math.min(this.page, this.pages.length - 1);
    this.reflection = null;
    this.download = null;
    const page: Page = this.pages[this.page]!;
    this.shown = { page, pageIndex: this.page, pages: this.pages.length };
    this.regions = [];
    if (page === 'ending') this.drawEnding(scenario, state);
    else if (page === 'customers') this.drawCustomers(scenario, state);
    else if (page === 'profile') this.drawProfile(scenario, state);
    else if (page === 'weighty') this.drawWeightyPage(scenario, state);
    else this.drawQuestions(scenario, state);
    this.drawNavigation();
    settle();
    requestFrames();
  }

  private heading(text: string): void {
    this.pageTitle = text;
    addText(this, LEFT, 70, text, { size: 64, bold: true, width: RIGHT - LEFT - 200 });
  }

  private drawEnding(scenario: Scenario, state: GameState): void {
    const end = state.end!;
    const ending = end.ending ? indexOf(scenario).endings.get(end.ending) : undefined;
    const title = ending ? say(ending.title) : t('endingTheEnd');
    const text = ending ? say(ending.text) : t('endingNoText');
    const meter = end.meter ? scenario.meters.find((m) => m.id === end.meter) : undefined;
    const reason =
      end.reason === 'meter' && meter ? t('endedByMeter', { meter: say(meter.label) })
        : end.reason === 'turns' ? t('endedByTurns', { turns: scenario.turns ?? state.turn, unit: say(scenario.turnUnit) || t('defaultTurnUnit') })
          : end.reason === 'deck' ? t('endedByDeck') : '';
    const columnWidth = 700;
    const titleText = addText(this, LEFT, 80, title, { size: 68, bold: true, width: columnWidth, colour: colour.accent });
    const reasonText = addText(this, LEFT, titleText.y + titleText.height + 28, reason, { size: 30, bold: true, colour: colour.inkSoft, width: columnWidth });
    const body = addText(this, LEFT, reasonText.y + reasonText.height + 36, text, { size: 40, width: columnWidth, lineSpacing: 12 });
    fitHeight(body, NAV_Y - 60 - body.y, 32);
    const chartX = LEFT + columnWidth + 110;
    addText(this, chartX - 20, 84, t('chartTitle'), { size: 40, bold: true });
    const series = meterSeries(scenario, state);
    drawChart(this, scenario, series, { x: chartX, y: 190, width: RIGHT - chartX, height: 660 });
    this.shown = { ...this.shown, endingTitle: title, endingText: text, reason };
    this.pageTitle = title;
    this.regions.push({ role: 'text', text: `${reason}\n${text}` });
    this.regions.push({ role: 'values', label: t('chartTitle'), text: courseWords(scenario, state), items: meterItems(scenario, state.meters), chart: chartOf(scenario, series, t('chartTitle')) });
  }

  private drawCustomers(scenario: Scenario, state: GameState): void {
    this.heading(t('whoseCustomer'));
    const shifts = stakeholderShifts(scenario, state);
    const gained = shifts.filter((s) => s.change > 0).slice(0, 3);
    const lost = shifts.filter((s) => s.change < 0).reverse().slice(0, 3);
    const columnWidth = (RIGHT - LEFT - 80) / 2;
    this.customerColumn(scenario, t('gainedMost'), gained, t('nobodyGained'), LEFT, columnWidth);
    this.customerColumn(scenario, t('lostMost'), lost, t('nobodyLost'), LEFT + columnWidth + 80, columnWidth);
    const describe = (s: StakeholderShift) => ({ stakeholder: s.stakeholder, change: s.change });
    this.shown = { ...this.shown, gained: gained.map(describe), lost: lost.map(describe) };
    const items = (list: StakeholderShift[]) => list.map((shift) => ({
      id: `shift-${shift.stakeholder}`,
      label: say(scenario.stakeholders.find((s) => s.id === shift.stakeholder)?.name),
      value: signed(shift.change),
      detail: say(scenario.meters.find((m) => m.id === shift.meter)?.label),
    }));
    this.regions.push({ role: 'values', label: t('gainedMost'), ...(gained.length === 0 ? { text: t('nobodyGained') } : {}), items: items(gained) });
    this.regions.push({ role: 'values', label: t('lostMost'), ...(lost.length === 0 ? { text: t('nobodyLost') } : {}), items: items(lost) });
  }

  private customerColumn(scenario: Scenario, title: string, shifts: StakeholderShift[], empty: string, x: number, width: number): void {
    addText(this, x, 200, title, { size: 44, bold: true, colour: colour.inkSoft });
    if (shifts.length === 0) {
      addText(this, x, 290, empty, { size: size.body, colour: colour.inkSoft });
      return;
    }
    shifts.forEach((shift, i) => {
      const y = 280 + i * 200;
      const stakeholder = scenario.stakeholders.find((s) => s.id === shift.stakeholder);
      const meter = scenario.meters.find((m) => m.id === shift.meter);
      const g = this.add.graphics();
      g.fillStyle(colour.card, 1).fillRoundedRect(x, y, width, 176, 24);
      g.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(x, y, width, 176, 24);
      addArt(this, portraitKey(stakeholder?.portrait), x + 96, y + 88, 136);
      const textWidth = width - 190 - 220;
      const name = addText(this, x + 190, y + 30, say(stakeholder?.name), { size: 34, bold: true, width: textWidth });
      // One long Dutch compound can be wider than the column; it shrinks rather than running into the number.
      fitWidth(name, textWidth, 22);
      fitHeight(name, 92, 22);
      fitWidth(addText(this, x + 190, y + 124, say(meter?.label), { size: 28, colour: colour.inkSoft }), textWidth, 20);
      const up = shift.change > 0;
      g.fillStyle(up ? colour.up : colour.down, 1);
      meterTriangle(g, x + width - 170, y + 88, 20, up);
      addText(this, x + width - 40, y + 88, signed(shift.change), { size: 56, bold: true, colour: up ? colour.up : colour.down, originX: 1, originY: 0.5 });
    });
  }

  private drawProfile(scenario: Scenario, state: GameState): void {
    this.heading(t('profileTitle'));
    const labels = scenario.debrief?.tags ?? {};
    const counts = new Map(tagProfile(scenario, state).map((p) => [p.tag, p.count]));
    const grouped = new Set(TAG_GROUPS.flatMap((g) => g.tags));
    const allOthers = Object.keys(labels).filter((tag) => !grouped.has(tag));
    const others = allOthers
      .map((tag) => ({ tag, count: counts.get(tag) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      .slice(0, MAX_OTHER_TAGS)
      .map((o) => o.tag);
    const hidden = allOthers.length - others.length;
    const groups = [...TAG_GROUPS, ...(others.length > 0 ? [{ title: 'profileOther' as MessageKey, tags: others }] : [])]
      .map((g) => ({ title: g.title, tags: g.tags.filter((tag) => own(labels, tag)), hidden: g.title === 'profileOther' ? hidden : 0 }))
      .filter((g) => g.tags.length > 0);
    if (groups.length === 0 || counts.size === 0) {
      addText(this, LEFT, 220, t('profileEmpty'), { size: size.body, colour: colour.inkSoft, width: RIGHT - LEFT });
      this.shown = { ...this.shown, profile: [] };
      this.regions.push({ role: 'text', text: t('profileEmpty') });
      return;
    }
    const columnWidth = (RIGHT - LEFT - 60 * (groups.length - 1)) / groups.length;
    const profile: { group: string; tag: string; label: string; count: number; bar: number }[] = [];
    groups.forEach((group, gi) => {
      const x = LEFT + gi * (columnWidth + 60);
      addText(this, x, 200, t(group.title), { size: 36, bold: true, colour: colour.inkSoft, width: columnWidth });
      const groupItems: ScreenItem[] = [];
      const region: ScreenRegion = { role: 'values', label: t(group.title), items: groupItems };
      this.regions.push(region);
      const best = largest(group.tags.map((tag) => counts.get(tag) ?? 0));
      const max = Math.max(1, best);
      const leaders = group.tags.filter((tag) => (counts.get(tag) ?? 0) === best);
      const top = leaders.length === 1 ? leaders[0] : undefined;
      // Each bar sits under its label however many lines the label takes ("Anders (de mens en zijn
      // vraag)" wraps in a third of the screen): a fixed row would draw the bar over the second line.
      let y = 280;
      group.tags.forEach((tag) => {
        const count = counts.get(tag) ?? 0;
        const label = say(own(labels, tag)!.label);
        groupItems.push({ id: `tag-${tag}`, label, value: t('profileTimes', { count }) });
        const labelText = addText(this, x, y, label, { size: 32, bold: true, width: columnWidth - 90 });
        addText(this, x + columnWidth, y, t('profileTimes', { count }), { size: 32, bold: true, originX: 1 });
        const barY = y + Math.max(50, labelText.height + 8);
        profile.push({ group: group.title, tag, label, count, bar: barY });
        const g = this.add.graphics();
        g.fillStyle(colour.track, 1).fillRoundedRect(x, barY, columnWidth, 26, 13);
        if (count > 0) g.fillStyle(tag === top ? colour.accent : colour.fill, 1).fillRoundedRect(x, barY, Math.max(26, (columnWidth * count) / max), 26, 13);
        y = barY + 68;
      });
      let below = y;
      if (group.hidden > 0) {
        const more = addText(this, x, below - 20, t('profileMoreTags', { count: group.hidden }), { size: 28, colour: colour.inkSoft, width: columnWidth });
        below = more.y + more.height + 10;
      }
      if (best > 0) {
        const y = below + 20;
        const box = this.add.graphics();
        const summaryLabel = top ? say(own(labels, top)!.label) : leaders.map((tag) => say(own(labels, tag)!.label)).join(' = ');
        const summary = addText(this, x + 28, y + 24, t(top ? 'profileMostly' : 'profileTied', { label: summaryLabel }), { size: 32, bold: true, colour: colour.accent, width: columnWidth - 56 });
        const explanation = addText(this, x + 28, summary.y + summary.height + 10, top ? say(own(labels, top)!.text) : '', { size: 30, width: columnWidth - 56 });
        fitHeight(explanation, NAV_Y - 50 - explanation.y, 26);
        region.text = `${summary.text}${top ? `\n${explanation.text}` : ''}`;
        box.fillStyle(colour.accentSoft, 1).fillRoundedRect(x, y, columnWidth, (top ? explanation.y + explanation.height : summary.y + summary.height) + 24 - y, 22);
      }
    });
    this.shown = { ...this.shown, profile, profileHidden: hidden };
  }

  private drawWeightyPage(scenario: Scenario, state: GameState): void {
    this.heading(t('weightyTitle'));
    const rows = drawWeighty(this, scenario, state, { x: LEFT, y: 200, width: RIGHT - LEFT, bottom: NAV_Y - 50 });
    this.shown = { ...this.shown, weighty: rows };
    if (rows.length === 0) this.regions.push({ role: 'text', text: t('weightyEmpty') });
    // The row's heading as drawn: the week and who asked.
    this.regions.push({ role: 'values', items: rows.map((row, i) => ({ id: `weighty-${i}`, label: row.choice, value: row.changes, detail: row.where })) });
  }

  /** Reflection questions with a box each, and the report to keep. */
  private drawQuestions(scenario: Scenario, state: GameState): void {
    addText(this, LEFT, 70, t('reflectionTitle'), { size: 64, bold: true, width: RIGHT - LEFT - 640 });
    addText(this, LEFT, 150, t('reflectionHint'), { size: 28, colour: colour.inkSoft, width: RIGHT - LEFT - 640 });
    this.download = new Button(this, RIGHT - 560, 66, { width: 560, label: t('downloadMyReport'), align: 'center', textSize: 34, onActivate: () => this.downloadReport(scenario, state), onHover: () => undefined });
    this.reflection = drawReflection(this, scenario, state, this.page - FIRST_QUESTIONS, { x: LEFT, y: 230, width: RIGHT - LEFT, bottom: NAV_Y - 20 }, (frame) => this.focusFrame?.(frame));
    this.shown = { ...this.shown, questions: this.reflection.questions, firstQuestion: (this.page - FIRST_QUESTIONS) * QUESTIONS_PER_PAGE };
    this.pageTitle = t('reflectionTitle');
    const first = (this.page - FIRST_QUESTIONS) * QUESTIONS_PER_PAGE;
    const seed = state.seed;
    this.regions.push({ role: 'text', text: t('reflectionHint') });
    this.regions.push({
      role: 'text',
      items: this.reflection.questions.map((question, i) => ({
        id: `answer-${first + i}`,
        label: question,
        field: { value: answersFor(seed)[first + i] ?? '', multiline: true, placeholder: t('answerPlaceholder'), maxLength: 4000, onInput: (value: string) => setAnswer(seed, first + i, value) },
      })),
    });
  }

  private focusFrame: ((frame: number) => void) | null = null;

  private downloadReport(scenario: Scenario, state: GameState): void {
    const file = downloadSoloReport(scenario, state);
    this.shown = { ...this.shown, downloaded: file };
  }

  private drawNavigation(): void {
    const last = this.page === this.pages.length - 1;
    const goPage = (page: number) => this.scene.restart({ page });
    const buttons: Button[] = [];
    let focus: FocusList | null = null;
    const hover = (i: number) => () => focus?.focus(i);
    const nav: { label: string; act: () => void; width: number; enabled: boolean }[] = [
      { label: t('previousPage'), act: () => goPage(this.page - 1), width: 250, enabled: this.page > 0 },
      { label: t('nextPage'), act: () => goPage(this.page + 1), width: 250, enabled: !last },
      { label: t('playAgain'), act: () => goPlay(this.game), width: 420, enabled: true },
      { label: t('otherScenario'), act: () => goTitle(this.game), width: 500, enabled: true },
    ];
    let x = LEFT;
    nav.forEach((item, i) => {
      const button = new Button(this, x, NAV_Y, { width: item.width, label: item.label, align: 'center', textSize: 32, disabled: !item.enabled, onActivate: item.act, onHover: hover(buttons.length) });
      if (item.enabled) buttons.push(button);
      x += item.width + 28;
      if (i === 1) {
        addText(this, x + 10, NAV_Y + button.buttonHeight / 2, t('pageOf', { page: this.page + 1, pages: this.pages.length }), { size: 30, bold: true, colour: colour.inkSoft, originY: 0.5 });
        x = RIGHT - nav[2]!.width - nav[3]!.width - 28;
      }
    });
    // On a reflection page the answer boxes and the download come first in the keyboard order; the
    // focus still starts on the page buttons, so a presenter remote is never caught in a text box.
    const frames = this.reflection?.frames ?? [];
    const inputs = this.reflection?.inputs ?? [];
    const extra = [...frames, ...(this.download ? [this.download] : [])];
    const all = [...extra, ...buttons];
    focus = new FocusList(all, (index) => {
      if (index < frames.length) {
        // Tab goes into the box at once: one stop per answer, the box itself, read with its question.
        if (this.reflection?.fields.typing() || byTab()) inputs[index]?.focus();
      } else this.reflection?.fields.blur();
    });
    this.focusFrame = (frame) => focus!.focus(frame);
    const start = last ? buttons.findIndex((b) => b.label.text === t('playAgain')) : buttons.findIndex((b) => b.label.text === t('nextPage'));
    focus.focus(extra.length + start);
    const release = pushHandler((command: Command) => {
      if (this.reflection?.fields.typing() && command.kind === 'menu') {
        this.reflection.fields.blur();
        return true;
      }
      switch (command.kind) {
        case 'letter': if (command.key === 'd') this.download?.activate(); return true;
        case 'forward': if (!last) goPage(this.page + 1); return true;
        case 'back': if (this.page > 0) goPage(this.page - 1); return true;
        case 'next': focus!.move(1); return true;
        case 'previous': focus!.move(-1); return true;
        case 'confirm': focus!.activate(); return true;
        case 'choice': return true;
        default: return false;
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    const labels = focus.labels();
    const seed = currentSession()?.state.seed ?? '';
    const frameCount = frames.length;
    showScreen('ending', () => {
      const items = focus!.items('end-');
      // The answer boxes are fields of their own in the layer; their canvas frames are not buttons there.
      const rest = items.slice(frameCount);
      const focusId = focus!.current >= frameCount ? focus!.focusId('end-') : null;
      return {
        title: this.pageTitle,
        regions: [
          ...this.regions,
          { role: 'buttons', items: rest },
          { role: 'text', text: t('pageOf', { page: this.page + 1, pages: this.pages.length }) },
        ],
        focus: focusId,
        announce: this.page === 0 ? `${this.pageTitle}. ${String(this.shown.endingText ?? '')}` : sentences([this.pageTitle, t('pageOf', { page: this.page + 1, pages: this.pages.length })]),
        facts: { ...this.shown, buttons: labels, focus: focus!.current, ...(this.reflection ? { answers: answersFor(seed), typing: this.reflection.fields.typing() } : {}) },
      };
    });
  }
}
