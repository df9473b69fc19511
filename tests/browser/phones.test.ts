/**
 * Phone votes in Chromium: the built game and the room from `npm run serve`'s server, one projector
 * page (1920×1080) and three phone pages (390×844, touch, each its own context, Dutch and English).
 * Three cards: phone votes counted with a hand count beside them, the split hidden until the reveal,
 * voting closed and opened again (V), a phone that reloads keeps its vote, a phone cannot act as the
 * projector, a projector reload with "Continue the workshop" keeps the room and its votes, and a
 * server restart while voting is closed loses no vote (a script claiming the room's code first on the
 * restarted server is refused); then the debrief's pages and the end on the phones. A projector whose
 * code another room has says so and does not move to a new room. axe-core, target sizes and the page language are checked on every state a phone shows.
 * Without the server (a static copy) the set-up says phones need it.
 */
import { createConnection, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeSocket } from 'ws';
import { serveBuilt } from '../../server/server.ts';
import type { AttachedRoom } from '../../server/server.ts';
import { DIST, openTitle, press, screenshot, snapshot, startWithPhones, useBrowser, waitFor, watchErrors, phoneAudit } from './harness.ts';

const env = useBrowser();
let served: { server: Server; room: AttachedRoom; url: string } | null = null;

async function startServer(port = 0): Promise<void> {
  const { server, room, url } = await serveBuilt({ root: DIST, port, host: '127.0.0.1' });
  served = { server, room, url };
}

async function stopServer(): Promise<void> {
  if (!served) return;
  const { server, room } = served;
  served = null;
  room.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
}

beforeAll(() => startServer(), 60_000);
afterAll(() => stopServer());

/** Title → the example scenario → Workshop → set-up; returns what the set-up says about phones. */
async function openSetup(page: Page): Promise<void> {
  const title = await snapshot(page);
  const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example') + (title.shown.canContinueWorkshop ? 1 : 0);
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
  await press(page, 'Enter');
  const mode = await waitFor(page, "m.screen === 'mode'");
  await press(page, mode.shown.canContinue ? '3' : '2');
  await waitFor(page, "m.screen === 'setup' && m.shown.phones !== 'asking'");
}

async function openPhone(url: string, code: string, locale: string, typed?: (page: Page) => Promise<void>): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
  const page = await context.newPage();
  const errors = watchErrors(page);
  if (typed) {
    // The way in without the QR code: the page's own form, with the code typed from the projector.
    await page.goto(`${url}p`);
    await page.waitForSelector('body[data-view="code"]');
    await typed(page);
    await page.locator('#code').fill(code.toLowerCase());
    await page.locator('[data-key="join"]').tap();
  } else await page.goto(`${url}p#${code}`);
  await page.waitForSelector('body[data-view="wait"]');
  return { context, page, errors };
}

/** From the reveal to the next card (through the scoreboard, as two teams take turns). */
async function nextCard(projector: Page): Promise<void> {
  await press(projector, 'Enter');
  const m = await waitFor(projector, "m.phase === 'deciding' || m.phase === 'scoreboard'");
  if (m.phase === 'scoreboard') await press(projector, 'Enter');
}

async function vote(phone: Page, choice: number): Promise<void> {
  const button = phone.locator(`[data-key="choice-${choice}"]`);
  await button.click();
  await phone.waitForSelector(`[data-key="choice-${choice}"][aria-pressed="true"]`);
}

async function phoneShows(phone: Page, view: string): Promise<string> {
  await phone.waitForSelector(`body[data-view="${view}"]`, { timeout: 20_000 });
  return (await phone.locator('main').innerText()).replace(/\s+/g, ' ');
}

describe('phone votes', () => {
  it('a projector whose room code another room has taken tells the trainer, and does not move to a new room', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const projector = await context.newPage();
    // The room server answers as one would whose code went to another room after a restart (which a
    // stranger cannot do without the projector's secret; scripted here to see what the trainer sees).
    const hosts: string[] = [];
    let first: { close(options?: { code?: number }): Promise<void> } | null = null;
    await projector.routeWebSocket(/\/room$/, (ws) => {
      ws.onMessage((raw) => {
        const message = JSON.parse(String(raw)) as { type: string; secret?: string };
        if (message.type !== 'host') return;
        hosts.push(message.secret ?? '');
        if (hosts.length === 1) {
          first = ws;
          ws.send(JSON.stringify({ type: 'hosted', code: 'K7MPQ', key: 'k'.repeat(22), secret: message.secret, phoneUrls: ['http://192.168.1.20:8080/p'] }));
          ws.send(JSON.stringify({ type: 'tally', round: null, joined: 0, voted: 0, recent: 0, counts: [], guesses: [] }));
        } else ws.send(JSON.stringify({ type: 'error', code: 'room-taken' }));
      });
    });
    await projector.goto(served!.url);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    await openSetup(projector);
    let m = await snapshot(projector);
    const focusOn = async (label: string) => {
      const target = (m.shown.buttons as string[]).indexOf(label);
      while (m.shown.focus !== target) {
        await press(projector, (m.shown.focus as number) > target ? 'ArrowUp' : 'ArrowDown');
        m = await waitFor(projector, "m.screen === 'setup'");
      }
    };
    await focusOn('Phones: off');
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'setup' && m.ready && m.shown.buttons.includes('Phones: on')");
    await focusOn('Start the workshop');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'join' && m.shown.code === 'K7MPQ'");
    // The server restarts; the projector asks for its room again, with the same secret, and is refused.
    await first!.close({ code: 1001 });
    m = await waitFor(projector, "m.screen === 'join' && m.shown.texts.some((t) => t.includes('another room'))", 30_000);
    expect(hosts.length).toBe(2);
    expect(hosts[1]).toBe(hosts[0]);
    expect(m.shown.texts).toContain('Phones: another room now has this workshop\'s code, so phones cannot rejoin. Count by hand, or start the workshop again.');
    await screenshot(projector, 'phones-room-lost-en');
    // On the cards, one short line says so; the accessible layer has the reason in full.
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'workshop'");
    expect(m.shown.phones).toMatchObject({ problem: 'lost' });
    expect(await projector.evaluate(() => document.body.textContent)).toContain('another room now has this workshop');
    await screenshot(projector, 'phones-room-lost-workshop-en');
    expect(hosts.length).toBe(2);
    await context.close();
  });

  it('without the room server the set-up says phones need it', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await openSetup(page);
    const m = await snapshot(page);
    expect(m.shown.phones).toBe('no-server');
    expect(m.shown.buttons).not.toContain('Phones: off');
    // The static copy answers the server check with its own file: no failed request, no console error.
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps asking for the room server and finds one that answers only later, without a reload', async () => {
    // No service worker, so that every ask for the server goes through the route below.
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', serviceWorkers: 'block' });
    const page = await context.newPage();
    let answering = false;
    let unanswered = 0;
    await page.route('**/room-server.json', (route) => {
      if (answering) return route.continue();
      unanswered += 1;
      return route.abort('timedout');
    });
    await page.goto(served!.url);
    await waitFor(page, "m.screen === 'title'", 30_000);
    await openSetup(page);
    let m = await snapshot(page);
    // A server that does not answer once is not yet "no server": only several asks in a row say so.
    expect(m.shown.phones).toBe('no-server');
    expect(unanswered).toBeGreaterThanOrEqual(3);
    answering = true;
    m = await waitFor(page, "m.screen === 'setup' && m.ready && m.shown.phones === false", 20_000);
    expect(m.shown.buttons).toContain('Phones: off');
    await screenshot(page, 'phones-setup-found-later');
    await context.close();
  });

  it('three phones vote on three cards, through a reload and a server restart', async () => {
    const url = served!.url;
    const port = (served!.server.address() as AddressInfo).port;
    const projectorContext = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const projector = await projectorContext.newPage();
    const projectorErrors = watchErrors(projector);
    await projector.goto(url);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    await openSetup(projector);
    let m = await snapshot(projector);
    expect(m.shown.phones).toBe(false);
    // Six settings with the phones switch: none cut short, none under the key hint, all on the stage,
    // in both languages and on a 4:3 projector.
    for (const [key, language, size] of [[null, 'en', { width: 1920, height: 1080 }], ['l', 'nl', { width: 1920, height: 1080 }], [null, 'nl', { width: 1024, height: 768 }], ['l', 'en', { width: 1920, height: 1080 }]] as const) {
      await projector.setViewportSize(size);
      if (key) await press(projector, key);
      m = await waitFor(projector, `m.screen === 'setup' && m.language === '${language}' && m.ready && !m.moving`);
      const drawn = await projector.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string; left: number; top: number; right: number; bottom: number; onCanvas: { right: number; bottom: number } }[] } }).manyMastersTexts);
      const texts = drawn.texts.filter((t) => t.scene === 'setup' && t.text.trim() !== '');
      expect(texts.filter((t) => t.text.endsWith('…')).map((t) => t.text), `${language}: cut texts`).toEqual([]);
      for (const t of texts) expect(t.onCanvas.bottom <= 1.001 && t.onCanvas.right <= 1.001, `${language}: "${t.text}" on the screen`).toBe(true);
      for (const [i, a] of texts.entries()) {
        for (const b of texts.slice(i + 1)) {
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 3 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 3;
          expect(overlap, `${language}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
      if (language === 'nl') await screenshot(projector, 'phones-setup-nl');
    }
    // The phones switch is the last setting; then back to Start.
    m = await startWithPhones(projector);
    const code = m.shown.code as string;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}$/);
    // Every state a participant sees is audited on the Dutch phone (and the card on an English one).
    const check = async (phone: Page, language: 'nl' | 'en', state: string) => expect.soft(await phoneAudit(phone, language), state).toEqual([]);
    const typed = async (page: Page) => {
      await check(page, 'nl', 'code form');
      await screenshot(page, 'phones-phone-code-nl');
      await page.locator('#code').fill('K7');
      await page.locator('[data-key="join"]').tap();
      expect(await page.locator('.error').innerText()).toContain('Een zaalcode heeft vijf letters en cijfers');
      await check(page, 'nl', 'code form with an error');
    };
    const phones = [await openPhone(url, code, 'nl-NL', typed), await openPhone(url, code, 'en-GB'), await openPhone(url, code, 'en-US')];
    const [p1, p2, p3] = phones.map((p) => p.page) as [Page, Page, Page];
    m = await waitFor(projector, "m.screen === 'join' && m.shown.joined === 3");
    expect(m.shown.texts).toContain('3 phones joined');
    await screenshot(projector, 'phones-join-en');
    // A 4:3 projector: the join screen is laid out again for the narrower stage.
    await projector.setViewportSize({ width: 1024, height: 768 });
    await waitFor(projector, "m.screen === 'join' && m.shown.stage.width < 1500 && m.shown.joined === 3");
    await screenshot(projector, 'phones-join-en');
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await waitFor(projector, "m.screen === 'join' && m.shown.stage.width === 1920");
    await press(projector, 'l');
    await waitFor(projector, "m.screen === 'join' && m.language === 'nl' && m.shown.texts.includes('3 telefoons doen mee')");
    await screenshot(projector, 'phones-join-nl');
    await press(projector, 'l');
    await waitFor(projector, "m.screen === 'join' && m.language === 'en'");
    // Phones wait for the trainer, then get the first card.
    expect(await phoneShows(p1, 'wait')).toContain('Je doet mee');
    await check(p1, 'nl', 'waiting');
    await screenshot(p1, 'phones-phone-wait-nl');
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.phones.joined === 3");
    const firstCard = m.shown.cardText as string;
    expect(await phoneShows(p2, 'card')).toContain(firstCard);
    const onCard = await phoneShows(p1, 'card');
    expect(onCard).toContain('Niemand ziet jouw stem');
    // Teams take turns: the phone says whose card it is, and writes the week, as the projector does.
    expect(onCard).toContain('Team 1 · week 1 van 8');
    // A screen reader hears that voting opened, wherever its focus was.
    expect(await p1.locator('#announce').textContent()).toContain('Je kunt nu stemmen');
    expect(await p2.locator('#announce').textContent()).toContain('Voting is open');
    await check(p1, 'nl', 'voting open');
    await check(p2, 'en', 'voting open (English)');
    await screenshot(p1, 'phones-phone-card-nl');
    await screenshot(p2, 'phones-phone-card-en');

    // Card 1: votes counted, the split seen nowhere before the reveal.
    await vote(p1, 0);
    expect(await p1.locator('h1').innerText()).toMatch(/^Jij stemde: /);
    await check(p1, 'nl', 'vote cast');
    await screenshot(p1, 'phones-phone-voted-nl');
    await vote(p2, 1);
    await vote(p3, 0);
    await vote(p3, 1); // changed
    m = await waitFor(projector, 'm.shown.phones.voted === 3');
    await screenshot(projector, 'phones-workshop-en');
    expect(m.shown.counts).toEqual((m.shown.choices as string[]).map(() => 0)); // the projector's own counts stay the trainer's
    // Three phones voted: no choice says "0 votes" on the screen or to a screen reader, only the hands counted.
    const details = (m.shown.view as { regions: { items?: { detail?: string }[] }[] }).regions.flatMap((r) => r.items ?? []).map((i) => i.detail ?? '');
    expect(details).toContain('0 counted by hand');
    expect(details.filter((d) => /^\d+ votes?$/.test(d))).toEqual([]);
    const drawn = await projector.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string }[] } }).manyMastersTexts.texts.filter((t) => t.scene === 'workshop').map((t) => t.text));
    expect(drawn).toContain('hands');
    expect(drawn).not.toContain('votes');
    for (const phone of [p1, p2, p3]) expect(await phone.locator('main').innerText()).not.toMatch(/by phone,|via telefoon,/);

    // A phone that reloads keeps its vote; the count does not change.
    await p3.reload();
    await phoneShows(p3, 'card');
    await p3.waitForSelector('[data-key="choice-1"][aria-pressed="true"]');
    m = await waitFor(projector, 'm.shown.phones.joined === 3 && m.shown.phones.voted === 3');

    // A phone cannot act as the projector: not on its own connection, not by claiming the room.
    const refused = await p1.evaluate(async (room) => {
      const attempt = (first: object, second?: object) => new Promise<string[]>((done) => {
        const socket = new WebSocket(new URL('room', location.href).href.replace('http', 'ws'));
        const got: string[] = [];
        socket.onopen = () => {
          socket.send(JSON.stringify(first));
          if (second) socket.send(JSON.stringify(second));
        };
        socket.onmessage = (event) => {
          got.push(JSON.parse(event.data as string).type + ':' + (JSON.parse(event.data as string).code ?? ''));
          if (got.length < (second ? 3 : 1)) return;
          // Closed, so that this test's own socket is not counted as a fourth phone later on.
          socket.close();
          done(got);
        };
      });
      const reveal = { type: 'show', view: { kind: 'end', title: { nl: 'x', en: 'x' } } };
      return [await attempt({ type: 'host', code: room, secret: 'x'.repeat(32) }), await attempt({ type: 'join', code: room }, reveal)];
    }, code);
    expect(refused[0]).toEqual(['error:room-taken']);
    expect(refused[1]).toEqual([`joined:${code}`, 'view:', 'error:bad-message']);
    await p1.keyboard.press('PageDown');
    await p1.keyboard.press('Enter');
    m = await waitFor(projector, 'm.phase === "deciding" && m.shown.phones.voted === 3');
    expect(await phoneShows(p2, 'card')).toContain(firstCard);
    // The choices as this phone shows them, numbered, to hold the reveal's split against.
    const shownOnCard = await p2.locator('[data-key^="choice-"] span:not(.badge)').allInnerTexts();

    // The reveal: the majority of phone votes decides, the phones see the split and the outcome.
    await press(projector, 'PageDown');
    m = await waitFor(projector, "m.phase === 'reveal'");
    await phoneShows(p2, 'reveal');
    // "How the room voted" lists its counts under the same numbers and labels the phone voted with.
    const split = (await p2.locator('.split li strong').allInnerTexts()).map((row) => row.replace(/ ✓$/, ''));
    expect(split).toEqual(shownOnCard.map((label, i) => `${i + 1}. ${label}`));
    expect(m.shown.decisionShown).toBe(1);
    expect((m.shown.votes as number[]).slice(0, 2)).toEqual([1, 2]);
    expect((m.shown.phoneVotes as number[]).slice(0, 2)).toEqual([1, 2]);
    const reveal = await phoneShows(p2, 'reveal');
    expect(reveal).toContain('You voted');
    expect(reveal).toContain('2 by phone, 0 counted in the room');
    expect(await phoneShows(p1, 'reveal')).toContain('1 via telefoon, 0 geteld in de zaal');
    await check(p1, 'nl', 'result');
    await screenshot(p1, 'phones-phone-reveal-nl');

    // Card 2: phones and a hand count together; the projector says which came from where.
    await nextCard(projector);
    m = await waitFor(projector, "m.phase === 'deciding' && m.shown.phones.voted === 0");
    await phoneShows(p1, 'card');
    await vote(p1, 0);
    await vote(p2, 0);
    await waitFor(projector, 'm.shown.phones.voted === 2');
    // The trainer closes phone voting (V) before the reveal: the phones say so and take no vote, until it opens again.
    await press(projector, 'v');
    m = await waitFor(projector, "m.shown.phones.closed === true && m.shown.view.regions.some((r) => (r.items ?? []).some((i) => i.label === 'Open phone voting again'))");
    await p3.waitForSelector('[data-key="choice-0"]:disabled');
    await p1.waitForSelector('[data-key="choice-0"][aria-pressed="true"]:disabled');
    expect(await phoneShows(p1, 'card')).toContain('Het stemmen is gesloten. Kijk naar de projector.');
    expect(await phoneShows(p3, 'card')).toContain('Voting is closed. Look at the projector.');
    expect(await p1.locator('#announce').textContent()).toBe('Het stemmen is gesloten.');
    // The focus was on the choice just tapped, now disabled: it moves to the heading that says so.
    expect(await p1.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await check(p1, 'nl', 'voting closed');
    await screenshot(p1, 'phones-phone-closed-nl');
    await screenshot(projector, 'phones-closed-en');
    await press(projector, 'v');
    await waitFor(projector, 'm.shown.phones.closed === false');
    await p3.waitForSelector('[data-key="choice-0"]:enabled');
    expect(await p1.locator('#announce').textContent()).toContain('Je kunt nu stemmen');
    // Two hands for choice 2 against the phones' two for choice 1: a tie. The notice names the tied
    // choices for the trainer to pick from, but not how many votes each has (the phones' split waits
    // for the reveal), and no pill says "votes" beside it.
    await press(projector, '2');
    await press(projector, '2');
    await press(projector, 'Enter');
    await waitFor(projector, 'm.shown.counts[1] === 2 && m.shown.typing === null');
    await press(projector, 'PageDown');
    m = await waitFor(projector, "m.shown.asking !== null && m.shown.asking.reason === 'tie'");
    expect((m.shown.asking as { text: string }).text).toBe('No clear majority: 1 and 2 are tied. Pick one: arrow keys, then Enter.');
    const tieTexts = async () => projector.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string }[] } }).manyMastersTexts.texts.filter((t) => t.scene === 'workshop').map((t) => t.text.replace(/\s+/g, ' ')));
    expect((await tieTexts()).filter((t) => /\d+ votes?\b/.test(t))).toEqual([]);
    await press(projector, 'l');
    m = await waitFor(projector, "m.language === 'nl' && m.shown.asking !== null && m.ready");
    expect((m.shown.asking as { text: string }).text).toBe('Geen duidelijke meerderheid: 1 en 2 staan gelijk. Kies er een: pijltjes, dan Enter.');
    expect((await tieTexts()).filter((t) => /\d+ stem(men)?\b/.test(t))).toEqual([]);
    await screenshot(projector, 'phones-tie-nl');
    await projector.setViewportSize({ width: 1024, height: 768 });
    await waitFor(projector, "m.screen === 'workshop' && m.shown.stage.width < 1500 && m.shown.asking !== null && m.ready");
    await screenshot(projector, 'phones-tie-nl');
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await waitFor(projector, "m.screen === 'workshop' && m.shown.stage.width === 1920 && m.ready");
    await press(projector, 'l');
    await waitFor(projector, "m.language === 'en' && m.shown.stage.width === 1920 && m.ready");
    // The hands taken back: the phones' two votes stand alone again.
    await press(projector, '2');
    await press(projector, '0');
    await press(projector, 'Enter');
    await waitFor(projector, 'm.shown.counts[1] === 0 && m.shown.typing === null');
    await press(projector, '1');
    await press(projector, '1');
    await press(projector, 'Enter');
    await waitFor(projector, 'm.shown.counts[0] === 1 && m.shown.typing === null');
    await press(projector, 'PageDown');
    m = await waitFor(projector, "m.phase === 'reveal'");
    expect(m.shown.decisionShown).toBe(0);
    expect((m.shown.votes as number[])[0]).toBe(3);
    expect((m.shown.phoneVotes as number[])[0]).toBe(2);
    await screenshot(projector, 'phones-reveal-en');
    expect(await phoneShows(p3, 'reveal')).toContain('You did not vote on this card');
    expect(await phoneShows(p2, 'reveal')).toContain('2 by phone, 1 counted in the room');

    // Card 3: the projector is reloaded after the first vote and the trainer continues the workshop:
    // the phones are in the same room again, with that vote, and the votes after it count.
    await nextCard(projector);
    await waitFor(projector, "m.phase === 'deciding' && m.shown.phones.voted === 0");
    await phoneShows(p1, 'card');
    await vote(p1, 1);
    m = await waitFor(projector, 'm.shown.phones.voted === 1');
    const thirdCard = m.shown.cardId;
    // Voting closed (V) before the reload stays closed after it, with the vote it was closed with.
    await press(projector, 'v');
    await waitFor(projector, 'm.shown.phones.closed === true');
    await projector.reload();
    m = await waitFor(projector, "m.screen === 'title' && m.shown.canContinueWorkshop === true", 30_000);
    expect((m.shown.buttons as string[])[0]).toBe('Continue the workshop');
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.phones.status === 'open' && m.shown.phones.joined === 3 && m.shown.phones.voted === 1 && m.shown.phones.closed === true");
    expect(m.shown.cardId).toBe(thirdCard);
    expect((m.shown.view as { regions: { items?: { label: string }[] }[] }).regions.some((r) => (r.items ?? []).some((i) => i.label === 'Open phone voting again'))).toBe(true);
    await p2.waitForSelector('[data-key="choice-1"]:disabled');
    await press(projector, 'v');
    await waitFor(projector, 'm.shown.phones.closed === false && m.shown.phones.voted === 1');
    await p2.waitForSelector('[data-key="choice-1"]:enabled');
    await vote(p2, 1);
    await vote(p3, 0);
    await waitFor(projector, 'm.shown.phones.voted === 3');
    // Voting closed, then the server restarts and loses the votes: the projector's counts stand, the
    // phones keep showing their own votes and send them again when voting opens.
    await press(projector, 'v');
    await waitFor(projector, 'm.shown.phones.closed === true');
    await p3.waitForSelector('[data-key="choice-0"][aria-pressed="true"]:disabled');
    // On a 4:3 projector the "no connection" line takes two lines; it is not drawn under a choice.
    await projector.setViewportSize({ width: 1024, height: 768 });
    await waitFor(projector, "m.screen === 'workshop' && m.shown.stage.width < 1500");
    await stopServer();
    m = await waitFor(projector, "m.shown.phones.status === 'lost'");
    await waitFor(projector, 'm.ready && !m.moving');
    const texts = await projector.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string; left: number; right: number; top: number; bottom: number }[] } }).manyMastersTexts.texts.filter((t) => t.scene === 'workshop'));
    const lost = texts.find((t) => t.text.startsWith('Phones: no connection'));
    expect(lost, 'the no-connection line is drawn').toBeDefined();
    // The first choice's button starts above its label (its padding): the line ends above that.
    const firstChoice = texts.find((t) => t.text.replace(/\s+/g, ' ') === (m.shown.choices as string[])[0]);
    expect(firstChoice, 'the first choice is drawn').toBeDefined();
    expect(lost!.bottom + 16, `"${lost!.text}" ends at ${Math.round(lost!.bottom)}, the first choice's label starts at ${Math.round(firstChoice!.top)}`).toBeLessThanOrEqual(firstChoice!.top);
    await screenshot(projector, 'phones-lost-en');
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await waitFor(projector, "m.screen === 'workshop' && m.shown.stage.width === 1920");
    await startServer(port);
    // A script is first on the restarted server and claims the room's code: it is refused, and the
    // projector and the phones come back to their own room.
    const claim = await new Promise<string>((done, fail) => {
      const socket = new NodeSocket(`ws://127.0.0.1:${port}/room`);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'host', code, secret: 'hijacker-secret-0123456789abcdef' })));
      socket.on('message', (data) => {
        socket.close();
        done(String(data));
      });
      socket.on('error', () => fail(new Error('the claim did not connect')));
    });
    expect(JSON.parse(claim)).toEqual({ type: 'error', code: 'room-taken' });
    m = await waitFor(projector, "m.shown.phones.status === 'open' && m.shown.phones.joined === 3 && m.shown.phones.voted === 3 && m.shown.phones.closed", 30_000);
    await p3.waitForSelector('[data-key="choice-0"][aria-pressed="true"]:disabled');
    await press(projector, 'v');
    m = await waitFor(projector, "m.shown.phones.closed === false && m.shown.phones.voted === 3");
    await press(projector, 'PageDown');
    m = await waitFor(projector, "m.phase === 'reveal'");
    expect(m.shown.decisionShown).toBe(1);
    expect((m.shown.phoneVotes as number[]).slice(0, 2)).toEqual([1, 2]);
    const thirdReveal = await phoneShows(p3, 'reveal');
    expect(thirdReveal).toContain('1 by phone');
    expect(thirdReveal).toContain('You voted:');

    // To the debrief: the phones follow its pages (no voting page left behind), also after a reload.
    await press(projector, 'Escape');
    m = await waitFor(projector, "m.overlay === 'menu'");
    const toDebrief = (m.overlayShown as { buttons: string[] }).buttons.indexOf('To the debrief');
    expect(toDebrief).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < toDebrief; i++) await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    // It asks first; "yes" is the second button.
    await waitFor(projector, "m.overlay === 'menu' && m.overlayShown.question !== null");
    await press(projector, '2');
    m = await waitFor(projector, "m.screen === 'debrief' && m.shown.slideIndex === 0 && m.overlay === null");
    const debrief = await phoneShows(p1, 'debrief');
    expect(debrief).toContain('Pagina 1 van 7');
    expect(debrief).toContain('Jouw antwoorden');
    expect(debrief).toMatch(/Team 1: .*\d besluit(en)? genomen/);
    expect(debrief).toMatch(/De sessie stopte bij week \d\./);
    // The games were stopped, not ended: the phone says where each was heading, as the projector does.
    expect(debrief).toMatch(/Team 1: (Op weg naar: |Nog geen einde in zicht)/);
    expect(debrief).not.toContain('Nog bezig');
    // A stopped game is never shown as ended ("Einde" alone); an ending's own title may hold the word ("Einde van de periode").
    expect(debrief).not.toMatch(/Team \d: Einde\b/);
    await check(p1, 'nl', 'debrief');
    await screenshot(p1, 'phones-phone-debrief-nl');
    await press(projector, 'PageDown');
    await waitFor(projector, "m.screen === 'debrief' && m.shown.slideIndex === 1");
    await p3.reload();
    expect(await phoneShows(p3, 'debrief')).toContain('Page 2 of 7');
    await p1.waitForFunction(() => document.querySelector('main')!.textContent!.includes('Pagina 2 van 7'));

    // Leaving the workshop (menu → back to the title, confirmed) ends the phones' session: each keeps its own answers.
    await press(projector, 'Escape');
    m = await waitFor(projector, "m.overlay === 'menu'");
    const toTitle = (m.overlayShown as { buttons: string[] }).buttons.indexOf('Back to the title screen');
    for (let i = 0; i < toTitle; i++) await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    await waitFor(projector, 'm.overlayShown && m.overlayShown.question !== null');
    await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'title' && m.overlay === null");
    const answers = await phoneShows(p2, 'end');
    expect(answers).toContain('Your answers');
    expect((await p2.locator('.answers li').count())).toBe(3);
    await screenshot(p2, 'phones-phone-end-en');
    const ended = await phoneShows(p1, 'end');
    expect(ended).toContain('Kennismaking: het mentoruur');
    expect(ended).toContain('Jouw antwoorden');
    await check(p1, 'nl', 'ended');
    await screenshot(p1, 'phones-phone-end-nl');

    expect(projectorErrors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
    for (const phone of phones) expect(phone.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
    for (const phone of phones) await phone.context.close();
    await projectorContext.close();
  });
});

/**
 * A phone's way to the server through a small TCP proxy that can cut it: Playwright's setOffline does
 * not close a WebSocket that is already open, a dropped Wi-Fi does.
 */
async function cuttableProxy(target: number): Promise<{ url: string; cut(): void; restore(): void; close(): Promise<void> }> {
  let down = false;
  const open = new Set<Socket>();
  const server = createTcpServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: target });
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

describe('a tap while the phone is offline', () => {
  it('waits on the phone, is sent when the connection is back and counts once; after voting closed it is too late', async () => {
    const url = served!.url;
    const proxy = await cuttableProxy((served!.server.address() as AddressInfo).port);
    const projectorContext = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const projector = await projectorContext.newPage();
    await projector.goto(url);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    await openSetup(projector);
    let m = await snapshot(projector);
    m = await startWithPhones(projector);
    const phone = await openPhone(proxy.url, m.shown.code as string, 'en-GB');
    const dutch = await openPhone(proxy.url, m.shown.code as string, 'nl-NL');
    await waitFor(projector, 'm.shown.joined === 2');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.phones.joined === 2");
    await phoneShows(phone.page, 'card');
    await phoneShows(dutch.page, 'card');

    // Offline: the tap stays on the phone, which says it waits; nothing reaches the projector.
    proxy.cut();
    await phone.page.waitForFunction(() => document.getElementById('status')!.textContent !== '');
    expect(await phone.page.locator('#status').innerText()).toBe('The connection dropped. Reconnecting…');
    await phone.page.locator('[data-key="choice-1"]').click();
    await phone.page.waitForSelector('[data-key="choice-1"][aria-pressed="true"]');
    expect(await phone.page.locator('#status').innerText()).toContain('waiting to be sent');
    expect(await phone.page.locator('h1').innerText()).toMatch(/^Waiting to send: /);
    await screenshot(phone.page, 'phones-phone-waiting-en');
    await dutch.page.locator('[data-key="choice-1"]').click();
    expect(await dutch.page.locator('#status').innerText()).toContain('Je stem wacht om verstuurd te worden');
    await screenshot(dutch.page, 'phones-phone-waiting-nl');
    expect((await snapshot(projector)).shown.phones).toMatchObject({ voted: 0 });

    // Back online: sent once and counted once; the phone says it voted.
    proxy.restore();
    await phone.page.waitForFunction(() => document.querySelector('h1')!.textContent!.startsWith('You voted: '), undefined, { timeout: 30_000 });
    m = await waitFor(projector, 'm.shown.phones.voted === 2', 30_000);
    expect(await phone.page.locator('#status').innerText()).toBe('');
    // Reveal: the offline taps count once each.
    await press(projector, 'PageDown');
    m = await waitFor(projector, "m.phase === 'reveal'");
    expect((m.shown.phoneVotes as number[]).reduce((a, b) => a + b, 0)).toBe(2);
    await nextCard(projector);
    await waitFor(projector, "m.phase === 'deciding' && m.shown.phones.voted === 0");
    await phoneShows(phone.page, 'card');

    // Offline again; the trainer closes voting before the phone is back: the tap came too late.
    proxy.cut();
    await phone.page.waitForFunction(() => document.getElementById('status')!.textContent !== '');
    await phone.page.locator('[data-key="choice-0"]').click();
    await press(projector, 'v');
    await waitFor(projector, 'm.shown.phones.closed === true');
    proxy.restore();
    await phone.page.waitForSelector('.error', { timeout: 30_000 });
    expect(await phone.page.locator('.error').innerText()).toBe('Your vote came too late: voting had closed before the connection was back.');
    expect(await phone.page.locator('h1').innerText()).toBe('Voting is closed. Look at the projector.');
    expect(await phone.page.locator('[data-key="choice-0"]').getAttribute('aria-pressed')).toBe('false');
    await screenshot(phone.page, 'phones-phone-too-late-en');
    expect((await snapshot(projector)).shown.phones).toMatchObject({ voted: 0 });

    for (const p of [phone, dutch]) {
      expect(p.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
      await p.context.close();
    }
    await projectorContext.close();
    await proxy.close();
  });
});

describe("the phones' address", () => {
  it('is the phone page on a browser that has the game offline-copied, online and offline', async () => {
    // A server of its own, so that it can go away without disturbing the other tests.
    const own = await serveBuilt({ root: DIST, port: 0, host: '127.0.0.1' });
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(own.url);
      await waitFor(page, "m.screen === 'title'", 30_000);
      // The service worker controls the page once the whole build is in the browser's cache.
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 60_000 });
      const isPhonePage = async (what: string) => {
        await page.waitForSelector('body[data-view]', { timeout: 20_000 });
        expect(await page.locator('[data-key="join"]').count(), what).toBe(1);
        expect(await page.evaluate(() => 'manyMasters' in window), what).toBe(false);
      };
      await page.goto(`${own.url}p`);
      await isPhonePage('online');
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      own.room.close();
      own.server.closeAllConnections();
      await new Promise((done) => own.server.close(done));
      await page.goto(`${own.url}p`);
      await isPhonePage('offline');
      await screenshot(page, 'phones-phone-address-offline');
      // The game is still the game.
      await page.goto(own.url);
      await waitFor(page, "m.screen === 'title'", 30_000);
    } finally {
      await context.close();
      own.server.closeAllConnections();
      own.server.close();
    }
  });
});
