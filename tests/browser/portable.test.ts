/**
 * The build double-clicked from a folder: `dist/index.html` opened as a file:// page (origin `null`,
 * where Chromium refuses module scripts, CORS stylesheets, fonts and XHR). The game starts with its
 * font, art and sounds, plays a card to the feedback, saves, and continues after a reload; a
 * scenario file can be opened and a report downloaded.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/locales/en.ts';
import { DIST, launch, press, screenshot, snapshot, waitFor, watchErrors, type Snapshot } from './harness.ts';

export interface Extras {
  artWaiting: number;
  artFailed: number;
  sounds: { loaded: number; failed: number };
}

export function extras(page: Page): Promise<Extras> {
  return page.evaluate(() => (window as unknown as { manyMasters: Extras }).manyMasters);
}

/** The game's font is in use (both weights), not a fallback face. */
export function fontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Atkinson Hyperlegible Next' && f.status === 'loaded');
    return faces.some((f) => f.weight === '400') && faces.some((f) => f.weight === '700');
  });
}

/** From the title screen with no save: the first scenario, Alone, one card to its feedback and on; the state before the next card. */
export async function playOneCard(page: Page): Promise<Snapshot> {
  await waitFor(page, "m.screen === 'title'", 30_000);
  await press(page, '1');
  await waitFor(page, "m.screen === 'mode' && !m.shown.canContinue");
  await press(page, '1');
  await waitFor(page, "m.ready && m.screen === 'play' && m.phase === 'choosing'");
  await press(page, '1');
  await waitFor(page, "m.phase === 'feedback' && m.ready");
  await press(page, 'Enter');
  return waitFor(page, "m.ready && m.screen === 'play' && m.phase === 'choosing' && m.state.history.length === 1");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const indexUrl = pathToFileURL(join(DIST, 'index.html')).href;

describe('the build opened from the file system', () => {
  it('starts with font, art and sounds, plays a card, saves and continues after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(indexUrl);
    expect(page.url()).toMatch(/^file:\/\//);
    await waitFor(page, "m.screen === 'title'", 30_000);
    expect(await fontLoaded(page)).toBe(true);
    await screenshot(page, 'file-title');

    const before = await playOneCard(page);
    await waitFor(page, 'm.artWaiting === 0');
    const seen = await extras(page);
    expect(seen.artFailed).toBe(0);
    // The first key unlocked the sounds; they decode from the page itself, with no request.
    await page.waitForFunction('window.manyMasters.sounds.loaded + window.manyMasters.sounds.failed >= 4', undefined, { timeout: 15_000, polling: 50 });
    expect((await extras(page)).sounds).toEqual({ loaded: 4, failed: 0 });
    await screenshot(page, 'file-play');

    await page.reload();
    await waitFor(page, "m.screen === 'title'", 30_000);
    await press(page, '1');
    const mode = await waitFor(page, "m.screen === 'mode'");
    expect(mode.shown.canContinue).toBe(true);
    expect((mode.shown.buttons as string[])[0]).toBe(en.modeContinue);
    await press(page, '1');
    const resumed = await waitFor(page, "m.ready && m.screen === 'play' && m.phase === 'choosing'");
    expect(resumed.state).toEqual(before.state);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('opens a scenario file and starts the workshop set-up', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(indexUrl);
    await waitFor(page, "m.screen === 'title'", 30_000);
    const mine = JSON.stringify({
      format: 1,
      id: 'from-a-stick',
      title: 'Van de stick',
      meters: [{ id: 'a', label: 'A', start: 50 }, { id: 'b', label: 'B', start: 50 }],
      stakeholders: [{ id: 's', name: 'S' }],
      cards: [{ id: 'c', from: 's', text: 'Kaart', choices: [{ label: 'Ja', effects: { a: 5 } }, { label: 'Nee', effects: { b: 5 } }] }],
    });
    await page.setInputFiles('#scenario-file', { name: 'stick.json', mimeType: 'application/json', buffer: Buffer.from(mine) });
    const m = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
    expect(m.scenarioId).toBe('from-a-stick');

    await page.reload();
    await waitFor(page, "m.screen === 'title'", 30_000);
    await press(page, '1');
    await waitFor(page, "m.screen === 'mode'");
    await press(page, '2');
    const setup = await waitFor(page, "m.screen === 'setup'");
    expect(setup.screen).toBe('setup');
    expect(errors).toEqual([]);
    expect((await snapshot(page)).language).toBe('nl');
    await context.close();
  }, 120_000);
});
