/**
 * Everyone can play: a whole solo game through the accessibility tree only (roles, names, the live
 * region), in Dutch and English; axe-core on every solo screen, the workshop set-up and the authoring
 * screens; a game played to its end by tapping on a phone and a tablet; the layout at phone, tablet,
 * laptop and zoomed-in sizes, with screenshots.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { DrawnText } from '../../src/platform/inspector.ts';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import type { GameState } from '../../src/engine/state.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { en } from '../../src/locales/en.ts';
import { nl } from '../../src/locales/nl.ts';
import type { Messages } from '../../src/locales/en.ts';
import { contrastRatios, faintTexts, openTitle, press, ROOT, screenshot, snapshot, useBrowser, waitFor } from './harness.ts';

const result = validateScenarioText(readFileSync(join(ROOT, 'levels', 'example.json'), 'utf8'));
if (!result.ok) throw new Error('levels/example.json does not validate');
const scenario: Scenario = result.scenario;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const env = useBrowser();

function title(language: 'nl' | 'en'): string {
  const text = scenario.title;
  return typeof text === 'string' ? text : text[language]!;
}

function exact(name: string): { name: string; exact: true } {
  return { name, exact: true };
}

/** Presses a button of the accessible layer with the keyboard, as a screen-reader user does (focus, Enter). */
async function pressButton(button: Locator): Promise<void> {
  // Like a key, Enter on a button waits a moment after the screen changed (the remote's bounce guard).
  await waitFor(button.page(), 'm.ready');
  await button.press('Enter');
}

/** Taps a visible button, as a finger does. */
async function tapButton(button: Locator): Promise<void> {
  // A tap right after the screen changed is taken for a bounce, as a key is: a finger waits that moment.
  await waitFor(button.page(), 'm.ready');
  await button.tap();
}

/** Every text the canvas draws at full opacity stands out from what is around it by 4.5:1 or more. */
async function expectReadableCanvas(page: Page, what: string): Promise<void> {
  await waitFor(page, 'm.ready && !m.moving');
  const drawn = await page.evaluate(() => (window as unknown as { manyMastersTexts: { stage: { width: number; height: number }; texts: DrawnText[] } }).manyMastersTexts);
  const ratios = await contrastRatios(page, drawn.texts.filter((t) => t.alpha >= 1));
  expect(ratios.length, what).toBeGreaterThan(3);
  // Nothing is cut off at the canvas's edges.
  const outside = drawn.texts.filter((t) => t.onCanvas.left < -0.001 || t.onCanvas.top < -0.001 || t.onCanvas.right > 1.001 || t.onCanvas.bottom > 1.001);
  expect(outside.map((t) => t.text.slice(0, 40)), `${what}: texts off the canvas`).toEqual([]);
  expect(faintTexts(ratios), what).toEqual([]);
}

function settingsOf(page: Page): Promise<{ muted: boolean; showNumbers: boolean }> {
  return page.evaluate(() => (window as unknown as { manyMasters: { settings: { muted: boolean; showNumbers: boolean } } }).manyMasters.settings);
}

type Act = (button: Locator) => Promise<void>;

/** Steps through the debrief pages to the first reflection page, each step waiting for the new page. */
async function nextPages(page: Page, t: Messages, act: Act): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  const reflection = page.getByRole('heading', { level: 1, name: t.reflectionTitle, exact: true });
  const next = page.getByRole('button', exact(t.nextPage));
  for (let step = 0; step < 12; step++) {
    // The page is there when it shows its Next button or is the reflection.
    await reflection.or(next).first().waitFor();
    if ((await reflection.count()) > 0) return;
    const before = await heading.textContent();
    await act(next);
    await expect.poll(() => heading.textContent()).not.toBe(before);
  }
  throw new Error('no reflection page after 12 pages');
}

/** Plays the example scenario from the title to the report download using roles, names and the live region only. */
async function playThrough(page: Page, t: Messages, language: 'nl' | 'en', act: Act, reflect: boolean): Promise<{ cards: number; announced: string[] }> {
  await act(page.getByRole('button', { name: title(language) }));
  await act(page.getByRole('button', exact(t.modeAlone)));
  const status = page.getByRole('status');
  const announced: string[] = [];
  let cards = 0;
  for (;;) {
    const choices = page.getByRole('region', exact(t.a11yChoices)).getByRole('button');
    await choices.first().waitFor();
    // The new card is announced: who brings it and what it says.
    await expect.poll(() => status.textContent()).toContain(':');
    announced.push((await status.textContent()) ?? '');
    const count = await choices.count();
    await act(choices.nth(cards % count));
    cards++;
    // The outcome is announced, then the next card or the ending is one button away.
    await expect.poll(() => status.textContent()).toContain(t.youChose.split(':')[0]!);
    announced.push((await status.textContent()) ?? '');
    const next = page.getByRole('button', exact(t.continue)).or(page.getByRole('button', exact(t.toEnding)));
    await next.first().waitFor();
    const ending = (await next.first().textContent())?.includes(t.toEnding);
    await act(next.first());
    if (ending) break;
    if (cards > 40) throw new Error('the game did not end');
  }
  // The ending, then the debrief pages up to the reflection.
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expect.poll(() => status.textContent()).not.toContain(t.youChose.split(':')[0]!);
  announced.push((await status.textContent()) ?? '');
  await nextPages(page, t, act);
  if (reflect) {
    const box = page.getByRole('textbox').first();
    await box.fill(language === 'nl' ? 'Ik koos vaak voor de leerlingen.' : 'I often chose the pupils.');
  }
  const download = page.waitForEvent('download');
  await act(page.getByRole('button', exact(t.downloadMyReport)));
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.html$/);
  return { cards, announced };
}

describe('a screen reader', () => {
  for (const [language, t, locale] of [['nl', nl, 'nl-NL'], ['en', en, 'en-GB']] as const) {
    it(`plays a whole solo game from the accessibility tree (${language})`, async () => {
      const { context, page, errors } = await openTitle(env, { width: 1280, height: 1024 }, locale);
      // The canvas is hidden from assistive technology; the layer carries the screen.
      expect(await page.locator('#game').getAttribute('aria-hidden')).toBe('true');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t.gameTitle);
      const { cards, announced } = await playThrough(page, t, language, pressButton, true);
      // A meter can end the game before the last card.
      expect(cards).toBeGreaterThan(1);
      expect(cards).toBeLessThanOrEqual(scenario.turns!);
      const firstCard = scenario.cards.find((c) => announced[0]!.includes(typeof c.text === 'string' ? c.text : c.text[language]!));
      expect(firstCard, `first announcement: ${announced[0]}`).toBeDefined();
      // Meters are a list of names and values.
      const m = await snapshot(page);
      expect(m.state?.end).not.toBeNull();
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('keeps one focus: keys move the canvas focus and the DOM focus together, Tab in the layer moves the canvas focus', async () => {
    const { context, page } = await openTitle(env, { width: 1280, height: 1024 }, 'en-GB');
    await page.keyboard.press('ArrowDown');
    await waitFor(page, 'm.shown.focus === 1');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null)).toBe('title-1');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null)).toBe('title-2');
    await waitFor(page, 'm.shown.focus === 2');
    await page.getByRole('button', { name: 'Nederlands' }).first().focus();
    await waitFor(page, `m.shown.focus === ${(await snapshot(page)).levels.filter((l) => l.ok).length}`);
    await context.close();
  });
});

describe('focus that stays', () => {
  it('keeps the focus on L and N, closes help on any key, and gives each reflection box one Tab stop, read with its question', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 1024 }, 'en-GB');
    await page.goto(`${env.url}?scenario=example`);
    let m = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'", 30_000);
    await press(page, 'ArrowDown');
    m = await waitFor(page, 'm.shown.focus >= 0');
    const at = m.shown.focus as number;
    const activeId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);
    await expect.poll(activeId).not.toBeNull();
    const focused = await activeId();
    // Numbers on and off, Dutch and back: the same control keeps the focus, on the canvas and in the layer.
    for (const [key, lang] of [['n', 'en'], ['l', 'nl'], ['n', 'nl'], ['l', 'en']] as const) {
      await press(page, key);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect.poll(activeId).toBe(focused);
      expect((await snapshot(page)).shown.focus).toBe(at);
    }
    // Help closes on any key, as it says: a letter that is no command, an arrow, a digit.
    for (const key of ['x', 'ArrowDown', '7']) {
      await press(page, 'h');
      await waitFor(page, "m.overlay === 'help'");
      await press(page, key);
      await waitFor(page, 'm.overlay === null');
    }
    // To the reflection page by keys.
    for (let guard = 0; guard < 40; guard++) {
      m = await waitFor(page, "m.ready && (m.screen === 'ending' || m.phase === 'choosing' || m.phase === 'feedback')");
      if (m.screen === 'ending') break;
      const phase = m.phase;
      await press(page, phase === 'choosing' ? '1' : 'Enter');
      await waitFor(page, `m.screen === 'ending' || m.phase !== '${phase}'`);
    }
    for (let guard = 0; guard < 12; guard++) {
      m = await waitFor(page, "m.screen === 'ending' && m.ready");
      if (m.shown.questions) break;
      await press(page, 'PageDown');
      await waitFor(page, `m.shown.pageIndex === ${m.shown.pageIndex as number + 1}`);
    }
    const questions = m.shown.questions as string[];
    expect(questions.length).toBeGreaterThan(1);
    /** The control with the DOM focus as a screen reader names it. */
    const active = () => page.evaluate(() => {
      const node = document.activeElement;
      return node instanceof HTMLTextAreaElement ? `box: ${node.getAttribute('aria-label')}` : node?.textContent ?? null;
    });
    // Backwards from the page buttons: the download, then each box itself, one Tab each, last question first.
    const stops: string[] = [];
    for (let guard = 0; guard < 12 && (await snapshot(page)).shown.focus !== 0; guard++) {
      const at = (await snapshot(page)).shown.focus as number;
      await press(page, 'Shift+Tab');
      await waitFor(page, `m.shown.focus === ${at - 1}`);
      stops.push((await active()) ?? '');
    }
    const boxes = stops.filter((stop) => stop.startsWith('box: '));
    expect(boxes).toEqual(questions.map((q) => `box: ${q}`).reverse());
    expect(stops.slice(-questions.length)).toEqual(boxes);
    // Forwards, one Tab from a box is in the next box; typing there types, even the letter keys.
    await page.keyboard.press('Tab');
    await expect.poll(active).toBe(`box: ${questions[1]}`);
    await page.keyboard.type('Only when the deadline was near.');
    await expect.poll(async () => ((await snapshot(page)).shown.answers as string[])[(m.shown.firstQuestion as number) + 1]).toBe('Only when the deadline was near.');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** axe-core's serious and critical findings on the page as it is now. */
/** The line charts the visible layer draws: their names, descriptions, and each line's points turned back into turns and values. */
async function drawnCharts(page: Page): Promise<{ name: string | null; described: string; width: number; lines: { meter: string; points: [number, number][] }[] }[]> {
  return page.locator('[data-mm-layer] main svg[role="img"]').evaluateAll((svgs) => svgs.map((svg) => {
    const y = (value: number) => Number(svg.querySelector(`line[data-value="${value}"]`)!.getAttribute('y1'));
    const turns = [...svg.querySelectorAll('[data-turn]')];
    const first = Number(turns[0]!.getAttribute('x'));
    const last = Number(turns[turns.length - 1]!.getAttribute('x'));
    const lastTurn = Number(turns[turns.length - 1]!.getAttribute('data-turn'));
    return {
      name: svg.getAttribute('aria-label'),
      described: document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      width: svg.getBoundingClientRect().width,
      lines: [...svg.querySelectorAll('polyline')].map((line) => ({
        meter: line.dataset.meter!,
        // From the drawing's units back to the turn and the meter's value (0 to 100 on this scenario).
        points: line.getAttribute('points')!.split(' ').map((point) => point.split(',').map(Number)).map(([px, py]) => [Math.round(((px! - first) / (last - first)) * lastTurn), Math.round(((y(0) - py!) / (y(0) - y(100))) * 100)] as [number, number]),
      })),
    };
  }));
}

async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
  return found;
}

describe('axe-core', () => {
  for (const viewport of [{ width: 1280, height: 1024 }, { width: 390, height: 844 }]) {
    it(`finds nothing serious on the solo, workshop set-up and authoring screens at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page, errors } = await openTitle(env, viewport, 'en-GB');
      const t = en;
      const findings: Record<string, string[]> = {};
      const check = async (name: string) => {
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        findings[name] = await axeFindings(page);
      };
      await check('title');
      await pressButton(page.getByRole('button', { name: title('en') }));
      await page.getByRole('button', exact(t.modeAlone)).waitFor();
      await check('mode');
      await pressButton(page.getByRole('button', exact(t.modeWorkshop)));
      await waitFor(page, "m.screen === 'setup'");
      await check('setup');
      await page.keyboard.press('Escape');
      await waitFor(page, "m.screen === 'mode' || m.overlay === 'menu'");
      await page.goto(env.url);
      await waitFor(page, "m.screen === 'title'");
      await pressButton(page.getByRole('button', { name: title('en') }));
      await pressButton(page.getByRole('button', exact(t.modeAlone)));
      await page.getByRole('region', exact(t.a11yChoices)).waitFor();
      await check('play');
      await pressButton(page.getByRole('region', exact(t.a11yChoices)).getByRole('button').first());
      await page.getByRole('button', exact(t.continue)).waitFor();
      await check('feedback');
      for (const [kind, key] of [['menu', 'Escape'], ['help', 'F1'], ['blank', 'b']] as const) {
        await page.keyboard.press(key);
        await waitFor(page, `m.overlay === '${kind}'`);
        await page.getByRole('dialog').waitFor();
        await check(kind);
        await page.keyboard.press('Escape');
        await waitFor(page, 'm.overlay === null');
      }
      // To the ending through the layer, then every debrief page.
      // The game is on a card's feedback here. Each step waits for the button of the new state (the
      // layer is redrawn a frame after a press, so the old buttons are still there for a moment).
      for (;;) {
        const next = page.getByRole('button', exact(t.continue)).or(page.getByRole('button', exact(t.toEnding)));
        const choice = page.getByRole('region', exact(t.a11yChoices)).getByRole('button').first();
        await next.first().waitFor();
        const ending = (await next.first().textContent())?.includes(t.toEnding);
        await pressButton(next.first());
        if (ending) break;
        await choice.waitFor();
        await pressButton(choice);
      }
      let page_ = 0;
      let charts = 0;
      for (;;) {
        const m = await waitFor(page, `m.screen === 'ending' && m.shown.pageIndex === ${page_}`);
        await check(`ending page ${page_ + 1}`);
        // On the visible layer the chart is drawn too, described by its words: a line per meter through the meters after each turn.
        for (const chart of viewport.width < 1000 ? await drawnCharts(page) : []) {
          charts++;
          const state = m.state as unknown as GameState;
          const meters = Object.keys(state.meters);
          const start = state.history[0]?.before ?? state.meters;
          expect(chart.name).toBe(t.chartTitle);
          expect(chart.described).not.toBe('');
          expect(chart.width).toBeGreaterThan(300);
          expect(chart.lines.map((line) => line.meter)).toEqual(meters);
          for (const line of chart.lines) {
            const expected = [start, ...state.history.map((h) => h.after)].map((values, turn) => [turn, Math.round(values[line.meter]!)]);
            expect(line.points, line.meter).toEqual(expected);
          }
          await screenshot(page, `layer-ending-chart-${viewport.width}`);
        }
        const next = page.getByRole('button', exact(t.nextPage));
        if ((await next.count()) === 0) break;
        await pressButton(next);
        page_++;
      }
      expect(charts).toBe(viewport.width < 1000 ? 1 : 0);
      // Authoring: the writing screen, a file's check and the scenario map.
      await page.goto(env.url);
      await waitFor(page, "m.screen === 'title'");
      await pressButton(page.getByRole('button', exact(t.authorButton)));
      await waitFor(page, "m.screen === 'author'");
      await check('author');
      const targets = (await snapshot(page)).shown.targets as string[];
      await pressButton(page.locator(`[data-mm-layer] main [data-id="b-${targets.findIndex((x) => x.startsWith('check:'))}"]`));
      await waitFor(page, "m.screen === 'problems'");
      await check('problems');
      await page.goto(env.url);
      await waitFor(page, "m.screen === 'title'");
      await pressButton(page.getByRole('button', exact(t.authorButton)));
      await waitFor(page, "m.screen === 'author'");
      await pressButton(page.locator(`[data-mm-layer] main [data-id="b-${targets.findIndex((x) => x.startsWith('map:'))}"]`));
      await waitFor(page, "m.screen === 'map'");
      await check('map');
      // A card is selected from the layer as on the canvas, and the selected card is described there.
      const map = await snapshot(page);
      const other = (map.shown.cards as { id: string }[]).map((c) => c.id).find((id) => id !== map.shown.selected)!;
      await pressButton(page.getByRole('button', { name: other, exact: true }));
      await waitFor(page, `m.shown.selected === ${JSON.stringify(other)}`);
      await expect.poll(() => page.getByRole('region', exact(t.a11yMapSelected)).textContent()).toContain(other);
      const serious = Object.entries(findings).filter(([, list]) => list.length > 0);
      expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
      expect(Object.keys(findings).length).toBeGreaterThanOrEqual(15);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('touch', () => {
  // At 768×1024 a canvas button lies under the layer's "Next" on the ending pages: this test caught taps
  // that pressed both (the game restarted under the player's finger).
  for (const viewport of [{ width: 390, height: 844 }, { width: 768, height: 1024 }]) {
    it(`plays to the end and reaches menu, help and language by tapping at ${viewport.width}×${viewport.height}`, async () => {
      const context = await env.browser.newContext({ viewport, hasTouch: true, isMobile: true, locale: 'en-GB', acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(env.url);
      await waitFor(page, "m.screen === 'title'", 30_000);
      // Language on the title screen, by tapping.
      await tapButton(page.getByRole('navigation').getByRole('button', exact('Nederlands')));
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl');
      await tapButton(page.getByRole('navigation').getByRole('button', exact('English')));
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      // Sound and numbers from the bar, by tapping.
      await tapButton(page.getByRole('navigation').getByRole('button', exact(en.soundOn)));
      await expect.poll(() => settingsOf(page)).toMatchObject({ muted: true });
      await tapButton(page.getByRole('navigation').getByRole('button', exact(en.numbersOff)));
      await expect.poll(() => settingsOf(page)).toMatchObject({ showNumbers: true });
      // Every control a finger can reach is at least 44×44 CSS px, and the card text is at least 18 px.
      await tapButton(page.getByRole('button', { name: title('en') }));
      await tapButton(page.getByRole('button', exact(en.modeAlone)));
      await page.getByRole('region', exact(en.a11yChoices)).waitFor();
      const small = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-mm-layer] button')]
        .filter((b) => b.offsetParent !== null)
        .map((b) => ({ text: b.textContent, box: b.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ text, box }) => `${text} ${box.width}×${box.height}`));
      expect(small).toEqual([]);
      const cardSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.mm-r-card .mm-text')!).fontSize));
      expect(cardSize).toBeGreaterThanOrEqual(18);
      const fullWidth = await page.evaluate(() => {
        const button = document.querySelector<HTMLElement>('.mm-r-buttons .mm-button')!.getBoundingClientRect();
        const screen = document.querySelector<HTMLElement>('.mm-screen')!.getBoundingClientRect();
        return button.width / screen.width;
      });
      expect(fullWidth).toBeGreaterThan(0.85);
      await screenshot(page, 'touch-play');
      // Menu and help from the touch bar, closed by tapping too.
      await tapButton(page.getByRole('navigation').getByRole('button', exact(en.barMenu)));
      await page.getByRole('dialog').getByRole('button', exact(en.resume)).waitFor();
      await screenshot(page, 'touch-menu');
      await tapButton(page.getByRole('dialog').getByRole('button', exact(en.resume)));
      await waitFor(page, 'm.overlay === null');
      await tapButton(page.getByRole('navigation').getByRole('button', exact(en.barHelp)));
      await page.getByRole('dialog').getByRole('button', exact(en.a11yClose)).waitFor();
      await tapButton(page.getByRole('dialog').getByRole('button', exact(en.a11yClose)));
      await waitFor(page, 'm.overlay === null');
      await tapButton(page.getByRole('navigation').getByRole('button', exact(en.barBlank)));
      await waitFor(page, "m.overlay === 'blank'");
      await tapButton(page.getByRole('dialog').getByRole('button', exact(en.a11yShowScreen)));
      await waitFor(page, 'm.overlay === null');
      // The game to its end and the report, all by tapping (the game is already on its first card).
      let cards = 0;
      for (;;) {
        const choices = page.getByRole('region', exact(en.a11yChoices)).getByRole('button');
        await choices.first().waitFor();
        await tapButton(choices.first());
        cards++;
        const next = page.getByRole('button', exact(en.continue)).or(page.getByRole('button', exact(en.toEnding)));
        await next.first().waitFor();
        if (cards === 1) await screenshot(page, 'touch-feedback');
        const ending = (await next.first().textContent())?.includes(en.toEnding);
        await tapButton(next.first());
        if (ending) break;
      }
      expect(cards).toBeLessThanOrEqual(scenario.turns!);
      await waitFor(page, "m.screen === 'ending'");
      await screenshot(page, 'touch-ending');
      await nextPages(page, en, tapButton);
      const box = page.getByRole('textbox').first();
      await box.tap();
      await box.fill('Typed on a phone.');
      await expect.poll(async () => ((await snapshot(page)).shown.answers as string[])[0]).toBe('Typed on a phone.');
      await screenshot(page, 'touch-reflection');
      const download = page.waitForEvent('download');
      await tapButton(page.getByRole('button', exact(en.downloadMyReport)));
      expect((await download).suggestedFilename()).toMatch(/\.html$/);
      await context.close();
    });
  }
});

describe('touch in the workshop', () => {
  it('runs a round by tapping at 768×1024: the card, meters and votes in words, the timer and what-if from the touch bar, the decision', async () => {
    const context = await env.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(env.url);
    await waitFor(page, "m.screen === 'title'", 30_000);
    await tapButton(page.getByRole('button', { name: title('en') }));
    await tapButton(page.getByRole('button', exact(en.modeWorkshop)));
    await waitFor(page, "m.screen === 'setup'");
    await tapButton(page.getByRole('button', exact(en.setupStart)));
    let m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding'");
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toContain(m.shown.cardText as string);
    expect(await main.getByRole('region', exact(en.a11yMeters)).textContent()).toMatch(/50 of 100/);
    const first = main.getByRole('button', { name: (m.shown.choices as string[])[0]!, exact: true });
    expect(await first.getAttribute('aria-describedby')).toBeTruthy();
    // Tab goes through the choices in their order, then the guess and the decision, then the hand counts.
    await first.focus();
    const order: string[] = [];
    for (let i = 0; i < (m.shown.buttons as string[]).length + 1; i++) {
      order.push(await page.evaluate(() => document.activeElement?.querySelector('.mm-label')?.textContent ?? ''));
      await page.keyboard.press('Tab');
    }
    expect(order).toEqual([...(m.shown.buttons as string[]), en.handMore.replace('{choice}', `1. ${(m.shown.choices as string[])[0]!}`)]);
    await first.focus();
    expect(await main.textContent()).toContain('0 votes');
    // The timer and what-if from the touch bar.
    const bar = page.getByRole('navigation');
    await tapButton(bar.getByRole('button', exact(en.timerPauseButton)));
    await waitFor(page, 'm.shown.timer.paused === true');
    await tapButton(bar.getByRole('button', exact(en.whatIfButton)));
    await waitFor(page, "m.screen === 'whatif'");
    await expect.poll(() => main.textContent()).toContain(en.whatIfNothing);
    await tapButton(main.getByRole('button', exact(en.whatIfBack)));
    m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding'");
    // No votes counted: the first tap asks, the second decides, and the reveal says how.
    await tapButton(main.getByRole('button', { name: (m.shown.choices as string[])[0]!, exact: true }));
    await waitFor(page, 'm.shown.asking !== null');
    await expect.poll(() => main.textContent()).toContain(en.wsAskNoVotes.slice(0, 20));
    await tapButton(main.getByRole('button', { name: (m.shown.choices as string[])[0]!, exact: true }));
    await waitFor(page, "m.phase === 'reveal'");
    await expect.poll(() => main.textContent()).toContain(en.wsHowTrainer);
    expect(await main.getByRole('region', exact(en.a11yOutcome)).count()).toBe(1);
    await screenshot(page, 'touch-workshop-reveal');
    await context.close();
  });
});

describe('touch on the projector canvas', () => {
  for (const [language, t, locale] of [['en', en, 'en-GB'], ['nl', nl, 'nl-NL']] as const) {
  it(`counts hands with − and +, says "tap" in every notice, and takes each what-if choice by tapping at 1024×768 (${language})`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale });
    const page = await context.newPage();
    await page.goto(env.url);
    await waitFor(page, "m.screen === 'title'", 30_000);
    // A touch screen the size of a projector: the drawn stage, not the large-text layer.
    expect(await page.evaluate(() => [document.documentElement.classList.contains('mm-dom'), document.documentElement.classList.contains('mm-touch')])).toEqual([false, true]);
    await pressButton(page.getByRole('button', { name: title(language) }));
    await pressButton(page.getByRole('button', exact(t.modeWorkshop)));
    await waitFor(page, "m.screen === 'setup'");
    await pressButton(page.getByRole('button', exact(t.setupStart)));
    let m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
    // The room stage the workshop and what-if screens are laid out on (its width follows the screen's shape).
    const stage = m.shown.stage as { width: number; height: number };
    /** A tap on the canvas at a point of the room stage. */
    const tapStage = async (point: { x: number; y: number }) => {
      const box = (await page.locator('#game canvas').boundingBox())!;
      await waitFor(page, 'm.ready');
      await page.touchscreen.tap(Math.round(box.x + (point.x / stage.width) * box.width), Math.round(box.y + (point.y / stage.height) * box.height));
    };
    /** No text drawn now tells a finger to use keys. */
    const findings: Record<string, string[]> = {};
    /** axe-core on the layer and the touch bar, and every drawn text at 4.5:1 or more, inside the canvas. */
    const check = async (state: string) => {
      await expectReadableCanvas(page, `${language} ${state}`);
      findings[state] = await axeFindings(page);
    };
    const drawnKeys = async () => {
      await waitFor(page, 'm.ready && !m.moving');
      const drawn = await page.evaluate(() => (window as unknown as { manyMastersTexts: { texts: DrawnText[] } }).manyMastersTexts.texts.map((d) => d.text));
      return drawn.filter((text) => /Enter|arrow keys|pijltjes|Esc\b|\bP pau|1–4/.test(text));
    };
    expect(m.shown.keys).toBe(t.wsKeysTouch);
    expect(await drawnKeys()).toEqual([]);
    const taps = m.shown.handTaps as { more: { x: number; y: number }; less: { x: number; y: number } }[];
    expect(taps.length).toBe((m.shown.choices as string[]).length);
    // Each target is at least 44 CSS pixels wide at this size.
    const scale = (await page.locator('#game canvas').boundingBox())!.height / 1080;
    expect(Math.abs(taps[0]!.more.x - taps[0]!.less.x) * scale).toBeGreaterThan(44);
    await tapStage(taps[0]!.more);
    await waitFor(page, 'm.shown.counts[0] === 1');
    await tapStage(taps[0]!.more);
    await waitFor(page, 'm.shown.counts[0] === 2');
    await tapStage(taps[0]!.less);
    await waitFor(page, 'm.shown.counts[0] === 1');
    await tapStage(taps[1]!.more);
    m = await waitFor(page, 'm.shown.counts[0] === 1 && m.shown.counts[1] === 1');
    await screenshot(page, `touch-canvas-${language}-hands`);
    await check('hands');
    // A tie: the notice says to tap, and a tap on the choice decides.
    await pressButton(page.getByRole('button', exact(t.wsReveal)));
    m = await waitFor(page, 'm.shown.asking !== null');
    expect((m.shown.asking as { text: string }).text).toContain(t.wsAskTieTouch.split('{')[0]!);
    expect(await drawnKeys()).toEqual([]);
    await screenshot(page, `touch-canvas-${language}-tie`);
    await check('tie');
    await pressButton(page.getByRole('button', { name: (m.shown.choices as string[])[1]!, exact: true }));
    await waitFor(page, "m.phase === 'reveal'");
    expect(await drawnKeys()).toEqual([]);
    await screenshot(page, `touch-canvas-${language}-reveal`);
    await check('reveal');
    // What if: every other choice of the card is a tap away, on the canvas and in the layer.
    await tapButton(page.getByRole('navigation').getByRole('button', exact(t.whatIfButton)));
    m = await waitFor(page, "m.screen === 'whatif' && m.shown.stage === 'pick' && m.ready");
    expect(await drawnKeys()).toEqual([]);
    await screenshot(page, `touch-canvas-${language}-whatif`);
    await check('what-if');
    const others = m.shown.choiceTaps as { choice: number; x: number; y: number }[];
    expect(others.map((o) => o.choice).sort()).toEqual((m.shown.order as number[]).filter((i) => i !== m.shown.realChoice).sort());
    for (const other of (m.shown.order as number[]).filter((i) => i !== m.shown.realChoice)) {
      expect(await page.locator('[data-mm-layer] main').getByRole('button', { name: new RegExp(`^\\d\\. `) }).count()).toBeGreaterThan(0);
      m = await waitFor(page, "m.screen === 'whatif' && m.shown.stage === 'pick' && m.ready");
      await tapStage((m.shown.choiceTaps as { choice: number; x: number; y: number }[]).find((o) => o.choice === other)!);
      await waitFor(page, `m.shown.stage === 'branch' && m.shown.other === ${other}`);
      await page.keyboard.press('ArrowLeft');
      await waitFor(page, "m.shown.stage === 'pick'");
    }
    const serious = Object.entries(findings).filter(([, list]) => list.length > 0);
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
    await context.close();
  });
  }
});

describe('layout', () => {
  const sizes = [
    { name: 'phone-portrait', viewport: { width: 390, height: 844 }, scale: 3, layer: true },
    { name: 'phone-landscape', viewport: { width: 844, height: 390 }, scale: 3, layer: true },
    { name: 'tablet', viewport: { width: 768, height: 1024 }, scale: 2, layer: true },
    { name: 'laptop', viewport: { width: 1280, height: 1024 }, scale: 1, layer: false },
    { name: 'projector-4:3', viewport: { width: 1024, height: 768 }, scale: 1, layer: false },
    { name: 'uhd', viewport: { width: 3840, height: 2160 }, scale: 1, layer: false },
    // Browser zoom 200% on a 1280×1024 screen: half the CSS pixels, each twice as large.
    { name: 'zoom200', viewport: { width: 640, height: 512 }, scale: 2, layer: true },
    // And 400%: the 320 CSS pixels WCAG asks content to reflow into.
    { name: 'zoom400', viewport: { width: 320, height: 256 }, scale: 4, layer: true },
    // 125% and 150% zoom on a 1920×1080 screen: the window stays 1920 screen pixels wide (what Chromium
    // reports as outerWidth), the page gets fewer CSS pixels. The drawn stage would only be fitted to
    // them, its text no larger: the large-text layer takes over.
    { name: 'zoom125', viewport: { width: 1536, height: 864 }, scale: 1.25, layer: true, outer: 1920 },
    { name: 'zoom150', viewport: { width: 1280, height: 720 }, scale: 1.5, layer: true, outer: 1920 },
    // The same pixels on a laptop set to 125% by the system, at 100% zoom: the drawn stage stays.
    { name: 'system125', viewport: { width: 1536, height: 864 }, scale: 1.25, layer: false },
  ];
  for (const { name, viewport, scale, layer, outer } of sizes) {
    it(`fits the screen at ${name} (${viewport.width}×${viewport.height})`, async () => {
      const context = await env.browser.newContext({ viewport, deviceScaleFactor: scale, locale: 'nl-NL' });
      if (outer) await context.addInitScript(`Object.defineProperty(window, 'outerWidth', { get: () => ${outer} })`);
      const page = await context.newPage();
      await page.goto(`${env.url}?scenario=school`);
      await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'", 30_000);
      expect(await page.evaluate(() => document.documentElement.classList.contains('mm-dom'))).toBe(layer);
      if (layer) {
        // Nothing is cut off sideways; card text is at least 18 CSS px (twice the device pixels at 200%).
        const overflow = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-mm-layer] *')]
          .filter((n) => n.getClientRects().length > 0 && n.getBoundingClientRect().right > window.innerWidth + 1 && !n.closest('.mm-live'))
          .map((n) => n.className || n.tagName));
        expect(overflow).toEqual([]);
        const cardSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.mm-r-card .mm-text')!).fontSize));
        expect(cardSize).toBeGreaterThanOrEqual(18);
      }
      await screenshot(page, `layout-${name}`);
      if (!layer) await expectReadableCanvas(page, `${name} card`);
      await page.keyboard.press('1');
      await waitFor(page, "m.phase === 'feedback'");
      await screenshot(page, `layout-${name}-feedback`);
      if (!layer) await expectReadableCanvas(page, `${name} feedback`);
      await context.close();
    });
  }

  it('larger text in the menu turns a projector screen into large reflowing text', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${env.url}?scenario=example`);
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'", 30_000);
    expect(await page.evaluate(() => document.documentElement.classList.contains('mm-dom'))).toBe(false);
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu'");
    await pressButton(page.getByRole('dialog').getByRole('button', exact(en.largerTextOff)));
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('mm-dom'))).toBe(true);
    await page.getByRole('dialog').getByRole('button', exact(en.largerTextOn)).waitFor();
    await pressButton(page.getByRole('dialog').getByRole('button', exact(en.resume)));
    await waitFor(page, 'm.overlay === null');
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.mm-r-buttons .mm-button')!).fontSize));
    expect(size).toBeGreaterThanOrEqual(36);
    await screenshot(page, 'layout-larger-text');
    await context.close();
  });
});
