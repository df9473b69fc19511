/**
 * Open questions in Chromium: the built game and the room from `npm run serve`'s server, a projector
 * (1920×1080, then 1024×768) and five phones (390×844, touch). The trainer asks the opening question;
 * four phones answer (one with `<script>`), the fifth tries 10,000 characters, which its page refuses
 * and the server refuses too when sent anyway. The projector lists the allowed answers and draws the
 * word cloud as canvas text; the trainer hides one, which leaves the cloud. The phone page passes
 * axe-core on the question. At the debrief the results download as CSV files that hold the answers,
 * the hidden one marked. Screenshots of the word cloud in Dutch at both sizes.
 */
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeSocket } from 'ws';
import { serveBuilt, type AttachedRoom } from '../../server/server.ts';
import { DIST, press, screenshot, snapshot, startWithPhones, useBrowser, waitFor, watchErrors, phoneAudit } from './harness.ts';

const env = useBrowser();
let served: { server: Server; room: AttachedRoom; url: string } | null = null;

beforeAll(async () => {
  const { server, room, url } = await serveBuilt({ root: DIST, port: 0, host: '127.0.0.1' });
  served = { server, room, url };
}, 60_000);
afterAll(async () => {
  if (!served) return;
  served.room.close();
  served.server.closeAllConnections();
  await new Promise((done) => served!.server.close(done));
});

async function openPhone(url: string, code: string, locale: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${url}p#${code}`);
  await page.waitForSelector('body[data-view="wait"], body[data-view="card"]');
  return { context, page, errors };
}

async function answer(phone: Page, text: string): Promise<void> {
  await phone.locator('#answer').fill(text);
  await phone.locator('[data-key="send"]').tap();
  await phone.waitForSelector(`.answers li:has-text(${JSON.stringify(text.slice(0, 20))})`);
}

async function menuItem(projector: Page, label: string): Promise<void> {
  await press(projector, 'Escape');
  const m = await waitFor(projector, "m.overlay === 'menu'");
  const at = (m.overlayShown as { buttons: string[] }).buttons.indexOf(label);
  expect(at, label).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < at; i++) await press(projector, 'ArrowDown');
  await waitFor(projector, `m.overlayShown.focus === ${at}`);
  await press(projector, 'Enter');
}

/** Esc → "To the debrief", which asks first: "yes" is the second answer. */
async function toDebrief(projector: Page, label: string): Promise<void> {
  await menuItem(projector, label);
  await waitFor(projector, "m.overlay === 'menu' && m.overlayShown.question !== null && m.ready");
  await press(projector, '2');
}

/** The files one action downloads, by name, read as text. */
async function downloads(page: Page, count: number, action: () => Promise<void>): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const reads: Promise<void>[] = [];
  let seen: () => void = () => undefined;
  const all = new Promise<void>((done) => (seen = done));
  // A listener, not waitForEvent in a loop: the files of one action arrive together.
  const listener = (download: Download) => {
    reads.push((async () => {
      files[download.suggestedFilename()] = await readFile(await download.path(), 'utf8');
    })());
    if (reads.length === count) seen();
  };
  page.on('download', listener);
  await action();
  await all;
  await Promise.all(reads);
  page.off('download', listener);
  return files;
}

interface Shown { mode: string; answers: { id: string; text: string | null; hidden: boolean }[]; cloud: { word: string; count: number; size: number; x: number; y: number; width: number; height: number }[]; stage: { width: number; height: number } }

describe('open questions', () => {
  it('five phones answer; the projector shows the allowed answers as text, hides one, and the CSV holds them', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', acceptDownloads: true });
    const projector = await context.newPage();
    const errors = watchErrors(projector);
    await projector.goto(served!.url);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    const title = await snapshot(projector);
    const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example');
    for (let i = 0; i < index; i++) await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'mode'");
    await press(projector, '2');
    const joined = await startWithPhones(projector);
    const code = joined.shown.code as string;
    const phones = await Promise.all(['nl-NL', 'nl-NL', 'en-GB', 'nl-NL', 'nl-NL'].map((locale) => openPhone(served!.url, code, locale)));
    await waitFor(projector, 'm.shown.joined === 5');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding'");

    // Q: the question screen; the first question on offer is the opening one.
    await press(projector, 'q');
    let m = await waitFor(projector, "m.screen === 'question' && m.shown.mode === 'pick'");
    expect(m.shown.questions).toContainEqual({ nl: 'Wie is jouw klant?', en: 'Who is your customer?' });
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'question' && m.shown.mode === 'answers'");
    for (const { page } of phones) await page.waitForSelector('body[data-view="question"]');
    expect(await phones[0]!.page.locator('h1').innerText()).toBe('Wie is jouw klant?');
    expect(await phones[2]!.page.locator('h1').innerText()).toBe('Who is your customer?');
    expect(await phoneAudit(phones[0]!.page, 'nl')).toEqual([]);

    const allowed = ['De burger', 'de leerling en de ouders', 'The citizen, not a customer', '<script>alert(1)</script>'];
    await answer(phones[0]!.page, allowed[0]!);
    await answer(phones[1]!.page, allowed[1]!);
    await answer(phones[2]!.page, allowed[2]!);
    await answer(phones[3]!.page, allowed[3]!);
    // The fifth phone: 10,000 characters pasted in. The page says it is too long and sends nothing.
    const huge = 'klant '.repeat(2000).slice(0, 10_000);
    const fifth = phones[4]!.page;
    await fifth.locator('#answer').evaluate((box, text) => {
      (box as HTMLTextAreaElement).value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, huge);
    await fifth.locator('[data-key="send"]').tap();
    await fifth.waitForSelector('.error[role="alert"]');
    expect(await fifth.locator('.error').innerText()).toContain('200');
    expect(await phoneAudit(fifth, 'nl')).toEqual([]);
    // Sent anyway, as a script on the Wi-Fi would: the server refuses it before the projector sees it.
    const refused = await new Promise<string[]>((done, fail) => {
      const socket = new NodeSocket(`${served!.url.replace(/^http/, 'ws')}room`);
      const codes: string[] = [];
      socket.on('error', fail);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'join', code })));
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { type: string; code?: string; view?: { kind: string; question?: string } };
        if (message.type === 'view' && message.view?.kind === 'question') {
          socket.send(JSON.stringify({ type: 'answer', question: message.view.question, text: huge }));
          socket.send(JSON.stringify({ type: 'answer', question: message.view.question, text: `x${'\u202e'}y` }));
        }
        if (message.type === 'error') codes.push(message.code!);
        if (codes.length === 2) {
          socket.close();
          done(codes);
        }
      });
    });
    expect(refused).toEqual(['too-big', 'bad-answer']);

    m = await waitFor(projector, "m.screen === 'question' && m.shown.answers.length === 4");
    let shown = m.shown as unknown as Shown;
    expect(shown.answers.map((a) => a.text).sort()).toEqual([...allowed].sort());
    // Drawn on the canvas as text: no element was made from what a phone sent.
    expect(await projector.evaluate(() => [...document.querySelectorAll('script')].some((e) => e.textContent?.includes('alert(1)')))).toBe(false);
    // The accessible layer reads it out as the text it is.
    expect(await projector.evaluate(() => document.body.innerHTML.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))).toBe(true);
    expect(shown.cloud.map((w) => w.word)).toEqual(expect.arrayContaining(['burger', 'leerling', 'ouders', 'citizen', 'customer', 'script', 'alert']));
    expect(shown.cloud.map((w) => w.word)).not.toContain('de');
    for (const w of shown.cloud) expect(w.size).toBeGreaterThanOrEqual(28);

    // The trainer hides the newest answer (the list is newest first): it leaves the list's text and the cloud.
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.shown.answers.filter((a) => a.hidden).length === 1");
    shown = m.shown as unknown as Shown;
    const hidden = shown.answers.find((a) => a.hidden)!;
    expect(hidden.text).toBeNull();
    expect(shown.cloud.map((w) => w.word)).not.toContain('script');
    expect(shown.answers.filter((a) => !a.hidden).map((a) => a.text).sort()).toEqual(allowed.filter((a) => a !== '<script>alert(1)</script>').sort());

    // In Dutch, at 1920×1080 and at 1024×768: the word cloud, every word inside the stage and none overlapping.
    await press(projector, 'l');
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      await projector.setViewportSize(viewport);
      m = await waitFor(projector, `m.screen === 'question' && m.language === 'nl' && m.shown.stage.width === ${viewport.width === 1920 ? 1920 : 1440}`);
      shown = m.shown as unknown as Shown;
      expect(m.shown.answers).toHaveLength(4);
      for (const [i, a] of shown.cloud.entries()) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.x + a.width).toBeLessThanOrEqual(shown.stage.width);
        for (const b of shown.cloud.slice(i + 1)) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
      }
      await screenshot(projector, 'answers-cloud-nl');
    }
    await projector.setViewportSize({ width: 1920, height: 1080 });

    // Q: back to the card; the phones follow.
    await press(projector, 'q');
    await waitFor(projector, "m.screen === 'workshop'");
    for (const { page } of phones) await page.waitForSelector('body[data-view="card"]');

    // The debrief: the results for a spreadsheet, two files; the answers file holds the four answers.
    await toDebrief(projector, 'Naar de nabespreking');
    await waitFor(projector, "m.screen === 'debrief' && m.overlay === null");
    const files = await downloads(projector, 2, () => menuItem(projector, 'Resultaten voor een spreadsheet (CSV)'));
    const answersFile = Object.entries(files).find(([name]) => name.endsWith('-answers.csv'))!;
    expect(answersFile[1].startsWith('\uFEFF')).toBe(true);
    const rows = parse(answersFile[1], { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Vraag', 'Soort', 'Antwoord', 'Verborgen', 'Tijd']);
    expect(rows.slice(1).map((r) => [r[2], r[3]]).sort()).toEqual(allowed.map((a) => [a, a === '<script>alert(1)</script>' ? 'ja' : 'nee']).sort());
    expect(rows.flat().some((cell) => cell.length > 200)).toBe(false);
    expect(Object.keys(files).some((name) => name.endsWith('-results.csv'))).toBe(true);
    // The same as JSON, and the session report (D) with the answers as text, the hidden one marked.
    const json = projector.waitForEvent('download');
    await menuItem(projector, 'Resultaten als gegevens (JSON)');
    const results = JSON.parse(await readFile(await (await json).path(), 'utf8')) as { questions: { answers: { text: string; hidden: boolean }[] }[] };
    expect(results.questions[0]!.answers.map((a) => [a.text, a.hidden]).sort()).toEqual(allowed.map((a) => [a, a === '<script>alert(1)</script>']).sort());
    const report = projector.waitForEvent('download');
    await press(projector, 'd');
    const html = await readFile(await (await report).path(), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <span class="note">(verborgen op het scherm)</span>');
    expect(html).not.toContain('<script>alert(1)');
    // The debrief's menu with its new items still fits a 1024×768 projector.
    await projector.setViewportSize({ width: 1024, height: 768 });
    await press(projector, 'Escape');
    await waitFor(projector, "m.overlay === 'menu' && m.ready");
    const menuTexts = await projector.evaluate(() => (window as unknown as { manyMastersTexts: { stage: { width: number; height: number }; texts: { scene: string; text: string; left: number; right: number; top: number; bottom: number }[] } }).manyMastersTexts);
    expect(menuTexts.texts.filter((t) => t.scene === 'overlay' && (t.left < 0 || t.right > menuTexts.stage.width || t.top < 0 || t.bottom > menuTexts.stage.height)).map((t) => t.text)).toEqual([]);
    await screenshot(projector, 'answers-debrief-menu-nl');
    await press(projector, 'Escape');

    expect(errors).toEqual([]);
    for (const phone of phones) expect(phone.errors).toEqual([]);
    for (const phone of phones) await phone.context.close();
    await context.close();
  }, 240_000);

  it('before and after on five phones: the projector\'s two distributions equal what the phones sent', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', acceptDownloads: true });
    const projector = await context.newPage();
    const errors = watchErrors(projector);
    await projector.goto(served!.url);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    const title = await snapshot(projector);
    const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example') + (title.shown.canContinueWorkshop ? 1 : 0);
    for (let i = 0; i < index; i++) await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    const mode = await waitFor(projector, "m.screen === 'mode'");
    await press(projector, mode.shown.canContinue ? '3' : '2');
    const joined = await startWithPhones(projector);
    const code = joined.shown.code as string;
    const phones = await Promise.all(['nl-NL', 'nl-NL', 'en-GB', 'nl-NL', 'nl-NL'].map((locale) => openPhone(served!.url, code, locale)));
    await waitFor(projector, 'm.shown.joined === 5');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding'");

    // Each phone's ratings of the example's three statements, before and after.
    const before = [[1, 2, 5], [2, 2, 4], [1, 3, 5], [4, 1, 5], [2, 2, 3]];
    const after = [[4, 4, 5], [5, 3, 4], [3, 4, 5], [4, 5, 5], [5, 4, 4]];
    const distribution = (ratings: number[][]) => [0, 1, 2].map((s) => [1, 2, 3, 4, 5].map((v) => ratings.filter((r) => r[s] === v).length));
    const rateAll = async (ratings: number[][]) => {
      for (const [p, { page }] of phones.entries()) {
        await page.waitForSelector('body[data-view="rate"]');
        for (const [s, value] of ratings[p]!.entries()) {
          await page.locator(`[data-key="rate-${s}-${value}"]`).tap();
          await page.waitForSelector(`[data-key="rate-${s}-${value}"][aria-pressed="true"]`);
        }
      }
    };

    await press(projector, 'r');
    await waitFor(projector, "m.screen === 'rating' && m.shown.moment === 'before'");
    await phones[0]!.page.waitForSelector('body[data-view="rate"]');
    expect(await phoneAudit(phones[0]!.page, 'nl')).toEqual([]);
    await rateAll(before);
    let m = await waitFor(projector, `JSON.stringify(m.shown.statements.map((s) => s.before)) === ${JSON.stringify(JSON.stringify(distribution(before)))}`);
    expect(await phoneAudit(phones[2]!.page, 'en')).toEqual([]);
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'workshop'");
    for (const { page } of phones) await page.waitForSelector('body[data-view="card"]');

    await toDebrief(projector, 'To the debrief');
    await waitFor(projector, "m.screen === 'debrief' && m.overlay === null");
    await press(projector, 'r');
    await waitFor(projector, "m.screen === 'rating' && m.shown.moment === 'after'");
    await rateAll(after);
    m = await waitFor(projector, `JSON.stringify(m.shown.statements.map((s) => s.after)) === ${JSON.stringify(JSON.stringify(distribution(after)))}`);
    expect((m.shown.statements as { before: number[] }[]).map((s) => s.before)).toEqual(distribution(before));
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'debrief'");
    // The ratings file: a row per statement and moment, the same figures.
    const files = await downloads(projector, 2, () => menuItem(projector, 'Results for a spreadsheet (CSV)'));
    const ratingsFile = Object.entries(files).find(([name]) => name.endsWith('-ratings.csv'))![1];
    const rows = parse(ratingsFile, { bom: true, delimiter: ';' }) as string[][];
    const expected = [0, 1, 2].flatMap((s) => [distribution(before)[s]!, distribution(after)[s]!]);
    expect(rows.slice(1).map((r) => r.slice(2, 7).map(Number))).toEqual(expected);
    await press(projector, 'r');
    await waitFor(projector, "m.screen === 'rating' && m.shown.moment === 'after'");

    // The slide in Dutch at 1920×1080 and 1024×768: every text at room size.
    await press(projector, 'l');
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      await projector.setViewportSize(viewport);
      m = await waitFor(projector, `m.screen === 'rating' && m.language === 'nl' && m.shown.stage.width === ${viewport.width === 1920 ? 1920 : 1440}`);
      await screenshot(projector, 'answers-before-after-nl');
      // Every text of the slide at room size (28 px at 1080p) and inside the stage.
      const drawn = await projector.evaluate(() => (window as unknown as { manyMastersTexts: { stage: { width: number; height: number }; texts: { scene: string; text: string; size: number; left: number; right: number; top: number; bottom: number }[] } }).manyMastersTexts);
      const texts = drawn.texts.filter((t) => t.scene === 'rating' && t.text.trim() !== '');
      expect(texts.filter((t) => t.size < 28).map((t) => `${t.text} ${t.size}`)).toEqual([]);
      expect(texts.filter((t) => t.left < 0 || t.right > drawn.stage.width || t.top < 0 || t.bottom > drawn.stage.height).map((t) => t.text)).toEqual([]);
    }
    expect(errors).toEqual([]);
    for (const phone of phones) expect(phone.errors).toEqual([]);
    for (const phone of phones) await phone.context.close();
    await context.close();
  }, 240_000);
});
