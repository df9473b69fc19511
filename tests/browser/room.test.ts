/**
 * The workshop a trainer can trust, in Chromium against the production build, in English at
 * 1920×1080 and in Dutch at 1024×768: the majority decides whatever has focus (8 against 1), no votes
 * asks the trainer, a tie says "no clear majority" and takes the trainer's pick; a reload returns to the
 * same card, votes and scores; stopping after 3 weeks gives a debrief and a report of 3 weeks; Restart
 * asks first and starts afresh. Then every room screen at 1920×1080, 1280×800 and 1024×768 in both
 * languages: screenshots, and no text below 28 px (the reveal's explanation 32 px) or off the stage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DrawnText } from '../../src/platform/inspector.ts';
import { describe, expect, it } from 'vitest';
import { contrastRatios, faintTexts, openTitle, press, RESULTS, screenshot, snapshot, waitFor, type Snapshot, useBrowser } from './harness.ts';

const env = useBrowser();

interface Drawn { stage: { width: number; height: number }; texts: DrawnText[] }

const ROOM_SCENES = ['workshop', 'whatif', 'debrief', 'overlay'];

/**
 * Every text on the room screen now: at least 28 px (the explanation `large` at least 32), inside the
 * stage, none on top of another; each of the names in `whole` drawn whole somewhere, not cut with "…"
 * and not broken inside a word by the wrap ("Zorgverzek / eraar").
 */
async function checkTexts(page: Page, what: string, large: string | null = null, whole: readonly string[] = []): Promise<void> {
  await waitFor(page, 'm.ready && !m.moving');
  const drawn = await page.evaluate(() => (window as unknown as { manyMastersTexts: Drawn }).manyMastersTexts);
  const texts = drawn.texts.filter((t) => ROOM_SCENES.includes(t.scene));
  expect(texts.length, what).toBeGreaterThan(3);
  const asDrawn = texts.map((t) => t.lines.join(' ').replace(/\s+/g, ' '));
  for (const name of whole) expect(asDrawn.some((line) => line.includes(name)), `${what}: "${name}" is drawn whole in ${JSON.stringify(texts.map((t) => t.lines))}`).toBe(true);
  for (const t of texts) {
    expect(t.size, `${what}: "${t.text.slice(0, 60)}" is ${t.size} px`).toBeGreaterThanOrEqual(28);
    expect(t.left >= -1 && t.top >= -1 && t.right <= drawn.stage.width + 1 && t.bottom <= drawn.stage.height + 1, `${what}: "${t.text.slice(0, 60)}" leaves the ${drawn.stage.width}×${drawn.stage.height} stage at ${JSON.stringify([t.left, t.top, t.right, t.bottom].map(Math.round))}`).toBe(true);
  }
  if (large !== null) {
    const explanation = texts.find((t) => t.text.replace(/\s+/g, ' ').startsWith(large.replace(/\s+/g, ' ').slice(0, 30)));
    expect(explanation, `${what}: the explanation is drawn`).toBeDefined();
    expect(explanation!.size, `${what}: the explanation`).toBeGreaterThanOrEqual(32);
  }
  // Every text stands out from what is drawn around it by at least 4.5:1 (WCAG AA), measured on the
  // screen's pixels: the most common colour in the text's box, other than its own, against the text's colour.
  // Under an open overlay only the overlay counts (the screen below is dimmed on purpose), and a faded
  // text is a disabled control, which needs no contrast.
  const overlay = texts.some((t) => t.scene === 'overlay');
  const measured = texts.filter((t) => t.alpha >= 1 && (!overlay || t.scene === 'overlay'));
  const ratios = await contrastRatios(page, measured);
  const faint = faintTexts(ratios);
  expect(faint, `${what}: texts below 4.5:1`).toEqual([]);
  // Texts of one scene never overlap (the overlay is drawn over its screen on purpose).
  for (const scene of new Set(texts.map((t) => t.scene))) {
    const own = texts.filter((t) => t.scene === scene);
    for (let i = 0; i < own.length; i++) {
      for (let j = i + 1; j < own.length; j++) {
        const a = own[i]!;
        const b = own[j]!;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 3 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 3;
        expect(overlap, `${what}: "${a.text.slice(0, 40)}" overlaps "${b.text.slice(0, 40)}"`).toBe(false);
      }
    }
  }
}

/** Title → a scenario → Workshop → set-up; `together` switches to one game for the whole room; `length` steps the session length. */
async function setUp(page: Page, scenarioId: string, options: { sameCard?: boolean; together?: boolean; lengthSteps?: number; timerOff?: boolean; names?: readonly string[] } = {}): Promise<Snapshot> {
  const title = await snapshot(page);
  const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === scenarioId);
  const first = (title.shown.canContinueWorkshop as boolean) ? 1 : 0;
  for (let i = 0; i < index + first; i++) await press(page, 'ArrowDown');
  await press(page, 'Enter');
  const mode = await waitFor(page, "m.screen === 'mode'");
  await press(page, mode.shown.canContinue ? '3' : '2');
  let m = await waitFor(page, "m.screen === 'setup'");
  const labels = () => m.shown.buttons as string[];
  const focusOn = async (i: number) => {
    let guard = 0;
    while (m.shown.focus !== i) {
      if (++guard > 30) throw new Error(`the set-up's focus stays at ${m.shown.focus}, not ${i}`);
      await press(page, (m.shown.focus as number) > i ? 'ArrowUp' : 'ArrowDown');
      m = await waitFor(page, "m.screen === 'setup'");
    }
  };
  if (options.together) {
    await focusOn(1);
    await press(page, 'Enter');
    m = await waitFor(page, "m.screen === 'setup' && m.shown.settings.mode === 'together'");
  }
  if (options.sameCard) {
    await focusOn(1);
    await press(page, 'Enter');
    m = await waitFor(page, "m.screen === 'setup' && m.shown.settings.mode === 'together'");
    // Together has no team count: the mode is the first setting now.
    await focusOn(0);
    await press(page, 'Enter');
    m = await waitFor(page, "m.screen === 'setup' && m.shown.settings.mode === 'same-card'");
  }
  const optionCount = options.together ? 4 : 5;
  if (options.timerOff) {
    await focusOn(optionCount - 2);
    await press(page, 'ArrowLeft');
    await press(page, 'ArrowLeft');
    m = await waitFor(page, "m.screen === 'setup' && m.shown.settings.timer === 0");
  }
  for (let s = 0; s < (options.lengthSteps ?? 0); s++) {
    await focusOn(optionCount - 1);
    await press(page, 'ArrowRight');
    m = await waitFor(page, `m.screen === 'setup' && m.shown.settings.length !== ${m.shown.settings ? (m.shown.settings as { length: number }).length : -1}`);
  }
  for (const [i, name] of (options.names ?? []).entries()) {
    await focusOn(optionCount + i);
    await press(page, 'Enter');
    await waitFor(page, 'm.shown.typing === true');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    m = await waitFor(page, `m.shown.typing === false && m.shown.settings.teams[${i}] === ${JSON.stringify(name)}`);
  }
  // The set-up is drawn again after each change: read its buttons once it has settled.
  m = await waitFor(page, "m.screen === 'setup' && m.ready");
  await focusOn(labels().length - 2);
  await press(page, 'Enter');
  return waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
}

/** Types a count for the choice shown at `position` (0-based): its number, the digits, Enter. */
async function typeCount(page: Page, position: number, count: number): Promise<Snapshot> {
  await press(page, String(position + 1));
  for (const digit of String(count)) await press(page, digit);
  await press(page, 'Enter');
  return waitFor(page, `m.shown.typing === null && m.shown.counts[${position}] === ${count}`);
}

const LANGUAGES = [
  { lang: 'en', locale: 'en-GB', viewport: { width: 1920, height: 1080 }, majority: 'Majority: 8 of 9 votes', noClear: 'No clear majority', noVotes: 'No votes counted', stopped: 'The session stopped at week 3', debrief: 'To the debrief', restart: 'Start again', yes: 'Yes, start again', no: 'No, go back' },
  { lang: 'nl', locale: 'nl-NL', viewport: { width: 1024, height: 768 }, majority: 'Meerderheid: 8 van de 9 stemmen', noClear: 'Geen duidelijke meerderheid', noVotes: 'Geen stemmen geteld', stopped: 'De sessie stopte bij week 3', debrief: 'Naar de nabespreking', restart: 'Opnieuw beginnen', yes: 'Ja, opnieuw beginnen', no: 'Nee, terug' },
] as const;

describe('a workshop the trainer can trust', () => {
  for (const c of LANGUAGES) {
    it(`decides by the majority, asks on no votes and a tie, survives a reload, stops after 3 weeks (${c.lang}, ${c.viewport.width}×${c.viewport.height})`, async () => {
      const { context, page, errors } = await openTitle(env, c.viewport, c.locale);
      let m = await setUp(page, 'townhall', { together: true });
      await checkTexts(page, 'deciding');
      await screenshot(page, `room-${c.lang}-deciding`);

      // 8 votes against 1, the focus left on the one: the 8 decide.
      const order1 = m.shown.order as number[];
      await typeCount(page, 0, 8);
      m = await typeCount(page, 1, 1);
      expect(m.shown.focus).toBe(1);
      expect(m.shown.counts).toEqual([8, 1, ...Array(order1.length - 2).fill(0)]);
      await screenshot(page, `room-${c.lang}-counted`);
      await press(page, 'Enter');
      m = await waitFor(page, "m.phase === 'reveal'");
      expect(m.shown.decision).toBe(order1[0]);
      expect(m.shown.how).toEqual({ by: 'majority', votes: 8, total: 9 });
      expect(m.shown.howText).toBe(c.majority);
      await checkTexts(page, 'reveal', m.shown.feedback as string);
      await screenshot(page, `room-${c.lang}-reveal`);
      await press(page, 'Enter');

      // No votes: the trainer is asked, nothing is decided; then the trainer's pick.
      m = await waitFor(page, "m.phase === 'deciding' && m.ready");
      const order2 = m.shown.order as number[];
      await press(page, 'Enter');
      m = await waitFor(page, "m.shown.asking !== null");
      expect(m.phase).toBe('deciding');
      expect((m.shown.asking as { reason: string }).reason).toBe('no-votes');
      expect((m.shown.asking as { text: string }).text).toContain(c.noVotes);
      expect((m.shown.teams as { decisions: number }[])[0]!.decisions).toBe(1);
      await checkTexts(page, 'asked without votes');
      await screenshot(page, `room-${c.lang}-no-votes`);
      await press(page, 'ArrowDown');
      await waitFor(page, 'm.shown.focus === 1');
      await press(page, 'Enter');
      m = await waitFor(page, "m.phase === 'reveal'");
      expect(m.shown.decision).toBe(order2[1]);
      expect(m.shown.how).toEqual({ by: 'trainer' });
      await press(page, 'Enter');

      // A tie: "no clear majority", and only a tied choice can be picked.
      m = await waitFor(page, "m.phase === 'deciding' && m.ready");
      const order3 = m.shown.order as number[];
      await typeCount(page, 0, 2);
      await typeCount(page, 1, 2);
      await press(page, 'PageDown');
      m = await waitFor(page, "m.shown.asking !== null");
      expect(m.shown.asking).toMatchObject({ reason: 'tie', among: [0, 1] });
      expect((m.shown.asking as { text: string }).text).toContain(c.noClear);
      await checkTexts(page, 'tie');
      await screenshot(page, `room-${c.lang}-tie`);
      await press(page, 'Enter');
      m = await waitFor(page, "m.phase === 'reveal'");
      expect(m.shown.decision).toBe(order3[1]);
      expect(m.shown.how).toMatchObject({ by: 'tie', tied: [order3[0], order3[1]].sort(), votes: 2, total: 4 });
      await press(page, 'Enter');

      // Week 4: votes counted, then a reload returns to the same card, votes and scores.
      m = await waitFor(page, "m.phase === 'deciding' && m.ready");
      await typeCount(page, 0, 3);
      await press(page, 'g');
      m = await waitFor(page, 'm.shown.guess !== null');
      const before = { cardId: m.shown.cardId, counts: m.shown.counts, order: m.shown.order, guess: m.shown.guess, teams: m.shown.teams };
      await page.reload();
      m = await waitFor(page, "m.screen === 'title' && m.shown.canContinueWorkshop === true", 30_000);
      expect((m.shown.buttons as string[])[0]).toBe(c.lang === 'en' ? 'Continue the workshop' : 'Workshop voortzetten');
      await press(page, 'Enter');
      m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
      expect({ cardId: m.shown.cardId, counts: m.shown.counts, order: m.shown.order, guess: m.shown.guess, teams: m.shown.teams }).toEqual(before);
      expect(m.shown.lastDecision).toMatchObject({ turn: 3, choice: order3[1], how: { by: 'tie' } });

      // Stop here: the menu's "To the debrief"; the debrief and the report cover 3 weeks.
      await press(page, 'Escape');
      m = await waitFor(page, "m.overlay === 'menu'");
      const menu = m.overlayShown as { buttons: string[]; focus: number };
      expect(menu.buttons).toContain(c.debrief);
      expect(menu.focus).toBe(0);
      await checkTexts(page, 'menu');
      await screenshot(page, `room-${c.lang}-menu`);
      await press(page, 'ArrowDown');
      await waitFor(page, 'm.overlayShown && m.overlayShown.focus === 1');
      await press(page, 'Enter');
      // It asks first; "yes" is the second button.
      m = await waitFor(page, "m.overlay === 'menu' && m.overlayShown.question !== null");
      expect((m.overlayShown as { buttons: string[] }).buttons).toEqual([c.no, c.lang === 'en' ? 'Yes, to the debrief' : 'Ja, naar de nabespreking']);
      await press(page, '2');
      m = await waitFor(page, "m.screen === 'debrief' && m.shown.slideIndex === 0");
      expect(m.shown.stoppedAt).toBe(3);
      expect(m.shown.stopped).toBe(`${c.stopped}.`);
      expect((m.shown.endings as { turns: number }[])[0]!.turns).toBe(3);
      await checkTexts(page, 'debrief');
      await screenshot(page, `room-${c.lang}-debrief-stopped`);
      const download = page.waitForEvent('download');
      await press(page, 'd');
      const file = join(RESULTS, `room-report-${c.lang}.html`);
      await (await download).saveAs(file);
      const report = await context.newPage();
      await report.goto(`file://${file}`);
      const text = (await report.locator('main').textContent()) ?? '';
      expect(text).toContain(c.stopped);
      expect(text).toContain(c.majority);
      expect(text).toContain(c.lang === 'en' ? 'No votes counted: the trainer’s pick' : 'Geen stemmen geteld: keuze van de trainer');
      expect(text).toContain(c.lang === 'en' ? 'No clear majority (2 votes each): the trainer’s pick' : 'Geen duidelijke meerderheid (elk 2 stemmen): keuze van de trainer');
      expect(await report.locator('table.cards tbody tr').count()).toBe(3);
      const session = JSON.parse(readFileSync(file, 'utf8').match(/<script type="application\/json" id="session-data">(.*)<\/script>/s)![1]!);
      expect(session.stoppedAt).toBe(3);
      await report.close();
      // Back at the title, "Continue the workshop" says the week the session stopped at, not the next one.
      await page.reload();
      m = await waitFor(page, "m.screen === 'title' && m.shown.canContinueWorkshop === true", 30_000);
      expect(String(m.shown.continueDetail)).toContain(c.lang === 'en' ? ': week 3 of ' : ': week 3 van ');
      expect(errors).toEqual([]);
      await context.close();
    }, 240_000);
  }

  it('asks before Restart and before leaving, and Restart gives a fresh workshop', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 800 }, 'en-GB');
    let m = await setUp(page, 'example', { timerOff: true });
    // No votes: Enter asks the trainer, Enter again on the focused choice picks it.
    await press(page, 'Enter');
    await waitFor(page, 'm.shown.asking !== null');
    await press(page, 'Enter');
    await waitFor(page, "m.phase === 'reveal'");
    await press(page, 'Enter');
    await waitFor(page, "m.phase === 'scoreboard'");
    await press(page, 'Escape');
    m = await waitFor(page, "m.overlay === 'menu'");
    const buttons = (m.overlayShown as { buttons: string[] }).buttons;
    const restart = buttons.indexOf('Start again');
    expect(restart).toBeGreaterThan(0);
    for (let i = 0; i < restart; i++) await press(page, 'ArrowDown');
    await press(page, 'Enter');
    m = await waitFor(page, "m.overlay === 'menu' && m.overlayShown.question !== null");
    expect(m.overlayShown).toMatchObject({ buttons: ['No, go back', 'Yes, start again'], focus: 0 });
    await screenshot(page, 'room-en-confirm-restart');
    // "No" keeps the workshop as it was.
    await press(page, 'Enter');
    m = await waitFor(page, "m.overlay === 'menu' && m.overlayShown.question === null");
    await press(page, 'Escape');
    m = await waitFor(page, "m.overlay === null && m.phase === 'scoreboard'");
    expect((m.shown.teams as { decisions: number }[]).map((t) => t.decisions)).toEqual([1, 0]);
    const oldSeed = await page.evaluate(() => JSON.parse(localStorage.getItem('many-masters.workshop')!).workshop.seed);
    // "Yes" starts afresh: no decisions, a new seed, saved.
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu'");
    for (let i = 0; i < restart; i++) await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await waitFor(page, "m.overlayShown && m.overlayShown.question !== null");
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    m = await waitFor(page, "m.overlay === null && m.screen === 'workshop' && m.phase === 'deciding'");
    expect((m.shown.teams as { decisions: number }[]).map((t) => t.decisions)).toEqual([0, 0]);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('many-masters.workshop')!).workshop);
    expect(saved.seed).not.toBe(oldSeed);
    expect(saved.teams.map((t: { decisions: unknown[] }) => t.decisions.length)).toEqual([0, 0]);
    // Back to the title asks too, and the workshop stays saved for "Continue the workshop".
    await press(page, 'Escape');
    m = await waitFor(page, "m.overlay === 'menu'");
    const title = (m.overlayShown as { buttons: string[] }).buttons.indexOf('Back to the title screen');
    for (let i = 0; i < title; i++) await press(page, 'ArrowDown');
    await press(page, 'Enter');
    m = await waitFor(page, "m.overlayShown && m.overlayShown.question !== null");
    expect((m.overlayShown as { buttons: string[] }).buttons).toEqual(['No, go back', 'Yes, to the title screen']);
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    m = await waitFor(page, "m.screen === 'title'");
    expect(m.shown.canContinueWorkshop).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('tells the trainer when the saved workshop cannot be read, and keeps it aside', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 800 }, 'nl-NL', () => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('many-masters.workshop', '{"kind": "many-masters-workshop", "workshop": {"version": 2}');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const m = await waitFor(page, "m.screen === 'title'");
    expect(m.shown.canContinueWorkshop).toBe(false);
    expect(String(m.shown.workshopNotice)).toContain('apart bewaard');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('many-masters.unreadable.workshop.')));
    expect(kept).toHaveLength(1);
    await screenshot(page, 'room-nl-title-unreadable');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('teams deciding the same card in turn', () => {
  it('shows every team the same card, one after the other, then the scoreboard (5:4, 1280×1024)', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 1024 }, 'nl-NL');
    let m = await setUp(page, 'hospital', { sameCard: true, timerOff: true });
    expect(m.shown.team).toBe('Team 1');
    const card = m.shown.cardId;
    const order = m.shown.order;
    await checkTexts(page, 'same card, team 1');
    await screenshot(page, 'room-nl-same-card-1');
    await typeCount(page, 0, 4);
    await press(page, 'PageDown');
    m = await waitFor(page, "m.phase === 'reveal' && m.ready");
    expect(m.shown.nextLabel).toBe('Nu: Team 2');
    await press(page, 'Enter');
    m = await waitFor(page, "m.phase === 'deciding' && m.ready");
    expect(m.shown.team).toBe('Team 2');
    expect(m.shown.cardId).toBe(card);
    expect(m.shown.order).toEqual(order);
    await screenshot(page, 'room-nl-same-card-2');
    await typeCount(page, 1, 3);
    await press(page, 'PageDown');
    await waitFor(page, "m.phase === 'reveal' && m.ready");
    await press(page, 'Enter');
    m = await waitFor(page, "m.phase === 'scoreboard' && m.ready");
    expect((m.shown.scoreboard as { team: string }[]).map((r) => r.team)).toEqual(['Team 1', 'Team 2']);
    expect(String(m.shown.title)).toBe('Tussenstand na week 1');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

const SIZES = [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }, { width: 1024, height: 768 }];

describe('every room screen, readable from the back', () => {
  for (const viewport of SIZES) {
    // In Dutch the hospital, whose meters have the longest names ("Zorgverzekeraar", "Bestuur en begroting"), a long team name and a long single word.
    for (const [lang, locale, names, scenarioId] of [['en', 'en-GB', ['Reds', 'Blues'], 'school'], ['nl', 'nl-NL', ['De Onverschrokken Klantdenkers', 'Verpleegkundigen'], 'hospital']] as const) {
      it(`${lang} at ${viewport.width}×${viewport.height}: 2 teams, 3 weeks set at set-up, scoreboard, what-if, debrief`, async () => {
        const { context, page, errors } = await openTitle(env, viewport, locale);
        const meterNames = (JSON.parse(readFileSync(join(import.meta.dirname, `../../levels/${scenarioId}.json`), 'utf8')) as { meters: { label: Record<string, string> }[] }).meters.map((meter) => meter.label[lang]!);
        let m = await setUp(page, scenarioId, { lengthSteps: 1, names });
        const stage = await page.evaluate(() => (window as unknown as { manyMastersTexts: Drawn }).manyMastersTexts.stage);
        expect(stage.height).toBe(1080);
        expect(Math.abs(stage.width - 1080 * Math.min(16 / 9, Math.max(5 / 4, viewport.width / viewport.height)))).toBeLessThanOrEqual(1);
        const tag = `${lang}-${viewport.width}x${viewport.height}`;
        await checkTexts(page, `${tag} deciding`);
        await screenshot(page, `screens-${lang}-deciding`);
        for (let guard = 0; guard < 40; guard++) {
          m = await waitFor(page, "m.screen === 'debrief' || (m.ready && !m.moving && (m.phase === 'deciding' || m.phase === 'reveal' || m.phase === 'scoreboard'))");
          if (m.screen === 'debrief') break;
          if (m.phase === 'deciding') {
            await typeCount(page, guard % 2, 5);
            await press(page, 'PageDown');
            m = await waitFor(page, "m.phase === 'reveal' && m.ready && !m.moving");
            if (guard < 2) {
              await checkTexts(page, `${tag} reveal`, m.shown.feedback as string);
              await screenshot(page, `screens-${lang}-reveal-${guard}`);
            }
            if (guard === 0) {
              await press(page, 'w');
            m = await waitFor(page, "m.screen === 'whatif' && m.shown.stage === 'pick' && m.ready");
            await checkTexts(page, `${tag} what-if pick`);
            await screenshot(page, `screens-${lang}-whatif-pick`);
            await press(page, 'Enter');
            m = await waitFor(page, "m.screen === 'whatif' && m.shown.stage === 'branch' && m.ready");
            await checkTexts(page, `${tag} what-if branch`);
            await screenshot(page, `screens-${lang}-whatif-branch`);
              await press(page, 'Escape');
              await waitFor(page, "m.screen === 'workshop' && m.phase === 'reveal' && m.ready");
            }
          } else if (m.phase === 'scoreboard' && guard < 4) {
            await checkTexts(page, `${tag} scoreboard`, null, [...names, ...meterNames]);
            await screenshot(page, `screens-${lang}-scoreboard`);
            await press(page, 'Enter');
          } else await press(page, 'Enter');
        }
        m = await waitFor(page, "m.screen === 'debrief' && m.shown.slideIndex === 0");
        expect((m.shown.endings as { turns: number }[]).map((e) => e.turns)).toEqual([3, 3]);
        expect(m.shown.stoppedAt).toBe(3);
        for (let s = 0; s < (m.shown.slides as number); s++) {
          const slide = await waitFor(page, `m.screen === 'debrief' && m.shown.slideIndex === ${s} && m.ready`);
          const wanted: Record<string, readonly string[]> = { endings: names, charts: [...names, ...meterNames], compare: [...names, ...meterNames], profile: names };
          await checkTexts(page, `${tag} debrief ${slide.shown.slide}`, null, wanted[slide.shown.slide as string] ?? []);
          await screenshot(page, `screens-${lang}-debrief-${s + 1}-${slide.shown.slide}`);
          await press(page, 'PageDown');
        }
        await press(page, 'h');
        await waitFor(page, "m.overlay === 'help'");
        await checkTexts(page, `${tag} help`);
        await screenshot(page, `screens-${lang}-help`);
        expect(errors).toEqual([]);
        await context.close();
      }, 240_000);
    }
  }
});
