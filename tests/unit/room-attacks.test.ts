/**
 * The room server against a hostile participant on the same Wi-Fi: a stranger claiming a room after a
 * server restart, a script opening rooms, joining hundreds of times, voting in a burst, guessing codes
 * from hundreds of connections, saying nothing, or no longer reading. Each test is bounded in count
 * and time; the figures under attack go to `npm run bench -- room`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeConnection as Fake } from './fakeConnection.ts';
import { WebSocket } from 'ws';
import { DEFAULT_LIMITS, Hub, roomCode, roomKey, type HubLimits } from '../../server/hub.ts';
import { attachRoom, clientAddress, type AttachedRoom } from '../../server/server.ts';
import { parseRoomLink, roomLinkHash, type PhoneView, type ServerMessage } from '../../src/room-protocol/protocol.ts';


const texts = (s: string) => ({ nl: s, en: s });
function card(round: string, long = false): PhoneView {
  // A long card: every text at the protocol's limit, about 150 KB.
  const text = (s: string) => texts(long ? s.padEnd(19_000, '.') : s);
  return { kind: 'card', round, turn: texts('Week 1'), stakeholder: texts('Parents'), text: text('A card'), choices: [text('Yes'), text('No'), text('Later')], meters: [], open: true };
}
const SECRET = 'projector-secret-0123456789abcdef';

function say(hub: Hub, connection: Fake, message: object): Fake {
  hub.receive(connection, JSON.stringify(message));
  return connection;
}

function newcomer(hub: Hub, address?: string): Fake {
  const f = new Fake(address);
  hub.connect(f);
  return f;
}

describe('the QR link', () => {
  it('carries the code and the room\'s key; a typed code alone is a code; anything else is refused', () => {
    const key = roomKey(SECRET);
    expect(parseRoomLink(roomLinkHash('K7MPQ', key))).toEqual({ code: 'K7MPQ', key });
    expect(parseRoomLink('k7m-pq')).toEqual({ code: 'K7MPQ', key: null });
    expect(parseRoomLink(`K7MPQ.${key}x`)).toBeNull();
    expect(parseRoomLink('K7MPQ.<img src=x>')).toBeNull();
    expect(parseRoomLink(`K7MP0.${key}`)).toBeNull();
  });
});

describe('only the projector owns its room', () => {
  it('hijack after a restart: the stranger is refused, the phones stay with their projector and get their votes back', () => {
    const clock = { now: 0 };
    const before = new Hub(DEFAULT_LIMITS, () => clock.now);
    const projector = say(before, newcomer(before), { type: 'host', secret: SECRET });
    const { code, key } = projector.last('hosted');
    expect(code).toBe(roomCode(SECRET));
    expect(key).toBe(roomKey(SECRET));
    // One phone scanned the QR code (code and key), one typed the code.
    const link = parseRoomLink(roomLinkHash(code, key))!;
    const scanned = say(before, newcomer(before), { type: 'join', code: link.code, key: link.key });
    const typed = say(before, newcomer(before), { type: 'join', code });
    expect(typed.last('joined').key).toBe(key);
    say(before, projector, { type: 'show', view: card('r1') });
    say(before, scanned, { type: 'vote', round: 'r1', choice: 2 });
    const phones = [scanned, typed].map((p) => ({ address: p.address, token: p.last('joined').token }));

    // The server restarts; a script is first, with the code from the wall and any secret.
    const after = new Hub(DEFAULT_LIMITS, () => clock.now);
    const attacker = say(after, newcomer(after), { type: 'host', code, secret: 'a'.repeat(32) });
    expect(attacker.errors()).toEqual(['room-taken']);
    const attackerNoSecret = say(after, newcomer(after), { type: 'host', code });
    expect(attackerNoSecret.errors()).toEqual(['room-taken']);
    // Its own room gets another code; the phones, rejoining with their key, never land in it.
    const own = say(after, newcomer(after), { type: 'host', secret: 'b'.repeat(32) });
    expect(own.last('hosted').code).not.toBe(code);
    const early = phones.map((p) => say(after, newcomer(after, p.address), { type: 'join', code, key, token: p.token, kept: { round: 'r1', choice: p.token === phones[0]!.token ? 2 : null, guess: null } }));
    for (const phone of early) expect(phone.errors()).toEqual(['unknown-room']);
    expect(own.last('tally').joined).toBe(0);

    // The projector comes back with its secret: the same code and key; the phones rejoin with their vote.
    const back = say(after, newcomer(after), { type: 'host', secret: SECRET });
    expect(back.last('hosted')).toMatchObject({ code, key });
    say(after, back, { type: 'show', view: card('r1') });
    const rejoined = phones.map((p, i) => say(after, newcomer(after, p.address), { type: 'join', code, key, token: p.token, ...(i === 0 ? { kept: { round: 'r1', choice: 2, guess: null } } : {}) }));
    for (const phone of rejoined) expect(phone.errors()).toEqual([]);
    expect(back.last('tally')).toMatchObject({ joined: 2, voted: 1, counts: [0, 0, 1] });
    expect(own.last('tally').joined).toBe(0);
    // A join with the right code and a made-up key is not let into the projector's room.
    const forged = say(after, newcomer(after), { type: 'join', code, key: 'k'.repeat(22) });
    expect(forged.errors()).toEqual(['unknown-room']);
  });

  it('a new tab or a restarted browser reclaims its room with the secret from the workshop save; the old tab is let go', () => {
    const hub = new Hub();
    const first = say(hub, newcomer(hub), { type: 'host', secret: SECRET });
    const { code, key } = first.last('hosted');
    const phone = say(hub, newcomer(hub), { type: 'join', code, key });
    const tab = say(hub, newcomer(hub), { type: 'host', secret: SECRET });
    expect(tab.last('hosted')).toMatchObject({ code, key });
    expect(first.closed).not.toBeNull();
    expect(tab.last('tally').joined).toBe(1);
    expect(phone.closed).toBeNull();
    // The same secret after a restart, from another address (the laptop moved to another network).
    const restarted = new Hub();
    const later = say(restarted, newcomer(restarted, '10.9.9.9'), { type: 'host', secret: SECRET, code });
    expect(later.last('hosted')).toMatchObject({ code, key });
  });
});

describe('limits a hostile client meets (hub)', () => {
  it('the README says the phones per address the server allows', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`One network address joins with at most ${DEFAULT_LIMITS.phonesPerAddress} phones`);
  });

  it('rooms per address: a client opening rooms is refused at the limit and a new trainer still gets a room; a full server says so', () => {
    const clock = { now: 0 };
    const limits: HubLimits = { ...DEFAULT_LIMITS, rooms: 6, emptyRoomMs: 1000 };
    const hub = new Hub(limits, () => clock.now);
    const opened: Fake[] = [];
    for (let i = 0; i < 20; i++) {
      const attempt = say(hub, newcomer(hub, '10.6.6.6'), { type: 'host' });
      if (attempt.errors().length > 0) {
        expect(attempt.errors()).toEqual(['too-many-rooms']);
        break;
      }
      opened.push(attempt);
    }
    expect(opened.length).toBe(limits.roomsPerAddress);
    expect(say(hub, newcomer(hub, '10.7.7.7'), { type: 'host' }).received[0]!.type).toBe('hosted');
    // Two more addresses fill the server: the next trainer is told the server is full, not "network".
    for (const address of ['10.8.8.8', '10.8.8.9']) for (let i = 0; i < 3; i++) say(hub, newcomer(hub, address), { type: 'host' });
    const late = say(hub, newcomer(hub, '10.5.5.5'), { type: 'host' });
    expect(late.errors()).toEqual(['server-full']);
    // The script's projectors go; their rooms expire fast, and the trainer gets a room.
    for (const f of opened) hub.disconnect(f);
    clock.now += limits.emptyRoomMs + 1;
    expect(say(hub, newcomer(hub, '10.5.5.5'), { type: 'host' }).received[0]!.type).toBe('hosted');
  });

  it('500 joins from one address: at most the phones per address get in, paced; the room counts only them', () => {
    const clock = { now: 0 };
    const hub = new Hub(DEFAULT_LIMITS, () => clock.now);
    const projector = say(hub, newcomer(hub), { type: 'host', secret: SECRET });
    const { code, key } = projector.last('hosted');
    say(hub, projector, { type: 'show', view: card('r1') });
    const answers = new Map<string, number>();
    let inside = 0;
    for (let i = 0; i < 500; i++) {
      if (i % 10 === 0) clock.now += 1000;
      const phone = say(hub, newcomer(hub, '10.6.6.6'), { type: 'join', code, key });
      const answer = phone.received[0]!.type === 'error' ? phone.errors()[0]! : phone.received[0]!.type;
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
      if (answer !== 'joined') continue;
      inside += 1;
      // A burst of votes from each phone that got in: each phone's vote counts once.
      for (let v = 0; v < 15; v++) say(hub, phone, { type: 'vote', round: 'r1', choice: v % 3 });
    }
    expect(inside).toBe(DEFAULT_LIMITS.phonesPerAddress);
    expect(answers.get('too-many-phones')! + answers.get('too-fast')!).toBe(500 - inside);
    expect(answers.get('too-fast')).toBeGreaterThan(0);
    expect(projector.last('tally')).toMatchObject({ joined: inside, voted: inside, recent: inside });
    expect(projector.last('tally').counts.reduce((a, b) => a + b, 0)).toBe(inside);
    // Someone else in the room still joins.
    expect(say(hub, newcomer(hub, '10.0.0.42'), { type: 'join', code, key }).received[0]!.type).toBe('joined');
  });

  it('a phone that leaves and joins anew does not stuff the vote: only phones in the room count', () => {
    const hub = new Hub();
    const projector = say(hub, newcomer(hub), { type: 'host', secret: SECRET });
    const { code, key } = projector.last('hosted');
    say(hub, projector, { type: 'show', view: card('r1') });
    for (let i = 0; i < 30; i++) {
      const phone = say(hub, newcomer(hub), { type: 'join', code, key });
      say(hub, phone, { type: 'vote', round: 'r1', choice: 0 });
      hub.disconnect(phone);
    }
    expect(projector.last('tally')).toMatchObject({ joined: 0, voted: 0, counts: [0, 0, 0] });
  });

  it('the trainer removes phones that joined in a burst: they are closed, their votes go, their tokens are refused', () => {
    const clock = { now: 0 };
    const hub = new Hub(DEFAULT_LIMITS, () => clock.now);
    const projector = say(hub, newcomer(hub), { type: 'host', secret: SECRET });
    const { code, key } = projector.last('hosted');
    say(hub, projector, { type: 'show', view: card('r1') });
    const early = say(hub, newcomer(hub), { type: 'join', code, key });
    say(hub, early, { type: 'vote', round: 'r1', choice: 1 });
    clock.now += 5 * 60 * 1000;
    const burst = Array.from({ length: 12 }, () => say(hub, newcomer(hub), { type: 'join', code, key }));
    for (const phone of burst) say(hub, phone, { type: 'vote', round: 'r1', choice: 0 });
    expect(projector.last('tally')).toMatchObject({ joined: 13, voted: 13, recent: 12 });
    say(hub, projector, { type: 'remove', seconds: 60 });
    expect(projector.last('tally')).toMatchObject({ joined: 1, voted: 1, recent: 0, counts: [0, 1, 0] });
    for (const phone of burst) expect(phone.closed).not.toBeNull();
    expect(early.closed).toBeNull();
    const again = say(hub, newcomer(hub), { type: 'join', code, key, token: burst[0]!.last('joined').token });
    expect(again.errors()).toEqual(['removed']);
    // A phone cannot send the projector's "remove".
    say(hub, early, { type: 'remove', seconds: 60 });
    expect(early.errors()).toEqual(['bad-message']);
  });
});

describe('the server over loopback', () => {
  let server: Server | null = null;
  let room: AttachedRoom | null = null;
  const sockets: WebSocket[] = [];

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate();
    room?.close();
    room = null;
    if (server) {
      server.closeAllConnections();
      await new Promise((done) => server!.close(done));
      server = null;
    }
  });

  async function start(limits: Partial<HubLimits> = {}): Promise<string> {
    server = createServer((_request, response) => response.writeHead(404).end());
    room = attachRoom(server, { port: () => (server!.address() as AddressInfo).port, limits });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/room`;
  }

  interface Client {
    socket: WebSocket;
    messages: ServerMessage[];
    next(match: (m: ServerMessage) => boolean, ms?: number): Promise<ServerMessage>;
    closed: Promise<void>;
  }

  /** A client from `address` (as a proxy on this machine would say, the only way loopback can be many addresses). */
  function open(url: string, address?: string): Promise<Client> {
    return new Promise((done, fail) => {
      const socket = new WebSocket(url, address ? { headers: { 'x-forwarded-for': address } } : {});
      sockets.push(socket);
      const messages: ServerMessage[] = [];
      const waiting = new Set<{ match: (m: ServerMessage) => boolean; done: (m: ServerMessage) => void }>();
      socket.on('message', (data) => {
        const m = JSON.parse(String(data)) as ServerMessage;
        messages.push(m);
        for (const w of waiting) if (w.match(m)) {
          waiting.delete(w);
          w.done(m);
        }
      });
      const closed = new Promise<void>((c) => socket.once('close', () => c()));
      const next = (match: (m: ServerMessage) => boolean, ms = 10_000) => new Promise<ServerMessage>((got, lost) => {
        const found = messages.find(match);
        if (found) {
          messages.splice(messages.indexOf(found), 1);
          got(found);
          return;
        }
        const timer = setTimeout(() => lost(new Error(`timed out; last: ${JSON.stringify(messages.at(-1))?.slice(0, 200)}`)), ms);
        waiting.add({ match, done: (m) => {
          clearTimeout(timer);
          messages.splice(messages.indexOf(m), 1);
          got(m);
        } });
      });
      socket.once('open', () => done({ socket, messages, next, closed }));
      socket.once('error', fail);
    });
  }

  it('believes X-Forwarded-For only from a proxy: on this machine, or any when told it runs behind one', () => {
    const request = (remoteAddress: string, forwarded?: string) => ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;
    expect(clientAddress(request('192.168.1.20', '10.0.0.1'))).toBe('192.168.1.20');
    expect(clientAddress(request('127.0.0.1', '1.2.3.4, 192.168.1.20'))).toBe('192.168.1.20');
    expect(clientAddress(request('::1'))).toBe('::1');
    // Told it runs behind a proxy (--public-url), the proxy's word counts from wherever it is.
    expect(clientAddress(request('192.168.1.2', '10.0.0.7'), true)).toBe('10.0.0.7');
  });

  it('connections that never say hello are closed within seconds', async () => {
    const url = await start({ helloMs: 300 });
    const silent = await Promise.all(Array.from({ length: 50 }, () => open(url)));
    const started = Date.now();
    await Promise.all(silent.map((c) => c.closed));
    expect(Date.now() - started).toBeLessThan(5000);
    // The server hears the closes a moment after the clients do.
    for (let i = 0; i < 100 && room!.hub.stats().connections > 0; i++) await new Promise((done) => setImmediate(done));
    expect(room!.hub.stats().connections).toBe(0);
  }, 20_000);

  it('code guessing across 300 connections is refused at the server-wide limit; a scanned link still joins', async () => {
    const url = await start();
    const projector = await open(url);
    projector.socket.send(JSON.stringify({ type: 'host', secret: SECRET }));
    const hosted = (await projector.next((m) => m.type === 'hosted')) as Extract<ServerMessage, { type: 'hosted' }>;
    const started = Date.now();
    const guessers = await Promise.all(Array.from({ length: 300 }, (_, i) => open(url, `10.3.${Math.floor(i / 200)}.${i % 200}`)));
    const wrong = (i: number) => {
      // Codes that are not the room's: each connection guesses once.
      const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
      const code = Array.from({ length: 5 }, (_, k) => letters[(i * 7 + k * 13 + 3) % 32]).join('');
      return code === hosted.code ? 'ZZZZZ' : code;
    };
    guessers.forEach((g, i) => g.socket.send(JSON.stringify({ type: 'join', code: wrong(i) })));
    const answers = await Promise.all(guessers.map((g) => g.next((m) => m.type === 'error')));
    const seconds = (Date.now() - started) / 1000;
    const told = answers.filter((a) => a.type === 'error' && a.code === 'unknown-room').length;
    expect(told).toBeGreaterThan(0);
    expect(told).toBeLessThanOrEqual(DEFAULT_LIMITS.guessBurst + Math.ceil((seconds * DEFAULT_LIMITS.guessesPerMinute) / 60));
    expect(answers.filter((a) => a.type === 'error' && a.code === 'too-fast').length).toBe(300 - told);
    // Past the limit even the right code typed is refused (else the answer would tell the guesser);
    // the QR link's key is no guess, and joins.
    const typed = await open(url, '10.4.0.1');
    typed.socket.send(JSON.stringify({ type: 'join', code: hosted.code }));
    expect(await typed.next(() => true)).toEqual({ type: 'error', code: 'too-fast' });
    const scanned = await open(url, '10.4.0.2');
    scanned.socket.send(JSON.stringify({ type: 'join', code: hosted.code, key: hosted.key }));
    expect((await scanned.next(() => true)).type).toBe('joined');
  }, 30_000);

  it('a client opening rooms from one address is refused at the limit; a new trainer still gets a room', async () => {
    const url = await start();
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const c = await open(url);
      c.socket.send(JSON.stringify({ type: 'host' }));
      const m = await c.next((x) => x.type === 'hosted' || x.type === 'error');
      answers.push(m.type === 'error' ? m.code : m.type);
    }
    expect(answers).toEqual([...Array(DEFAULT_LIMITS.roomsPerAddress).fill('hosted'), ...Array(10 - DEFAULT_LIMITS.roomsPerAddress).fill('too-many-rooms')]);
    const trainer = await open(url, '192.168.1.50');
    trainer.socket.send(JSON.stringify({ type: 'host', secret: SECRET }));
    expect((await trainer.next((x) => x.type === 'hosted' || x.type === 'error')).type).toBe('hosted');
  }, 30_000);

  it('60 phones that stop reading are dropped; the real room\'s votes stay quick and the server\'s memory bounded', async () => {
    const url = await start();
    const projector = await open(url, '192.168.1.1');
    projector.socket.send(JSON.stringify({ type: 'host', secret: SECRET }));
    const { code, key } = (await projector.next((m) => m.type === 'hosted')) as Extract<ServerMessage, { type: 'hosted' }>;
    const real = await Promise.all(Array.from({ length: 5 }, (_, i) => open(url, `192.168.1.${10 + i}`)));
    for (const phone of real) phone.socket.send(JSON.stringify({ type: 'join', code, key }));
    await Promise.all(real.map((p) => p.next((m) => m.type === 'joined')));
    const slow = await Promise.all(Array.from({ length: 60 }, (_, i) => open(url, `192.168.2.${10 + i}`)));
    for (const phone of slow) phone.socket.send(JSON.stringify({ type: 'join', code, key }));
    await Promise.all(slow.map((p) => p.next((m) => m.type === 'joined')));
    // They stop reading: what the server sends them piles up on its side.
    for (const phone of slow) phone.socket.pause();
    const before = process.memoryUsage().rss;
    const latencies: number[] = [];
    let peak = before;
    // Enough cards to pass what the kernel holds for a socket on loopback (several MB) and the bound.
    for (let n = 0; n < 80; n++) {
      const round = `r${n}`;
      // A phone may vote ten times a second: the cards come no faster than that.
      await new Promise((done) => setTimeout(done, 110));
      // A long card (about 150 KB for each phone), as the projector may send.
      projector.socket.send(JSON.stringify({ type: 'show', view: card(round, true) }));
      await Promise.all(real.map((p) => p.next((m) => m.type === 'view' && m.view.kind === 'card' && m.view.round === round)));
      const sent = performance.now();
      for (const phone of real) phone.socket.send(JSON.stringify({ type: 'vote', round, choice: n % 3 }));
      await projector.next((m) => m.type === 'tally' && m.round === round && m.voted === real.length).catch((e: Error) => {
        throw new Error(`${e.message}; phones: ${real.map((p) => JSON.stringify(p.messages.filter((m) => m.type !== 'view').at(-1))).join(' ')}`);
      });
      latencies.push(performance.now() - sent);
      peak = Math.max(peak, process.memoryUsage().rss);
      // The slow ones keep voting too, which the server answers to them.
      for (const phone of slow) if (phone.socket.readyState === WebSocket.OPEN) phone.socket.send(JSON.stringify({ type: 'vote', round, choice: 0 }), () => undefined);
    }
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)]!;
    // Counted on the server: a client that does not read does not hear that it was dropped either.
    const dropped = 60 + real.length + 1 - room!.hub.stats().connections;
    const growth = (peak - before) / 2 ** 20;
    console.log(`slow readers: ${dropped} of 60 dropped, vote → count p95 ${p95.toFixed(0)} ms, memory +${growth.toFixed(0)} MB`);
    // Without the bound, the 60 × 80 cards of 150 KB (720 MB, less what the kernel holds) would wait in this process for readers that never read.
    expect(dropped).toBe(60);
    expect(p95).toBeLessThan(3000);
    expect(growth).toBeLessThan(250);
  }, 90_000);
});
