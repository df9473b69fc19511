/**
 * `npm run bench -- room`: 200 simulated phones vote on 30 cards against a room server on loopback.
 * Per card (at most one every 300 ms) the projector shows the card, every phone votes at once (a fifth change their mind once),
 * and the projector's count is awaited. Figures: votes lost (the projector's final split against the
 * phones' final votes; must be 0), the time from a vote leaving a phone to the projector's count
 * including it (95th percentile), and the server's memory and CPU time. Every wait is bounded.
 *
 * Then the same room under each attack a participant on the Wi-Fi could make (a hijack after a
 * server restart, room flooding, a join flood, a vote burst, readers that stop reading, code
 * guessing), five cards each (eighty long ones for slow readers), with what the attack achieved and the room's vote → counted time (the
 * phone's vote coming back confirmed; the projector's count leaves in the same step).
 * Each simulated client says its own address (X-Forwarded-For, believed from loopback only), as
 * phones on a Wi-Fi have their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';
import { DEFAULT_LIMITS } from '../../server/hub.ts';
import type { ServerMessage } from '../../src/room-protocol/protocol.ts';

const PHONES = 200;
const CARDS = 30;
const ATTACK_CARDS = 5;
const CHOICES = 3;
const WAIT_MS = 30_000;

export interface Client {
  socket: WebSocket;
  listeners: Set<(m: ServerMessage) => void>;
}

export function open(url: string, address: string): Promise<Client> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url, { headers: { 'x-forwarded-for': address } });
    const client: Client = { socket, listeners: new Set() };
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      for (const listener of client.listeners) listener(message);
    });
    socket.once('open', () => done(client));
    socket.once('error', fail);
  });
}

export function until<T>(client: Client, match: (m: ServerMessage) => T | undefined, what: string, ms = WAIT_MS): Promise<T> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      client.listeners.delete(listener);
      fail(new Error(`timed out waiting for ${what}`));
    }, ms);
    const listener = (m: ServerMessage) => {
      const found = match(m);
      if (found === undefined) return;
      clearTimeout(timer);
      client.listeners.delete(listener);
      done(found);
    };
    client.listeners.add(listener);
  });
}

/** Sends the first message and waits for the answer to it (accepted or refused). */
async function hello(client: Client, message: object): Promise<ServerMessage> {
  const answer = until(client, (m) => (m.type === 'hosted' || m.type === 'joined' || m.type === 'error' ? m : undefined), 'an answer');
  client.socket.send(JSON.stringify(message));
  return answer;
}

export const texts = (s: string) => ({ nl: s, en: s });
const phoneAddress = (i: number) => `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const SECRET = 'bench-projector-secret-0123456789';

interface Stats { rss: number; heapUsed: number; cpuMs: number }

interface RoomServer {
  url: string;
  stats(): Promise<Stats>;
  stop(): Promise<void>;
}

async function startServer(): Promise<RoomServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'room-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const replies: ((line: string) => void)[] = [];
  lines.on('line', (line) => replies.shift()?.(line));
  const next = () => new Promise<string>((done) => replies.push(done));
  const { port } = JSON.parse(await next()) as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/room`,
    async stats() {
      const reply = next();
      child.stdin!.write('stats\n');
      return JSON.parse(await reply) as Stats;
    },
    async stop() {
      child.stdin!.write('quit\n');
      await Promise.race([once(child, 'exit'), new Promise((done) => setTimeout(done, 2000))]);
      child.kill('SIGKILL');
    },
  };
}

interface Room {
  projector: Client;
  phones: Client[];
  code: string;
  key: string;
  tokens: string[];
}

async function openRoom(url: string): Promise<Room> {
  const projector = await open(url, '192.168.0.1');
  const hosted = await hello(projector, { type: 'host', secret: SECRET });
  if (hosted.type !== 'hosted') throw new Error(`the room was refused: ${JSON.stringify(hosted)}`);
  const { code, key } = hosted;
  const phones: Client[] = [];
  const tokens: string[] = [];
  const everyone = until(projector, (m) => (m.type === 'tally' && m.joined === PHONES ? true : undefined), 'every phone joined');
  for (let i = 0; i < PHONES; i++) {
    const phone = await open(url, phoneAddress(i));
    const joined = await hello(phone, { type: 'join', code, key });
    if (joined.type !== 'joined') throw new Error(`phone ${i} was refused: ${JSON.stringify(joined)}`);
    tokens.push(joined.token);
    phones.push(phone);
  }
  await everyone;
  return { projector, phones, code, key, tokens };
}

function cardView(round: string, card: number, long = false) {
  const text = (s: string) => texts(long ? s.padEnd(19_000, '.') : s);
  return { kind: 'card', round, turn: texts(`Week ${card + 1}`), stakeholder: texts('Parents'), text: text(`Card ${card}`), choices: Array.from({ length: CHOICES }, (_, i) => text(`Choice ${i + 1}`)), meters: [], open: true };
}

async function showCard(room: Room, round: string, card: number, long = false): Promise<void> {
  const shown = room.phones.map((phone) => until(phone, (m) => (m.type === 'view' && m.view.kind === 'card' && m.view.round === round ? true : undefined), 'the card'));
  room.projector.socket.send(JSON.stringify({ type: 'show', view: cardView(round, card, long) }));
  await Promise.all(shown);
}

/** Every phone votes at once; the time until each phone's vote comes back confirmed by the server. */
async function voteConfirmed(room: Room, round: string, choice: (i: number) => number): Promise<{ latencies: number[]; confirmed: number }> {
  const latencies: number[] = [];
  let confirmed = 0;
  await Promise.all(room.phones.map(async (phone, i) => {
    const want = choice(i);
    const back = until(phone, (m) => (m.type === 'mine' && m.round === round && m.mine.choice === want ? true : undefined), 'the vote confirmed');
    const sent = performance.now();
    phone.socket.send(JSON.stringify({ type: 'vote', round, choice: want }));
    if (await back.catch(() => false)) {
      confirmed += 1;
      latencies.push(performance.now() - sent);
    }
  }));
  return { latencies, confirmed };
}

/** Rounds are letters, digits and a few marks. */
const roundName = (name: string, card: number) => `${name.replace(/[^A-Za-z0-9]/g, '-')}.${card}`;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * Five cards of the real room with `attack` running beside it (started before the first card);
 * returns the vote → confirmed figures and whatever the attack reports.
 */
async function underAttack(room: Room, server: RoomServer, name: string, attack: { during?: (card: number) => Promise<void>; long?: boolean; cards?: number }, print: (line: string) => void, describe: () => string): Promise<void> {
  const latencies: number[] = [];
  let confirmed = 0;
  let peak = 0;
  const cards = attack.cards ?? ATTACK_CARDS;
  for (let card = 0; card < cards; card++) {
    await pause(300);
    const round = roundName(name, card);
    await showCard(room, round, card, attack.long);
    await attack.during?.(card);
    const result = await voteConfirmed(room, round, (i) => (i + card) % CHOICES);
    latencies.push(...result.latencies);
    confirmed += result.confirmed;
    peak = Math.max(peak, (await server.stats()).rss);
  }
  print(`${name}: ${describe()}; room vote → counted p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${quantile(latencies, 1).toFixed(1)} ms, ${confirmed} of ${cards * PHONES} votes confirmed, server ${(peak / 2 ** 20).toFixed(0)} MB resident at most`);
}

export async function roomFigures(print: (line: string) => void): Promise<void> {
  let server = await startServer();
  const extra: WebSocket[] = [];
  try {
    const room = await openRoom(server.url);
    const before = await server.stats();

    const latencies: number[] = [];
    const confirmedLatencies: number[] = [];
    let lost = 0;
    let votes = 0;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const started = performance.now();
    const { projector, phones } = room;
    for (let card = 0; card < CARDS; card++) {
      // Cards at most every 300 ms: a real card takes minutes, and the server lets one phone send 10
      // messages a second (a burst of 20), which back-to-back cards would exceed.
      await pause(300);
      const round = `bench.${card}`;
      await showCard(room, round, card);

      // Each phone's first vote is timed to the projector's count reaching it (they arrive in order on one loopback).
      const sent: number[] = [];
      const counted: number[] = [];
      const all = until(projector, (m) => {
        if (m.type !== 'tally' || m.round !== round) return undefined;
        while (counted.length < m.voted) counted.push(performance.now());
        return m.voted === PHONES ? true : undefined;
      }, 'every vote counted');
      const final = phones.map(() => Math.floor(random() * CHOICES));
      const echoes = phones.map((phone, i) => until(phone, (m) => (m.type === 'mine' && m.round === round && m.mine.choice === final[i] ? performance.now() : undefined), 'the vote confirmed'));
      phones.forEach((phone, i) => {
        sent.push(performance.now());
        phone.socket.send(JSON.stringify({ type: 'vote', round, choice: final[i] }));
      });
      await all;
      (await Promise.all(echoes)).forEach((t, i) => confirmedLatencies.push(t - sent[i]!));
      sent.forEach((t, i) => latencies.push(counted[i]! - t));
      votes += PHONES;
      // A fifth change their mind once. Each waits for its own vote to come back (the server echoes a
      // phone's vote to it), then the reveal closes voting and its count must equal the phones' votes.
      const changers = phones.map((_, i) => i).filter(() => random() < 0.2);
      const acknowledged = changers.map((i) => {
        final[i] = (final[i]! + 1) % CHOICES;
        const back = until(phones[i]!, (m) => (m.type === 'mine' && m.mine.choice === final[i] ? true : undefined), 'the changed vote');
        phones[i]!.socket.send(JSON.stringify({ type: 'vote', round, choice: final[i] }));
        return back;
      });
      await Promise.all(acknowledged);
      votes += changers.length;
      const expected = Array.from({ length: CHOICES }, (_, c) => final.filter((f) => f === c).length);
      const closed = until(projector, (m) => (m.type === 'tally' && m.round === round && m.joined === PHONES ? m : undefined), 'the reveal');
      projector.socket.send(JSON.stringify({ type: 'show', view: { kind: 'reveal', round, turn: texts('Week'), stakeholder: texts('Parents'), text: texts('Card'), choices: Array.from({ length: CHOICES }, (_, i) => texts(`Choice ${i + 1}`)), choice: 0, phones: expected, counted: expected.map(() => 0), guess: null, feedback: texts('So it went.'), changes: [] } }));
      // Tallies already on their way come first; the reveal's own is the last one before the next card.
      let atReveal = await closed;
      const matches = (counts: number[]) => counts.every((n, c) => n === expected[c]);
      while (!matches(atReveal.counts)) {
        const later = await until(projector, (m) => (m.type === 'tally' && m.round === round ? m : undefined), 'the reveal').catch(() => null);
        if (!later) break;
        atReveal = later;
      }
      const missing = expected.reduce((sum, n, c) => sum + Math.abs(n - (atReveal.counts[c] ?? 0)), 0);
      lost += missing;
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await server.stats();
    print(`room: ${PHONES} phones, ${CARDS} cards, ${votes} votes in ${seconds.toFixed(1)} s (all phones voting at the same moment)`);
    print(`room votes lost: ${lost}`);
    print(`room vote → projector count: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${quantile(latencies, 1).toFixed(1)} ms`);
    print(`room vote → counted (confirmed to the phone): p95 ${quantile(confirmedLatencies, 0.95).toFixed(1)} ms, max ${quantile(confirmedLatencies, 1).toFixed(1)} ms (the figure compared under attack below)`);
    print(`room server memory: ${(after.rss / 2 ** 20).toFixed(0)} MB resident, ${(after.heapUsed / 2 ** 20).toFixed(1)} MB heap (${(before.heapUsed / 2 ** 20).toFixed(1)} MB with phones joined, before voting)`);
    print(`room server CPU: ${(after.cpuMs - before.cpuMs).toFixed(0)} ms for the ${CARDS} cards (${((after.cpuMs - before.cpuMs) / votes * 1000).toFixed(0)} µs per vote)`);

    print(`The same room under attack (${ATTACK_CARDS} cards each):`);

    // Hijack: the server restarts; a script claims the room's code first; the projector and phones come back.
    for (const client of [projector, ...phones]) client.socket.terminate();
    await server.stop();
    server = await startServer();
    const restarted = performance.now();
    const attacker = await open(server.url, '10.66.0.1');
    extra.push(attacker.socket);
    const claims = [await hello(attacker, { type: 'host', code: room.code, secret: 'hijacker-secret-0123456789abcdef' })];
    const second = await open(server.url, '10.66.0.1');
    extra.push(second.socket);
    claims.push(await hello(second, { type: 'host', code: room.code }));
    const refused = claims.filter((c) => c.type === 'error' && c.code === 'room-taken').length;
    room.projector = await open(server.url, '192.168.0.1');
    const back = await hello(room.projector, { type: 'host', secret: SECRET });
    const projectorBack = performance.now() - restarted;
    const sameCode = back.type === 'hosted' && back.code === room.code;
    room.phones = [];
    for (let i = 0; i < PHONES; i++) {
      const phone = await open(server.url, phoneAddress(i));
      const joined = await hello(phone, { type: 'join', code: room.code, key: room.key, token: room.tokens[i] });
      if (joined.type !== 'joined') throw new Error(`phone ${i} did not rejoin: ${JSON.stringify(joined)}`);
      room.phones.push(phone);
    }
    const phonesBack = performance.now() - restarted;
    await underAttack(room, server, 'hijack after a restart', {}, print, () => `${refused} of ${claims.length} claims on the code refused, projector back on ${sameCode ? 'the same code' : 'ANOTHER code'} in ${projectorBack.toFixed(0)} ms, ${room.phones.length} of ${PHONES} phones back with their tokens in ${phonesBack.toFixed(0)} ms`);

    // Room flooding: one address opens rooms until refused; many addresses fill the server.
    let opened = 0;
    let firstRefusal = '';
    for (let i = 0; i < 20; i++) {
      const c = await open(server.url, '10.66.1.1');
      extra.push(c.socket);
      const answer = await hello(c, { type: 'host' });
      if (answer.type === 'hosted') opened += 1;
      else if (!firstRefusal && answer.type === 'error') firstRefusal = answer.code;
    }
    const trainer = await open(server.url, '192.168.0.2');
    extra.push(trainer.socket);
    const trainerAnswer = await hello(trainer, { type: 'host' });
    let filled = 0;
    let fullAnswer = '';
    for (let a = 0; a < 80 && !fullAnswer; a++) {
      for (let i = 0; i < 3 && !fullAnswer; i++) {
        const c = await open(server.url, `10.67.${a}.1`);
        extra.push(c.socket);
        const answer = await hello(c, { type: 'host' });
        if (answer.type === 'hosted') filled += 1;
        else if (answer.type === 'error') fullAnswer = answer.code;
      }
    }
    await underAttack(room, server, 'room flooding', {}, print, () => `one address opened ${opened} rooms of 20 tried, then "${firstRefusal}"; a new trainer got ${trainerAnswer.type === 'hosted' ? 'a room' : JSON.stringify(trainerAnswer)}; ${filled} more rooms from other addresses filled the server, then "${fullAnswer}"`);

    // Join flood: 500 joins from one address.
    const floodAnswers = new Map<string, number>();
    const flooders: Client[] = [];
    await Promise.all(Array.from({ length: 500 }, async () => {
      const c = await open(server.url, '10.66.2.1');
      extra.push(c.socket);
      const answer = await hello(c, { type: 'join', code: room.code, key: room.key });
      const what = answer.type === 'error' ? answer.code : answer.type;
      floodAnswers.set(what, (floodAnswers.get(what) ?? 0) + 1);
      if (answer.type === 'joined') flooders.push(c);
    }));
    await underAttack(room, server, 'join flood', {}, print, () => `500 joins from one address: ${[...floodAnswers].map(([what, n]) => `${n} ${what}`).join(', ')}`);

    // Vote burst: the phones that got in from that address vote 50 times each on every card.
    let counted = 0;
    await underAttack(room, server, 'vote burst', {
      during: async (card) => {
        const round = roundName('vote burst', card);
        const tally = until(room.projector, (m) => (m.type === 'tally' && m.round === round && m.voted === flooders.length ? m : undefined), 'the burst counted', 10_000).catch(() => null);
        for (const c of flooders) for (let v = 0; v < 50; v++) if (c.socket.readyState === WebSocket.OPEN) c.socket.send(JSON.stringify({ type: 'vote', round, choice: v % CHOICES }));
        const seen = await tally;
        counted = Math.max(counted, seen?.voted ?? 0);
      },
    }, print, () => `${flooders.length} phones from one address sent ${flooders.length * 50} votes a card; the projector counted ${counted} of them a card`);
    for (const c of flooders) c.socket.terminate();

    // Slow readers: 60 phones stop reading while long cards are shown.
    const slow: Client[] = [];
    for (let i = 0; i < 60; i++) {
      const c = await open(server.url, `10.68.0.${i + 1}`);
      extra.push(c.socket);
      const joined = await hello(c, { type: 'join', code: room.code, key: room.key });
      if (joined.type === 'joined') slow.push(c);
    }
    for (const c of slow) c.socket.pause();
    const connectionsBefore = slow.length;
    await underAttack(room, server, 'slow readers', {
      long: true,
      // Enough long cards to pass what the kernel holds for a socket on loopback (several MB), and the bound.
      cards: 80,
      // They vote too, and each vote is answered with the card (about 150 KB) they do not read.
      during: async (card) => {
        for (const c of slow) for (let v = 0; v < 20; v++) if (c.socket.readyState === WebSocket.OPEN) c.socket.send(JSON.stringify({ type: 'vote', round: roundName('slow readers', card), choice: v % CHOICES }));
      },
    }, print, () => `${connectionsBefore} phones stopped reading and voted 20 times a card while cards of about 150 KB were shown (the room's phones read them too)`);
    const joinedAfter = await new Promise<number>((done) => {
      const probe = until(room.projector, (m) => (m.type === 'tally' ? m.joined : undefined), 'a tally', 5000).catch(() => -1);
      room.projector.socket.send(JSON.stringify({ type: 'show', view: { kind: 'wait' } }));
      void probe.then(done);
    });
    print(`slow readers: ${PHONES + connectionsBefore - joinedAfter} of ${connectionsBefore} dropped once more than the bound (${DEFAULT_LIMITS.maxBuffered / 2 ** 20} MB) waited for them`);

    // Code guessing: 300 connections, each from its own address, type a wrong code.
    const guessStarted = performance.now();
    const guessAnswers = new Map<string, number>();
    await underAttack(room, server, 'code guessing', {
      during: async (card) => {
        if (card > 0) return;
        await Promise.all(Array.from({ length: 300 }, async (_, i) => {
          const c = await open(server.url, `10.69.${Math.floor(i / 250)}.${(i % 250) + 1}`);
          extra.push(c.socket);
          const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
          let code = Array.from({ length: 5 }, (_, k) => letters[(i * 7 + k * 13 + 3) % 32]).join('');
          if (code === room.code) code = 'ZZZZZ';
          const answer = await hello(c, { type: 'join', code });
          const what = answer.type === 'error' ? answer.code : answer.type;
          guessAnswers.set(what, (guessAnswers.get(what) ?? 0) + 1);
        }));
      },
    }, print, () => `300 wrong codes from 300 connections in ${((performance.now() - guessStarted) / 1000).toFixed(1)} s: ${[...guessAnswers].map(([what, n]) => `${n} ${what}`).join(', ')} (a room among 33,554,432 codes)`);

    for (const phone of room.phones) phone.socket.close();
    room.projector.socket.close();
  } finally {
    for (const socket of extra) socket.terminate();
    await server.stop();
  }
}
