/**
 * The room server in a venue: `npm run serve` starts from an existing build at once, phones get an
 * address they can reach (never one the server does not listen on), and the health check a proxy or
 * a container asks tells counts only.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { createLogger, createServer as createVite } from 'vite';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { phoneHosts, type InterfaceAddress } from '../../server/addresses.ts';
import { buildIfStale, buildReason } from '../../server/freshBuild.ts';
import { serveBuilt } from '../../server/server.ts';
import type { ServerMessage } from '../../src/room-protocol/protocol.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A project with sources and a build, every file dated `minutesAgo` back, the build `built` minutes ago. */
function project(built: number | null): { project: string; dist: string } {
  const project = mkdtempSync(join(tmpdir(), 'mm-fresh-'));
  const dist = join(project, 'dist');
  const old = Date.now() / 1000 - 3 * 3600;
  for (const [file, text] of [['src/main.ts', 'x'], ['levels/school.json', '{}'], ['index.html', '<title>']] as const) {
    mkdirSync(join(project, file, '..'), { recursive: true });
    writeFileSync(join(project, file), text);
    utimesSync(join(project, file), old, old);
  }
  if (built !== null) {
    mkdirSync(dist);
    for (const page of ['index.html', 'phone.html']) {
      writeFileSync(join(dist, page), '<title>built</title>');
      const time = Date.now() / 1000 - built * 60;
      utimesSync(join(dist, page), time, time);
    }
  }
  return { project, dist };
}

describe('starting fast after a crash', () => {
  it('serves an existing build without building when no source is newer', async () => {
    const { project: p, dist } = project(5);
    expect(buildReason(p, dist)).toBeNull();
    const log: string[] = [];
    let builds = 0;
    expect(await buildIfStale(p, dist, { log: (line) => log.push(line), build: async () => void builds++ })).toBe(false);
    expect(builds).toBe(0);
    expect(log).toEqual([]);
  });

  it('builds first when the build is missing, a scenario was edited after it, or --build is given, and says why', async () => {
    const missing = project(null);
    expect(buildReason(missing.project, missing.dist)).toMatch(/dist\/index\.html is missing/);
    const edited = project(90);
    expect(buildReason(edited.project, edited.dist)).toBeNull();
    writeFileSync(join(edited.project, 'levels/school.json'), '{"changed":true}');
    expect(buildReason(edited.project, edited.dist)).toMatch(/levels\/school\.json is newer than the build/);
    const log: string[] = [];
    let builds = 0;
    expect(await buildIfStale(edited.project, edited.dist, { log: (line) => log.push(line), build: async () => void builds++ })).toBe(true);
    expect(builds).toBe(1);
    expect(log[0]).toMatch(/^Building the game first \(.*school\.json is newer than the build\)/);
    const fresh = project(5);
    expect(await buildIfStale(fresh.project, fresh.dist, { force: true, log: (line) => log.push(line), build: async () => void builds++ })).toBe(true);
    expect(log.at(-1)).toContain('asked with --build');
  });

  it('npm run serve is the server alone: it decides itself whether to build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.serve).toBe('tsx server/main.ts');
  });
});

const v4 = (address: string, internal = false): InterfaceAddress => ({ address, family: 'IPv4', internal });
const v6 = (address: string): InterfaceAddress => ({ address, family: 'IPv6', internal: false });

describe('the address phones are given', () => {
  it('none when the server listens on loopback only, the one it listens on, or the reachable ones best first', () => {
    const laptop = {
      lo: [v4('127.0.0.1', true)],
      docker0: [v4('172.17.0.1')],
      'br-5e1f0a': [v4('172.18.0.1')],
      wlp2s0: [v4('192.168.1.23'), v6('fe80::1')],
      eth1: [v4('169.254.10.2')],
      tailscale0: [v4('100.101.1.2')],
      enp0s31f6: [v4('10.20.30.40')],
    };
    expect(phoneHosts(laptop, '127.0.0.1')).toEqual([]);
    expect(phoneHosts(laptop, 'localhost')).toEqual([]);
    expect(phoneHosts(laptop, '::1')).toEqual([]);
    expect(phoneHosts(laptop, '10.20.30.40')).toEqual(['10.20.30.40']);
    expect(phoneHosts(laptop, '0.0.0.0')).toEqual(['192.168.1.23', '10.20.30.40', '172.17.0.1', '172.18.0.1', '100.101.1.2', '169.254.10.2']);
    // Windows: WSL's and Hyper-V's switch come after the Wi-Fi, whatever order Windows lists them in.
    const windows = { 'vEthernet (WSL)': [v4('172.29.64.1')], 'VirtualBox Host-Only Network': [v4('192.168.56.1')], 'Wi-Fi': [v4('192.168.178.20')], 'Loopback Pseudo-Interface 1': [v4('127.0.0.1', true)] };
    expect(phoneHosts(windows, '0.0.0.0')[0]).toBe('192.168.178.20');
    expect(phoneHosts(windows, '::')).toEqual(['192.168.178.20', '172.29.64.1', '192.168.56.1']);
    expect(phoneHosts({}, '0.0.0.0')).toEqual([]);
  });

  it('for any interface list: only the machine\'s own outside IPv4 addresses, once each, a LAN address first when there is one', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const address = fc.oneof(
      fc.tuple(fc.constantFrom(10, 192, 172, 169, 127, 100, 145), octet, octet, octet).map(([a, b, c, d]) => `${a}.${a === 192 ? 168 : b}.${c}.${d}`),
    );
    const name = fc.constantFrom('wlan0', 'eth0', 'en0', 'Wi-Fi', 'docker0', 'br-1', 'virbr0', 'vEthernet (WSL)', 'utun3', 'lo');
    const list = fc.dictionary(name, fc.array(fc.record({ address, family: fc.constantFrom('IPv4', 'IPv6'), internal: fc.boolean() }), { maxLength: 3 }));
    fc.assert(fc.property(list, (interfaces) => {
      const hosts = phoneHosts(interfaces, '0.0.0.0');
      const outside = Object.values(interfaces).flat().filter((a) => a.family === 'IPv4' && !a.internal && !a.address.startsWith('127.'));
      expect(new Set(hosts).size).toBe(hosts.length);
      expect(new Set(hosts)).toEqual(new Set(outside.map((a) => a.address)));
      const lan = Object.entries(interfaces).flatMap(([n, as]) => as.filter((a) => a.family === 'IPv4' && !a.internal && !/^(docker0|br-1|virbr0|vEthernet \(WSL\)|utun3)$/.test(n) && /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a.address)).map((a) => a.address));
      if (lan.length > 0) expect(lan).toContain(hosts[0]);
    }));
  });

  it('a server on 127.0.0.1 puts no address in the projector\'s QR code and prints why', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mm-loop-'));
    writeFileSync(join(root, 'index.html'), '<title>game</title>');
    writeFileSync(join(root, 'phone.html'), '<title>phone</title>');
    const { server, room, url, phoneUrls } = await serveBuilt({ root, port: 0, host: '127.0.0.1' });
    try {
      expect(phoneUrls).toEqual([]);
      const hosted = await new Promise<ServerMessage>((done, fail) => {
        const socket = new WebSocket(`${url.replace('http', 'ws')}room`);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'host' })));
        socket.on('message', (data) => {
          socket.close();
          done(JSON.parse(String(data)) as ServerMessage);
        });
        socket.on('error', fail);
      });
      expect(hosted).toMatchObject({ type: 'hosted', phoneUrls: [] });
    } finally {
      room.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts', '--port', '0', '--host', '127.0.0.1', '--dir', root], { cwd: ROOT });
    try {
      const printed: string[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        printed.push(line);
        if (printed.length === 2) break;
      }
      expect(printed[0]).toMatch(/^Many Masters: http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(printed[1]).toBe('Phones: none, as this server listens on 127.0.0.1 only; start it with --host 0.0.0.0 for phones on the network');
    } finally {
      child.kill();
    }
  }, 60_000);
});

describe('npm start on loopback', () => {
  it('with --host 127.0.0.1 the dev server prints no phone address and gives the projector none', async () => {
    const lines: string[] = [];
    const logger = createLogger('info');
    logger.info = (message) => void lines.push(message);
    const vite = await createVite({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1', open: false }, customLogger: logger, clearScreen: false });
    try {
      await vite.listen();
      vite.printUrls();
      const printed = lines.join('\n').replace(/\u001b\[\d+m/g, '');
      expect(printed).toContain('Phones:  none, as this server listens on 127.0.0.1 only');
      const port = (vite.httpServer!.address() as AddressInfo).port;
      const hosted = await new Promise<ServerMessage>((done, fail) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/room`);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'host' })));
        socket.on('message', (data) => {
          socket.close();
          done(JSON.parse(String(data)) as ServerMessage);
        });
        socket.on('error', fail);
      });
      expect(hosted).toMatchObject({ type: 'hosted', phoneUrls: [] });
    } finally {
      await vite.close();
    }
  }, 60_000);
});

describe('the health check', () => {
  it('answers at /healthz, under a proxy\'s prefix too, with counts and uptime and nothing about a room or a participant', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mm-health-'));
    writeFileSync(join(root, 'index.html'), '<title>game</title>');
    writeFileSync(join(root, 'phone.html'), '<title>phone</title>');
    const { server, room, url } = await serveBuilt({ root, port: 0, host: '127.0.0.1' });
    try {
      const empty = await fetch(`${url}healthz`);
      expect(empty.status).toBe(200);
      expect(empty.headers.get('content-type')).toBe('application/json');
      expect(empty.headers.get('cache-control')).toBe('no-store');
      expect(await empty.json()).toEqual({ status: 'ok', rooms: 0, connections: 0, uptimeSeconds: expect.any(Number) });
      const socket = new WebSocket(`${url.replace('http', 'ws')}room`);
      const code = await new Promise<string>((done) => {
        socket.on('open', () => socket.send(JSON.stringify({ type: 'host' })));
        socket.once('message', (data) => done((JSON.parse(String(data)) as { code: string }).code));
      });
      const body = await (await fetch(`${url}training/many-masters/healthz`)).text();
      expect(JSON.parse(body)).toMatchObject({ status: 'ok', rooms: 1, connections: 1 });
      expect(body).not.toContain(code);
      expect(Object.keys(JSON.parse(body))).toEqual(['status', 'rooms', 'connections', 'uptimeSeconds']);
      socket.close();
    } finally {
      room.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
