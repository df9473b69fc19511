/**
 * Shared set-up for the browser tests: a static server for the production build in `dist/`, one
 * headless Chromium, and helpers that wait on `window.manyMasters` instead of sleeping.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveDirectory } from '../../scripts/lib/static-server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const RESULTS = join(ROOT, 'test-results');

export function serveDist(): Promise<{ server: Server; url: string }> {
  return serveDirectory(DIST);
}

/** One served build and one Chromium per test file, opened before its tests and closed after them. */
export function useBrowser(): { readonly url: string; readonly browser: Browser } {
  const env = {} as { url: string; browser: Browser; server: Server };
  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    ({ server: env.server, url: env.url } = await serveDist());
    env.browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
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
    current: { card: string; followUpOf?: string; order?: number[] } | null;
    history: { card: string; choice: number }[];
    end: { ending: string | null; reason: string } | null;
  } | null;
  phase: string | null;
  ready: boolean;
  renderer: 'webgl' | 'canvas';
  sleeping: boolean;
  moving: boolean;
  artWaiting: number;
  drawnAt: number | null;
  frame: number;
  shown: Record<string, unknown>;
  overlayShown: Record<string, unknown> | null;
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

/** A fresh browser context (downloads allowed) on the title screen, collecting its console errors. */
export async function openTitle(
  env: { readonly url: string; readonly browser: Browser },
  viewport: { width: number; height: number },
  locale: string,
  init?: () => void,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ viewport, locale, acceptDownloads: true });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(env.url);
  await waitFor(page, "m.screen === 'title'", 30_000);
  return { context, page, errors };
}

/**
 * A screenshot under test-results/, named with the viewport size, once no tween moves and the last
 * change is drawn. MM_SCREENSHOTS=off (CI, where nobody looks at them) skips the picture, not the wait.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  // Pages without the game (the phone page, a report) have nothing that moves.
  await page.waitForFunction('!window.manyMasters || !window.manyMasters.moving', undefined, { timeout: 15_000, polling: 50 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  if (process.env.MM_SCREENSHOTS === 'off') return;
  await page.screenshot({ path: join(RESULTS, `${name}-${width}x${height}.png`) });
}
