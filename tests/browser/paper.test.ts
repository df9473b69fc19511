/**
 * Paper for the room: from the title screen and the pause menu, a card set, the rules with a score
 * sheet and the endings, and a handout open as print-ready pages. Printed to PDF by Chromium, the card
 * set has two cards a page and every card's text with its options shuffled, the answer sheet after it
 * with the same letters; the rules are one page; the handout is one page; nothing is cut off.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { resolveText, type Language } from '../../src/engine/text.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { interpolate } from '../../src/locales/format.ts';
import { paperText } from '../../src/locales/paper.ts';
import { conditionWords, paperOrder } from '../../src/paper/paper.ts';
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
    [...document.querySelectorAll<HTMLElement>('.card, .handout, .score')].filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.dataset.card ?? e.className),
  );
}

async function printPage(popup: Page, scenario: Scenario, kind: 'cards' | 'rules' | 'handout', lang: Language): Promise<string[]> {
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
      const letters = (card: Scenario['cards'][number]) => paperOrder(hospital, card, 1).map((file, shown) => `${String.fromCharCode(65 + shown)}${flat(resolveText(card.choices[file]!.label, lang))}`);
      hospital.cards.forEach((card, i) => {
        const page = pages[Math.floor(i / 2)]!;
        expect(page, `card ${card.id} on page ${Math.floor(i / 2) + 1}`).toContain(flat(resolveText(card.text, lang)));
        // Each option with the letter the shuffle gave it, and the shuffle's number on the card.
        for (const option of letters(card)) expect(page, `option of ${card.id}`).toContain(option);
        expect(page).toContain(flat(interpolate(paperText[lang].orderCode, { seed: 1 })));
      });
      const answers = pages.slice(cardPages).join(' ');
      expect(answers).toContain(flat(paperText[lang].answersTitle));
      expect(answers).toContain(flat(interpolate(paperText[lang].answersOrder, { seed: 1 })));
      // The answer sheet names each option by the letter it has on its card.
      for (const card of hospital.cards) for (const option of letters(card)) expect(answers, `answer to ${card.id}`).toContain(`${option.slice(0, 1)}.${option.slice(1)}`);
      for (const card of hospital.cards) {
        for (const choice of card.choices) if (choice.feedback) expect(answers, `feedback of ${card.id}`).toContain(flat(resolveText(choice.feedback, lang)));
      }
      // A conditional card says when it comes, in words a table can check.
      hospital.cards.forEach((card, i) => {
        if (card.when === undefined || (card.weight ?? 1) === 0) return;
        expect(pages[Math.floor(i / 2)], `condition of ${card.id}`).toContain(flat(interpolate(paperText[lang].conditionalWhen, { condition: conditionWords(hospital, card.when, lang, 1) })));
      });
      // No card text on the answer pages: the effects stay on a separate sheet.
      expect(answers).not.toContain(flat(resolveText(hospital.cards[0]!.text, lang)));

      // The rules fit one page; the score sheet has a column for every meter and a row for every week;
      // the endings come with when each is reached.
      const rules = await printPage(popup, hospital, 'rules', lang);
      expect(rules.length).toBeGreaterThanOrEqual(3);
      for (const step of [paperText[lang].ruleSetUp, paperText[lang].ruleDraw, paperText[lang].ruleEnding]) expect(rules[0]).toContain(flat(step));
      expect(rules[1]).toContain(flat(paperText[lang].scoreTitle));
      for (const meter of hospital.meters) expect(rules[1], `meter ${meter.id}`).toContain(flat(resolveText(meter.label, lang)));
      expect(rules[1]).toContain(`${hospital.turns}`);
      const endings = rules.slice(2).join(' ');
      for (const ending of hospital.endings ?? []) expect(endings, `ending ${ending.id}`).toContain(flat(resolveText(ending.title, lang)));
      const byMeter = new Set(hospital.meters.flatMap((m) => [m.onMin, m.onMax]));
      for (const ending of hospital.endings ?? []) {
        if (ending.when !== undefined && !byMeter.has(ending.id)) expect(endings, `when ${ending.id}`).toContain(flat(interpolate(paperText[lang].endingWhenCondition, { condition: conditionWords(hospital, ending.when, lang, 1) })));
      }

      const handout = await printPage(popup, hospital, 'handout', lang);
      expect(handout).toHaveLength(1);
      for (const q of hospital.debrief?.questions ?? []) expect(handout[0]).toContain(flat(resolveText(q, lang)));
      for (const s of hospital.stakeholders) expect(handout[0]).toContain(flat(resolveText(s.name, lang)));
      for (const word of lang === 'nl' ? ['Klantvriendelijk', 'Klantgericht', 'Klantgedreven', 'Betaler en gebruiker'] : ['Customer-friendly', 'Customer-oriented', 'Customer-driven', 'Payer and user']) expect(handout[0]).toContain(flat(word));
    }
    // The rules page, the score sheet and the endings as a group gets them, in Dutch.
    await popup.locator('button[data-paper="hospital:rules:nl"]').click();
    await popup.waitForSelector('.sheet.score');
    await popup.setViewportSize({ width: 900, height: 1300 });
    // As printed: without the toolbar, which would lie over a long page.
    await popup.emulateMedia({ media: 'print' });
    for (const [selector, name] of [['.sheet.rules', 'rules'], ['.sheet.score', 'score'], ['.endings', 'endings']] as const) {
      await popup.locator(selector).screenshot({ path: join(RESULTS, `paper-hospital-${name}-nl.png`) });
    }
    await popup.emulateMedia({ media: 'screen' });
    await popup.locator('.toolbar button', { hasText: paperText.nl.backButton }).click();
    await popup.waitForSelector('.index');
    // Another shuffle: every card and the answer sheet carry its number, and the letters follow it.
    await popup.locator(`button[data-paper="hospital:cards:nl"]`).click();
    await popup.locator('button[data-reshuffle]').click();
    await popup.waitForFunction(() => document.querySelector('.card .number')?.textContent?.includes('2') === true);
    const reshuffled = await popup.evaluate(() => ({
      codes: [...document.querySelectorAll('.card .number')].map((n) => n.textContent),
      intro: document.querySelector('.answers .intro')?.textContent ?? '',
      first: [...document.querySelectorAll('.card')][0]!.querySelector('li .label')?.textContent,
    }));
    expect(reshuffled.codes.every((code) => code?.endsWith(interpolate(paperText.nl.orderCode, { seed: 2 })))).toBe(true);
    expect(reshuffled.intro).toContain(interpolate(paperText.nl.answersOrder, { seed: 2 }));
    const firstCard = hospital.cards[0]!;
    expect(reshuffled.first).toBe(resolveText(firstCard.choices[paperOrder(hospital, firstCard, 2)[0]!]!.label, 'nl'));
    await popup.locator('.toolbar button', { hasText: paperText.nl.backButton }).click();
    await popup.waitForSelector('.index');
    // The other scenarios fit too: no card and no handout cut off.
    for (const id of ['school', 'townhall']) {
      for (const kind of ['cards', 'rules', 'handout'] as const) {
        await popup.locator(`button[data-paper="${id}:${kind}:nl"]`).click();
        await popup.waitForFunction(() => document.querySelector('.sheet') !== null && [...document.images].every((i) => i.complete));
        expect(await overflowing(popup), `${id} ${kind}`).toEqual([]);
        await popup.emulateMedia({ media: 'screen' });
        await popup.locator('.toolbar button', { hasText: paperText.nl.backButton }).click();
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
    const menu = (await waitFor(page, "m.overlay === 'menu'")).overlayShown as { buttons: string[] };
    const at = menu.buttons.indexOf('Print material…');
    expect(at).toBeGreaterThan(0);
    for (let i = 0; i < at; i++) await press(page, 'ArrowDown');
    await waitFor(page, `m.overlayShown.focus === ${at}`);
    const opened = context.waitForEvent('page');
    await press(page, 'Enter');
    const popup = await opened;
    await popup.waitForSelector('.index');
    const buttons = await popup.locator('button[data-paper]').evaluateAll((list) => list.map((b) => (b as HTMLElement).dataset.paper));
    expect(buttons).toEqual([`${first}:cards:nl`, `${first}:cards:en`, `${first}:rules:nl`, `${first}:rules:en`, `${first}:handout:nl`, `${first}:handout:en`]);
    // Each button is marked with the language it is worded in.
    expect(await popup.locator('button[data-paper$=":nl"]').evaluateAll((list) => list.map((b) => b.getAttribute('lang')))).toEqual(['nl', 'nl', 'nl']);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
