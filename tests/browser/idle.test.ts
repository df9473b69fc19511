/**
 * A card stays up for minutes of discussion: the game must stop drawing once nothing moves, from the
 * very first card of a fresh page (no screen visited before), or a projector laptop's fan runs all session.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serveDist, snapshot, waitFor } from './harness.ts';

let server: Server;
let url: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, url } = await serveDist());
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('drawing only when something changes', () => {
  it('sleeps on the first card of a fresh page and draws no frames while it waits', async () => {
    await page.goto(`${url}?scenario=example`);
    await waitFor(page, "m.screen === 'play' && m.phase === 'choosing' && m.ready");
    await waitFor(page, 'm.sleeping', 5_000);
    const frame = (await snapshot(page)).frame;
    await page.waitForTimeout(1500);
    const later = await snapshot(page);
    expect(later.sleeping).toBe(true);
    expect(later.frame).toBe(frame);
  });
});

