/**
 * An organisation's server: `npm run serve` behind Debian's nginx on a sub-path over HTTPS, with the
 * nginx configuration docs/it.md gives IT departments (read from it), a certificate made here with
 * openssl, --public-url, a projector and three phones; then the server process is stopped and started
 * again, and the projector and the phones carry on in the same room with their votes.
 * nginx runs as this user on 127.0.0.1 with a free port, its configuration and temp files in a temp
 * folder, and is stopped at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT, launch, press, screenshot, snapshot, startWithPhones, waitFor, watchErrors, type Snapshot, freePort } from './harness.ts';

const NGINX = '/usr/sbin/nginx';
const PREFIX = '/many-masters/';

/** The nginx blocks of docs/it.md, Dutch and English: one process, and several. */
const blocks = [...readFileSync(join(ROOT, 'docs/it.md'), 'utf8').matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]!);
const documented = blocks.filter((b) => b.includes('map $http_upgrade'));
const several = blocks.filter((b) => b.includes('split_clients'));


/** `npm run serve` as IT would start it, in a process group of its own so that it can be stopped whole. */
async function serve(port: number, publicUrl: string): Promise<{ child: ChildProcess; phones: string }> {
  const child = spawn('npm', ['run', 'serve', '--', '--host', '127.0.0.1', '--port', String(port), '--dir', DIST, '--public-url', publicUrl], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('Phones: ')) return { child, phones: line.slice('Phones: '.length) };
  }
  throw new Error('npm run serve ended before it printed the phones\' address');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid!, 'SIGTERM');
  await ended;
}

/** A GET over HTTPS that trusts this test's own certificate. */
function getJson(url: string): Promise<Record<string, unknown>> {
  return new Promise((done, fail) => {
    get(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
        if (response.statusCode === 200) done(JSON.parse(body) as Record<string, unknown>);
        else fail(new Error(`${url}: ${response.statusCode}`));
      });
    }).on('error', fail);
  });
}

/**
 * nginx as this user on 127.0.0.1:`port` over HTTPS (a certificate made here for 127.0.0.1), with the
 * documented map for WebSockets, `http` and `server` lines added, everything in the temp folder.
 */
function startNginx(port: number, http: string, server: string): void {
  const map = /map \$http_upgrade[\s\S]*?\n}\n/.exec(documented[0]!)![0];
  if (!existsSync(join(folder, 'cert.pem'))) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { stdio: 'ignore' });
  }
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(folder, temp), { recursive: true });
  writeFileSync(join(folder, 'nginx.conf'), `
daemon off;
master_process on;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  ${map}
  ${http}
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${folder}/cert.pem;
    ssl_certificate_key ${folder}/key.pem;
    ${server}
  }
}
`);
  nginx = spawn(NGINX, ['-e', join(folder, 'error.log'), '-p', folder, '-c', join(folder, 'nginx.conf')], { stdio: 'inherit' });
}

async function stopNginx(): Promise<void> {
  if (!nginx || nginx.exitCode !== null) return;
  const ended = new Promise((done) => nginx!.once('exit', done));
  nginx.kill('SIGQUIT');
  await ended;
  nginx = null;
}

/** Waits until a JSON address answers (nginx and the server take a moment to start). */
async function answers(url: string): Promise<Record<string, unknown>> {
  for (let tries = 0; ; tries++) {
    try {
      return await getJson(url);
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/** Title → Workshop → Phones on → Start: the join screen with its room code. */
async function openRoom(projector: Page): Promise<Snapshot> {
  await waitFor(projector, "m.screen === 'title'", 30_000);
  await openSetup(projector);
  return startWithPhones(projector);
}

let browser: Browser;
let folder: string;
let nginx: ChildProcess | null = null;
let app: ChildProcess | null = null;
const others: ChildProcess[] = [];
beforeAll(async () => {
  browser = await launch();
  folder = mkdtempSync(join(tmpdir(), 'mm-nginx-'));
}, 60_000);
afterAll(async () => {
  if (app) await stop(app);
  for (const child of others) await stop(child);
  await stopNginx();
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function openSetup(page: Page): Promise<void> {
  const title = await snapshot(page);
  const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example') + (title.shown.canContinueWorkshop ? 1 : 0);
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
  await press(page, 'Enter');
  const mode = await waitFor(page, "m.screen === 'mode'");
  await press(page, mode.shown.canContinue ? '3' : '2');
  await waitFor(page, "m.screen === 'setup' && m.shown.phones !== 'asking'");
}

async function phoneShows(phone: Page, view: string): Promise<string> {
  await phone.waitForSelector(`body[data-view="${view}"]`, { timeout: 30_000 });
  return (await phone.locator('main').innerText()).replace(/\s+/g, ' ');
}

describe('behind nginx over HTTPS', () => {
  it('documents one nginx set-up for one process and one for several, in both languages', () => {
    expect(blocks).toHaveLength(4);
    expect(documented).toHaveLength(2);
    expect(documented[0]).toBe(documented[1]);
    expect(several).toHaveLength(2);
    expect(several[0]).toBe(several[1]);
  });

  it('a projector and three phones play through nginx on a sub-path, and carry on after the server restarts', async () => {
    const [appPort, proxyPort] = [await freePort(), await freePort()];
    const block = documented[0]!;
    const location = /location [\s\S]*?\n}\n/.exec(block)![0].replace('127.0.0.1:8080', `127.0.0.1:${appPort}`);
    expect(location).toContain(`location ${PREFIX} {`);
    startNginx(proxyPort, '', location);
    const publicUrl = `https://127.0.0.1:${proxyPort}${PREFIX}`;
    const started = await serve(appPort, publicUrl);
    app = started.child;
    expect(started.phones).toBe(`${publicUrl}p`);
    // nginx is up once it answers; the health check goes through it like every other request.
    const healthz = () => getJson(`${publicUrl}healthz`);
    expect(await answers(`${publicUrl}healthz`)).toMatchObject({ status: 'ok', rooms: 0 });

    const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', ignoreHTTPSErrors: true });
    const projector = await projectorContext.newPage();
    const projectorErrors = watchErrors(projector);
    await projector.goto(publicUrl);
    let m = await openRoom(projector);
    const code = m.shown.code as string;
    // The projector shows the proxy's address, the one phones reach, in words and in the QR code.
    expect(m.shown.address).toBe(`${publicUrl}p`);
    expect(m.shown.link).toMatch(new RegExp(`^${publicUrl.replace(/[.?]/g, "\\$&")}p#${code}\\.[\\w-]+$`));
    await screenshot(projector, 'proxy-join');

    const phones: { context: BrowserContext; page: Page }[] = [];
    for (const locale of ['nl-NL', 'en-GB', 'en-US']) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      await page.goto(m.shown.link as string);
      await page.waitForSelector('body[data-view="wait"]', { timeout: 30_000 });
      phones.push({ context, page });
    }
    const [p1, p2, p3] = phones.map((p) => p.page) as [Page, Page, Page];
    m = await waitFor(projector, "m.screen === 'join' && m.shown.joined === 3");
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.phones.joined === 3");
    const vote = async (phone: Page, choice: number) => {
      await phoneShows(phone, 'card');
      await phone.locator(`[data-key="choice-${choice}"]`).tap();
      await phone.waitForSelector(`[data-key="choice-${choice}"][aria-pressed="true"]`);
    };
    await vote(p1, 0);
    await vote(p2, 1);
    m = await waitFor(projector, 'm.shown.phones.voted === 2');
    expect(await healthz()).toMatchObject({ status: 'ok', rooms: 1, connections: 4 });

    // The server restarts (a crash, an update): nginx stays, the process behind it goes and comes back.
    await stop(app);
    app = null;
    await waitFor(projector, "m.shown.phones.status !== 'open'", 30_000);
    app = (await serve(appPort, publicUrl)).child;
    // Everyone comes back by themselves into the same room; the phones that voted send their votes again.
    m = await waitFor(projector, "m.shown.phones.status === 'open' && m.shown.phones.joined === 3 && m.shown.phones.voted === 2", 60_000);
    await p1.waitForSelector('[data-key="choice-0"][aria-pressed="true"]');
    await vote(p3, 1);
    m = await waitFor(projector, 'm.shown.phones.voted === 3');
    await press(projector, 'PageDown');
    m = await waitFor(projector, "m.phase === 'reveal'");
    expect(m.shown.decisionShown).toBe(1);
    expect((m.shown.phoneVotes as number[]).slice(0, 2)).toEqual([1, 2]);
    expect(await phoneShows(p3, 'reveal')).toContain('You voted:');
    await screenshot(projector, 'proxy-reveal');
    // Connection errors while the server was down are expected, and the service worker is refused
    // over a certificate the browser does not trust (it installs with the organisation's own); nothing else.
    expect(projectorErrors.filter((e) => !/WebSocket|ERR_|502|Bad Gateway|SSL certificate error occurred when fetching the script/i.test(e))).toEqual([]);
    for (const phone of phones) await phone.context.close();
    await projectorContext.close();
    await stop(app);
    app = null;
    await stopNginx();
  });

  it('several processes behind one nginx: each trainer is sent to one, and the room, its projector and its phones stay there', async () => {
    const [proxyPort, first, second] = [await freePort(), await freePort(), await freePort()];
    const base = `https://127.0.0.1:${proxyPort}${PREFIX}`;
    // The documented set-up, with this test's ports; the shared proxy lines are the one-process block's.
    const shared = /proxy_http_version[\s\S]*?(?=\n}\n)/.exec(documented[0]!)![0];
    writeFileSync(join(folder, 'many-masters-proxy.conf'), `${shared}\n`);
    const block = several[0]!.replace('127.0.0.1:8081', `127.0.0.1:${first}`).replace('127.0.0.1:8082', `127.0.0.1:${second}`).replaceAll('include many-masters-proxy.conf', `include ${folder}/many-masters-proxy.conf`);
    const http = block.split('\n').filter((line) => /^(upstream|split_clients)/.test(line)).join('\n');
    const server = block.split('\n').filter((line) => line.startsWith('location')).join('\n');
    startNginx(proxyPort, http, server);
    for (const [n, port] of [[1, first], [2, second]] as const) others.push((await serve(port, `${base}${n}/`)).child);
    for (const n of [1, 2]) expect(await answers(`${base}${n}/healthz`)).toMatchObject({ rooms: 0 });

    // Trainers who open the common address are spread over the processes.
    const sentTo = new Set<string>();
    for (let i = 0; i < 20 && sentTo.size < 2; i++) {
      const location = await new Promise<string>((done, fail) => get(base, { rejectUnauthorized: false }, (response) => {
        response.resume();
        done(response.headers.location ?? '');
      }).on('error', fail));
      sentTo.add(location);
    }
    expect([...sentTo].sort()).toEqual([`${base}1/`, `${base}2/`]);

    // One projector opens the common address and lands in one process; a phone joins its room there.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', ignoreHTTPSErrors: true });
    const projector = await context.newPage();
    await projector.goto(base);
    const landed = /\/many-masters\/([12])\/$/.exec(projector.url())![1]!;
    let m = await openRoom(projector);
    expect(m.shown.address).toBe(`${base}${landed}/p`);
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB', ignoreHTTPSErrors: true });
    const phone = await phoneContext.newPage();
    await phone.goto(m.shown.link as string);
    await phone.waitForSelector('body[data-view="wait"]', { timeout: 30_000 });
    m = await waitFor(projector, "m.screen === 'join' && m.shown.joined === 1");
    const other = landed === '1' ? '2' : '1';
    expect(await getJson(`${base}${landed}/healthz`)).toMatchObject({ rooms: 1, connections: 2 });
    expect(await getJson(`${base}${other}/healthz`)).toMatchObject({ rooms: 0, connections: 0 });
    // After a reload the projector is in the same process and the same room, and the phone still in it.
    await projector.reload();
    m = await waitFor(projector, "m.screen === 'title' && m.shown.canContinueWorkshop === true", 30_000);
    await press(projector, 'Enter');
    m = await waitFor(projector, "(m.screen === 'join' && m.shown.status === 'open' && m.shown.joined === 1) || (m.shown.phones?.status === 'open' && m.shown.phones.joined === 1)", 30_000);
    expect(await getJson(`${base}${landed}/healthz`)).toMatchObject({ rooms: 1, connections: 2 });
    await phoneContext.close();
    await context.close();
  });
});
