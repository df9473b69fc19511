/**
 * Phones in teams when teams decide at the same time: the projector tells the room server the team
 * names (phones pick theirs), sends each team's phones their own team's card or reveal, and takes each
 * team's phone votes from the server's tally into that team's table. The projector shows how many of a
 * team's phones voted, never the split, until the reveal.
 */
import type { Text } from '../engine/format.ts';
import { resolveText, type Language } from '../engine/text.ts';
import { en, type MessageKey, type Messages } from '../locales/en.ts';
import { interpolate } from '../locales/format.ts';
import { nl } from '../locales/nl.ts';
import { MAX_TEAM_NAME, type PhoneView, type ProjectorMessage, type TeamTally, type Texts } from '../room-protocol/protocol.ts';
import type { Room } from './room.ts';
import { revealOrder, setTablePhoneVotes, tableOrder, tablesReveal, teamsAtOnce } from './teamsRoom.ts';
import { teamTable } from '../engine/teamsAtOnce.ts';

const catalogues = new Map<Language, Messages>([['en', en], ['nl', nl]]);

/** What was sent last (names, and each team's view), so that only changes go out. */
let sentNames = '';
let sentViews: string[] = [];
let figures: TeamTally[] = [];
let send: ((message: ProjectorMessage) => boolean) | null = null;

function both(text: Text | undefined): Texts {
  return { nl: resolveText(text, 'nl'), en: resolveText(text, 'en') };
}

function message(key: MessageKey, params: (language: Language) => Record<string, string | number> = () => ({})): Texts {
  return { nl: interpolate(catalogues.get('nl')![key], params('nl')), en: interpolate(catalogues.get('en')![key], params('en')) };
}

/** The names phones pick from: the teams of a workshop where teams decide at the same time, else none. */
export function phoneTeamNames(room: Room | null): string[] {
  if (!room || !teamsAtOnce(room)) return [];
  return room.workshop.teams.map((team, i) => team.name.trim().slice(0, MAX_TEAM_NAME) || `${i + 1}`);
}

/** The round a team votes in: the workshop's seed, the team and its week. */
export function teamRound(room: Room, team: number, turn: number): string {
  return `${room.workshop.seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}.${team}.${turn}`;
}

function weekText(room: Room, team: number, turn: number): Texts {
  const scenario = room.scenario;
  const text = message(scenario.turns ? 'turnOf' : 'turnOnly', (language) => {
    const unit = resolveText(scenario.turnUnit, language) || catalogues.get(language)!.defaultTurnUnit;
    return { unit: unit.charAt(0).toUpperCase() + unit.slice(1), turn, total: scenario.turns ?? 0 };
  });
  const name = room.workshop.teams[team]?.name ?? '';
  return { nl: `${name} · ${text.nl}`, en: `${name} · ${text.en}` };
}

/** Each team's view now: its own card while it decides, its own reveal after the round, else wait. */
export function teamViews(room: Room): PhoneView[] {
  const reveals = new Map(tablesReveal(room).map((r) => [r.team, r]));
  return room.workshop.teams.map((game, team): PhoneView => {
    const scenario = room.scenario;
    if (room.phase === 'deciding') {
      const table = teamTable(scenario, room.workshop, team);
      if (!table) return { kind: 'wait' };
      const stakeholder = scenario.stakeholders.find((s) => s.id === table.card.from);
      return {
        kind: 'card', round: teamRound(room, team, game.state.turn), turn: weekText(room, team, game.state.turn),
        stakeholder: both(stakeholder?.name), text: both(table.card.text), choices: tableOrder(room, team).map((file) => both(table.card.choices[file]!.label)),
        meters: scenario.meters.map((m) => ({ id: m.id, label: both(m.label) })), open: !room.votingClosed,
      };
    }
    const reveal = reveals.get(team);
    if (room.phase !== 'reveal' || !reveal) return { kind: 'wait' };
    const card = scenario.cards.find((c) => c.id === reveal.decision.card)!;
    const stakeholder = scenario.stakeholders.find((s) => s.id === card.from);
    const order = revealOrder(room, reveal);
    const vote = reveal.decision.vote;
    const phoneSplit = vote.phones ?? card.choices.map(() => 0);
    const all = vote.counts ?? card.choices.map(() => 0);
    const gains = scenario.meters.map((m) => ({ id: m.id, delta: reveal.outcome.deltas[m.id] ?? 0 })).filter((g) => g.delta > 0);
    const best = Math.max(0, ...gains.map((g) => g.delta));
    const guessed = vote.guess ? scenario.meters.find((m) => m.id === vote.guess) : undefined;
    return {
      kind: 'reveal', round: teamRound(room, team, reveal.decision.turn), turn: weekText(room, team, reveal.decision.turn),
      stakeholder: both(stakeholder?.name), text: both(card.text), choices: order.map((file) => both(card.choices[file]!.label)), choice: order.indexOf(reveal.decision.choice),
      phones: order.map((file) => phoneSplit[file] ?? 0), counted: order.map((file) => Math.max(0, (all[file] ?? 0) - (phoneSplit[file] ?? 0))),
      guess: guessed ? { meter: both(guessed.label), right: best > 0 && gains.some((g) => g.id === guessed.id && g.delta === best) } : null,
      feedback: reveal.outcome.feedback ? both(reveal.outcome.feedback) : message('noFeedback'),
      changes: scenario.meters.filter((m) => (reveal.outcome.deltas[m.id] ?? 0) !== 0).map((m) => ({ meter: both(m.label), delta: reveal.outcome.deltas[m.id]! })),
    };
  });
}

/** A new connection, or a view for all phones: the names and each team's view go out again. */
export function resendTeams(): void {
  sentNames = '';
  sentViews = [];
}

/**
 * Sends the names and each team's view when they changed, after the view for all (which clears the
 * teams' own); while that view is more than "wait" (the debrief, the end) it is every phone's.
 */
export function syncTeamPhones(room: Room | null, sender: (message: ProjectorMessage) => boolean, teamsOwn: boolean): void {
  send = sender;
  const names = phoneTeamNames(room);
  const namesText = JSON.stringify(names);
  if (namesText !== sentNames && sender({ type: 'teams', names })) sentNames = namesText;
  if (!room || names.length === 0 || room.phase === 'over' || !teamsOwn) return;
  teamViews(room).forEach((view, team) => {
    const text = JSON.stringify(view);
    if (sentViews[team] !== text && sender({ type: 'show', team, view })) sentViews[team] = text;
  });
}

/** The server's figures per team: kept for the screen, and each deciding team's phone votes go into its table (file order). */
export function takeTeamTally(room: Room | null, teams: readonly TeamTally[]): void {
  figures = [...teams];
  if (!room || !teamsAtOnce(room) || room.phase !== 'deciding') return;
  teams.forEach((tally, team) => {
    const game = room.workshop.teams[team];
    if (!game || tally.round !== teamRound(room, team, game.state.turn)) return;
    const order = tableOrder(room, team);
    const byFile = order.map(() => 0);
    order.forEach((file, position) => (byFile[file] = tally.counts[position] ?? 0));
    setTablePhoneVotes(room, team, byFile);
  });
}

/** A team's phones now: how many joined and voted on its card (the split stays for the reveal). */
export function teamPhoneFigures(room: Room, team: number): { joined: number; voted: number } | null {
  const tally = figures[team];
  const game = room.workshop.teams[team];
  if (!tally || !game) return null;
  const current = tally.round !== null && tally.round === teamRound(room, team, game.state.turn);
  return { joined: tally.joined, voted: current ? tally.voted : 0 };
}

/** Per team, the meter most of its phones guessed gains most, when one leads. */
export function teamPhoneGuesses(room: Room): Map<number, string> {
  const out = new Map<number, string>();
  figures.forEach((tally, team) => {
    const game = room.workshop.teams[team];
    if (!game || tally.round !== teamRound(room, team, game.state.turn)) return;
    const top = Math.max(0, ...tally.guesses.map((g) => g.count));
    const leaders = tally.guesses.filter((g) => g.count === top && top > 0);
    if (leaders.length === 1) out.set(team, leaders[0]!.meter);
  });
  return out;
}

/** The trainer moves a phone (by the number it shows) to a team. */
export function movePhone(seat: number, team: number): boolean {
  return send?.({ type: 'move', seat, team }) ?? false;
}

/** Forgets the figures when phones are turned off. */
export function clearTeamPhones(): void {
  figures = [];
  resendTeams();
  send = null;
}
