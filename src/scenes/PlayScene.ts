/**
 * The play screen: meters on top, the card on the left, the choices (or, after a choice, its
 * feedback) on the right, the turn at the bottom. It shows the session and turns keys into engine calls.
 */
import * as Phaser from 'phaser';
import { audio } from '../audio/audio.ts';
import type { Scenario, Stakeholder } from '../engine/format.ts';
import { shownOrder, type Table } from '../engine/game.ts';
import { meterDanger } from '../engine/meters.ts';
import { previewChoice } from '../engine/preview.ts';
import type { GameState } from '../engine/state.ts';
import { capitalise, say, t } from '../locales/index.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { motionMs } from '../platform/motion.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { settings } from '../platform/settings.ts';
import { fitCamera, STAGE } from '../platform/viewport.ts';
import { currentSession, dismissFeedback, table, takeChoice, type Session } from '../session/session.ts';
import { portraitUrl, queueScenarioArt } from '../ui/art.ts';
import { meterItems, previewWords } from '../ui/describe.ts';
import type { ScreenModel, ScreenRegion } from '../platform/screenModel.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { Button, FocusList } from '../ui/button.ts';
import { CARD_BOX, drawCard } from '../ui/card.ts';
import { MeterRow } from '../ui/meters.ts';
import { addText, clampHeight, clampLines, fitHeight, fitWidth } from '../ui/text.ts';
import { colour, motion, size } from '../ui/theme.ts';
import { goEnding, goTitle } from './navigation.ts';
import { saves } from '../platform/saves.ts';
import { signed } from '../locales/format.ts';
import { own } from '../engine/own.ts';

const SIDE = { x: 1140, width: 700, top: CARD_BOX.y, bottom: CARD_BOX.y + CARD_BOX.height } as const;
const CHOICE_GAP = 26;

interface PlayData {
  redraw?: boolean;
}

function turnText(scenario: Scenario, state: GameState): string {
  const unit = capitalise(say(scenario.turnUnit) || t('defaultTurnUnit'));
  return scenario.turns ? t('turnOf', { unit, turn: state.turn, total: scenario.turns }) : t('turnOnly', { unit, turn: state.turn });
}

function followUpText(state: GameState, current: Table): string | undefined {
  if (!current.followUpOf) return undefined;
  const origin = current.followUpOf;
  const entry = [...state.history].reverse().find((h) => h.card === origin.id);
  const choice = entry ? origin.choices[entry.choice] : undefined;
  return choice ? t('followUpOf', { choice: say(choice.label) }) : t('followUpPlain');
}

/** Whoever brings the card on the table, or the card just answered while its feedback shows. */
function shownStakeholder(session: Session): Stakeholder | undefined {
  const last = session.state.history[session.state.history.length - 1];
  const cardId = session.feedback ? last?.card : table()?.card.id;
  const card = session.scenario.cards.find((c) => c.id === cardId);
  return session.scenario.stakeholders.find((s) => s.id === card?.from);
}

export class PlayScene extends Phaser.Scene {
  private meters!: MeterRow;
  private side: Phaser.GameObjects.GameObject[] = [];
  private focus: FocusList | null = null;
  private card: Phaser.GameObjects.Container | null = null;
  private leaving = false;
  private release: (() => void) | null = null;
  private shown: Record<string, unknown> = {};
  /** File indices of the card's choices, first shown first. */
  private order: number[] = [];

  constructor() {
    super('play');
  }

  create(data: PlayData): void {
    const session = currentSession();
    if (!session) {
      goTitle(this.game);
      return;
    }
    fitCamera(this);
    drawBackdrop(this);
    // The art is asked for first, so the card and meters know it is coming; the loader starts once all is drawn.
    queueScenarioArt(this, session.scenario, [shownStakeholder(session)]);
    this.side = [];
    this.focus = null;
    this.card = null;
    this.leaving = false;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.release?.();
      this.release = null;
    });
    this.release = pushHandler((command) => this.handle(command));

    const animate = !data.redraw;
    const feedback = session.feedback;
    this.meters = new MeterRow(this, session.scenario, feedback ? feedback.before : session.state.meters, settings.get().showNumbers);
    if (feedback) this.meters.showChange(feedback.before, session.state.meters, feedback.outcome.deltas, false);

    const lastTurn = feedback ? session.state.history[session.state.history.length - 1]!.turn : session.state.turn;
    const turn = turnText(session.scenario, { ...session.state, turn: lastTurn });
    addText(this, 80, STAGE.height - 42, turn, { size: 32, bold: true, originY: 0.5 });
    addText(this, STAGE.width - 80, STAGE.height - 42, t('keyHint'), { size: size.small, colour: colour.inkSoft, originX: 1, originY: 0.5 });
    // A solo game that cannot be saved says so once, in one line, and plays on.
    const storageNotice = session.solo && !saves.storageWorks() ? t('storageOff') : null;
    if (storageNotice) fitWidth(addText(this, STAGE.width / 2, STAGE.height - 42, storageNotice, { size: size.small, bold: true, colour: colour.danger, originX: 0.5, originY: 0.5 }), 980, 18);
    this.shown = { turnText: turn, scenarioTitle: say(session.scenario.title), storageNotice };
    showScreen('play', () => this.describe());

    if (feedback) this.showFeedback(session, false);
    else this.showCard(session, animate);
    this.load.start();
    requestFrames();
  }

  private showCard(session: Session, animate: boolean): void {
    const current = table();
    if (!current) {
      goEnding(this.game);
      return;
    }
    const { scenario, state } = session;
    const stakeholder = scenario.stakeholders.find((s) => s.id === current.card.from);
    const ribbon = followUpText(state, current);
    const content = { stakeholder, name: say(stakeholder?.name), text: say(current.card.text), ...(ribbon ? { ribbon } : {}) };
    const card = drawCard(this, content);
    this.card = card;
    if (animate && motionMs(motion.cardIn) > 0) {
      card.setAlpha(0).setY(CARD_BOX.y + 48);
      this.tweens.add({ targets: card, alpha: 1, y: CARD_BOX.y, duration: motion.cardIn, ease: 'Cubic.easeOut' });
    }
    if (animate) audio.play('card');

    // The choices in the order this game shows them (shuffled from the seed unless the scenario keeps file order).
    this.order = shownOrder(current.card, state.current?.order);
    const buttons = this.layoutChoices(current, size.choice) ?? this.layoutChoices(current, 30)!;
    this.focus = new FocusList(buttons, (index) => this.meters.showPreview(previewChoice(scenario, state, this.order[index]!)));
    this.shown = {
      ...this.shown,
      phase: 'choosing',
      cardId: current.card.id,
      stakeholder: content.name,
      cardText: content.text,
      followUp: ribbon ?? null,
      choices: buttons.map((b) => b.label.text),
      order: [...this.order],
    };
    settle();
  }

  /** What this screen shows, once: the canvas above draws it, the accessible layer and the inspector read it. */
  private describe(): ScreenModel {
    const facts = { ...this.shown, meters: this.meters.describe(), focus: this.focus?.current ?? -1 };
    const session = currentSession();
    const shown = this.shown as { phase?: string; stakeholder?: string; cardText?: string; followUp?: string | null; youChose?: string; feedback?: string; changes?: string; turnText?: string; storageNotice?: string | null; scenarioTitle?: string };
    if (!session || !this.focus) return { title: shown.scenarioTitle ?? '', regions: [], facts };
    const { scenario, state } = session;
    const regions: ScreenRegion[] = [];
    const stakeholder = shownStakeholder(session);
    let announce: string;
    if (shown.phase === 'feedback') {
      const last = state.history[state.history.length - 1];
      const card = scenario.cards.find((c) => c.id === last?.card);
      // The card keeps its "follows from your choice" ribbon under the feedback, in words as on the canvas.
      regions.push({ role: 'card', label: say(stakeholder?.name), text: shown.followUp ? `${shown.followUp}\n${say(card?.text)}` : say(card?.text), image: portraitUrl(stakeholder?.portrait) });
      regions.push({ role: 'feedback', label: shown.youChose ?? '', text: `${shown.feedback ?? ''}\n${shown.changes ?? ''}`, items: this.focus.items('next-') });
      announce = `${shown.youChose ?? ''}. ${shown.feedback ?? ''} ${shown.changes ?? ''}`;
    } else {
      const text = shown.followUp ? `${shown.followUp}\n${shown.cardText ?? ''}` : shown.cardText ?? '';
      regions.push({ role: 'card', label: shown.stakeholder ?? '', text, image: portraitUrl(stakeholder?.portrait) });
      const preview = (i: number) => previewWords(scenario, previewChoice(scenario, state, i));
      regions.push({ role: 'buttons', label: t('a11yChoices'), items: this.focus.items('choice-', (i) => (preview(i) ? { detail: preview(i) } : {})) });
      announce = t('a11yNewCard', { name: shown.stakeholder ?? '', text });
    }
    regions.push({ role: 'values', name: 'meters', label: t('a11yMeters'), items: meterItems(scenario, state.meters) });
    regions.push({ role: 'text', text: shown.turnText ?? '' });
    if (shown.storageNotice) regions.push({ role: 'notice', text: shown.storageNotice });
    const prefix = shown.phase === 'feedback' ? 'next-' : 'choice-';
    return { title: shown.scenarioTitle ?? '', regions, focus: this.focus.focusId(prefix), announce, facts };
  }

  /** Stacks the choices in the right column; null when they do not fit at this text size. */
  private layoutChoices(current: Table, textSize: number): Button[] | null {
    this.clearSide();
    const buttons = this.order.map((file, i) =>
      new Button(this, SIDE.x, 0, {
        width: SIDE.width,
        label: say(current.card.choices[file]!.label),
        badge: String(i + 1),
        textSize,
        minHeight: 130,
        onActivate: () => this.choose(file),
        onHover: () => this.focus?.focus(i),
      }),
    );
    const total = buttons.reduce((sum, b) => sum + b.buttonHeight, 0) + CHOICE_GAP * (buttons.length - 1);
    if (total > SIDE.bottom - SIDE.top && textSize > 30) {
      buttons.forEach((b) => b.destroy());
      return null;
    }
    let y = SIDE.top + Math.max(0, (SIDE.bottom - SIDE.top - total) / 2);
    for (const button of buttons) {
      button.setY(y);
      y += button.buttonHeight + CHOICE_GAP;
    }
    this.side.push(...buttons);
    return buttons;
  }

  private clearSide(): void {
    this.side.forEach((object) => object.destroy());
    this.side = [];
  }

  private choose(index: number): void {
    const session = currentSession();
    if (!session || session.feedback) return;
    const dangerBefore = new Set(session.scenario.meters.filter((m) => meterDanger(m, own(session.state.meters, m.id)!)).map((m) => m.id));
    if (!takeChoice(index)) return;
    const after = currentSession()!;
    audio.play('choice');
    const deltas = after.feedback!.outcome.deltas;
    const newDanger = after.scenario.meters.some((m) => !dangerBefore.has(m.id) && meterDanger(m, own(after.state.meters, m.id)!));
    const moved = Object.values(deltas).filter((d) => d !== 0);
    if (newDanger) audio.play('danger');
    else if (moved.length > 0) audio.play(moved.reduce((a, b) => a + b, 0) >= 0 ? 'up' : 'down');
    this.meters.showPreview([]);
    this.meters.showChange(after.feedback!.before, after.state.meters, deltas, true);
    this.showFeedback(after, true);
  }

  private showFeedback(session: Session, animate: boolean): void {
    this.clearSide();
    const feedback = session.feedback!;
    const entry = session.state.history[session.state.history.length - 1]!;
    const card = session.scenario.cards.find((c) => c.id === entry.card)!;
    const chosen = card.choices[entry.choice]!;
    if (!animate) {
      const stakeholder = session.scenario.stakeholders.find((s) => s.id === card.from);
      this.card = drawCard(this, { stakeholder, name: say(stakeholder?.name), text: say(card.text) });
    }
    const youChose = t('youChose', { choice: say(chosen.label) });
    const feedbackText = feedback.outcome.feedback ? say(feedback.outcome.feedback) : t('noFeedback');
    const ended = session.state.end !== null;

    const chose = addText(this, SIDE.x, SIDE.top, youChose, { size: 32, bold: true, colour: colour.inkSoft, width: SIDE.width });
    clampLines(chose, 3);
    const button = new Button(this, SIDE.x, 0, {
      width: SIDE.width,
      label: ended ? t('toEnding') : t('continue'),
      align: 'center',
      textSize: size.choice,
      minHeight: 110,
      onActivate: () => this.proceed(),
      onHover: () => this.focus?.focus(0),
    });
    const text = addText(this, SIDE.x + 54, 0, feedbackText, { size: 40, width: SIDE.width - 90, lineSpacing: 10 });
    // Why it mattered, then what it did: the meter changes in words as well as on the bars.
    const moved = session.scenario.meters.filter((m) => (own(feedback.outcome.deltas, m.id) ?? 0) !== 0);
    const changesText = moved.length > 0 ? moved.map((m) => `${say(m.label)} ${signed(own(feedback.outcome.deltas, m.id)!)}`).join('   ·   ') : t('feedbackNoChange');
    const changes = addText(this, SIDE.x + 54, 0, changesText, { size: 30, bold: true, colour: colour.accent, width: SIDE.width - 90 });
    const room = SIDE.bottom - SIDE.top - chose.height - 24 - 32 - button.buttonHeight;
    fitHeight(text, room - 100 - changes.height, 32);
    clampHeight(text, room - 100 - changes.height);
    const panelHeight = Math.min(room, text.height + 100 + changes.height);
    const total = chose.height + 24 + panelHeight + 32 + button.buttonHeight;
    const top = SIDE.top + Math.max(0, (SIDE.bottom - SIDE.top - total) / 2);
    chose.setY(top);
    const panelTop = top + chose.height + 24;
    text.setY(panelTop + 40);
    changes.setY(text.y + text.height + 20);
    const panel = this.add.graphics();
    panel.fillStyle(colour.accentSoft, 1).fillRoundedRect(SIDE.x, panelTop, SIDE.width, panelHeight, 28);
    panel.fillStyle(colour.accent, 1).fillRoundedRect(SIDE.x, panelTop, 14, panelHeight, { tl: 28, bl: 28, tr: 0, br: 0 });
    this.children.bringToTop(text);
    this.children.bringToTop(changes);
    button.setY(panelTop + panelHeight + 32);
    this.side.push(chose, panel, text, changes, button);
    if (animate && motionMs(motion.fade) > 0) {
      for (const object of [chose, panel, text, changes, button]) {
        object.setAlpha(0);
        this.tweens.add({ targets: object, alpha: 1, duration: motion.fade, delay: 120 });
      }
    }
    this.focus = new FocusList([button]);
    this.focus.focus(0);
    this.shown = { ...this.shown, phase: 'feedback', youChose, feedback: feedbackText, changes: changesText, ended, continueLabel: button.label.text };
    settle();
    requestFrames();
  }

  private proceed(): void {
    if (this.leaving) return;
    const ended = dismissFeedback();
    if (ended) {
      audio.play('ending');
      goEnding(this.game);
      return;
    }
    const duration = motionMs(motion.cardOut);
    if (duration === 0 || !this.card) {
      this.scene.restart({ redraw: false });
      return;
    }
    // The answered card leaves upwards with its feedback before the next one comes in.
    this.leaving = true;
    this.tweens.add({ targets: [this.card, ...this.side], alpha: 0, duration, ease: 'Cubic.easeIn' });
    this.tweens.add({ targets: this.card, y: CARD_BOX.y - 40, duration, ease: 'Cubic.easeIn', onComplete: () => this.scene.restart({ redraw: false }) });
    requestFrames();
  }

  private handle(command: Command): boolean {
    const session = currentSession();
    if (!session || !this.focus) return false;
    if (this.leaving) return true;
    const choosing = !session.feedback;
    switch (command.kind) {
      case 'choice':
        if (choosing && command.index < this.focus.size) {
          this.focus.focus(command.index);
          this.choose(this.order[command.index]!);
        }
        return true;
      case 'next':
        this.focus.move(1);
        return true;
      case 'previous':
        this.focus.move(-1);
        return true;
      case 'forward':
        if (choosing) this.focus.move(1);
        else this.proceed();
        return true;
      case 'back':
        if (choosing) this.focus.move(-1);
        return true;
      case 'confirm':
        if (this.focus.current === -1) this.focus.focus(0);
        else this.focus.activate();
        return true;
      default:
        return false;
    }
  }
}
