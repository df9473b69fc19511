/**
 * Paper for the room: from the title screen and the pause menu, a card set and a handout open as
 * print-ready pages. Printed to PDF by Chromium, the card set has two cards a page and every card's
 * text, the answer sheet after it, and the handout is one page; nothing is cut off.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { resolveText, type Language } from '../../src/engine/text.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { paperText } from '../../src/locales/paper.ts';
import { openTitle, press, RESULTS, ROOT, useBrowser, waitFor } from './harness.ts';

const env = useBrowser();
const hospital = (() => {
  const result = validateScenarioText(readFileSync(join(ROOT, 'levels/hospital.json'), 'utf8'));
  if (!result.ok) throw new Error('hospital.json does not validate');
  return result.scenario;
})();

/**
 * Text as pdftotext gives it back, and as the scenario has it, compared without spaces and hyphens:
 * pdftotext joins a word broken after a hyphen at the end of a line ("knie-" + "en" → "knieen").
 */
const flat = (text: string) => text.normalize('NFKC').replace(/[\s\u00ad-]+/g, '');

function pdfPages(file: string): string[] {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  return Array.from({ length: pages }, (_, i) => flat(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })));
}

/** Nothing in a card or the handout is taller than its box, in print layout. */
async function overflowing(popup: Page): Promise<string[]> {
  await popup.emulateMedia({ media: 'print' });
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.card, .handout')].filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.dataset.card ?? e.className),
  );
}

async function printPage(popup: Page, scenario: Scenario, kind: 'cards' | 'handout', lang: Language): Promise<string[]> {
  await popup.emulateMedia({ media: 'screen' });
  await popup.locator(`button[data-paper="${scenario.id}:${kind}:${lang}"]`).click();
  await popup.waitForFunction(() => document.querySelector('.sheet') !== null && [...document.images].every((i) => i.complete));
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
  expect(await overflowing(popup)).toEqual([]);
  const file = join(RESULTS, `paper-${scenario.id}-${kind}-${lang}.pdf`);
  writeFileSync(file, await popup.pdf({ preferCSSPageSize: true, printBackground: true }));
  await popup.emulateMedia({ media: 'screen' });
  await popup.locator('.toolbar button', { hasText: paperText[lang].backButton }).click();
  await popup.waitForSelector('.index');
  return pdfPages(file);
}

describe('paper for the room', () => {
  it('prints the card set and the handout of a scenario in Dutch and English from the title screen', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 720 }, 'nl-NL');
    // The paper button is the last on the title screen: up from the first wraps to it.
    await press(page, 'ArrowUp');
    const opened = context.waitForEvent('page');
    await press(page, 'Enter');
    const popup = await opened;
    const popupErrors: string[] = [];
    popup.on('pageerror', (e) => popupErrors.push(String(e)));
    await popup.waitForSelector('.index');
    for (const id of ['school', 'hospital', 'townhall']) expect(await popup.locator(`button[data-paper="${id}:cards:nl"]`).count()).toBe(1);

    const cardPages = Math.ceil(hospital.cards.length / 2);
    for (const lang of ['nl', 'en'] as const) {
      const pages = await printPage(popup, hospital, 'cards', lang);
      expect(pages.length).toBeGreaterThan(cardPages);
      expect(pages.length).toBeLessThanOrEqual(cardPages + Math.ceil(hospital.cards.length / 4));
      hospital.cards.forEach((card, i) => {
        const page = pages[Math.floor(i / 2)]!;
        expect(page, `card ${card.id} on page ${Math.floor(i / 2) + 1}`).toContain(flat(resolveText(card.text, lang)));
        for (const choice of card.choices) expect(page, `choice of ${card.id}`).toContain(flat(resolveText(choice.label, lang)));
      });
      const answers = pages.slice(cardPages).join(' ');
      expect(answers).toContain(flat(paperText[lang].answersTitle));
      for (const card of hospital.cards) {
        for (const choice of card.choices) if (choice.feedback) expect(answers, `feedback of ${card.id}`).toContain(flat(resolveText(choice.feedback, lang)));
      }
      // No card text on the answer pages: the effects stay on a separate sheet.
      expect(answers).not.toContain(flat(resolveText(hospital.cards[0]!.text, lang)));

      const handout = await printPage(popup, hospital, 'handout', lang);
      expect(handout).toHaveLength(1);
      for (const q of hospital.debrief?.questions ?? []) expect(handout[0]).toContain(flat(resolveText(q, lang)));
      for (const s of hospital.stakeholders) expect(handout[0]).toContain(flat(resolveText(s.name, lang)));
      for (const word of lang === 'nl' ? ['Klantvriendelijk', 'Klantgericht', 'Klantgedreven', 'Betaler en gebruiker'] : ['Customer-friendly', 'Customer-oriented', 'Customer-driven', 'Payer and user']) expect(handout[0]).toContain(flat(word));
    }
    // The other scenarios fit too: no card and no handout cut off.
    for (const id of ['school', 'townhall']) {
      for (const kind of ['cards', 'handout'] as const) {
        await popup.locator(`button[data-paper="${id}:${kind}:nl"]`).click();
        await popup.waitForFunction(() => document.querySelector('.sheet') !== null && [...document.images].every((i) => i.complete));
        expect(await overflowing(popup), `${id} ${kind}`).toEqual([]);
        await popup.emulateMedia({ media: 'screen' });
        await popup.locator('.toolbar button').nth(1).click();
        await popup.waitForSelector('.index');
      }
    }
    // Nothing was fetched from the network: the pages work offline.
    expect(popupErrors).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('opens the paper of the scenario in play from the workshop menu', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1280, height: 720 }, 'en-GB');
    const first = (await waitFor(page, "m.screen === 'title'")).levels.find((l) => l.ok)!.id!;
    await press(page, 'Enter');
    const mode = await waitFor(page, "m.screen === 'mode'");
    await press(page, mode.shown.canContinue ? '3' : '2');
    await waitFor(page, "m.screen === 'setup'");
    // Focus starts on Start.
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'workshop'");
    await press(page, 'Escape');
    await waitFor(page, "m.overlay === 'menu'");
    // Second from the end: up twice from the first entry.
    await press(page, 'ArrowUp');
    await press(page, 'ArrowUp');
    const opened = context.waitForEvent('page');
    await press(page, 'Enter');
    const popup = await opened;
    await popup.waitForSelector('.index');
    const buttons = await popup.locator('button[data-paper]').evaluateAll((list) => list.map((b) => (b as HTMLElement).dataset.paper));
    expect(buttons).toEqual([`${first}:cards:nl`, `${first}:cards:en`, `${first}:handout:nl`, `${first}:handout:en`]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
