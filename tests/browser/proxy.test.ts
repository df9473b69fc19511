/**
 * An organisation's server: `npm run serve` behind Debian's nginx on a sub-path over HTTPS, with the
 * nginx configuration docs/it.md gives IT departments (read from it), a certificate made here with
 * openssl, --public-url, a projector and three phones; then the server process is stopped and started
 * again, and the projector and the phones carry on in the same room with their votes.
 * nginx runs as this user on 127.0.0.1 with a free port, its configuration and temp files in a temp
 * folder, and is stopped at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT, launch, press, screenshot, snapshot, waitFor, watchErrors } from './harness.ts';

const NGINX = '/usr/sbin/nginx';
const PREFIX = '/many-masters/';

/** The nginx blocks of docs/it.md, Dutch and English. */
const documented = [...readFileSync(join(ROOT, 'docs/it.md'), 'utf8').matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]!);

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

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

let browser: Browser;
let folder: string;
let nginx: ChildProcess | null = null;
let app: ChildProcess | null = null;
beforeAll(async () => {
  browser = await launch();
  folder = mkdtempSync(join(tmpdir(), 'mm-nginx-'));
}, 60_000);
afterAll(async () => {
  if (app) await stop(app);
  if (nginx && nginx.exitCode === null) {
    const ended = new Promise((done) => nginx!.once('exit', done));
    nginx.kill('SIGQUIT');
    await ended;
  }
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
  it('documents one nginx set-up, in both languages', () => {
    expect(documented).toHaveLength(2);
    expect(documented[0]).toBe(documented[1]);
  });

  it('a projector and three phones play through nginx on a sub-path, and carry on after the server restarts', async () => {
    const [appPort, proxyPort] = [await freePort(), await freePort()];
    // A certificate for this test only, for 127.0.0.1.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { stdio: 'ignore' });
    const block = documented[0]!;
    const map = /map \$http_upgrade[\s\S]*?\n}\n/.exec(block)![0];
    const location = /location [\s\S]*?\n}\n/.exec(block)![0].replace('127.0.0.1:8080', `127.0.0.1:${appPort}`);
    expect(location).toContain(`location ${PREFIX} {`);
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(folder, temp));
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
  server {
    listen 127.0.0.1:${proxyPort} ssl;
    ssl_certificate ${folder}/cert.pem;
    ssl_certificate_key ${folder}/key.pem;
    ${location}
  }
}
`);
    nginx = spawn(NGINX, ['-e', join(folder, 'error.log'), '-p', folder, '-c', join(folder, 'nginx.conf')], { stdio: 'inherit' });
    const publicUrl = `https://127.0.0.1:${proxyPort}${PREFIX}`;
    const started = await serve(appPort, publicUrl);
    app = started.child;
    expect(started.phones).toBe(`${publicUrl}p`);
    // nginx is up once it answers; the health check goes through it like every other request.
    const healthz = () => getJson(`${publicUrl}healthz`);
    for (let tries = 0; ; tries++) {
      try {
        await healthz();
        break;
      } catch (error) {
        if (tries > 100) throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
    expect(await healthz()).toMatchObject({ status: 'ok', rooms: 0 });

    const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', ignoreHTTPSErrors: true });
    const projector = await projectorContext.newPage();
    const projectorErrors = watchErrors(projector);
    await projector.goto(publicUrl);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    await openSetup(projector);
    let m = await snapshot(projector);
    const focusOn = async (label: string) => {
      const target = (m.shown.buttons as string[]).indexOf(label);
      expect(target).toBeGreaterThanOrEqual(0);
      while (m.shown.focus !== target) {
        await press(projector, (m.shown.focus as number) > target ? 'ArrowUp' : 'ArrowDown');
        m = await waitFor(projector, "m.screen === 'setup'");
      }
    };
    await focusOn('Phones: off');
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'setup' && m.ready && m.shown.phones === true && m.shown.buttons.includes('Phones: on')");
    await focusOn('Start the workshop');
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'join' && m.shown.status === 'open' && !!m.shown.code");
    const code = m.shown.code as string;
    // The projector shows the proxy's address, the one phones reach, in words and in the QR code.
    expect(m.shown.address).toBe(`${publicUrl}p`);
    expect(m.shown.link).toBe(`${publicUrl}p#${code}`);
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
  });
});
