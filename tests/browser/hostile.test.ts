/**
 * Odd and hostile files in Chromium: a build with a Notepad BOM file whose ids are JavaScript words,
 * played to a card; the map of a 2,000-card deck; the profile of an ending with the most labels a
 * file may have (and a file with 150,000 refused with the limit named); a 5 MB file checked without
 * freezing the page; 2,000-letter words on the play screen and in the report.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedScenario } from '../../scripts/bench/engine.ts';
import { hostileFiles } from '../../scripts/bench/hostileFiles.ts';
import { serveDirectory } from '../../scripts/lib/static-server.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { replay } from '../../src/engine/game.ts';
import { en } from '../../src/locales/en.ts';
import { renderReport } from '../../src/report/report.ts';
import { openTitle, press, ROOT, screenshot, snapshot, useBrowser, waitFor, type Snapshot } from './harness.ts';

const env = useBrowser();

/**
 * Drops a file on the page the way a browser does: a DataTransfer built in the page. The text is
 * handed to the page first, on its own, so that copying it in is not counted as the game's work.
 */
async function drop(page: Page, name: string, text: string, staged = false): Promise<void> {
  if (!staged) await stage(page, text);
  await page.evaluate((name) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([(window as unknown as { staged: string }).staged], name, { type: 'application/json' }));
    const target = document.querySelector('canvas') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, name);
}

async function stage(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => void ((window as unknown as { staged: string }).staged = text), text);
}

async function focusButton(page: Page, label: string): Promise<void> {
  const m = await snapshot(page);
  const buttons = m.shown.buttons as string[];
  const index = buttons.indexOf(label);
  expect(index, `${label} in ${buttons.join(' | ')}`).toBeGreaterThanOrEqual(0);
  for (let i = m.shown.focus as number; i < index; i++) await press(page, 'Tab');
  for (let i = m.shown.focus as number; i > index; i--) await press(page, 'ArrowUp');
}

/** A dropped valid file: at once on the play screen, or through its warnings and "Play". */
async function playDropped(page: Page, name: string, text: string): Promise<Snapshot> {
  await drop(page, name, text);
  const m = await waitFor(page, "m.screen === 'play' || (m.screen === 'problems' && m.shown.ok === true)", 60_000);
  if (m.screen === 'problems') await press(page, String((m.shown.buttons as string[]).indexOf(en.playFile) + 1));
  return waitFor(page, "m.screen === 'play' && m.phase === 'choosing'", 30_000);
}

/** Records the longest task on the page's thread from now on (Chromium's Long Tasks API). */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { tasks: number[] };
    w.tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.tasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  return async () => {
    const tasks = await page.evaluate(() => (window as unknown as { tasks: number[] }).tasks);
    console.log(`long tasks on the page (ms): ${tasks.join(', ') || 'none'}`);
    return Math.max(0, ...tasks);
  };
}

const WORD = 'toString';
/** Every id, flag, tag and meter name a word every JavaScript object answers to. */
const words: Scenario = {
  format: 1,
  // The test takes choice 1 by its key and checks its effect: keep the file's order on screen.
  choiceOrder: 'file',
  id: WORD,
  title: { nl: 'Woorden van JavaScript', en: 'JavaScript words' },
  turns: 3,
  meters: [
    { id: WORD, label: 'toString', start: 50, onMin: 'valueOf' },
    { id: 'valueOf', label: 'valueOf', start: 50 },
  ],
  stakeholders: [{ id: 'hasOwnProperty', name: 'hasOwnProperty', meter: WORD }],
  cards: ['toString', 'valueOf', 'isPrototypeOf', 'toLocaleString'].map((id) => ({
    id,
    from: 'hasOwnProperty',
    text: `Card ${id}`,
    choices: [
      { label: 'Up', effects: { [WORD]: 5, valueOf: -5 }, set: { propertyIsEnumerable: true }, tags: [WORD] },
      { label: 'Down', effects: { [WORD]: -5, valueOf: 5 }, tags: ['valueOf'] },
    ],
  })),
  endings: [
    { id: 'valueOf', title: 'Low', text: '…' },
    { id: 'hasOwnProperty', title: 'Done', text: '…' },
  ],
  debrief: { tags: { [WORD]: { label: 'toString' }, valueOf: { label: 'valueOf' } } },
};

describe('a build with a Notepad BOM file whose ids are JavaScript words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-hostile-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates, builds, shows the title and plays a card of it', async () => {
    // A copy of the project with one more file in levels/; the project's own levels/ is not touched.
    for (const part of ['index.html', 'phone.html', 'package.json', 'tsconfig.json', 'vite.config.ts', 'src', 'scripts', 'server', 'levels', 'assets', 'public', 'docs']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'levels', 'words.json'), `\uFEFF${JSON.stringify(words, null, 2)}`);
    const validate = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(dir, 'scripts/validate.ts'), join(dir, 'levels/words.json')], { cwd: dir, encoding: 'utf8' });
    expect(validate).toMatch(/words\.json:1:1: warning: the file starts with an invisible byte-order mark/);
    expect(validate).toMatch(/1 file checked: 0 errors/);
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: dir, encoding: 'utf8' });
    const { server, url } = await serveDirectory(join(dir, 'dist'));
    try {
      const { page, errors } = await openTitle({ url, browser: env.browser }, { width: 1920, height: 1080 }, 'en-GB');
      let m = await snapshot(page);
      const index = m.levels.filter((l) => l.ok).findIndex((l) => l.id === WORD);
      expect(index, JSON.stringify(m.levels)).toBeGreaterThanOrEqual(0);
      expect((m.shown.details as string[])[index]).toContain('0 of 2 endings found');
      await screenshot(page, 'hostile-words-title');
      // Digits reach the first four scenarios; this one is further down.
      await focusButton(page, (m.shown.buttons as string[]).find((b) => b.includes('JavaScript words'))!);
      await press(page, 'Enter');
      await waitFor(page, "m.screen === 'mode'");
      await press(page, '1');
      m = await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
      expect(m.scenarioId).toBe(WORD);
      await press(page, '1');
      m = await waitFor(page, "m.phase === 'feedback'");
      expect(Object.keys(m.state!.meters).sort()).toEqual(['toString', 'valueOf']);
      expect(m.state!.meters[WORD]).toBe(55);
      await screenshot(page, 'hostile-words-feedback');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      server.close();
    }
  }, 420_000);
});

describe('large files in the browser', () => {
  it('opens the map of a 2,000-card deck, showing the readable columns around the selected card and moving on', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    const deck = generatedScenario(2000);
    // One stakeholder without cards: a warning, so the file opens on its list with the map button.
    deck.stakeholders.push({ id: 'quiet', name: 'Quiet' });
    await drop(page, 'deck-2000.json', JSON.stringify(deck));
    await waitFor(page, "m.screen === 'problems' && m.shown.ok === true", 60_000);
    // Digits take the buttons on the problems screen (Tab scrolls its list).
    const listed = await snapshot(page);
    await press(page, String((listed.shown.buttons as string[]).indexOf(en.scenarioMap) + 1));
    let m = await waitFor(page, "m.screen === 'map'", 60_000);
    const window = m.shown.window as { first: number; visible: number; columns: number; shown: string[] };
    expect((m.shown.cards as unknown[]).length).toBe(2000);
    expect(window.visible).toBeLessThan(window.columns);
    expect(window.shown.length).toBeGreaterThan(20);
    await screenshot(page, 'hostile-map-2000');
    // Right arrows walk to the next columns; the map is drawn again around the selection.
    for (let i = 0; i < window.visible; i++) await press(page, 'ArrowRight');
    m = await waitFor(page, `m.shown.window.first > ${window.first}`);
    await screenshot(page, 'hostile-map-2000-moved');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('shows the profile of an ending with 2,000 labels, and names the limit for a file with 150,000', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    const tag = (i: number) => `t${i}`;
    const many = (count: number): Scenario => ({
      ...words,
      id: `tags-${count}`,
      turns: 1,
      cards: [{ id: 'only', from: 'hasOwnProperty', text: 'Which?', choices: [0, 1].map((c) => ({ label: `Choice ${c}`, effects: { [WORD]: c ? 5 : -5, valueOf: c ? -5 : 5 }, tags: Array.from({ length: 32 }, (_, i) => tag(c * 32 + i)) })) }],
      endings: [{ id: 'valueOf', title: 'Low', text: '…' }, { id: 'hasOwnProperty', title: 'Done', text: 'The end.' }],
      debrief: { tags: Object.fromEntries(Array.from({ length: count }, (_, i) => [tag(i), { label: i < 64 ? `Label ${i}` : 'L' }])) },
    });
    await drop(page, 'tags-150000.json', JSON.stringify(many(150_000)));
    const refused = await waitFor(page, "m.screen === 'problems' && m.shown.ok === false", 60_000);
    expect((refused.shown.problems as { message: string }[])[0]!.message).toBe('this object has more than 2000 fields, the most an object in a scenario file may have: split it up');
    await press(page, 'Escape');
    await waitFor(page, "m.screen === 'title'");
    await playDropped(page, 'tags-2000.json', JSON.stringify(many(2000)));
    await press(page, '1');
    await waitFor(page, "m.phase === 'feedback'");
    await press(page, 'Enter');
    let m = await waitFor(page, "m.screen === 'ending'");
    while (m.shown.page !== 'profile') {
      await press(page, 'ArrowRight');
      m = await waitFor(page, `m.screen === 'ending' && m.shown.pageIndex === ${m.shown.pageIndex as number + 1}`);
    }
    expect(m.shown.profileHidden).toBe(2000 - 3);
    expect((m.shown.profile as { count: number }[]).map((p) => p.count)).toEqual([1, 1, 1]);
    await screenshot(page, 'hostile-profile-2000');
    await press(page, 'ArrowRight');
    await waitFor(page, "m.shown.page !== 'profile'");
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('checks a 5 MB file at the limits in the validator\'s worker, not on the page', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    await stage(page, hostileFiles['unknown meters in every effect']!(1));
    const longest = await watchLongTasks(page);
    const workers: string[] = [];
    page.on('response', (response) => {
      if (/validateWorker-[\w-]+\.js$/.test(response.url())) workers.push(`${response.status()} ${response.url()}`);
    });
    await drop(page, 'heavy.json', '', true);
    const m = await waitFor(page, "m.screen === 'problems' && m.shown.ok === false", 60_000);
    expect((m.shown.problems as { message: string }[]).at(-1)!.message).toMatch(/^and [\d,]+ more problems not listed/);
    const ms = await longest();
    console.log(`longest task on the page while a 4.9 MB file was dropped, checked and listed: ${ms.toFixed(0)} ms`);
    // The check itself ran in the validator's worker, not on the page. How long the page's longest
    // task took is a figure for the log, not a pass mark: on a loaded machine it says little.
    expect(workers.some((loaded) => loaded.startsWith('200 ')), workers.join(', ') || 'no worker was asked for').toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('the largest valid file', () => {
  it('is checked in the worker and taken in with frames drawn between its steps, not in one long freeze', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB', () => {
      // When the validator's worker answered, and every frame the page drew with the screen it showed.
      const w = window as unknown as { answeredAt: number | null; frames: [number, string][]; manyMasters?: { screen: string } };
      w.answeredAt = null;
      w.frames = [];
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', () => (w.answeredAt = performance.now()));
        }
      };
      const frame = (time: number) => {
        w.frames.push([time, w.manyMasters?.screen ?? '']);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const text = hostileFiles['the largest valid scenario (2,000 cards, full texts)']!(1);
    expect(text.length).toBeGreaterThan(4.7 * 1024 * 1024);
    await stage(page, text);
    const longest = await watchLongTasks(page);
    await drop(page, 'largest.json', '', true);
    // Its full card texts are over the guide's 280 characters: it plays, through its warnings and "Play".
    const shown = await waitFor(page, "m.screen === 'play' || (m.screen === 'problems' && m.shown.ok === true)", 60_000);
    if (shown.screen === 'problems') await press(page, String((shown.shown.buttons as string[]).indexOf(en.playFile) + 1));
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'", 60_000);
    console.log(`longest task on the page while a valid 4.9 MB file was dropped, checked and played: ${(await longest()).toFixed(0)} ms`);
    const { answeredAt, frames } = await page.evaluate(() => {
      const w = window as unknown as { answeredAt: number | null; frames: [number, string][] };
      return { answeredAt: w.answeredAt, frames: w.frames };
    });
    expect(answeredAt, 'the worker answered').not.toBeNull();
    // After the worker's answer the page drew the old screen again (it was not frozen) before the game.
    const between = frames.filter(([time, screen]) => time > answeredAt! && screen !== 'play');
    expect(between.length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('2,000-letter words', () => {
  const word = 'Onderwijsinspectiewerkgroepsvergadering'.repeat(52).slice(0, 2000);

  it('stay on the play screen', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB');
    const scenario: Scenario = { ...words, id: 'long-words', title: word, stakeholders: [{ id: 'hasOwnProperty', name: word, meter: WORD }], cards: words.cards.map((c) => ({ ...c, text: word, choices: c.choices.map((h) => ({ ...h, label: word, feedback: word })) })) };
    await playDropped(page, 'long-words.json', JSON.stringify(scenario));
    await screenshot(page, 'hostile-long-words-play');
    await press(page, '1');
    await waitFor(page, "m.phase === 'feedback'");
    await screenshot(page, 'hostile-long-words-feedback');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('wrap in the report instead of making it wider than the window', async () => {
    const scenario: Scenario = { ...words, title: word, cards: words.cards.map((c) => ({ ...c, text: word, choices: c.choices.map((h) => ({ ...h, label: word })) })) };
    const played = replay(scenario, 's', [0, 1, 0]);
    if (!played.ok) throw new Error('replay');
    const html = renderReport({ scenario, language: 'en', kind: 'solo', teams: [{ name: '', state: played.state }], answers: [word], date: new Date('2026-11-30'), session: null });
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.setContent(html);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    await screenshot(page, 'hostile-long-words-report');
    await context.close();
  }, 60_000);
});

describe('storage too full to keep an unreadable save aside', () => {
  it('overwrites nothing: the player downloads the old save or starts anew', async () => {
    const { page, errors } = await openTitle(env, { width: 1920, height: 1080 }, 'en-GB', () => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('many-masters.save.example', '{"version": 1, "broken"');
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('many-masters.unreadable.')) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    let m = await snapshot(page);
    await press(page, String(m.levels.filter((l) => l.ok).findIndex((l) => l.id === 'example') + 1));
    m = await waitFor(page, "m.screen === 'mode'");
    expect(m.shown.unkept).toEqual(['save']);
    expect(m.shown.notices).toEqual([en.unkeptNotice.replace('{what}', en.unkeptSave)]);
    const buttons = m.shown.buttons as string[];
    expect(buttons).toEqual(expect.arrayContaining([en.unkeptDownload, en.unkeptStartAnew]));
    await screenshot(page, 'hostile-unkept-mode');
    const [download] = await Promise.all([page.waitForEvent('download'), press(page, String(buttons.indexOf(en.unkeptDownload) + 1))]);
    expect(download.suggestedFilename()).toBe('many-masters-unreadable-save-example.json');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync((await download.path())!, 'utf8')).toBe('{"version": 1, "broken"');
    m = await waitFor(page, "m.screen === 'mode' && m.shown.downloaded.length === 1");
    expect(await page.evaluate(() => localStorage.getItem('many-masters.save.example'))).toBe('{"version": 1, "broken"');
    await press(page, String((m.shown.buttons as string[]).indexOf(en.unkeptStartAnew) + 1));
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
    await press(page, '1');
    await waitFor(page, "m.phase === 'feedback'");
    const saved = await page.evaluate(() => localStorage.getItem('many-masters.save.example'));
    expect(JSON.parse(saved!).history).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
