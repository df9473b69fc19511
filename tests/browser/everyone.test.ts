/**
 * The last contrast and language faults: the black screen's hint and the chart labels stand out by
 * 4.5:1 at 1080p and on a 1024×768 projector, the other language's name is marked as that language
 * (title, menu, print list), and the text boxes over the stage sit inside a landmark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DrawnText } from '../../src/platform/inspector.ts';
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
