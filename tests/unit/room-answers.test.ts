/**
 * Open questions on the room server, against hostile phones: answers are tidied and checked before the
 * projector sees them, limited in length and rate per phone, accepted only for the question being asked,
 * sent on under an id that names no phone, and never kept by the server.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LIMITS, Hub } from '../../server/hub.ts';
import { checkAnswer, MAX_ANSWER, MAX_PHONE_MESSAGE, type PhoneView } from '../../src/room-protocol/protocol.ts';
import { FakeConnection as Fake } from './fakeConnection.ts';

const texts = (s: string) => ({ nl: s, en: s });
const SECRET = 'projector-secret-0123456789abcdef';
const question = (id: string): PhoneView => ({ kind: 'question', question: id, text: texts('Wie is jullie klant?') });

function say(hub: Hub, connection: Fake, message: object | string): Fake {
  hub.receive(connection, typeof message === 'string' ? message : JSON.stringify(message));
  return connection;
}

function room(clock = { now: 0 }) {
  const hub = new Hub(DEFAULT_LIMITS, () => clock.now);
  const projector = new Fake();
  hub.connect(projector);
  say(hub, projector, { type: 'host', secret: SECRET });
  const { code, key } = projector.last('hosted');
  const phone = (address?: string) => {
    const f = new Fake(address);
    hub.connect(f);
    return say(hub, f, { type: 'join', code, key });
  };
  return { hub, projector, phone, code, key, clock };
}

const answersTo = (projector: Fake) => projector.received.flatMap((m) => (m.type === 'answer' ? [m.text] : []));

describe('checkAnswer', () => {
  it('tidies spaces and line breaks, and refuses empty, too long and control characters', () => {
    expect(checkAnswer('  de   burger\n\t is\u00a0klant  ')).toEqual({ ok: true, text: 'de burger is klant' });
    expect(checkAnswer('e\u0301')).toEqual({ ok: true, text: 'é' });
    expect(checkAnswer(' \n ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkAnswer('x'.repeat(MAX_ANSWER))).toMatchObject({ ok: true });
    expect(checkAnswer('x'.repeat(MAX_ANSWER + 1))).toEqual({ ok: false, reason: 'too-long' });
    expect(checkAnswer('klant\u202eabc')).toEqual({ ok: false, reason: 'control' });
    expect(checkAnswer('a\u0000b')).toEqual({ ok: false, reason: 'control' });
    expect(checkAnswer('zero\u200bwidth')).toEqual({ ok: false, reason: 'control' });
    // An emoji made of several joined ones is a word like any other.
    expect(checkAnswer('👩‍🏫 de leraar')).toMatchObject({ ok: true });
    expect(checkAnswer('<script>alert(1)</script>')).toEqual({ ok: true, text: '<script>alert(1)</script>' });
  });

  it('whatever comes in, what passes is trimmed, has no control characters, no double spaces and is at most MAX_ANSWER long', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
      const checked = checkAnswer(raw);
      if (!checked.ok) return;
      expect(checked.text).toBe(checked.text.trim());
      expect(checked.text).not.toMatch(/\s\s|[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
      expect([...checked.text].length).toBeLessThanOrEqual(MAX_ANSWER);
      expect(checkAnswer(checked.text)).toEqual(checked);
    }), { numRuns: 150 });
  }, 30_000);
});

describe('answers on the room server', () => {
  it('reach the projector tidied, under an id that is not the phone\'s, and the phone hears it arrived', () => {
    const { hub, projector, phone } = room();
    say(hub, projector, { type: 'show', view: question('q1') });
    const one = phone();
    const two = phone();
    say(hub, one, { type: 'answer', question: 'q1', text: '  de  burger ' });
    say(hub, two, { type: 'answer', question: 'q1', text: '<script>alert(1)</script>' });
    expect(answersTo(projector)).toEqual(['de burger', '<script>alert(1)</script>']);
    expect(one.last('answered').question).toBe('q1');
    const ids = projector.received.flatMap((m) => (m.type === 'answer' ? [m.id] : []));
    expect(new Set(ids).size).toBe(2);
    const token = one.last('joined').token;
    for (const id of ids) expect(token).not.toContain(id);
  });

  it('a hostile phone: too long, control characters, another question, no question, a huge message, a flood', () => {
    const { hub, projector, phone, clock } = room();
    const hostile = phone();
    say(hub, hostile, { type: 'answer', question: 'q1', text: 'before the question' });
    expect(hostile.errors()).toEqual(['closed']);
    say(hub, projector, { type: 'show', view: question('q1') });
    say(hub, hostile, { type: 'answer', question: 'q1', text: 'x'.repeat(MAX_ANSWER + 1) });
    say(hub, hostile, { type: 'answer', question: 'q1', text: 'wie\u202e?' });
    say(hub, hostile, { type: 'answer', question: 'q0', text: 'an old question' });
    say(hub, hostile, JSON.stringify({ type: 'answer', question: 'q1', text: 'x'.repeat(10_000) }));
    expect(hostile.errors()).toEqual(['closed', 'bad-answer', 'bad-answer', 'closed', 'too-big']);
    expect(10_000).toBeGreaterThan(MAX_PHONE_MESSAGE);
    // The allowance: a burst, then a few a minute.
    for (let i = 0; i < 10; i++) say(hub, hostile, { type: 'answer', question: 'q1', text: `flood ${i}` });
    expect(answersTo(projector)).toEqual(Array.from({ length: DEFAULT_LIMITS.answerBurst }, (_, i) => `flood ${i}`));
    expect(hostile.errors().filter((e) => e === 'too-fast').length).toBe(10 - DEFAULT_LIMITS.answerBurst);
    clock.now += 60_000;
    for (let i = 0; i < 10; i++) say(hub, hostile, { type: 'answer', question: 'q1', text: `later ${i}` });
    expect(answersTo(projector).filter((a) => a.startsWith('later'))).toHaveLength(DEFAULT_LIMITS.answerBurst);
    // Another phone is not slowed down by the flood.
    const calm = phone();
    say(hub, calm, { type: 'answer', question: 'q1', text: 'rustig' });
    expect(answersTo(projector).at(-1)).toBe('rustig');
    // Once the question is closed, answers are refused.
    say(hub, projector, { type: 'show', view: { kind: 'wait' } });
    say(hub, calm, { type: 'answer', question: 'q1', text: 'te laat' });
    expect(calm.errors()).toEqual(['closed']);
  });

  it('the server keeps no answer, and a closed room forgets even how much each phone answered', () => {
    const { hub, projector, phone, clock } = room();
    say(hub, projector, { type: 'show', view: question('q1') });
    const one = phone();
    const token = one.last('joined').token;
    const { code, key } = projector.last('hosted');
    for (let i = 0; i < DEFAULT_LIMITS.answerBurst; i++) say(hub, one, { type: 'answer', question: 'q1', text: `geheim antwoord ${i}` });
    expect(answersTo(projector)).toHaveLength(DEFAULT_LIMITS.answerBurst);
    // Nothing the phone wrote is held in the rooms, while the room is open (the connections are the
    // test's fakes, which record what was sent, so they are left out).
    const held = [...(hub as unknown as { rooms: Map<string, object> }).rooms.values()].map((r) => ({ ...r, projector: null, phones: null }));
    const rooms = () => inspect(held, { depth: 12 });
    expect(rooms()).toContain('q1');
    expect(rooms()).not.toContain('geheim');
    // The session ends: the projector leaves and the room is closed.
    hub.disconnect(projector);
    hub.disconnect(one);
    clock.now += DEFAULT_LIMITS.emptyRoomMs + 1;
    hub.sweep();
    expect(hub.stats().rooms).toBe(0);
    // The room opened again (same secret) knows nothing of the phone's answers: its allowance is whole.
    const again = new Fake();
    hub.connect(again);
    say(hub, again, { type: 'host', secret: SECRET });
    say(hub, again, { type: 'show', view: question('q2') });
    const back = new Fake();
    hub.connect(back);
    say(hub, back, { type: 'join', code, key, token });
    for (let i = 0; i < DEFAULT_LIMITS.answerBurst; i++) say(hub, back, { type: 'answer', question: 'q2', text: `opnieuw ${i}` });
    expect(back.errors()).toEqual([]);
    expect(answersTo(again)).toHaveLength(DEFAULT_LIMITS.answerBurst);
  });

  it('a question during a card keeps the card\'s votes, and the card opens again after it', () => {
    const { hub, projector, phone } = room();
    const card: PhoneView = { kind: 'card', round: 'r1', turn: texts('Week 1'), stakeholder: texts('Ouders'), text: texts('Een kaart'), choices: [texts('Ja'), texts('Nee')], meters: [], open: true };
    say(hub, projector, { type: 'show', view: card });
    const one = phone();
    say(hub, one, { type: 'vote', round: 'r1', choice: 1 });
    say(hub, projector, { type: 'show', view: question('q1') });
    say(hub, one, { type: 'vote', round: 'r1', choice: 0 });
    expect(one.errors()).toEqual(['closed']);
    say(hub, projector, { type: 'show', view: card });
    expect(projector.last('tally').counts).toEqual([0, 1]);
  });
});

describe('before-and-after ratings on the room server', () => {
  const rate = (round: string): PhoneView => ({ kind: 'rate', round, when: 'before', statements: [texts('De burger is een klant.'), texts('Wie betaalt, bepaalt.')] });
  const totals = (projector: Fake) => projector.last('ratings').counts;

  it('counts each phone\'s latest rating per statement, and refuses what does not fit the round', () => {
    const { hub, projector, phone } = room();
    const one = phone();
    const two = phone();
    say(hub, one, { type: 'rate', round: 'before.x', statement: 0, value: 4 });
    expect(one.errors()).toEqual(['closed']);
    say(hub, projector, { type: 'show', view: rate('before.x') });
    say(hub, one, { type: 'rate', round: 'before.x', statement: 0, value: 4 });
    say(hub, two, { type: 'rate', round: 'before.x', statement: 0, value: 2 });
    say(hub, two, { type: 'rate', round: 'before.x', statement: 1, value: 5 });
    // A phone changes its mind: its rating is replaced, not added.
    say(hub, one, { type: 'rate', round: 'before.x', statement: 0, value: 5 });
    expect(totals(projector)).toEqual([[0, 1, 0, 0, 1], [0, 0, 0, 0, 1]]);
    expect(one.last('rated')).toEqual({ type: 'rated', round: 'before.x', values: [5, null] });
    // A hostile phone: a statement that is not there, a rating off the scale, another round.
    say(hub, two, { type: 'rate', round: 'before.x', statement: 2, value: 3 });
    say(hub, two, { type: 'rate', round: 'before.x', statement: 0, value: 6 });
    say(hub, two, { type: 'rate', round: 'before.x', statement: 0, value: 2.5 });
    say(hub, two, { type: 'rate', round: 'after.x', statement: 0, value: 3 });
    expect(two.errors()).toEqual(['no-such-choice', 'bad-message', 'bad-message', 'closed']);
    expect(totals(projector)).toEqual([[0, 1, 0, 0, 1], [0, 0, 0, 0, 1]]);
    // Moving on forgets the ratings: the server keeps none after the moment.
    say(hub, projector, { type: 'show', view: { kind: 'wait' } });
    say(hub, projector, { type: 'show', view: rate('before.x') });
    say(hub, one, { type: 'rate', round: 'before.x', statement: 1, value: 1 });
    expect(totals(projector)).toEqual([[0, 0, 0, 0, 0], [1, 0, 0, 0, 0]]);
  });
});
