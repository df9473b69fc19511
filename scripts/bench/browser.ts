/**
 * Browser figures, measured in headless Chromium against a bare Phaser 4 page that draws one Text
 * (built here from scripts/bench/bare): bundle size, time to first interactive card, frame time while
 * cards change, heap after 10 and 300 turns, and CPU while a card waits with nothing moving.
 */
import { cpSync, readdirSync, rmSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { serveDirectory } from '../lib/static-server.ts';
import { launcherPage, ONE_FILE, oneFile } from '../lib/zipPages.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function buildBoth(): Promise<{ game: string; bare: string }> {
  const game = join(OUT, 'game');
  const bare = join(OUT, 'bare');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: game, emptyOutDir: true } });
  await build({ root: join(ROOT, 'scripts/bench/bare'), base: './', configFile: false, logLevel: 'warn', build: { outDir: bare, emptyOutDir: true, chunkSizeWarningLimit: 5000 } });
  return { game, bare };
}

/** The JS files of a build whose names pass `which` (all of them by default). */
function jsSize(dir: string, which: (name: string) => boolean = () => true): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js') && which(name)) {
        const bytes = readFileSync(path);
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
    }
  };
  walk(dir);
  return { raw, gzip };
}

/** CPU seconds used by a process and all its descendants, from /proc. */
function cpuSeconds(rootPid: number): number {
  const ticks = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(Number(entry), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === rootPid) return true;
      p = ticks.get(p)?.ppid ?? 0;
    }
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (inTree(pid)) total += t.cpu;
  return total / 100;
}

/** The Chromium that Playwright started from this process (its direct child), so other browsers on the machine are not counted. */
function chromiumRoot(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (ppid === process.pid && /chrom/i.test(name)) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error('could not find the Chromium this benchmark started');
}

async function idleCpu(seconds: number): Promise<number> {
  const root = chromiumRoot();
  const start = cpuSeconds(root);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return (cpuSeconds(root) - start) / seconds;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1e6;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

/** Records the time between animation frames in the page until `stop` is called. */
// A string, not a function: tsx wraps named functions in a helper that does not exist in the page.
const FRAME_CLOCK = `(() => {
  window.frameDeltas = [];
  window.frameClock = true;
  let last = performance.now();
  const tick = (now) => {
    window.frameDeltas.push(now - last);
    last = now;
    if (window.frameClock) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function startFrameClock(page: Page): Promise<void> {
  await page.evaluate(FRAME_CLOCK);
}

async function stopFrameClock(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { frameDeltas: number[]; frameClock: boolean };
    w.frameClock = false;
    return w.frameDeltas.slice(1);
  });
}

const waitFor = (page: Page, condition: string, timeout = 30_000) =>
  page.waitForFunction(`(() => { const m = window.manyMasters; return !!m && (${condition}); })()`, undefined, { timeout, polling: 'raf' });

/** One turn by keyboard: the first choice, then past the feedback. Returns whether the game ended. */
async function playTurn(page: Page): Promise<boolean> {
  await waitFor(page, "m.screen === 'play' && m.phase === 'choosing' && m.ready && !m.overlay");
  await page.keyboard.press('1');
  await waitFor(page, "m.phase === 'feedback' && m.ready");
  await page.keyboard.press('Enter');
  await waitFor(page, "(m.screen === 'play' && m.phase === 'choosing') || m.screen === 'ending'");
  return page.evaluate(() => (window as unknown as { manyMasters: { screen: string } }).manyMasters.screen === 'ending');
}

/** From the ending, through the debrief pages to "Play again", in the same page so leaks add up. */
async function playAgain(page: Page): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await waitFor(page, "m.screen === 'ending' && m.ready");
    await page.keyboard.press('PageDown');
  }
  await waitFor(page, "m.screen === 'ending' && m.ready");
  await page.keyboard.press('Enter');
  await waitFor(page, "m.screen === 'play' && m.phase === 'choosing'");
}

/** The browser figures by name; `npm run bench -- first frames` runs only those. */
export const BROWSER_PARTS = ['size', 'first', 'idle', 'frames', 'heap'] as const;
type Part = (typeof BROWSER_PARTS)[number];

/** Page loads per warm first-frame figure, after one load that warms the cache and is not counted. */
const LOADS = 7;
/** Fresh browsers (empty cache, nothing compiled) per cold first-frame figure. */
const COLD_LOADS = 3;
/** An old trainer's laptop: the CPU slowed this many times (DevTools' CPU throttling). */
const SLOWDOWN = 4;

/**
 * The bare Phaser page and the game, both served over HTTP, and the game double-clicked (file://):
 * the build's index.html beside its assets, and the zip of `npm run package` as extracted: its
 * index.html (the build in web/ beside it) and its one-file game.
 */
type PageKind = 'bare' | 'game' | 'file' | 'zip' | 'one';

/** Navigates and returns when the bare page drew its first frame, or the game showed its first card, timed inside the page. */
async function firstFrame(page: Page, url: string, kind: PageKind, run: number): Promise<number> {
  if (kind === 'bare') {
    await page.goto(`${url}?run=${run}`);
    const seen = await page.waitForFunction('window.firstFrame', undefined, { timeout: 30_000 });
    return (await seen.jsonValue()) as number;
  }
  await page.goto(`${url}?scenario=school&run=${run}`);
  // The frame that first showed the card, taking keys, as the bare page times its own first frame.
  // Polled every 200 ms: each read of the inspector builds a fresh snapshot, and reading it every
  // 50 ms took main-thread time from the very start being timed (most with the CPU slowed). The
  // time itself is taken in the page, so polling less often does not make it coarser.
  const seen = await page.waitForFunction("(() => { const m = window.manyMasters; return !!m && m.screen === 'play' && m.phase === 'choosing' && m.ready && m.drawnAt; })()", undefined, { timeout: 60_000, polling: 200 });
  return (await seen.jsonValue()) as number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

/**
 * A browser with one 1920×1080 page, and a switch for DevTools' CPU throttling of that page. While a
 * page is throttled, Chromium keeps one core busy to slow it, even on about:blank; a throttled page
 * left waiting would take the CPU from the page being timed (four of them fill this 2-core machine).
 */
async function launch(): Promise<{ browser: Browser; page: Page; slow: (rate: number) => Promise<unknown> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await page.context().newCDPSession(page);
  return { browser, page, slow: (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate }) };
}

/**
 * Warm first frames: one browser per page, loads taking turns so that machine noise falls on each
 * alike. With `slowdown` > 1 a page's CPU is slowed that many times for its own loads only.
 */
async function warmFirstFrames(urls: Partial<Record<PageKind, string>>, slowdown = 1): Promise<Record<PageKind, number[]>> {
  const kinds = (Object.keys(urls) as PageKind[]).filter((k) => urls[k]);
  const times: Record<PageKind, number[]> = { bare: [], game: [], file: [], zip: [], one: [] };
  const pages = new Map<PageKind, Awaited<ReturnType<typeof launch>>>();
  try {
    for (const kind of kinds) pages.set(kind, await launch());
    // Each page is left for a blank one at once: the bare page draws without pause and would slow the other.
    const load = async (kind: PageKind, run: number) => {
      const { page, slow } = pages.get(kind)!;
      if (slowdown > 1) await slow(slowdown);
      const time = await firstFrame(page, urls[kind]!, kind, run);
      await page.goto('about:blank');
      if (slowdown > 1) await slow(1);
      return time;
    };
    for (const kind of kinds) await load(kind, -1);
    // The order turns each round, so that no page always follows the same one (the bare page's
    // WebGL, emulated on the CPU here, is still winding down as the next load starts).
    for (let i = 0; i < LOADS; i++) {
      for (let j = 0; j < kinds.length; j++) {
        const kind = kinds[(i + j) % kinds.length]!;
        times[kind].push(await load(kind, i));
      }
    }
  } finally {
    for (const { browser } of pages.values()) await browser.close();
  }
  return times;
}

/** First frames in fresh browsers (nothing cached or compiled), taking turns like the warm ones. */
async function coldFirstFrames(urls: Record<'bare' | 'game', string>): Promise<Record<PageKind, number[]>> {
  const times: Record<PageKind, number[]> = { bare: [], game: [], file: [], zip: [], one: [] };
  for (let i = 0; i < COLD_LOADS; i++) {
    for (const kind of ['bare', 'game'] as const) {
      const { browser, page } = await launch();
      try {
        times[kind].push(await firstFrame(page, urls[kind], kind, i));
      } finally {
        await browser.close();
      }
    }
  }
  return times;
}

/** The bare page's idle CPU and its frame times. */
async function bareFigures(url: string, parts: Set<Part>): Promise<{ idle: number; frames: number[] }> {
  const { browser, page } = await launch();
  try {
    await firstFrame(page, url, 'bare', 0);
    await page.waitForTimeout(1000);
    const idle = parts.has('idle') ? await idleCpu(10) : NaN;
    let frames: number[] = [];
    if (parts.has('frames')) {
      await startFrameClock(page);
      await page.waitForTimeout(3000);
      frames = await stopFrameClock(page);
    }
    return { idle, frames };
  } finally {
    await browser.close();
  }
}

export async function browserFigures(print: (line: string) => void, only: readonly Part[] = BROWSER_PARTS): Promise<void> {
  const parts = new Set(only);
  const { game, bare } = await buildBoth();
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  if (parts.has('size')) {
    // The scenario editor's script is loaded only when a trainer opens it: not part of the game's start.
    const editorScript = (name: string) => /^editor-.*\.js$/.test(name);
    const gameSize = jsSize(game, (name) => !editorScript(name));
    const editorSize = jsSize(game, editorScript);
    const bareSize = jsSize(bare);
    print(`bundle JS: game ${kb(gameSize.raw)} raw / ${kb(gameSize.gzip)} gzip; bare Phaser ${kb(bareSize.raw)} / ${kb(bareSize.gzip)}; game − bare = ${kb(gameSize.gzip - bareSize.gzip)} gzip   (aim: ≤ 200 KB)`);
    print(`bundle JS: the scenario editor, loaded when opened: ${kb(editorSize.raw)} raw / ${kb(editorSize.gzip)} gzip`);
  }
  if (!['first', 'idle', 'frames', 'heap'].some((p) => parts.has(p as Part))) return;

  const servedGame = await serveDirectory(game);
  const servedBare = await serveDirectory(bare);
  try {
    const baseline = await bareFigures(servedBare.url, parts);
    const { browser, page } = await launch();
    try {
      await firstFrame(page, servedGame.url, 'game', 0);
      const renderer = await page.evaluate(() => (window as unknown as { manyMasters: { renderer: string } }).manyMasters.renderer);
      print(`renderer chosen by the game on this machine: ${renderer} (the bare page uses WebGL)`);
      if (parts.has('first')) {
        const urls = { bare: servedBare.url, game: servedGame.url };
        const warm = await warmFirstFrames(urls);
        const [gameWarm, bareWarm] = [median(warm.game), median(warm.bare)];
        print(`first card on screen: ${gameWarm.toFixed(0)} ms after navigation; bare page first frame ${bareWarm.toFixed(0)} ms; ratio ${(gameWarm / bareWarm).toFixed(2)}   (aim: ≤ 1.3; median of ${LOADS} loads with a warm cache)`);
        const cold = await coldFirstFrames(urls);
        const [gameCold, bareCold] = [median(cold.game), median(cold.bare)];
        print(`first card, fresh browser: ${gameCold.toFixed(0)} ms; bare page ${bareCold.toFixed(0)} ms; ratio ${(gameCold / bareCold).toFixed(2)}   (aim: ≤ 1.3; median of ${COLD_LOADS}, nothing cached or compiled)`);
        // A slow laptop: the same loads with the CPU slowed 4×, the double-clicked build beside the served one.
        const fileUrl = pathToFileURL(join(game, 'index.html')).href;
        // The zip as extracted: index.html with the build in web/ beside it, and the one-file game.
        const zipDir = join(OUT, 'zip');
        rmSync(zipDir, { recursive: true, force: true });
        cpSync(game, join(zipDir, 'web'), { recursive: true });
        writeFileSync(join(zipDir, 'index.html'), launcherPage(game));
        writeFileSync(join(zipDir, ONE_FILE), oneFile(game));
        const zipUrl = pathToFileURL(join(zipDir, 'index.html')).href;
        const oneUrl = pathToFileURL(join(zipDir, ONE_FILE)).href;
        for (const slowdown of [1, SLOWDOWN]) {
          const t = await warmFirstFrames({ bare: servedBare.url, game: servedGame.url, file: fileUrl, zip: zipUrl, one: oneUrl }, slowdown);
          const [g, f, z, o, b] = [median(t.game), median(t.file), median(t.zip), median(t.one), median(t.bare)];
          const label = slowdown === 1 ? 'CPU at full speed' : `CPU slowed ${slowdown}×`;
          print(`first card, ${label}: served ${g.toFixed(0)} ms, double-clicked (file://) ${f.toFixed(0)} ms, the zip's index.html (file://) ${z.toFixed(0)} ms; bare page ${b.toFixed(0)} ms; ratios ${(g / b).toFixed(2)} / ${(f / b).toFixed(2)} / ${(z / b).toFixed(2)}   (aim: ≤ 1.0; median of ${LOADS} warm loads, taking turns)`);
          // No aim: a browser compiles a script inside a page afresh at every start.
          print(`  the zip's one-file game (file://, for copying on its own) ${o.toFixed(0)} ms; ratio ${(o / b).toFixed(2)}`);
        }
      }

      if (parts.has('idle')) {
        await waitFor(page, 'm.ready && m.sleeping', 15_000);
        await page.waitForTimeout(1000);
        // The start-up ends with work put off until the first card is up (src/platform/afterStart.ts): the
        // offline copy (2 MB into the cache) and the renderer check. Measured apart, then the idle game.
        const startUp = await idleCpu(10);
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
        await page.waitForTimeout(1000);
        const gameIdle = await idleCpu(10);
        print(`CPU in the 10 s after the first card (the offline copy being made): ${(startUp * 100).toFixed(1)}% of a core`);
        print(`CPU while a card waits 10 s after start-up: game ${(gameIdle * 100).toFixed(1)}% of a core; bare page ${(baseline.idle * 100).toFixed(1)}%; ratio ${(gameIdle / baseline.idle).toFixed(2)}   (aim: ≤ 0.10)`);
      }

      if (parts.has('frames')) {
        await startFrameClock(page);
        let turns = 0;
        for (let i = 0; i < 10; i++) {
          if (await playTurn(page)) break;
          turns++;
        }
        const gameFrames = await stopFrameClock(page);
        print(`frame time while cards change (${turns} cards, ${gameFrames.length} frames): p95 ${p95(gameFrames).toFixed(1)} ms; bare page p95 ${p95(baseline.frames).toFixed(1)} ms   (aim: < 20 ms)`);
      }

      if (parts.has('heap')) {
        await page.goto(`${servedGame.url}?scenario=school&heap=1`);
        await page.emulateMedia({ reducedMotion: 'reduce' });
        let played = 0;
        let heap10 = 0;
        while (played < 300) {
          const ended = await playTurn(page);
          played++;
          if (played === 10) heap10 = await heapMb(page);
          if (ended) await playAgain(page);
        }
        const heap300 = await heapMb(page);
        print(`JS heap after 10 turns ${heap10.toFixed(1)} MB, after 300 turns ${heap300.toFixed(1)} MB (${(((heap300 - heap10) / heap10) * 100).toFixed(1)}%)   (aim: within 10%)`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    servedGame.server.close();
    servedBare.server.close();
  }
}
