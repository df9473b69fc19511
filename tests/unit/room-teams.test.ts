/**
 * Phones in teams: a phone picks its team from the projector's names (or comes with a table's QR code),
 * the trainer moves one by the number it shows, each team's phones see their own team's card and vote
 * on it, and the projector gets the figures per team. Phones are hostile: they cannot vote on another
 * team's card, pick a team that is not there, or see any figures.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, Hub } from '../../server/hub.ts';
import {
  MAX_ROOM_TEAMS, MAX_SEATS_LISTED, MAX_TEAM_NAME, parsePhoneMessage, parseProjectorMessage, parseRoomLink, roomLinkHash, type PhoneView,
} from '../../src/room-protocol/protocol.ts';
import { FakeConnection as Fake } from './fakeConnection.ts';

const texts = (s: string) => ({ nl: s, en: s });
function card(round: string, text = 'A card'): PhoneView {
  return { kind: 'card', round, turn: texts('Week 1'), stakeholder: texts('Parents'), text: texts(text), choices: [texts('Yes'), texts('No'), texts('Later')], meters: [{ id: 'm', label: texts('M') }], open: true };
}
const KEY = 'abcdefghijklmnopqrstuv';

function room() {
  const hub = new Hub(DEFAULT_LIMITS, () => 0);
  const projector = new Fake();
  hub.connect(projector);
  hub.receive(projector, JSON.stringify({ type: 'host' }));
  const { code } = projector.last('hosted');
  const say = (f: Fake, message: object) => hub.receive(f, JSON.stringify(message));
  const phone = (extra: object = {}, address?: string) => {
    const f = new Fake(address);
    hub.connect(f);
    say(f, { type: 'join', code, ...extra });
    return f;
  };
  return { hub, projector, code, say, phone, fromProjector: (message: object) => say(projector, message) };
}

describe('the team messages', () => {
  it('are checked for shape and size: names, team numbers and seats within their limits', () => {
    const names = Array.from({ length: MAX_ROOM_TEAMS }, (_, i) => `Team ${i + 1}`);
    expect(parseProjectorMessage(JSON.stringify({ type: 'teams', names })).ok).toBe(true);
    expect(parseProjectorMessage(JSON.stringify({ type: 'teams', names: [...names, 'one too many'] })).ok).toBe(false);
    expect(parseProjectorMessage(JSON.stringify({ type: 'teams', names: ['x'.repeat(MAX_TEAM_NAME + 1)] })).ok).toBe(false);
    expect(parseProjectorMessage(JSON.stringify({ type: 'teams', names: [''] })).ok).toBe(false);
    expect(parseProjectorMessage(JSON.stringify({ type: 'move', seat: 3, team: MAX_ROOM_TEAMS - 1 })).ok).toBe(true);
    expect(parseProjectorMessage(JSON.stringify({ type: 'move', seat: 0, team: 0 })).ok).toBe(false);
    expect(parseProjectorMessage(JSON.stringify({ type: 'move', seat: 3, team: MAX_ROOM_TEAMS })).ok).toBe(false);
    expect(parseProjectorMessage(JSON.stringify({ type: 'show', view: { kind: 'wait' }, team: -1 })).ok).toBe(false);
    expect(parsePhoneMessage(JSON.stringify({ type: 'team', team: 2 })).ok).toBe(true);
    expect(parsePhoneMessage(JSON.stringify({ type: 'team', team: 1.5 })).ok).toBe(false);
    expect(parsePhoneMessage(JSON.stringify({ type: 'team', team: 2, names: ['x'] })).ok).toBe(false);
    // A phone cannot speak the projector's team messages.
    expect(parsePhoneMessage(JSON.stringify({ type: 'move', seat: 1, team: 0 })).ok).toBe(false);
    expect(parsePhoneMessage(JSON.stringify({ type: 'teams', names: ['x'] })).ok).toBe(false);
  });

  it('a table\'s QR link carries its team; the links without one read as before', () => {
    expect(parseRoomLink(roomLinkHash('K7MPQ', KEY, 2))).toEqual({ code: 'K7MPQ', key: KEY, team: 2 });
    expect(parseRoomLink(roomLinkHash('K7MPQ', KEY))).toEqual({ code: 'K7MPQ', key: KEY });
    expect(parseRoomLink('K7MPQ')).toEqual({ code: 'K7MPQ', key: null });
    for (const bad of ['0', '7', 'x', '1.2', '12', '']) expect(parseRoomLink(`K7MPQ.${KEY}.${bad}`)).toBeNull();
  });
});

describe('phones in teams', () => {
  it('pick their team from the projector\'s names, see their own team\'s card, and are counted per team', () => {
    const { projector, phone, say, fromProjector } = room();
    fromProjector({ type: 'teams', names: ['Balie', 'Wijk', 'Raad'] });
    const phones = [0, 1, 2, 3, 4].map(() => phone());
    for (const p of phones) expect(p.last('team')).toMatchObject({ names: ['Balie', 'Wijk', 'Raad'], team: null });
    expect(new Set(phones.map((p) => p.last('team').seat)).size).toBe(5);
    [0, 0, 1, 1, 2].forEach((team, i) => say(phones[i]!, { type: 'team', team }));
    expect(phones[2]!.last('team').team).toBe(1);
    fromProjector({ type: 'show', view: { kind: 'wait' } });
    ['Balie', 'Wijk', 'Raad'].forEach((name, team) => fromProjector({ type: 'show', team, view: card(`r.${team}.1`, `${name}'s card`) }));
    expect(phones.map((p) => { const v = p.last('view').view; return v.kind === 'card' ? v.text.en : v.kind; })).toEqual(["Balie's card", "Balie's card", "Wijk's card", "Wijk's card", "Raad's card"]);
    say(phones[0]!, { type: 'vote', round: 'r.0.1', choice: 2 });
    say(phones[1]!, { type: 'vote', round: 'r.0.1', choice: 2 });
    say(phones[2]!, { type: 'vote', round: 'r.1.1', choice: 0 });
    say(phones[4]!, { type: 'guess', round: 'r.2.1', meter: 'm' });
    // Another team's round is not this phone's to vote on.
    say(phones[3]!, { type: 'vote', round: 'r.0.1', choice: 1 });
    expect(phones[3]!.errors()).toEqual(['closed']);
    const tally = projector.last('tally');
    expect(tally.teams).toEqual([
      { round: 'r.0.1', joined: 2, voted: 2, counts: [0, 0, 2], guesses: [] },
      { round: 'r.1.1', joined: 2, voted: 1, counts: [1, 0, 0], guesses: [] },
      { round: 'r.2.1', joined: 1, voted: 0, counts: [0, 0, 0], guesses: [{ meter: 'm', count: 1 }] },
    ]);
    expect(tally.seats).toHaveLength(5);
    // Phones hear their own vote, never a tally.
    expect(phones[0]!.last('mine').mine).toEqual({ choice: 2, guess: null });
    for (const p of phones) expect(p.received.some((m) => m.type === 'tally')).toBe(false);
    // A view for all ends the teams' own cards.
    fromProjector({ type: 'show', view: { kind: 'end', title: texts('The end') } });
    for (const p of phones) expect(p.last('view').view.kind).toBe('end');
  });

  it('keep their team and vote through a reload, and after a server restart from what they remember', () => {
    const { hub, code, projector, phone, say, fromProjector } = room();
    fromProjector({ type: 'teams', names: ['Balie', 'Wijk'] });
    const first = phone();
    say(first, { type: 'team', team: 1 });
    fromProjector({ type: 'show', team: 1, view: card('r.1.1') });
    say(first, { type: 'vote', round: 'r.1.1', choice: 1 });
    const { token } = first.last('joined');
    hub.disconnect(first);
    expect(projector.last('tally').teams![1]).toMatchObject({ joined: 0, voted: 0 });
    const again = phone({ token }, first.address);
    expect(again.last('team').team).toBe(1);
    expect(again.last('view')).toMatchObject({ view: { kind: 'card', round: 'r.1.1' }, mine: { choice: 1, guess: null } });
    expect(projector.last('tally').teams![1]).toMatchObject({ joined: 1, voted: 1, counts: [0, 1, 0] });

    // A new server: the projector opens the room again; the phone comes back with its team and vote.
    const { secret } = projector.last('hosted');
    const after = new Hub(DEFAULT_LIMITS, () => 0);
    const back = new Fake();
    after.connect(back);
    after.receive(back, JSON.stringify({ type: 'host', secret }));
    after.receive(back, JSON.stringify({ type: 'teams', names: ['Balie', 'Wijk'] }));
    after.receive(back, JSON.stringify({ type: 'show', team: 1, view: card('r.1.1') }));
    const returning = new Fake(first.address);
    after.connect(returning);
    after.receive(returning, JSON.stringify({ type: 'join', code, token, team: 1, kept: { round: 'r.1.1', choice: 1, guess: null } }));
    expect(returning.last('team').team).toBe(1);
    expect(back.last('tally').teams![1]).toMatchObject({ joined: 1, voted: 1, counts: [0, 1, 0] });
  });

  it('join with a table\'s QR code in its team, and the trainer moves a phone by its number', () => {
    const { projector, phone, say, fromProjector } = room();
    fromProjector({ type: 'teams', names: ['Balie', 'Wijk'] });
    const scanned = phone({ team: 0 });
    expect(scanned.last('team').team).toBe(0);
    fromProjector({ type: 'show', team: 0, view: card('r.0.1', 'Balie') });
    fromProjector({ type: 'show', team: 1, view: card('r.1.1', 'Wijk') });
    say(scanned, { type: 'vote', round: 'r.0.1', choice: 0 });
    fromProjector({ type: 'move', seat: scanned.last('team').seat, team: 1 });
    expect(scanned.last('team').team).toBe(1);
    expect(scanned.last('view')).toMatchObject({ view: { kind: 'card', round: 'r.1.1' }, mine: { choice: null } });
    // Its vote no longer counts for the team it left.
    expect(projector.last('tally').teams).toMatchObject([{ joined: 0, voted: 0 }, { joined: 1, voted: 0 }]);
    // A move of a phone that is not there, or to a team that is not there, is refused.
    fromProjector({ type: 'move', seat: 99, team: 0 });
    fromProjector({ type: 'move', seat: 1, team: 2 });
    expect(projector.errors()).toEqual(['no-such-choice', 'no-such-choice']);
  });

  it('refuse a hostile phone: a team that is not there, before there are teams, and a flood of team changes', () => {
    const { projector, phone, say, fromProjector } = room();
    const early = phone();
    say(early, { type: 'team', team: 0 });
    expect(early.errors()).toEqual(['no-such-choice']);
    fromProjector({ type: 'teams', names: ['Balie', 'Wijk'] });
    say(early, { type: 'team', team: 2 });
    expect(early.errors()).toEqual(['no-such-choice', 'no-such-choice']);
    // A projector's show for a team that is not there changes nothing.
    fromProjector({ type: 'show', team: 4, view: card('r.4.1') });
    expect(projector.errors()).toEqual(['no-such-choice']);
    // Switching teams as fast as it can is rate-limited like every phone message.
    for (let i = 0; i < DEFAULT_LIMITS.burst + 5; i++) say(early, { type: 'team', team: i % 2 });
    expect(early.errors()).toContain('too-fast');
    // Fewer teams: phones of teams that are gone pick again.
    const other = phone();
    say(other, { type: 'team', team: 1 });
    fromProjector({ type: 'teams', names: ['Balie'] });
    expect(other.last('team')).toMatchObject({ names: ['Balie'], team: null });
  });

  it('list at most MAX_SEATS_LISTED phones in the projector\'s tally', () => {
    expect(MAX_SEATS_LISTED).toBeGreaterThanOrEqual(DEFAULT_LIMITS.phonesPerRoom);
  });
});

describe('the team names said again', () => {
  it('change nothing on the phones when they are the same names', () => {
    const { phone, fromProjector } = room();
    const p = phone();
    fromProjector({ type: 'teams', names: [] });
    expect(p.received.map((m) => m.type)).toEqual(['joined', 'view']);
    fromProjector({ type: 'teams', names: ['Balie'] });
    fromProjector({ type: 'teams', names: ['Balie'] });
    expect(p.received.map((m) => m.type)).toEqual(['joined', 'view', 'team', 'view']);
  });
});
