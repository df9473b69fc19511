/**
 * A trainer's mistakes in the Dutch game: the problems screen words every message in Dutch with
 * how to fix it; the scenario map shows the balance check's verdicts in the game's language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { word } from '../../src/locales/authoring.ts';
import { nl } from '../../src/locales/nl.ts';
import { openTitle, press, ROOT, screenshot, snapshot, useBrowser, waitFor } from './harness.ts';

const env = useBrowser();

const example = readFileSync(join(ROOT, 'levels/example.json'), 'utf8');
/** Typical mistakes: a number typed as text, a missing Dutch text, a next to a card that does not exist. */
const broken = example
  .replace('"id": "example"', '"id": "fouten"')
  .replace('"start": 50, "min": 0', '"start": "50", "min": 0')
  .replace('"label": { "nl": "Ouders", "en": "Parents" }', '"label": { "en": "Parents" }');

async function drop(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'application/json' }));
    const target = document.querySelector('canvas') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, text });
}

describe('messages in the author\'s language', () => {
  it('a broken file in the Dutch game shows Dutch messages, each with its fix, errors and warnings together', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL');
    expect(broken).not.toBe(example);
    await drop(page, 'fouten.json', broken);
    const m = await waitFor(page, "m.screen === 'problems' && m.shown.file === 'fouten.json'");
    const shown = m.shown.problems as { line: number; column: number; code: string; severity: string; message: string }[];
    const expected = validateScenarioText(broken).problems;
    expect(shown.map((p) => [p.line, p.column, p.code, p.message])).toEqual(expected.map((p) => [p.line, p.column, p.code, word(p.code, p.params, 'nl')]));
    expect(shown.map((p) => p.message)).toEqual(expect.arrayContaining(['dit getal staat er als tekst: haal de aanhalingstekens rond 50 weg', 'hier ontbreekt de tekst in "nl", terwijl de titel "nl" en "en" heeft: vul de tekst aan, bijvoorbeeld "nl": "…"']));
    expect(new Set(shown.map((p) => p.severity))).toEqual(new Set(['error', 'warning']));
    await screenshot(page, 'problems-dutch-fixes');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the scenario map shows the balance verdicts in Dutch, C opens them', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL');
    let m = await snapshot(page);
    const buttons = m.shown.buttons as string[];
    for (let i = m.shown.focus as number; i < buttons.indexOf(nl.authorButton); i++) await press(page, 'Tab');
    await press(page, 'Enter');
    const author = await waitFor(page, "m.screen === 'author'");
    const targets = author.shown.targets as string[];
    for (let i = author.shown.focus as number; i < targets.indexOf('map:townhall.json'); i++) await press(page, 'Tab');
    await press(page, 'Enter');
    m = await waitFor(page, "m.screen === 'map' && m.shown.balance && m.shown.balance.verdicts !== undefined", 120_000);
    const balance = m.shown.balance as { summary: string; missed: number; verdicts: { ok: boolean; text: string }[] };
    expect(balance.summary).toMatch(/^Balans: alle \d+ doelen gehaald/);
    expect(balance.verdicts[0]!.text).toMatch(/^willekeurig spelen \(een groep die niet nadenkt\) haalt het einde in \d+% van de spellen; doel 20–60%: gehaald$/);
    expect(balance.verdicts.some((v) => /^alleen .* dienen \(favour:residents\)/.test(v.text))).toBe(true);
    await press(page, 'c');
    await waitFor(page, 'm.shown.balance.shown === true');
    await screenshot(page, 'map-balance-nl');
    await press(page, 'Escape');
    await waitFor(page, "m.screen === 'map' && m.shown.balance.shown === false");
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
