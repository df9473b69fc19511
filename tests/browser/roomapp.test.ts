/**
 * The room app a trainer starts without Node: the Linux one is copied to a temp folder with no
 * node_modules and started with neither node nor npm on the PATH; it opens the browser at the
 * projector page (a stand-in xdg-open records where), serves the game and the room, and a projector
 * with two phones plays a card. On the join screen the trainer steps to another phone address (A).
 * The Windows and macOS files are checked for their format and for the game inside them.
 * The apps come from the cache `npm run package` fills (scripts/roomApp.ts), made on the first run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedRoomApps, NODE_VERSION } from '../../scripts/roomApp.ts';
import { ASSET_LIST } from '../../server/seaAssets.ts';
import { CHROMIUM, DIST, ROOT, press, screenshot, snapshot, startWithPhones, waitFor, watchErrors, type Snapshot, freePort } from './harness.ts';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let apps: string[] = [];
let browser: Browser;
let folder: string;
let app: ChildProcess | null = null;
let made = 0;


beforeAll(async () => {
  const started = Date.now();
  apps = await cachedRoomApps(DIST, version);
  made = Date.now() - started;
  console.log(`room apps ready in ${(made / 1000).toFixed(1)} s (Node ${NODE_VERSION})`);
  // The projector opens the app under a name of the network (venue.test), as a laptop's browser would
  // under its Wi-Fi address, so that the page offers its own address and the server's.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP venue.test 127.0.0.1'] });
  folder = mkdtempSync(join(tmpdir(), 'mm-roomapp-'));
}, 600_000);
afterAll(async () => {
  if (app && app.exitCode === null) {
    const ended = new Promise((done) => app!.once('exit', done));
    app.kill('SIGTERM');
    await ended;
  }
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const appFor = (id: string) => apps.find((a) => basename(a) === `many-masters-room-${version}-${id}${id.startsWith('windows') ? '.exe' : ''}`)!;

/** The first `length` bytes of a file. */
const head = (path: string, length: number) => readFileSync(path).subarray(0, length);

describe('the room app', () => {
  it('is one file per system: a Windows PE, macOS Mach-O for arm64 and x64, a Linux ELF, each with the server and the game inside', () => {
    expect(apps.map((a) => basename(a)).sort()).toEqual([`many-masters-room-${version}-linux-x64`, `many-masters-room-${version}-macos-arm64`, `many-masters-room-${version}-macos-x64`, `many-masters-room-${version}-windows-x64.exe`]);
    const windows = readFileSync(appFor('windows-x64'));
    expect(windows.subarray(0, 2).toString('latin1')).toBe('MZ');
    const pe = windows.readUInt32LE(0x3c);
    expect(windows.subarray(pe, pe + 4).toString('latin1')).toBe('PE\u0000\u0000');
    expect(windows.readUInt16LE(pe + 4)).toBe(0x8664); // x86-64
    for (const [id, cpu] of [['macos-arm64', 0x0100000c], ['macos-x64', 0x01000007]] as const) {
      const mac = head(appFor(id), 8);
      expect(mac.readUInt32LE(0)).toBe(0xfeedfacf); // 64-bit Mach-O
      expect(mac.readUInt32LE(4)).toBe(cpu);
    }
    expect(head(appFor('linux-x64'), 4).toString('latin1')).toBe('\u007fELF');
    // Inside each: the fuse postject flips, the list of the game's files, the game's pages and script.
    const gameScript = /src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))![1]!;
    const script = readFileSync(join(DIST, gameScript));
    const sample = script.subarray(script.length >> 1, (script.length >> 1) + 200);
    for (const file of apps) {
      const bytes = readFileSync(file);
      expect(bytes.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1'), basename(file)).toBe(true);
      expect(bytes.includes(readFileSync(join(DIST, 'phone.html'))), `${basename(file)}: the phone page`).toBe(true);
      expect(bytes.includes(sample), `${basename(file)}: the game's script`).toBe(true);
      expect(bytes.includes(`"${gameScript}"`), `${basename(file)}: ${ASSET_LIST}`).toBe(true);
    }
  });

  it('starts from a folder of its own with neither Node nor npm, opens the projector page, and a projector and two phones play a card', async () => {
    const linux = join(folder, 'many-masters-room');
    copyFileSync(appFor('linux-x64'), linux);
    chmodSync(linux, 0o755);
    // The PATH has only a stand-in for the system's "open this address" command.
    const bin = join(folder, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > ${join(folder, 'opened.txt')}\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const port = await freePort();
    app = spawn(linux, ['--host', '127.0.0.1', '--port', String(port), '--public-url', `http://127.0.0.1:${port}/`], { cwd: folder, env: { PATH: bin, HOME: folder, TMPDIR: folder } });
    app.stderr!.on('data', (data) => process.stderr.write(data));
    const printed: string[] = [];
    for await (const line of createInterface({ input: app.stdout! })) {
      printed.push(line);
      if (printed.length === 3) break;
    }
    expect(printed).toEqual([`Many Masters: http://127.0.0.1:${port}/`, `Phones: http://127.0.0.1:${port}/p`, 'Close this window (or press Ctrl+C) to stop.']);
    for (let tries = 0; !existsSync(join(folder, 'opened.txt')) && tries < 100; tries++) await new Promise((done) => setTimeout(done, 50));
    expect(readFileSync(join(folder, 'opened.txt'), 'utf8').trim()).toBe(`http://127.0.0.1:${port}/`);
    expect(existsSync(join(folder, 'node_modules'))).toBe(false);

    const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const projector = await projectorContext.newPage();
    const errors = watchErrors(projector);
    await projector.goto(`http://venue.test:${port}/`);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    const title = await snapshot(projector);
    for (let i = 0; i < title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example'); i++) await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'mode'");
    await press(projector, '2');
    let m: Snapshot;
    m = await startWithPhones(projector);
    const code = m.shown.code as string;
    // The page's own address first; A steps to the server's, and round again.
    expect([m.shown.address, m.shown.addresses, m.shown.addressIndex]).toEqual([`http://venue.test:${port}/p`, 2, 0]);
    expect(m.shown.texts).toContain('A: another address (1 of 2)');
    await screenshot(projector, 'roomapp-join-first-address');
    await press(projector, 'a');
    m = await waitFor(projector, "m.screen === 'join' && m.shown.addressIndex === 1");
    expect(m.shown.address).toBe(`http://127.0.0.1:${port}/p`);
    // The QR link carries the room's long key after its code.
    expect(m.shown.link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/p#${code}\\.[\\w-]+$`));
    expect(m.shown.texts).toContain(`127.0.0.1:${port}/p`);
    expect(m.shown.texts).toContain('A: another address (2 of 2)');
    await screenshot(projector, 'roomapp-join-second-address');

    const phones: Page[] = [];
    for (const locale of ['nl-NL', 'en-GB']) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale });
      const page = await context.newPage();
      await page.goto(m.shown.link as string);
      await page.waitForSelector('body[data-view="wait"]', { timeout: 30_000 });
      phones.push(page);
    }
    await waitFor(projector, "m.screen === 'join' && m.shown.joined === 2");
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.phones.joined === 2");
    for (const phone of phones) {
      await phone.waitForSelector('body[data-view="card"]', { timeout: 30_000 });
      await phone.locator(`[data-key="choice-${1}"]`).tap();
      await phone.waitForSelector('[data-key="choice-1"][aria-pressed="true"]');
    }
    await waitFor(projector, 'm.shown.phones.voted === 2');
    await press(projector, 'PageDown');
    m = await waitFor(projector, "m.phase === 'reveal'");
    expect(m.shown.decisionShown).toBe(1);
    await phones[1]!.waitForSelector('body[data-view="reveal"]', { timeout: 30_000 });
    expect(await phones[1]!.locator('main').innerText()).toContain('2 by phone');
    await screenshot(projector, 'roomapp-reveal');
    expect(errors).toEqual([]);
    await projectorContext.close();

    // Closing the app (its window, Ctrl+C) stops it and takes away the game it unpacked.
    const ended = new Promise<number | null>((done) => app!.once('exit', done));
    app.kill('SIGINT');
    expect(await ended).toBe(0);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status).toBeUndefined();
    expect(readdirSync(folder).filter((name) => name.startsWith('many-masters-room-'))).toEqual([]);
  });
});
