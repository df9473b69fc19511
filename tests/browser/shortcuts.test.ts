/**
 * Single-letter keys (WCAG 2.1.4): typing a team name never triggers them, on the drawn stage or in
 * the larger-text layout; "Letter keys: off" in the menu stops every one of them on the play screen
 * and is remembered, while the presenter remote's keys (arrows, Page Down, B and ".") keep working.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/locales/en.ts';
import { openTitle, press, snapshot, useBrowser, waitFor } from './harness.ts';

const env = useBrowser();

/** Every key that does something by itself as a letter or sign, B and "." included. */
const NAME = 'Bold? Hmm, glen pews; jv d.c. L N';

/** What a stray key could change: the screen, an overlay, the language, the settings, the focus and the game. */
async function visible(page: Page): Promise<string> {
  const m = await snapshot(page);
  return JSON.stringify({ screen: m.screen, overlay: m.overlay, language: m.language, settings: (m as unknown as { settings: unknown }).settings, focus: m.shown.focus, state: m.state, typing: m.shown.typing ?? null });
}

async function toSetup(page: Page): Promise<void> {
  const title = await snapshot(page);
  const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example');
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
  await press(page, 'Enter');
  await waitFor(page, "m.screen === 'mode'");
  await press(page, '2');
  await waitFor(page, "m.screen === 'setup'");
}

describe('letter keys', () => {
  it('never act while a team name is typed, on the stage or in the larger-text layout', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await toSetup(page);
    const before = await snapshot(page);
    // From Start (7) up to the first name (5); Enter opens its box.
    await press(page, 'ArrowUp');
    await press(page, 'ArrowUp');
    await waitFor(page, 'm.shown.focus === 5');
    await press(page, 'Enter');
    await waitFor(page, 'm.shown.typing === true');
    await page.keyboard.type(NAME);
    let m = await waitFor(page, `m.shown.settings.teams[0] === ${JSON.stringify(NAME)}`);
    expect({ screen: m.screen, overlay: m.overlay, language: m.language, settings: (m as unknown as { settings: unknown }).settings }).toEqual({ screen: 'setup', overlay: null, language: 'en', settings: (before as unknown as { settings: unknown }).settings });
    await context.close();

    // A phone-sized window shows the layer's own text boxes.
    const small = await openTitle(env, { width: 390, height: 844 }, 'en-GB');
    await toSetup(small.page);
    const box = small.page.getByRole('textbox', { name: 'Name of team 2' });
    await box.focus();
    await small.page.keyboard.type(NAME);
    m = await waitFor(small.page, `m.shown.settings.teams[1] === ${JSON.stringify(NAME)}`);
    expect({ screen: m.screen, overlay: m.overlay, language: m.language }).toEqual({ screen: 'setup', overlay: null, language: 'en' });
    expect(await box.inputValue()).toBe(NAME);
    expect([...errors, ...small.errors]).toEqual([]);
    await small.context.close();
  }, 120_000);

  it('can be switched off in the menu: no letter acts on the play screen, the remote keys still do, and it is remembered', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 1024 }, 'en-GB');
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'mode'");
    await press(page, '1');
    await waitFor(page, "m.screen === 'play' && m.ready");
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu'");
    const toggle = page.getByRole('button', { name: en.shortcutsOn, exact: true });
    await toggle.focus();
    await press(page, 'Enter');
    await page.getByRole('button', { name: en.shortcutsOff, exact: true }).waitFor();
    await waitFor(page, 'm.settings.shortcuts === false');
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === null && m.screen === 'play' && m.ready");
    // Remembered across a reload.
    await page.reload();
    await waitFor(page, "m.screen === 'title' && m.settings.shortcuts === false", 30_000);
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'mode'");
    // The first option: Continue the saved game, or Alone.
    await press(page, '1');
    const start = await waitFor(page, "m.screen === 'play' && m.ready");
    const before = await visible(page);
    for (const key of ['l', 'm', 'n', 'h', 'Shift+Slash', 'g', 'p', 'e', 's', 'w', 'v', 'j', 'd', 'c', 'L', 'H']) await page.keyboard.press(key);
    // Keys are handled in order: once this arrow has moved the focus, every letter before it has been handled.
    await page.keyboard.press('ArrowDown');
    await waitFor(page, `m.shown.focus !== ${start.shown.focus}`);
    const after = JSON.parse(await visible(page)) as Record<string, unknown>;
    expect({ ...after, focus: start.shown.focus }).toEqual(JSON.parse(before));
    // The presenter remote's keys: arrows moved the focus above; B and "." blank the screen, Page Down brings it back.
    await press(page, 'b');
    await waitFor(page, "m.overlay === 'blank'");
    await press(page, 'PageDown');
    await waitFor(page, 'm.overlay === null');
    await press(page, '.');
    await waitFor(page, "m.overlay === 'blank'");
    await press(page, 'PageDown');
    await waitFor(page, 'm.overlay === null');
    // F1 is no letter: help still opens for a keyboard.
    await press(page, 'F1');
    await waitFor(page, "m.overlay === 'help'");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('L and N keep the focus where it was; the help closes on any key', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 1024 }, 'en-GB');
    await page.goto(`${env.url}?scenario=example`);
    let m = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing' && m.ready", 30_000);
    const start = m.shown.focus as number;
    await press(page, 'ArrowDown');
    await press(page, 'ArrowDown');
    m = await waitFor(page, `m.shown.focus === ${(start + 2) % 3}`);
    const focus = m.shown.focus as number;
    const domFocus = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);
    await expect.poll(domFocus).toBe(`choice-${focus}`);
    await press(page, 'l');
    m = await waitFor(page, "m.language === 'nl' && m.screen === 'play' && m.ready");
    expect(m.shown.focus).toBe(focus);
    await expect.poll(domFocus).toBe(`choice-${focus}`);
    await press(page, 'n');
    m = await waitFor(page, 'm.settings.showNumbers === true && m.ready');
    expect(m.shown.focus).toBe(focus);
    await expect.poll(domFocus).toBe(`choice-${focus}`);
    // Help: a key that is no command closes it, as it says.
    for (const key of ['x', 'q', 'F2']) {
      await press(page, 'h');
      await waitFor(page, "m.overlay === 'help' && m.ready");
      await page.keyboard.press(key);
      await waitFor(page, 'm.overlay === null');
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
