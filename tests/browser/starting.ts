/** Helpers for the tests of where the game starts: from a file, served, offline, under a policy. */
import type { Page } from 'playwright-core';
import { waitFor, type Snapshot } from './harness.ts';

export interface Extras {
  artWaiting: number;
  artFailed: number;
  sounds: { loaded: number; failed: number };
}

export function extras(page: Page): Promise<Extras> {
  return page.evaluate(() => (window as unknown as { manyMasters: Extras }).manyMasters);
}

/** The game's font is in use (both weights), not a fallback face. */
export function fontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Atkinson Hyperlegible Next' && f.status === 'loaded');
    return faces.some((f) => f.weight === '400') && faces.some((f) => f.weight === '700');
  });
}

/** From the title screen with no save: the first scenario, Alone, one card to its feedback and on; the state before the next card. */
export async function playOneCard(page: Page, wait: Wait = waitFor): Promise<Snapshot> {
  const key = async (k: string) => {
    await wait(page, 'm.ready');
    await page.keyboard.press(k);
  };
  await wait(page, "m.screen === 'title'", 30_000);
  await key('1');
  await wait(page, "m.screen === 'mode' && !m.shown.canContinue");
  await key('1');
  await wait(page, "m.ready && m.screen === 'play' && m.phase === 'choosing'");
  await key('1');
  await wait(page, "m.phase === 'feedback' && m.ready");
  await key('Enter');
  return wait(page, "m.ready && m.screen === 'play' && m.phase === 'choosing' && m.state.history.length === 1");
}

type Wait = (page: Page, condition: string, timeout?: number) => Promise<Snapshot>;

/**
 * harness.waitFor for a page under a Content-Security-Policy without 'unsafe-eval', where Playwright
 * cannot evaluate a string condition in the page: the snapshot is read (a plain function call, which
 * the policy allows) and the condition is checked here, until it holds.
 */
export async function waitUnderPolicy(page: Page, condition: string, timeout = 15_000): Promise<Snapshot> {
  const holds = new Function('m', `return !!m && (${condition});`) as (m: Snapshot | undefined) => boolean;
  const until = Date.now() + timeout;
  for (;;) {
    const m = await page.evaluate(() => (window as unknown as { manyMasters?: Snapshot }).manyMasters).catch(() => undefined);
    if (holds(m)) return m!;
    if (Date.now() > until) throw new Error(`waiting for ${condition}: the game showed ${JSON.stringify(m ? { screen: m.screen, phase: m.phase, ready: m.ready } : null)}`);
    await page.waitForTimeout(50);
  }
}

/** Presses a key once the game takes keys, under a policy (see waitUnderPolicy). */
export async function pressUnderPolicy(page: Page, key: string): Promise<void> {
  await waitUnderPolicy(page, 'm.ready');
  await page.keyboard.press(key);
}
