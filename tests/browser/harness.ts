/**
 * Shared set-up for the browser tests: a static server for the production build in `dist/`, one
 * headless Chromium, and helpers that wait on `window.manyMasters` instead of sleeping.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const RESULTS = join(ROOT, 'test-results');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
};

export function serveDist(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(DIST, path));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export interface Snapshot {
  screen: string;
  overlay: string | null;
  language: string;
  scenarioId: string | null;
  state: {
    turn: number;
    meters: Record<string, number>;
    current: { card: string; followUpOf?: string } | null;
    history: { card: string; choice: number }[];
    end: { ending: string | null; reason: string } | null;
  } | null;
  phase: string | null;
  ready: boolean;
  sleeping: boolean;
  frame: number;
  shown: Record<string, unknown>;
  levels: { file: string; id: string | null; ok: boolean; error: string | null }[];
}

export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => (window as unknown as { manyMasters: Snapshot }).manyMasters);
}

/** Waits until the game reports a condition, polling `window.manyMasters` (a string of JS over `m`). */
export async function waitFor(page: Page, condition: string, timeout = 15_000): Promise<Snapshot> {
  try {
    await page.waitForFunction(`(() => { const m = window.manyMasters; return !!m && (${condition}); })()`, undefined, { timeout, polling: 50 });
  } catch (error) {
    const m = await snapshot(page).catch(() => null);
    const seen = m ? JSON.stringify({ screen: m.screen, overlay: m.overlay, phase: m.phase, ready: m.ready, shown: m.shown }).slice(0, 600) : 'no snapshot';
    throw new Error(`waiting for ${condition}: ${String(error)}\nthe game showed ${seen}`);
  }
  return snapshot(page);
}

/** Presses a key once the game accepts choices again (it ignores confirm keys right after a change). */
export async function press(page: Page, key: string): Promise<void> {
  await waitFor(page, 'm.ready');
  await page.keyboard.press(key);
}
