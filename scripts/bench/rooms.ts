/**
 * `npm run bench -- rooms`: one server process holding 50 rooms of 30 phones each (an organisation's
 * server on a busy morning), every phone of every room voting at the same moment, on 10 cards. The
 * room server runs in a process of its own (bench/room-server.ts) so that its memory and CPU are its
 * own. Figures: votes lost (each room's count at the reveal against its phones' votes; must be 0),
 * vote to the projector's count (95th percentile over all 15,000 votes), the server's memory and CPU.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { open, texts, until, type Client } from './room.ts';

const ROOMS = 50;
const PHONES = 30;
const CARDS = 10;
const CHOICES = 3;

interface Room {
  projector: Client;
  phones: Client[];
}

export async function roomsFigures(print: (line: string) => void): Promise<void> {
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
    const idle = await stats();

    const rooms: Room[] = [];
    for (let r = 0; r < ROOMS; r++) {
      // Each room's projector and phones on addresses of their own, as in real venues (the server
      // limits rooms and phones per address and believes X-Forwarded-For only from loopback).
      const projector = await open(url, `10.1.${r}.1`);
      const hosted = until(projector, (m) => (m.type === 'hosted' ? m : undefined), 'the room');
      projector.socket.send(JSON.stringify({ type: 'host', secret: `bench-rooms-projector-secret-${r}` }));
      const { code, key } = await hosted;
      const everyone = until(projector, (m) => (m.type === 'tally' && m.joined === PHONES ? true : undefined), 'every phone joined');
      const phones = await Promise.all(Array.from({ length: PHONES }, async (_, i) => {
        const phone = await open(url, `10.2.${r}.${i + 1}`);
        const joined = until(phone, (m) => (m.type === 'joined' ? true : undefined), 'joined');
        // Joined by the QR link's key, as a scanned code does.
        phone.socket.send(JSON.stringify({ type: 'join', code, key }));
        await joined;
        return phone;
      }));
      await everyone;
      rooms.push({ projector, phones });
    }
    const before = await stats();

    const latencies: number[] = [];
    let lost = 0;
    let votes = 0;
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const started = performance.now();
    for (let card = 0; card < CARDS; card++) {
      // Within the server's per-phone rate (10 messages a second), as in `bench -- room`.
      await new Promise((done) => setTimeout(done, 300));
      const round = `bench.${card}`;
      const choices = Array.from({ length: CHOICES }, (_, i) => texts(`Choice ${i + 1}`));
      const shown = rooms.flatMap((room) => room.phones.map((phone) => until(phone, (m) => (m.type === 'view' && m.view.kind === 'card' && m.view.round === round ? true : undefined), 'the card')));
      for (const room of rooms) room.projector.socket.send(JSON.stringify({ type: 'show', view: { kind: 'card', round, turn: texts(`Week ${card + 1}`), stakeholder: texts('Parents'), text: texts(`Card ${card}`), choices, meters: [], open: true } }));
      await Promise.all(shown);

      // Every phone in every room votes at once; each room's projector counts its own.
      const finals = rooms.map((room) => room.phones.map(() => Math.floor(random() * CHOICES)));
      const sent = rooms.map(() => [] as number[]);
      const counted = rooms.map(() => [] as number[]);
      const all = rooms.map((room, r) => until(room.projector, (m) => {
        if (m.type !== 'tally' || m.round !== round) return undefined;
        while (counted[r]!.length < m.voted) counted[r]!.push(performance.now());
        return m.voted === PHONES ? true : undefined;
      }, 'every vote counted'));
      rooms.forEach((room, r) => room.phones.forEach((phone, i) => {
        sent[r]!.push(performance.now());
        phone.socket.send(JSON.stringify({ type: 'vote', round, choice: finals[r]![i] }));
      }));
      await Promise.all(all);
      // The n-th vote sent in a room is timed to the room's count reaching n (one loopback keeps the order).
      rooms.forEach((_, r) => sent[r]!.forEach((t, i) => latencies.push(counted[r]![i]! - t)));
      votes += ROOMS * PHONES;

      // The reveal in every room: its count must equal its phones' votes.
      await Promise.all(rooms.map(async (room, r) => {
        const expected = Array.from({ length: CHOICES }, (_, c) => finals[r]!.filter((f) => f === c).length);
        const closed = until(room.projector, (m) => (m.type === 'tally' && m.round === round ? m : undefined), 'the reveal');
        room.projector.socket.send(JSON.stringify({ type: 'show', view: { kind: 'reveal', round, turn: texts('Week'), stakeholder: texts('Parents'), text: texts('Card'), choices, choice: 0, phones: expected, counted: expected.map(() => 0), guess: null, feedback: texts('So it went.'), changes: [] } }));
        let atReveal = await closed;
        const matches = (counts: number[]) => counts.every((n, c) => n === expected[c]);
        while (!matches(atReveal.counts)) {
          const later = await until(room.projector, (m) => (m.type === 'tally' && m.round === round ? m : undefined), 'the reveal').catch(() => null);
          if (!later) break;
          atReveal = later;
        }
        lost += expected.reduce((sum, n, c) => sum + Math.abs(n - (atReveal.counts[c] ?? 0)), 0);
      }));
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await stats();
    latencies.sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    print(`rooms: ${ROOMS} rooms × ${PHONES} phones in one process, ${CARDS} cards, ${votes} votes in ${seconds.toFixed(1)} s (all ${ROOMS * PHONES} phones voting at the same moment)`);
    print(`rooms votes lost: ${lost}`);
    print(`rooms vote → projector count: p50 ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${pick(1).toFixed(1)} ms`);
    print(`rooms server memory: ${(after.rss / 2 ** 20).toFixed(0)} MB resident, ${(after.heapUsed / 2 ** 20).toFixed(1)} MB heap (${(before.heapUsed / 2 ** 20).toFixed(1)} MB with everyone joined, ${(idle.heapUsed / 2 ** 20).toFixed(1)} MB idle)`);
    print(`rooms server CPU: ${(after.cpuMs - before.cpuMs).toFixed(0)} ms for ${votes} votes over ${seconds.toFixed(1)} s (${((after.cpuMs - before.cpuMs) / votes * 1000).toFixed(0)} µs per vote, ${((after.cpuMs - before.cpuMs) / 10 / seconds).toFixed(0)}% of one core)`);
    if (lost > 0) process.exitCode = 1;
    for (const room of rooms) {
      for (const phone of room.phones) phone.socket.close();
      room.projector.socket.close();
    }
  } finally {
    child.stdin!.write('quit\n');
    await Promise.race([once(child, 'exit'), new Promise((done) => setTimeout(done, 2000))]);
    child.kill();
  }
}
