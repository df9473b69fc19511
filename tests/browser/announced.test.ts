/**
 * The workshop for a screen-reader user: a 2-team workshop with two phones, run from the set-up to
 * the last debrief slide through the accessibility tree only (roles, names, clicks dispatched on the
 * layer's buttons), in Dutch and English. Every card, notice, timer end, voting change, outcome,
 * scoreboard and debrief slide is heard from the live region, in order; after a reveal the focus is
 * on the outcome. The room server is the one `npm run serve` starts.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBuilt, type AttachedRoom } from '../../server/server.ts';
import { en } from '../../src/locales/en.ts';
import { nl } from '../../src/locales/nl.ts';
import { DIST, RESULTS, screenshot, useBrowser, waitFor, watchErrors } from './harness.ts';

const env = useBrowser();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical findings on the page as it is now. */
async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
let served: { server: Server; room: AttachedRoom; url: string } | null = null;

beforeAll(async () => {
  // Each of the four runs opens a room of its own from this one address: more than the server allows
  // one address at once (a limit tests/unit/room-attacks.test.ts holds a hostile client to).
  served = await serveBuilt({ root: DIST, port: 0, host: '127.0.0.1', limits: { roomsPerAddress: 8 } });
}, 60_000);
afterAll(async () => {
  if (!served) return;
  served.room.close();
  served.server.closeAllConnections();
  await new Promise((done) => served!.server.close(done));
});

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
}

/** The first words of a message with placeholders: what every filled-in copy of it starts with. */
function opening(text: string): string {
  return text.split('{')[0]!;
}

/** Records every text the live region says, in order, from now on. */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const live = document.querySelector('[role="status"]')!;
    new MutationObserver(() => {
      const text = live.textContent ?? '';
      if (text !== '' && text !== said[said.length - 1]) said.push(text);
    }).observe(live, { childList: true, characterData: true, subtree: true });
  });
}

/** A click on a layer button as assistive technology sends it (no pointer), once the game takes it. */
async function act(button: Locator): Promise<void> {
  await button.waitFor({ state: 'attached' });
  await waitFor(button.page(), 'm.ready');
  await button.dispatchEvent('click');
}

function layerText(page: Page): Promise<string> {
  return page.locator('[data-mm-layer] main').evaluate((main) => main.textContent ?? '');
}

async function openPhone(url: string, code: string, locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale });
  const page = await context.newPage();
  await page.goto(`${url}p#${code}`);
  await page.waitForSelector('body[data-view="wait"]');
  return { context, page };
}

async function vote(phone: Page, choice: number): Promise<void> {
  await phone.waitForSelector('body[data-view="card"]');
  await phone.locator(`[data-key="choice-${choice}"]`).click();
  await phone.waitForSelector(`[data-key="choice-${choice}"][aria-pressed="true"]`);
}

describe('the workshop speaks', () => {
  const runs = [
    ['en', en, 'en-GB', ['Reds', 'Blues'], 'canvas'],
    ['nl', nl, 'nl-NL', ['Rood', 'Blauw'], 'canvas'],
    ['en', en, 'en-GB', ['Reds', 'Blues'], 'layer'],
    ['nl', nl, 'nl-NL', ['Rood', 'Blauw'], 'layer'],
  ] as const;
  for (const [language, t, locale, names, mode] of runs) {
    it(`announces a 2-team workshop with phones from the set-up to the last debrief slide (${language}, ${mode})`, async () => {
      const url = served!.url;
      // Beside the canvas the layer is for screen readers only; on a tablet in portrait it is the visible game.
      const context = await env.browser.newContext({ viewport: mode === 'canvas' ? { width: 1280, height: 1024 } : { width: 768, height: 1024 }, locale });
      const findings: Record<string, string[]> = {};
      const audit = async (state: string) => {
        const found = await axeFindings(page);
        if (found.length > 0) findings[state] = found;
      };
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(url);
      await waitFor(page, "m.screen === 'title'", 30_000);
      await listen(page);
      const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said.slice());
      let heard = 0;
      /** The next thing said contains every one of `parts`; returns it. */
      const hears = async (what: string, ...parts: string[]): Promise<string> => {
        await expect.poll(async () => (await said()).length, { message: `${what}: nothing more was said after ${JSON.stringify((await said()).slice(-2))}`, timeout: 15_000 }).toBeGreaterThan(heard);
        const text = (await said())[heard]!;
        for (const part of parts) expect(text, what).toContain(part);
        heard++;
        return text;
      };
      const button = (name: string) => page.getByRole('button', { name, exact: true });
      // The layer says "Phones" once, as the label of the count: the canvas line's own "Phones: " is left off.
      const phonesValue = (line: string) => line.replace(`${t.a11yPhones}: `, '');

      // Set-up: phones on, two named teams.
      await act(page.getByRole('button', { name: language === 'nl' ? 'Kennismaking: het mentoruur' : 'Warm-up: the tutor period' }));
      await act(button(t.modeWorkshop));
      await act(button(t.setupPhonesOff));
      await button(t.setupPhonesOn).waitFor();
      // With phones on, teams at the same time is the default form; this walk-through is teams taking turns.
      await act(button(t.setupModeSameTime));
      await button(t.setupModeTurns).waitFor();
      await page.getByRole('textbox', { name: fill(t.setupNameLabel, { n: 1 }) }).fill(names[0]);
      await page.getByRole('textbox', { name: fill(t.setupNameLabel, { n: 2 }) }).fill(names[1]);
      await audit('set-up');
      await act(button(t.setupStart));

      // The join screen says the room code; two phones join with it.
      // Spelled out letter by letter, as the projector shows it.
      const spelled = new RegExp(`${t.joinCode}: ((?:[A-Z0-9] ){4}[A-Z0-9])`);
      await expect.poll(() => layerText(page)).toMatch(spelled);
      const code = spelled.exec(await layerText(page))![1]!.replace(/ /g, '');
      const phones = [await openPhone(url, code, locale), await openPhone(url, code, locale)];
      await expect.poll(() => layerText(page)).toContain(fill(t.phonesJoinedMany, { count: 2 }));
      await audit('join');
      await act(button(t.joinStart));

      // Card 1: who plays, the card, and that phones can vote.
      let m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding'");
      await hears('the first card', String(m.shown.turnText).replace(/ {3}· {3}/, ', '), String(m.shown.cardText), t.a11yVotingOpen);
      // The timer and the phones' count are in the layer, not only on the canvas.
      await expect.poll(() => layerText(page)).toContain(t.wsTimerRunning);
      await vote(phones[0]!.page, 0);
      await vote(phones[1]!.page, 1);
      await expect.poll(() => layerText(page)).toContain(phonesValue(fill(t.phonesVoted, { voted: 2, joined: 2 })));
      await act(button(t.closeVotingButton));
      await audit('deciding');
      await screenshot(page, `announced-${language}-${mode}-deciding`);
      await hears('voting closed', t.a11yVotingClosed);
      await act(button(t.openVotingButton));
      await hears('voting open again', t.a11yVotingReopened);
      await act(button(t.timerSkipButton));
      await hears('the end of the timer', t.wsTimeUp);
      await expect.poll(() => layerText(page)).toContain(t.wsTimeUp);
      // One vote each: a tie, and the trainer picks.
      await act(button(t.wsReveal));
      await hears('the tie', opening(t.wsAskTie));
      await audit('tie');
      m = await waitFor(page, 'm.shown.asking !== null');
      const picked = (m.shown.choices as string[])[(m.shown.asking as { among: number[] }).among[0]!]!;
      await act(page.getByRole('button', { name: picked }).first());
      await hears('the tie outcome', fill(t.wsRoomChose, { choice: picked }), fill(t.wsHowTie, { votes: `1 ${t.wsVotesOne}` }), t.a11yVotingClosed);
      // The focus is on the outcome, not on the way on.
      await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('h2')?.textContent ?? null)).toBe(fill(t.wsRoomChose, { choice: picked }));
      // The reveal's recap is in words too: the week, the card, and the votes split by where they came from.
      const recap = await layerText(page);
      expect(recap).toContain(String(m.shown.turnText).replace(/ {3}· {3}/, ', '));
      expect(recap).toContain(String(m.shown.cardText));
      expect(recap).toContain(fill(t.phonesSources, { phones: 2, counted: 0 }));
      await audit('reveal');
      await screenshot(page, `announced-${language}-${mode}-reveal`);
      await act(button(t.wsToScoreboard));
      await hears('the scoreboard', fill(t.scoreboardNextTeam, { team: fill(t.wsTeamLabel, { name: names[1] }) }));

      // Card 2: the other team; one phone votes, the majority decides.
      await audit('scoreboard');
      await act(page.getByRole('button', { name: new RegExp(names[1]) }));
      m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
      await hears('the second card', String(m.shown.turnText).replace(/ {3}· {3}/, ', '), String(m.shown.cardText), t.a11yVotingOpen);
      await vote(phones[0]!.page, 0);
      await expect.poll(() => layerText(page)).toContain(phonesValue(fill(t.phonesVoted, { voted: 1, joined: 2 })));
      await act(button(t.wsReveal));
      await hears('the majority outcome', opening(t.wsRoomChose), fill(t.wsHowMajority, { votes: 1, total: 1 }));

      // The rest: nobody votes, the trainer is asked and picks the first choice.
      for (let guard = 0; guard < 40; guard++) {
        m = await waitFor(page, "m.ready && (m.screen === 'debrief' || m.phase === 'reveal' || m.phase === 'scoreboard')");
        if (m.screen === 'debrief') break;
        const next = page.locator('[data-mm-layer] main').getByRole('button');
        await act(next.last());
        m = await waitFor(page, "m.ready && (m.screen === 'debrief' || m.phase === 'deciding' || m.phase === 'scoreboard')");
        if (m.screen === 'debrief') break;
        if (m.phase === 'scoreboard') {
          await hears('a scoreboard', opening(t.scoreboardNextTeam));
          continue;
        }
        await hears('a card', String(m.shown.turnText).replace(/ {3}· {3}/, ', '), String(m.shown.cardText));
        await act(button(t.wsReveal));
        await hears('no votes', t.wsAskNoVotes);
        const first = (m.shown.choices as string[])[0]!;
        await act(page.getByRole('button', { name: first, exact: true }).first());
        await hears('the trainer’s pick', fill(t.wsRoomChose, { choice: first }), t.wsHowTrainer);
      }

      // The debrief: each slide is said with its place.
      m = await waitFor(page, "m.screen === 'debrief' && m.shown.slideIndex === 0");
      const slides = m.shown.slides as number;
      for (let s = 0; s < slides; s++) {
        m = await waitFor(page, `m.screen === 'debrief' && m.shown.slideIndex === ${s} && m.ready`);
        const text = await hears(`debrief slide ${s + 1}`, `${s + 1} / ${slides}`);
        expect(text).toContain(await page.getByRole('heading', { level: 1 }).textContent());
        await audit(`debrief ${m.shown.slide}`);
        // The line charts have their course in words, per team.
        if (m.shown.slide === 'charts') {
          const words = await layerText(page);
          // Each meter of each team: the words between the meter's name and its first figure.
          const verbs = [t.courseRose.split('{from}')[0]!, t.courseFell.split('{from}')[0]!, t.courseSteady.split('{value}')[0]!].map((v) => v.replace('{meter}', ''));
          expect(verbs.reduce((sum, verb) => sum + words.split(verb).length - 1, 0), words).toBe(2 * 3);
        }
        if (s < slides - 1) await act(button(t.nextPage));
      }
      // Nothing was said beyond what was expected; what was said is kept for a person to read.
      writeFileSync(join(RESULTS, `announced-${language}-${mode}.txt`), (await said()).join('\n'));
      expect(findings).toEqual({});
      expect((await said()).slice(heard)).toEqual([]);
      expect(errors).toEqual([]);
      for (const phone of phones) await phone.context.close();
      await context.close();
    }, 240_000);
  }
});

/** The QR code a phone would read from what the screen shows now. */
async function scanScreen(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

describe('zoom and large text keep the workshop', () => {
  // On loopback the server knows no address phones could open, and the projector shows no QR code:
  // this room says the address a proxy would give. Nothing connects to it; the phone here uses loopback.
  let room: { server: Server; room: AttachedRoom; url: string } | null = null;
  const PUBLIC = 'https://workshop.example/';
  beforeAll(async () => {
    room = await serveBuilt({ root: DIST, port: 0, host: '127.0.0.1', publicUrl: PUBLIC, limits: { roomsPerAddress: 8 } });
  }, 60_000);
  afterAll(async () => {
    if (!room) return;
    room.room.close();
    room.server.closeAllConnections();
    await new Promise((done) => room!.server.close(done));
  });
  // 200% zoom on a 1920×1080 screen, and a tablet in portrait: the layer is the visible game.
  const runs = [
    ['zoom200', { width: 960, height: 540 }, 'en', en, 'en-GB'],
    ['zoom200', { width: 960, height: 540 }, 'nl', nl, 'nl-NL'],
    ['tablet', { width: 768, height: 1024 }, 'en', en, 'en-GB'],
    ['tablet', { width: 768, height: 1024 }, 'nl', nl, 'nl-NL'],
  ] as const;
  for (const [name, viewport, language, t, locale] of runs) {
    it(`shows the QR code, the room code, the timer and the phones' count at ${name} (${viewport.width}×${viewport.height}, ${language})`, async () => {
      const url = room!.url;
      const context = await env.browser.newContext({ viewport, deviceScaleFactor: 2, locale });
      const findings: Record<string, string[]> = {};
      const audit = async (state: string) => {
        const found = await axeFindings(page);
        if (found.length > 0) findings[state] = found;
      };
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(url);
      await waitFor(page, "m.screen === 'title'", 30_000);
      expect(await page.evaluate(() => document.documentElement.classList.contains('mm-dom'))).toBe(true);
      const button = (label: string) => page.getByRole('button', { name: label, exact: true });
      await act(page.getByRole('button', { name: language === 'nl' ? 'Kennismaking: het mentoruur' : 'Warm-up: the tutor period' }));
      await act(button(t.modeWorkshop));
      await act(button(t.setupPhonesOff));
      await button(t.setupPhonesOn).waitFor();
      // With phones on, teams at the same time is the default form; this walk-through is teams taking turns.
      await act(button(t.setupModeSameTime));
      await button(t.setupModeTurns).waitFor();
      await audit('set-up');
      // The team-name boxes are there, visible, to type in.
      await expect.poll(() => page.getByRole('textbox', { name: fill(t.setupNameLabel, { n: 1 }) }).isVisible()).toBe(true);
      await act(button(t.setupStart));
      let m = await waitFor(page, "m.screen === 'join' && m.shown.status === 'open' && !!m.shown.code && !!m.shown.link");
      // The QR code is on the screen and reads as the phones' address; the room code is spelled out beside it.
      await page.locator('[data-mm-layer] .mm-name-qr img').waitFor({ state: 'visible' });
      await screenshot(page, `large-${name}-${language}-join`);
      await audit('join');
      expect(m.shown.link).toMatch(new RegExp(`^${PUBLIC}p#`));
      expect(await scanScreen(page)).toBe(m.shown.link);
      const code = String(m.shown.code);
      expect(await page.locator('[data-mm-layer] main').innerText()).toContain(`${t.joinCode}: ${code.split('').join(' ')}`);
      const phone = await openPhone(url, code, locale);
      await expect.poll(() => page.locator('[data-mm-layer] main').innerText()).toContain(fill(t.phonesJoinedOne, { count: 1 }));
      await act(button(t.joinStart));
      // A round: the timer and the phones' count are shown beside the card, and follow the votes.
      m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding'");
      const shown = () => page.locator('[data-mm-layer] main').innerText();
      await expect.poll(shown).toContain(t.wsTimerRunning);
      await expect.poll(shown).toContain(fill(t.phonesVoted, { voted: 0, joined: 1 }).replace(`${t.a11yPhones}: `, ''));
      for (const label of [t.a11yTimer, t.a11yPhones]) await expect.poll(() => page.locator('[data-mm-layer] main').getByText(label, { exact: true }).isVisible()).toBe(true);
      await vote(phone.page, 0);
      await expect.poll(shown).toContain(fill(t.phonesVoted, { voted: 1, joined: 1 }).replace(`${t.a11yPhones}: `, ''));
      await screenshot(page, `large-${name}-${language}-deciding`);
      await audit('deciding');
      await act(button(t.wsReveal));
      await waitFor(page, "m.phase === 'reveal'");
      await expect.poll(shown).toContain(fill(t.wsHowMajority, { votes: 1, total: 1 }));
      await screenshot(page, `large-${name}-${language}-reveal`);
      await audit('reveal');
      expect(findings).toEqual({});
      expect(errors).toEqual([]);
      await phone.context.close();
      await context.close();
    }, 240_000);
  }
});
