/**
 * Workshop mode in Chromium against the production build: a 2-team game to its end with votes, the
 * room's guess and the 30 s timer (paused, extended, skipped); a "what if" and the return to the real
 * game; the group debrief slide by slide; the downloaded session report opened and read.
 * English at 1920×1080 first, then Dutch at 1024×768 with the longest team names.
 */
import { readFileSync } from 'node:fs';
import { en } from '../../src/locales/en.ts';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { press, RESULTS, snapshot, waitFor, type Snapshot, useBrowser, openTitle, screenshot } from './harness.ts';

const env = useBrowser();
const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../levels/example.json'), 'utf8')) as { cards: { id: string; choices: { label: { nl: string }; feedback?: { nl: string } }[] }[] };

/** The text of the accessible layer's main region: what a screen reader reads on this screen. */
function layerText(page: Page): Promise<string> {
  return page.locator('[data-mm-layer] main').evaluate((main) => main.textContent ?? '');
}

/** The figures each debrief slide draws, which its accessible layer must say as well. */
function slideWords(m: Snapshot): string[] {
  const shown = m.shown as Record<string, unknown>;
  switch (shown.slide) {
    case 'endings': return (shown.endings as { team: string; title: string }[]).flatMap((e) => [e.team, e.title]);
    case 'charts': return [...(shown.charts as string[]), ' of 100'];
    case 'compare': return (shown.compare as { team: string }[]).map((r) => r.team);
    case 'costly': return (shown.costly as { choice: string; changes: string }[]).flatMap((r) => [r.choice, r.changes]);
    case 'votes': return [...(shown.votes as { counts: number[]; choice: number }[]).map((r) => `${r.counts[r.choice]} vote`), 'chosen'];
    case 'profile': return (shown.profile as { team: string; counts: Record<string, number> }[]).flatMap((r) => [r.team, ...Object.values(r.counts).map((c) => `${c}×`)]);
    case 'questions': return shown.questions as string[];
    default: return [];
  }
}

/** Title → the example scenario → Workshop → set-up with 30 s timer and two named teams → first card. */
async function setUpWorkshop(page: Page, names: [string, string], prefix: string): Promise<void> {
  const title = await snapshot(page);
  const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example');
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
  await press(page, 'Enter');
  const mode = await waitFor(page, "m.screen === 'mode'");
  await screenshot(page, `${prefix}-mode`);
  await press(page, mode.shown.canContinue ? '3' : '2');
  let m = await waitFor(page, "m.screen === 'setup'");
  const buttons = m.shown.buttons as string[];
  expect(buttons.length).toBe(9);
  // Focus starts on Start (index 7): up past the session length (4) to the timer (3), then one step back: 60 s → 30 s.
  for (let i = 0; i < 4; i++) await press(page, 'ArrowUp');
  await waitFor(page, 'm.shown.focus === 3');
  await press(page, 'ArrowLeft');
  m = await waitFor(page, "m.screen === 'setup' && m.shown.settings.timer === 30");
  // Preview off for this session (2): scenario → on → off.
  await press(page, 'ArrowUp');
  await press(page, 'Enter');
  await waitFor(page, "m.shown.settings.preview === 'on'");
  await press(page, 'Enter');
  await waitFor(page, "m.shown.settings.preview === 'off' && m.shown.focus === 2");
  // Team names: Enter opens the box, typing goes into it (letters like E and S do not reach the game).
  await press(page, 'ArrowDown');
  await press(page, 'ArrowDown');
  await press(page, 'ArrowDown');
  await waitFor(page, 'm.shown.focus === 5');
  await press(page, 'Enter');
  await waitFor(page, 'm.shown.typing === true');
  await page.keyboard.type(names[0]);
  await page.keyboard.press('Tab');
  await waitFor(page, 'm.shown.focus === 6 && m.shown.typing === true');
  await page.keyboard.type(names[1]);
  await page.keyboard.press('Enter');
  m = await waitFor(page, 'm.shown.focus === 7 && m.shown.typing === false');
  expect(m.shown.settings).toEqual({ teams: names, mode: 'turns', preview: 'off', timer: 30, length: 0 });
  await screenshot(page, `${prefix}-setup`);
  await press(page, 'Enter');
  await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding'");
}

/**
 * Decides the card on the table by votes typed per shown choice (its number, the count, Enter), or
 * without votes: the trainer is asked and picks the choice shown at `choice`.
 */
async function playCard(page: Page, choice: number, votes: number[] | null): Promise<Snapshot> {
  const before = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
  const decisions = (before.shown.teams as { decisions: number }[]).reduce((a, t) => a + t.decisions, 0);
  if (votes) votes = votes.slice(0, (before.shown.choices as string[]).length);
  if (votes) {
    for (const [i, n] of votes.entries()) {
      if (n === 0) continue;
      await press(page, String(i + 1));
      for (const digit of String(n)) await press(page, digit);
      await press(page, 'Enter');
    }
    await waitFor(page, `JSON.stringify(m.shown.counts) === '${JSON.stringify(votes)}'`);
    await press(page, 'PageDown');
  } else {
    await press(page, String(choice + 1));
    await press(page, 'Enter');
    await press(page, 'Enter');
    await waitFor(page, 'm.shown.asking !== null');
    await press(page, 'Enter');
  }
  return waitFor(page, `m.phase === 'reveal' && m.shown.teams.reduce((a, t) => a + t.decisions, 0) === ${decisions + 1}`);
}

async function openReport(page: Page, action: () => Promise<void>, file: string): Promise<string> {
  const download = page.waitForEvent('download');
  await action();
  const saved = join(RESULTS, file);
  const event = await download;
  expect(event.suggestedFilename()).toMatch(/^many-masters-example-\d{4}-\d{2}-\d{2}\.html$/);
  await event.saveAs(saved);
  return saved;
}

describe('workshop mode', () => {
  it('plays a 2-team workshop to its end with votes, the guess and the 30 s timer, then the debrief and report', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await setUpWorkshop(page, ['Reds', 'Blues'], 'workshop-en');

    // The timer: counting down from 30, paused, extended by 30 s, skipped to zero.
    let m = await waitFor(page, "m.shown.team === 'Reds' && m.shown.timer.enabled");
    expect(m.shown.timer).toMatchObject({ paused: false, done: false });
    expect((m.shown.timer as { left: number }).left).toBeLessThanOrEqual(30);
    expect(m.shown.previewMode).toBe('none');
    await press(page, 'p');
    m = await waitFor(page, 'm.shown.timer.paused');
    const left = (m.shown.timer as { left: number }).left;
    await press(page, 'e');
    m = await waitFor(page, `m.shown.timer.left === ${left + 30}`);
    // The votes: 3 typed for the first choice shown (1, 3, Enter), 1 for the second and + once on it; the guess (G) is a meter.
    const order = m.shown.order as number[];
    for (const key of ['1', '3', 'Enter', '2', '1', 'Enter', '=']) await press(page, key);
    const expected = JSON.stringify([3, 2, 0].slice(0, (m.shown.choices as string[]).length));
    m = await waitFor(page, `JSON.stringify(m.shown.counts) === '${expected}'`);
    const byChoice = m.shown.countsByChoice as number[];
    expect(byChoice[order[0]!]).toBe(3);
    await press(page, 'g');
    m = await waitFor(page, 'm.shown.guess !== null');
    const guess = m.shown.guess as string;
    await screenshot(page, 'workshop-en-deciding');
    await press(page, 's');
    m = await waitFor(page, 'm.shown.timer.done === true && m.shown.timer.left === 0');
    await screenshot(page, 'workshop-en-timeup');
    await press(page, 'PageDown');
    m = await waitFor(page, "m.phase === 'reveal'");
    expect(m.shown.decision).toBe(order[0]);
    expect(JSON.stringify(m.shown.votes)).toBe(expected);
    expect(m.shown.guess).toBe(guess);
    expect(String(m.shown.guessText)).toContain('expected');
    await page.waitForTimeout(700);
    await screenshot(page, 'workshop-en-reveal');
    await press(page, 'Enter');
    m = await waitFor(page, "m.phase === 'scoreboard'");
    expect(m.shown.next).toBe('Blues');
    expect((m.shown.scoreboard as { team: string }[]).map((r) => r.team)).toEqual(['Reds', 'Blues']);
    await screenshot(page, 'workshop-en-scoreboard');
    await press(page, 'Enter');
    m = await waitFor(page, "m.phase === 'deciding' && m.shown.team === 'Blues'");
    // Every card gets its own fresh timer.
    expect(m.shown.timer).toMatchObject({ enabled: true, done: false });

    // Play on: Blues by majority votes, Reds by number and Enter, until both games have ended.
    for (let guard = 0; guard < 100; guard++) {
      m = await waitFor(page, "m.screen === 'debrief' || (m.ready && (m.phase === 'deciding' || m.phase === 'reveal' || m.phase === 'scoreboard'))");
      if (m.screen === 'debrief') break;
      if (m.phase === 'deciding') {
        const n = (m.shown.choices as string[]).length;
        if (m.shown.team === 'Blues') await playCard(page, 0, [0, 2, 1].slice(0, n));
        else await playCard(page, guard % n, null);
      } else await press(page, 'Enter');
    }
    m = await waitFor(page, "m.screen === 'debrief' && m.shown.slideIndex === 0");
    const endings = m.shown.endings as { team: string; turns: number }[];
    expect(endings.map((e) => e.team).sort()).toEqual(['Blues', 'Reds']);
    const slides = m.shown.slides as number;
    for (let s = 0; s < slides; s++) {
      m = await waitFor(page, `m.screen === 'debrief' && m.shown.slideIndex === ${s}`);
      await screenshot(page, `workshop-en-debrief-${s + 1}-${m.shown.slide}`);
      if (m.shown.slide === 'votes') expect((m.shown.votes as unknown[]).length).toBeGreaterThan(0);
      // What the slide shows is in the accessible layer too, in words.
      await expect.poll(() => layerText(page)).toContain(`${s + 1} / ${slides}`);
      const said = await layerText(page);
      for (const wanted of slideWords(m)) expect(said, `${m.shown.slide}: ${wanted}`).toContain(wanted);
      if (s < slides - 1) await press(page, 'PageDown');
    }

    const file = await openReport(page, () => press(page, 'd'), 'workshop-report-en.html');
    const html = readFileSync(file, 'utf8');
    const report = await context.newPage();
    await report.goto(`file://${file}`);
    // The visible report (the main element), without the embedded session data.
    const text = (await report.locator('main').textContent()) ?? '';
    expect(text).toContain('Workshop report');
    expect(text).toContain('Team Reds');
    expect(text).toContain('Team Blues');
    expect(text).toContain('The teams side by side');
    expect(text).toMatch(/votes: 3/);
    expect(await report.locator('svg.chart').count()).toBe(2);
    const session = JSON.parse(await report.locator('#session-data').textContent() ?? 'null');
    expect(session.teams.map((t: { name: string }) => t.name)).toEqual(['Reds', 'Blues']);
    expect(session.teams[0].decisions[0].vote).toEqual({ counts: byChoice, guess });
    expect(session.teams[0].decisions[0].how).toEqual({ by: 'majority', votes: 3, total: 5 });
    expect(session.settings.timer).toBe(30);
    expect(html).not.toMatch(/<script(?! type="application\/json")/);
    await report.screenshot({ path: join(RESULTS, 'workshop-report-en.png'), fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('steps back with "what if", shows both curves, plays the branch on and returns to the real game (Dutch, 1024×768)', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1024, height: 768 }, 'nl-NL');
    await setUpWorkshop(page, ['De Onverschrokken Klantdenkers', 'Meerdere Heren Dienaren'], 'workshop-nl');
    let m = await waitFor(page, "m.phase === 'deciding'");
    await screenshot(page, 'workshop-nl-deciding');
    const decided = await playCard(page, 0, [4, 1, 2]);
    await screenshot(page, 'workshop-nl-reveal');
    await press(page, 'Enter');
    await waitFor(page, "m.phase === 'scoreboard'");
    await screenshot(page, 'workshop-nl-scoreboard');
    await press(page, 'Enter');
    await playCard(page, 1, null);
    await press(page, 'Enter');
    await press(page, 'Enter');
    m = await waitFor(page, "m.phase === 'deciding' && m.ready");
    const before = { teams: m.shown.teams, cardId: m.shown.cardId, counts: m.shown.counts };

    await press(page, 'w');
    m = await waitFor(page, "m.screen === 'whatif' && m.shown.stage === 'pick'");
    // The active team (the first) has played one card; its real choice was the one with 4 votes.
    expect(m.shown.turns).toEqual([1]);
    expect(m.shown.realChoice).toBe(decided.shown.decision);
    await screenshot(page, 'whatif-nl-pick');
    // The card being revisited and the choice the room made are in the accessible layer too.
    await expect.poll(() => layerText(page)).toContain('gekozen');
    // The other choice is picked by the number the room saw it under.
    const pickOrder = m.shown.order as number[];
    const position = pickOrder.findIndex((i) => i !== m.shown.realChoice);
    await press(page, String(position + 1));
    m = await waitFor(page, "m.shown.stage === 'branch'");
    expect(m.shown.other).toBe(pickOrder[position]);
    const real = m.shown.realSeries as Record<string, number[]>;
    const branch = m.shown.branchSeries as Record<string, number[]>;
    expect(Object.keys(real)).toEqual(Object.keys(branch));
    expect(Object.values(real).map((v) => v[0])).toEqual(Object.values(branch).map((v) => v[0]));
    expect(Object.keys(real).some((k) => real[k]![1] !== branch[k]![1])).toBe(true);
    // What the other choice did, as its reveal would have said, and the next card of the branch whole.
    const revisited = EXAMPLE.cards.find((c) => c.id === decided.shown.cardId)!;
    const other = revisited.choices[pickOrder[position]!]!;
    expect(other.feedback?.nl).toBeTruthy();
    expect(m.shown.feedback).toBe(`Na “${other.label.nl}”: ${other.feedback!.nl}`);
    const drawnNow = await page.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string }[] } }).manyMastersTexts.texts.filter((t) => t.scene === 'whatif').map((t) => t.text));
    expect(drawnNow).toContain(m.shown.feedback);
    expect(drawnNow).toContain(m.shown.next);
    await screenshot(page, 'whatif-nl-branch');
    await expect.poll(() => layerText(page)).toContain('Wat er echt gebeurde');
    expect(await layerText(page)).toContain('Wat als');
    // Play the branch on by one card; the real game does not move.
    await press(page, '1');
    m = await waitFor(page, "m.shown.stage === 'branch' && m.shown.branchTurns === 2");
    await screenshot(page, 'whatif-nl-branch-2');
    await press(page, 'Escape');
    m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding'");
    expect({ teams: m.shown.teams, cardId: m.shown.cardId, counts: m.shown.counts }).toEqual(before);

    // Help, black screen and back, all on the workshop screen. The timer stands still while the help
    // or the menu covers it, and runs on when they close.
    await press(page, 'e');
    await waitFor(page, 'm.overlay === null && m.shown.timer.left > 30 && !m.shown.timer.paused');
    await press(page, 'h');
    await waitFor(page, "m.overlay === 'help'");
    const held = (await waitFor(page, 'm.shown.timer.paused')).shown.timer as { left: number };
    // The one wait that measures time itself: a running timer would have lost a second by now.
    await page.waitForTimeout(1200);
    expect(((await snapshot(page)).shown.timer as { left: number }).left).toBe(held.left);
    await screenshot(page, 'workshop-nl-help');
    await press(page, 'Enter');
    await waitFor(page, 'm.overlay === null && !m.shown.timer.paused');
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu' && m.shown.timer.paused");
    await press(page, 'Escape');
    await waitFor(page, 'm.overlay === null && !m.shown.timer.paused');
    await press(page, '.');
    await waitFor(page, "m.overlay === 'blank'");
    await press(page, 'PageDown');
    m = await waitFor(page, "m.overlay === null && m.phase === 'deciding'");
    expect(m.shown.cardId).toBe(before.cardId);

    // Play to the end quickly and look at every debrief slide in Dutch.
    for (let guard = 0; guard < 100; guard++) {
      m = await waitFor(page, "m.screen === 'debrief' || (m.ready && (m.phase === 'deciding' || m.phase === 'reveal' || m.phase === 'scoreboard'))");
      if (m.screen === 'debrief') break;
      if (m.phase === 'deciding') await playCard(page, guard % (m.shown.choices as string[]).length, guard % 3 === 0 ? [1, 3, 2].slice(0, (m.shown.choices as string[]).length) : null);
      else await press(page, 'PageDown');
    }
    m = await waitFor(page, "m.screen === 'debrief'");
    for (let s = 0; s < (m.shown.slides as number); s++) {
      const slide = await waitFor(page, `m.screen === 'debrief' && m.shown.slideIndex === ${s}`);
      await screenshot(page, `workshop-nl-debrief-${s + 1}-${slide.shown.slide}`);
      await press(page, 'PageDown');
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('keeps an unreadable workshop that full storage cannot keep aside: it can be downloaded and is never overwritten', async () => {
    // Full storage: a new key or a longer text is refused, a shorter text may still replace an old one.
    const full = () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        const old = this.getItem(key);
        if (old === null || value.length > old.length) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    };
    const broken = `{"kind": "many-masters-workshop", "workshop": {"version": 1, "teams": ["${'Rood '.repeat(20_000)}`;
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await page.evaluate((text) => localStorage.setItem('many-masters.workshop', text), broken);
    await context.addInitScript(full);
    await page.reload();
    let m = await waitFor(page, "m.screen === 'title' && m.shown.workshopUnkept === true", 30_000);
    expect(m.shown.workshopNotice).toContain('storage is full');
    expect((m.shown.buttons as string[]).slice(0, 2)).toEqual([en.unkeptDownload, en.titleWorkshopReplace]);
    expect(await layerText(page)).toContain('Nothing has been overwritten');
    await screenshot(page, 'workshop-unkept-en');
    const download = page.waitForEvent('download');
    await press(page, 'Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe('many-masters-unreadable-workshop.json');
    expect(readFileSync((await file.path())!, 'utf8')).toBe(broken);
    m = await waitFor(page, "m.screen === 'title' && m.shown.workshopNotice.includes('Downloaded as many-masters-unreadable-workshop.json')");

    // A new workshop (its save is far shorter, so full storage would take it) leaves the old one alone.
    const index = m.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example');
    await press(page, String(index + 1));
    await waitFor(page, "m.screen === 'mode'");
    await press(page, '2');
    m = await waitFor(page, "m.screen === 'setup'");
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding'");
    await press(page, '1');
    await press(page, '3');
    await press(page, 'Enter');
    await waitFor(page, 'm.shown.counts[0] === 3');
    expect(await page.evaluate(() => localStorage.getItem('many-masters.workshop'))).toBe(broken);
    // After a reload it is still offered; only "Let a new workshop replace it" frees its place.
    await page.reload();
    m = await waitFor(page, "m.screen === 'title' && m.shown.workshopUnkept === true", 30_000);
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    m = await waitFor(page, "m.screen === 'title' && m.shown.workshopNotice === null");
    expect(m.shown.canContinueWorkshop).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('many-masters.workshop'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
