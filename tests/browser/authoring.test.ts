/**
 * Play my file and the scenario map, against the production build: a valid file through the file
 * picker, a broken one dropped onto the page (every problem listed as the validator does), a file
 * that is too large, the last file remembered across a reload, and a game started from a card on
 * the map with chosen meter values. Screenshots in English at 1920×1080 and Dutch at 1024×768.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { errorsFirst, validateScenarioText } from '../../src/engine/validate.ts';
import { LIMITS } from '../../src/engine/format.ts';
import { en } from '../../src/locales/en.ts';
import { nl } from '../../src/locales/nl.ts';
import { word } from '../../src/locales/authoring.ts';
import { press, ROOT, snapshot, waitFor, useBrowser, openTitle, screenshot } from './harness.ts';

const example = readFileSync(join(ROOT, 'levels/example.json'), 'utf8');
/** A copy of the example under its own id, so it is clearly the opened file that plays. */
const mine = example.replace('"id": "example"', '"id": "my-own"');
const broken = readFileSync(join(ROOT, 'tests/fixtures/broken.json'), 'utf8');
const brokenProblems = validateScenarioText(broken).problems;
const schoolCards = (JSON.parse(readFileSync(join(ROOT, 'levels/school.json'), 'utf8')) as { cards: unknown[] }).cards.length;

const env = useBrowser();

/** Drops a file on the page the way a browser does: a DataTransfer built in the page. */
async function drop(page: Page, name: string, text: string, padTo = 0): Promise<void> {
  await page.evaluate(({ name, text, padTo }) => {
    const body = padTo > text.length ? text + ' '.repeat(padTo - text.length) : text;
    const transfer = new DataTransfer();
    transfer.items.add(new File([body], name, { type: 'application/json' }));
    const target = document.querySelector('canvas') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, { name, text, padTo });
}

/** Drops a file of exactly these bytes (a file saved as ANSI, say), as `drop` does with a text. */
async function dropBytes(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(({ name, bytes }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/json' }));
    const target = document.querySelector('canvas') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, { name, bytes: [...bytes] });
}

async function focusButton(page: Page, label: string, list: 'buttons' | 'targets' = 'buttons'): Promise<void> {
  const m = await snapshot(page);
  const buttons = m.shown[list] as string[];
  const index = buttons.indexOf(label);
  expect(index, `${label} in ${buttons.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const current = m.shown.focus as number;
  for (let i = current; i < index; i++) await press(page, 'Tab');
  for (let i = current; i > index; i--) await press(page, 'ArrowUp');
}

describe('play my file', () => {
  it('plays a valid file chosen with the title screen\'s file picker, at once', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await screenshot(page, 'author-title-en');
    await focusButton(page, en.openFile);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'Enter')]);
    await chooser.setFiles({ name: 'my-own.json', mimeType: 'application/json', buffer: Buffer.from(mine) });
    const m = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
    expect(m.scenarioId).toBe('my-own');
    // The hidden input works directly too (what an automated check would use).
    await page.setInputFiles('#scenario-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await waitFor(page, "m.screen === 'problems' && m.shown.file === 'broken.json'");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('lists every problem of a dropped broken file like the validator, with the line beneath, scrollable by keys', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await drop(page, 'broken.json', broken);
    const m = await waitFor(page, "m.screen === 'problems' && m.shown.file === 'broken.json'");
    const shown = m.shown.problems as { line: number; column: number; severity: string; message: string; suggestion?: string; source: string | null }[];
    // Errors first, then warnings, each in the validator's order: the file plays only once the errors are gone.
    expect(shown.map((p) => [p.line, p.column, p.message, p.suggestion])).toEqual(errorsFirst(brokenProblems).map((p) => [p.line, p.column, word(p.code, p.params, 'en'), p.suggestion]));
    expect(shown.map((p) => p.severity[0]).join('')).toMatch(/^e+w+$/);
    const lines = broken.split('\n');
    for (const p of shown) expect(lines[p.line - 1]!.replace(/\t/g, '  ')).toContain(p.source!.replace(/^…|…$/g, ''));
    expect(m.shown.ok).toBe(false);
    expect(m.shown.shownFrom).toBe(1);
    await screenshot(page, 'problems-en');
    await press(page, 'PageDown');
    const next = await waitFor(page, `m.shown.shownFrom === ${(m.shown.shownTo as number) + 1}`);
    await screenshot(page, 'problems-page2-en');
    await press(page, 'ArrowUp');
    await waitFor(page, `m.shown.shownFrom === ${(next.shown.shownFrom as number) - 1}`);
    // Back goes to the title; the file stays remembered.
    await press(page, 'Escape');
    await waitFor(page, "m.screen === 'title'");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('refuses a file over the size limit with a clear message, without reading it', async () => {
    const { page } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await drop(page, 'huge.json', '{}', LIMITS.fileBytes + 10);
    const m = await waitFor(page, "m.screen === 'problems' && m.shown.tooLarge !== null");
    expect(m.shown.heading).toBe(en.problemsTooLarge);
    await screenshot(page, 'problems-too-large-en');
    await page.close();
  }, 60_000);

  it('shows warnings before play without blocking, and remembers the last file across a visit', async () => {
    const { page } = await openTitle(env, { width: 1024, height: 768 }, 'nl-NL');
    // A warning only: a meter nothing moves.
    const withWarning = JSON.parse(mine) as { meters: object[]; id: string };
    withWarning.id = 'my-warned';
    withWarning.meters.push({ id: 'unused', label: { nl: 'Ongebruikt', en: 'Unused' }, start: 50 });
    await drop(page, 'warned.json', JSON.stringify(withWarning, null, 2));
    const m = await waitFor(page, "m.screen === 'problems' && m.shown.ok === true");
    expect((m.shown.problems as { severity: string }[]).every((p) => p.severity === 'warning')).toBe(true);
    await screenshot(page, 'problems-warnings-nl');
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'play' && m.scenarioId === 'my-warned'");

    await page.reload();
    await waitFor(page, "m.screen === 'title'", 30_000);
    await focusButton(page, nl.authorButton);
    await press(page, 'Enter');
    const author = await waitFor(page, "m.screen === 'author'");
    expect(author.shown.lastFile).toBe('warned.json');
    await screenshot(page, 'author-nl');
    // Forget it: the last button of the last-file row.
    await focusButton(page, nl.forgetFile);
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'author' && m.shown.lastFile === null");
    await page.close();
  }, 90_000);
});

describe('a file saved on Windows', () => {
  it('reads a dropped file saved as ANSI (Windows-1252) with its letters right, and says in Dutch how to save it as UTF-8', async () => {
    const { page, errors } = await openTitle(env, { width: 1024, height: 768 }, 'nl-NL');
    const title = 'Financiën – “één” € 5…';
    const text = mine.replace('"id": "my-own"', '"id": "my-ansi"').replace('"Kennismaking: het mentoruur"', JSON.stringify(title));
    // Windows-1252 byte for byte, from the code page's table: € 0x80, … 0x85, “ 0x93, ” 0x94, – 0x96.
    const high: Record<string, number> = { '€': 0x80, '…': 0x85, '“': 0x93, '”': 0x94, '–': 0x96 };
    const bytes = Uint8Array.from([...text].map((c) => (Object.hasOwn(high, c) ? high[c]! : c.charCodeAt(0))));
    await dropBytes(page, 'ansi.json', bytes);
    const m = await waitFor(page, "m.screen === 'problems' && m.shown.file === 'ansi.json'");
    expect(m.shown.ok).toBe(true);
    const line = text.split('\n').findIndex((l) => l.includes(title)) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('ë') + 1;
    const shown = m.shown.problems as { line: number; column: number; message: string }[];
    expect(shown).toContainEqual(expect.objectContaining({ line, column, message: word('savedAsWindows1252', { word: 'Financiën' }, 'nl') }));
    expect(word('savedAsWindows1252', { word: 'Financiën' }, 'nl')).toContain('bewaar het als UTF-8 (Kladblok: Bestand > Opslaan als, Codering: UTF-8');
    await screenshot(page, 'problems-ansi-nl');
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'play' && m.scenarioId === 'my-ansi'");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('the scenario map', () => {
  it('draws the cards and links, selects a card by keyboard and plays from it with chosen meters', async () => {
    for (const [width, height, locale] of [[1920, 1080, 'en-GB'], [1024, 768, 'nl-NL']] as const) {
      const { page, errors } = await openTitle(env, { width, height }, locale);
      // From the title: scenario writing → the school's map.
      await focusButton(page, locale === 'en-GB' ? en.authorButton : nl.authorButton);
      await press(page, 'Enter');
      const author = await waitFor(page, "m.screen === 'author'");
      await focusButton(page, (author.shown.targets as string[])[(author.shown.targets as string[]).indexOf('map:school.json')]!, 'targets');
      await press(page, 'Enter');
      const map = await waitFor(page, "m.screen === 'map'");
      const cards = map.shown.cards as { id: string; column: number; row: number }[];
      expect(cards.length).toBe(schoolCards);
      expect((map.shown.edges as string[]).some((e) => e.endsWith(':next'))).toBe(true);
      await screenshot(page, `map-${locale.slice(0, 2)}`);
      await press(page, 'ArrowRight');
      await press(page, 'ArrowDown');
      const moved = await snapshot(page);
      const selected = moved.shown.selected as string;
      expect(selected).not.toBe(map.shown.selected);
      await press(page, 'Enter');
      const form = await waitFor(page, 'm.shown.form !== null');
      const meters = (form.shown.form as { meters: Record<string, number> }).meters;
      const firstMeter = Object.keys(meters)[0]!;
      await press(page, 'ArrowUp'); // from "Play" back to the last meter row … then to the first
      for (let i = 1; i < Object.keys(meters).length; i++) await press(page, 'ArrowUp');
      await press(page, 'ArrowLeft');
      await press(page, 'ArrowLeft');
      const changed = await waitFor(page, `m.shown.form.meters[${JSON.stringify(firstMeter)}] === ${meters[firstMeter]! - 10}`);
      await screenshot(page, `map-form-${locale.slice(0, 2)}`);
      const wanted = (changed.shown.form as { meters: Record<string, number> }).meters;
      await focusFormPlay(page);
      await press(page, 'Enter');
      const play = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
      expect(play.state!.current!.card).toBe(selected);
      expect(play.state!.meters).toEqual(wanted);
      expect(play.state!.turn).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 180_000);
});

describe('the map and the problems screen in Dutch on a projector (1920×1080)', () => {
  it('names a card\'s condition in words, and lists errors before warnings', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL');
    await focusButton(page, nl.authorButton);
    await press(page, 'Enter');
    const author = await waitFor(page, "m.screen === 'author'");
    await focusButton(page, (author.shown.targets as string[])[(author.shown.targets as string[]).indexOf('map:school.json')]!, 'targets');
    await press(page, 'Enter');
    await waitFor(page, "m.screen === 'map'");
    // "newspaper" holds when a flag is set, a choice was taken or a card was seen.
    await page.locator('[data-id="card-newspaper"]').evaluate((button) => (button as HTMLButtonElement).click());
    const map = await waitFor(page, "m.screen === 'map' && m.shown.selected === 'newspaper'");
    const info = map.shown.info as string;
    expect(info).toContain('Alleen als: vlag "town-lessons" is true of het laatste antwoord op kaart "town-question" was de tweede keuze in het bestand of kaart "town-everyone" is geweest');
    expect(info).not.toMatch(/[{}]/);
    await screenshot(page, 'map-condition-nl-1080');
    await page.close();

    const problems = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL');
    await drop(problems.page, 'broken.json', broken);
    const m = await waitFor(problems.page, "m.screen === 'problems' && m.shown.file === 'broken.json'");
    expect((m.shown.problems as { severity: string }[]).map((p) => p.severity[0]).join('')).toMatch(/^e+w+$/);
    // Whole problems, as many as fit: at 1080p the first page of this file holds three or more.
    expect(m.shown.shownTo as number).toBeGreaterThanOrEqual(3);
    await screenshot(problems.page, 'problems-nl-1080');
    expect(errors).toEqual([]);
    expect(problems.errors).toEqual([]);
    await problems.page.close();
  }, 120_000);
});

async function focusFormPlay(page: Page): Promise<void> {
  for (let guard = 0; guard < 12; guard++) {
    const m = await snapshot(page);
    const form = m.shown.form as { buttons: string[]; focus: number };
    if (form.buttons[form.focus] && form.focus === form.buttons.length - 2) return;
    await press(page, 'ArrowDown');
  }
  throw new Error('no play button in the form');
}
