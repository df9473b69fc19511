/**
 * An open question to the room, on the projector. First the trainer picks the question: the opening
 * question, the debrief's own questions, the closing question, or one typed on the spot. Then the
 * phones show it and the answers arrive live: a list on the left (newest first; Enter hides the chosen
 * one from the wall, or shows it again) and a word cloud of the visible answers on the right. Every
 * answer is drawn as canvas text, never as HTML. Q (or Esc → the menu's item) goes back to where the
 * trainer came from and the phones follow; ← goes back to the list of questions.
 */
import * as Phaser from 'phaser';
import { countWords } from '../engine/wordCloud.ts';
import { resolveText } from '../engine/text.ts';
import type { Text } from '../engine/format.ts';
import { language, plural, t } from '../locales/index.ts';
import { en } from '../locales/en.ts';
import { nl } from '../locales/nl.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import type { ScreenRegion } from '../platform/screenModel.ts';
import { STAGE, stageSize } from '../platform/viewport.ts';
import type { Texts } from '../room-protocol/protocol.ts';
import { askQuestion, closeQuestion, hideAnswer, holdAnswers, holdingAnswers, onAnswers, openQuestion, type QuestionKind } from '../session/openQuestions.ts';
import { syncPhones } from '../session/phones.ts';
import type { Room } from '../session/room.ts';
import { Button, FocusList } from '../ui/button.ts';
import { listScreen } from '../ui/describe.ts';
import { FieldLayer } from '../ui/fields.ts';
import { addText, clampLines, fitHeight } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { goScreen, questionCameFrom } from './flow.ts';
import { RoomScene } from './roomScene.ts';
import { drawWordCloud, type DrawnWord } from './wordCloud.ts';


const LEFT = 110;
/** The longest question a trainer types on the spot: it must fit the projector and the phone in large type. */
const MAX_TYPED = 160;

function both(text: Text | undefined): Texts {
  return { nl: resolveText(text, 'nl'), en: resolveText(text, 'en') };
}

/** The questions on offer: the opening one, the scenario's debrief questions, the closing one. */
function offered(room: Room): { kind: QuestionKind; text: Texts }[] {
  return [
    { kind: 'opening', text: { nl: nl.questionOpening, en: en.questionOpening } },
    ...(room.scenario.debrief?.questions ?? []).map((q) => ({ kind: 'debrief' as const, text: both(q) })),
    { kind: 'closing', text: { nl: nl.questionClosing, en: en.questionClosing } },
  ];
}

export class QuestionScene extends RoomScene {
  private typed = '';

  constructor() {
    super('question');
  }

  create(data: { focus?: number }): void {
    const room = this.openRoom();
    if (!room) return;
    const seed = room.workshop.seed;
    const question = openQuestion(seed);
    const release = pushHandler((command) => this.handle(room, command, focus));
    const stop = onAnswers(() => {
      // A new answer or a hidden one: drawn again, keeping the trainer's place in the list.
      // The game sleeps between changes: it is woken to draw the restart.
      // Only the answers to the question on screen redraw it; the trainer's own changes redraw it themselves.
      if (this.scene.isActive() && question !== null && openQuestion(seed)?.id === question.id) {
        this.scene.restart({ focus: focus?.current ?? 0 });
        requestFrames();
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      release();
      stop();
    });
    const focus = question ? this.drawAnswers(room, question.id, data.focus ?? 0) : this.drawPicker(room, data.focus ?? 0);
    settle();
    requestFrames();
  }

  private ask(room: Room, kind: QuestionKind, text: Texts): void {
    askQuestion(room.workshop.seed, kind, text);
    syncPhones();
    this.scene.restart({ focus: 0 });
    requestFrames();
  }

  private back(room: Room): void {
    closeQuestion(room.workshop.seed);
    syncPhones();
    goScreen(this.game, questionCameFrom());
  }

  private drawPicker(room: Room, at: number): FocusList {
    const { width } = stageSize();
    const inner = width - 2 * LEFT;
    addText(this, LEFT, 56, t('questionPickTitle'), { size: 56, bold: true, width: inner });
    addText(this, LEFT, 136, t('questionPickHint'), { size: 30, colour: colour.inkSoft, width: inner });
    const options = offered(room);
    const buttons: Button[] = [];
    let y = 200;
    const bottom = STAGE.height - 200;
    for (const [i, option] of options.entries()) {
      const button = new Button(this, LEFT, y, { width: inner, label: option.text[languageNow()] || option.text.nl, textSize: 32, badge: i < 9 ? String(i + 1) : undefined, onActivate: () => this.ask(room, option.kind, option.text), onHover: () => focus.focus(i) });
      if (y + button.buttonHeight > bottom) {
        button.destroy();
        break;
      }
      buttons.push(button);
      y += button.buttonHeight + 14;
    }
    // A question typed on the spot: asked in the words typed, on every phone whatever its language.
    const label = t('questionTypeLabel');
    addText(this, LEFT, STAGE.height - 176, label, { size: 28, bold: true });
    const fields = new FieldLayer(this);
    const field = fields.add({ x: LEFT, y: STAGE.height - 130, width: Math.min(inner, 1200), height: 72, value: this.typed, label, size: 32, maxLength: MAX_TYPED, placeholder: t('questionTypePlaceholder'), onInput: (value) => (this.typed = value) });
    field.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key !== 'Enter') return;
      event.preventDefault();
      const text = this.typed.replace(/\s+/g, ' ').trim();
      if (text) this.ask(room, 'typed', { nl: text, en: text });
    });
    const focus = new FocusList(buttons);
    focus.focus(Math.min(at, buttons.length - 1));
    showScreen('question', () => listScreen(t('questionPickTitle'), focus, { stage: stageSize(), mode: 'pick', questions: options.map((o) => o.text) }, [{ role: 'text', text: t('questionPickHint') }]));
    return focus;
  }

  private drawAnswers(room: Room, id: string, at: number): FocusList {
    const { width } = stageSize();
    const question = openQuestion(room.workshop.seed)!;
    const inner = width - 2 * LEFT;
    const title = addText(this, LEFT, 48, question.text[languageNow()] || question.text.nl, { size: 52, bold: true, width: inner });
    fitHeight(title, 140, 40);
    clampLines(title, 2);
    const answers = question.answers;
    const visible = answers.filter((a) => !a.hidden);
    const hiddenCount = answers.length - visible.length;
    const holding = holdingAnswers(room.workshop.seed);
    const countLine = `${plural('questionAnswersOne', 'questionAnswersOther', visible.length)}${hiddenCount > 0 ? ` · ${plural('questionHiddenOne', 'questionHiddenOther', hiddenCount)}` : ''}${holding ? ` · ${t('questionHolding')}` : ''}`;
    addText(this, LEFT, 200, countLine, { size: 32, bold: true, colour: colour.accent });
    addText(this, LEFT, STAGE.height - 60, t('questionAnswersHint'), { size: 28, colour: colour.inkSoft, width: inner });
    const listWidth = Math.round(inner * 0.44);
    const gap = 60;
    const buttons: Button[] = [];
    const newest = [...answers].reverse();
    let y = 260;
    const bottom = STAGE.height - 90;
    for (const [i, answer] of newest.entries()) {
      const button = new Button(this, LEFT, y, { width: listWidth, label: answer.hidden ? t('questionHiddenAnswer') : answer.text, textSize: 28, onActivate: () => hideAnswer(answer.id, !answer.hidden), onHover: () => focus.focus(i) });
      if (y + button.buttonHeight > bottom) {
        button.destroy();
        break;
      }
      buttons.push(button);
      y += button.buttonHeight + 12;
    }
    if (answers.length === 0) addText(this, LEFT, 270, t('questionNoAnswers'), { size: 32, colour: colour.inkSoft, width: listWidth });
    const cloudBox = { x: LEFT + listWidth + gap, y: 260, width: inner - listWidth - gap, height: bottom - 260 };
    const words = countWords(visible.map((a) => a.text));
    const drawn: DrawnWord[] = drawWordCloud(this, words, cloudBox);
    const focus = new FocusList(buttons);
    if (buttons.length > 0) focus.focus(Math.min(at, buttons.length - 1));
    const regions: ScreenRegion[] = [
      { role: 'text', text: countLine },
      { role: 'values', label: t('questionCloud'), items: drawn.map((w, i) => ({ id: `word-${i}`, label: w.word, value: String(w.count) })) },
    ];
    showScreen('question', () => listScreen(title.text, focus, {
      stage: stageSize(), mode: 'answers', question: id, holding,
      answers: newest.slice(0, buttons.length).map((a) => ({ id: a.id, text: a.hidden ? null : a.text, hidden: a.hidden })),
      cloud: drawn,
    }, regions, [], (i) => ({ value: newest[i]?.hidden ? t('questionHiddenValue') : t('questionShownValue') })));
    return focus;
  }

  private handle(room: Room, command: Command, focus: FocusList | undefined): boolean {
    const open = openQuestion(room.workshop.seed) !== null;
    switch (command.kind) {
      case 'letter':
        if (command.key === 'q') this.back(room);
        // V holds new answers back until shown one by one, or lets them through again (as V opens and closes voting).
        else if (command.key === 'v' && open) holdAnswers(room.workshop.seed, !holdingAnswers(room.workshop.seed));
        return true;
      case 'choice':
        if (!open) focus?.focus(command.index);
        if (!open) focus?.activate();
        return true;
      case 'next': case 'previous':
        focus?.move(command.kind === 'next' ? 1 : -1);
        return true;
      case 'confirm':
        focus?.activate();
        return true;
      case 'back':
        if (open) {
          closeQuestion(room.workshop.seed);
          syncPhones();
          this.scene.restart({ focus: 0 });
        } else this.back(room);
        return true;
      case 'forward': case 'more': case 'less': case 'digit': return true;
      default: return false;
    }
  }
}

function languageNow(): 'nl' | 'en' {
  return language() === 'en' ? 'en' : 'nl';
}
