/**
 * Phone votes from the projector's side: opens the room on the room server, tells the phones what to
 * show (the card, the reveal, the debrief page, the end) whenever the workshop moves on, and keeps the
 * latest figures (phones joined, phones voted, the split) for the workshop screens. The projector
 * shows only how many voted until the reveal; the split goes into the decision.
 *
 * The projector makes the room's secret and keeps it with the workshop save; the server makes the
 * room's code from it. So a server restart, a reload, a new tab or a restarted browser opens the same
 * room again and the phones rejoin with their votes, and nobody without the secret can take the code.
 * A projector that cannot get its room back says so instead of opening another.
 */
import { shownOrder } from '../engine/game.ts';
import type { Text } from '../engine/format.ts';
import { resolveText, type Language } from '../engine/text.ts';
import { sessionStop, type Decision } from '../engine/workshop.ts';
import { tagProfile, weightiestChoices } from '../engine/debrief.ts';
import { standing } from '../engine/standing.ts';
import { own } from '../engine/own.ts';
import { en, type MessageKey, type Messages } from '../locales/en.ts';
import { interpolate, signed } from '../locales/format.ts';
import { nl } from '../locales/nl.ts';
import { RoomSocket, type SocketStatus } from '../platform/roomSocket.ts';
import { currentScreen } from '../platform/screen.ts';
import { PHONE_PATH, roomLinkHash, SERVER_CHECK_PATH, type PhoneView, type ServerMessage, type Texts } from '../room-protocol/protocol.ts';
import { questionView, receiveAnswer } from './openQuestions.ts';
import { ratingView, receiveRatings } from './ratings.ts';
import { activeTeam, currentRoom, roomOrder, roomTable, setPhoneSecret, setPhoneVotes, type Room } from './room.ts';
import { clearTeamPhones, resendTeams, syncTeamPhones, takeTeamTally } from './teamPhones.ts';
import { teamsAtOnce } from './teamsRoom.ts';

export interface PhoneFigures {
  status: SocketStatus;
  code: string | null;
  /** The address phones open (without the code), and the same with the code for the QR code. */
  address: string | null;
  /** How many addresses the projector can offer, and which of them it shows. */
  addresses: number;
  addressIndex: number;
  link: string | null;
  joined: number;
  voted: number;
  /** Phone votes per choice on the card on the table; zeros before the first vote. */
  counts: number[];
  /** The meter most phones guessed gains most, when one leads. */
  guess: string | null;
  /** The round these votes belong to (the card being decided), or null. */
  round: string | null;
  /** Phones that joined in the last minute: a jump the trainer sees, and can remove. */
  recent: number;
  /** Why the room cannot be opened, said to the trainer instead of "no connection". */
  problem: PhoneProblem | null;
}

/**
 * The room server refused the room: its code belongs to another room now (`lost`: the phones cannot
 * rejoin this workshop's room), the server has every room in use, or this computer has too many open.
 */
export type PhoneProblem = 'lost' | 'server-full' | 'too-many-rooms';

/** Joined this many in the last minute, the projector says so and offers to remove them. */
export const RECENT_SHOWN = 5;

interface Phones {
  socket: RoomSocket;
  figures: PhoneFigures;
  secret: string;
  /** The server opened the room with this secret at least once (or the workshop had it before): losing it is news. */
  owned: boolean;
  /** The room's long key from the server, for the QR link. */
  key: string | null;
  phoneUrls: string[];
  round: string | null;
  sent: string;
  timer: number;
  /** The scenario's title, kept for the phones' last page: by then the workshop may be gone. */
  title: Texts | null;
  /** Whether the phones were last told that voting is open. */
  open: boolean;
}

/** Screens outside a workshop: reaching one ends the phones' session. (The set-up is not one: it is left for the join screen.) */
const OUTSIDE_SCREENS = new Set(['title', 'mode', 'play', 'ending', 'author', 'problems', 'map']);
let phones: Phones | null = null;
const listeners = new Set<() => void>();

export function phonesOn(): boolean {
  return phones !== null;
}

export function phoneFigures(): PhoneFigures | null {
  return phones ? { ...phones.figures, counts: [...phones.figures.counts] } : null;
}

/** Calls back whenever the figures change; returns the unsubscribe. */
export function onPhones(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of listeners) listener();
}

let probe: Promise<boolean> | null = null;
let known: boolean | null = null;
let wanted = false;

/** Whether the room server answered (true), is absent as far as the asks so far tell (false) or is still being asked (null). */
export function phoneServerKnown(): boolean | null {
  return known;
}

/** The trainer's choice in the set-up (off until turned on), remembered for the visit. */
export function phonesWanted(): boolean {
  return wanted;
}

export function setPhonesWanted(on: boolean): void {
  wanted = on;
}

/** Asks in a row without any answer (a busy laptop, a server still starting) before the set-up says there is no server. */
const UNANSWERED_BEFORE_ABSENT = 3;
let unanswered = 0;

/**
 * Whether a room server runs next to this page (not on a static copy of the build). Each call asks
 * again until a server has said yes (the set-up asks every few seconds while it is shown), so a server
 * that starts later is found without a reload. Only the build's own answer ("no server here") or
 * several asks in a row without any answer count as absent.
 */
export function phonesAvailable(): Promise<boolean> {
  if (known === true) return Promise.resolve(true);
  probe ??= (async () => {
    // A page opened from the file system has no server beside it, and asking would only log a refusal.
    if (location.protocol !== 'http:' && location.protocol !== 'https:') {
      known = false;
      return false;
    }
    let answer: boolean | null = null;
    try {
      const response = await fetch(new URL(SERVER_CHECK_PATH, location.href), { cache: 'no-store', signal: AbortSignal.timeout(3000) });
      const body = response.ok ? ((await response.json()) as unknown) : null;
      if (typeof body === 'object' && body !== null && 'server' in body) answer = body.server === true;
    } catch {
      answer = null;
    }
    unanswered = answer === null ? unanswered + 1 : 0;
    if (answer !== null) known = answer;
    else if (unanswered >= UNANSWERED_BEFORE_ABSENT) known = false;
    return known === true;
  })().finally(() => (probe = null));
  return probe;
}

/** A new room secret: random, made here, never shown. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The addresses the projector can show, best first: this page's own when phones can reach it, then
 * the server's (its LAN address before others). The trainer steps through them on the join screen
 * when the first is not on the phones' network.
 */
function phoneAddresses(urls: string[]): string[] {
  const host = location.hostname;
  const local = host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
  const own = local ? [] : [new URL(PHONE_PATH, location.href).href];
  return [...new Set([...own, ...urls])];
}

function showAddress(state: Phones, index: number): void {
  const addresses = phoneAddresses(state.phoneUrls);
  state.figures.addresses = addresses.length;
  state.figures.addressIndex = addresses.length > 0 ? index % addresses.length : 0;
  state.figures.address = addresses[state.figures.addressIndex] ?? null;
  // The QR link carries the room's long key too: a scanned join is never a guess, and never lands elsewhere.
  state.figures.link = state.figures.address && state.figures.code && state.key ? `${state.figures.address}#${roomLinkHash(state.figures.code, state.key)}` : null;
}

/** The join screen's "another address": the next one the server gave, round to the first. */
export function nextPhoneAddress(): void {
  if (!phones || phones.figures.addresses < 2) return;
  showAddress(phones, phones.figures.addressIndex + 1);
  changed();
}

/**
 * Turns phones on for the workshop in this tab. A new workshop opens a new room; a continued one
 * (after a reload, or back from the title screen) reopens its room, and the phones in it rejoin.
 */
export function startPhones(fresh: boolean): void {
  const room = currentRoom();
  if (phones || !room) return;
  const owned = !fresh && room.phoneSecret !== null;
  if (!owned) setPhoneSecret(room, newSecret());
  const state: Phones = {
    socket: null as unknown as RoomSocket,
    // A continued workshop with voting closed shows the phones' votes it was closed with.
    figures: { status: 'connecting', code: null, address: null, addresses: 0, addressIndex: 0, link: null, joined: 0, voted: closedVotes(), counts: [], guess: null, round: null, recent: 0, problem: null },
    secret: room.phoneSecret!,
    owned,
    key: null,
    phoneUrls: [],
    round: null,
    sent: '',
    timer: 0,
    title: null,
    open: false,
  };
  phones = state;
  state.socket = new RoomSocket({
    hello: () => ({ type: 'host', secret: state.secret }),
    message: (message) => receive(state, message),
    status: (status) => {
      state.figures.status = status;
      // Everything is sent again on a new connection: the server may have restarted. Until its first
      // tally the projector knows of no phone: the old figures would show votes the server may have lost.
      if (status !== 'open') {
        state.sent = '';
        state.figures.joined = 0;
        state.figures.recent = 0;
        if (!currentRoom()?.votingClosed) state.figures.voted = 0;
      }
      changed();
    },
  });
  state.timer = window.setInterval(() => syncPhones(), 200);
}

/** The phone votes a closed vote stands with (one per phone that chose), else 0. */
function closedVotes(): number {
  const room = currentRoom();
  return room?.votingClosed && room.phase === 'deciding' ? (room.workshop.tally.phones ?? []).reduce((sum, n) => sum + n, 0) : 0;
}

/** A continued workshop takes its phones back when it had them: its room, by the secret in its save. */
export function resumePhones(): void {
  if (currentRoom()?.phoneSecret) startPhones(false);
}

/** Sends away the phones that joined in the last minute (a burst nobody in the room expected). */
export function removeRecentPhones(): boolean {
  if (!phones || phones.figures.recent === 0) return false;
  return phones.socket.send({ type: 'remove', seconds: 60 });
}

/** Phones off: they show the end and their own answers. The room stays open for a continued workshop. */
export function stopPhones(): void {
  if (!phones) return;
  window.clearInterval(phones.timer);
  const room = currentRoom();
  phones.socket.send({ type: 'show', view: { kind: 'end', title: room ? both(room.scenario.title) : phones.title ?? both(undefined) } });
  const socket = phones.socket;
  phones = null;
  clearTeamPhones();
  // Let the last message go out before the socket closes.
  window.setTimeout(() => socket.close(), 500);
  changed();
}

function receive(state: Phones, message: ServerMessage): void {
  if (message.type === 'hosted') {
    state.socket.healthy();
    state.figures.code = message.code;
    state.figures.problem = null;
    state.owned = true;
    state.phoneUrls = message.phoneUrls;
    state.key = message.key;
    // The trainer's pick stays across a reconnect while the server still offers it.
    const picked = state.figures.address;
    const index = picked ? phoneAddresses(message.phoneUrls).indexOf(picked) : -1;
    showAddress(state, Math.max(0, index));
    state.sent = '';
    syncPhones();
  } else if (message.type === 'tally') {
    const room = currentRoom();
    const current = room !== null && room.phase === 'deciding' && message.round !== null && message.round === roundOf(room);
    state.figures.joined = message.joined;
    state.figures.recent = message.recent;
    if (message.teams) takeTeamTally(room, message.teams);
    // Closed voting: the figures stand as they were when the trainer closed it (as the counts do).
    if (room?.votingClosed && room.phase === 'deciding') {
      changed();
      return;
    }
    state.figures.round = current ? message.round : null;
    state.figures.voted = current ? message.voted : 0;
    state.figures.counts = current ? message.counts : [];
    const top = Math.max(0, ...message.guesses.map((g) => g.count));
    const leaders = message.guesses.filter((g) => g.count === top && top > 0);
    state.figures.guess = current && leaders.length === 1 ? leaders[0]!.meter : null;
    // Phones list the choices as the projector shows them; the room's tally is in file order.
    if (current) {
      const order = roomOrder(room);
      const byFile = order.map(() => 0);
      order.forEach((file, position) => (byFile[file] = message.counts[position] ?? 0));
      setPhoneVotes(room, byFile);
    }
  } else if (message.type === 'answer') {
    receiveAnswer(message.question, message.id, message.text);
  } else if (message.type === 'ratings') {
    receiveRatings(message.round, message.counts);
  } else if (message.type === 'error' && message.code === 'room-taken') {
    if (state.owned) {
      // This workshop's code belongs to another room now: moving to a new room would leave the phones
      // behind without a word, so the trainer is told and the projector stops asking.
      state.figures.problem = 'lost';
      // The code and QR code on the wall would send newcomers nowhere: they go.
      state.figures.code = null;
      state.figures.link = null;
      state.figures.address = null;
      state.socket.close();
    } else {
      // A brand-new secret whose code another room has (one in millions): make another.
      const room = currentRoom();
      state.secret = newSecret();
      if (room) setPhoneSecret(room, state.secret);
      state.socket.reconnect();
    }
  } else if (message.type === 'error' && (message.code === 'server-full' || message.code === 'too-many-rooms')) {
    // Said as it is; the server closes the silent connection soon and the socket asks again.
    state.figures.problem = message.code;
  }
  changed();
}

/** Sends the phones what the workshop shows now, when it changed. Called on a timer and after decisions. */
export function syncPhones(): void {
  if (!phones) return;
  if (!currentRoom() || OUTSIDE_SCREENS.has(currentScreen().screen)) {
    // The workshop was left (title, another scenario): the phones get the end and their answers.
    stopPhones();
    return;
  }
  phones.title = both(currentRoom()!.scenario.title);
  if (phones.figures.status !== 'open' || !phones.secret) return;
  const view = currentView();
  const round = view.kind === 'card' || view.kind === 'reveal' ? view.round : null;
  const open = view.kind === 'card' && view.open;
  // A new card, or voting opened again: the figures wait for the server's count (it may have lost
  // votes while voting was closed, and the phones send theirs again).
  const reopened = open && !phones.open;
  phones.open = open;
  if (round !== phones.round || reopened) {
    phones.round = round;
    // Closed voting keeps the figures it was closed with (a workshop continued after a reload starts with them).
    if (view.kind !== 'card' || open) {
      phones.figures.voted = 0;
      phones.figures.counts = [];
      phones.figures.guess = null;
    }
    changed();
  }
  const text = JSON.stringify(view);
  const socket = phones.socket;
  if (text !== phones.sent && socket.send({ type: 'show', view })) {
    phones.sent = text;
    // A view for all ends the teams' own views on the server: theirs go out again after it.
    resendTeams();
  }
  // Teams get their own cards once the first card is up: while the join screen shows before it, every phone waits.
  const room = currentRoom()!;
  const beforeFirst = currentScreen().screen === 'join' && !room.workshop.teams.some((team) => team.decisions.length > 0);
  syncTeamPhones(room, (message) => socket.send(message), view.kind === 'wait' && !beforeFirst);
}

/** The meter most phones guessed gains most on the card being decided, when one leads. */
export function phoneGuess(): string | null {
  const room = currentRoom();
  return phones && room && phones.figures.round === roundOf(room) ? phones.figures.guess : null;
}

// ---------------------------------------------------------------- what the phones see

const catalogues = new Map<Language, Messages>([['en', en], ['nl', nl]]);

function both(text: Text | undefined): Texts {
  return { nl: resolveText(text, 'nl'), en: resolveText(text, 'en') };
}

function message(key: MessageKey, params: (language: Language) => Record<string, string | number> = () => ({})): Texts {
  return { nl: interpolate(catalogues.get('nl')![key], params('nl')), en: interpolate(catalogues.get('en')![key], params('en')) };
}

function roundOf(room: Room): string {
  const team = activeTeam(room);
  // The seed keeps rounds of different workshops in one room apart; turns and teams within one.
  return `${room.workshop.seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}.${room.workshop.active}.${team.state.turn}`;
}

/** "Week 2 of 8", and with teams taking turns the team's name first, as the projector shows it. */
function turnText(room: Room, team: number, turn: number): Texts {
  const scenario = room.scenario;
  const name = room.workshop.teams.length > 1 ? room.workshop.teams[team]?.name : undefined;
  const text = message(scenario.turns ? 'turnOf' : 'turnOnly', (language) => {
    const unit = resolveText(scenario.turnUnit, language) || catalogues.get(language)!.defaultTurnUnit;
    // Written as the projector writes it: "Week 2 van 8" alone, "Team Rood · week 2 van 8" after a name.
    return { unit: name ? unit : unit.charAt(0).toUpperCase() + unit.slice(1), turn, total: scenario.turns ?? 0 };
  });
  if (!name) return text;
  const label = (language: Language) => {
    const named = /^team\b/i.test(name.trim()) ? name : interpolate(catalogues.get(language)!.wsTeamLabel, { name });
    return named.charAt(0).toUpperCase() + named.slice(1);
  };
  return { nl: `${label('nl')} · ${text.nl}`, en: `${label('en')} · ${text.en}` };
}

function currentView(): PhoneView {
  const room = currentRoom();
  if (!room) return { kind: 'wait' };
  const scenario = room.scenario;
  const screen = currentScreen().screen;
  // An open question comes before anything else the projector shows, until the trainer closes it.
  const asked = questionView(room.workshop.seed);
  if (asked) return asked;
  const rating = ratingView(room.workshop.seed, (scenario.debrief?.statements ?? []).slice(0, 8).map(both));
  if (rating) return rating;
  // Once the session is over the phones stay on the debrief page the room last saw, also while the
  // projector looks at a "what if" or the room code: there is no next card to wait for.
  if (screen === 'debrief' || room.phase === 'over') return debriefView(room);
  // While the projector shows the room code before the first card, the phones wait for it too.
  const started = room.workshop.teams.some((team) => team.decisions.length > 0);
  if (screen === 'join' && !started) return { kind: 'wait' };
  // Teams deciding at the same time each see their own card and reveal (sent per team); the rest wait.
  if (teamsAtOnce(room)) return { kind: 'wait' };
  if (room.phase === 'deciding') {
    const table = roomTable(room);
    if (!table) return { kind: 'wait' };
    const stakeholder = scenario.stakeholders.find((s) => s.id === table.card.from);
    return {
      kind: 'card', round: roundOf(room), turn: turnText(room, room.workshop.active, activeTeam(room).state.turn),
      // In the order the projector shows them (it differs per game), so "2" on a phone is "2" on the wall.
      stakeholder: both(stakeholder?.name), text: both(table.card.text), choices: roomOrder(room).map((file) => both(table.card.choices[file]!.label)),
      meters: scenario.meters.map((m) => ({ id: m.id, label: both(m.label) })), open: !room.votingClosed,
    };
  }
  if (room.phase === 'reveal' && room.reveal) {
    const reveal = room.reveal;
    const team = room.workshop.teams[reveal.team]!;
    const decision = team.decisions[team.decisions.length - 1]!;
    const card = scenario.cards.find((c) => c.id === reveal.outcome.card)!;
    const stakeholder = scenario.stakeholders.find((s) => s.id === card.from);
    const order = shownOrder(card, decision.order);
    const phoneSplit = reveal.vote.phones ?? card.choices.map(() => 0);
    const all = reveal.vote.counts ?? card.choices.map(() => 0);
    const gains = scenario.meters.map((m) => ({ id: m.id, delta: reveal.outcome.deltas[m.id] ?? 0 })).filter((g) => g.delta > 0);
    const best = Math.max(0, ...gains.map((g) => g.delta));
    const guessed = reveal.vote.guess ? scenario.meters.find((m) => m.id === reveal.vote.guess) : undefined;
    return {
      kind: 'reveal', round: revealRound(room, reveal.team, decision), turn: turnText(room, reveal.team, decision.turn),
      stakeholder: both(stakeholder?.name), text: both(card.text), choices: order.map((file) => both(card.choices[file]!.label)), choice: order.indexOf(reveal.choice),
      phones: order.map((file) => phoneSplit[file] ?? 0), counted: order.map((file) => Math.max(0, (all[file] ?? 0) - (phoneSplit[file] ?? 0))),
      guess: guessed ? { meter: both(guessed.label), right: best > 0 && gains.some((g) => g.id === guessed.id && g.delta === best) } : null,
      feedback: reveal.outcome.feedback ? both(reveal.outcome.feedback) : message('noFeedback'),
      changes: scenario.meters.filter((m) => (reveal.outcome.deltas[m.id] ?? 0) !== 0).map((m) => ({ meter: both(m.label), delta: reveal.outcome.deltas[m.id]! })),
    };
  }
  return { kind: 'wait' };
}

/** The reveal belongs to the round the card was voted in: the team's turn before the decision. */
function revealRound(room: Room, team: number, decision: Decision): string {
  return `${room.workshop.seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}.${team}.${decision.turn}`;
}

const SLIDE_TITLES: MessageKey[] = ['debriefEndings', 'debriefCharts', 'debriefCompare', 'debriefCostly', 'debriefVotes', 'debriefProfile', 'questionsTitle'];

/** The debrief page the projector shows, as text: the figures each slide draws, in lines. */
function debriefView(room: Room): PhoneView {
  const scenario = room.scenario;
  const slide = Math.min(SLIDE_TITLES.length - 1, Math.max(0, room.slide));
  const teams = room.workshop.teams;
  const multi = teams.length > 1;
  const named = (team: string, line: Texts): Texts => (multi ? { nl: `${team}: ${line.nl}`, en: `${team}: ${line.en}` } : line);
  let lines: Texts[] = [];
  switch (SLIDE_TITLES[slide]) {
    case 'debriefEndings':
      lines = teams.flatMap((team) => {
        const at = standing(scenario, team.state);
        const ending = at.ending !== null ? scenario.endings?.find((e) => e.id === at.ending) : undefined;
        if (!at.ended) {
          // A game the trainer stopped: where it was heading, as on the projector.
          const title = ending ? message('debriefHeading', (language) => ({ ending: resolveText(ending.title, language) })) : message('debriefHeadingNone');
          const tags = (language: Language) => at.mostly.map((tag) => resolveText(own(scenario.debrief?.tags, tag)?.label, language)).join(', ');
          const meters = (language: Language) => at.meters.map((m) => `${resolveText(scenario.meters.find((x) => x.id === m.meter)?.label, language)} ${m.value}`).join(' · ');
          const mostly = at.mostly.length > 0 ? [message('debriefMostly', (language) => ({ tags: tags(language) }))] : [];
          return [named(team.name, title), ...mostly, { nl: meters('nl'), en: meters('en') }, message(team.state.history.length === 1 ? 'debriefLastedOne' : 'debriefLastedOther', () => ({ count: team.state.history.length }))];
        }
        const title = ending ? both(ending.title) : message('endingTheEnd');
        return [named(team.name, title), ...(ending ? [both(ending.text)] : []), message(team.state.history.length === 1 ? 'debriefLastedOne' : 'debriefLastedOther', () => ({ count: team.state.history.length }))];
      });
      {
        // Stopped early (the menu's "To the debrief"): said first, as on the projector.
        const stop = sessionStop(room.workshop);
        if (stop !== null) lines.unshift(message('debriefStopped', (language) => ({ unit: resolveText(scenario.turnUnit, language) || catalogues.get(language)!.defaultTurnUnit, turn: stop })));
      }
      break;
    case 'debriefCharts':
    case 'debriefCompare':
      lines = teams.flatMap((team) => scenario.meters.map((meter) => {
        const start = meter.start;
        const end = team.state.meters[meter.id] ?? start;
        const label = both(meter.label);
        return named(team.name, { nl: `${label.nl}: ${start} → ${end} (${signed(end - start)})`, en: `${label.en}: ${start} → ${end} (${signed(end - start)})` });
      }));
      break;
    case 'debriefCostly':
      lines = teams.flatMap((team) => weightiestChoices(team.state, 3).filter((w) => Object.values(w.deltas).some((d) => d < 0)).map((w) => {
        const card = scenario.cards.find((c) => c.id === w.card);
        const choice = both(card?.choices[w.choice]?.label);
        const text = both(card?.text);
        const lost = scenario.meters.filter((m) => (w.deltas[m.id] ?? 0) < 0).map((m) => ({ label: both(m.label), delta: w.deltas[m.id]! }));
        const line = (language: Language) => `${text[language]} → ${choice[language]} (${lost.map((l) => `${l.label[language]} ${signed(l.delta)}`).join(', ')})`;
        return named(team.name, { nl: line('nl'), en: line('en') });
      }));
      if (lines.length === 0) lines = [message('debriefNothingCost')];
      break;
    case 'debriefVotes':
      lines = teams.flatMap((team) => team.decisions.filter((d) => d.vote.counts?.some((c) => c > 0)).map((d) => {
        const card = scenario.cards.find((c) => c.id === d.card);
        const text = both(card?.text);
        const choice = both(card?.choices[d.choice]?.label);
        const line = (language: Language) => `${text[language]} → ${choice[language]} (${d.vote.counts!.join(' / ')})`;
        return named(team.name, { nl: line('nl'), en: line('en') });
      }));
      if (lines.length === 0) lines = [message('debriefNoVotes')];
      break;
    case 'debriefProfile': {
      const tags = new Map(Object.entries(scenario.debrief?.tags ?? {}));
      lines = teams.flatMap((team) => tagProfile(scenario, team.state).filter((p) => tags.has(p.tag)).map((p) => {
        const label = both(tags.get(p.tag)!.label);
        return named(team.name, { nl: `${label.nl}: ${p.count}×`, en: `${label.en}: ${p.count}×` });
      }));
      break;
    }
    default:
      lines = (scenario.debrief?.questions ?? []).map(both);
  }
  return { kind: 'debrief', page: slide, pages: SLIDE_TITLES.length, title: message(SLIDE_TITLES[slide]!), lines: lines.slice(0, 60), scenario: both(scenario.title) };
}
