/**
 * The phone page: light DOM, no Phaser. A participant joins with the room code, sees the card in the
 * language they choose, votes privately (and may change the vote until voting closes), guesses who
 * gains most, sees the reveal and the debrief pages, and keeps their own answers at the end.
 *
 * Everything shown comes from the network, so it is written with textContent only. What the phone
 * remembers (its token, its current vote, its own answers) stays in this phone's storage.
 */
import '@fontsource/atkinson-hyperlegible-next/400.css';
import '@fontsource/atkinson-hyperlegible-next/700.css';
import './phone.css';
import type { Language } from '../engine/text.ts';
import { en, type MessageKey, type Messages } from '../locales/en.ts';
import { interpolate, signed } from '../locales/format.ts';
import { nl } from '../locales/nl.ts';
import { RoomSocket, type SocketStatus } from '../platform/roomSocket.ts';
import { checkAnswer, MAX_ANSWER, normaliseCode, parseRoomLink, type ErrorCode, type Kept, type Mine, type PhoneView, type ServerMessage, type Texts } from '../room-protocol/protocol.ts';
import { addAnswer, loadAnswers, loadJoin, loadLanguage, loadTeam, saveJoin, saveLanguage, saveTeam, type Answer, type Pending } from './memory.ts';

/** How long a phone that was in a room waits for its projector to open it again. */
const REOPEN_WAIT = 3 * 60 * 1000;
const catalogues = new Map<Language, Messages>([['en', en], ['nl', nl]]);

interface State {
  language: Language;
  code: string | null;
  /** The room's long key, from the QR link or the server's welcome: rejoining needs it, and no other room has it. */
  key: string | null;
  token: string | null;
  /** The server took this connection's join (a refused one is asked again later). */
  inRoom: boolean;
  kept: Kept | null;
  view: PhoneView | null;
  mine: Mine;
  /** This phone's vote as the server last confirmed it, to go back to when it refuses a late tap. */
  confirmed: Mine;
  /** A tap the server has not confirmed yet: kept here and sent when the connection is back. */
  pending: Pending | null;
  status: SocketStatus | 'idle';
  failures: number;
  /** When the server first said it does not know the room, while the phone waits for it to reopen. */
  unknownSince: number | null;
  /** A message about the last thing that went wrong, shown until the next change. */
  problem: { key: MessageKey; code?: string } | null;
  /** The answer being typed to the open question, kept while the page redraws. */
  draft: string;
  /** This phone's answers to the open question that reached the projector (shown back to it, kept nowhere). */
  sent: { question: string; texts: string[] };
  /** The answer on its way to the server, until it says it arrived. */
  sending: string | null;
  /** This phone's ratings of the statements in a round, as the server confirmed them. */
  rated: { round: string; values: (number | null)[] };
  /** The room's teams, this phone's team (null until picked) and the number it shows; null when the room has no teams. */
  teams: { names: string[]; team: number | null; seat: number } | null;
  /** The team a table's QR code named, or the one this phone was in: sent with the join. */
  joinTeam: number | null;
}

const state: State = { language: loadLanguage(), code: null, key: null, inRoom: false, token: null, kept: null, view: null, mine: { choice: null, guess: null }, confirmed: { choice: null, guess: null }, pending: null, status: 'idle', failures: 0, unknownSince: null, problem: null, draft: '', sent: { question: '', texts: [] }, sending: null, rated: { round: '', values: [] }, teams: null, joinTeam: null };
let socket: RoomSocket | null = null;
/** What the page showed last, to move focus to the new heading only when the screen really changes. */
let shownKey = '';

const main = document.getElementById('main')!;
const status = document.getElementById('status')!;
const roomLine = document.getElementById('room')!;
const languageButton = document.getElementById('language') as HTMLButtonElement;
const announcer = document.getElementById('announce')!;
/** Whether the phone last said that voting is open, so each opening and closing is said once. */
let announcedOpen: string | null = null;

function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return interpolate(catalogues.get(state.language)![key], params);
}

function say(text: Texts): string {
  return (state.language === 'nl' ? text.nl || text.en : text.en || text.nl) ?? '';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// ---------------------------------------------------------------- connection

function join(code: string, key: string | null = null, team: number | null = null): void {
  const stored = loadJoin();
  state.joinTeam = team ?? loadTeam(code);
  state.teams = null;
  const same = stored?.code === code && (key === null || stored.key === null || stored.key === key);
  state.code = code;
  state.key = key ?? (same ? stored!.key : null);
  state.token = same ? stored!.token : null;
  state.kept = same ? stored!.kept : null;
  state.pending = same ? stored!.pending ?? null : null;
  state.problem = null;
  state.failures = 0;
  socket?.close();
  socket = new RoomSocket({
    hello: () => ({ type: 'join', code, ...(state.key ? { key: state.key } : {}), ...(state.token ? { token: state.token } : {}), ...(state.kept ? { kept: state.kept } : {}), ...(state.joinTeam !== null ? { team: state.joinTeam } : {}) }),
    message: receive,
    status: (s) => {
      if (s !== 'open') state.failures += 1;
      state.inRoom = false;
      state.status = s;
      render();
    },
  });
  render();
}

function receive(message: ServerMessage): void {
  switch (message.type) {
    case 'joined':
      socket?.healthy();
      state.unknownSince = null;
      state.token = message.token;
      state.key = message.key;
      state.inRoom = true;
      state.failures = 0;
      saveJoin({ code: message.code, key: message.key, token: message.token, kept: state.kept, pending: state.pending });
      break;
    case 'view':
      state.view = message.view;
      state.mine = message.mine;
      state.confirmed = message.mine;
      state.problem = null;
      settlePending(message.view, message.mine);
      if (message.view.kind === 'card' && !message.view.open && state.kept?.round === message.view.round) {
        // Voting is closed and the server lost this phone's vote (it restarted meanwhile): the phone
        // still shows its own vote, and sends it again if the trainer opens voting again.
        const kept = state.kept;
        state.mine = { choice: message.mine.choice ?? kept.choice, guess: message.mine.guess ?? kept.guess };
      }
      if (message.view.kind === 'card') {
        const view = message.view;
        // The server lost this phone's vote (it restarted, and the card came back after the phone
        // rejoined): vote again with what the phone remembers.
        const kept = state.kept?.round === view.round && view.open ? state.kept : null;
        if (kept && kept.choice !== null && message.mine.choice === null && kept.choice < view.choices.length && socket?.send({ type: 'vote', round: view.round, choice: kept.choice })) state.mine = { ...state.mine, choice: kept.choice };
        if (kept && kept.guess !== null && message.mine.guess === null && view.meters.some((m) => m.id === kept.guess) && socket?.send({ type: 'guess', round: view.round, meter: kept.guess })) state.mine = { ...state.mine, guess: kept.guess };
        remember({ round: view.round, choice: state.mine.choice, guess: state.mine.guess });
      }
      if (message.view.kind === 'reveal') {
        const v = message.view;
        // As above: a vote the server lost while voting was closed still counted on the projector.
        if (message.mine.choice === null && state.kept?.round === v.round) state.mine = { ...state.mine, choice: state.kept.choice };
        addAnswer(state.code!, { round: v.round, turn: v.turn, stakeholder: v.stakeholder, text: v.text, choices: v.choices, mine: state.mine.choice, room: v.choice });
      }
      break;
    case 'mine':
      // The server counted this phone's vote (from this tab or another of its tabs).
      if (state.view?.kind !== 'card' || state.view.round !== message.round) return;
      state.mine = message.mine;
      state.confirmed = message.mine;
      state.problem = null;
      // The tap that waited on the phone is now counted: no longer "waiting to send".
      if (state.pending?.round === message.round && state.pending.choice === message.mine.choice) state.pending = null;
      remember({ round: message.round, choice: message.mine.choice, guess: message.mine.guess });
      break;
    case 'rated':
      state.rated = { round: message.round, values: message.values };
      state.problem = null;
      break;
    case 'answered':
      if (state.sent.question !== message.question) state.sent = { question: message.question, texts: [] };
      if (state.sending !== null) state.sent.texts.push(state.sending);
      state.sending = null;
      state.draft = '';
      state.problem = { key: 'phoneAnswerSent' };
      break;
    case 'team':
      // The room's teams and this phone's: picked here, given by a table's QR code, or moved by the trainer.
      state.teams = message.names.length > 0 ? { names: message.names, team: message.team, seat: message.seat } : null;
      state.joinTeam = message.team;
      if (state.code) saveTeam(state.code, message.team);
      break;
    case 'error':
      failed(message.code);
      break;
    default:
      return; // Projector messages never reach a phone; ignore them if they did.
  }
  render();
}

/**
 * What became of a tap the server had not confirmed: confirmed now, sent again while voting is still
 * open on its card, or too late (voting closed, the reveal or a later card came first), which the
 * phone says instead of showing it as a vote.
 */
function settlePending(view: PhoneView, mine: Mine): void {
  const pending = state.pending;
  if (!pending || view.kind === 'wait') return;
  const round = 'round' in view ? view.round : null;
  if (view.kind === 'card' && round === pending.round && view.open) {
    if (mine.choice === pending.choice) setPending(null);
    else if (pending.choice < view.choices.length) {
      socket?.send({ type: 'vote', round: pending.round, choice: pending.choice });
      state.mine = { ...mine, choice: pending.choice };
      return;
    } else setPending(null);
    return;
  }
  setPending(null);
  state.problem = { key: 'phoneTooLate' };
  // What the phone remembers for this card is the vote the server had, not the late tap.
  if (state.kept?.round === pending.round) remember({ ...state.kept, choice: mine.choice });
}

function setPending(pending: Pending | null): void {
  state.pending = pending;
  if (state.code && state.token) saveJoin({ code: state.code, key: state.key, token: state.token, kept: state.kept, pending });
}

function failed(code: ErrorCode): void {
  if (state.view?.kind === 'question' && state.sending !== null) {
    // The answer did not reach the projector: the phone says why and keeps it in the box.
    state.sending = null;
    const keys = new Map<ErrorCode, MessageKey>([['too-fast', 'phoneAnswerTooFast'], ['closed', 'phoneAnswerClosed'], ['too-big', 'phoneAnswerTooLong'], ['bad-answer', 'phoneAnswerControl']]);
    const key = keys.get(code);
    if (key) {
      state.problem = { key };
      return;
    }
  }
  if (code === 'unknown-room' || code === 'stale-token') {
    // A phone that was in this room waits a while: after a server restart the projector opens it
    // again. It never joins another room under the same code as someone new: only its own room,
    // the one with its key that takes its token, is where its votes go.
    state.unknownSince ??= Date.now();
    if (state.token && Date.now() - state.unknownSince < REOPEN_WAIT) {
      state.status = 'lost';
      socket?.reconnect();
      return;
    }
    state.problem = { key: 'phoneUnknownRoom', code: state.code ?? '' };
    leave();
  } else if (code === 'room-full' || code === 'server-full' || code === 'too-many-phones' || code === 'removed') {
    state.problem = { key: code === 'too-many-phones' ? 'phoneTooManyPhones' : code === 'removed' ? 'phoneRemoved' : 'phoneRoomFull' };
    leave();
  } else if (code === 'too-fast') {
    state.problem = { key: 'phoneTooFast' };
    // A join the server paced (many phones at once, or many wrong codes on the server): ask again soon.
    if (!state.inRoom) socket?.reconnect();
  }
  else if (code === 'closed') {
    // A tap that came too late: the vote is what the server had before it.
    state.problem = { key: state.pending ? 'phoneTooLate' : 'phoneClosed' };
    if (state.pending) setPending(null);
    state.mine = { ...state.confirmed };
    if (state.kept) remember({ ...state.kept, choice: state.confirmed.choice, guess: state.confirmed.guess });
  }
}

function leave(): void {
  socket?.close();
  socket = null;
  state.code = null;
  state.view = null;
  state.status = 'idle';
  saveJoin(null);
}

function remember(kept: Kept): void {
  state.kept = kept;
  if (state.code && state.token) saveJoin({ code: state.code, key: state.key, token: state.token, kept, pending: state.pending });
}

/** A tap counts once the server confirms it; offline it waits on the phone and goes out on reconnecting. */
function vote(round: string, choice: number): void {
  state.mine = { ...state.mine, choice };
  state.problem = null;
  setPending({ round, choice });
  remember({ round, choice, guess: state.mine.guess });
  socket?.send({ type: 'vote', round, choice });
  render();
}

function guess(round: string, meter: string): void {
  if (!socket?.send({ type: 'guess', round, meter })) return;
  state.mine = { ...state.mine, guess: meter };
  remember({ round, choice: state.mine.choice, guess: meter });
  render();
}

// ---------------------------------------------------------------- screens

function render(): void {
  document.documentElement.lang = state.language;
  document.title = t('phonePageTitle');
  languageButton.textContent = t('phoneLanguage');
  languageButton.lang = state.language === 'nl' ? 'en' : 'nl';
  const teamName = state.code && state.teams && state.teams.team !== null ? state.teams.names[state.teams.team] : undefined;
  roomLine.textContent = !state.code ? '' : teamName !== undefined && state.teams ? t('phoneRoomTeam', { code: state.code, team: teamName, seat: state.teams.seat }) : t('phoneRoom', { code: state.code });
  status.textContent = statusText();

  const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key ?? null;
  const view = state.code ? state.view : null;
  // Closing or opening voting is a new screen too: the choices' buttons change, and the heading says why.
  const picking = Boolean(state.code && state.teams && state.teams.team === null);
  const key = !state.code ? 'code' : picking ? 'team' : !view ? 'waiting' : `${view.kind}:${'round' in view ? view.round : ''}:${view.kind === 'debrief' ? view.page : ''}:${view.kind === 'card' ? view.open : ''}`;
  main.replaceChildren(...(picking ? teamPicker() : screen(view)));
  document.body.dataset.view = !state.code ? 'code' : picking ? 'team' : view?.kind ?? 'connecting';
  announce(view);
  if (key !== shownKey) {
    shownKey = key;
    // A new screen: start reading at its heading (the code form keeps the typing place instead).
    if (key !== 'code') main.querySelector<HTMLElement>('h1')?.focus();
  } else if (focusedKey) {
    const again = main.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`);
    again?.focus();
    // Typing goes on where it was: at the end of the answer.
    if (again instanceof HTMLTextAreaElement) again.setSelectionRange(again.value.length, again.value.length);
  }
}

/**
 * Says "voting is open" when a card opens and "voting is closed" when it closes, in a live region:
 * the new heading takes the focus too, but a screen reader user who was elsewhere hears it this way.
 * A new text node is added each time, so the same words for the next card are read again.
 */
function announce(view: PhoneView | null): void {
  const open = view?.kind === 'card' && view.open ? view.round : null;
  if (open === announcedOpen) return;
  const text = open && view?.kind === 'card' ? t('phoneVotingOpen', { turn: say(view.turn) }) : announcedOpen !== null && (view?.kind === 'card' || view?.kind === 'reveal') ? t('phoneVotingClosed') : null;
  announcedOpen = open;
  if (text) announcer.replaceChildren(document.createTextNode(text));
}

function statusText(): string {
  if (!state.code) return '';
  // Only a vote the server has confirmed is said to be kept; a tap it has not seen is waiting to be sent.
  const offline = state.status === 'lost' || state.status === 'connecting';
  if (offline && state.pending) return t('phoneWaitingToSend');
  if (state.status === 'lost') return state.confirmed.choice !== null ? t('phoneReconnecting') : t('phoneReconnectingNoVote');
  if (state.status === 'connecting') return state.failures >= 3 ? t('phoneNoServer') : t('phoneConnecting');
  return '';
}

function heading(text: string): HTMLHeadingElement {
  return el('h1', text, { tabindex: '-1' });
}

function screen(view: PhoneView | null): HTMLElement[] {
  if (!state.code) return codeForm();
  const problem = state.problem ? [el('p', t(state.problem.key, { max: MAX_ANSWER, ...(state.problem.code ? { code: state.problem.code } : {}) }), { class: state.problem.key === 'phoneAnswerSent' ? 'note' : 'error', role: 'alert' })] : [];
  if (!view) return [heading(t('phoneConnecting'))];
  switch (view.kind) {
    case 'wait': return [heading(t('phoneWaiting')), ...problem];
    case 'card': return [...cardScreen(view), ...problem];
    case 'reveal': return [...revealScreen(view), ...problem];
    case 'debrief': return debriefScreen(view);
    case 'end': return endScreen(view);
    case 'question': return questionScreen(view, problem);
    case 'rate': return [...rateScreen(view), ...problem];
  }
}

/** The scenario's statements, each rated 1–5 with a row of buttons; a tap can be changed until the trainer moves on. */
function rateScreen(view: Extract<PhoneView, { kind: 'rate' }>): HTMLElement[] {
  const mine = state.rated.round === view.round ? state.rated.values : [];
  const out: HTMLElement[] = [heading(t(view.when === 'before' ? 'phoneRateBefore' : 'phoneRateAfter')), el('p', t('phoneRateScale'), { class: 'note', id: 'rate-scale' })];
  view.statements.forEach((statement, i) => {
    const group = el('fieldset', undefined, { class: 'rate', 'aria-describedby': 'rate-scale' });
    group.append(el('legend', say(statement)));
    const row = el('div', undefined, { class: 'scale' });
    for (let value = 1; value <= 5; value++) {
      const button = el('button', String(value), { type: 'button', 'aria-pressed': String(mine[i] === value), 'aria-label': t('phoneRateValue', { value }), 'data-key': `rate-${i}-${value}` });
      button.addEventListener('click', () => {
        if (socket?.send({ type: 'rate', round: view.round, statement: i, value })) {
          const values = [...(state.rated.round === view.round ? state.rated.values : [])];
          while (values.length < view.statements.length) values.push(null);
          values[i] = value;
          state.rated = { round: view.round, values };
          render();
        }
      });
      row.append(button);
    }
    group.append(row);
    out.push(group);
  });
  return out;
}

/** An open question: a short answer, sent without a name; what this phone sent is listed below the box. */
function questionScreen(view: Extract<PhoneView, { kind: 'question' }>, problem: HTMLElement[]): HTMLElement[] {
  const form = el('form');
  form.noValidate = true;
  const label = el('label', t('phoneAnswerLabel'), { for: 'answer' });
  const hint = el('p', t('phoneAnswerHint', { max: MAX_ANSWER }), { id: 'answer-hint', class: 'note' });
  // The box holds more than the limit so that a pasted long text is seen, and the phone says it is too long.
  const box = el('textarea', undefined, { id: 'answer', name: 'answer', rows: '3', maxlength: String(MAX_ANSWER * 2), 'aria-describedby': 'answer-hint', 'data-key': 'answer' });
  box.value = state.draft;
  box.addEventListener('input', () => (state.draft = box.value));
  const submit = el('button', t('phoneAnswerSend'), { type: 'submit', class: 'primary', 'data-key': 'send' });
  submit.disabled = state.sending !== null;
  form.append(label, hint, box, ...problem, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = checkAnswer(box.value);
    if (!checked.ok) {
      state.problem = { key: checked.reason === 'empty' ? 'phoneAnswerEmpty' : checked.reason === 'too-long' ? 'phoneAnswerTooLong' : 'phoneAnswerControl' };
      render();
      document.getElementById('answer')?.focus();
      return;
    }
    if (!socket?.send({ type: 'answer', question: view.question, text: checked.text })) return;
    state.sending = checked.text;
    state.problem = null;
    render();
  });
  const out: HTMLElement[] = [heading(say(view.text)), el('p', t('phoneQuestionNote'), { class: 'note' }), form];
  const sent = state.sent.question === view.question ? state.sent.texts : [];
  if (sent.length > 0) {
    const list = el('ul', undefined, { class: 'answers' });
    for (const text of sent) list.append(el('li', text));
    out.push(el('h2', t('phoneAnswersSent')), list);
  }
  return out;
}

/** The teams to pick from after joining: one button per team name, in the projector's order. */
function teamPicker(): HTMLElement[] {
  const teams = state.teams!;
  const list = el('ul', undefined, { class: 'choices' });
  teams.names.forEach((name, i) => {
    const button = el('button', name, { type: 'button', 'data-key': `team-${i}` });
    button.addEventListener('click', () => {
      if (socket?.send({ type: 'team', team: i })) {
        state.problem = null;
        render();
      }
    });
    const item = el('li');
    item.append(button);
    list.append(item);
  });
  const problem = state.problem ? [el('p', t(state.problem.key, state.problem.code ? { code: state.problem.code } : {}), { class: 'error', role: 'alert' })] : [];
  return [heading(t('phoneTeamPick')), el('p', t('phoneTeamNote', { seat: teams.seat }), { class: 'note' }), list, ...problem];
}

function codeForm(): HTMLElement[] {
  const form = el('form');
  form.noValidate = true;
  const label = el('label', t('phoneCodeLabel'), { for: 'code' });
  const hint = el('p', t('phoneCodeHint'), { id: 'code-hint', class: 'note' });
  const input = el('input', undefined, { id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'text', maxlength: '9', 'aria-describedby': 'code-hint', 'data-key': 'code' });
  const error = state.problem ? el('p', t(state.problem.key, state.problem.code ? { code: state.problem.code } : {}), { class: 'error', role: 'alert', id: 'code-error' }) : null;
  if (error) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'code-error code-hint');
  }
  const submit = el('button', t('phoneJoin'), { type: 'submit', class: 'primary', 'data-key': 'join' });
  form.append(label, hint, input, ...(error ? [error] : []), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = normaliseCode(input.value);
    if (!code) {
      state.problem = { key: 'phoneBadCode' };
      render();
      document.getElementById('code')?.focus();
      return;
    }
    history.replaceState(null, '', `#${code}`);
    join(code);
  });
  return [heading(t('phonePageTitle')), form];
}

function cardBox(view: { turn: Texts; stakeholder: Texts; text: Texts }): HTMLElement {
  const box = el('section', undefined, { class: 'card' });
  box.append(el('p', say(view.turn), { class: 'turn' }), el('p', say(view.stakeholder), { class: 'from' }), el('p', say(view.text)));
  return box;
}

function cardScreen(view: Extract<PhoneView, { kind: 'card' }>): HTMLElement[] {
  const chosen = state.mine.choice;
  const waiting = state.pending?.round === view.round && state.pending.choice === chosen;
  const title = heading(chosen !== null ? t(waiting ? 'phoneWaitingChoice' : 'phoneYouChose', { choice: say(view.choices[chosen] ?? { nl: '', en: '' }) }) : view.open ? t('phoneNotVoted') : t('phoneClosed'));
  const list = el('ul', undefined, { class: 'choices' });
  view.choices.forEach((choice, i) => {
    const button = el('button', undefined, { type: 'button', 'aria-pressed': String(chosen === i), 'data-key': `choice-${i}` });
    button.append(el('span', `${i + 1}.`, { class: 'badge', 'aria-hidden': 'true' }), el('span', say(choice)));
    button.disabled = !view.open;
    button.addEventListener('click', () => vote(view.round, i));
    const item = el('li');
    item.append(button);
    list.append(item);
  });
  const out: HTMLElement[] = [title];
  if (chosen !== null) out.push(el('p', t(view.open ? 'phoneVoted' : 'phoneClosed'), { class: 'note' }));
  out.push(cardBox(view), list);
  if (view.meters.length > 0) {
    const group = el('section', undefined, { 'aria-labelledby': 'guess-heading' });
    group.append(el('h2', t('phoneGuessHeading'), { id: 'guess-heading' }));
    const guesses = el('ul', undefined, { class: 'choices' });
    for (const meter of view.meters) {
      const button = el('button', say(meter.label), { type: 'button', 'aria-pressed': String(state.mine.guess === meter.id), 'data-key': `guess-${meter.id}` });
      button.disabled = !view.open;
      button.addEventListener('click', () => guess(view.round, meter.id));
      const item = el('li');
      item.append(button);
      guesses.append(item);
    }
    group.append(guesses);
    const picked = view.meters.find((m) => m.id === state.mine.guess);
    if (picked) group.append(el('p', t('phoneGuessed', { meter: say(picked.label) }), { class: 'note' }));
    out.push(group);
  }
  return out;
}

function revealScreen(view: Extract<PhoneView, { kind: 'reveal' }>): HTMLElement[] {
  const out: HTMLElement[] = [heading(t('phoneRoomChose', { choice: say(view.choices[view.choice] ?? { nl: '', en: '' }) })), cardBox(view)];
  const mine = state.mine.choice;
  out.push(el('p', mine !== null && view.choices[mine] ? t('phoneYouChose', { choice: say(view.choices[mine]!) }) : t('phoneYouDidNotVote'), { class: 'from' }));
  out.push(el('h2', t('phoneSplitHeading')));
  const split = el('ul', undefined, { class: 'split' });
  view.choices.forEach((choice, i) => {
    const phones = view.phones[i] ?? 0;
    const counted = view.counted[i] ?? 0;
    const item = el('li', undefined, i === view.choice ? { class: 'chosen' } : {});
    item.append(el('strong', `${i + 1}. ${say(choice)}${i === view.choice ? ' ✓' : ''}`), el('span', t('phoneSplitRow', { count: phones, counted })));
    split.append(item);
  });
  out.push(split);
  if (view.guess) out.push(el('p', t(view.guess.right ? 'phoneGuessRight' : 'phoneGuessWrong', { meter: say(view.guess.meter) })));
  const outcome = el('section', undefined, { class: 'outcome' });
  outcome.append(el('h2', t('phoneOutcome')), el('p', say(view.feedback)));
  outcome.append(el('p', view.changes.length > 0 ? view.changes.map((c) => `${say(c.meter)} ${signed(c.delta)}`).join(' · ') : t('phoneNoChange'), { class: 'from' }));
  out.push(outcome);
  return out;
}

function debriefScreen(view: Extract<PhoneView, { kind: 'debrief' }>): HTMLElement[] {
  const out: HTMLElement[] = [heading(say(view.title)), el('p', t('phoneDebriefPage', { page: view.page + 1, pages: view.pages }), { class: 'note' })];
  for (const line of view.lines) out.push(el('p', say(line)));
  // The participant's own answers are here already: a workshop may end on the debrief without the
  // trainer ever closing it.
  return [...out, ...answersSection(view.scenario)];
}

function answerLines(answers: Answer[]): string[] {
  return answers.map((a) => {
    const mine = a.mine !== null && a.choices[a.mine] ? say(a.choices[a.mine]!) : t('phoneNoVote');
    return `${say(a.turn)} · ${say(a.stakeholder)}: ${say(a.text)}\n${t('phoneAnswerRow', { mine, room: say(a.choices[a.room] ?? { nl: '', en: '' }) })}`;
  });
}

function endScreen(view: Extract<PhoneView, { kind: 'end' }>): HTMLElement[] {
  return [heading(t('phoneEnded')), el('p', say(view.title), { class: 'from' }), ...answersSection(view.title)];
}

function answersSection(title: Texts): HTMLElement[] {
  const answers = state.code ? loadAnswers(state.code) : [];
  const out: HTMLElement[] = [el('h2', t('phoneAnswers')), el('p', t('phoneAnswersNote'), { class: 'note' })];
  if (answers.length === 0) {
    out.push(el('p', t('phoneNoAnswers')));
    return out;
  }
  const list = el('ol', undefined, { class: 'answers' });
  for (const line of answerLines(answers)) {
    const [card, row] = line.split('\n');
    const item = el('li');
    item.append(el('span', card), el('br'), el('strong', row));
    list.append(item);
  }
  const download = el('button', t('phoneDownload'), { type: 'button', class: 'primary', 'data-key': 'download' });
  download.addEventListener('click', () => {
    const text = [say(title), '', ...answerLines(answers).map((line) => `${line}\n`)].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = el('a', undefined, { href: url, download: `many-masters-${state.code ?? 'room'}.txt` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  out.push(list, download);
  return out;
}

languageButton.addEventListener('click', () => {
  state.language = state.language === 'nl' ? 'en' : 'nl';
  saveLanguage(state.language);
  render();
});

// A scanned QR code carries the room in the address's #fragment (never sent to any server); else the
// room this phone was in, else the code form.
const fromLink = parseRoomLink(decodeURIComponent(location.hash.slice(1)));
const remembered = loadJoin();
if (fromLink) join(fromLink.code, fromLink.key, fromLink.team ?? null);
else if (remembered) join(remembered.code, remembered.key);
else render();
