/**
 * The editor's own figure in the browser: the time from a key press in a card text of school.json to
 * the frame that shows it (the form, its length count and the file's new text), over 200 keys. Timed
 * in the page: from the key event's time stamp to the first animation frame after the page has
 * handled the typed letter, which is where the browser paints it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serveDirectory } from '../lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEYS = 200;

export async function editorKeyFigures(): Promise<string[]> {
  const out = mkdtempSync(join(tmpdir(), 'mm-editor-bench-'));
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const served = await serveDirectory(out);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    await page.goto(served.url);
    const ready = "(() => { const m = window.manyMasters; return !!m && m.ready && m.screen === '%s'; })()";
    await page.waitForFunction(ready.replace('%s', 'title'), undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Scenario writing…' }).press('Enter');
    await page.waitForFunction(ready.replace('%s', 'author'), undefined, { timeout: 30_000 });
    // The Edit buttons in the order of levels/: example.json, then school.json.
    await page.getByRole('button', { name: 'Edit', exact: true }).nth(1).press('Enter');
    await page.locator('.mme h1').waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Parts of the scenario' }).getByRole('button', { name: 'Cards', exact: true }).click();
    const field = page.getByRole('group', { name: 'Card text', exact: true }).getByLabel('Dutch', { exact: true });
    await field.focus();
    await page.evaluate(() => {
      const times: number[] = [];
      (window as unknown as { editorKeyTimes: number[] }).editorKeyTimes = times;
      document.addEventListener('keydown', (event) => {
        const pressed = event.timeStamp;
        requestAnimationFrame(() => times.push(performance.now() - pressed));
      }, true);
    });
    for (let i = 0; i < KEYS; i++) await page.keyboard.press(i % 2 === 0 ? 'a' : 'Backspace');
    await page.waitForFunction((n) => (window as unknown as { editorKeyTimes: number[] }).editorKeyTimes.length >= n, KEYS);
    const times = (await page.evaluate(() => (window as unknown as { editorKeyTimes: number[] }).editorKeyTimes)).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    return [`key press in a card text of school.json to the frame showing it (${KEYS} keys, in Chromium): median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, worst ${times[times.length - 1]!.toFixed(1)} ms   (aim: p95 ≤ 50 ms)`];
  } finally {
    await browser.close();
    served.server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

// Run on its own: `npx tsx scripts/bench/editorKeys.ts`.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const line of await editorKeyFigures()) console.log(`  ${line}`);
}
