/**
 * Teams deciding at the same time, in Chromium, in Dutch: the built game and `npm run serve`'s room
 * server, a projector (1920×1080, then 1024×768) and nine phones (three per team, each its own
 * context). Four weeks: each phone picks its team, each team's decision is its own phones' majority
 * plus its hand counts, before the reveal the projector and every phone show counts only, a phone that
 * reloads keeps its team and vote, a projector reload continues the round, and every week has one reveal.
 */
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBuilt, type AttachedRoom } from '../../server/server.ts';
import { DIST, press, screenshot, snapshot, startWithPhones, useBrowser, waitFor, watchErrors, type Snapshot } from './harness.ts';

const env = useBrowser();
let served: { server: Server; room: AttachedRoom; url: string } | null = null;

// Every phone here comes from the same loopback address, where a room has many addresses: the
// per-address limits are raised for this test only (their own tests are in tests/unit).
beforeAll(async () => {
  const { server, room, url } = await serveBuilt({ root: DIST, port: 0, host: '127.0.0.1', limits: { phonesPerAddress: 40, joinBurst: 40, joinsPerSecond: 20 } });
  served = { server, room, url };
}, 60_000);
afterAll(async () => {
  if (!served) return;
  const { server, room } = served;
  room.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

interface Table {
  team: string;
  status: string;
  cardId: string | null;
  hands: number[];
  phones: { joined: number; voted: number } | null;
  line: string;
}

interface Revealed {
  team: string;
  cardId: string;
  decisionShown: number;
  votes: number[] | null;
  phoneVotes: number[] | null;
  howText: string;
}

const TEAMS = ['Team 1', 'Team 2', 'Team 3'];
/** Per week, per team: the three phones' votes (shown positions), the hands counted for choice 1 and 2, and the trainer's pick on a tie. */
interface Plan { phones: number[]; hands: [number, number]; pick?: number }
const PLAN: Plan[][] = [
  [{ phones: [0, 0, 1], hands: [0, 0] }, { phones: [1, 1, 0], hands: [2, 0] }, { phones: [0, 1, 1], hands: [0, 0] }],
  [{ phones: [1, 1, 1], hands: [0, 0] }, { phones: [0, 0, 1], hands: [0, 0] }, { phones: [1, 0, 0], hands: [0, 3] }],
  [{ phones: [0, 1, 0], hands: [0, 0] }, { phones: [1, 1, 0], hands: [0, 0] }, { phones: [0, 0, 0], hands: [0, 0] }],
  // Team 1 ties (2 against 2): the trainer picks for that team alone.
  [{ phones: [1, 0, 1], hands: [1, 0], pick: 0 }, { phones: [0, 1, 0], hands: [0, 2] }, { phones: [1, 1, 0], hands: [0, 0] }],
];

function expected(plan: Plan): number {
  const counts = [0, 1].map((c) => plan.phones.filter((p) => p === c).length + plan.hands[c]!);
  return counts[0] === counts[1] ? plan.pick! : counts[0]! > counts[1]! ? 0 : 1;
}

async function openSetup(page: Page): Promise<void> {
  const title = await snapshot(page);
  const index = title.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example') + (title.shown.canContinueWorkshop ? 1 : 0);
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
  await press(page, 'Enter');
  const mode = await waitFor(page, "m.screen === 'mode'");
  await press(page, mode.shown.canContinue ? '3' : '2');
  await waitFor(page, "m.screen === 'setup' && m.shown.phones !== 'asking'");
}

async function openPhone(url: string, code: string, team: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${url}p#${code}`);
  await page.waitForSelector('body[data-view="team"]');
  // The picker lists the projector's team names; the phone's team shows on it once picked.
  expect(await page.locator('[data-key^="team-"]').allInnerTexts()).toEqual(TEAMS);
  expect(await page.locator('h1').innerText()).toBe('In welk team zit je?');
  if (team === 0) await screenshot(page, 'teams-nl-phone-picker');
  await page.locator(`[data-key="team-${team}"]`).tap();
  await page.waitForFunction((name) => document.getElementById('room')!.textContent!.includes(name), TEAMS[team]!);
  return { context, page, errors };
}

async function mainText(phone: Page): Promise<string> {
  return (await phone.locator('main').innerText()).replace(/\s+/g, ' ');
}

const tables = (m: Snapshot) => m.shown.tables as Table[];

/** Every text on the workshop screen is at least 28 px at 1080p, inside the stage, and overlaps no other. */
async function checkTexts(page: Page, what: string): Promise<void> {
  await waitFor(page, 'm.ready && !m.moving');
  const drawn = await page.evaluate(() => (window as unknown as { manyMastersTexts: { stage: { width: number; height: number }; texts: { scene: string; text: string; size: number; left: number; top: number; right: number; bottom: number }[] } }).manyMastersTexts);
  const texts = drawn.texts.filter((t) => t.scene === 'workshop' && t.text.trim() !== '');
  expect(texts.length, what).toBeGreaterThan(6);
  for (const t of texts) {
    expect(t.size, `${what}: "${t.text.slice(0, 60)}" is ${t.size} px`).toBeGreaterThanOrEqual(28);
    expect(t.left >= -1 && t.top >= -1 && t.right <= drawn.stage.width + 1 && t.bottom <= drawn.stage.height + 1, `${what}: "${t.text.slice(0, 60)}" leaves the stage`).toBe(true);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 3 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 3;
      expect(overlap, `${what}: "${a.text.slice(0, 40)}" overlaps "${b.text.slice(0, 40)}"`).toBe(false);
    }
  }
}

describe('teams deciding at the same time', () => {
  it('six teams without phones fit the screen at 16:9 and 4:3, counted by hand, with one reveal', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(served!.url);
    await waitFor(page, "m.screen === 'title'", 30_000);
    await openSetup(page);
    let m = await snapshot(page);
    const settings = () => m.shown.settings as { teams: string[]; mode: string; timer: number };
    const change = async (option: number, done: () => boolean, key = 'ArrowRight') => {
      while (m.shown.focus !== option) {
        await press(page, 'ArrowDown');
        m = await waitFor(page, "m.screen === 'setup' && m.ready");
      }
      while (!done()) {
        const before = JSON.stringify(settings());
        await press(page, key);
        m = await waitFor(page, `m.screen === 'setup' && m.ready && JSON.stringify(m.shown.settings) !== ${JSON.stringify(before)}`);
      }
    };
    await change(0, () => settings().teams.length === 6);
    // Backwards from teams taking turns: forwards would pass "the whole room", which has no number of teams.
    await change(1, () => settings().mode === 'same-time', 'ArrowLeft');
    await change(3, () => settings().timer === 0, 'ArrowLeft');
    await screenshot(page, 'teams-nl-setup-six');
    const start = (m.shown.buttons as string[]).indexOf('De workshop beginnen');
    while (m.shown.focus !== start) {
      await press(page, 'ArrowDown');
      m = await waitFor(page, "m.screen === 'setup' && m.ready");
    }
    await press(page, 'Enter');
    m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
    expect(tables(m).map((t) => t.line)).toEqual(Array.from({ length: 6 }, () => 'Geen telefoons: tel de handen'));
    // Every choice of every team's card is drawn, to count the hands for.
    const drawnNow = async () => (await page.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string }[] } }).manyMastersTexts.texts.filter((t) => t.scene === 'workshop').map((t) => t.text)));
    const choicesDrawn = (texts: string[]) => texts.filter((t) => /^\d\. /.test(t)).length;
    for (const size of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await waitFor(page, `m.phase === 'deciding' && m.ready && m.shown.stage.width ${size.width === 1920 ? '===' : '<'} ${size.width === 1920 ? 1920 : 1500}`);
      await checkTexts(page, `six teams deciding at ${size.width}×${size.height}`);
      expect(choicesDrawn(await drawnNow())).toBe(tables(m).reduce((sum, t) => sum + t.hands.length, 0));
      await screenshot(page, 'teams-nl-deciding-six');
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    await waitFor(page, "m.phase === 'deciding' && m.ready && m.shown.stage.width === 1920");
    // Hands at each table: team n gets n + 1 hands for its second choice.
    for (let team = 0; team < 6; team++) {
      while ((await snapshot(page)).shown.focus !== team) await press(page, 'ArrowDown');
      await press(page, '2');
      await press(page, String(team + 1));
      await press(page, 'Enter');
      await waitFor(page, `m.shown.tables[${team}].hands[1] === ${team + 1}`);
    }
    await press(page, 'PageDown');
    m = await waitFor(page, "m.phase === 'reveal' && m.ready");
    expect((m.shown.reveals as Revealed[]).map((r) => r.decisionShown)).toEqual([1, 1, 1, 1, 1, 1]);
    for (const size of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await waitFor(page, `m.phase === 'reveal' && m.ready && m.shown.stage.width ${size.width === 1920 ? '===' : '<'} ${size.width === 1920 ? 1920 : 1500}`);
      await checkTexts(page, `six teams' reveal at ${size.width}×${size.height}`);
      await screenshot(page, 'teams-nl-reveal-six');
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('three teams of three phones decide four weeks, each by its own votes, with one reveal a week', async () => {
    const url = served!.url;
    const projectorContext = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' });
    const projector = await projectorContext.newPage();
    const projectorErrors = watchErrors(projector);
    await projector.goto(url);
    await waitFor(projector, "m.screen === 'title'", 30_000);
    await openSetup(projector);
    let m = await startWithPhones(projector, {
      mode: 'same-time', teams: 3, phonesLabel: ['Telefoons: uit', 'Telefoons: aan'], startLabel: 'De workshop beginnen',
      beforeStart: async () => {
        // No timer: nine phones voting through a busy machine would otherwise run into it (it closes voting for every team).
        while ((await snapshot(projector)).shown.focus !== 3) await press(projector, 'ArrowDown');
        const timer = async () => ((await snapshot(projector)).shown.settings as { timer: number }).timer;
        while ((await timer()) !== 0) {
          const before = await timer();
          await press(projector, 'ArrowLeft');
          await waitFor(projector, `m.screen === 'setup' && m.ready && m.shown.settings.timer !== ${before}`);
        }
        const setup = await waitFor(projector, "m.screen === 'setup' && m.ready");
        expect(setup.shown.buttons).toContain('Teams tegelijk, elk met een eigen spel');
        await screenshot(projector, 'teams-nl-setup');
        await projector.setViewportSize({ width: 1024, height: 768 });
        await waitFor(projector, "m.screen === 'setup' && m.ready && m.shown.buttons.length > 0");
        await screenshot(projector, 'teams-nl-setup');
        await projector.setViewportSize({ width: 1920, height: 1080 });
        await waitFor(projector, "m.screen === 'setup' && m.ready");
      },
    });
    const code = m.shown.code as string;
    const phones: { context: BrowserContext; page: Page; errors: string[]; team: number }[] = [];
    for (const team of [0, 1, 2]) for (let i = 0; i < 3; i++) phones.push({ ...(await openPhone(url, code, team)), team });
    const ofTeam = (team: number) => phones.filter((p) => p.team === team);
    await waitFor(projector, "m.screen === 'join' && m.shown.joined === 9");
    await press(projector, 'Enter');
    m = await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.tables.every((t) => t.phones && t.phones.joined === 3)");

    let reveals = 0;
    for (const [week, plans] of PLAN.entries()) {
      m = await waitFor(projector, `m.phase === 'deciding' && m.ready && m.shown.tables.every((t) => t.status === 'deciding' && t.phones && t.phones.joined === 3 && t.phones.voted === 0)`);
      expect(String(m.shown.title)).toContain(`Week ${week + 1} van 8`);
      // Each team's phones see their own team's card, under their own team's name.
      for (const [team, plan] of plans.entries()) {
        for (const [i, phone] of ofTeam(team).entries()) {
          await phone.page.waitForSelector(`body[data-view="card"]`);
          await phone.page.waitForFunction((turn) => document.querySelector('.card .turn')?.textContent === turn, `${TEAMS[team]} · Week ${week + 1} van 8`);
          await phone.page.locator(`[data-key="choice-${plan.phones[i]}"]`).click();
          await phone.page.waitForSelector(`[data-key="choice-${plan.phones[i]}"][aria-pressed="true"]`);
        }
      }
      m = await waitFor(projector, 'm.shown.tables.every((t) => t.phones.voted === 3)');
      // Before the reveal: counts only, on the projector and on every phone.
      expect(tables(m).map((t) => t.line)).toEqual(TEAMS.map((team) => `${team}: 3 van 3 gestemd`));
      const drawn = await projector.evaluate(() => (window as unknown as { manyMastersTexts: { texts: { scene: string; text: string }[] } }).manyMastersTexts.texts.filter((t) => t.scene === 'workshop').map((t) => t.text).join('\n'));
      expect(drawn).not.toMatch(/via telefoon|Stemmen:/);
      expect(JSON.stringify(m.shown)).not.toMatch(/phoneVotes|"counts"/);
      for (const phone of phones) expect(await mainText(phone.page)).not.toMatch(/via telefoon|geteld in de zaal/);

      // The hands counted at a team's table: the team first, then the choice's number, the count and Enter.
      for (const [team, plan] of plans.entries()) {
        for (const choice of [0, 1]) {
          if (plan.hands[choice] === 0) continue;
          while ((await snapshot(projector)).shown.focus !== team) await press(projector, 'ArrowDown');
          await press(projector, String(choice + 1));
          await press(projector, String(plan.hands[choice]));
          await press(projector, 'Enter');
          await waitFor(projector, `m.shown.tables[${team}].hands[${choice}] === ${plan.hands[choice]}`);
        }
      }

      if (week === 0) {
        // A phone that reloads keeps its team and its vote.
        const phone = ofTeam(1)[0]!;
        await phone.page.reload();
        await phone.page.waitForSelector(`[data-key="choice-${plans[1]!.phones[0]}"][aria-pressed="true"]`);
        expect(await phone.page.locator('#room').innerText()).toContain('Team 2');
        await waitFor(projector, 'm.shown.tables.every((t) => t.phones.joined === 3 && t.phones.voted === 3)');
        await screenshot(projector, 'teams-nl-deciding');
        await screenshot(phone.page, 'teams-nl-phone-card');
      }
      if (week === 1) {
        // The projector reloads mid-round and continues it: same cards, hand counts and phone votes.
        const before = tables(await snapshot(projector)).map((t) => [t.cardId, t.hands]);
        await projector.reload();
        m = await waitFor(projector, "m.screen === 'title' && m.shown.canContinueWorkshop === true", 30_000);
        await press(projector, 'Enter');
        m = await waitFor(projector, "m.screen === 'workshop' && m.phase === 'deciding' && m.shown.phones.status === 'open' && m.shown.tables.every((t) => t.phones && t.phones.joined === 3 && t.phones.voted === 3)", 30_000);
        expect(tables(m).map((t) => [t.cardId, t.hands])).toEqual(before);
        await projector.setViewportSize({ width: 1024, height: 768 });
        await waitFor(projector, "m.phase === 'deciding' && m.ready && m.shown.stage.width < 1500");
        await screenshot(projector, 'teams-nl-deciding');
        await projector.setViewportSize({ width: 1920, height: 1080 });
        await waitFor(projector, "m.phase === 'deciding' && m.ready && m.shown.stage.width === 1920");
      }

      // One reveal for all three teams: each team's choice is its own phones' majority plus its hands.
      await press(projector, 'PageDown');
      const tied = plans.findIndex((plan) => plan.pick !== undefined);
      if (tied >= 0) {
        // The other teams are decided; the tied team is asked for, with the focus on it, and its number picks.
        m = await waitFor(projector, `m.phase === 'deciding' && m.ready && m.shown.tables[${tied}].asking && m.shown.focus === ${tied}`);
        expect(tables(m).map((t) => t.status)).toEqual(plans.map((_, team) => (team === tied ? 'deciding' : 'decided')));
        expect(tables(m)[tied]!.line).toContain('Gelijk tussen 1 en 2');
        await press(projector, String(plans[tied]!.pick! + 1));
      }
      m = await waitFor(projector, "m.phase === 'reveal' && m.ready");
      reveals += 1;
      const shown = m.shown.reveals as Revealed[];
      expect(shown.map((r) => r.team)).toEqual(TEAMS);
      expect(shown.map((r) => r.decisionShown)).toEqual(plans.map(expected));
      for (const [team, plan] of plans.entries()) {
        expect(shown[team]!.phoneVotes!.slice(0, 2)).toEqual([0, 1].map((c) => plan.phones.filter((p) => p === c).length));
        expect(shown[team]!.votes!.slice(0, 2)).toEqual([0, 1].map((c) => plan.phones.filter((p) => p === c).length + plan.hands[c]!));
        expect(shown[team]!.howText).toMatch(plan.pick === undefined ? /^Meerderheid/ : /^Geen duidelijke meerderheid/);
      }
      // The phones see their own team's reveal.
      for (const phone of phones) {
        await phone.page.waitForSelector('body[data-view="reveal"]');
        expect(await mainText(phone.page)).toContain('via telefoon');
      }
      if (week === 2) {
        await screenshot(projector, 'teams-nl-reveal');
        await projector.setViewportSize({ width: 1024, height: 768 });
        await waitFor(projector, "m.phase === 'reveal' && m.ready && m.shown.stage.width < 1500");
        await screenshot(projector, 'teams-nl-reveal');
        await projector.setViewportSize({ width: 1920, height: 1080 });
        await waitFor(projector, "m.phase === 'reveal' && m.ready && m.shown.stage.width === 1920");
        await screenshot(phones[0]!.page, 'teams-nl-phone-reveal');
      }
      await press(projector, 'Enter');
    }
    expect(reveals).toBe(4);
    m = await waitFor(projector, "m.phase === 'deciding' && m.ready");
    expect(String(m.shown.title)).toContain('Week 5 van 8');

    // The trainer moves a phone by the number it shows: Team 3 focused, A, the number, Enter.
    const moved = ofTeam(0)[0]!;
    const seat = /telefoon (\d+)/.exec(await moved.page.locator('#room').innerText())![1]!;
    while ((await snapshot(projector)).shown.focus !== 2) await press(projector, 'ArrowDown');
    await press(projector, 'a');
    for (const digit of seat) await press(projector, digit);
    m = await waitFor(projector, `m.shown.moving === 'Telefoon naar Team 3: typ het nummer, dan Enter: ${seat}_'`);
    await press(projector, 'Enter');
    await moved.page.waitForFunction(() => document.getElementById('room')!.textContent!.includes('Team 3'));
    await moved.page.waitForFunction(() => document.querySelector('.card .turn')?.textContent === 'Team 3 · Week 5 van 8');
    m = await waitFor(projector, 'm.shown.tables[0].phones.joined === 2 && m.shown.tables[2].phones.joined === 4');
    expect(projectorErrors).toEqual([]);
    for (const phone of phones) expect(phone.errors).toEqual([]);
    for (const phone of phones) await phone.context.close();
    await projectorContext.close();
  }, 600_000);
});
