/**
 * The build in Firefox: Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core (Playwright
 * cannot drive a stock Firefox). Opened from file://, it starts with its font and art, plays a card to
 * the feedback, and continues after a reload. The scenario editor, served and from file://: it opens
 * (its own script loaded only then), a typed title shows in its heading, the checks and the balance
 * verdicts come, the preview redraws as the card's text changes, and the download is the edited file.
 * Skipped, saying so, where firefox-esr is not installed (`apt-get install firefox-esr`, or set FIREFOX_PATH).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory } from '../../scripts/lib/static-server.ts';
import { en } from '../../src/locales/en.ts';
import { DIST, RESULTS } from './harness.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const present = existsSync(FIREFOX);
if (!present) console.warn(`Firefox test skipped: no Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)`);

interface Seen {
  screen: string;
  phase: string | null;
  ready: boolean;
  canContinue: boolean | null;
  turn: number | null;
  history: number | null;
  artFailed: number;
  fonts: number;
}

/** What the game's inspector (window.manyMasters) shows, in the few fields these tests read. */
function seen(page: Page): Promise<Seen | null> {
  return page.evaluate(() => {
    const m = (window as unknown as { manyMasters?: { screen: string; phase: string | null; ready: boolean; shown: { canContinue?: boolean }; state?: { turn: number; history: unknown[] } | null; artFailed: number } }).manyMasters;
    return m ? { screen: m.screen, phase: m.phase, ready: m.ready, canContinue: m.shown.canContinue ?? null, turn: m.state?.turn ?? null, history: m.state?.history.length ?? null, artFailed: m.artFailed, fonts: [...document.fonts].filter((f) => f.status === 'loaded').length } : null;
  });
}

/** Polls until `holds` is true of what the page shows (no sleeps: each poll is a round trip to Firefox). */
async function until<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string, timeout = 60_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > end) throw new Error(`waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const game = (page: Page, holds: (s: Seen) => boolean, what: string, timeout?: number) => until(() => seen(page), (s) => !!s && holds(s), what, timeout) as Promise<Seen>;

async function key(page: Page, name: Parameters<Page['keyboard']['press']>[0]): Promise<void> {
  await game(page, (s) => s.ready, 'ready');
  await page.keyboard.press(name);
}

/** Activates the button with this text (the game's accessible layer, or the editor's own), as a click or Enter on it does. */
async function press(page: Page, name: string): Promise<void> {
  await game(page, (s) => s.ready, 'ready');
  await until(() => page.evaluate((n) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === n), name), Boolean, `a button "${name}"`);
  await page.evaluate((n) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n)!.click(), name);
}

/** Types into the editor's field for one language inside the fieldset with this legend. */
async function typeInto(page: Page, legend: string, language: string, typed: string): Promise<void> {
  await page.evaluate((l, lang) => {
    const set = [...document.querySelectorAll('.mme fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === l)!;
    const label = [...set.querySelectorAll('label')].find((x) => x.textContent?.trim() === lang)!;
    const field = document.getElementById(label.htmlFor) as HTMLInputElement | HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, legend, language);
  await page.keyboard.type(typed);
}

const text = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** A digest of the projector preview's pixels, and how much of it is opaque card. */
function previewPixels(page: Page): Promise<{ opaque: number; sum: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.mme-preview-projector canvas');
    if (!canvas) return { opaque: 0, sum: 0 };
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let opaque = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 255) opaque++;
      sum = (sum * 31 + data[i]! + data[i + 1]! * 7 + data[i + 2]! * 13) % 1_000_000_007;
    }
    return { opaque: opaque / (canvas.width * canvas.height), sum };
  });
}

let browser: Browser;
const downloads = mkdtempSync(join(tmpdir(), 'mm-firefox-downloads-'));
let served: { server: Server; url: string };

beforeAll(async () => {
  if (!present) return;
  served = await serveDirectory(DIST);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'intl.accept_languages': 'en-GB',
      // Downloads go to a folder of this test's, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
    },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  served?.server.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  return page;
}

describe.skipIf(!present)('the build in Firefox', () => {
  it('from the file system: starts with its font, plays a card to its feedback, and continues after a reload', async () => {
    const page = await newPage();
    await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
    const title = await game(page, (s) => s.screen === 'title', 'title');
    expect(title.fonts).toBeGreaterThanOrEqual(2);
    await key(page, '1');
    await game(page, (s) => s.screen === 'mode', 'mode');
    await key(page, '1');
    await game(page, (s) => s.screen === 'play' && s.phase === 'choosing', 'play');
    await key(page, '1');
    await game(page, (s) => s.phase === 'feedback', 'feedback');
    await key(page, 'Enter');
    const before = await game(page, (s) => s.phase === 'choosing' && s.history === 1, 'next card');
    await page.reload();
    await game(page, (s) => s.screen === 'title', 'title again');
    await key(page, '1');
    const mode = await game(page, (s) => s.screen === 'mode', 'mode');
    expect(mode.canContinue).toBe(true);
    await key(page, '1');
    const continued = await game(page, (s) => s.screen === 'play' && s.phase === 'choosing', 'continue');
    expect([continued.turn, continued.history]).toEqual([before.turn, before.history]);
    expect(continued.artFailed).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'firefox-file-play.png') });
    await page.browserContext().close();
  }, 240_000);

  for (const where of ['served', 'file'] as const) {
    it(`opens the scenario editor ${where === 'served' ? 'served' : 'from the file system'}: a title typed, the checks, the preview redrawn, the download`, async () => {
      const page = await newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(where === 'served' ? served.url : pathToFileURL(join(DIST, 'index.html')).href);
      await game(page, (s) => s.screen === 'title' && s.ready, 'title');
      const editorScripts = () => page.evaluate(() => [...document.scripts].filter((s) => /\/assets\/editor-[^/]*\.js$/.test(s.src)).length);
      expect(await editorScripts()).toBe(0);
      await press(page, en.authorButton);
      await game(page, (s) => s.screen === 'author' && s.ready, 'the scenario-writing screen');
      await press(page, en.authorNew);
      await until(() => text(page, '.mme h1'), (h) => h.length > 0, 'the editor');
      expect(await editorScripts()).toBe(1);

      await typeInto(page, en.edTitle, en.edEnglish, ' in Firefox');
      await until(() => text(page, '.mme h1'), (h) => h.includes(' in Firefox'), 'the typed title in the heading');
      // The validator's verdict and the balance check's, from their worker.
      await until(() => text(page, '.mme-checks [role=status]'), (s) => s !== en.edChecking && s !== '' && !s.includes(en.edCheckingAgain), 'the checks', 60_000);
      await until(() => page.evaluate(() => document.querySelectorAll('.mme-verdicts li').length), (n) => n > 0, 'the balance verdicts', 90_000);

      // The preview draws the card, and draws it again when its text changes.
      await press(page, en.edViewCards);
      const drawn = await until(() => previewPixels(page), (p) => p.opaque > 0.8, 'the preview drawn');
      await typeInto(page, en.edCardText, en.edEnglish, ' Firefox!');
      await until(() => previewPixels(page), (p) => p.opaque > 0.8 && p.sum !== drawn.sum, 'the preview redrawn');
      await page.screenshot({ path: join(RESULTS, `firefox-editor-${where}.png`) });

      // The download is the edited file.
      const before = new Set(readdirSync(downloads));
      await press(page, en.edDownload);
      // Read once Firefox has written all of it (the file is there, empty, a moment before).
      const parsed = () => {
        const found = readdirSync(downloads).filter((n) => !before.has(n) && n.endsWith('.json'));
        try {
          return found.length === 1 ? (JSON.parse(readFileSync(join(downloads, found[0]!), 'utf8')) as { $schema: string; title: { en: string } }) : null;
        } catch {
          return null;
        }
      };
      const saved = (await until(() => Promise.resolve(parsed()), (file) => file !== null, 'the downloaded file', 30_000))!;
      expect(saved.$schema).toBe('./scenario.schema.json');
      expect(saved.title.en).toContain(' in Firefox');
      await until(() => text(page, '.mme-state'), (s) => s.startsWith(en.edSaved.slice(0, en.edSaved.indexOf('{'))), 'the state saying saved');
      expect(errors).toEqual([]);
      await page.browserContext().close();
    }, 240_000);
  }
});
