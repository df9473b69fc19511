/**
 * The workshop on the projector. Per card: the room discusses while the timer runs, the trainer
 * counts the votes (a choice's number then the count and Enter, or + and − per hand) and the room's
 * guess of who gains (G), then asks for the decision: the engine takes the majority, or says the
 * trainer must pick (no votes, or a tie). The reveal shows how it was decided, the votes, the guess
 * and the explanation. When teams take turns, a scoreboard of every team's meters comes between turns.
 * W steps back for "what if". The layout uses the whole room stage (stageSize()): 4:3 to 16:9.
 */
import * as Phaser from 'phaser';
import { audio } from '../audio/audio.ts';
import type { Scenario } from '../engine/format.ts';
import { shownOrder } from '../engine/game.ts';
import { previewChoice } from '../engine/preview.ts';
import type { HowDecided } from '../engine/votes.ts';
import { previewMode, roundGoesOn, sessionStop, workshopOver, type TeamGame } from '../engine/workshop.ts';
import { capitalise, listOf, say, t, teamLabel, turnUnit, votesText } from '../locales/index.ts';
import { pushHandler, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import { listScreen, meterItems, sentences } from '../ui/describe.ts';
import type { ScreenRegion } from '../platform/screenModel.ts';
import { sendCommand } from '../platform/keys.ts';
import { settings } from '../platform/settings.ts';
import { stageSize } from '../platform/viewport.ts';
import { clock } from '../session/countdown.ts';
import { phoneFigures, phoneGuess, phonesOn, removeRecentPhones, syncPhones, type PhoneFigures } from '../session/phones.ts';
import { activeTeam, afterReveal, countVote, cycleGuess, decideRoom, handCounts, leaveScoreboard, openBranch, roomCounts, roomOrder, roomTable, setVoteCount, timerChanged, toggleVoting, type Room } from '../session/room.ts';
import { Button, FocusList } from '../ui/button.ts';
import { drawCard } from '../ui/card.ts';
import { signed } from '../locales/format.ts';
import { MeterRow } from '../ui/meters.ts';
import { addText, clampLines, fitHeight, fitWidth } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { goQuestion, goRating, goScreen } from './flow.ts';
import { drawPhoneLine, phoneLine, problemText } from './phoneStatus.ts';
import { RoomScene } from './roomScene.ts';
import { drawScoreboard } from './scoreboard.ts';
import { own } from '../engine/own.ts';
import { keysOrTaps, touchScreen } from '../ui/touch.ts';
import { addHandTaps, TOUCH_PILL, type HandTap } from './handTaps.ts';
import { runTeamsWorkshop } from './teamsWorkshop.ts';
import { revealsRound } from '../session/teamsRoom.ts';

/** The smallest text on a room screen, readable from the back row; the reveal's explanation is larger. */
export const ROOM_TEXT = 28;
export const EXPLANATION_TEXT = 32;
const PILL = 120;
const EXTEND_SECONDS = 30;
const TOP = 282;

/** "week 3 of 8", lower case: for the middle of a line. */
export function turnText(scenario: Scenario, turn: number): string {
  const unit = turnUnit(scenario.turnUnit);
  return scenario.turns ? t('wsTurnOf', { unit, turn, total: scenario.turns }) : t('wsTurnOnly', { unit, turn });
}

/** "Team Rood  ·  week 3 of 8", or "Week 3 of 8" when the whole room plays one game. */
function teamLine(room: Room, team: TeamGame, turn: number): string {
  const week = turnText(room.scenario, turn);
  return room.workshop.teams.length > 1 ? `${capitalise(teamLabel(team.name))}   ·   ${week}` : capitalise(week);
}

/** The most recent decision of any team: which team, turn and choice, and how it was reached. */
function lastDecision(room: Room): { team: string; turn: number; card: string; choice: number; how: HowDecided; howText: string } | null {
  let best: { team: string; turn: number; card: string; choice: number; how: HowDecided; howText: string } | null = null;
  let count = -1;
  room.workshop.teams.forEach((team) => {
    const d = team.decisions[team.decisions.length - 1];
    // Teams take turns, so the latest decision belongs to the team with the most decisions, the later one on a draw.
    if (d && team.decisions.length >= count) {
      count = team.decisions.length;
      best = { team: team.name, turn: d.turn, card: d.card, choice: d.choice, how: d.how, howText: howText(d.how) };
    }
  });
  return best;
}

export function howText(how: HowDecided): string {
  if (how.by === 'majority') return t('wsHowMajority', { votes: how.votes, total: how.total });
  if (how.by === 'tie') return t('wsHowTie', { votes: votesText(how.votes) });
  return t('wsHowTrainer');
}

/** The room stage's columns: the card (or the decision) on the left, the choices (or the explanation) on the right. */
function columns(): { width: number; height: number; margin: number; left: { x: number; width: number }; side: { x: number; width: number } } {
  const { width, height } = stageSize();
  const margin = Math.round(Math.max(48, width * 0.04));
  const gap = Math.round(Math.max(40, width * 0.03));
  const sideWidth = Math.round(Math.min(780, Math.max(600, (width - 2 * margin - gap) * 0.47)));
  const leftWidth = width - 2 * margin - gap - sideWidth;
  return { width, height, margin, left: { x: margin, width: leftWidth }, side: { x: margin + leftWidth + gap, width: sideWidth } };
}

export class WorkshopScene extends RoomScene {
  private focus: FocusList | null = null;
  private shown: Record<string, unknown> = {};
  /** What the phase shows in words besides its buttons, from the values it draws: for the accessible layer. */
  private regions: ScreenRegion[] = [];
  private ticker = 0;
  private bottom = 0;
  /** What the live region says for the latest thing that happened: the card, a notice, the timer, voting, the outcome. */
  private said = '';

  constructor() {
    super('workshop');
  }

  create(): void {
    const room = this.openRoom();
    if (!room) return;
    // Teams deciding at the same time, and a same-card round revealed at once: a screen of its own, drawn from the same room.
    if (revealsRound(room) && room.phase !== 'over') {
      runTeamsWorkshop(this, room, { roomText: ROOM_TEXT, howText, turnText });
      return;
    }
    this.focus = null;
    this.voteUpdate = () => undefined;
    this.paintTimer = () => undefined;
    this.paintPhones = () => undefined;
    this.shown = {
      phase: room.phase,
      stage: stageSize(),
      teams: room.workshop.teams.map((team) => ({ name: team.name, turn: team.state.turn, meters: team.state.meters, ended: team.state.end !== null, decisions: team.decisions.length })),
      lastDecision: lastDecision(room),
    };
    const release = pushHandler((command) => this.handle(room, command));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      release();
      window.clearInterval(this.ticker);
    });
    this.regions = [];
    this.said = '';
    if (room.phase === 'scoreboard') this.drawScoreboardPhase(room);
    else if (room.phase === 'deciding') this.drawDeciding(room);
    else this.drawReveal(room);
    const letter = (key: 'p' | 'e' | 's' | 'g' | 'w' | 'v' | 'j' | 'q') => () => void sendCommand({ kind: 'letter', key });
    const toolbar = [
      { id: 'timer-pause', label: t('timerPauseButton'), activate: letter('p') },
      { id: 'timer-more', label: t('timerMoreButton'), activate: letter('e') },
      { id: 'timer-skip', label: t('timerSkipButton'), activate: letter('s') },
      { id: 'guess', label: t('guessButton'), activate: letter('g') },
      { id: 'what-if', label: t('whatIfButton'), activate: letter('w') },
    ];
    // Says what it will do now: close phone voting, or open it again.
    const votingButton = () => (phonesOn() && room.phase === 'deciding' ? [{ id: 'close-voting', label: t(room.votingClosed ? 'openVotingButton' : 'closeVotingButton'), activate: letter('v') }] : []);
    // The join screen again (J), for a latecomer: a button too, for touch and with the letter keys off.
    const joinButton = () => (phonesOn() ? [{ id: 'show-join', label: t('joinShowButton'), activate: letter('j') }, { id: 'ask-room', label: t('questionButton'), activate: letter('q') }] : []);
    showScreen('workshop', () => {
      const phones = phoneFigures();
      const shown = this.shown as { team?: string; turnText?: string; cardText?: string };
      // The vote counts change without a redraw of the scene: they are read from what the screen shows now.
      const live = this.shown as { counts?: number[]; asking?: { text: string } | null };
      const counts = room.phase === 'deciding' ? live.counts ?? [] : [];
      const votes = (i: number) => (counts[i] !== undefined ? { detail: phonesOn() ? t('wsHandsDetail', { count: counts[i]! }) : votesText(counts[i]!) } : {});
      const model = listScreen(shown.team ?? say(room.scenario.title), this.focus, { ...this.shown, focus: this.focus?.current ?? -1, timer: this.timerState(room), phones: phones ? { joined: phones.joined, voted: phones.voted, recent: phones.recent, problem: phones.problem, status: phones.status, closed: room.votingClosed } : null }, [
        ...this.regions,
        // The room could not be opened: said in full here, the canvas has a short line (J shows it in full).
        ...(phones?.problem ? [{ role: 'notice' as const, text: problemText(phones) }] : []),
        ...(room.phase === 'deciding' ? this.liveRegions(room, phones) : []),
        ...(room.phase === 'deciding' && live.asking ? [{ role: 'notice' as const, text: live.asking.text }] : []),
      ], [...toolbar, ...votingButton(), ...joinButton()], votes);
      // After the reveal the outcome has the focus, so a screen reader reads what happened before the way on.
      // The hand counts after the choices: Tab goes through the choices first, in their order.
      const regions = [...model.regions.filter((r) => r.name !== 'hands'), ...model.regions.filter((r) => r.name === 'hands')];
      return { ...model, regions, announce: this.said, ...(room.phase === 'reveal' && room.reveal ? { focus: 'outcome' } : {}) };
    });
    settle();
    requestFrames();
  }

  /** The timer and the phones' count, which the canvas redraws as they change: in words for the layer. */
  private liveRegions(room: Room, phones: PhoneFigures | null): ScreenRegion[] {
    const items = [];
    if (room.timer.enabled) {
      const { done, paused } = room.timer;
      const state = done ? t('wsTimeUp') : paused ? t('wsTimerPaused') : t('wsTimerRunning');
      items.push({ id: 'timer', label: t('a11yTimer'), value: done ? state : t('a11yTimerLeft', { state, time: clock(room.timer.left()) }) });
    }
    if (phones) {
      const label = t('a11yPhones');
      const line = room.votingClosed && phones.status === 'open' && phones.code ? t('phonesClosed', { voted: phones.voted, joined: phones.joined }) : phoneLine(phones);
      // The canvas line starts with its own "Phones:"; in the layer that is the label, said once.
      items.push({ id: 'phones', label, value: line.startsWith(`${label}: `) ? line.slice(label.length + 2) : line });
    }
    return items.length > 0 ? [{ role: 'values', name: 'live', items }] : [];
  }

  private timerState(room: Room): { enabled: boolean; left: number; paused: boolean; done: boolean } {
    return { enabled: room.timer.enabled, left: Math.ceil(room.timer.left() / 1000), paused: room.timer.paused, done: room.timer.done };
  }

  /** The line at the bottom: the team and turn on the left, the keys on the right (or under it when both do not fit). */
  private drawBottom(left: string, right: string): number {
    const { width, height, margin } = columns();
    const leftText = addText(this, margin, height - 40, left, { size: 32, bold: true, originY: 0.5 });
    const rightText = addText(this, width - margin, height - 40, right, { size: ROOM_TEXT, colour: colour.inkSoft, originX: 1, originY: 0.5 });
    // A long team name and the key hint: the hint gives way to its short form (the help lists every key)
    // before the line takes a second row, which would take room from the choices above it.
    if (leftText.width + rightText.width + 60 > width - 2 * margin && !touchScreen()) rightText.setText(t('wsKeysShort'));
    if (leftText.width + rightText.width + 60 > width - 2 * margin) {
      leftText.setY(height - 88);
      fitWidth(leftText, width - 2 * margin, ROOM_TEXT);
      fitWidth(rightText, width - 2 * margin, ROOM_TEXT);
      this.bottom = height - 120;
    } else this.bottom = height - 78;
    return this.bottom;
  }

  private drawDeciding(room: Room): void {
    const table = roomTable(room);
    const team = activeTeam(room);
    if (!table) {
      this.drawReveal(room);
      return;
    }
    const { left, side, width } = columns();
    const bottom = this.drawBottom(teamLine(room, team, team.state.turn), keysOrTaps('wsKeys', 'wsKeysTouch'));
    const meters = new MeterRow(this, room.scenario, team.state.meters, settings.get().showNumbers, { width, minText: ROOM_TEXT });
    const stakeholder = room.scenario.stakeholders.find((s) => s.id === table.card.from);
    const ribbon = table.followUpOf ? t('wsFollowUp') : undefined;
    drawCard(this, { stakeholder, name: say(stakeholder?.name), text: say(table.card.text), ...(ribbon ? { ribbon } : {}) }, { x: left.x, y: TOP, width: left.width, height: bottom - TOP }, ROOM_TEXT + 2);
    this.said = sentences([
      teamLine(room, team, team.state.turn).replace(/ {3}· {3}/g, ', '),
      ...(ribbon ? [ribbon] : []),
      t('a11yNewCard', { name: say(stakeholder?.name), text: say(table.card.text) }),
      ...(phonesOn() && !room.votingClosed ? [t('a11yVotingOpen')] : []),
    ]);
    // The hands counted per choice with + and −, for a finger or a screen reader (the keys are + and − on the focused choice).
    const hands = roomOrder(room).map((file, position) => {
      const choice = `${position + 1}. ${say(table.card.choices[file]!.label)}`;
      return [
        { id: `hand-more-${position}`, label: t('handMore', { choice }), activate: () => this.voteUpdate(() => countVote(room, file, 1)) },
        { id: `hand-less-${position}`, label: t('handLess', { choice }), activate: () => this.voteUpdate(() => countVote(room, file, -1)) },
      ];
    }).flat();
    this.regions = [
      { role: 'text', text: teamLine(room, team, team.state.turn) },
      { role: 'card', label: [ribbon, say(stakeholder?.name)].filter(Boolean).join(': '), text: say(table.card.text) },
      { role: 'values', name: 'meters', label: t('a11yMeters'), items: meterItems(room.scenario, team.state.meters) },
      { role: 'buttons', name: 'hands', label: t('handCounts'), items: hands },
    ];
    audio.play('card');

    let y = TOP;
    const timerTexts = room.timer.enabled ? this.drawTimer(room, y, side) : null;
    if (timerTexts) y += 100;
    // Phones: how many joined and voted, never the split before the reveal; and whether voting is closed.
    const phoneText = (figures: PhoneFigures) => (room.votingClosed && figures.status === 'open' && figures.code ? t('phonesClosed', { voted: figures.voted, joined: figures.joined }) : phoneLine(figures));
    const phoneRow = drawPhoneLine(this, side.x, y, side.width, phoneText);
    if (phoneRow) {
      // Room for the longest thing the line may say later (no connection), so that it never runs under a choice.
      const now = phoneRow.text;
      const tallest = Math.max(...[t('phonesLost'), t('phonesOpening'), now].map((line) => phoneRow.setText(line).height));
      phoneRow.setText(now);
      y += Math.max(50, tallest + 10);
      this.paintPhones = () => {
        const figures = phoneFigures();
        if (figures && phoneRow.active) phoneRow.setText(phoneText(figures));
        requestFrames();
      };
    }

    const order = roomOrder(room);
    const mode = previewMode(room.scenario, room.workshop.settings.preview);
    const pills: { count: Phaser.GameObjects.Text; unit: Phaser.GameObjects.Text; box: Phaser.GameObjects.Graphics; x: number; y: number; h: number }[] = [];
    // On a touch screen the count holds a − and a + to tap (handTaps.ts).
    const touch = touchScreen();
    const taps: HandTap[] = [];
    const buttons: Button[] = [];
    const rowHeight = 96;
    // As wide as its longest word needs ("stemmen" at room size is wider than the count).
    const units = phonesOn() ? [t('wsHandsOne'), t('wsHandsOther')] : [t('wsVotesOne'), t('wsVotesOther')];
    // Measured by a hidden text: one destroyed in the frame it was made can still be asked to draw.
    const measured = addText(this, 0, 0, units.join('\n'), { size: ROOM_TEXT, bold: true }).setVisible(false);
    const pillWidth = Math.max(touch ? TOUCH_PILL : PILL, Math.ceil(measured.width) + 28);
    const build = (textSize: number) => {
      buttons.forEach((b) => b.destroy());
      buttons.length = 0;
      order.forEach((file, position) => {
        buttons.push(new Button(this, side.x, 0, { width: side.width - pillWidth - 16, label: say(table.card.choices[file]!.label), badge: String(position + 1), textSize, minHeight: 100, onActivate: () => this.enter(room, position), onHover: () => this.focus?.focus(position) }));
      });
      return buttons.reduce((sum, b) => sum + b.buttonHeight + 16, 0);
    };
    const space = bottom - y - 130 - 16;
    if (build(34) > space && build(30) > space) build(ROOM_TEXT);
    for (const button of buttons) {
      button.setY(y);
      const x = side.x + side.width - pillWidth;
      const box = this.add.graphics();
      const count = addText(this, x + pillWidth / 2, y + button.buttonHeight / 2 - 14, '0', { size: 48, bold: true, originX: 0.5, originY: 0.5 });
      const unit = addText(this, x + pillWidth / 2, y + button.buttonHeight / 2 + 26, phonesOn() ? t('wsHandsOther') : t('wsVotesOther'), { size: ROOM_TEXT, bold: true, colour: colour.inkSoft, originX: 0.5, originY: 0.5 });
      pills.push({ count, unit, box, x, y, h: button.buttonHeight });
      if (touch) {
        const file = order[pills.length - 1]!;
        const choice = `${pills.length}. ${say(table.card.choices[file]!.label)}`;
        taps.push(addHandTaps(this, { x, y, width: pillWidth, height: button.buttonHeight }, () => update(() => countVote(room, file, 1)), () => update(() => countVote(room, file, -1)), choice));
      }
      y += button.buttonHeight + 16;
    }
    const half = (side.width - 16) / 2;
    const guessLabel = () => {
      const meter = room.workshop.guess ? say(room.scenario.meters.find((m) => m.id === room.workshop.guess)?.label) : t('wsGuessNone');
      return `${t('wsGuessPrompt')}\n${capitalise(meter)}`;
    };
    const guess = new Button(this, side.x, y, { width: half, label: guessLabel(), textSize: ROOM_TEXT, minHeight: rowHeight, onActivate: () => update(() => cycleGuess(room, 1)), onHover: () => this.focus?.focus(buttons.length) });
    const decide = new Button(this, side.x + half + 16, y, { width: half, label: t('wsReveal'), align: 'center', textSize: 30, minHeight: Math.max(rowHeight, guess.buttonHeight), onActivate: () => this.decide(room), onHover: () => this.focus?.focus(buttons.length + 1) });
    // While a count is typed, or the trainer is asked to pick, the message takes the place of these two buttons.
    const rowTop = y;
    const rowBottom = Math.max(y + Math.max(guess.buttonHeight, decide.buttonHeight), Math.min(bottom, y + 130));
    const hintBox = this.add.graphics();
    const hint = addText(this, side.x + 28, rowTop + 14, '', { size: ROOM_TEXT, bold: true, colour: colour.danger, width: side.width - 48 });
    let noticed = '';
    const update = (change: () => void) => {
      change();
      const counts = roomCounts(room);
      // The pills show the trainer's own counts; the phones' split waits for the reveal.
      const hands = handCounts(room);
      const among = new Set(room.asking?.reason === 'tie' ? room.asking.among : []);
      order.forEach((file, position) => {
        const pill = pills[position]!;
        const typing = room.entry?.position === position;
        const value = hands[file] ?? 0;
        pill.count.setText(typing ? `${room.entry!.digits}_` : String(value));
        // With phones on, the pill holds the hands counted only: "0 votes" there would hide the phones' votes.
        pill.unit.setText(typing ? '' : phonesOn() ? (value === 1 ? t('wsHandsOne') : t('wsHandsOther')) : value === 1 ? t('wsVotesOne') : t('wsVotesOther'));
        pill.box.clear().fillStyle(typing ? colour.accentSoft : among.has(file) ? colour.dangerSoft : colour.paperDeep, 1).fillRoundedRect(pill.x, pill.y, pillWidth, pill.h, 20);
        if (typing || among.has(file)) pill.box.lineStyle(4, typing ? colour.accent : colour.danger, 1).strokeRoundedRect(pill.x, pill.y, pillWidth, pill.h, 20);
      });
      guess.label.setText(guessLabel());
      const asking = room.asking;
      // On a touch screen the way to pick is a tap, not keys.
      const message = room.entry ? t('wsTyping')
        // With phones on, the count the tied choices share is the phones' split, which waits for the reveal.
        : asking?.reason === 'tie' ? t(phonesOn() ? (touch ? 'wsAskTiePhonesTouch' : 'wsAskTiePhones') : touch ? 'wsAskTieTouch' : 'wsAskTie', { choices: listOf(asking.among.map((file) => order.indexOf(file) + 1).sort((a, b) => a - b).map(String)), votes: votesText(counts[asking.among[0]!] ?? 0) })
        : asking?.reason === 'no-votes' ? t(touch ? 'wsAskNoVotesTouch' : 'wsAskNoVotes') : '';
      hint.setText(message).setColor(room.entry ? '#1d5c61' : '#a8231c');
      // Said once when it appears (a tie after new counts is a new notice), not again at every count.
      if (asking && message !== noticed) this.said = message;
      noticed = asking ? message : '';
      clampLines(hint, Math.max(1, Math.floor((rowBottom - rowTop - 20) / 34)));
      guess.setVisible(message === '');
      decide.setVisible(message === '');
      hintBox.clear();
      if (message) {
        const h = Math.max(hint.height + 28, rowBottom - rowTop);
        hintBox.fillStyle(room.entry ? colour.accentSoft : colour.dangerSoft, 1).fillRoundedRect(side.x, rowTop, side.width, h, 20);
        hintBox.lineStyle(3, room.entry ? colour.accent : colour.danger, 1).strokeRoundedRect(side.x, rowTop, side.width, h, 20);
      }
      this.shown = {
        ...this.shown,
        counts: order.map((file) => hands[file] ?? 0),
        countsByChoice: hands,
        typing: room.entry ? { choice: room.entry.position, digits: room.entry.digits } : null,
        asking: asking ? { reason: asking.reason, among: asking.among.map((file) => order.indexOf(file)).sort((a, b) => a - b), text: message } : null,
        guess: room.workshop.guess,
        guessLabel: guess.label.text,
      };
      requestFrames();
    };
    this.focus = new FocusList([...buttons, guess, decide], (i) => meters.showPreview(i < buttons.length ? previewChoice(room.scenario, team.state, order[i]!, mode) : []));
    this.focus.focus(0);
    this.voteUpdate = update;
    this.shown = {
      ...this.shown,
      team: team.name,
      turnText: teamLine(room, team, team.state.turn),
      cardId: table.card.id,
      cardText: say(table.card.text),
      choices: order.map((file) => say(table.card.choices[file]!.label)),
      order,
      buttons: [...buttons.map((b) => b.label.text), guess.label.text, decide.label.text],
      previewMode: mode,
      meters: meters.describe(),
      keys: keysOrTaps('wsKeys', 'wsKeysTouch'),
      handTaps: taps,
    };
    update(() => undefined);
    if (timerTexts) this.startTicking(room, timerTexts);
  }

  private voteUpdate: (change: () => void) => void = () => undefined;

  private drawTimer(room: Room, y: number, side: { x: number; width: number }): { time: Phaser.GameObjects.Text; status: Phaser.GameObjects.Text; box: Phaser.GameObjects.Graphics; side: { x: number; width: number } } {
    const box = this.add.graphics();
    const time = addText(this, side.x + 28, y + 42, '', { size: 56, bold: true, originY: 0.5 });
    const status = addText(this, side.x + 190, y + 22, '', { size: 30, bold: true, width: side.width - 210 });
    fitWidth(addText(this, side.x + 190, y + 58, keysOrTaps('wsTimerKeyHint', 'wsTimerKeyHintTouch'), { size: ROOM_TEXT, colour: colour.inkSoft }), side.width - 210, ROOM_TEXT);
    room.timer.begin();
    return { time, status, box, side };
  }

  private startTicking(room: Room, texts: { time: Phaser.GameObjects.Text; status: Phaser.GameObjects.Text; box: Phaser.GameObjects.Graphics; side: { x: number; width: number } }): void {
    let rang = room.timer.done;
    const paint = () => {
      const { done, paused } = room.timer;
      const text = clock(room.timer.left());
      const status = done ? t('wsTimeUp') : paused ? t('wsTimerPaused') : t('wsTimerRunning');
      if (texts.time.text === text && texts.status.text === status) return;
      texts.time.setText(text).setColor(done ? '#a8231c' : '#2b2118');
      texts.status.setText(status);
      texts.box.clear().fillStyle(done ? colour.dangerSoft : colour.card, 1).fillRoundedRect(texts.side.x, TOP, texts.side.width, 88, 20);
      texts.box.lineStyle(3, done ? colour.danger : colour.cardEdge, 1).strokeRoundedRect(texts.side.x, TOP, texts.side.width, 88, 20);
      if (done && !rang) {
        rang = true;
        audio.play('timer');
        this.said = sentences([t('wsTimeUp')]);
      }
      requestFrames(200);
    };
    paint();
    this.ticker = window.setInterval(paint, 200);
    this.paintTimer = paint;
  }

  private paintTimer: () => void = () => undefined;
  private paintPhones: () => void = () => undefined;

  /** Enter on a choice: finishes a typed count, or picks it when the engine asked the trainer to, or asks for the decision. */
  private enter(room: Room, position: number): void {
    if (room.entry) {
      this.finishEntry(room);
      return;
    }
    const file = roomOrder(room)[position];
    if (room.asking && file !== undefined && room.asking.among.includes(file)) this.decide(room, file);
    else this.decide(room);
  }

  /** A typed count is set on Enter; a choice number with no count typed just moves the focus there. */
  private finishEntry(room: Room): void {
    const entry = room.entry;
    if (!entry) return;
    room.entry = null;
    const file = roomOrder(room)[entry.position];
    this.voteUpdate(() => {
      if (entry.digits !== '' && file !== undefined) setVoteCount(room, file, Number(entry.digits));
    });
  }

  private decide(room: Room, pick?: number): void {
    if (room.entry) this.finishEntry(room);
    if (decideRoom(room, pick, phoneGuess())) {
      // Voting closes on the phones now, before any late vote could land.
      syncPhones();
      audio.play('choice');
      this.scene.restart();
      return;
    }
    // The engine asked the trainer to pick: the focus goes to the first choice it may be.
    const first = room.asking ? roomOrder(room).indexOf(room.asking.among[0]!) : -1;
    if (first >= 0 && this.focus && !(this.focus.current < roomOrder(room).length && room.asking!.among.includes(roomOrder(room)[this.focus.current]!))) this.focus.focus(first);
    this.voteUpdate(() => undefined);
  }

  private drawReveal(room: Room): void {
    const reveal = room.reveal;
    if (!reveal) {
      this.drawScoreboardPhase(room);
      return;
    }
    const { left, side, width } = columns();
    const team = room.workshop.teams[reveal.team]!;
    const turn = team.state.history[team.state.history.length - 1]?.turn ?? team.state.turn;
    const over = workshopOver(room.workshop);
    const bottom = this.drawBottom(teamLine(room, team, turn), keysOrTaps('wsRevealKeys', 'wsRevealKeysTouch'));
    const meters = new MeterRow(this, room.scenario, reveal.before, settings.get().showNumbers, { width, minText: ROOM_TEXT });
    meters.showChange(reveal.before, team.state.meters, reveal.outcome.deltas, true);
    const moved = Object.values(reveal.outcome.deltas).filter((d) => d !== 0);
    if (moved.length > 0) audio.play(moved.reduce((a, b) => a + b, 0) >= 0 ? 'up' : 'down');
    const card = room.scenario.cards.find((c) => c.id === reveal.outcome.card)!;
    const stakeholder = room.scenario.stakeholders.find((s) => s.id === card.from);
    const order = shownOrder(card, team.state.history[team.state.history.length - 1]?.order);

    // Left: the card in brief, what the room chose and how, the votes, the guess.
    const panel = this.add.graphics();
    let y = TOP + 24;
    const x = left.x + 32;
    const inner = left.width - 64;
    const cardLine = addText(this, x, y, `${say(stakeholder?.name)}: ${say(card.text)}`, { size: ROOM_TEXT, colour: colour.inkSoft, width: inner });
    clampLines(cardLine, 2);
    y += cardLine.height + 18;
    const chose = addText(this, x, y, t('wsRoomChose', { choice: say(card.choices[reveal.choice]!.label) }), { size: 36, bold: true, width: inner });
    fitHeight(chose, 150, 30);
    y += chose.height + 10;
    const how = addText(this, x, y, howText(reveal.how), { size: 30, bold: true, colour: colour.accent, width: inner });
    y += how.height + 18;
    const counts = reveal.vote.counts;
    let sourcesText: string | null = null;
    if (counts) {
      const total = Math.max(1, counts.reduce((a, b) => a + b, 0));
      const room_ = bottom - y - (reveal.vote.guess ? 120 : 20) - (reveal.vote.phones ? 50 : 0);
      const line = Math.min(78, room_ / order.length);
      // Where the panel has the height, a long choice takes a second line rather than being cut.
      const lines = room_ / order.length >= 104 ? 2 : 1;
      order.forEach((file, position) => {
        const label = addText(this, x, y, `${position + 1}. ${say(card.choices[file]!.label)}`, { size: ROOM_TEXT, bold: file === reveal.choice, width: inner - 110 });
        clampLines(label, lines);
        const barY = y + label.height + 2;
        const g = this.add.graphics();
        g.fillStyle(colour.track, 1).fillRoundedRect(x, barY, inner - 110, 14, 7);
        if (counts[file]! > 0) g.fillStyle(file === reveal.choice ? colour.accent : colour.fill, 1).fillRoundedRect(x, barY, Math.max(14, ((inner - 110) * counts[file]!) / total), 14, 7);
        addText(this, x + inner, y + (label.height + 16) / 2, `${counts[file]}${file === reveal.choice ? ' ✓' : ''}`, { size: 34, bold: true, originX: 1, originY: 0.5 });
        y += Math.max(line, label.height + 36);
      });
      const phones = reveal.vote.phones;
      if (phones) {
        const fromPhones = phones.reduce((a, b) => a + b, 0);
        sourcesText = t('phonesSources', { phones: fromPhones, counted: counts.reduce((a, b) => a + b, 0) - fromPhones });
        const sources = addText(this, x, y, sourcesText, { size: ROOM_TEXT, bold: true, colour: colour.accent, width: inner });
        y += sources.height + 8;
      }
      y += 8;
    }
    const gains = room.scenario.meters.map((m) => ({ meter: m, delta: own(reveal.outcome.deltas, m.id) ?? 0 })).filter((g) => g.delta > 0).sort((a, b) => b.delta - a.delta);
    const best = gains[0];
    let guessText: string | null = null;
    if (reveal.vote.guess) {
      const guessed = say(room.scenario.meters.find((m) => m.id === reveal.vote.guess)?.label);
      const right = best !== undefined && gains.filter((g) => g.delta === best.delta).some((g) => g.meter.id === reveal.vote.guess);
      const actual = best ? t('wsGainedMost', { meter: say(best.meter.label), delta: signed(best.delta) }) : t('wsNobodyGained');
      guessText = `${t('wsGuessWas', { meter: guessed })}  ${right ? t('wsGuessRight') : actual}`;
      const text = addText(this, x, y, guessText, { size: ROOM_TEXT, bold: true, colour: right ? colour.up : colour.ink, width: inner });
      fitHeight(text, bottom - y - 20, ROOM_TEXT);
      y += text.height;
    }
    this.regions.push({
      role: 'text',
      id: 'outcome',
      label: t('wsRoomChose', { choice: say(card.choices[reveal.choice]!.label) }),
      text: [
        capitalise(teamLine(room, team, turn).replace(/ {3}· {3}/g, ', ')),
        // In full: the canvas cuts it to two lines.
        `${say(stakeholder?.name)}: ${say(card.text)}`,
        howText(reveal.how),
        ...(counts ? order.map((file, position) => `${position + 1}. ${say(card.choices[file]!.label)}: ${votesText(counts[file]!)}`) : []),
        ...(sourcesText ? [sourcesText] : []),
        ...(guessText ? [guessText] : []),
      ].join('\n'),
    });
    const leftBottom = Math.min(bottom, Math.max(y + 24, TOP + 200));
    panel.fillStyle(colour.card, 1).fillRoundedRect(left.x, TOP, left.width, leftBottom - TOP, 28);
    panel.lineStyle(3, colour.cardEdge, 1).strokeRoundedRect(left.x, TOP, left.width, leftBottom - TOP, 28);

    // Right: the explanation, large, what moved, and on.
    const stop = sessionStop(room.workshop);
    const nextLabel = over ? t('wsToDebrief')
      : roundGoesOn(room.workshop) ? t('scoreboardNextTeam', { team: teamLabel(activeTeam(room).name) })
      : room.workshop.teams.length > 1 ? t('wsToScoreboard') : t('continue');
    const button = new Button(this, side.x, 0, { width: side.width, label: nextLabel, align: 'center', textSize: 34, minHeight: 96, onActivate: () => this.proceed(room), onHover: () => this.focus?.focus(0) });
    button.setY(bottom - button.buttonHeight);
    const feedbackText = reveal.outcome.feedback ? say(reveal.outcome.feedback) : t('noFeedback');
    const changed = room.scenario.meters.filter((m) => (own(reveal.outcome.deltas, m.id) ?? 0) !== 0);
    const changesText = changed.length > 0 ? changed.map((m) => `${say(m.label)} ${signed(own(reveal.outcome.deltas, m.id)!)}`).join('   ·   ') : t('feedbackNoChange');
    const stopText = stop !== null && over ? t('debriefStopped', { unit: turnUnit(room.scenario.turnUnit), turn: stop }) : null;
    this.regions.push(
      { role: 'text', label: t('a11yOutcome'), text: [feedbackText, changesText.replace(/ {3}/g, ' '), ...(stopText ? [stopText] : [])].join('\n') },
      { role: 'values', name: 'meters', label: t('a11yMeters'), items: meterItems(room.scenario, team.state.meters) },
    );
    this.said = sentences([
      t('wsRoomChose', { choice: say(card.choices[reveal.choice]!.label) }),
      howText(reveal.how),
      ...(reveal.vote.phones ? [t('a11yVotingClosed')] : []),
      feedbackText,
      changesText.replace(/ {3}· {3}/g, ', '),
      ...(stopText ? [stopText] : []),
    ]);
    const explanationBottom = button.y - 24;
    const box = this.add.graphics();
    const text = addText(this, side.x + 40, TOP + 26, feedbackText, { size: 38, width: side.width - 70, lineSpacing: 8 });
    const changes = addText(this, side.x + 40, 0, stopText ? `${changesText}\n${stopText}` : changesText, { size: 30, bold: true, colour: colour.accent, width: side.width - 70 });
    fitHeight(text, explanationBottom - TOP - 70 - changes.height, EXPLANATION_TEXT);
    if (text.height > explanationBottom - TOP - 70 - changes.height) clampLines(text, Math.max(1, Math.floor((explanationBottom - TOP - 70 - changes.height) / (EXPLANATION_TEXT * 1.3))));
    changes.setY(text.y + text.height + 14);
    const height = Math.min(explanationBottom - TOP, text.height + changes.height + 66);
    box.fillStyle(colour.accentSoft, 1).fillRoundedRect(side.x, TOP, side.width, height, 24);
    box.fillStyle(colour.accent, 1).fillRoundedRect(side.x, TOP, 12, height, { tl: 24, bl: 24, tr: 0, br: 0 });
    this.children.bringToTop(text);
    this.children.bringToTop(changes);

    this.focus = new FocusList([button]);
    this.focus.focus(0);
    this.shown = {
      ...this.shown,
      phase: room.phase,
      team: team.name,
      cardId: card.id,
      decision: reveal.choice,
      decisionShown: order.indexOf(reveal.choice),
      order,
      how: reveal.how,
      howText: howText(reveal.how),
      chose: chose.text,
      votes: counts ? order.map((file) => counts[file] ?? 0) : null,
      votesByChoice: counts ?? null,
      phoneVotes: reveal.vote.phones ? order.map((file) => reveal.vote.phones![file] ?? 0) : null,
      guess: reveal.vote.guess ?? null,
      guessText,
      feedback: feedbackText,
      changes: changesText,
      stoppedAt: stop,
      nextLabel,
      buttons: [nextLabel],
      meters: meters.describe(),
    };
  }

  private drawScoreboardPhase(room: Room): void {
    const { width, height, margin } = columns();
    const next = activeTeam(room);
    const after = Math.max(...room.workshop.teams.map((team) => team.decisions.length));
    const title = addText(this, margin, 50, t('scoreboardAfter', { unit: turnUnit(room.scenario.turnUnit), turn: after }), { size: 60, bold: true });
    fitWidth(title, width - 2 * margin, 40);
    const label = t('scoreboardNextTeam', { team: teamLabel(next.name) });
    const hint = keysOrTaps('wsScoreboardKeys', 'wsScoreboardKeysTouch');
    const button = new Button(this, margin, 0, { width: Math.min(900, width - 2 * margin), label, align: 'center', textSize: 36, onActivate: () => this.proceed(room), onHover: () => this.focus?.focus(0) });
    const hintText = addText(this, width - margin, 0, hint, { size: ROOM_TEXT, colour: colour.inkSoft, originX: 1, originY: 0.5 });
    const twoRows = button.buttonWidth + hintText.width + 40 > width - 2 * margin;
    const buttonY = height - (twoRows ? 80 : 40) - button.buttonHeight;
    button.setY(buttonY);
    hintText.setY(twoRows ? height - 40 : buttonY + button.buttonHeight / 2);
    const rows = drawScoreboard(this, room, { x: margin + 20, y: 160, width: width - 2 * margin - 40, bottom: buttonY - 30 }, room.workshop.active);
    this.focus = new FocusList([button]);
    this.focus.focus(0);
    this.regions = [{
      role: 'values',
      label: title.text,
      items: rows.map((row, i) => ({ id: `score-${i}`, label: row.team, value: row.status, detail: room.scenario.meters.map((m) => `${say(m.label)} ${own(row.meters, m.id)}`).join(', ') })),
    }];
    this.said = sentences([title.text, label]);
    this.shown = { ...this.shown, phase: 'scoreboard', title: title.text, next: next.name, nextLabel: label, buttons: [label], scoreboard: rows };
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
    const choices = deciding ? roomOrder(room).length : 0;
    const at = this.focus.current;
    const typeDigit = (digit: number) => {
      const entry = room.entry;
      if (!entry) return;
      const digits = digit < 0 ? entry.digits.slice(0, -1) : (entry.digits + String(digit)).replace(/^0+(?=\d)/, '').slice(0, 3);
      this.voteUpdate(() => (room.entry = { ...entry, digits }));
    };
    switch (command.kind) {
      case 'choice':
        if (!deciding) return true;
        if (room.entry) typeDigit(command.index + 1);
        else if (command.index < choices) {
          this.focus.focus(command.index);
          this.voteUpdate(() => (room.entry = { position: command.index, digits: '' }));
        }
        return true;
      case 'digit':
        if (deciding) typeDigit(command.value);
        return true;
      case 'more': case 'less': {
        const by = command.kind === 'more' ? 1 : -1;
        if (!deciding) return true;
        if (room.entry) this.finishEntry(room);
        const file = roomOrder(room)[at];
        if (at < choices && file !== undefined) this.voteUpdate(() => countVote(room, file, by));
        else if (at === choices) this.voteUpdate(() => cycleGuess(room, by));
        return true;
      }
      case 'letter':
        // I (the presenter view) works on every room screen: navigation.ts has it.
        if (command.key === 'i') return false;
        if (room.entry) this.finishEntry(room);
        if (command.key === 'w') {
          openBranch(room);
          goScreen(this.game, 'whatif');
        } else if (command.key === 'j' && phonesOn()) goScreen(this.game, 'join'); else if (command.key === 'q' && phonesOn()) goQuestion(this.game, 'workshop'); else if (command.key === 'r' && phonesOn()) goRating(this.game, 'workshop'); else if (command.key === 'x' && phonesOn()) removeRecentPhones(); else if (command.key === 'v' && phonesOn() && toggleVoting(room)) {
          // The phones hear it at once: no late vote lands after the trainer closed voting.
          syncPhones();
          this.said = t(room.votingClosed ? 'a11yVotingClosed' : 'a11yVotingReopened');
          this.paintPhones();
          requestFrames();
        } else if (deciding && command.key === 'g') this.voteUpdate(() => cycleGuess(room, 1));
        else if (deciding && room.timer.enabled && (command.key === 'p' || command.key === 'e' || command.key === 's')) {
          if (command.key === 'p') room.timer.togglePause();
          else if (command.key === 'e') room.timer.extend(EXTEND_SECONDS);
          else room.timer.skip();
          timerChanged(room);
          this.paintTimer();
        }
        return true;
      case 'next': case 'previous':
        if (room.entry) this.finishEntry(room);
        this.focus.move(command.kind === 'next' ? 1 : -1);
        return true;
      case 'forward':
        if (deciding) this.decide(room, room.asking && at < choices ? roomOrder(room)[at] : undefined);
        else this.proceed(room);
        return true;
      case 'back': return true;
      case 'confirm':
        if (room.entry) this.finishEntry(room);
        else this.focus.activate();
        return true;
      case 'menu':
        if (room.entry) {
          this.voteUpdate(() => (room.entry = null));
          return true;
        }
        return false;
      default: return false;
    }
  }
}
