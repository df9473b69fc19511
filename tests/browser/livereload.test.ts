/**
 * Live reload against the dev server (`vite`, as `npm start` runs it): a temporary level written into
 * levels/ appears on the title at once, an edit restarts a game in progress with the same seed and
 * the same choices, a broken save shows the error screen in the game and the problems in the
 * terminal, and the fix brings the game back. The temporary file is removed even when a step fails.
 * The scenario editor opens there too (the dev server loads it as a module, the build as a script).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/locales/en.ts';
import { launch, press, RESULTS, ROOT, snapshot, waitFor, watchErrors, freePort } from './harness.ts';

const FILE = `zz-live-reload-${process.pid}.json`;
const PATH = join(ROOT, 'levels', FILE);
const ID = `live-reload-${process.pid}`;

interface Level {
  id: string;
  title: unknown;
  cards: { id: string; from: string; text: unknown }[];
}

const base = JSON.parse(readFileSync(join(ROOT, 'levels/example.json'), 'utf8')) as Level;

function write(change: (level: Level) => void): Level {
  const level = structuredClone(base);
  level.id = ID;
  change(level);
  writeFileSync(PATH, JSON.stringify(level, null, 2));
  return level;
}


let vite: ChildProcess | null = null;
let output = '';
let url = '';
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  vite = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
  vite.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  vite.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  while (!output.includes(`${port}`)) {
    if (Date.now() - started > 60_000) throw new Error(`vite did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launch();
}, 90_000);

afterAll(async () => {
  rmSync(PATH, { force: true });
  await browser?.close();
  // Only the server this test started, by its own process id.
  if (vite?.pid) vite.kill('SIGTERM');
});

async function waitForOutput(text: string, timeout = 10_000): Promise<void> {
  const started = Date.now();
  while (!output.includes(text)) {
    if (Date.now() - started > timeout) throw new Error(`the terminal never showed "${text}":\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Leaves the feedback; a key pressed while the page is still taking an update is pressed again. */
async function proceed(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    await press(page, 'Enter');
    try {
      await waitFor(page, "m.phase === 'choosing'", 3000);
      return;
    } catch {
      // Pressed again below.
    }
  }
  throw new Error('the feedback did not close');
}

describe('live reload while writing', () => {
  it('lists, replays, shows errors and recovers as the file on disk changes', async () => {
    try {
      const page: Page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
      const errors = watchErrors(page);
      await page.goto(url);
      await waitFor(page, "m.screen === 'title'", 120_000);

      // A new file appears on the title at once.
      write((l) => (l.title = { nl: 'Live A', en: 'Live A' }));
      let t0 = Date.now();
      await waitFor(page, "m.screen === 'title' && m.shown.scenarios.includes('Live A')");
      const listed = Date.now() - t0;
      write((l) => (l.title = { nl: 'Live B', en: 'Live B' }));
      await waitFor(page, "m.screen === 'title' && m.shown.scenarios.includes('Live B')");

      // A game in progress restarts with the same seed and the same choices.
      await page.goto(`${url}?scenario=${ID}`);
      await waitFor(page, `m.screen === 'play' && m.phase === 'choosing' && m.scenarioId === '${ID}'`, 60_000);
      for (let i = 0; i < 2; i++) {
        await press(page, '1');
        await waitFor(page, "m.phase === 'feedback'");
        await proceed(page);
      }
      const before = await snapshot(page);
      const current = before.state!.current!.card;
      const edited = write((l) => {
        l.title = { nl: 'Live B', en: 'Live B' };
        l.cards.find((c) => c.id === current)!.text = { nl: 'Bewerkt.', en: 'Edited on disk.' };
      });
      t0 = Date.now();
      const after = await waitFor(page, "m.screen === 'play' && m.shown.cardText === 'Edited on disk.'");
      const replayed = Date.now() - t0;
      const seed = (m: typeof before) => (m.state as unknown as { seed: string }).seed;
      expect(seed(after)).toBe(seed(before));
      expect(after.state!.history.map((h) => [h.card, h.choice])).toEqual(before.state!.history.map((h) => [h.card, h.choice]));
      await page.screenshot({ path: join(RESULTS, 'live-reload-replayed-1920x1080.png') });

      // Broken: the error screen in the game, the problems in the terminal.
      const broken = structuredClone(edited);
      broken.cards[0]!.from = 'nobody-at-all';
      writeFileSync(PATH, JSON.stringify(broken, null, 2));
      const problems = await waitFor(page, `m.screen === 'problems' && m.shown.file === '${FILE}'`);
      expect((problems.shown.problems as { message: string }[]).some((p) => p.message.includes('nobody-at-all'))).toBe(true);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(RESULTS, 'live-reload-broken-1920x1080.png') });
      await waitForOutput(`levels/${FILE}:`);
      await waitForOutput('error: there is no stakeholder "nobody-at-all"');

      // Fixed: the game comes back where it was.
      writeFileSync(PATH, JSON.stringify(edited, null, 2));
      const back = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
      expect(back.state!.history.length).toBe(before.state!.history.length);
      expect(back.state!.current!.card).toBe(current);
      // "Within a second" on a developer's machine; a loaded CI box gets some slack.
      expect(listed).toBeLessThan(3000);
      expect(replayed).toBeLessThan(3000);
      expect(errors.filter((e) => !e.includes('[vite]'))).toEqual([]);
      await page.close();
    } finally {
      rmSync(PATH, { force: true });
    }
  }, 240_000);
});

describe('the scenario editor on the dev server', () => {
  it('opens on a new scenario and takes a title', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const errors = watchErrors(page);
    await page.goto(url);
    await waitFor(page, "m.screen === 'title' && m.ready", 120_000);
    await page.getByRole('button', { name: en.authorButton }).press('Enter');
    await waitFor(page, "m.screen === 'author' && m.ready");
    await page.getByRole('button', { name: en.authorNew }).press('Enter');
    await page.locator('.mme h1').waitFor({ timeout: 60_000 });
    await page.getByRole('group', { name: en.edTitle, exact: true }).getByLabel('English', { exact: true }).fill('From the dev server');
    await expect.poll(() => page.locator('.mme h1').textContent()).toContain('From the dev server');
    expect(errors.filter((e) => !e.includes('[vite]'))).toEqual([]);
    await page.close();
  }, 180_000);
});
