/**
 * The room server: the protocol's checks, the hub's rules with fake connections (one vote per phone
 * per card, rejoin with the vote kept, no split for phones, only the projector shows, floods, stale
 * tokens, unknown rooms, a restart) and the real WebSocket server over loopback.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { createLogger, createServer as createVite } from 'vite';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeConnection as Fake } from './fakeConnection.ts';
import { WebSocket } from 'ws';
import { DEFAULT_LIMITS, Hub } from '../../server/hub.ts';
import { serveBuilt } from '../../server/server.ts';
import { normaliseCode, parsePhoneMessage, parseProjectorMessage, type PhoneView, type ServerMessage } from '../../src/room-protocol/protocol.ts';
import { afterReveal, decideRoom, roomCounts, setPhoneVotes, startRoom, toggleVoting } from '../../src/session/room.ts';
import { makeScenario } from './scenarios.ts';


const texts = (s: string) => ({ nl: `${s} (nl)`, en: s });
function card(round: string, open = true): PhoneView {
  return { kind: 'card', round, turn: texts('Week 1'), stakeholder: texts('Parents'), text: texts('A card'), choices: [texts('Yes'), texts('No'), texts('Later')], meters: [{ id: 'pupils', label: texts('Pupils') }, { id: 'parents', label: texts('Parents') }], open };
}
function reveal(round: string): PhoneView {
  return { kind: 'reveal', round, turn: texts('Week 1'), stakeholder: texts('Parents'), text: texts('A card'), choices: [texts('Yes'), texts('No'), texts('Later')], choice: 1, phones: [1, 2, 0], counted: [0, 3, 0], guess: null, feedback: texts('So it went'), changes: [{ meter: texts('Pupils'), delta: -5 }] };
}

function setUp(limits = DEFAULT_LIMITS, clock = { now: 0 }) {
  const hub = new Hub(limits, () => clock.now);
  const projector = new Fake();
  hub.connect(projector);
  hub.receive(projector, JSON.stringify({ type: 'host' }));
  const { code, secret } = projector.last('hosted');
  const phone = (token?: string) => {
    const f = new Fake();
    hub.connect(f);
    hub.receive(f, JSON.stringify({ type: 'join', code, ...(token ? { token } : {}) }));
    return f;
  };
  const show = (view: PhoneView) => hub.receive(projector, JSON.stringify({ type: 'show', view }));
  return { hub, projector, code, secret, phone, show, clock };
}

describe('room protocol', () => {
  it('refuses malformed, oversized and unexpected messages', () => {
    expect(parsePhoneMessage('{"type":"vote","round":"r1","choice":1}').ok).toBe(true);
    expect(parsePhoneMessage('not json')).toEqual({ ok: false, error: 'bad-message' });
    expect(parsePhoneMessage('{"type":"vote","round":"r1","choice":7}').ok).toBe(false);
    expect(parsePhoneMessage('{"type":"vote","round":"r1","choice":1.5}').ok).toBe(false);
    expect(parsePhoneMessage('{"type":"vote","round":"r1","choice":1,"extra":1}').ok).toBe(false);
    expect(parsePhoneMessage('{"type":"show","view":{"kind":"wait"}}').ok).toBe(false);
    expect(parsePhoneMessage(JSON.stringify({ type: 'guess', round: 'r1', meter: 'x'.repeat(2000) }))).toEqual({ ok: false, error: 'too-big' });
    expect(parsePhoneMessage('{"__proto__":{"type":"vote"},"type":"vote","round":"r1","choice":1}').ok).toBe(false);
    expect(parseProjectorMessage(JSON.stringify({ type: 'show', view: card('r1') })).ok).toBe(true);
    expect(parseProjectorMessage(JSON.stringify({ type: 'show', view: { ...card('r1'), choices: [] } })).ok).toBe(false);
  });

  it('tidies a typed room code', () => {
    expect(normaliseCode(' abc-de ')).toBe('ABCDE');
    expect(normaliseCode('ABC0E')).toBeNull();
    expect(normaliseCode('ABCD')).toBeNull();
  });
});

describe('room hub', () => {
  it('plays a round: one vote per phone that can change until closed, the split goes only to the projector, the reveal to all', () => {
    const { hub, projector, phone, show } = setUp();
    const a = phone();
    const b = phone();
    show(card('r1'));
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: 0 }));
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: 2 }));
    hub.receive(b, JSON.stringify({ type: 'vote', round: 'r1', choice: 2 }));
    hub.receive(b, JSON.stringify({ type: 'guess', round: 'r1', meter: 'parents' }));
    expect(projector.last('tally')).toMatchObject({ round: 'r1', joined: 2, voted: 2, counts: [0, 0, 2], guesses: [{ meter: 'parents', count: 1 }] });
    // A phone sees its own vote and the card, and no message of any phone carries counts.
    expect(a.last('mine')).toEqual({ type: 'mine', round: 'r1', mine: { choice: 2, guess: null } });
    for (const p of [a, b]) expect(p.received.some((m) => m.type === 'tally' || m.type === 'hosted')).toBe(false);
    // Voting closed: a late vote is refused and changes nothing.
    show(card('r1', false));
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: 1 }));
    expect(a.errors()).toContain('closed');
    expect(projector.last('tally').counts).toEqual([0, 0, 2]);
    show(reveal('r1'));
    expect(a.last('view').view.kind).toBe('reveal');
    expect(b.last('view').mine).toEqual({ choice: 2, guess: 'parents' });
    // A vote for another round, or a choice the card does not have, is refused.
    show(card('r2'));
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: 0 }));
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r2', choice: 3 }));
    hub.receive(a, JSON.stringify({ type: 'guess', round: 'r2', meter: 'nobody' }));
    expect(a.errors().slice(-3)).toEqual(['closed', 'no-such-choice', 'no-such-choice']);
    expect(projector.last('tally')).toMatchObject({ round: 'r2', voted: 0, counts: [0, 0, 0] });
  });

  it('voting closed and opened again on the same card: the votes stay, new ones wait for the opening', () => {
    const { hub, projector, phone, show } = setUp();
    const a = phone();
    const b = phone();
    show(card('r1'));
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: 0 }));
    show(card('r1', false));
    expect(a.last('view').view).toMatchObject({ kind: 'card', open: false });
    expect(a.last('view').mine.choice).toBe(0);
    hub.receive(b, JSON.stringify({ type: 'vote', round: 'r1', choice: 1 }));
    expect(b.errors()).toEqual(['closed']);
    expect(projector.last('tally')).toMatchObject({ voted: 1, counts: [1, 0, 0] });
    show(card('r1', true));
    hub.receive(b, JSON.stringify({ type: 'vote', round: 'r1', choice: 1 }));
    expect(projector.last('tally')).toMatchObject({ voted: 2, counts: [1, 1, 0] });
  });

  it('a phone cannot act as the projector, switch rooms or rejoin on an open connection', () => {
    const { hub, projector, phone, show, code } = setUp();
    const a = phone();
    show(card('r1'));
    const shown = a.last('view');
    hub.receive(a, JSON.stringify({ type: 'show', view: { kind: 'end', title: texts('The end') } }));
    hub.receive(a, JSON.stringify({ type: 'host' }));
    hub.receive(a, JSON.stringify({ type: 'join', code }));
    expect(a.errors()).toEqual(['bad-message', 'bad-message', 'not-allowed']);
    expect(a.last('view')).toEqual(shown);
    // A phone that guesses the projector's code without its secret does not become the projector.
    const intruder = new Fake();
    hub.connect(intruder);
    hub.receive(intruder, JSON.stringify({ type: 'host', code, secret: 'x'.repeat(32) }));
    expect(intruder.errors()).toEqual(['room-taken']);
    expect(projector.closed).toBeNull();
  });

  it('a phone that reloads keeps its vote; a stale token or an unknown room is refused', () => {
    const { hub, projector, phone, show, code } = setUp();
    const a = phone();
    const token = a.last('joined').token;
    show(card('r1'));
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: 1 }));
    hub.disconnect(a);
    // A phone that left takes its vote with it, and brings it back when it rejoins before the reveal.
    expect(projector.last('tally')).toMatchObject({ joined: 0, voted: 0 });
    const again = phone(token);
    expect(again.last('joined').token).toBe(token);
    expect(again.last('view').mine.choice).toBe(1);
    expect(projector.last('tally')).toMatchObject({ joined: 1, voted: 1, counts: [0, 1, 0] });
    hub.receive(again, JSON.stringify({ type: 'vote', round: 'r1', choice: 0 }));
    expect(projector.last('tally')).toMatchObject({ joined: 1, voted: 1, counts: [1, 0, 0] });

    // A token from another room (or an old session) is refused, and so is a code nobody hosts.
    const other = setUp();
    const stranger = other.phone(token);
    expect(stranger.errors()).toEqual(['stale-token']);
    const lost = new Fake();
    hub.connect(lost);
    hub.receive(lost, JSON.stringify({ type: 'join', code: code === 'ABCDE' ? 'ABCDF' : 'ABCDE' }));
    expect(lost.errors()).toEqual(['unknown-room']);
  });

  it('after a server restart the projector opens the same room and phones rejoin with their votes', () => {
    const first = setUp();
    const a = first.phone();
    const token = a.last('joined').token;
    first.show(card('r4'));
    first.hub.receive(a, JSON.stringify({ type: 'vote', round: 'r4', choice: 2 }));

    const hub = new Hub();
    const projector = new Fake();
    hub.connect(projector);
    hub.receive(projector, JSON.stringify({ type: 'host', code: first.code, secret: first.secret }));
    expect(projector.last('hosted')).toMatchObject({ code: first.code, secret: first.secret });
    hub.receive(projector, JSON.stringify({ type: 'show', view: card('r4') }));
    const back = new Fake();
    hub.connect(back);
    hub.receive(back, JSON.stringify({ type: 'join', code: first.code, token, kept: { round: 'r4', choice: 2, guess: null } }));
    expect(back.errors()).toEqual([]);
    expect(back.last('view').mine.choice).toBe(2);
    expect(projector.last('tally')).toMatchObject({ joined: 1, voted: 1, counts: [0, 0, 1] });
  });

  it('a flood is refused beyond the rate and its connection closed when it goes on', () => {
    const clock = { now: 0 };
    const { hub, projector, phone, show } = setUp({ ...DEFAULT_LIMITS, burst: 5, perSecond: 2, refusedBeforeClose: 50 }, clock);
    const a = phone();
    show(card('r1'));
    for (let i = 0; i < 40; i++) hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: i % 3 }));
    expect(a.errors().filter((e) => e === 'too-fast').length).toBeGreaterThan(30);
    expect(projector.last('tally').voted).toBe(1);
    clock.now += 1000;
    hub.receive(a, JSON.stringify({ type: 'vote', round: 'r1', choice: 0 }));
    expect(a.errors().at(-1)).toBe('too-fast'); // the last refused message before the pause
    expect(a.last('mine').mine.choice).toBe(0);
    for (let i = 0; i < 100; i++) hub.receive(a, 'x');
    expect(a.closed).not.toBeNull();
  });
});

describe('room server over WebSocket', () => {
  it('serves the game, the phone page at /p and the room; a binary or oversized frame changes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mm-room-'));
    writeFileSync(join(root, 'index.html'), '<title>game</title>');
    writeFileSync(join(root, 'phone.html'), '<title>phone</title>');
    const { server, room, url } = await serveBuilt({ root, port: 0, host: '127.0.0.1' });
    try {
      expect(await (await fetch(url)).text()).toContain('game');
      expect(await (await fetch(new URL('p', url))).text()).toContain('phone');
      expect((await fetch(new URL('../../etc/passwd', url))).status).not.toBe(200);
      // The page asks whether a room server runs; the build's own file says no, the server says yes.
      expect(await (await fetch(new URL('some/prefix/room-server.json', url))).json()).toEqual({ server: true });
      const ws = (path: string) => new Promise<{ socket: WebSocket; next: () => Promise<ServerMessage> }>((done) => {
        const socket = new WebSocket(new URL(path, url.replace('http', 'ws')));
        const queue: ServerMessage[] = [];
        const waiting: ((m: ServerMessage) => void)[] = [];
        socket.on('message', (data) => {
          const m = JSON.parse(String(data)) as ServerMessage;
          const w = waiting.shift();
          if (w) w(m);
          else queue.push(m);
        });
        socket.on('open', () => done({ socket, next: () => (queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise((r) => waiting.push(r))) }));
      });
      // Behind a proxy the room lives under the proxy's prefix.
      const projector = await ws('/some/prefix/room');
      projector.socket.send(JSON.stringify({ type: 'host' }));
      const hosted = await projector.next();
      expect(hosted.type).toBe('hosted');
      expect(await projector.next()).toMatchObject({ type: 'tally', joined: 0 });
      const phone = await ws('/room');
      phone.socket.send(JSON.stringify({ type: 'join', code: (hosted as { code: string }).code }));
      expect((await phone.next()).type).toBe('joined');
      expect(await phone.next()).toMatchObject({ type: 'view', view: { kind: 'wait' } });
      expect(await projector.next()).toMatchObject({ type: 'tally', joined: 1 });
      phone.socket.send(Buffer.from([1, 2, 3]), { binary: true });
      expect(await phone.next()).toEqual({ type: 'error', code: 'bad-message' });
      phone.socket.send('{"type":"vote","round":"r1","choice":0,"pad":"' + 'x'.repeat(5000) + '"}');
      expect(await phone.next()).toEqual({ type: 'error', code: 'too-big' });
      expect(room.hub.stats()).toEqual({ rooms: 1, connections: 2 });
      projector.socket.close();
      phone.socket.close();
    } finally {
      room.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});

describe('starting the room', () => {
  const root = resolve(import.meta.dirname, '../..');

  it('npm start: the dev server takes the room on its own port, opens the phone page at /p and prints the phones\' address', async () => {
    const lines: string[] = [];
    const logger = createLogger('info');
    logger.info = (message) => void lines.push(message);
    const vite = await createVite({ root, configFile: join(root, 'vite.config.ts'), server: { port: 0, open: false }, customLogger: logger, clearScreen: false });
    try {
      await vite.listen();
      vite.printUrls();
      const port = (vite.httpServer!.address() as AddressInfo).port;
      expect(vite.config.server.host).toBe(true);
      const printed = lines.join('\n').replace(/\u001b\[\d+m/g, '');
      expect(printed).toMatch(/Phones: +(http:\/\/[\d.]+:\d+\/p|no network found)/);
      expect(await (await fetch(`http://127.0.0.1:${port}/p`)).text()).toContain('src/phone/main.ts');
      const hosted = await new Promise<ServerMessage>((done, fail) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/room`);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'host' })));
        socket.on('message', (data) => {
          socket.close();
          done(JSON.parse(String(data)) as ServerMessage);
        });
        socket.on('error', fail);
      });
      expect(hosted.type).toBe('hosted');
    } finally {
      await vite.close();
    }
  }, 60_000);

  it('npm run serve: a plain Node process on the given port prints the game and the phones\' address; bad flags are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-serve-'));
    writeFileSync(join(dir, 'index.html'), '<title>game</title>');
    writeFileSync(join(dir, 'phone.html'), '<title>phone</title>');
    const tsx = join(root, 'node_modules/.bin/tsx');
    const child = spawn(tsx, ['server/main.ts', '--port', '0', '--host', '127.0.0.1', '--dir', dir, '--public-url', 'https://intranet.example/many-masters/'], { cwd: root });
    try {
      const lines = createInterface({ input: child.stdout });
      const printed: string[] = [];
      for await (const line of lines) {
        printed.push(line);
        if (printed.length === 2) break;
      }
      expect(printed[0]).toMatch(/^Many Masters: http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(printed[1]).toBe('Phones: https://intranet.example/many-masters/p');
      const url = printed[0]!.slice('Many Masters: '.length);
      expect(await (await fetch(new URL('p', url))).text()).toContain('phone');
    } finally {
      child.kill();
    }
    const bad = spawn(tsx, ['server/main.ts', '--port', 'eighty'], { cwd: root });
    const code = await new Promise<number | null>((done) => bad.on('exit', (exit) => done(exit)));
    expect(code).toBe(2);
  }, 60_000);
});

describe('closing phone voting on the projector', () => {
  it('keeps the phones\' counts as they were until it opens again, decides with them, and opens anew on the next card', () => {
    const room = startRoom(makeScenario(), { teams: ['Iedereen'], mode: 'together', preview: 'off', timer: 0 }, 'close');
    setPhoneVotes(room, [1, 2]);
    expect(toggleVoting(room)).toBe(true);
    expect(room.votingClosed).toBe(true);
    // The server lost the votes (a restart) or a late tally came in: the closed counts stand.
    setPhoneVotes(room, [0, 0]);
    expect(roomCounts(room)).toEqual([1, 2]);
    toggleVoting(room);
    setPhoneVotes(room, [3, 2]);
    expect(roomCounts(room)).toEqual([3, 2]);
    toggleVoting(room);
    setPhoneVotes(room, [0, 5]);
    expect(decideRoom(room)).toBe(true);
    expect(room.reveal!.choice).toBe(0);
    expect(room.reveal!.vote.phones).toEqual([3, 2]);
    // Nothing to close on the reveal; the next card is open again.
    expect(toggleVoting(room)).toBe(false);
    afterReveal(room);
    expect(room.phase).toBe('deciding');
    expect(room.votingClosed).toBe(false);
  });
});
