/**
 * The build double-clicked from a folder: `dist/index.html` opened as a file:// page (origin `null`,
 * where Chromium refuses module scripts, CORS stylesheets, fonts and XHR). The game starts with its
 * font, art and sounds, plays a card to the feedback, saves, and continues after a reload; a
 * scenario file can be opened and a report downloaded; the paper for the room prints.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveText } from '../../src/engine/text.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { en } from '../../src/locales/en.ts';
import { DIST, launch, press, RESULTS, ROOT, screenshot, snapshot, waitFor, watchErrors } from './harness.ts';
import { extras, fontLoaded, playOneCard } from './starting.ts';

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

  it('prints the card set for the room, portraits and all', async () => {
    const school = validateScenarioText(readFileSync(join(ROOT, 'levels/school.json'), 'utf8'));
    if (!school.ok) throw new Error('school.json does not validate');
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(indexUrl);
    await waitFor(page, "m.screen === 'title' && m.ready", 30_000);
    // The paper button is the last on the title screen: up from the first wraps to it.
    await press(page, 'ArrowUp');
    const opened = context.waitForEvent('page');
    await press(page, 'Enter');
    const popup = await opened;
    const popupErrors = watchErrors(popup);
    await popup.locator('button[data-paper="school:cards:en"]').click();
    await popup.waitForFunction(() => document.querySelector('.sheet') !== null && [...document.images].every((i) => i.complete), undefined, { timeout: 15_000 });
    // Every portrait drew (an image the page may not load is complete too, but has no size).
    const portraits = await popup.evaluate(() => [...document.images].map((i) => i.naturalWidth));
    expect(portraits.length).toBeGreaterThan(0);
    expect(portraits.filter((w) => w === 0)).toEqual([]);
    await screenshot(popup, 'file-paper-cards');
    const file = join(RESULTS, 'file-paper-school-cards-en.pdf');
    writeFileSync(file, await popup.pdf({ preferCSSPageSize: true, printBackground: true }));
    const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/[\s\u00ad-]+/g, '');
    for (const card of school.scenario.cards) expect(printed, `card ${card.id}`).toContain(resolveText(card.text, 'en').normalize('NFKC').replace(/[\s\u00ad-]+/g, ''));
    expect(popupErrors).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('says in Dutch and English what to do when scripts are off', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(indexUrl);
    const text = await page.locator('noscript .blocked, .blocked:visible').first().innerText();
    expect(text).toContain('JavaScript staat uit');
    expect(text).toContain('JavaScript is switched off');
    await screenshot(page, 'blocked-noscript');
    await context.close();
  }, 60_000);

  it('says what to do when the script never runs (index.html taken out of its folder)', async () => {
    const alone = mkdtempSync(join(tmpdir(), 'many-masters-alone-'));
    try {
      copyFileSync(join(DIST, 'index.html'), join(alone, 'index.html'));
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(pathToFileURL(join(alone, 'index.html')).href);
      const message = page.locator('#blocked');
      // Shown after a wait (the script may still be starting on a slow laptop), not at once.
      expect(await message.evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
      await page.waitForFunction("getComputedStyle(document.getElementById('blocked')).opacity === '1'", undefined, { timeout: 30_000, polling: 200 });
      const text = await message.innerText();
      expect(text).toContain('Het spel start niet in deze browser');
      expect(text).toContain('The game does not start in this browser');
      expect(text).toContain('Extract the whole zip first');
      await screenshot(page, 'blocked-no-script');
      await page.close();
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  }, 60_000);

  it('says so at once when the game fails while starting, and hides the message once it runs', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(indexUrl);
    await waitFor(page, "m.screen === 'title'", 30_000);
    expect(await page.locator('#blocked').count()).toBe(0);

    // A browser without any canvas: the game cannot draw and stops while starting.
    await context.addInitScript(() => {
      HTMLCanvasElement.prototype.getContext = () => {
        throw new Error('no canvas here');
      };
    });
    await page.reload();
    await page.waitForFunction("document.documentElement.dataset.boot === 'failed'", undefined, { timeout: 30_000, polling: 100 });
    // Well before the timed message would appear by itself.
    await page.waitForFunction("getComputedStyle(document.getElementById('blocked')).visibility === 'visible'", undefined, { timeout: 5_000, polling: 100 });
    expect(await page.locator('#blocked').innerText()).toContain('The game does not start in this browser');
    await context.close();
  }, 60_000);
});
