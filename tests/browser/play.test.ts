/**
 * Plays a scenario to its ending by keyboard only, once in English at 1920×1080 and once in Dutch at
 * 1024×768, against the production build; checks that what the screen shows is the engine's state,
 * and that the WebGL and canvas 2D renderers (platform/renderer.ts) draw the same screen.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { resolveText, type Language } from '../../src/engine/text.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { en } from '../../src/locales/en.ts';
import { nl } from '../../src/locales/nl.ts';
import { launch, press, RESULTS, ROOT, serveDist, snapshot, waitFor, watchErrors, type Snapshot } from './harness.ts';

const SCENARIO_ID = 'example';
const levelFiles = readdirSync(join(ROOT, 'levels')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

function loadScenario(id: string): Scenario {
  for (const file of levelFiles) {
    const result = validateScenarioText(readFileSync(join(ROOT, 'levels', file), 'utf8'));
    if (result.ok && result.scenario.id === id) return result.scenario;
  }
  throw new Error(`no valid level with id "${id}"`);
}

const scenario = loadScenario(SCENARIO_ID);
let server: Server;
let url: string;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  ({ server, url } = await serveDist());
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', reducedMotion: 'no-preference' });
  errors = watchErrors(page);
  await page.goto(url);
  await waitFor(page, "m.screen === 'title'", 30_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function shot(name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: join(RESULTS, `${name}-${width}x${height}.png`) });
}

/** Checks the play screen against the engine state and the scenario file. */
function checkPlayScreen(m: Snapshot, language: Language): void {
  const state = m.state!;
  const meters = m.shown.meters as { id: string; value: number }[];
  expect(meters.map((x) => [x.id, x.value])).toEqual(scenario.meters.map((x) => [x.id, state.meters[x.id]]));
  if (m.phase === 'choosing') {
    const card = scenario.cards.find((c) => c.id === state.current!.card)!;
    expect(m.shown.cardId).toBe(card.id);
    expect(m.shown.cardText).toBe(resolveText(card.text, language));
    expect(m.shown.choices).toEqual(card.choices.map((c) => resolveText(c.label, language)));
    const stakeholder = scenario.stakeholders.find((s) => s.id === card.from)!;
    expect(m.shown.stakeholder).toBe(resolveText(stakeholder.name, language));
    expect(String(m.shown.turnText)).toContain(String(state.turn));
    expect(m.shown.followUp !== null).toBe(state.current!.followUpOf !== undefined);
  } else {
    const last = state.history[state.history.length - 1]!;
    const choice = scenario.cards.find((c) => c.id === last.card)!.choices[last.choice]!;
    const messages = language === 'nl' ? nl : en;
    expect(m.shown.feedback).toBe(choice.feedback ? resolveText(choice.feedback, language) : messages.noFeedback);
  }
}

async function startScenario(): Promise<void> {
  const m = await waitFor(page, "m.screen === 'title'");
  const index = m.levels.filter((l) => l.ok).findIndex((l) => l.id === SCENARIO_ID);
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
  await press(page, 'Enter');
  // The scenario's mode screen: "Alone" (a new game) is 2 when a saved game offers Continue first.
  const mode = await waitFor(page, "m.screen === 'mode'");
  await press(page, mode.shown.canContinue ? '2' : '1');
  await waitFor(page, `m.screen === 'play' && m.phase === 'choosing' && m.scenarioId === '${SCENARIO_ID}'`);
}

async function playToEnding(language: Language): Promise<Snapshot> {
  await startScenario();
  let turn = 0;
  for (let guard = 0; guard < 400; guard++) {
    const m = await waitFor(page, "m.ready && (m.screen === 'ending' || m.phase === 'choosing' || m.phase === 'feedback')");
    expect(m.language).toBe(language);
    if (m.screen === 'ending') return m;
    checkPlayScreen(m, language);
    if (m.phase === 'choosing') {
      const choices = (m.shown.choices as string[]).length;
      // Alternate between moving focus with the arrows and picking by number.
      if (turn % 2 === 0) {
        await press(page, String((turn % choices) + 1));
      } else {
        await press(page, 'ArrowDown');
        if (turn === 1) await shot(`play-${language}`);
        await press(page, 'Enter');
      }
      await waitFor(page, `m.phase === 'feedback' && m.state.history.length === ${m.state!.history.length + 1}`);
      if (turn === 0) {
        await page.waitForTimeout(800);
        await shot(`feedback-${language}`);
      }
      turn++;
    } else {
      await press(page, turn % 3 === 0 ? 'PageDown' : 'Enter');
      await waitFor(page, `m.screen === 'ending' || m.phase === 'choosing'`);
    }
  }
  throw new Error('the game did not end');
}

function checkEnding(m: Snapshot, language: Language): void {
  const end = m.state!.end!;
  expect(end).not.toBeNull();
  const ending = scenario.endings?.find((e) => e.id === end.ending);
  if (ending) expect(m.shown.endingTitle).toBe(resolveText(ending.title, language));
}

async function stepThroughDebrief(language: Language): Promise<void> {
  const pages = Number((await waitFor(page, "m.screen === 'ending'")).shown.pages);
  for (let p = 0; p < pages; p++) {
    const m = await waitFor(page, `m.screen === 'ending' && m.shown.pageIndex === ${p}`);
    if (p === 0) checkEnding(m, language);
    await page.waitForTimeout(150);
    await shot(`debrief-${p + 1}-${language}`);
    if (p < pages - 1) await press(page, 'PageDown');
  }
}

describe('the game in the browser', () => {
  it('lists every level on the title screen, in the browser language', async () => {
    const m = await snapshot(page);
    expect(m.language).toBe('en');
    expect(m.levels.map((l) => l.file).sort()).toEqual([...levelFiles].sort());
    await shot('title-en');
  });

  it('plays to an ending by keyboard only in English', async () => {
    const m = await playToEnding('en');
    expect(m.state!.end).not.toBeNull();
    await stepThroughDebrief('en');
    await press(page, 'Enter');
    // Play again, then back to the title through the menu.
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu'");
    // Up from the first entry wraps to the last one: back to the title.
    await press(page, 'ArrowUp');
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'title' && m.overlay === null");
  }, 120_000);

  it('takes one choice per held key, sleeps when idle, switches language mid-game, blanks the screen', async () => {
    await startScenario();
    await waitFor(page, 'm.ready');
    await page.keyboard.down('1');
    await page.keyboard.down('1');
    await page.keyboard.down('1');
    await page.keyboard.up('1');
    const m = await waitFor(page, "m.phase === 'feedback'");
    await page.waitForTimeout(400);
    expect((await snapshot(page)).state!.history.length).toBe(1);
    expect(m.state!.history.length).toBe(1);
    await waitFor(page, 'm.sleeping', 5_000);
    const frame = (await snapshot(page)).frame;
    await page.waitForTimeout(600);
    expect((await snapshot(page)).frame).toBe(frame);

    // Switching language mid-game redraws the screen from the same state.
    const chosen = scenario.cards.find((c) => c.id === m.state!.history[0]!.card)!.choices[m.state!.history[0]!.choice]!;
    await press(page, 'l');
    const dutch = await waitFor(page, "m.language === 'nl' && m.phase === 'feedback'");
    expect(dutch.shown.feedback).toBe(chosen.feedback ? resolveText(chosen.feedback, 'nl') : nl.noFeedback);
    expect(dutch.state).toEqual(m.state);
    await press(page, 'l');
    await waitFor(page, "m.language === 'en' && m.phase === 'feedback'");

    // The presenter's blank key hides everything; the next key only brings the game back.
    await press(page, 'b');
    await waitFor(page, "m.overlay === 'blank'");
    await press(page, 'Enter');
    const back = await waitFor(page, 'm.overlay === null');
    expect(back.phase).toBe('feedback');
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu'");
    await press(page, 'ArrowUp');
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'title'");
  }, 60_000);

  it('switches to Dutch and plays to an ending at 1024×768', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await press(page, 'l');
    const m = await waitFor(page, "m.language === 'nl' && m.screen === 'title'");
    expect(m.shown.title).toBe(nl.gameTitle);
    await page.waitForTimeout(300);
    await shot('title-nl');
    const end = await playToEnding('nl');
    expect(end.state!.end).not.toBeNull();
    await stepThroughDebrief('nl');
  }, 120_000);

  it('draws the same play screen with the WebGL and the canvas 2D renderer, and plays on with either', async () => {
    const shots: Record<string, string> = {};
    for (const renderer of ['webgl', 'canvas']) {
      const other = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
      const otherErrors = watchErrors(other);
      await other.goto(`${url}?scenario=${SCENARIO_ID}&renderer=${renderer}`);
      let m = await waitFor(other, "m.screen === 'play' && m.phase === 'choosing' && m.ready", 30_000);
      expect(m.renderer).toBe(renderer);
      // The card comes before its art; the portrait and the meter icons fill in soon after.
      await waitFor(other, 'm.artWaiting === 0', 5_000);
      checkPlayScreen(m, 'en');
      await other.waitForTimeout(500);
      // The meter row: the same values in both, whatever card the seed dealt.
      shots[renderer] = (await other.screenshot({ clip: { x: 100, y: 10, width: 1720, height: 250 } })).toString('base64');
      await other.screenshot({ path: join(RESULTS, `renderer-${renderer}-1920x1080.png`) });
      for (let turn = 0; turn < 3; turn++) {
        await press(other, '1');
        m = await waitFor(other, "m.phase === 'feedback' && m.ready");
        checkPlayScreen(m, 'en');
        await press(other, 'Enter');
        m = await waitFor(other, "(m.phase === 'choosing' && m.ready) || m.screen === 'ending'");
        if (m.screen === 'ending') break;
        checkPlayScreen(m, 'en');
      }
      expect(otherErrors).toEqual([]);
      await other.close();
    }
    // Mean difference per colour channel between the two pictures, decoded by the browser itself.
    const compare = await browser.newPage();
    const difference = await compare.evaluate(async ([a, b]) => {
      const pixels = async (data: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = [await pixels(a!), await pixels(b!)];
      let sum = 0;
      let inked = 0;
      for (let i = 0; i < x.length; i += 4) {
        for (let c = 0; c < 3; c++) sum += Math.abs(x[i + c]! - y[i + c]!);
        if (x[i]! < 100) inked++;
      }
      return { mean: sum / (x.length / 4) / 3, inked: inked / (x.length / 4) };
    }, [shots.webgl, shots.canvas]);
    await compare.close();
    // Something is drawn (icons, labels, bars are dark), and both renderers drew it alike.
    expect(difference.inked).toBeGreaterThan(0.02);
    expect(difference.mean).toBeLessThan(1);
  }, 120_000);

  it('takes keys on the first card at once, and ignores a bouncing remote that sends a press twice', async () => {
    const other = await browser.newPage({ viewport: { width: 1024, height: 768 }, locale: 'en-GB' });
    await other.goto(`${url}?scenario=${SCENARIO_ID}`);
    // Nothing was pressed before the first card, so it takes keys from its first frame.
    const first = await waitFor(other, "m.screen === 'play' && m.phase === 'choosing' && m.drawnAt !== null", 30_000);
    expect(first.ready).toBe(true);
    await other.keyboard.press('ArrowDown');
    await other.keyboard.press('Enter');
    await other.waitForTimeout(60);
    await other.keyboard.press('Enter');
    const m = await waitFor(other, "m.phase === 'feedback' && m.ready");
    await other.waitForTimeout(300);
    const after = await snapshot(other);
    expect(after.state!.history.length).toBe(1);
    expect(after.phase).toBe('feedback');
    expect(m.state!.history[0]!.choice).toBe(0);
    await other.close();
  }, 60_000);

  it('moves cards and meters, and with reduced motion changes them at once without animating', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const other = await browser.newPage({ viewport: { width: 1024, height: 768 }, locale: 'en-GB', reducedMotion });
      await other.goto(`${url}?scenario=${SCENARIO_ID}`);
      await waitFor(other, "m.screen === 'play' && m.phase === 'choosing' && m.ready", 30_000);
      // Sampled on every frame from the choice until the feedback has settled.
      await other.evaluate(`(() => {
        window.movedFrames = 0;
        const tick = () => { if (window.manyMasters.moving) window.movedFrames++; if (!window.stopCounting) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      })()`);
      await press(other, '1');
      const m = await waitFor(other, "m.phase === 'feedback' && m.ready && !m.moving");
      const moved = (await other.evaluate('(window.stopCounting = true, window.movedFrames)')) as number;
      const changed = (m.shown.meters as { delta: string }[]).filter((meter) => meter.delta !== '');
      expect(changed.length).toBeGreaterThan(0);
      if (reducedMotion === 'reduce') expect(moved).toBe(0);
      else expect(moved).toBeGreaterThan(5);
      await other.close();
    }
  }, 60_000);

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
