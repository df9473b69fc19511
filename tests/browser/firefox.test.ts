/**
 * The double-clicked build in Firefox: Debian's firefox-esr, driven over WebDriver BiDi by
 * firefox-bidi.mjs. Opened from file://, it starts with its font and art, plays a card to the
 * feedback, and continues after a reload. Skipped, saying so, where firefox-esr is not installed
 * (`apt-get install firefox-esr`, or set FIREFOX_PATH).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIST, RESULTS } from './harness.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const present = existsSync(FIREFOX);
if (!present) console.warn(`Firefox test skipped: no Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)`);

interface Seen {
  screen: string;
  phase: string | null;
  canContinue: boolean | null;
  turn: number | null;
  history: number | null;
  artFailed: number;
  fonts: number;
}

describe.skipIf(!present)('the build opened from the file system in Firefox', () => {
  it('starts with its font, plays a card to its feedback, and continues after a reload', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--experimental-websocket', '--no-warnings', join(import.meta.dirname, 'firefox-bidi.mjs'), FIREFOX, join(DIST, 'index.html'), join(RESULTS, 'firefox-file-play.png')],
      { timeout: 200_000 },
    );
    const seen = JSON.parse(stdout.trim().split('\n').pop()!) as Record<'title' | 'feedback' | 'before' | 'mode' | 'continued', Seen>;
    expect(seen.title.fonts).toBeGreaterThanOrEqual(2);
    expect(seen.feedback.phase).toBe('feedback');
    expect(seen.mode.canContinue).toBe(true);
    expect([seen.continued.turn, seen.continued.history]).toEqual([seen.before.turn, seen.before.history]);
    expect(seen.continued.artFailed).toBe(0);
  }, 240_000);
});
