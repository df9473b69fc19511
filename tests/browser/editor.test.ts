/**
 * The scenario editor, played as a trainer who does not write JSON: from "New scenario", with mouse
 * and keyboard only, a scenario of 3 meters, 3 stakeholders, 6 cards (one with a condition, one with
 * a follow-up, one once), 2 endings and a debrief with named tags, in Dutch and English; a reload in the middle
 * comes back into the editor with the draft; 100 steps undone give the file as it was; the download validates with no errors and plays to an ending; axe-core on
 * every part of the editor in both languages; screenshots at 1920×1080 and 1280×800; the projector
 * preview's pixels against the play screen's card.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { en } from '../../src/locales/en.ts';
import { nl } from '../../src/locales/nl.ts';
import { DIST, openTitle, press, screenshot, useBrowser, waitFor, watchErrors } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = useBrowser();

const VIEWS = [nl.edViewScenario, nl.edViewMeters, nl.edViewStakeholders, nl.edViewCards, nl.edViewGrid, nl.edViewEndings, nl.edViewDebrief];
const VIEWS_EN = [en.edViewScenario, en.edViewMeters, en.edViewStakeholders, en.edViewCards, en.edViewGrid, en.edViewEndings, en.edViewDebrief];

async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const results = await axe.run(document.querySelector('.mme'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

/** From the title screen to the editor on a new scenario, by keyboard on the accessible layer. */
async function openNewScenario(page: Page, t: typeof nl): Promise<void> {
  await waitFor(page, 'm.ready');
  await page.getByRole('button', { name: t.authorButton }).press('Enter');
  await waitFor(page, "m.screen === 'author' && m.ready");
  await page.getByRole('button', { name: t.authorNew }).press('Enter');
  await page.locator('.mme h1').waitFor();
}

function part(page: Page, name: string) {
  return page.getByRole('navigation', { name: nl.edParts }).getByRole('button', { name, exact: true });
}

/** The text field of one language inside the fieldset with this legend (the nth when several). */
function text(page: Page, legend: string, language: 'Nederlands' | 'Engels', nth = 0) {
  return page.getByRole('group', { name: legend, exact: true }).nth(nth).getByLabel(language, { exact: true });
}

async function removeAll(page: Page, name: RegExp, keep: number): Promise<void> {
  for (;;) {
    const buttons = page.locator('.mme-tools').getByRole('button', { name });
    const count = await buttons.count();
    if (count <= keep) return;
    await buttons.nth(count - 1).click();
  }
}

/** The card list's buttons, one per card. */
function cardList(page: Page) {
  return page.getByRole('navigation', { name: nl.edCardList }).getByRole('button');
}

async function addCard(page: Page, dutch: string, english: string, labels: [string, string][]): Promise<void> {
  await page.getByLabel(nl.edNewCardText).fill(dutch);
  await page.getByRole('button', { name: nl.edAddCard }).click();
  await expect.poll(() => page.locator('#mme-card-title').textContent()).toContain(dutch.slice(0, 20));
  await text(page, nl.edCardText, 'Engels').fill(english);
  for (let i = 0; i < labels.length; i++) {
    await text(page, nl.edLabel, 'Nederlands', i).fill(labels[i]![0]);
    await text(page, nl.edLabel, 'Engels', i).fill(labels[i]![1]);
  }
}

/** The card's box on the play screen (src/ui/card.ts), in the 1920×1080 stage's pixels. */
const CARD = { x: 80, y: 282, width: 1000, height: 716 };

/**
 * The share of the card's pixels where the editor's projector preview differs from `game` (a PNG of the
 * play screen cropped to the card's box) by more than a little in some colour channel. Only what the
 * preview draws fully opaque is compared: its edges and shadow are drawn over the page, the game's over
 * the table. The preview's canvas holds the card at the game's own size, 4 pixels in from its corner.
 */
function previewDiffers(page: Page, game: string): Promise<number> {
  return page.evaluate(async ({ png, box }) => {
    const preview = document.querySelector<HTMLCanvasElement>('.mme-preview-projector canvas');
    if (!preview) return 1;
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = box.width;
    canvas.height = box.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const theirs = context.getImageData(0, 0, box.width, box.height).data;
    const ours = preview.getContext('2d')!.getImageData(4, 4, box.width, box.height).data;
    let compared = 0;
    let different = 0;
    for (let i = 0; i < ours.length; i += 4) {
      if (ours[i + 3] !== 255) continue;
      compared++;
      if (Math.max(Math.abs(ours[i]! - theirs[i]!), Math.abs(ours[i + 1]! - theirs[i + 1]!), Math.abs(ours[i + 2]! - theirs[i + 2]!)) > 48) different++;
    }
    // A preview that has not drawn the card yet has nearly nothing opaque: that is no match either.
    return compared < box.width * box.height * 0.9 ? 1 : different / compared;
  }, { png: game, box: CARD });
}

async function editFirstLevel(page: Page): Promise<void> {
  await waitFor(page, 'm.ready');
  await page.getByRole('button', { name: nl.authorButton }).press('Enter');
  await waitFor(page, "m.screen === 'author' && m.ready");
  await page.getByRole('button', { name: nl.authorEdit }).first().press('Enter');
  await page.locator('.mme h1').waitFor();
  await part(page, nl.edViewCards).click();
  await page.locator('#mme-card-title').waitFor();
}

describe('the scenario editor', () => {
  it('makes a scenario from the template without typing JSON, keeps the draft over a reload, and the download validates and plays to an ending', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL');
    await openNewScenario(page, nl);
    // The game's canvas and accessible layer are out of sight and out of the tab order while editing.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('game')!).visibility)).toBe('hidden');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.mm-layer')!).visibility)).toBe('hidden');
    await expect.poll(() => page.locator('.mme-state').textContent()).toBe(nl.edNeverSaved);
    await screenshot(page, 'editor-scenario-nl');

    // The scenario: title and description in both languages; the length is counted as one types.
    await text(page, nl.edTitle, 'Nederlands').fill('Het buurthuis');
    await text(page, nl.edTitle, 'Engels').fill('The community centre');
    await expect.poll(() => page.getByRole('group', { name: nl.edTitle, exact: true }).textContent()).toContain('13 van 60 tekens');
    await text(page, nl.edDescription, 'Nederlands').fill('Acht weken in het buurthuis: bewoners, vrijwilligers en de gemeente willen elk iets anders.');
    await text(page, nl.edDescription, 'Engels').fill('Eight weeks at the community centre: residents, volunteers and the council each want something else.');
    await page.getByLabel(nl.edTurns).fill('8');

    // Meters: the template's three, renamed; the endings they name are chosen from a list.
    await part(page, nl.edViewMeters).click();
    await text(page, nl.edMeterName, 'Nederlands', 0).fill('Bewoners');
    await text(page, nl.edMeterName, 'Engels', 0).fill('Residents');
    for (const select of await page.getByLabel(nl.edOnMin).all()) await select.selectOption({ label: nl.edNoEnding });
    for (const select of await page.getByLabel(nl.edOnMax).all()) await select.selectOption({ label: nl.edNoEnding });
    await page.getByRole('article').first().getByRole('radio', { name: 'house' }).check();
    expect(await page.getByRole('article').count()).toBe(3);

    // Stakeholders: a portrait picked by its picture.
    await part(page, nl.edViewStakeholders).click();
    await text(page, nl.edPersonName, 'Nederlands', 0).fill('Mevrouw Bakker, bewoner');
    await text(page, nl.edPersonName, 'Engels', 0).fill('Mrs Bakker, a resident');
    await page.getByRole('article').first().getByRole('radio', { name: 'elderly', exact: true }).check();
    expect(await page.getByRole('article').count()).toBe(3);

    // Endings: two kept, the rest removed.
    await part(page, nl.edViewEndings).click();
    await removeAll(page, /weghalen$/i, 2);
    await text(page, nl.edEndingTitle, 'Nederlands', 0).fill('Het geld is op');
    await text(page, nl.edEndingTitle, 'Engels', 0).fill('The money is gone');

    // Cards: the template's removed, six new ones written.
    await part(page, nl.edViewCards).click();
    while ((await cardList(page).count()) > 0) await page.locator('.mme-card-form .mme-tools').getByRole('button', { name: /weghalen$/i }).first().click();
    await addCard(page, '"Mag de jeugdclub vrijdag de grote zaal?"', '"May the youth club have the main hall on Friday?"', [['Ja, de hele avond', 'Yes, all evening'], ['Nee, de zaal is verhuurd', 'No, the hall is let']]);
    await addCard(page, '"De verwarming is kapot. Wie betaalt?"', '"The heating is broken. Who pays?"', [['Laat het meteen maken', 'Have it fixed at once'], ['Wacht op de gemeente', 'Wait for the council']]);
    await page.getByLabel(nl.edOnce).check();
    await addCard(page, '"Ik wil vrijwilliger worden."', '"I want to volunteer."', [['Welkom, begin morgen', 'Welcome, start tomorrow'], ['Eerst een gesprek', 'An interview first']]);

    // A reload in the middle: the page comes back into the editor by itself, with the draft as it was left.
    await page.locator('.mme-page[data-draft=kept]').waitFor();
    await page.reload();
    await page.locator('.mme h1').waitFor();
    await expect.poll(() => page.locator('.mme-restored').count()).toBe(1);
    await part(page, nl.edViewCards).click();
    expect(await cardList(page).count()).toBe(3);
    expect(await page.locator('.mme h1').textContent()).toContain('Het buurthuis');

    // The follow-up: a choice of the third card leads to the fourth, two turns later.
    await addCard(page, '"De vrijwilliger vraagt een sleutel."', '"The volunteer asks for a key."', [['Geef de sleutel', 'Hand over the key'], ['Alleen met begeleiding', 'Only with a supervisor']]);
    await cardList(page).nth(2).click();
    await page.getByLabel(nl.edNextCard).first().selectOption({ label: 'Mevrouw Bakker, bewoner: "De vrijwilliger vraagt een sleutel."' });
    await page.getByLabel(nl.edNextAfter).first().selectOption({ label: nl.edTurnsLater.replace('{n}', '2') });
    await addCard(page, '"De buren klagen over lawaai."', '"The neighbours complain about noise."', [['Sluit om tien uur', 'Close at ten'], ['Praat met de buren', 'Talk to the neighbours']]);
    // The condition, built in words: after the choice "Ja, de hele avond" on the first card.
    await page.getByRole('button', { name: nl.edCondAdd }).click();
    await page.getByLabel(nl.edCondKindLabel.replace('{n}', '1')).selectOption({ label: nl.edCond_chose });
    await page.locator('.mme-cond-row').getByLabel(nl.edCard, { exact: true }).selectOption({ label: 'Mevrouw Bakker, bewoner: "Mag de jeugdclub vrijdag de grote zaal?"' });
    await page.locator('.mme-cond-row').getByLabel(nl.edChoice, { exact: true }).selectOption({ label: 'Ja, de hele avond' });
    await addCard(page, '"Kan het buurthuis een stemlokaal zijn?"', '"Can the centre be a polling station?"', [['Ja, graag', 'Yes, gladly'], ['Nee, te druk', 'No, too busy']]);
    expect(await cardList(page).count()).toBe(6);
    await screenshot(page, 'editor-cards-nl');

    // Effects, in the grid, by keyboard like a spreadsheet: 12 rows (choices) × 3 meters.
    await part(page, nl.edViewGrid).click();
    const grid = page.getByRole('grid');
    await grid.locator('td[tabindex="0"]').focus();
    for (let row = 0; row < 12; row++) {
      const col = row % 2;
      for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.type(row % 2 === 0 ? '+10' : '-5');
      await page.keyboard.press('Tab');
      await page.keyboard.type(row % 2 === 0 ? '-5' : '5');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
    }
    const cells = await grid.getByRole('gridcell').allTextContents();
    expect(cells.filter((c) => c.trim() !== '').length).toBeGreaterThanOrEqual(24);
    await expect.poll(() => grid.getByRole('columnheader').nth(2).textContent()).toMatch(/6 van 6 kaarten/);
    await screenshot(page, 'editor-grid-nl');

    // Tags: a new one on a choice of the first card, the same one picked from the known tags on the second.
    await part(page, nl.edViewCards).click();
    await cardList(page).nth(0).click();
    await page.getByLabel(nl.edNewTagName).first().fill('samen');
    await page.getByRole('button', { name: nl.edAddTag }).first().click();
    await cardList(page).nth(1).click();
    await page.getByLabel(nl.edPickTag).first().selectOption('samen');
    await expect.poll(() => page.locator('.mme-choice').first().locator('.mme-flag-name').allTextContents()).toEqual(['samen']);

    // The debrief names it, in both languages, and a second tag is added there.
    await part(page, nl.edViewDebrief).click();
    await page.getByRole('button', { name: nl.edExplainTag.replace('{tag}', 'samen') }).click();
    const tag = (name: string, legend: string, language: 'Nederlands' | 'Engels') => page.getByRole('article', { name: nl.edTagIs.replace('{tag}', name) }).getByRole('group', { name: legend, exact: true }).getByLabel(language, { exact: true });
    await tag('samen', nl.edTagLabel, 'Nederlands').fill('Samen');
    await tag('samen', nl.edTagLabel, 'Engels').fill('Together');
    await tag('samen', nl.edTagText, 'Nederlands').fill('U zocht wat beide partijen konden dragen.');
    await tag('samen', nl.edTagText, 'Engels').fill('You looked for what both could live with.');
    await expect.poll(() => page.getByRole('article', { name: nl.edTagIs.replace('{tag}', 'samen') }).getByRole('group', { name: nl.edTagLabel, exact: true }).textContent()).toContain('5 van 60 tekens');
    await page.getByLabel(nl.edNewTagName).fill('gebruiker');
    await page.getByRole('button', { name: nl.edAddTag }).click();
    await tag('gebruiker', nl.edTagLabel, 'Engels').fill('User');
    await expect.poll(() => tag('gebruiker', nl.edTagLabel, 'Nederlands').inputValue()).toBe('gebruiker');
    await page.locator('#mme-tags-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-debrief-tags-nl');

    // The debrief: a question added.
    await part(page, nl.edViewDebrief).click();
    await page.getByLabel(nl.edNewQuestion).fill('Wie had u vandaag het liefst geholpen?');
    await page.getByRole('button', { name: nl.edAddQuestion }).click();
    await text(page, nl.edQuestionN.replace('{n}', '3'), 'Engels').fill('Whom would you most have liked to help today?');

    // No errors left; undo and redo by keyboard.
    await expect.poll(() => page.locator('.mme-checks [role=status]').textContent()).not.toMatch(/^Bezig/);
    await expect.poll(() => page.locator('.mme-check-list li').filter({ hasText: /^Fout/ }).allTextContents()).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('group', { name: nl.edQuestionN.replace('{n}', '3') }).getByLabel('Engels', { exact: true }).inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.getByRole('group', { name: nl.edQuestionN.replace('{n}', '3') }).getByLabel('Engels', { exact: true }).inputValue()).toBe('Whom would you most have liked to help today?');

    // Download: the file validates with no errors, and the state says it is saved.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: nl.edDownload }).click()]);
    const file = readFileSync((await download.path())!, 'utf8');
    const result = validateScenarioText(file);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect([s.meters.length, s.stakeholders.length, s.cards.length, s.endings?.length]).toEqual([3, 3, 6, 2]);
    expect(s.title).toEqual({ nl: 'Het buurthuis', en: 'The community centre' });
    expect(s.cards.filter((c) => c.once)).toHaveLength(1);
    expect(s.cards.filter((c) => c.when)).toEqual([expect.objectContaining({ when: { chose: s.cards[0]!.id, choice: 0 } })]);
    expect(s.cards[2]!.choices[0]!.next).toEqual({ card: s.cards[3]!.id, after: 2 });
    expect(s.debrief?.questions).toHaveLength(3);
    expect([s.cards[0]!.choices[0]!.tags, s.cards[1]!.choices[0]!.tags]).toEqual([['samen'], ['samen']]);
    expect(s.debrief?.tags).toMatchObject({
      samen: { label: { nl: 'Samen', en: 'Together' }, text: { nl: 'U zocht wat beide partijen konden dragen.', en: 'You looked for what both could live with.' } },
      gebruiker: { label: { nl: 'gebruiker', en: 'User' } },
    });
    expect(file.startsWith('{\n  "$schema": "./scenario.schema.json"')).toBe(true);
    await expect.poll(() => page.locator('.mme-state').textContent()).toContain('Opgeslagen');

    // Play from the first card, to an ending, and back to the editor where it was left.
    await part(page, nl.edViewCards).click();
    await cardList(page).nth(0).click();
    await page.getByRole('button', { name: nl.edPlayFromHere }).click();
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
    expect(await page.evaluate(() => document.querySelector('.mme'))).toBeNull();
    for (let guard = 0; ; guard++) {
      expect(guard).toBeLessThan(60);
      const m = await waitFor(page, "m.ready && (m.screen === 'ending' || m.phase === 'choosing' || m.phase === 'feedback')");
      if (m.screen === 'ending') break;
      if (m.phase === 'choosing') {
        await press(page, '1');
        await waitFor(page, `m.phase === 'feedback' && m.state.history.length === ${m.state!.history.length + 1}`);
      } else {
        await press(page, 'Enter');
        await waitFor(page, "m.screen === 'ending' || m.phase === 'choosing'");
      }
    }
    await waitFor(page, 'm.ready');
    await page.getByRole('button', { name: nl.otherScenario }).press('Enter');
    await page.locator('.mme h1').waitFor();
    await expect.poll(() => page.locator('#mme-card-title').textContent()).toContain('Mag de jeugdclub');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('undoes 100 steps back to the file as it was, and a reload in the middle comes back into the editor with the draft and its steps', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL');
    await editFirstLevel(page);
    const state = page.locator('.mme-state');
    const savedState = (await state.textContent())!;
    expect(savedState).toMatch(/^Opgeslagen/);
    const fields = () => [text(page, nl.edCardText, 'Nederlands'), text(page, nl.edCardText, 'Engels')] as const;
    const values = () => Promise.all(fields().map((f) => f.inputValue()));
    const original = await values();
    // Two fields in turn: each edit is a step of its own (keys in one field make one step).
    const edit = async (from: number, to: number) => {
      for (let i = from; i <= to; i++) await fields()[i % 2]!.fill(`Stap ${i}`);
    };
    await edit(1, 60);
    await page.locator('.mme-page[data-draft=kept]').waitFor();
    await page.reload();
    // Back in the editor without a click, the draft restored: the title screen was not shown.
    await page.locator('.mme h1').waitFor();
    await expect.poll(() => page.locator('.mme-restored').count()).toBe(1);
    expect((await waitFor(page, 'm.ready')).screen).toBe('author');
    await part(page, nl.edViewCards).click();
    expect(await values()).toEqual(['Stap 60', 'Stap 59']);
    expect(await state.textContent()).not.toBe(savedState);
    await edit(61, 100);
    expect(await values()).toEqual(['Stap 100', 'Stap 99']);
    await page.locator('.mme h1').focus();
    for (let i = 0; i < 100; i++) await page.keyboard.press('Control+z');
    await expect.poll(values).toEqual(original);
    await expect.poll(() => state.textContent()).toBe(savedState);
    expect(await page.getByRole('button', { name: nl.edUndo }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews a shipped card with the pixels the play screen draws it with, at projector size', async () => {
    const { context, page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'nl-NL');
    // The game's own card: the level's first card played from the editor, cut out of the 1080p stage.
    await editFirstLevel(page);
    await page.getByRole('button', { name: nl.edPlayFromHere }).click();
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing' && m.ready");
    await screenshot(page, 'editor-preview-compare-game');
    const game = (await page.screenshot({ clip: CARD })).toString('base64');

    await page.reload();
    await waitFor(page, "m.screen === 'title'", 30_000);
    await editFirstLevel(page);
    expect(await cardList(page).first().getAttribute('aria-current')).toBe('true');
    // Antialiasing differs a little between the game's WebGL and the preview's canvas renderer; a card
    // drawn otherwise (another font size, another place) differs on far more of its pixels.
    await expect.poll(() => previewDiffers(page, game), { timeout: 15_000 }).toBeLessThan(0.01);
    await screenshot(page, 'editor-preview-compare-editor');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works in the build opened from the file system: a title typed in a new scenario, the preview drawn and the checks done', async () => {
    // file:// is a page of origin 'null', where Chromium starts no worker from a file: the checks must
    // still come off the page, and the editor's code must load from the folder.
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
    expect(page.url()).toMatch(/^file:\/\//);
    await waitFor(page, "m.screen === 'title'", 30_000);
    // The editor is a script of its own, read from the folder only when it is opened.
    const editorScript = () => page.evaluate(() => [...document.scripts].map((s) => s.src).filter((src) => /\/assets\/editor-[^/]*\.js$/.test(src)));
    expect(await editorScript()).toEqual([]);
    await openNewScenario(page, nl);
    expect(await editorScript()).toEqual([expect.stringMatching(/^file:\/\//)]);
    await text(page, nl.edTitle, 'Nederlands').fill('Van de stick');
    await expect.poll(() => page.locator('.mme h1').textContent()).toContain('Van de stick');
    // The game hidden under the editor sleeps while the author types: its frames are not drawn for keys meant for the editor.
    await waitFor(page, 'm.sleeping', 30_000);
    await page.keyboard.type('!!');
    await expect.poll(() => page.locator('.mme h1').textContent()).toContain('Van de stick!!');
    expect(await page.evaluate(() => (window as unknown as { manyMasters: { sleeping: boolean } }).manyMasters.sleeping)).toBe(true);
    const status = page.locator('.mme-checks [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^(Geen fouten of waarschuwingen\.|Fouten: \d+ · waarschuwingen: \d+)$/);
    await expect.poll(() => status.locator('.mme-hint').count()).toBe(0);
    await expect.poll(() => page.locator('.mme-verdicts li').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.locator('.mme-balance').textContent()).not.toContain(nl.edBalanceOld);
    // The checks ran in their worker (started from the bundle, as a file cannot be), not on the page.
    expect(workers.filter((url) => url.startsWith('blob:')).length).toBeGreaterThan(0);

    await part(page, nl.edViewCards).click();
    // The preview has drawn the card: most of its canvas is the opaque card.
    await expect.poll(() => page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.mme-preview-projector canvas');
      if (!canvas) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] === 255) opaque++;
      return opaque / (canvas.width * canvas.height);
    })).toBeGreaterThan(0.8);
    await screenshot(page, 'editor-file-cards');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds nothing serious with axe-core on every part, in Dutch and English, at 1920×1080 and 1280×800', async () => {
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }]) {
      const { context, page, errors } = await openTitle(env, viewport, 'nl-NL');
      await openNewScenario(page, nl);
      const findings: Record<string, string[]> = {};
      for (const [language, names] of [['nl', VIEWS], ['en', VIEWS_EN]] as const) {
        if (language === 'en') await page.getByRole('button', { name: nl.edOtherLanguage }).click();
        await page.locator(`.mme-page[lang=${language}]`).waitFor();
        for (const name of names) {
          await page.getByRole('navigation').first().getByRole('button', { name, exact: true }).click();
          await page.locator('#mme-view-title').filter({ hasText: name }).waitFor();
          findings[`${language} ${name}`] = await axeFindings(page);
          if (viewport.width === 1280 || name === names[4] || name === names[3]) await screenshot(page, `editor-${language}-${name.toLowerCase().replace(/\W+/g, '-')}`);
        }
      }
      expect(Object.entries(findings).filter(([, found]) => found.length > 0)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('reflows at 400% zoom (1280×800 seen as 320×200): no part of the page needs sideways scrolling but the grid\'s own region', async () => {
    const { context, page, errors } = await openTitle(env, { width: 320, height: 200 }, 'nl-NL');
    await openNewScenario(page, nl);
    const wide: string[] = [];
    for (const name of VIEWS) {
      await page.getByRole('navigation').first().getByRole('button', { name, exact: true }).click();
      await page.locator('#mme-view-title').filter({ hasText: name }).waitFor();
      const sideways = await page.evaluate(() => {
        const root = document.querySelector<HTMLElement>('.mme')!;
        const over = [...root.querySelectorAll<HTMLElement>('*')].filter((e) => !e.closest('.mme-grid-scroll') && e.getBoundingClientRect().right > root.clientWidth + 1);
        return { scroll: root.scrollWidth - root.clientWidth, over: over.slice(0, 3).map((e) => `${e.tagName}.${e.className}`) };
      });
      if (sideways.scroll > 1 || sideways.over.length > 0) wide.push(`${name}: ${JSON.stringify(sideways)}`);
    }
    await screenshot(page, 'editor-zoom-400-cards');
    expect(wide).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
