/**
 * "What if": the trainer steps back to a card a team already played, takes the other choice, and
 * sees both meter curves side by side — what really happened and where the other choice leads — and
 * may play the branch on. The real game is never touched; Esc returns to it.
 */
import * as Phaser from 'phaser';
import { meterSeries } from '../engine/debrief.ts';
import { currentCard, shownOrder } from '../engine/game.ts';
import { say, t, teamLabel, turnUnit } from '../locales/index.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { courseWords, listScreen, meterItems } from '../ui/describe.ts';
import type { ScreenRegion } from '../platform/screenModel.ts';
import { STAGE, stageSize } from '../platform/viewport.ts';
import { branchFrom, closeBranch, openBranch, playBranch, type Room } from '../session/room.ts';
import { Button, FocusList } from '../ui/button.ts';
import { drawChart } from '../ui/chart.ts';
import { addText, clampHeight, clampLines, fitHeight } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { goScreen } from './flow.ts';
import { RoomScene } from './roomScene.ts';
import { turnLabel } from './reflection.ts';
import { keysOrTaps, touchScreen } from '../ui/touch.ts';

const LEFT = 110;
/** The room stage's right edge, set when the screen is drawn (the stage is as wide as the projector's shape). */
let RIGHT: number = STAGE.width - 110;

export class WhatIfScene extends RoomScene {
  private focus: FocusList | null = null;
  private shown: Record<string, unknown> = {};
  /** What the stage shows in words, from the same values it draws: for the accessible layer. */
  private regions: ScreenRegion[] = [];

  constructor() {
    super('whatif');
  }

  create(data: { focus?: number }): void {
    const room = this.openRoom();
    if (!room) return;
    RIGHT = stageSize().width - LEFT;
    if (!room.branch) openBranch(room);
    // The scene object outlives a restart; its key actions belong to the stage drawn now.
    this.onMove = (step) => this.focus?.move(step);
    this.pickOther = () => undefined;
    const release = pushHandler((command) => this.handle(room, command));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, release);
    this.regions = [];
    if (room.branch!.whatIf) this.drawBranch(room);
    else this.drawPicker(room, data.focus);
    showScreen('whatif', () => listScreen(t('whatIfButton'), this.focus, { ...this.shown, focus: this.focus?.current ?? -1 }, this.regions));
    settle();
    requestFrames();
  }

  private back(room: Room): void {
    closeBranch(room);
    goScreen(this.game, room.phase === 'over' ? 'debrief' : 'workshop');
  }

  private drawPicker(room: Room, wanted: number | undefined): void {
    const team = room.workshop.teams[room.branch!.team]!;
    const history = team.state.history;
    const title = room.workshop.teams.length > 1 ? `${t('whatIfTitle')}  ·  ${teamLabel(team.name)}` : t('whatIfTitle');
    const backWidth = Math.round(Math.min(560, (RIGHT - LEFT) * 0.4));
    const titleText = addText(this, LEFT, 40, title, { size: 56, bold: true, width: RIGHT - LEFT - backWidth - 40 });
    fitHeight(titleText, 110, 36);
    const backButton = new Button(this, RIGHT - backWidth, 40, { width: backWidth, label: t('whatIfBack'), align: 'center', textSize: 32, onActivate: () => this.back(room), onHover: () => undefined });
    if (history.length === 0) {
      addText(this, LEFT, 220, t('whatIfNothing'), { size: 40, colour: colour.inkSoft });
      this.regions.push({ role: 'text', label: title, text: t('whatIfNothing') });
      this.focus = new FocusList([backButton]);
      this.focus.focus(0);
      this.shown = { stage: 'pick', turns: [] };
      return;
    }
    const pick = addText(this, LEFT, Math.max(140, titleText.y + titleText.height + 10), keysOrTaps('whatIfPick', 'whatIfPickTouch'), { size: 30, colour: colour.inkSoft, width: RIGHT - LEFT });
    // The list starts under the instructions, however many lines they took.
    const listTop = Math.max(230, pick.y + pick.height + 24);
    const ROWS = Math.max(3, Math.min(7, Math.floor((1030 - listTop) / 104)));
    // Newest first: the card just discussed is the one a room most often wants to revisit.
    const rows = [...history].reverse();
    const focusAt = Math.min(rows.length - 1, Math.max(0, wanted ?? 0));
    const start = Math.min(Math.max(0, focusAt - ROWS + 1), Math.max(0, rows.length - ROWS));
    const visible = rows.slice(start, start + ROWS);
    const listWidth = Math.round((RIGHT - LEFT) * 0.52);
    const detail = { x: LEFT + listWidth + 40, width: RIGHT - LEFT - listWidth - 40 };
    const buttons: Button[] = [];
    visible.forEach((entry, k) => {
      const card = room.scenario.cards.find((c) => c.id === entry.card)!;
      const label = `${turnLabel(room.scenario, entry.turn)}: ${say(card.choices[entry.choice]!.label)}`;
      const other = shownOrder(card, entry.order).find((i) => i !== entry.choice) ?? -1;
      // A finger first shows the card (its choices are then tapped in the panel); a key or a second tap takes the first other choice.
      const pickFirst = () => (touchScreen() && start + k !== focusAt ? this.scene.restart({ focus: start + k }) : this.branch(room, entry.turn, other));
      const button = new Button(this, LEFT, listTop + k * 104, { width: listWidth, label, textSize: 30, minHeight: 88, onActivate: pickFirst, onHover: () => this.focus?.focus(k) });
      clampLines(button.label, 1);
      buttons.push(button);
    });
    if (start > 0) addText(this, LEFT + listWidth / 2, listTop - 16, '▲', { size: 28, colour: colour.inkSoft, originX: 0.5, originY: 1 });
    if (start + ROWS < rows.length) addText(this, LEFT + listWidth / 2, listTop + ROWS * 104, '▼', { size: 28, colour: colour.inkSoft, originX: 0.5 });

    const entry = rows[focusAt]!;
    const card = room.scenario.cards.find((c) => c.id === entry.card)!;
    const stakeholder = room.scenario.stakeholders.find((s) => s.id === card.from);
    const panel = this.add.graphics();
    panel.fillStyle(colour.card, 1).fillRoundedRect(detail.x, listTop, detail.width, 1040 - listTop, 28);
    panel.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(detail.x, listTop, detail.width, 1040 - listTop, 28);
    const who = addText(this, detail.x + 36, listTop + 30, say(stakeholder?.name), { size: 30, bold: true, colour: colour.accent, width: detail.width - 72 });
    const text = addText(this, detail.x + 36, who.y + who.height + 14, say(card.text), { size: 30, width: detail.width - 72, lineSpacing: 6 });
    fitHeight(text, 330, 28);
    clampLines(text, 8);
    let y = text.y + text.height + 30;
    // Numbered as the room saw them: the order recorded for that card in the game.
    const pickOrder = shownOrder(card, entry.order);
    // Every other choice can be tapped here, not only the first one a row's Enter takes.
    const choiceTaps: { choice: number; x: number; y: number }[] = [];
    pickOrder.forEach((i, position) => {
      const choice = card.choices[i]!;
      const real = i === entry.choice;
      const line = addText(this, detail.x + 36, y, `${position + 1}.  ${say(choice.label)}${real ? `  (${t('whatIfRealMark')})` : ''}`, { size: 28, bold: !real, colour: real ? colour.inkSoft : colour.ink, width: detail.width - 72 });
      clampLines(line, 2);
      if (!real) {
        // The whole row's width and at least 64 high, a finger's size.
        const height = Math.max(64, line.height + 12);
        this.add.zone(detail.x + 20, y - (height - line.height) / 2, detail.width - 40, height).setOrigin(0, 0).setInteractive({ useHandCursor: true }).on('pointerup', () => this.branch(room, entry.turn, i));
        choiceTaps.push({ choice: i, x: detail.x + detail.width / 2, y: y + line.height / 2 });
      }
      y += Math.max(line.height + 12, real ? 0 : 64);
    });
    addText(this, detail.x + 36, Math.max(y + 10, 0), keysOrTaps('whatIfPickKeys', 'whatIfPickKeysTouch'), { size: 28, colour: colour.inkSoft, width: detail.width - 72 });
    this.regions.push(
      { role: 'text', label: title, text: keysOrTaps('whatIfPick', 'whatIfPickTouch') },
      { role: 'card', label: say(stakeholder?.name), text: say(card.text) },
      // The other choices are buttons in the layer too, so each can be taken by a tap or a screen reader.
      { role: 'values', items: pickOrder.map((i, position) => ({ id: `whatif-choice-${i}`, label: `${position + 1}. ${say(card.choices[i]!.label)}`, ...(i === entry.choice ? { detail: t('whatIfRealMark') } : { activate: () => this.branch(room, entry.turn, i) }) })) },
    );

    buttons.push(backButton);
    this.focus = new FocusList(buttons, (k) => {
      // Moving past the visible rows scrolls the list.
      if (k < visible.length && start + k !== focusAt) this.scene.restart({ focus: start + k });
    });
    this.focus.focus(focusAt - start);
    this.onMove = (step) => {
      const next = focusAt + step;
      if (this.focus!.current === buttons.length - 1 || next < 0 || next >= rows.length) this.focus!.move(step);
      else this.scene.restart({ focus: next });
    };
    this.pickOther = (position) => {
      const index = pickOrder[position];
      if (index !== undefined && index !== entry.choice) this.branch(room, entry.turn, index);
    };
    this.shown = { stage: 'pick', team: team.name, turns: rows.map((r) => r.turn), focusedTurn: entry.turn, realChoice: entry.choice, order: pickOrder, choiceTaps };
  }

  private onMove: (step: 1 | -1) => void = (step) => this.focus?.move(step);
  private pickOther: (index: number) => void = () => undefined;

  private branch(room: Room, turn: number, other: number): void {
    if (other < 0) return;
    if (branchFrom(room, turn, other)) this.scene.restart({});
  }

  private drawBranch(room: Room): void {
    const branch = room.branch!;
    const whatIf = branch.whatIf!;
    const team = room.workshop.teams[branch.team]!;
    const entry = team.state.history.find((h) => h.turn === whatIf.turn)!;
    const card = room.scenario.cards.find((c) => c.id === entry.card)!;
    const backWidth = Math.round(Math.min(560, (RIGHT - LEFT) * 0.34));
    const headingText = t('whatIfHeading', { when: `${turnUnit(room.scenario.turnUnit)} ${whatIf.turn}`, other: say(card.choices[whatIf.other]!.label), real: say(card.choices[whatIf.real]!.label) });
    const heading = addText(this, LEFT, 40, headingText, { size: 40, bold: true, width: RIGHT - LEFT - backWidth - 40, lineSpacing: 6 });
    fitHeight(heading, 170, 28);
    clampLines(heading, 4);
    const backButton = new Button(this, RIGHT - backWidth, 40, { width: backWidth, label: t('whatIfBack'), align: 'center', textSize: 32, onActivate: () => this.back(room), onHover: () => this.focus?.focus(this.focus.size - 1) });

    const half = (RIGHT - LEFT - 80) / 2;
    addText(this, LEFT, 230, t('whatIfReal'), { size: 34, bold: true, colour: colour.inkSoft });
    addText(this, LEFT + half + 80, 230, t('whatIfBranch'), { size: 34, bold: true, colour: colour.accent });
    const real = meterSeries(room.scenario, team.state);
    const other = meterSeries(room.scenario, whatIf.state);
    drawChart(this, room.scenario, real, { x: LEFT + 24, y: 310, width: half - 48, height: 300 });
    drawChart(this, room.scenario, other, { x: LEFT + half + 80 + 24, y: 310, width: half - 48, height: 300 });

    // What the branch's last choice did, in the words the room would have heard at its reveal.
    const last = whatIf.state.history[whatIf.state.history.length - 1];
    const lastCard = last ? room.scenario.cards.find((c) => c.id === last.card) : undefined;
    const lastChoice = last ? lastCard?.choices[last.choice] : undefined;
    const feedbackText = lastChoice?.feedback ? t('whatIfFeedback', { choice: say(lastChoice.label), feedback: say(lastChoice.feedback) }) : '';
    let below = 670;
    if (feedbackText) {
      const feedback = addText(this, LEFT, below, feedbackText, { size: 30, bold: true, colour: colour.accent, width: RIGHT - LEFT, lineSpacing: 6 });
      clampHeight(feedback, 140);
      below = feedback.y + feedback.height + 18;
    }

    const table = currentCard(room.scenario, whatIf.state);
    const buttons: Button[] = [];
    let branchOrder: number[] = [];
    let nextText: string;
    if (table) {
      const stakeholder = room.scenario.stakeholders.find((s) => s.id === table.card.from);
      nextText = t('whatIfNext', { who: say(stakeholder?.name), text: say(table.card.text) });
      // The whole card, as the room would read it: it shrinks a little before it is ever cut.
      const text = addText(this, LEFT, below, nextText, { size: 30, width: RIGHT - LEFT, lineSpacing: 4 });
      fitHeight(text, 890 - 16 - below, 28);
      clampHeight(text, 890 - 16 - below);
      const width = (RIGHT - LEFT - 24 * (table.card.choices.length - 1)) / table.card.choices.length;
      branchOrder = shownOrder(table.card, whatIf.state.current?.order);
      branchOrder.forEach((file, i) => {
        const choice = table.card.choices[file]!;
        const button = new Button(this, LEFT + i * (width + 24), 890, { width, label: say(choice.label), badge: String(i + 1), textSize: 28, minHeight: 110, onActivate: () => this.play(room, file), onHover: () => this.focus?.focus(i) });
        clampLines(button.label, 2);
        buttons.push(button);
      });
    } else {
      const ending = whatIf.state.end?.ending ? room.scenario.endings?.find((e) => e.id === whatIf.state.end!.ending) : undefined;
      nextText = t('whatIfEnded', { ending: ending ? say(ending.title) : t('endingTheEnd') });
      addText(this, LEFT, below, nextText, { size: 36, bold: true, width: RIGHT - LEFT });
    }
    buttons.push(backButton);
    this.regions.push(
      { role: 'text', text: headingText },
      { role: 'values', label: t('whatIfReal'), text: courseWords(room.scenario, team.state), items: meterItems(room.scenario, team.state.meters, 'real-') },
      { role: 'values', label: t('whatIfBranch'), text: courseWords(room.scenario, whatIf.state), items: meterItems(room.scenario, whatIf.state.meters, 'branch-') },
      ...(feedbackText ? [{ role: 'text' as const, text: feedbackText }] : []),
      { role: 'text', text: nextText },
    );
    this.focus = new FocusList(buttons);
    this.focus.focus(buttons.length - 1);
    this.pickOther = (position) => {
      const file = branchOrder[position];
      if (file !== undefined) this.play(room, file);
    };
    this.shown = {
      stage: 'branch',
      team: team.name,
      turn: whatIf.turn,
      real: whatIf.real,
      other: whatIf.other,
      realSeries: real,
      branchSeries: other,
      branchTurns: whatIf.state.history.length,
      feedback: feedbackText,
      next: nextText,
    };
  }

  private play(room: Room, choice: number): void {
    if (playBranch(room, choice)) this.scene.restart({});
  }

  private handle(room: Room, command: Command): boolean {
    if (!this.focus) return false;
    switch (command.kind) {
      case 'choice': this.pickOther(command.index); return true;
      case 'next': this.onMove(1); return true;
      case 'previous': this.onMove(-1); return true;
      case 'forward': this.onMove(1); return true;
      case 'back':
        if (room.branch?.whatIf) {
          room.branch = { ...room.branch, whatIf: null };
          this.scene.restart({});
        } else this.onMove(-1);
        return true;
      case 'confirm': this.focus.activate(); return true;
      case 'menu': case 'letter':
        if (command.kind === 'letter' && command.key === 'i') return false;
        if (command.kind === 'letter' && command.key !== 'w') return true;
        this.back(room);
        return true;
      default: return false;
    }
  }
}
