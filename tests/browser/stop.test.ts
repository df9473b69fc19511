/**
 * A stopped session ends well, in Dutch at 1920×1080 and 1024×768, on a 3-team town hall after 3
 * weeks: "Naar de nabespreking" asks first ("Nee" goes back, "Ja" through the accessible layer
 * stops), the first debrief page says where each team was heading, the report opens with its summary
 * under a Dutch file name, and "Terug naar het spel" returns to the same card, votes and timer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { currentCard } from '../../src/engine/game.ts';
import { setCount } from '../../src/engine/votes.ts';
import { countVotes, decide, startWorkshop } from '../../src/engine/workshop.ts';
import { saveWorkshop } from '../../src/engine/workshopSave.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { press, RESULTS, ROOT, screenshot, snapshot, waitFor, watchErrors, useBrowser } from './harness.ts';

const env = useBrowser();

function townhall(): Scenario {
  const result = validateScenarioText(readFileSync(join(ROOT, 'levels/townhall.json'), 'utf8'));
  if (!result.ok) throw new Error('townhall does not validate');
  return result.scenario;
}

/** Three teams in turn, 3 weeks each (each team its own way of choosing), and votes counted on the fourth week's card. */
function savedSession(): string {
  const scenario = townhall();
  let w = startWorkshop(scenario, { teams: ['Balie', 'Team 2', 'Wijkteam'], mode: 'turns', preview: 'off', timer: 60 }, 'stopped-session');
  const wants = ['more', 'different', 'better'];
  for (let d = 0; d < 9; d++) {
    const card = currentCard(scenario, w.teams[w.active]!.state)!.card;
    const r = decide(scenario, w, Math.max(0, card.choices.findIndex((c) => c.tags?.includes(wants[w.active]!))));
    if (!r.ok) throw new Error(r.reason);
    w = r.workshop;
  }
  w = countVotes(w, (t) => setCount(setCount(t, 0, 3), 1, 1));
  return saveWorkshop({ workshop: w, room: { phase: 'deciding', revealTeam: null, slide: 0, timer: { left: 41_000, running: false } } });
}

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
];

describe('a stopped session ends well', () => {
  for (const viewport of SIZES) {
    it(`asks first, says where each team was heading, reports with a summary and goes back to the same card (nl, ${viewport.width}×${viewport.height})`, async () => {
      const context = await env.browser.newContext({ viewport, locale: 'nl-NL', acceptDownloads: true });
      // The save is put in place once: a reload later must find what the game saved, not this.
      await context.addInitScript({ content: `if (!sessionStorage.getItem('seeded')) { localStorage.setItem('many-masters.workshop', ${JSON.stringify(savedSession())}); sessionStorage.setItem('seeded', '1'); }` });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(env.url);
      let m = await waitFor(page, "m.screen === 'title' && m.shown.canContinueWorkshop === true", 30_000);
      await press(page, 'Enter');
      m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
      const before = { team: m.shown.team, cardId: m.shown.cardId, counts: m.shown.countsByChoice, timer: m.shown.timer };
      expect(before.team).toBe('Balie');
      expect((before.counts as number[]).slice(0, 2)).toEqual([3, 1]);
      expect(before.timer).toMatchObject({ left: 41, paused: true });

      // Esc → "Naar de nabespreking" asks first; "Nee, terug" (the default) stops nothing.
      const openStop = async () => {
        await press(page, 'Escape');
        m = await waitFor(page, "m.overlay === 'menu' && m.overlayShown.question === null");
        const index = (m.overlayShown as { buttons: string[] }).buttons.indexOf('Naar de nabespreking');
        expect(index).toBeGreaterThan(0);
        for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
        await waitFor(page, `m.overlayShown.focus === ${index}`);
        await press(page, 'Enter');
        return waitFor(page, "m.overlay === 'menu' && m.overlayShown.question !== null && m.ready");
      };
      m = await openStop();
      expect(m.overlayShown).toMatchObject({ title: 'Naar de nabespreking', buttons: ['Nee, terug', 'Ja, naar de nabespreking'], focus: 0 });
      expect(m.overlayShown!.question).toContain('Terug naar het spel');
      // The accessible layer reads the question and offers both answers as buttons.
      await expect.poll(() => page.getByText(m.overlayShown!.question as string, { exact: true }).count()).toBe(1);
      await screenshot(page, 'stop-nl-confirm');
      await press(page, 'Enter');
      m = await waitFor(page, "m.overlay === 'menu' && m.overlayShown.question === null");
      expect(m.screen).toBe('workshop');
      expect(m.phase).toBe('deciding');
      await press(page, 'Escape');
      await waitFor(page, 'm.overlay === null');

      // Again, and "Ja" through the accessible layer, as a screen reader or a switch would.
      await openStop();
      const yes = page.getByRole('button', { name: 'Ja, naar de nabespreking', exact: true });
      await waitFor(page, 'm.ready');
      await yes.press('Enter');
      m = await waitFor(page, "m.screen === 'debrief' && m.shown.slideIndex === 0 && m.overlay === null && m.ready");
      expect(m.shown.stopped).toMatch(/^De sessie stopte bij week \d\.$/);
      const endings = m.shown.endings as { team: string; title: string; text: string }[];
      expect(endings.map((e) => e.team).sort()).toEqual(['Balie', 'Team 2', 'Wijkteam']);
      for (const e of endings) {
        expect(e.title).toMatch(/^(Op weg naar: .+|Nog geen einde in zicht)$/);
        expect(e.text).toMatch(/Inwoners \d+/);
      }
      expect(endings.find((e) => e.team === 'Balie')!.text).toMatch(/Koos vooral: [^.]*Meer/);
      expect(endings.find((e) => e.team === 'Team 2')!.text).toMatch(/Koos vooral: [^.]*Anders/);
      expect(JSON.stringify(m.shown)).not.toContain('Nog bezig');
      expect(m.shown.resumable).toBe(true);
      expect((m.shown.buttons as string[])[0]).toBe('Terug naar het spel');
      await screenshot(page, 'stop-nl-debrief-stopped');

      // The report: a Dutch file name, and a summary first.
      const download = page.waitForEvent('download');
      await press(page, 'd');
      const event = await download;
      expect(event.suggestedFilename()).toMatch(/^meerdere-heren-dienen-verslag-het-gemeentehuis-wie-is-je-klant-\d{4}-\d{2}-\d{2}\.html$/);
      const file = join(RESULTS, `stop-report-nl-${viewport.width}.html`);
      await event.saveAs(file);
      const report = await context.newPage();
      await report.goto(`file://${file}`);
      const summary = (await report.locator('section.summary').textContent()) ?? '';
      expect(summary).toContain('Samenvatting');
      expect(summary).toContain('3 teams: Balie, Team 2 en Wijkteam');
      expect(summary).toContain('Waar elk team uitkwam of naartoe ging');
      expect(summary).toContain('Vragen om over te praten');
      expect((await report.locator('main').textContent()) ?? '').not.toMatch(/Team Team|zonder eindtekst/);
      await screenshot(report, 'stop-nl-report-summary');
      await report.close();

      // "Terug" on the first page goes to the way back; Enter takes it: the same card, votes and timer.
      await press(page, 'PageUp');
      m = await waitFor(page, 'm.shown.focus === 0');
      await press(page, 'Enter');
      m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
      expect({ team: m.shown.team, cardId: m.shown.cardId, counts: m.shown.countsByChoice, timer: m.shown.timer }).toEqual(before);
      // A reload keeps the session running where it is.
      await page.reload();
      m = await waitFor(page, "m.screen === 'title' && m.shown.canContinueWorkshop === true", 30_000);
      await press(page, 'Enter');
      m = await waitFor(page, "m.screen === 'workshop' && m.phase === 'deciding' && m.ready");
      expect(m.shown.cardId).toBe(before.cardId);
      expect((await snapshot(page)).screen).toBe('workshop');
      expect(errors).toEqual([]);
      await context.close();
    }, 240_000);
  }
});
