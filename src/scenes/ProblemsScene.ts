/**
 * Every problem of a scenario file, as the command-line validator lists them — line, column,
 * message, suggestion — each with the author's own line beneath it and a caret under the column.
 * Errors come first (the file cannot be played until they are fixed), then warnings, each in the
 * file's order. Whole problems are shown a page at a time, as many as fit, so nothing is cut off on
 * a projector; arrows and the presenter remote scroll. A file that plays (warnings only) can be played or mapped from here.
 */
import * as Phaser from 'phaser';
import { excerpt } from '../authoring/excerpt.ts';
import { currentDraft, type Draft } from '../authoring/draft.ts';
import { goBack, playDraft, problemsBack, showMap } from '../authoring/flow.ts';
import { pickFile } from '../authoring/files.ts';
import { LIMITS } from '../engine/format.ts';
import { errorsFirst, type Problem } from '../engine/validate.ts';
import { language, say, t } from '../locales/index.ts';
import { word } from '../locales/authoring.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { listScreen } from '../ui/describe.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { Button, FocusList } from '../ui/button.ts';
import { addText, fitWidth } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';

const LEFT = 110;
const RIGHT = STAGE.width - 110;
const LIST_TOP = 220;
/** The list ends above the buttons; two-line button labels (Dutch, 1024×768) push it up. */
const BUTTONS_BOTTOM = 1005;
const BLOCK_GAP = 14;
const PAD = 16;
/** Monospace, so the caret stands under the right character; the list only needs one that exists. */
const MONO = 'Consolas, Menlo, "DejaVu Sans Mono", "Liberation Mono", monospace';
const MONO_SIZE = 28;
const EXCERPT_WIDTH = 84;

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

export class ProblemsScene extends Phaser.Scene {
  private first = 0;
  private list: Phaser.GameObjects.GameObject[] = [];
  private shownRange: [number, number] = [0, 0];
  private focus: FocusList | null = null;
  private listBottom = 880;
  private problems: Problem[] = [];

  constructor() {
    super('problems');
  }

  init(data: { first?: number }): void {
    this.first = data.first ?? 0;
  }

  create(): void {
    const draft = currentDraft();
    if (!draft) {
      goBack(this.game, 'title');
      return;
    }
    fitCamera(this);
    drawBackdrop(this);
    this.list = [];
    this.problems = errorsFirst(draft.problems);
    const errors = draft.problems.filter((p) => p.severity === 'error').length;
    const warnings = draft.problems.length - errors;
    const heading = draft.tooLarge ? t('problemsTooLarge') : !draft.scenario ? t('problemsErrors') : warnings > 0 ? t('problemsWarnings') : t('problemsNone');
    const title = addText(this, LEFT, 44, heading, { size: size.heading, bold: true, colour: draft.scenario ? colour.ink : colour.danger });
    fitWidth(title, RIGHT - LEFT, 40);
    const named = draft.scenario ? `${draft.file}  ·  ${say(draft.scenario.title)}` : draft.file;
    const counts = draft.tooLarge ? named : t('problemsCount', { file: named, errors, warnings });
    const sub = addText(this, LEFT, 128, counts, { size: size.body, colour: colour.inkSoft });
    fitWidth(sub, RIGHT - LEFT, 24);

    if (draft.tooLarge) {
      addText(this, LEFT, LIST_TOP + 40, t('problemsTooLargeText', { file: draft.file, size: megabytes(draft.tooLarge.bytes), limit: megabytes(LIMITS.fileBytes) }), { size: size.cardText, width: RIGHT - LEFT, lineSpacing: 12 });
    } else if (draft.problems.length === 0) {
      addText(this, LEFT, LIST_TOP + 40, t('problemsNoneText'), { size: size.cardText, width: RIGHT - LEFT });
    }

    this.buildButtons(draft);
    this.drawList(draft);
    addText(this, STAGE.width / 2, STAGE.height - 34, draft.problems.length > 0 ? t('problemsKeys') : t('problemsKeysShort'), { size: size.small, colour: colour.inkSoft, originX: 0.5, originY: 0.5 });

    this.input.on('wheel', (_pointer: unknown, _over: unknown, _dx: number, dy: number) => this.scrollTo(this.first + Math.sign(dy)));
    const release = pushHandler((command) => this.handle(command));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    showScreen('problems', () => listScreen(heading, this.focus, {
      file: draft.file,
      origin: draft.origin,
      ok: draft.scenario !== null,
      tooLarge: draft.tooLarge ?? null,
      heading,
      problems: this.problems.map((p) => ({ ...p, message: word(p.code, p.params, language()), source: excerpt(draft.source, p.line, p.column, EXCERPT_WIDTH)?.text ?? null })),
      shownFrom: this.shownRange[0],
      shownTo: this.shownRange[1],
      buttons: this.focus?.labels() ?? [],
      focus: this.focus?.current ?? -1,
    }, [
      { role: 'text', text: draft.file },
      { role: 'values', items: this.problems.map((p, i) => ({ id: `problem-${i}`, label: `${p.line}:${p.column} ${p.path}`, value: word(p.code, p.params, language()), ...(p.suggestion ? { detail: word('problemSuggestion', { suggestion: p.suggestion }, language()) } : {}) })) },
    ]));
    settle();
    requestFrames();
  }

  private buildButtons(draft: Draft): void {
    const entries: { label: string; act: () => void }[] = [];
    if (draft.scenario) {
      entries.push({ label: t('playFile'), act: () => playDraft(this.game) });
      entries.push({ label: t('scenarioMap'), act: () => showMap(this.game, draft, 'problems') });
    }
    entries.push({ label: t('openAnother'), act: () => pickFile() });
    entries.push({ label: t('back'), act: () => goBack(this.game, problemsBack()) });
    const gap = 32;
    const width = Math.min(460, (RIGHT - LEFT - gap * (entries.length - 1)) / entries.length);
    const buttons = entries.map((entry, i) =>
      new Button(this, LEFT + i * (width + gap), 910, { width, label: entry.label, badge: String(i + 1), textSize: 30, onActivate: entry.act, onHover: () => this.focus?.focus(i) }),
    );
    const tallest = Math.max(...buttons.map((b) => b.buttonHeight));
    buttons.forEach((b) => b.setY(BUTTONS_BOTTOM - tallest));
    this.listBottom = BUTTONS_BOTTOM - tallest - 30;
    this.focus = new FocusList(buttons);
    this.focus.focus(0);
  }

  /** Draws whole problems from `first` on, as many as fit. */
  private drawList(draft: Draft): void {
    this.list.forEach((o) => o.destroy());
    this.list = [];
    const problems = this.problems;
    if (problems.length === 0) {
      this.shownRange = [0, 0];
      return;
    }
    this.first = Math.max(0, Math.min(this.first, problems.length - 1));
    let y = LIST_TOP;
    let i = this.first;
    for (; i < problems.length; i++) {
      const block = this.drawProblem(draft, problems[i]!, y);
      const bottom = y + block.height;
      if (bottom > this.listBottom && i > this.first) {
        block.objects.forEach((o) => o.destroy());
        break;
      }
      this.list.push(...block.objects);
      y = bottom + BLOCK_GAP;
    }
    this.shownRange = [this.first + 1, i];
    const range = addText(this, RIGHT, LIST_TOP - 14, t('problemsRange', { from: this.first + 1, to: i, total: problems.length }), { size: size.small, bold: true, colour: colour.inkSoft, originX: 1, originY: 1 });
    this.list.push(range);
    // A scroll bar: where this page is in the whole list.
    const track = this.add.graphics();
    const x = RIGHT + 40;
    const height = this.listBottom - LIST_TOP;
    track.fillStyle(colour.track, 1).fillRoundedRect(x, LIST_TOP, 12, height, 6);
    const top = LIST_TOP + (this.first / problems.length) * height;
    const length = Math.max(24, ((i - this.first) / problems.length) * height);
    track.fillStyle(colour.accent, 1).fillRoundedRect(x, top, 12, Math.min(length, this.listBottom - top), 6);
    this.list.push(track);
  }

  private drawProblem(draft: Draft, problem: Problem, top: number): { height: number; objects: Phaser.GameObjects.GameObject[] } {
    const error = problem.severity === 'error';
    const tone = error ? colour.danger : colour.focus;
    const x = LEFT + PAD + 14;
    const width = RIGHT - LEFT - PAD * 2 - 14;
    const objects: Phaser.GameObjects.GameObject[] = [];
    const panel = this.add.graphics();
    objects.push(panel);
    let y = top + PAD - 4;
    const head = addText(this, x, y, `${t('problemAt', { line: problem.line, column: problem.column })}  ·  ${error ? t('problemError') : t('problemWarning')}`, { size: 30, bold: true, colour: tone });
    objects.push(head);
    // "Did you mean …?" stands beside the place when there is room, so a page holds more problems;
    // a long one gets a line of its own under the message.
    const hint = problem.suggestion ? addText(this, x + head.width + 32, y, t('problemSuggestion', { suggestion: problem.suggestion }), { size: 30, bold: true, colour: colour.accent }) : null;
    const besideHead = hint !== null && head.width + 32 + hint.width + 40 + 260 <= width;
    if (hint) objects.push(hint);
    const path = addText(this, RIGHT - PAD, y + head.height / 2, t('problemPath', { path: problem.path }), { size: 24, colour: colour.inkSoft, originX: 1, originY: 0.5 });
    fitWidth(path, width - head.width - 40 - (besideHead ? hint!.width + 32 : 0), 16);
    objects.push(path);
    y += head.height + 4;
    const message = addText(this, x, y, word(problem.code, problem.params, language()), { size: 32, width });
    objects.push(message);
    y += message.height + 6;
    if (hint && !besideHead) {
      hint.setPosition(x, y);
      hint.setWordWrapWidth(width, true);
      y += hint.height + 6;
    }
    y += 4;
    const line = excerpt(draft.source, problem.line, problem.column, EXCERPT_WIDTH);
    if (line) {
      const gutter = `${problem.line} │ `;
      const box = this.add.graphics();
      const code = addText(this, x + 16, y + 8, `${gutter}${line.text}\n${' '.repeat(gutter.length)}${line.caret}`, { size: MONO_SIZE, lineSpacing: -4 });
      code.setFontFamily(MONO);
      box.fillStyle(colour.paperDeep, 1).fillRoundedRect(x, y, width, code.height + 12, 12);
      objects.push(box, code);
      y += code.height + 12;
    }
    const height = y + PAD - top;
    panel.fillStyle(colour.card, 1).fillRoundedRect(LEFT, top, RIGHT - LEFT, height, 18);
    panel.lineStyle(2, colour.cardEdge, 1).strokeRoundedRect(LEFT, top, RIGHT - LEFT, height, 18);
    panel.fillStyle(tone, 1).fillRoundedRect(LEFT, top, 12, height, { tl: 18, bl: 18, tr: 0, br: 0 });
    return { height, objects };
  }

  private scrollTo(first: number): void {
    const draft = currentDraft();
    if (!draft || this.problems.length === 0) return;
    const next = Math.max(0, Math.min(first, this.problems.length - 1));
    if (next === this.first) return;
    this.first = next;
    this.scene.settings.data = { first: next };
    this.drawList(draft);
    requestFrames();
  }

  private handle(command: Command): boolean {
    const focus = this.focus;
    if (!focus) return false;
    const [from, to] = this.shownRange;
    switch (command.kind) {
      case 'next': this.scrollTo(this.first + 1); return true;
      case 'previous': this.scrollTo(this.first - 1); return true;
      case 'forward': if (to < this.problems.length) this.scrollTo(to); return true;
      case 'back': this.scrollTo(this.first - Math.max(1, to - from + 1)); return true;
      case 'choice': if (command.index < focus.size) { focus.focus(command.index); focus.activate(); } return true;
      case 'confirm': focus.activate(); return true;
      case 'menu': goBack(this.game, problemsBack()); return true;
      default: return false;
    }
  }
}
