/** Every portrait and icon a shipped level names exists as a file and loads in Chromium. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { launch, ROOT } from './harness.ts';

const FALLBACK = 'neutral';

function namedArt(): { portraits: Set<string>; icons: Set<string> } {
  const portraits = new Set([FALLBACK]);
  const icons = new Set([FALLBACK]);
  for (const file of readdirSync(join(ROOT, 'levels'))) {
    if (!file.endsWith('.json') || file.endsWith('.schema.json')) continue;
    const result = validateScenarioText(readFileSync(join(ROOT, 'levels', file), 'utf8'));
    if (!result.ok) continue;
    result.scenario.stakeholders.forEach((s) => s.portrait && portraits.add(s.portrait));
    result.scenario.meters.forEach((m) => m.icon && icons.add(m.icon));
  }
  return { portraits, icons };
}

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

describe('shipped art', () => {
  const { portraits, icons } = namedArt();
  const files = [...[...portraits].map((n) => join('assets/portraits', `${n}.svg`)), ...[...icons].map((n) => join('assets/icons', `${n}.svg`))];

  it('has a file for every portrait and icon a level names', () => {
    expect(files.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });

  it('loads every one of them as an image', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const file of files) {
      const svg = readFileSync(join(ROOT, file), 'utf8');
      const loaded = await page.evaluate(async (source) => {
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
        try {
          await image.decode();
          return image.naturalWidth > 0 && image.naturalHeight > 0;
        } catch {
          return false;
        }
      }, svg);
      if (!loaded) failures.push(file);
    }
    await page.close();
    expect(failures).toEqual([]);
  }, 60_000);
});
