/**
 * Shared set-up for the browser tests: a static server for the production build in `dist/`, one
 * headless Chromium, and helpers that wait on `window.manyMasters` instead of sleeping.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { serveDirectory } from '../../scripts/lib/static-server.ts';
import type { DrawnText } from '../../src/platform/inspector.ts';

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
  // Pages without the game (the phone page, a report, a page with scripts off) have nothing that moves.
  if (await page.evaluate(() => 'manyMasters' in window)) {
    // A function, not a string: pages under a strict Content-Security-Policy refuse evaluated strings.
    await page.waitForFunction(() => !(window as unknown as { manyMasters: { moving: boolean } }).manyMasters.moving, undefined, { timeout: 15_000, polling: 50 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  if (process.env.MM_SCREENSHOTS === 'off') return;
  await page.screenshot({ path: join(RESULTS, `${name}-${width}x${height}.png`) });
}


/**
 * The contrast of each text against what is drawn around it, measured on the screen's pixels: the most
 * common colour inside the text's box, other than the text's own, against the text's colour (WCAG's formula).
 */
export async function contrastRatios(page: Page, measured: readonly Pick<DrawnText, 'text' | 'colour' | 'onCanvas'>[]): Promise<{ text: string; ratio: number; fg: string; bg: string }[]> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async ({ png, measured }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const rect = document.querySelector('#game canvas')!.getBoundingClientRect();
    const px = image.width / window.innerWidth;
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return measured.map((t) => {
      const fg = [1, 3, 5].map((i) => parseInt(t.colour.slice(i, i + 2), 16));
      const counts = new Map<string, { n: number; rgb: number[] }>();
      const x0 = Math.round((rect.left + t.onCanvas.left * rect.width) * px);
      const y0 = Math.round((rect.top + t.onCanvas.top * rect.height) * px);
      const x1 = Math.round((rect.left + t.onCanvas.right * rect.width) * px);
      const y1 = Math.round((rect.top + t.onCanvas.bottom * rect.height) * px);
      // Inside the text's box most pixels are its background; the glyphs' own pixels are left out.
      const step = Math.max(1, Math.floor(Math.min(x1 - x0, y1 - y0) / 24));
      for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y += step) {
        for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x += step) {
          const i = (y * image.width + x) * 4;
          const rgb = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
          if (rgb.every((v, k) => Math.abs(v - fg[k]!) < 24)) continue;
          const key = rgb.map((v) => v >> 3).join(',');
          const entry = counts.get(key) ?? { n: 0, rgb };
          entry.n++;
          counts.set(key, entry);
        }
      }
      const bg = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.rgb ?? [255, 255, 255];
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      return { text: t.text, ratio: (hi! + 0.05) / (lo! + 0.05), fg: t.colour, bg: `rgb(${bg.join(',')})` };
    });
  }, { png, measured });
}

/** The texts below WCAG AA's 4.5:1, each with its colours and ratio, for a test's message. */
export function faintTexts(ratios: { text: string; ratio: number; fg: string; bg: string }[]): string[] {
  return ratios.filter((r) => r.ratio < 4.5).map((r) => `"${r.text.slice(0, 40)}" ${r.fg} on ${r.bg}: ${r.ratio.toFixed(2)}:1`);
}

/**
 * On the workshop set-up: Phones on, then Start the workshop, by keys as a trainer would; resolves
 * on the join screen once the room is open and has its code.
 */
export async function startWithPhones(projector: Page, options: { mode?: string; teams?: number; phonesLabel?: [string, string]; startLabel?: string; beforeStart?: () => Promise<void> } = {}): Promise<Snapshot> {
  const [off, on] = options.phonesLabel ?? ['Phones: off', 'Phones: on'];
  let m = await waitFor(projector, "m.screen === 'setup' && m.shown.phones !== 'asking'");
  const focusAt = async (target: number) => {
    while (m.shown.focus !== target) {
      await press(projector, (m.shown.focus as number) > target ? 'ArrowUp' : 'ArrowDown');
      m = await waitFor(projector, "m.screen === 'setup'");
    }
  };
  const focusOn = async (label: string) => {
    const target = (m.shown.buttons as string[]).indexOf(label);
    expect(target).toBeGreaterThanOrEqual(0);
    await focusAt(target);
  };
  await focusOn(off);
  await press(projector, 'Enter');
  // The switch is drawn again with its new label once the set-up has settled.
  m = await waitFor(projector, `m.screen === 'setup' && m.ready && m.shown.phones === true && m.shown.buttons.includes(${JSON.stringify(on)})`);
  // The number of teams is the first option, the form the second; with phones on, teams at the same time is the default form.
  const settings = () => m.shown.settings as { teams: string[]; mode: string };
  if (options.teams !== undefined) {
    await focusAt(0);
    while (settings().teams.length !== options.teams) {
      const before = settings().teams.length;
      await press(projector, before < options.teams ? 'ArrowRight' : 'ArrowLeft');
      m = await waitFor(projector, `m.screen === 'setup' && m.ready && m.shown.settings.teams.length !== ${before}`);
    }
  }
  const mode = options.mode ?? 'turns';
  if (settings().mode !== mode) await focusAt(1);
  while (settings().mode !== mode) {
    const before = settings().mode;
    await press(projector, 'ArrowRight');
    m = await waitFor(projector, `m.screen === 'setup' && m.ready && m.shown.settings.mode !== ${JSON.stringify(before)}`);
  }
  await options.beforeStart?.();
  await focusOn(options.startLabel ?? 'Start the workshop');
  await press(projector, 'Enter');
  return waitFor(projector, "m.screen === 'join' && m.shown.status === 'open' && !!m.shown.code");
}

/** A port nothing listens on now, on loopback, for a server a test starts by itself. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * What a participant's phone would fail on: axe-core's serious and critical findings (WCAG 2.1 A/AA
 * and best practice), controls smaller than 44×44 CSS px, and a page language other than the one shown.
 */
export async function phoneAudit(phone: Page, language: 'nl' | 'en'): Promise<string[]> {
  if (!(await phone.evaluate(() => 'axe' in window))) await phone.addScriptTag({ path: AXE });
  return phone.evaluate(async (language) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    const found = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
    for (const control of document.querySelectorAll<HTMLElement>('button, input, textarea, a[href]')) {
      const box = control.getBoundingClientRect();
      if (control.checkVisibility() && (box.width < 44 || box.height < 44)) found.push(`target ${control.dataset.key ?? control.id}: ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    if (document.documentElement.lang !== language) found.push(`lang ${document.documentElement.lang}`);
    return found;
  }, language);
}
