/**
 * The presenter view in Chromium: the built game and the room from `npm run serve`'s server, a
 * projector page (1920×1080), the presenter window it opens with I (a second page of the same browser,
 * talking over BroadcastChannel) and five phones. Before the reveal the presenter shows the split of
 * the phones' votes while the projector shows only how many voted; the presenter shows the card's
 * notes and what each choice does; a key pressed in the presenter moves the projector on; a presenter
 * reloaded, or closed and opened again, shows where the projector is, and follows a projector that
 * reloads; an answer to an open question is hidden from the wall with the presenter's button. Screenshots of the presenter in
 * Dutch at 1920×1080 and 1024×768. And the editor's card form shows a card's notes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBuilt, type AttachedRoom } from '../../server/server.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { DIST, ROOT, press, screenshot, startWithPhones, useBrowser, waitFor, watchErrors } from './harness.ts';

const env = useBrowser();
let served: { server: Server; room: AttachedRoom; url: string } | null = null;

beforeAll(async () => {
  served = await serveBuilt({ root: DIST, port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  if (!served) return;
  served.room.close();
  served.server.closeAllConnections();
  await new Promise((done) => served!.server.close(done));
});

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const school = JSON.parse(readFileSync(`${ROOT}/levels/school.json`, 'utf8')) as Scenario;

/** The presenter's sections as a reader sees them: heading → its text, one line per item. */
function sections(presenter: Page): Promise<Record<string, { heading: string; text: string; items: string[] }>> {
  return presenter.evaluate(() => {
    const out: Record<string, { heading: string; text: string; items: string[] }> = {};
    for (const section of document.querySelectorAll<HTMLElement>('section[data-section]')) {
      out[section.dataset.section!] = {
        heading: section.querySelector('h2')?.textContent ?? '',
        text: section.querySelector('p')?.textContent ?? '',
        items: [...section.querySelectorAll('li')].map((li) => [...li.children].map((c) => c.textContent).join(' | ')),
      };
    }
    return out;
  });
}

async function presenterAt(presenter: Page, card: string, phase: string): Promise<void> {
  await presenter.waitForFunction(([card, phase]) => document.documentElement.dataset.presenterCard === card && document.documentElement.dataset.presenterPhase === phase, [card, phase] as const, { timeout: 15_000, polling: 50 });
}

async function openPhone(url: string, code: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${url}p#${code}`);
  await page.waitForSelector('body[data-view="wait"]');
  return { context, page };
}

describe('the presenter view', () => {
  it('shows the trainer the split, the effects and the notes, drives the projector and picks up after a reload', async () => {
    const url = served!.url;
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const projector = await context.newPage();
    const errors = watchErrors(projector);
    await projector.goto(url);
    let m = await waitFor(projector, "m.screen === 'title'", 30_000);
    const index = m.levels.filter((l) => l.ok).findIndex((l) => l.id === 'school') + (m.shown.canContinueWorkshop ? 1 : 0);
    for (let i = 0; i < index; i++) await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'mode'");
    await press(projector, m.shown.canContinue ? '3' : '2');
    m = await startWithPhones(projector);
    const phones = await Promise.all(Array.from({ length: 5 }, () => openPhone(url, m.shown.code as string)));
    await waitFor(projector, "m.screen === 'join' && m.shown.joined === 5");
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.phones.joined === 5");
    const cardId = m.shown.cardId as string;
    const card = school.cards.find((c) => c.id === cardId)!;

    // I opens the presenter window: a second page of this browser.
    const [presenter] = await Promise.all([context.waitForEvent('page'), press(projector, 'i')]);
    const presenterErrors = watchErrors(presenter);
    await presenter.setViewportSize({ width: 1920, height: 1080 });
    await presenterAt(presenter, cardId, 'deciding');
    expect(presenter.url()).toMatch(/#presenter$/);

    // Five phones vote: three on the first choice shown, two on the second.
    for (const [i, phone] of phones.entries()) {
      await phone.page.waitForSelector('body[data-view="card"]', { timeout: 20_000 });
      const button = phone.page.locator('[data-key^="choice-"]').nth(i < 3 ? 0 : 1);
      await button.click();
      await phone.page.waitForSelector('[data-key^="choice-"][aria-pressed="true"]');
    }
    m = await waitFor(projector, 'm.shown.phones.voted === 5');
    // The projector: how many voted, never the split.
    const projectorWords = JSON.stringify(m.shown.view);
    expect(projectorWords).toContain('5');
    expect(projectorWords).not.toMatch(/by phone|via telefoon/);
    expect(m.shown.counts).toEqual((m.shown.choices as string[]).map(() => 0));
    // The presenter: the split per choice, by phone and by hand.
    await presenter.waitForFunction(() => /5 by phone/.test(document.body.textContent ?? '') || /3 by phone/.test(document.body.textContent ?? ''), undefined, { timeout: 15_000, polling: 50 });
    let s = await sections(presenter);
    expect(s.votes!.heading).toBe('Votes so far: the room sees only how many voted');
    const split = s.votes!.items.map((line) => Number(/(\d+) by phone/.exec(line)?.[1]));
    expect(split.reduce((a, b) => a + b, 0)).toBe(5);
    expect([...split].sort((a, b) => b - a).slice(0, 2)).toEqual([3, 2]);
    // What each choice does, hidden from the room unless it sees the amounts.
    expect(s.effects!.items).toHaveLength(card.choices.length);
    expect(s.effects!.items[0]).toMatch(/[+−-]\d+/);
    // The card's notes, in the projector's language.
    expect(s.notes!.items.join('\n')).toContain((card.notes!.source as { en: string }).en);
    expect(s.notes!.items.join('\n')).toContain((card.notes!.question as { en: string }).en);
    expect(s.live!.items.join(' ')).toContain('Phones');

    // L in the presenter switches both windows to Dutch: every key is the projector's.
    await presenter.keyboard.press('l');
    await waitFor(projector, "m.language === 'nl' && m.screen === 'workshop'");
    await presenter.waitForFunction(() => document.documentElement.lang === 'nl' && /via telefoon/.test(document.body.textContent ?? ''), undefined, { timeout: 15_000, polling: 50 });
    s = await sections(presenter);
    expect(s.votes!.heading).toBe('Stemmen tot nu toe: de zaal ziet alleen hoeveel er gestemd hebben');
    expect(s.notes!.items.join('\n')).toContain((card.notes!.question as { nl: string }).nl);
    // WCAG 2.1 AA on the presenter page: axe-core's serious and critical findings.
    await presenter.addScriptTag({ path: AXE });
    const findings = await presenter.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(findings).toEqual([]);
    // H in the presenter opens the key help on the projector, which lists I; Esc there closes it.
    await presenter.keyboard.press('h');
    m = await waitFor(projector, "m.overlay === 'help'");
    expect(JSON.stringify(m.overlayShown)).toContain('Presentatorweergave');
    // …and Q (a question to the room) and R (the statements) beside it.
    expect(JSON.stringify(m.overlayShown)).toContain('"label":"Q","value":"Telefoons: de zaal een open vraag stellen"');
    expect(JSON.stringify(m.overlayShown)).toContain('"label":"R","value":"Telefoons: de zaal beoordeelt de stellingen"');
    await projector.setViewportSize({ width: 1024, height: 768 });
    await waitFor(projector, "m.overlay === 'help' && m.shown.stage.width < 1500");
    await screenshot(projector, 'presenter-help-nl');
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await presenter.keyboard.press('Escape');
    // The projector window was just made wide again: its screen is drawn anew at 1920 before the next key.
    await waitFor(projector, 'm.overlay === null && m.ready && !m.moving && m.shown.stage.width > 1500');
    await screenshot(presenter, 'presenter-deciding-nl');
    await presenter.setViewportSize({ width: 1024, height: 768 });
    await screenshot(presenter, 'presenter-deciding-nl');
    // Nothing runs past the window's edge at 1024 wide.
    expect(await presenter.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // A key pressed in the presenter moves the projector on: → asks for the decision.
    await presenter.keyboard.press('ArrowRight');
    m = await waitFor(projector, "m.phase === 'reveal'");
    // The reveal shows what the presenter showed before it.
    expect(m.shown.phoneVotes).toEqual(split);
    await presenterAt(presenter, cardId, 'reveal');
    s = await sections(presenter);
    // The next card has been dealt: the presenter names it before the room sees it.
    expect(s.next!.heading).toBe('Volgende kaart');
    expect(s.next!.text).toMatch(/: /);

    // Reloaded, the presenter asks the projector where it is and shows it.
    await presenter.reload();
    await presenterAt(presenter, cardId, 'reveal');
    expect((await sections(presenter)).notes!.items.join('\n')).toContain((card.notes!.source as { nl: string }).nl);

    // Closed and opened again (I on the projector): the same.
    await presenter.close();
    await projector.keyboard.press('Enter');
    m = await waitFor(projector, "m.phase === 'deciding' || m.phase === 'scoreboard'");
    if (m.phase === 'scoreboard') {
      await press(projector, 'Enter');
      m = await waitFor(projector, "m.phase === 'deciding'");
    }
    const [again] = await Promise.all([context.waitForEvent('page'), press(projector, 'i')]);
    await presenterAt(again, m.shown.cardId as string, 'deciding');
    expect((await sections(again)).votes!.items).toHaveLength((m.shown.choices as string[]).length);

    // An answer to an open question arrives; the trainer hides it from the presenter (its button, with
    // the keyboard): the projector's list and word cloud no longer show it, and the button offers to show it again.
    await press(projector, 'q');
    await waitFor(projector, "m.screen === 'question' && m.shown.mode === 'pick'");
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'question' && m.shown.mode === 'answers'");
    const asked = phones[0]!.page;
    await asked.waitForSelector('body[data-view="question"]', { timeout: 20_000 });
    await asked.locator('#answer').fill('De burger');
    await asked.locator('[data-key="send"]').tap();
    m = await waitFor(projector, "m.shown.answers.length === 1 && m.shown.cloud.some((w) => w.word === 'burger')");
    const hideButton = again.getByRole('button', { name: 'Verbergen voor de muur: De burger', exact: true });
    await hideButton.waitFor({ timeout: 15_000 });
    expect((await sections(again)).answers!.items).toEqual(['De burger | getoond | Verbergen']);
    await hideButton.focus();
    await again.keyboard.press('Enter');
    // The list's hidden mark and the cloud are drawn in one go; wait for the cloud, which the redraw makes.
    m = await waitFor(projector, "m.shown.answers.length === 1 && m.shown.answers[0].hidden && !m.shown.cloud.some((w) => w.word === 'burger')");
    expect(m.shown.answers).toEqual([{ id: expect.any(String), text: null, hidden: true }]);
    expect((m.shown.cloud as { word: string }[]).map((w) => w.word)).not.toContain('burger');
    await again.getByRole('button', { name: 'Tonen op de muur: De burger', exact: true }).waitFor({ timeout: 15_000 });
    // Held back (the presenter's switch, the projector's V): a new answer waits hidden until the trainer shows it.
    await again.locator('button[data-hold]').press('Enter');
    await waitFor(projector, 'm.shown.holding === true');
    await again.waitForSelector('button[data-hold][aria-pressed="true"]');
    const second = phones[1]!.page;
    await second.waitForSelector('body[data-view="question"]', { timeout: 20_000 });
    await second.locator('#answer').fill('de ouders');
    await second.locator('[data-key="send"]').tap();
    m = await waitFor(projector, 'm.shown.answers.length === 2 && m.shown.answers[0].hidden');
    expect((m.shown.cloud as { word: string }[]).map((w) => w.word)).not.toContain('ouders');
    await again.getByRole('button', { name: 'Tonen op de muur: de ouders', exact: true }).press('Enter');
    m = await waitFor(projector, "m.shown.answers.length === 2 && m.shown.cloud.some((w) => w.word === 'ouders')");
    await screenshot(again, 'presenter-answers-nl');
    // The answers, their buttons and the switch pass axe-core too.
    await again.addScriptTag({ path: AXE });
    expect(await again.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    })).toEqual([]);
    // The projector reloaded: the presenter open beside it follows it to the title screen.
    await projector.reload();
    await waitFor(projector, "m.screen === 'title'", 30_000);
    await again.waitForFunction(() => document.documentElement.dataset.presenterScreen === 'title', undefined, { timeout: 15_000, polling: 50 });

    expect(errors).toEqual([]);
    expect(presenterErrors).toEqual([]);
    await Promise.all(phones.map((p) => p.context.close()));
    await context.close();
  });

  it('works between two windows opened from the file system, with no server', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const projector = await context.newPage();
    const errors = watchErrors(projector);
    await projector.goto(pathToFileURL(`${DIST}/index.html`).href);
    await waitFor(projector, "m.screen === 'title' && m.ready", 30_000);
    const [presenter] = await Promise.all([context.waitForEvent('page'), projector.evaluate(() => void window.open(`${location.href.split('#')[0]}#presenter`, 'many-masters-presenter'))]);
    await presenter.waitForFunction(() => document.documentElement.dataset.presenterScreen === 'title', undefined, { timeout: 15_000, polling: 50 });
    // L pressed in the presenter switches the projector's language.
    await presenter.keyboard.press('l');
    await waitFor(projector, "m.language === 'nl'");
    await presenter.waitForFunction(() => document.documentElement.lang === 'nl', undefined, { timeout: 15_000, polling: 50 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the editor\'s card form shows a card\'s trainer notes in both languages', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(served!.url);
    await waitFor(page, "m.screen === 'title' && m.ready", 30_000);
    await page.getByRole('button', { name: 'Scenario’s maken…' }).press('Enter');
    const author = await waitFor(page, "m.screen === 'author' && m.ready");
    const edits = (author.shown.targets as string[]).filter((target) => target.startsWith('edit:'));
    await page.getByRole('button', { name: 'Bewerken', exact: true }).nth(edits.indexOf('edit:school.json')).press('Enter');
    await page.locator('.mme h1').waitFor();
    await page.getByRole('button', { name: 'Kaarten', exact: true }).first().click();
    await page.locator('#mme-card-title').waitFor();
    const first = school.cards[0]!;
    const field = (legend: string, language: string) => page.getByRole('group', { name: legend, exact: true }).getByLabel(language, { exact: true });
    expect(await page.getByRole('group', { name: 'Notities voor de trainer (alleen in de presentatorweergave)' }).count()).toBe(1);
    expect(await field('Waar de kaart vandaan komt: artikel en idee', 'Nederlands').inputValue()).toBe((first.notes!.source as { nl: string }).nl);
    expect(await field('Een vraag aan de zaal', 'Engels').inputValue()).toBe((first.notes!.question as { en: string }).en);
    expect(errors).toEqual([]);
    await context.close();
  });
});
