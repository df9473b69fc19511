/**
 * Playing alone in Chromium against the production build: autosave and Continue across a page
 * reload (the same cards, the same state), the feedback with the meter changes, the personal report
 * with written answers downloaded and opened, the endings collection on the title screen, a corrupt
 * save kept aside with a notice, and storage that throws on every call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/game.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { en } from '../../src/locales/en.ts';
import { nl } from '../../src/locales/nl.ts';
import { press, RESULTS, ROOT, snapshot, waitFor, type Snapshot, useBrowser, openTitle, screenshot } from './harness.ts';

const result = validateScenarioText(readFileSync(join(ROOT, 'levels', 'example.json'), 'utf8'));
if (!result.ok) throw new Error('levels/example.json does not validate');
const scenario: Scenario = result.scenario;
const ENDINGS = scenario.endings!.length;

const env = useBrowser();

function exampleIndex(m: Snapshot): number {
  return m.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example');
}

/** Title → the example scenario's mode screen. */
async function toMode(page: Page): Promise<Snapshot> {
  const m = await waitFor(page, "m.screen === 'title'");
  await press(page, String(exampleIndex(m) + 1));
  return waitFor(page, "m.screen === 'mode'");
}

/** Takes one choice and leaves its feedback; returns the state after it. */
async function playOne(page: Page, choice: number): Promise<Snapshot> {
  const m = await waitFor(page, "m.ready && m.screen === 'play' && m.phase === 'choosing'");
  const n = (m.shown.choices as string[]).length;
  await press(page, String((choice % n) + 1));
  const fed = await waitFor(page, `m.phase === 'feedback' && m.state.history.length === ${m.state!.history.length + 1}`);
  await press(page, 'Enter');
  await waitFor(page, "m.screen === 'ending' || m.phase === 'choosing'");
  return fed;
}

describe('playing alone', () => {
  it('continues after a reload with the same card and state, ends, writes answers and downloads the report', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    let m = await snapshot(page);
    expect((m.shown.details as string[])[exampleIndex(m)]).toContain(`0 of ${ENDINGS} endings found`);
    m = await toMode(page);
    expect(m.shown.canContinue).toBe(false);
    expect(m.shown.notices).toEqual([]);
    await screenshot(page, 'solo-en-mode');
    await press(page, '1');
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");

    // Feedback says why, with the meter changes in words.
    const first = await waitFor(page, "m.ready && m.phase === 'choosing'");
    await press(page, '1');
    m = await waitFor(page, "m.phase === 'feedback'");
    const card = scenario.cards.find((c) => c.id === first.state!.current!.card)!;
    // Key 1 takes the first choice shown, which is the file's choice order[0].
    const moved = Object.entries(card.choices[(first.shown.order as number[])[0]!]!.effects ?? {}).filter(([, d]) => d !== 0);
    const label = (id: string) => (scenario.meters.find((x) => x.id === id)!.label as { en: string }).en;
    expect(m.shown.changes).toBe(moved.length > 0 ? scenario.meters.filter((x) => moved.some(([id]) => id === x.id)).map((x) => `${label(x.id)} ${m.state!.meters[x.id]! - first.state!.meters[x.id]! > 0 ? '+' : '\u2212'}${Math.abs(m.state!.meters[x.id]! - first.state!.meters[x.id]!)}`).join('   ·   ') : en.feedbackNoChange);
    await page.waitForTimeout(800);
    await screenshot(page, 'solo-en-feedback');
    await press(page, 'Enter');
    await playOne(page, 1);
    await playOne(page, 2);
    const beforeReload = await waitFor(page, "m.ready && m.phase === 'choosing'");

    await page.reload();
    await waitFor(page, "m.screen === 'title'", 30_000);
    m = await toMode(page);
    expect(m.shown.canContinue).toBe(true);
    expect((m.shown.buttons as string[])[0]).toBe(en.modeContinue);
    await screenshot(page, 'solo-en-continue');
    await press(page, '1');
    const resumed = await waitFor(page, "m.ready && m.screen === 'play' && m.phase === 'choosing'");
    expect(resumed.state).toEqual(beforeReload.state);
    expect(resumed.shown.cardId).toBe(beforeReload.shown.cardId);

    for (let turn = 3; turn < 40; turn++) {
      const now = await snapshot(page);
      if (now.screen === 'ending') break;
      await playOne(page, turn);
    }
    m = await waitFor(page, "m.screen === 'ending'");
    // The same cards as an uninterrupted game with the same seed and choices.
    const state = m.state!;
    const again = replay(scenario, (state as unknown as { seed: string }).seed, state.history.map((h) => h.choice));
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.state.history.map((h) => h.card)).toEqual(state.history.map((h) => h.card));

    // Through the personal report to the reflection page.
    const pages = m.shown.pages as number;
    for (let p = 0; p < pages - 1; p++) {
      m = await waitFor(page, `m.screen === 'ending' && m.shown.pageIndex === ${p}`);
      if (m.shown.page === 'weighty') {
        expect((m.shown.weighty as unknown[]).length).toBe(Math.min(3, state.history.length));
        await screenshot(page, 'solo-en-weighty');
      }
      await press(page, 'PageDown');
    }
    m = await waitFor(page, "m.screen === 'ending' && m.shown.page === 'questions'");
    // Keyboard into the first answer box: the focus starts on "Play again", the boxes come first.
    const buttons = m.shown.buttons as string[];
    expect(buttons.slice(0, (m.shown.questions as string[]).length)).toEqual(['', '']);
    for (let i = 0; i < buttons.indexOf(en.playAgain); i++) await press(page, 'ArrowUp');
    await waitFor(page, 'm.shown.focus === 0');
    await press(page, 'Enter');
    await waitFor(page, 'm.shown.typing === true');
    await page.keyboard.type('I served the pupils & forgot <the parents>.');
    await page.keyboard.press('Tab');
    await waitFor(page, 'm.shown.focus === 1 && m.shown.typing === true');
    await page.keyboard.type('Ask the parents first.');
    await page.keyboard.press('Escape');
    m = await waitFor(page, "m.shown.typing === false && m.overlay === null");
    expect(m.shown.answers).toEqual(['I served the pupils & forgot <the parents>.', 'Ask the parents first.']);
    await screenshot(page, 'solo-en-reflection');

    const download = page.waitForEvent('download');
    await press(page, 'd');
    const event = await download;
    expect(event.suggestedFilename()).toMatch(/^many-masters-example-\d{4}-\d{2}-\d{2}\.html$/);
    const file = join(RESULTS, 'solo-report-en.html');
    await event.saveAs(file);
    const report = await context.newPage();
    await report.goto(`file://${file}`);
    // The visible report (the main element), without the embedded session data.
    const text = (await report.locator('main').textContent()) ?? '';
    expect(text).toContain('Personal report');
    expect(await report.locator('.answer').allTextContents()).toEqual(['I served the pupils & forgot <the parents>.', 'Ask the parents first.']);
    expect(text).toContain('The choices that mattered most');
    expect(text).toContain('How you chose');
    const ending = scenario.endings!.find((e) => e.id === state.end!.ending);
    if (ending) expect(text).toContain((ending.title as { en: string }).en);
    expect(await report.locator('svg.chart').count()).toBe(1);
    const session = JSON.parse((await report.locator('#session-data').textContent()) ?? 'null');
    expect(session.state.history.length).toBe(state.history.length);
    await report.screenshot({ path: join(RESULTS, 'solo-report-en.png') });
    await report.close();

    // The endings collection on the title screen, kept across games.
    await press(page, 'Escape');
    m = await snapshot(page);
    if (m.overlay === 'menu') {
      await press(page, 'ArrowUp');
      await press(page, 'Enter');
    }
    m = await waitFor(page, "m.screen === 'title'");
    if (state.end!.ending) expect((m.shown.details as string[])[exampleIndex(m)]).toContain(`1 of ${ENDINGS} endings found`);
    await screenshot(page, 'solo-en-title-endings');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('keeps a corrupt save aside, says so, and offers a new game (Dutch, 1024×768)', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1024, height: 768 }, 'nl-NL');
    await page.evaluate(() => localStorage.setItem('many-masters.save.example', '{"version": 1, "scenario": "example", "turn": "drie"'));
    await page.reload();
    await waitFor(page, "m.screen === 'title'", 30_000);
    const m = await toMode(page);
    expect(m.shown.canContinue).toBe(false);
    const notices = m.shown.notices as string[];
    expect(notices.length).toBe(1);
    expect(notices[0]).toContain('kon niet worden gelezen');
    expect(notices[0]).toContain('apart bewaard');
    // Why, in Dutch too: no English technical detail reaches the player.
    expect(notices[0]).toContain(`(${nl.saveNotReadable})`);
    expect(notices[0]).not.toMatch(/JSON|line|column/);
    await screenshot(page, 'solo-nl-corrupt');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('many-masters.unreadable.example.')).map((k) => localStorage.getItem(k)));
    expect(kept).toEqual(['{"version": 1, "scenario": "example", "turn": "drie"']);
    expect(await page.evaluate(() => localStorage.getItem('many-masters.save.example'))).not.toBe('{"version": 1, "scenario": "example", "turn": "drie"');
    await press(page, '1');
    const play = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
    expect(play.shown.storageNotice).toBeNull();
    await playOne(page, 0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('many-masters.save.example')!).history.length)).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('plays on when storage throws on every call, with a one-line notice', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL', () => {
      const fail = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Storage.prototype.getItem = fail;
      Storage.prototype.setItem = fail;
      Storage.prototype.removeItem = fail;
    });
    let m = await toMode(page);
    expect(m.shown.notices).toEqual([nl.storageOff]);
    await screenshot(page, 'solo-nl-storage-off');
    await press(page, '1');
    m = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
    expect(m.shown.storageNotice).toBe(nl.storageOff);
    await screenshot(page, 'solo-nl-play-storage-off');
    for (let turn = 0; turn < 40; turn++) {
      if ((await snapshot(page)).screen === 'ending') break;
      await playOne(page, turn);
    }
    m = await waitFor(page, "m.screen === 'ending'");
    expect(m.state!.end).not.toBeNull();
    // How you served: every tag's label whole above its bar, also "Anders (de mens en zijn vraag)", which takes two lines.
    for (let guard = 0; guard < 5 && m.shown.page !== 'profile'; guard++) {
      await press(page, 'PageDown');
      m = await waitFor(page, `m.screen === 'ending' && m.shown.pageIndex === ${(m.shown.pageIndex as number) + 1} && m.ready`);
    }
    expect(m.shown.page).toBe('profile');
    const rows = m.shown.profile as { label: string; bar: number }[];
    expect(rows.map((r) => r.label)).toContain('Anders (de mens en zijn vraag)');
    for (const size of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await waitFor(page, "m.screen === 'ending' && m.shown.page === 'profile' && m.ready && !m.moving");
      const drawn = await page.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string; bottom: number }[] } }).manyMastersTexts.texts.filter((t) => t.scene === 'ending'));
      for (const row of rows) {
        const label = drawn.find((t) => t.text === row.label);
        expect(label, row.label).toBeDefined();
        expect(label!.bottom, `"${row.label}" ends above its bar`).toBeLessThanOrEqual(row.bar);
      }
      await screenshot(page, 'solo-nl-profile');
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
