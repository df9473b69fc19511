import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelsSaveHandler } from '../../scripts/levelsSave.ts';
import { saveScenario, type WritableFile } from '../../src/editor/saving.ts';

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mm-saving-'));
  mkdirSync(join(root, 'levels'));
  const handler = levelsSaveHandler(join(root, 'levels'));
  server = createServer((req, res) => handler(req, res, () => res.end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

/** fetch as the page at the dev server's address makes it: relative addresses, its own Origin on a POST. */
const pageFetch: typeof fetch = (input, init = {}) =>
  fetch(base + String(input), { ...init, headers: { ...(init.headers as Record<string, string>), ...(init.method === 'POST' ? { origin: base } : {}) } });

function memoryFile(name: string) {
  const file = { name, written: '', async createWritable() {
    let buffer = '';
    return { write: async (d: string) => void (buffer += d), close: async () => void (file.written = buffer) };
  } };
  return file;
}

const TEXT = '{\n  "format": 1\n}\n';

describe('saving the scenario', () => {
  it('writes into levels/ with npm start', async () => {
    const saved = await saveScenario(TEXT, { name: 'mine.json', origin: 'new', dev: true, fetcher: pageFetch });
    expect(saved).toEqual({ ok: true, where: 'levels', name: 'mine.json' });
    expect(readFileSync(join(root, 'levels', 'mine.json'), 'utf8')).toBe(TEXT);
  });

  it('says why when the dev server refuses', async () => {
    expect(await saveScenario('{', { name: 'mine.json', origin: 'levels', dev: true, fetcher: pageFetch })).toEqual({ ok: false, why: 'notJson' });
  });

  it('writes back into the file it was opened from, elsewhere', async () => {
    const file = memoryFile('housing.json');
    const saved = await saveScenario(TEXT, { name: 'housing.json', origin: 'file', handle: file as WritableFile, dev: false });
    expect(saved.ok && saved.where).toBe('file');
    expect(file.written).toBe(TEXT);
  });

  it('asks where to save where the browser can, and says when the author cancelled', async () => {
    const file = memoryFile('new.json');
    const win = { showSaveFilePicker: async () => file };
    expect((await saveScenario(TEXT, { name: 'new.json', origin: 'new', dev: false, win })).ok).toBe(true);
    expect(file.written).toBe(TEXT);
    const cancelling = { showSaveFilePicker: async () => { throw Object.assign(new Error('closed'), { name: 'AbortError' }); } };
    expect(await saveScenario(TEXT, { name: 'new.json', origin: 'new', dev: false, win: cancelling })).toEqual({ ok: false, why: 'cancelled' });
  });

  it('downloads the file where the browser cannot write one', async () => {
    const downloads: [string, string][] = [];
    const saved = await saveScenario(TEXT, { name: 'new.json', origin: 'new', dev: false, win: {}, download: (n, c) => void downloads.push([n, c]) });
    expect(saved).toEqual({ ok: true, where: 'download', name: 'new.json' });
    expect(downloads).toEqual([['new.json', TEXT]]);
  });
});
