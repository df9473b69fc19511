/**
 * `npm run bench -- room`: 200 simulated phones vote on 30 cards against a room server on loopback.
 * Per card (at most one every 300 ms) the projector shows the card, every phone votes at once (a fifth change their mind once),
 * and the projector's count is awaited. Figures: votes lost (the projector's final split against the
 * phones' final votes; must be 0), the time from a vote leaving a phone to the projector's count
 * including it (95th percentile), and the server's memory and CPU time. Every wait is bounded.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../src/room-protocol/protocol.ts';

const PHONES = 200;
const CARDS = 30;
const CHOICES = 3;
const WAIT_MS = 30_000;

export interface Client {
  socket: WebSocket;
  messages: ServerMessage[];
  listeners: Set<(m: ServerMessage) => void>;
}

export function open(url: string): Promise<Client> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url);
    const client: Client = { socket, messages: [], listeners: new Set() };
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      for (const listener of client.listeners) listener(message);
    });
    socket.once('open', () => done(client));
    socket.once('error', fail);
  });
}

export function until<T>(client: Client, match: (m: ServerMessage) => T | undefined, what: string): Promise<T> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      client.listeners.delete(listener);
      fail(new Error(`timed out waiting for ${what}`));
    }, WAIT_MS);
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

export const texts = (s: string) => ({ nl: s, en: s });

export async function roomFigures(print: (line: string) => void): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'room-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const replies: ((line: string) => void)[] = [];
  lines.on('line', (line) => replies.shift()?.(line));
  const next = () => new Promise<string>((done) => replies.push(done));
  try {
    const { port } = JSON.parse(await next()) as { port: number };
    const url = `ws://127.0.0.1:${port}/room`;
    const stats = async () => {
      const reply = next();
      child.stdin!.write('stats\n');
      return JSON.parse(await reply) as { rss: number; heapUsed: number; cpuMs: number };
    };

    const projector = await open(url);
    const hosted = until(projector, (m) => (m.type === 'hosted' ? m.code : undefined), 'the room');
    projector.socket.send(JSON.stringify({ type: 'host' }));
    const code = await hosted;

    const phones: Client[] = [];
    const everyone = until(projector, (m) => (m.type === 'tally' && m.joined === PHONES ? true : undefined), 'every phone joined');
    for (let i = 0; i < PHONES; i++) {
      const phone = await open(url);
      const joined = until(phone, (m) => (m.type === 'joined' ? true : undefined), 'joined');
      phone.socket.send(JSON.stringify({ type: 'join', code }));
      await joined;
      phones.push(phone);
    }
    await everyone;
    const before = await stats();

    const latencies: number[] = [];
    let lost = 0;
    let votes = 0;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const started = performance.now();
    for (let card = 0; card < CARDS; card++) {
      // Cards at most every 300 ms: a real card takes minutes, and the server lets one phone send 10
      // messages a second (a burst of 20), which back-to-back cards would exceed.
      await new Promise((done) => setTimeout(done, 300));
      const round = `bench.${card}`;
      const shown = phones.map((phone) => until(phone, (m) => (m.type === 'view' && m.view.kind === 'card' && m.view.round === round ? true : undefined), 'the card'));
      projector.socket.send(JSON.stringify({ type: 'show', view: { kind: 'card', round, turn: texts(`Week ${card + 1}`), stakeholder: texts('Parents'), text: texts(`Card ${card}`), choices: Array.from({ length: CHOICES }, (_, i) => texts(`Choice ${i + 1}`)), meters: [], open: true } }));
      await Promise.all(shown);

      // Each phone's first vote is timed to the projector's count reaching it (they arrive in order on one loopback).
      const sent: number[] = [];
      const counted: number[] = [];
      const all = until(projector, (m) => {
        if (m.type !== 'tally' || m.round !== round) return undefined;
        while (counted.length < m.voted) counted.push(performance.now());
        return m.voted === PHONES ? true : undefined;
      }, 'every vote counted');
      const final = phones.map(() => Math.floor(random() * CHOICES));
      phones.forEach((phone, i) => {
        sent.push(performance.now());
        phone.socket.send(JSON.stringify({ type: 'vote', round, choice: final[i] }));
      });
      await all;
      sent.forEach((t, i) => latencies.push(counted[i]! - t));
      votes += PHONES;
      // A fifth change their mind once. Each waits for its own vote to come back (the server echoes a
      // phone's vote to it), then the reveal closes voting and its count must equal the phones' votes.
      const changers = phones.map((_, i) => i).filter(() => random() < 0.2);
      const acknowledged = changers.map((i) => {
        final[i] = (final[i]! + 1) % CHOICES;
        const back = until(phones[i]!, (m) => (m.type === 'view' && m.mine.choice === final[i] ? true : undefined), 'the changed vote');
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
    const after = await stats();
    latencies.sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    print(`room: ${PHONES} phones, ${CARDS} cards, ${votes} votes in ${seconds.toFixed(1)} s (all phones voting at the same moment)`);
    print(`room votes lost: ${lost}`);
    print(`room vote → projector count: p50 ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${pick(1).toFixed(1)} ms`);
    print(`room server memory: ${(after.rss / 2 ** 20).toFixed(0)} MB resident, ${(after.heapUsed / 2 ** 20).toFixed(1)} MB heap (${(before.heapUsed / 2 ** 20).toFixed(1)} MB with phones joined, before voting)`);
    print(`room server CPU: ${(after.cpuMs - before.cpuMs).toFixed(0)} ms for the ${CARDS} cards (${((after.cpuMs - before.cpuMs) / votes * 1000).toFixed(0)} µs per vote)`);
    for (const phone of phones) phone.socket.close();
    projector.socket.close();
  } finally {
    child.stdin!.write('quit\n');
    await Promise.race([once(child, 'exit'), new Promise((done) => setTimeout(done, 2000))]);
    child.kill();
  }
}
