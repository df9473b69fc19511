/**
 * The workshop screen when teams decide at the same time: a panel per team with its own card, its
 * hand counts and how many of its phones voted (never the split), then one reveal with every team's
 * choice, how it was decided and what it did, side by side, then the next week. Drawn from the room
 * (src/session/teamsRoom.ts); the workshop scene hands over to this when the room is of this form.
 *
 * Keys: Tab moves between the teams; a choice's number then a count and Enter sets that team's hands;
 * Enter on a team decides it; PageDown (or the button) closes voting for every team and reveals. A
 * team whose votes are tied, or who has none, is asked for: its choice's number picks.
 */
import * as Phaser from 'phaser';
import { audio } from '../audio/audio.ts';
import type { Card } from '../engine/format.ts';
import { teamTable } from '../engine/teamsAtOnce.ts';
import { previewMode, sessionStop, workshopOver } from '../engine/workshop.ts';
import { signed } from '../locales/format.ts';
import { capitalise, listOf, say, t } from '../locales/index.ts';
import { pushHandler, sendCommand, settle, type Command } from '../platform/keys.ts';
import { requestFrames } from '../platform/redraw.ts';
import { showScreen } from '../platform/screen.ts';
import type { ScreenItem, ScreenRegion } from '../platform/screenModel.ts';
import { stageSize } from '../platform/viewport.ts';
import { clock } from '../session/countdown.ts';
import { onPhones, phoneFigures, phonesOn, syncPhones } from '../session/phones.ts';
import { afterReveal, timerChanged, toggleVoting, type Room } from '../session/room.ts';
import { movePhone, teamPhoneFigures, teamPhoneGuesses } from '../session/teamPhones.ts';
import {
  closeTables, countTableVote, cycleTableGuess, decideTable, nextTables, revealOrder, roundReveals, setTableCount, tableHands, tableOrder, teamAsking, teamsAtOnce,
} from '../session/teamsRoom.ts';
import { Button, FocusList } from '../ui/button.ts';
import { addText, clampLines, fitWidth } from '../ui/text.ts';
import { colour } from '../ui/theme.ts';
import { goScreen } from './flow.ts';
import { problemText } from './phoneStatus.ts';
import type { HowDecided } from '../engine/votes.ts';
import type { Scenario } from '../engine/format.ts';

/** The workshop screen's own wording, handed over by it (this module does not import the scene). */
export interface RoomWords {
  /** The smallest text on a room screen. */
  roomText: number;
  howText: (how: HowDecided) => string;
  turnText: (scenario: Scenario, turn: number) => string;
}

let ROOM_TEXT = 28;
const EXTEND_SECONDS = 30;
const TOP = 150;
const GAP = 24;

/** What the trainer is typing: a count for a team's choice (its shown position). */
interface Typing {
  team: number;
  position: number;
  digits: string;
}

/** The focused team survives a redraw (a decision, a language switch). */
let focusedTeam = 0;
let typing: Typing | null = null;
/** The number of a phone the trainer is moving to the focused team, as typed so far (A, the number, Enter). */
let moving: string | null = null;

function grid(count: number): { columns: number; rows: number } {
  const columns = count <= 3 ? Math.max(1, count) : 3;
  return { columns, rows: Math.ceil(count / columns) };
}

/** Adds lines of text under each other in a box, each cut to what still fits above `bottom`. */
class Column {
  constructor(private readonly scene: Phaser.Scene, readonly x: number, public y: number, readonly width: number, readonly bottom: number) {}
  line(text: string, options: { size?: number; bold?: boolean; colour?: number; lines?: number; gap?: number; width?: number } = {}): Phaser.GameObjects.Text | null {
    const size = options.size ?? ROOM_TEXT;
    const room = this.bottom - this.y;
    const fit = Math.min(options.lines ?? 99, Math.floor(room / (size * 1.3)));
    if (fit < 1 || text === '') return null;
    const shown = addText(this.scene, this.x, this.y, text, { size, bold: options.bold ?? false, colour: options.colour ?? colour.ink, width: options.width ?? this.width });
    clampLines(shown, fit);
    this.y += shown.height + (options.gap ?? 8);
    return shown;
  }
}

function weekOf(room: Room): number {
  return Math.max(1, ...room.workshop.teams.map((team, i) => (room.workshop.tables?.[i]?.status === 'deciding' ? team.state.turn : 0)));
}

export function runTeamsWorkshop(scene: Phaser.Scene, room: Room, words: RoomWords): void {
  ROOM_TEXT = words.roomText;
  const { howText, turnText } = words;
  let regions: ScreenRegion[] = [];
  let facts: Record<string, unknown> = { phase: room.phase, stage: stageSize() };
  let focus: FocusList | null = null;
  let said = '';
  let ticker = 0;
  const redraw = () => scene.scene.restart();
  const release = pushHandler((command) => handle(command));
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    release();
    window.clearInterval(ticker);
  });

  const { width, height } = stageSize();
  const margin = Math.round(Math.max(40, width * 0.03));
  const teams = room.workshop.teams;
  const { columns, rows } = grid(teams.length);
  const panelWidth = (width - 2 * margin - (columns - 1) * GAP) / columns;
  const bottomLine = height - 150;
  const panelHeight = (bottomLine - TOP - (rows - 1) * GAP) / rows;
  const panelAt = (i: number) => ({ x: margin + (i % columns) * (panelWidth + GAP), y: TOP + Math.floor(i / columns) * (panelHeight + GAP) });

  function panelBox(i: number, tint: number, edge: number): void {
    const { x, y } = panelAt(i);
    const g = scene.add.graphics();
    g.fillStyle(tint, 1).fillRoundedRect(x, y, panelWidth, panelHeight, 24);
    g.lineStyle(3, edge, 1).strokeRoundedRect(x, y, panelWidth, panelHeight, 24);
  }

  /** Under the team's name: how many of its phones voted (it need not say the name again), or where the team is. */
  function headerLine(team: number, status: string): string {
    if (status !== 'deciding') return t(status === 'decided' ? 'teamsDecided' : 'teamsOut');
    const phones = phonesOn() ? teamPhoneFigures(room, team) : null;
    return phones && phones.joined > 0 ? t('phonesVoted', { voted: phones.voted, joined: phones.joined }) : t('teamsPhonesNone');
  }

  function choiceLine(card: Card, file: number, position: number): string {
    return `${position + 1}. ${say(card.choices[file]!.label)}`;
  }

  // ------------------------------------------------------------ deciding

  function drawDeciding(): void {
    const week = weekOf(room);
    const title = addText(scene, margin, 40, t('teamsDeciding', { week: capitalise(turnText(room.scenario, week)) }), { size: 48, bold: true });
    fitWidth(title, width - 2 * margin - 420, 34);
    const timerText = room.timer.enabled ? addText(scene, width - margin, 66, '', { size: 44, bold: true, originX: 1, originY: 0.5 }) : null;
    if (room.timer.enabled) room.timer.begin();
    const buttons: Button[] = [];
    const painters: (() => void)[] = [];
    const texts: { status: string; counts: number[] }[] = [];
    teams.forEach((team, i) => {
      const { x, y } = panelAt(i);
      const table = teamTable(room.scenario, room.workshop, i);
      const status = room.workshop.tables?.[i]?.status ?? 'out';
      panelBox(i, status === 'deciding' ? colour.card : colour.paperDeep, colour.cardEdge);
      // Made with the line it shows now, so that the button has the height for it (two lines on a 4:3 stage).
      const header = new Button(scene, x + 12, y + 12, { width: panelWidth - 24, label: team.name, detail: headerLine(i, status), detailLines: 2, textSize: 34, onActivate: () => decideOne(i), onHover: () => focus?.focus(i) });
      buttons.push(header);
      const column = new Column(scene, x + 28, y + 24 + header.buttonHeight, panelWidth - 56, y + panelHeight - 16);
      if (!table) {
        column.line(t(status === 'decided' ? 'teamsDecided' : 'teamsOut'), { size: 30, bold: true, colour: colour.accent });
        texts.push({ status: '', counts: [] });
        painters.push(() => header.detail?.setText(headerLine(i, status)));
        return;
      }
      const stakeholder = room.scenario.stakeholders.find((s) => s.id === table.card.from);
      // One row of panels has the height for the card in full and larger text; two rows keep the choices first.
      const text = rows > 1 ? ROOM_TEXT : ROOM_TEXT + 2;
      // With two rows of panels every choice still shows (one line each), for the hands to be counted; the card is in full on the phones and in the accessible layer.
      column.line(`${say(stakeholder?.name)}: ${say(table.card.text)}`, { size: text, lines: rows > 1 ? 1 : 5, colour: colour.inkSoft, gap: 12 });
      const order = tableOrder(room, i);
      const pills = order.map((file, position) => {
        const row = column.line(choiceLine(table.card, file, position), { size: text, lines: rows > 1 ? 1 : 2, bold: true, width: panelWidth - 56 - 90 });
        const count = row ? addText(scene, x + panelWidth - 28, row.y, '0', { size: 34, bold: true, originX: 1 }) : null;
        return { row, count, file };
      });
      const guessText = column.line(' ', { size: ROOM_TEXT, colour: colour.inkSoft, lines: 1 });
      const ask = column.line(' ', { size: ROOM_TEXT, bold: true, colour: colour.danger, lines: 3 });
      const entry = { status: '', counts: [] as number[] };
      texts.push(entry);
      painters.push(() => {
        const hands = tableHands(room, i);
        const phones = phonesOn() ? teamPhoneFigures(room, i) : null;
        const line = phones && phones.joined > 0 ? t('teamsPhonesVoted', { team: team.name, voted: phones.voted, joined: phones.joined }) : t('teamsPhonesNone');
        header.detail?.setText(headerLine(i, status));
        pills.forEach(({ count, file }, position) => {
          const typed = typing?.team === i && typing.position === position;
          count?.setText(typed ? `${typing!.digits}_` : String(hands[file] ?? 0)).setColor(typed ? '#1d5c61' : '#2b2118');
        });
        const meter = room.workshop.tables?.[i]?.guess ?? null;
        guessText?.setText(t('teamsGuess', { meter: meter ? say(room.scenario.meters.find((m) => m.id === meter)?.label) : t('wsGuessNone') }));
        const asking = teamAsking(room).find((a) => a.team === i);
        const askText = asking?.reason === 'tie' ? t('teamsAskTie', { choices: listOf(asking.among.map((file) => order.indexOf(file) + 1).sort((a, b) => a - b).map(String)) })
          : asking ? t('teamsAskNoVotes') : '';
        ask?.setText(askText);
        entry.status = [line, askText].filter(Boolean).join(' · ');
        entry.counts = order.map((file) => hands[file] ?? 0);
      });
    });
    const close = new Button(scene, margin, height - 130, { width: Math.min(760, width / 2 - margin), label: t('teamsCloseButton'), align: 'center', textSize: 34, onActivate: () => closeAll(), onHover: () => focus?.focus(teams.length) });
    buttons.push(close);
    const hint = addText(scene, width - margin, height - 130 + close.buttonHeight / 2, t('teamsKeys'), { size: ROOM_TEXT, colour: colour.inkSoft, originX: 1, originY: 0.5, width: width / 2 - margin - 20 });
    clampLines(hint, 3);
    const keysText = hint.text;
    focus = new FocusList(buttons, (index) => {
      if (index < teams.length) focusedTeam = index;
    });
    focus.focus(Math.min(focusedTeam, teams.length - 1));

    const paint = () => {
      painters.forEach((p) => p());
      // Moving a phone: the line of keys says what is being typed instead.
      const movingText = moving !== null ? t('teamsMoving', { team: teams[focusedTeam]?.name ?? '', digits: moving }) : '';
      hint.setText(movingText || keysText).setColor(movingText ? '#1d5c61' : '#594636');
      if (timerText) {
        const { done, paused } = room.timer;
        timerText.setText(`${clock(room.timer.left())}  ${done ? t('wsTimeUp') : paused ? t('wsTimerPaused') : t('wsTimerRunning')}`).setColor(done ? '#a8231c' : '#2b2118');
        fitWidth(timerText, 400, ROOM_TEXT);
      }
      const decided = (room.workshop.tables ?? []).filter((t_) => t_.status === 'decided').length;
      const playing = (room.workshop.tables ?? []).filter((t_) => t_.status !== 'out').length;
      regions = [
        { role: 'text', text: title.text },
        ...(movingText ? [{ role: 'notice' as const, text: movingText }] : []),
        { role: 'values', name: 'teams', label: t('teamsProgress', { decided, playing }), items: teams.map((team, i) => ({ id: `team-${i}`, label: team.name, value: texts[i]!.status || t(room.workshop.tables?.[i]?.status === 'decided' ? 'teamsDecided' : 'teamsOut') })) },
        ...teams.flatMap((team, i): ScreenRegion[] => {
          const table = teamTable(room.scenario, room.workshop, i);
          if (!table) return [];
          const stakeholder = room.scenario.stakeholders.find((s) => s.id === table.card.from);
          const order = tableOrder(room, i);
          return [
            { role: 'card', label: `${team.name}: ${say(stakeholder?.name)}`, text: say(table.card.text) },
            {
              role: 'buttons', name: 'hands', label: t('teamsHands', { team: team.name }),
              items: order.flatMap((file, position): ScreenItem[] => {
                const choice = choiceLine(table.card, file, position);
                return [
                  { id: `hand-more-${i}-${position}`, label: t('handMore', { choice }), detail: String(tableHands(room, i)[file] ?? 0), activate: () => change(() => countTableVote(room, i, file, 1)) },
                  { id: `hand-less-${i}-${position}`, label: t('handLess', { choice }), activate: () => change(() => countTableVote(room, i, file, -1)) },
                ];
              }),
            },
          ];
        }),
      ];
      facts = {
        ...facts, phase: 'deciding', title: title.text, focusedTeam,
        // Counts only: the hands the trainer counted and how many phones voted, never the phones' split.
        tables: teams.map((team, i) => ({
          team: team.name, status: room.workshop.tables?.[i]?.status ?? 'out', cardId: teamTable(room.scenario, room.workshop, i)?.card.id ?? null,
          hands: texts[i]!.counts, phones: phonesOn() ? teamPhoneFigures(room, i) : null, line: texts[i]!.status, asking: teamAsking(room).find((a) => a.team === i) ?? null,
          guess: room.workshop.tables?.[i]?.guess ?? null,
        })),
        decided, playing, typing, moving: movingText || null, previewMode: previewMode(room.scenario, room.workshop.settings.preview),
        buttons: buttons.map((b) => b.label.text),
      };
      requestFrames();
    };
    paint();
    const stop = onPhones(() => paint());
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
    let closedByTimer = room.timer.done;
    ticker = window.setInterval(() => {
      paint();
      // The timer ran out: voting closes for every team still deciding, as the trainer's PageDown would.
      if (room.timer.enabled && room.timer.done && !closedByTimer) {
        closedByTimer = true;
        audio.play('timer');
        closeAll();
      }
    }, 250);
    said = title.text;
    repaint = paint;
  }

  let repaint: () => void = () => undefined;

  function change(edit: () => unknown): void {
    edit();
    repaint();
  }

  function decideOne(team: number): void {
    if (room.phase !== 'deciding') return;
    finishTyping();
    if (decideTable(room, team, undefined, teamPhoneGuesses(room))) after();
    else repaint();
  }

  function closeAll(): void {
    if (room.phase !== 'deciding') return;
    finishTyping();
    if (closeTables(room, new Map(), teamPhoneGuesses(room))) after();
    else {
      const first = teamAsking(room)[0];
      if (first) focus?.focus(first.team);
      said = teamAsking(room).map((a) => `${teams[a.team]!.name}: ${a.reason === 'tie' ? t('teamsAskTie', { choices: '' }) : t('teamsAskNoVotes')}`).join(' ');
      repaint();
    }
  }

  /** A decision: the phones hear at once (the team's voting closes); the round's end redraws as the reveal. */
  function after(): void {
    syncPhones();
    audio.play('choice');
    redraw();
  }

  /** The phone with the typed number goes to the focused team; the phone shows its new team at once. */
  function finishMoving(): void {
    const seat = Number(moving);
    moving = null;
    if (Number.isInteger(seat) && seat > 0 && movePhone(seat, focusedTeam)) said = t('teamsMoved', { seat, team: teams[focusedTeam]?.name ?? '' });
    repaint();
  }

  function finishTyping(): void {
    const entry = typing;
    if (!entry) return;
    typing = null;
    const file = tableOrder(room, entry.team)[entry.position];
    if (entry.digits !== '' && file !== undefined) setTableCount(room, entry.team, file, Number(entry.digits));
    repaint();
  }

  // ------------------------------------------------------------ the reveal

  function drawReveal(): void {
    const reveals = roundReveals(room);
    const week = Math.max(1, ...reveals.map((r) => r.decision.turn));
    const over = workshopOver(room.workshop);
    const title = addText(scene, margin, 40, t('teamsRevealTitle', { week: capitalise(turnText(room.scenario, week)) }), { size: 48, bold: true });
    fitWidth(title, width - 2 * margin, 34);
    const moved = reveals.flatMap((r) => Object.values(r.outcome.deltas)).filter((d) => d !== 0);
    if (moved.length > 0) audio.play(moved.reduce((a, b) => a + b, 0) >= 0 ? 'up' : 'down');
    const described: Record<string, unknown>[] = [];
    const outcome: string[] = [];
    teams.forEach((team, i) => {
      const reveal = reveals.find((r) => r.team === i);
      const { x, y } = panelAt(i);
      panelBox(i, reveal ? colour.card : colour.paperDeep, reveal ? colour.accent : colour.cardEdge);
      const column = new Column(scene, x + 28, y + 22, panelWidth - 56, y + panelHeight - 16);
      column.line(team.name, { size: 36, bold: true, lines: 1 });
      if (!reveal) {
        column.line(t('teamsOut'), { bold: true, colour: colour.inkSoft });
        return;
      }
      const card = room.scenario.cards.find((c) => c.id === reveal.decision.card)!;
      const stakeholder = room.scenario.stakeholders.find((s) => s.id === card.from);
      const order = revealOrder(room, reveal);
      const chose = say(card.choices[reveal.decision.choice]!.label);
      const how = howText(reveal.decision.how);
      const counts = reveal.decision.vote.counts;
      const votes = counts ? t('teamsVotes', { counts: order.map((file, position) => `${position + 1}: ${counts[file] ?? 0}`).join(' · ') }) : '';
      const changed = room.scenario.meters.filter((m) => (reveal.outcome.deltas[m.id] ?? 0) !== 0);
      const changes = changed.length > 0 ? changed.map((m) => `${say(m.label)} ${signed(reveal.outcome.deltas[m.id]!)}`).join(' · ') : t('feedbackNoChange');
      const feedback = reveal.outcome.feedback ? say(reveal.outcome.feedback) : t('noFeedback');
      column.line(`${say(stakeholder?.name)}: ${say(card.text)}`, { lines: 2, colour: colour.inkSoft });
      column.line(t('teamsChose', { choice: chose }), { size: 32, bold: true, lines: 3 });
      column.line(how, { bold: true, colour: colour.accent, lines: 2 });
      column.line(votes, { lines: 2 });
      column.line(changes, { bold: true, colour: colour.accent, lines: 3 });
      column.line(feedback, { lines: 6 });
      outcome.push([`${team.name}: ${t('teamsChose', { choice: chose })}`, how, votes, changes, feedback].filter(Boolean).join('\n'));
      described.push({ team: team.name, cardId: card.id, decision: reveal.decision.choice, decisionShown: order.indexOf(reveal.decision.choice), how: reveal.decision.how, howText: how, votes: counts ? order.map((file) => counts[file] ?? 0) : null, phoneVotes: reveal.decision.vote.phones ? order.map((file) => reveal.decision.vote.phones![file] ?? 0) : null, changes, feedback });
    });
    const stop = sessionStop(room.workshop);
    const label = over ? t('wsToDebrief') : teamsAtOnce(room) ? t('teamsNext', { week: turnText(room.scenario, week + 1) }) : t('wsToScoreboard');
    const button = new Button(scene, margin, height - 130, { width: Math.min(760, width / 2 - margin), label, align: 'center', textSize: 34, onActivate: () => proceed(), onHover: () => focus?.focus(0) });
    addText(scene, width - margin, height - 130 + button.buttonHeight / 2, t('teamsRevealKeys'), { size: ROOM_TEXT, colour: colour.inkSoft, originX: 1, originY: 0.5 });
    focus = new FocusList([button]);
    focus.focus(0);
    regions = [{ role: 'text', id: 'outcome', label: title.text, text: outcome.join('\n\n') }];
    said = [title.text, ...outcome].join(' ');
    facts = { ...facts, phase: 'reveal', title: title.text, reveals: described, stoppedAt: stop, nextLabel: label, buttons: [label] };
  }

  function proceed(): void {
    if (room.phase === 'reveal' && !teamsAtOnce(room)) {
      // Teams taking turns on the same card: after the round's reveal, as after any reveal there.
      if (afterReveal(room) === 'over') {
        room.slide = 0;
        goScreen(scene.game, 'debrief');
        return;
      }
      syncPhones();
      redraw();
    } else if (room.phase === 'reveal') {
      if (nextTables(room) === 'over') {
        room.slide = 0;
        goScreen(scene.game, 'debrief');
        return;
      }
      syncPhones();
      redraw();
    } else if (room.phase === 'over') goScreen(scene.game, 'debrief');
  }

  // ------------------------------------------------------------ keys

  function handle(command: Command): boolean {
    if (!focus) return false;
    const deciding = room.phase === 'deciding';
    switch (command.kind) {
      case 'choice': {
        if (!deciding) return true;
        if (moving !== null) {
          moving = (moving + String(command.index + 1)).slice(0, 6);
          repaint();
          return true;
        }
        const team = focusedTeam;
        const order = tableOrder(room, team);
        const asking = teamAsking(room).find((a) => a.team === team);
        const file = order[command.index];
        if (typing) typeDigit(command.index + 1);
        else if (asking && file !== undefined && asking.among.includes(file)) {
          if (decideTable(room, team, file, teamPhoneGuesses(room))) after();
          else repaint();
        } else if (file !== undefined) {
          typing = { team, position: command.index, digits: '' };
          repaint();
        }
        return true;
      }
      case 'digit':
        if (deciding && moving !== null) {
          moving = command.value < 0 ? moving.slice(0, -1) : (moving + String(command.value)).slice(0, 6);
          repaint();
        } else if (deciding && typing) typeDigit(command.value);
        return true;
      case 'more': case 'less':
        return true;
      case 'letter':
        finishTyping();
        if (command.key === 'a' && phonesOn() && deciding) {
          moving = '';
          repaint();
        } else if (command.key === 'j' && phonesOn()) goScreen(scene.game, 'join');
        else if (command.key === 'v' && phonesOn() && toggleVoting(room)) {
          syncPhones();
          said = t(room.votingClosed ? 'a11yVotingClosed' : 'a11yVotingReopened');
          repaint();
        } else if (deciding && command.key === 'g') change(() => cycleTableGuess(room, focusedTeam, 1));
        else if (deciding && room.timer.enabled && (command.key === 'p' || command.key === 'e' || command.key === 's')) {
          if (command.key === 'p') room.timer.togglePause();
          else if (command.key === 'e') room.timer.extend(EXTEND_SECONDS);
          else room.timer.skip();
          timerChanged(room);
          repaint();
        }
        return true;
      case 'next': case 'previous':
        finishTyping();
        focus.move(command.kind === 'next' ? 1 : -1);
        return true;
      case 'forward':
        if (deciding) closeAll();
        else proceed();
        return true;
      case 'back': return true;
      case 'confirm':
        if (moving !== null) finishMoving();
        else if (typing) finishTyping();
        else focus.activate();
        return true;
      case 'menu':
        if (moving !== null) {
          moving = null;
          repaint();
          return true;
        }
        if (typing) {
          typing = null;
          repaint();
          return true;
        }
        return false;
      default: return false;
    }
  }

  function typeDigit(digit: number): void {
    const entry = typing;
    if (!entry) return;
    const digits = digit < 0 ? entry.digits.slice(0, -1) : (entry.digits + String(digit)).replace(/^0+(?=\d)/, '').slice(0, 3);
    typing = { ...entry, digits };
    repaint();
  }

  if (room.phase === 'deciding') drawDeciding();
  else drawReveal();
  const letter = (key: 'p' | 'e' | 's' | 'v' | 'j') => () => void sendCommand({ kind: 'letter', key });
  showScreen('workshop', () => {
    const phones = phoneFigures();
    const toolbar: ScreenItem[] = room.phase === 'deciding' ? [
      ...(room.timer.enabled ? [
        { id: 'timer-pause', label: t('timerPauseButton'), activate: letter('p') },
        { id: 'timer-more', label: t('timerMoreButton'), activate: letter('e') },
        { id: 'timer-skip', label: t('timerSkipButton'), activate: letter('s') },
      ] : []),
      ...(phonesOn() ? [{ id: 'close-voting', label: t(room.votingClosed ? 'openVotingButton' : 'closeVotingButton'), activate: letter('v') }, { id: 'show-join', label: t('joinShowButton'), activate: letter('j') }] : []),
    ] : [];
    return {
      title: String(facts.title ?? say(room.scenario.title)),
      regions: [
        ...regions,
        // The room could not be opened: said in full, as on the other workshop screens.
        ...(phones?.problem ? [{ role: 'notice' as const, text: problemText(phones) }] : []),
        ...(focus ? [{ role: 'buttons' as const, items: focus.items('b-') }] : []),
        ...(toolbar.length > 0 ? [{ role: 'toolbar' as const, items: toolbar }] : []),
      ],
      focus: room.phase === 'reveal' ? 'outcome' : focus?.focusId('b-') ?? null,
      announce: said,
      facts: { ...facts, focus: focus?.current ?? -1, timer: { enabled: room.timer.enabled, left: Math.ceil(room.timer.left() / 1000), paused: room.timer.paused, done: room.timer.done }, phones: phones ? { joined: phones.joined, status: phones.status, problem: phones.problem, closed: room.votingClosed } : null },
    };
  });
  settle();
  requestFrames();
}
