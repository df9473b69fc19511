/**
 * The last contrast and language faults: the black screen's hint and the chart labels stand out by
 * 4.5:1 at 1080p and on a 1024×768 projector, the other language's name is marked as that language
 * (title, menu, print list), and the text boxes over the stage sit inside a landmark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DrawnText } from '../../src/platform/inspector.ts';
import { en } from '../../src/locales/en.ts';
import { contrastRatios, faintTexts, openTitle, press, screenshot, useBrowser, waitFor } from './harness.ts';

const env = useBrowser();

async function drawnTexts(page: Page): Promise<DrawnText[]> {
  await waitFor(page, 'm.ready && !m.moving');
  const drawn = await page.evaluate(() => (window as unknown as { manyMastersTexts: { texts: DrawnText[] } }).manyMastersTexts);
  return drawn.texts.filter((t) => t.alpha >= 1);
}

describe('contrast', () => {
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
    it(`the black screen's hint and the chart labels are readable at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page, errors } = await openTitle(env, viewport, 'en-GB');
      await press(page, 'b');
      await waitFor(page, "m.overlay === 'blank'");
      const hint = (await drawnTexts(page)).filter((t) => t.text === 'Press any key to return');
      expect(hint).toHaveLength(1);
      const ratios = await contrastRatios(page, hint);
      expect(ratios).toHaveLength(1);
      expect(faintTexts(ratios)).toEqual([]);
      await screenshot(page, 'blank-hint');
      await press(page, 'PageDown');
      await waitFor(page, 'm.overlay === null');

      // A solo game to its ending: the chart's labels (scale, start, last turn, meter names).
      await page.goto(`${env.url}?scenario=example`);
      await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'", 30_000);
      for (let guard = 0; guard < 40; guard++) {
        const m = await waitFor(page, "m.ready && (m.screen === 'ending' || m.phase === 'choosing' || m.phase === 'feedback')");
        if (m.screen === 'ending') break;
        await press(page, m.phase === 'choosing' ? '1' : 'Enter');
        await waitFor(page, `m.screen === 'ending' || m.phase !== '${m.phase}'`);
      }
      const texts = await drawnTexts(page);
      const ratios2 = await contrastRatios(page, texts);
      expect(ratios2.length).toBeGreaterThan(8);
      expect(faintTexts(ratios2)).toEqual([]);
      await screenshot(page, 'ending-chart');
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }
});

describe('language and landmarks', () => {
  it('marks the other language’s name as that language, and keeps text boxes inside landmarks', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 720 }, 'en-GB');
    // Title screen and menu: "Nederlands" is Dutch.
    await expect.poll(() => page.getByRole('button', { name: 'Nederlands' }).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('lang')))).toEqual(['nl', 'nl']);
    // The print list: each button's words are in the language of the page it opens.
    await press(page, 'ArrowUp');
    const opened = context.waitForEvent('page');
    await press(page, 'Enter');
    const popup = await opened;
    await popup.waitForSelector('.index');
    const langs = await popup.locator('button[data-paper]').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-paper')!.split(':')[2], n.getAttribute('lang')]));
    expect(langs.length).toBeGreaterThan(0);
    for (const [wanted, lang] of langs) expect(lang).toBe(wanted);
    await popup.close();
    // The workshop set-up's name boxes are in a landmark named by the screen's heading.
    await page.goto(env.url);
    const title = await waitFor(page, "m.screen === 'title'", 30_000);
    const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example');
    for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'mode'");
    await press(page, '2');
    await waitFor(page, "m.screen === 'setup'");
    const outside = await page.evaluate(() => [...document.querySelectorAll('input:not([hidden]), textarea')].filter((box) => !box.closest('main, nav, [role="region"][aria-labelledby], [role="dialog"]')).map((box) => box.outerHTML.slice(0, 120)));
    expect(outside).toEqual([]);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(await page.getByRole('region', { name: heading, exact: true }).getByRole('textbox').count()).toBe(2);
    // The menu: "Nederlands" is Dutch there too.
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'workshop' && m.ready");
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu'");
    expect(await page.getByRole('dialog').getByRole('button', { name: 'Nederlands' }).getAttribute('lang')).toBe('nl');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('touch', () => {
  it('counts hands with + and −, says "tap", and fits the touch bar on a 1024×768 screen', async () => {
    const context = await env.browser.newContext({ viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, hasTouch: true, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(env.url);
    await waitFor(page, "m.screen === 'title'", 30_000);
    const tap = async (name: string) => {
      const button = page.getByRole('button', { name, exact: true });
      await button.waitFor();
      await waitFor(page, 'm.ready');
      await button.tap();
    };
    await tap('Warm-up: the tutor period');
    await tap(en.modeWorkshop);
    await tap(en.setupStart);
    let m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
    const first = `1. ${(m.shown.choices as string[])[0]}`;
    await tap(`+1 for ${first}`);
    await waitFor(page, 'm.shown.counts[0] === 1');
    await tap(`+1 for ${first}`);
    await waitFor(page, 'm.shown.counts[0] === 2');
    await tap(`−1 for ${first}`);
    m = await waitFor(page, 'm.shown.counts[0] === 1');
    await screenshot(page, 'touch-hands');
    await tap(en.wsReveal);
    m = await waitFor(page, "m.phase === 'reveal'");
    expect(m.shown.how).toEqual({ by: 'majority', votes: 1, total: 1 });
    await tap(en.wsToScoreboard);
    await waitFor(page, "m.phase === 'scoreboard'");
    await tap('Next: Team 2');
    await waitFor(page, "m.phase === 'deciding' && m.ready");
    await tap(en.wsReveal);
    m = await waitFor(page, 'm.shown.asking !== null');
    expect((m.shown.asking as { text: string }).text).toBe(en.wsAskNoVotesTouch);
    await expect.poll(() => page.locator('[data-mm-layer] main').textContent()).toContain(en.wsAskNoVotesTouch);
    await context.close();

    // A 4:3 touch screen: the stage with the bar under it, every button in view, no sideways scroll.
    const wide = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'nl-NL' });
    const projector = await wide.newPage();
    await projector.goto(env.url);
    const title = await waitFor(projector, "m.screen === 'title'", 30_000);
    const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example');
    for (let i = 0; i < index; i++) await press(projector, 'ArrowDown');
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'mode'");
    await press(projector, '2');
    await waitFor(projector, "m.screen === 'setup'");
    await press(projector, 'Enter');
    await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
    const bar = projector.getByRole('navigation');
    await expect.poll(() => bar.getByRole('button').count()).toBeGreaterThan(10);
    const fit = await projector.evaluate(() => {
      const nav = document.querySelector('.mm-bar')!;
      const list = nav.querySelector('.mm-bar-list')!;
      const game = document.getElementById('game')!.getBoundingClientRect();
      const out = [...nav.querySelectorAll('button')].filter((b) => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight; }).map((b) => b.textContent);
      return { out, scroll: list.scrollWidth - list.clientWidth, overlap: game.bottom - nav.getBoundingClientRect().top };
    });
    expect(fit.out).toEqual([]);
    expect(fit.scroll).toBeLessThanOrEqual(0);
    // The stage ends where the bar begins.
    expect(fit.overlap).toBeLessThanOrEqual(1);
    await screenshot(projector, 'touch-bar-workshop');
    await wide.close();
  }, 120_000);
});
