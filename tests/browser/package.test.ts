/**
 * `npm run package`: the zip holds what the README says (index.html, the one-file game, the note in
 * Dutch and English, the guides as pages, the template, the web folder); its index.html starts from
 * file:// in the extracted folder and says at once what to do when copied alone; the one-file game
 * starts with nothing beside it and opens the scenario editor; both play; the guides read offline with working links inside them.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePackage } from '../../scripts/package.ts';
import { ONE_FILE } from '../../scripts/lib/zipPages.ts';
import { launch, ROOT, screenshot, waitFor, watchErrors } from './harness.ts';
import { extras, fontLoaded, playOneCard } from './starting.ts';
import { nl } from '../../src/locales/nl.ts';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TOP = `many-masters-${version}`;

let browser: Browser;
let work: string;
let zipPath: string;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'many-masters-package-'));
  zipPath = await makePackage(join(work, 'release'));
  files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  // Only the top-level files, as a trainer who copies index.html alone would have them.
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(work, 'unzipped', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens a page of the zip as a file and plays a card: font, art, no errors. */
async function playsACardFrom(path: string, shot?: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(pathToFileURL(path).href);
  await waitFor(page, "m.screen === 'title'", 30_000);
  expect(await fontLoaded(page)).toBe(true);
  await playOneCard(page);
  await waitFor(page, 'm.artWaiting === 0');
  expect((await extras(page)).artFailed).toBe(0);
  if (shot) await screenshot(page, shot);
  expect(errors).toEqual([]);
  await context.close();
}

describe('npm run package', () => {
  it('holds the game, the note, the guides, the template and the web folder, as the README lists them', () => {
    expect(zipPath.endsWith(`${TOP}.zip`)).toBe(true);
    const names = Object.keys(files).filter((n) => !n.endsWith('/'));
    for (const name of ['index.html', ONE_FILE, 'LEESMIJ-README.txt', 'docs/trainer-guide.html', 'docs/authoring.html', 'docs/it.html', 'docs/template.json', 'web/index.html', 'web/sw.js', 'web/manifest.webmanifest']) {
      expect(names, name).toContain(`${TOP}/${name}`);
    }
    expect(names.filter((n) => !n.startsWith(`${TOP}/`))).toEqual([]);
    // The one-file game refers to no other file; index.html takes its script from web/.
    const html = new TextDecoder().decode(files[`${TOP}/${ONE_FILE}`]);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="(stylesheet|manifest)"/);
    const launcher = new TextDecoder().decode(files[`${TOP}/index.html`]);
    const script = /<script[^>]+src="\.\/(web\/assets\/[^"]+\.js)"/.exec(launcher);
    expect(script, 'index.html loads the script in web/').not.toBeNull();
    expect(Object.keys(files)).toContain(`${TOP}/${script![1]}`);
    const note = new TextDecoder().decode(files[`${TOP}/LEESMIJ-README.txt`]);
    expect(note).toContain('Dubbelklik op index.html');
    expect(note).toContain('Double-click index.html');
    // The README states the size of the download.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const stated = /zip of about ([\d.]+) MB/.exec(readme);
    expect(stated, 'the README names the size of the zip').not.toBeNull();
    const mb = statSync(zipPath).size / 1024 / 1024;
    expect(Math.abs(mb - Number(stated![1]))).toBeLessThanOrEqual(0.2);
  });

  it('starts from its index.html in the extracted folder, opened as a file, and plays a card', async () => {
    await playsACardFrom(join(work, 'unzipped', TOP, 'index.html'));
  }, 120_000);

  it('says at once what to do when its index.html is copied without web/', async () => {
    const alone = join(work, 'launcher-alone');
    mkdirSync(alone, { recursive: true });
    writeFileSync(join(alone, 'index.html'), files[`${TOP}/index.html`]!);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(join(alone, 'index.html')).href);
    // Not after the 12 s the page waits for a script that never ran: the missing file is known at once.
    await page.waitForFunction("getComputedStyle(document.getElementById('blocked')).visibility === 'visible'", undefined, { timeout: 3_000, polling: 100 });
    const text = await page.locator('#blocked').innerText();
    expect(text).toContain('Pak de zip eerst helemaal uit');
    expect(text).toContain('Extract the whole zip first');
    await screenshot(page, 'package-launcher-alone');
    await page.close();
  }, 60_000);

  it('starts from its one-file game opened as a file, alone, and plays a card', async () => {
    const alone = join(work, 'alone');
    mkdirSync(alone, { recursive: true });
    writeFileSync(join(alone, ONE_FILE), files[`${TOP}/${ONE_FILE}`]!);
    await playsACardFrom(join(alone, ONE_FILE), 'package-play');
  }, 120_000);

  it('opens the scenario editor from its one-file game, alone, with nothing beside it to load', async () => {
    const alone = join(work, 'alone-editor');
    mkdirSync(alone, { recursive: true });
    writeFileSync(join(alone, ONE_FILE), files[`${TOP}/${ONE_FILE}`]!);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(pathToFileURL(join(alone, ONE_FILE)).href);
    await waitFor(page, "m.screen === 'title' && m.ready", 30_000);
    await page.getByRole('button', { name: nl.authorButton }).press('Enter');
    await waitFor(page, "m.screen === 'author' && m.ready");
    await page.getByRole('button', { name: nl.authorNew }).press('Enter');
    await expect.poll(() => page.locator('.mme h1').textContent()).toContain(nl.edHeading.replace('{title}', ''));
    await screenshot(page, 'package-one-file-editor');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('has the guides as pages that read offline, their contents links leading to their headings', async () => {
    const page = await browser.newPage();
    for (const [file, heading] of [['trainer-guide', 'Trainershandleiding'], ['authoring', 'Scenario'], ['it', 'Voor de ICT-afdeling']] as const) {
      await page.goto(pathToFileURL(join(work, 'unzipped', TOP, 'docs', `${file}.html`)).href);
      expect(await page.locator('h1').first().innerText()).toContain(heading);
      const anchors = await page.locator('a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
      const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(decodeURIComponent(id))), anchors);
      expect(missing, file).toEqual([]);
      // Every picture in the guide shows (the authoring guide's portrait gallery), and every link
      // to another page leads to a file the zip has.
      const broken = await page.locator('img').evaluateAll((images) => images.filter((i) => !(i as HTMLImageElement).complete || (i as HTMLImageElement).naturalWidth === 0).map((i) => i.getAttribute('src')!.slice(0, 60)));
      expect(broken, file).toEqual([]);
      const pages = await page.locator('a[href]:not([href^="#"]):not([href^="http"])').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace(/#.*$/, '')));
      for (const target of pages) expect(existsSync(join(work, 'unzipped', TOP, 'docs', decodeURIComponent(target))), `${file} links to ${target}`).toBe(true);
    }
    await page.close();
  }, 60_000);
});
