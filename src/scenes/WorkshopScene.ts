/**
 * The workshop on the projector. Per card: the room discusses while the timer runs, the trainer
 * counts the votes (number keys, + and −) and the room's guess of who gains (G), then records the
 * decision; the reveal shows the real effects next to the votes and the guess. When teams take
 * turns, a scoreboard of every team's meters comes between turns. W steps back for "what if".
 */
import * as Phaser from 'phaser';
import { audio } from '../audio/audio.ts';
import type { Scenario } from '../engine/format.ts';
import { previewChoice } from '../engine/preview.ts';
import { previewMode, workshopOver, type TeamGame } from '../engine/workshop.ts';
import { capitalise, say, t } from '../locales/index.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { settings } from '../platform/settings.ts';
import { STAGE } from '../platform/viewport.ts';
import { clock } from '../session/countdown.ts';
import { activeTeam, afterReveal, countVote, cycleGuess, decideRoom, leaveScoreboard, majorityChoice, openBranch, roomTable, type Room } from '../session/room.ts';
import { Button, FocusList } from '../ui/button.ts';
import { CARD_BOX, drawCard } from '../ui/card.ts';
import { signed } from '../locales/format.ts';
import { MeterRow } from '../ui/meters.ts';
import { addText, clampLines, fitHeight, fitWidth } from '../ui/text.ts';
import { colour, size } from '../ui/theme.ts';
import { goScreen } from './flow.ts';
import { RoomScene } from './roomScene.ts';
import { drawScoreboard } from './scoreboard.ts';
import { own } from '../engine/own.ts';

const SIDE = { x: 1140, width: 700, top: CARD_BOX.y, bottom: CARD_BOX.y + CARD_BOX.height } as const;
const PILL = 112;
const EXTEND_SECONDS = 30;

function turnText(scenario: Scenario, turn: number): string {
  const unit = capitalise(say(scenario.turnUnit) || t('defaultTurnUnit'));
  return scenario.turns ? t('turnOf', { unit, turn, total: scenario.turns }) : t('turnOnly', { unit, turn });
}

/** "Team A  ·  Week 3 of 8", or just the week when the whole room plays one game. */
function teamLine(room: Room, team: TeamGame, turn: number): string {
  const week = turnText(room.scenario, turn);
  return room.workshop.teams.length > 1 ? `${t('wsTeam', { name: team.name })}   ·   ${week}` : week;
}

export class WorkshopScene extends RoomScene {
  private focus: FocusList | null = null;
  private shown: Record<string, unknown> = {};
  private ticker = 0;

  constructor() {
    super('workshop');
  }

  create(): void {
    const room = this.openRoom();
    if (!room) return;
    this.focus = null;
    this.voteUpdate = () => undefined;
    this.noMajority = () => undefined;
    this.paintTimer = () => undefined;
    this.shown = { phase: room.phase, teams: room.workshop.teams.map((team) => ({ name: team.name, turn: team.state.turn, meters: team.state.meters, ended: team.state.end !== null, decisions: team.decisions.length })) };
    const release = pushHandler((command) => this.handle(room, command));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      release();
      window.clearInterval(this.ticker);
    });
    if (room.phase === 'scoreboard') this.drawScoreboardPhase(room);
    else if (room.phase === 'deciding') this.drawDeciding(room);
    else this.drawReveal(room);
    showScreen('workshop', () => ({ ...this.shown, focus: this.focus?.current ?? -1, timer: this.timerState(room) }));
    settle();
    requestFrames();
  }

  private timerState(room: Room): { enabled: boolean; left: number; paused: boolean; done: boolean } {
    return { enabled: room.timer.enabled, left: Math.ceil(room.timer.left() / 1000), paused: room.timer.paused, done: room.timer.done };
  }

  private drawDeciding(room: Room): void {
    const table = roomTable(room);
    const team = activeTeam(room);
    if (!table) {
      this.drawReveal(room);
      return;
    }
    const meters = new MeterRow(this, room.scenario, team.state.meters, settings.get().showNumbers);
    const stakeholder = room.scenario.stakeholders.find((s) => s.id === table.card.from);
    const origin = table.followUpOf;
    const ribbon = origin ? t('wsFollowUp') : undefined;
    drawCard(this, { stakeholder, name: say(stakeholder?.name), text: say(table.card.text), ...(ribbon ? { ribbon } : {}) });
    audio.play('card');

    let y = SIDE.top;
    const timerTexts = room.timer.enabled ? this.drawTimer(room, y) : null;
    if (timerTexts) y += 104;

    const mode = previewMode(room.scenario, room.workshop.settings.preview);
    const counts: Phaser.GameObjects.Text[] = [];
    const buttons: Button[] = [];
    const build = (textSize: number) => {
      buttons.forEach((b) => b.destroy());
      buttons.length = 0;
      table.card.choices.forEach((choice, i) => {
        buttons.push(new Button(this, SIDE.x, 0, { width: SIDE.width - PILL - 18, label: say(choice.label), badge: String(i + 1), textSize, minHeight: 112, onActivate: () => this.decide(room, i), onHover: () => this.focus?.focus(i) }));
      });
      return buttons.reduce((sum, b) => sum + b.buttonHeight + 20, 0);
    };
    const room_ = SIDE.bottom - y - 2 * (92 + 20);
    if (build(size.choice) > room_) build(28);
    for (const button of buttons) {
      button.setY(y);
      const pillX = SIDE.x + SIDE.width - PILL;
      const g = this.add.graphics();
      g.fillStyle(colour.paperDeep, 1).fillRoundedRect(pillX, y, PILL, button.buttonHeight, 20);
      counts.push(addText(this, pillX + PILL / 2, y + button.buttonHeight / 2 - 10, '0', { size: 48, bold: true, originX: 0.5, originY: 0.5 }));
      addText(this, pillX + PILL / 2, y + button.buttonHeight / 2 + 28, t('wsVotes'), { size: 20, colour: colour.inkSoft, originX: 0.5, originY: 0.5 });
      y += button.buttonHeight + 20;
    }
    const guessLabel = () => t('wsGuess', { meter: room.guess ? say(room.scenario.meters.find((m) => m.id === room.guess)?.label) : t('wsGuessNone') });
    const guess = new Button(this, SIDE.x, y, { width: SIDE.width, label: guessLabel(), textSize: 30, minHeight: 92, onActivate: () => update(() => cycleGuess(room, 1)), onHover: () => this.focus?.focus(buttons.length) });
    y += guess.buttonHeight + 20;
    const reveal = new Button(this, SIDE.x, y, { width: SIDE.width, label: t('wsReveal'), align: 'center', textSize: 32, minHeight: 92, onActivate: () => this.revealMajority(room), onHover: () => this.focus?.focus(buttons.length + 1) });
    const hint = addText(this, SIDE.x, y + reveal.buttonHeight + 14, '', { size: 24, bold: true, colour: colour.danger, width: SIDE.width });

    const update = (change: () => void) => {
      change();
      room.counts.forEach((c, i) => counts[i]?.setText(String(c)));
      guess.label.setText(guessLabel());
      hint.setText('');
      this.shown = { ...this.shown, counts: [...room.counts], guess: room.guess, majority: majorityChoice(room) };
      requestFrames();
    };
    this.focus = new FocusList([...buttons, guess, reveal], (i) => meters.showPreview(i < buttons.length ? previewChoice(room.scenario, team.state, i, mode) : []));
    this.focus.focus(0);
    this.voteUpdate = update;
    this.noMajority = () => {
      hint.setText(t('wsNoMajority'));
      requestFrames();
    };
    update(() => undefined);
    this.shown = {
      ...this.shown,
      team: team.name,
      turnText: teamLine(room, team, team.state.turn),
      cardId: table.card.id,
      cardText: say(table.card.text),
      choices: table.card.choices.map((c) => say(c.label)),
      previewMode: mode,
      meters: meters.describe(),
    };
    this.drawBottom(teamLine(room, team, team.state.turn), t('wsKeyHint'));
    if (timerTexts) this.startTicking(room, timerTexts);
  }

  private voteUpdate: (change: () => void) => void = () => undefined;
  private noMajority: () => void = () => undefined;

  private drawTimer(room: Room, y: number): { time: Phaser.GameObjects.Text; status: Phaser.GameObjects.Text; box: Phaser.GameObjects.Graphics } {
    const box = this.add.graphics();
    const time = addText(this, SIDE.x + 30, y + 42, '', { size: 56, bold: true, originY: 0.5 });
    const status = addText(this, SIDE.x + 200, y + 26, '', { size: 28, bold: true, width: SIDE.width - 230 });
    addText(this, SIDE.x + 200, y + 60, t('wsTimerKeys'), { size: 22, colour: colour.inkSoft, width: SIDE.width - 230 });
    room.timer.begin();
    return { time, status, box };
  }

  private startTicking(room: Room, texts: { time: Phaser.GameObjects.Text; status: Phaser.GameObjects.Text; box: Phaser.GameObjects.Graphics }): void {
    let rang = room.timer.done;
    const paint = () => {
      const { done, paused } = room.timer;
      const text = clock(room.timer.left());
      const status = done ? t('wsTimeUp') : paused ? t('wsTimerPaused') : t('wsTimerRunning');
      if (texts.time.text === text && texts.status.text === status) return;
      texts.time.setText(text).setColor(done ? '#a8231c' : '#2b2118');
      texts.status.setText(status);
      texts.box.clear().fillStyle(done ? colour.dangerSoft : colour.card, 1).fillRoundedRect(SIDE.x, SIDE.top, SIDE.width, 84, 20);
      texts.box.lineStyle(3, done ? colour.danger : colour.cardEdge, 1).strokeRoundedRect(SIDE.x, SIDE.top, SIDE.width, 84, 20);
      if (done && !rang) {
        rang = true;
        audio.play('timer');
      }
      requestFrames(200);
    };
    paint();
    this.ticker = window.setInterval(paint, 200);
    this.paintTimer = paint;
  }

  private paintTimer: () => void = () => undefined;

  private revealMajority(room: Room): void {
    const winner = majorityChoice(room);
    if (winner !== null) this.decide(room, winner);
    else if (this.focus && this.focus.current < (roomTable(room)?.card.choices.length ?? 0)) this.decide(room, this.focus.current);
    else this.noMajority();
  }

  private decide(room: Room, choice: number): void {
    if (!decideRoom(room, choice)) return;
    audio.play('choice');
    this.scene.restart();
  }

  private drawReveal(room: Room): void {
    const reveal = room.reveal;
    if (!reveal) {
      this.drawScoreboardPhase(room);
      return;
    }
    const team = room.workshop.teams[reveal.team]!;
    const meters = new MeterRow(this, room.scenario, reveal.before, settings.get().showNumbers);
    meters.showChange(reveal.before, team.state.meters, reveal.outcome.deltas, true);
    const moved = Object.values(reveal.outcome.deltas).filter((d) => d !== 0);
    if (moved.length > 0) audio.play(moved.reduce((a, b) => a + b, 0) >= 0 ? 'up' : 'down');
    const card = room.scenario.cards.find((c) => c.id === reveal.outcome.card)!;
    const stakeholder = room.scenario.stakeholders.find((s) => s.id === card.from);
    drawCard(this, { stakeholder, name: say(stakeholder?.name), text: say(card.text) });

    let y = SIDE.top;
    const chose = addText(this, SIDE.x, y, t('wsRoomChose', { choice: say(card.choices[reveal.choice]!.label) }), { size: 32, bold: true, width: SIDE.width });
    fitHeight(chose, 90, 26);
    y += chose.height + 18;

    // The votes next to the outcome: one bar per choice, the decision marked.
    const counts = reveal.vote.counts;
    if (counts) {
      const total = Math.max(1, counts.reduce((a, b) => a + b, 0));
      card.choices.forEach((choice, i) => {
        const label = addText(this, SIDE.x, y, `${i + 1}. ${say(choice.label)}`, { size: 26, bold: i === reveal.choice, width: SIDE.width - 150 });
        clampLines(label, 1);
        const g = this.add.graphics();
        g.fillStyle(colour.track, 1).fillRoundedRect(SIDE.x, y + 36, SIDE.width - 150, 16, 8);
        if (counts[i]! > 0) g.fillStyle(i === reveal.choice ? colour.accent : colour.fill, 1).fillRoundedRect(SIDE.x, y + 36, Math.max(16, ((SIDE.width - 150) * counts[i]!) / total), 16, 8);
        addText(this, SIDE.x + SIDE.width, y + 22, `${counts[i]}${i === reveal.choice ? '  ✓' : ''}`, { size: 34, bold: true, originX: 1, originY: 0.5 });
        y += 66;
      });
      y += 6;
    }

    // The room's guess against what really happened.
    const gains = room.scenario.meters.map((m) => ({ meter: m, delta: own(reveal.outcome.deltas, m.id) ?? 0 })).filter((x) => x.delta > 0).sort((a, b) => b.delta - a.delta);
    const best = gains[0];
    let guessText: string | null = null;
    if (reveal.vote.guess) {
      const guessed = say(room.scenario.meters.find((m) => m.id === reveal.vote.guess)?.label);
      const right = best !== undefined && gains.filter((g) => g.delta === best.delta).some((g) => g.meter.id === reveal.vote.guess);
      const actual = best ? t('wsGainedMost', { meter: say(best.meter.label), delta: signed(best.delta) }) : t('wsNobodyGained');
      guessText = `${t('wsGuessWas', { meter: guessed })}  ${right ? t('wsGuessRight') : actual}`;
      const text = addText(this, SIDE.x + 24, y + 14, guessText, { size: 28, bold: true, colour: right ? colour.up : colour.ink, width: SIDE.width - 48 });
      const g = this.add.graphics();
      g.lineStyle(3, right ? colour.up : colour.cardEdge, 1).strokeRoundedRect(SIDE.x, y, SIDE.width, text.height + 28, 18);
      y += text.height + 28 + 18;
    }

    const over = workshopOver(room.workshop);
    const nextLabel = over ? t('wsToDebrief') : room.workshop.teams.length > 1 ? t('wsToScoreboard') : t('continue');
    const button = new Button(this, SIDE.x, 0, { width: SIDE.width, label: nextLabel, align: 'center', textSize: 34, minHeight: 96, onActivate: () => this.proceed(room), onHover: () => this.focus?.focus(0) });
    button.setY(SIDE.bottom - button.buttonHeight);
    const feedbackText = reveal.outcome.feedback ? say(reveal.outcome.feedback) : t('noFeedback');
    const changed = room.scenario.meters.filter((m) => (own(reveal.outcome.deltas, m.id) ?? 0) !== 0);
    const changesText = changed.length > 0 ? changed.map((m) => `${say(m.label)} ${signed(own(reveal.outcome.deltas, m.id)!)}`).join('   ·   ') : t('feedbackNoChange');
    const panelTop = y;
    const panelBottom = button.y - 24;
    const panel = this.add.graphics();
    const text = addText(this, SIDE.x + 40, panelTop + 26, feedbackText, { size: 34, width: SIDE.width - 70, lineSpacing: 8 });
    const changes = addText(this, SIDE.x + 40, 0, changesText, { size: 28, bold: true, colour: colour.accent, width: SIDE.width - 70 });
    fitHeight(text, panelBottom - panelTop - 70 - changes.height, 24);
    changes.setY(text.y + text.height + 14);
    const height = Math.min(panelBottom - panelTop, text.height + changes.height + 66);
    panel.fillStyle(colour.accentSoft, 1).fillRoundedRect(SIDE.x, panelTop, SIDE.width, height, 24);
    panel.fillStyle(colour.accent, 1).fillRoundedRect(SIDE.x, panelTop, 12, height, { tl: 24, bl: 24, tr: 0, br: 0 });
    this.children.bringToTop(text);
    this.children.bringToTop(changes);

    this.focus = new FocusList([button]);
    this.focus.focus(0);
    const turn = team.state.history[team.state.history.length - 1]?.turn ?? team.state.turn;
    this.drawBottom(teamLine(room, team, turn), t('wsRevealHint'));
    this.shown = {
      ...this.shown,
      phase: room.phase,
      team: team.name,
      cardId: card.id,
      decision: reveal.choice,
      votes: counts ?? null,
      guess: reveal.vote.guess ?? null,
      guessText,
      feedback: feedbackText,
      changes: changesText,
      nextLabel,
      meters: meters.describe(),
    };
  }

  private drawScoreboardPhase(room: Room): void {
    const next = activeTeam(room);
    const after = Math.max(...room.workshop.teams.map((team) => team.decisions.length));
    addText(this, 110, 56, t('scoreboardTitle', { turn: turnText(room.scenario, after) }), { size: 60, bold: true });
    const rows = drawScoreboard(this, room, { x: 110, y: 190, width: STAGE.width - 220, bottom: 900 }, room.workshop.active);
    const label = t('scoreboardNext', { name: next.name });
    const button = new Button(this, 110, 930, { width: 900, label, align: 'center', textSize: 36, onActivate: () => this.proceed(room), onHover: () => this.focus?.focus(0) });
    fitWidth(button.label, 840, 24);
    addText(this, STAGE.width - 110, 930 + button.buttonHeight / 2, t('wsScoreboardHint'), { size: 26, colour: colour.inkSoft, originX: 1, originY: 0.5 });
    this.focus = new FocusList([button]);
    this.focus.focus(0);
    this.shown = { ...this.shown, phase: 'scoreboard', next: next.name, scoreboard: rows };
  }

  private drawBottom(left: string, right: string): void {
    addText(this, 80, STAGE.height - 42, left, { size: 32, bold: true, originY: 0.5 });
    fitWidth(addText(this, STAGE.width - 80, STAGE.height - 42, right, { size: size.small, colour: colour.inkSoft, originX: 1, originY: 0.5 }), 1100, 18);
  }

  private proceed(room: Room): void {
    if (room.phase === 'reveal') {
      const phase = afterReveal(room);
      if (phase === 'over') {
        room.slide = 0;
        goScreen(this.game, 'debrief');
        return;
      }
    } else if (room.phase === 'scoreboard') leaveScoreboard(room);
    else if (room.phase === 'over') {
      goScreen(this.game, 'debrief');
      return;
    }
    this.scene.restart();
  }

  private handle(room: Room, command: Command): boolean {
    if (!this.focus) return false;
    const deciding = room.phase === 'deciding';
    const choices = deciding ? roomTable(room)?.card.choices.length ?? 0 : 0;
    const at = this.focus.current;
    switch (command.kind) {
      case 'choice':
        if (deciding && command.index < choices) {
          this.focus.focus(command.index);
          this.voteUpdate(() => countVote(room, command.index, 1));
        }
        return true;
      case 'more': case 'less': {
        const by = command.kind === 'more' ? 1 : -1;
        if (deciding && at < choices) this.voteUpdate(() => countVote(room, at, by));
        else if (deciding && at === choices) this.voteUpdate(() => cycleGuess(room, by));
        return true;
      }
      case 'letter':
        if (command.key === 'w') {
          openBranch(room);
          goScreen(this.game, 'whatif');
        } else if (deciding && command.key === 'g') this.voteUpdate(() => cycleGuess(room, 1));
        else if (deciding && room.timer.enabled && (command.key === 'p' || command.key === 'e' || command.key === 's')) {
          if (command.key === 'p') room.timer.togglePause();
          else if (command.key === 'e') room.timer.extend(EXTEND_SECONDS);
          else room.timer.skip();
          this.paintTimer();
        }
        return true;
      case 'next': this.focus.move(1); return true;
      case 'previous': this.focus.move(-1); return true;
      case 'forward':
        if (deciding) this.revealMajority(room);
        else this.proceed(room);
        return true;
      case 'back': return true;
      case 'confirm': this.focus.activate(); return true;
      default: return false;
    }
  }
}
