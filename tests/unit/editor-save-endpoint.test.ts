import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelsSaveHandler } from '../../scripts/levelsSave.ts';
import { SAVE_PATH, SAVE_TOKEN_HEADER, SAVE_TOKEN_PATH } from '../../src/editor/saveProtocol.ts';
import { LIMITS } from '../../src/engine/format.ts';

const TOKEN = 'test-token-0123456789';
let root: string;
let levels: string;
let server: Server;
let port: number;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mm-save-'));
  levels = join(root, 'levels');
  mkdirSync(levels);
  const handler = levelsSaveHandler(levels, TOKEN);
  server = createServer((req, res) => handler(req, res, () => {
    res.statusCode = 404;
    res.end();
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function send({ method = 'POST', path, headers = {}, body }: Sent): Promise<{ status: number; json: { ok: boolean; reason?: string; token?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(parts).toString() || '{}') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A save as the game's own page sends it. */
const own = (name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  send({ path: SAVE_PATH + name, body, headers: { origin: `http://localhost:${port}`, [SAVE_TOKEN_HEADER]: TOKEN, ...headers } });

const SCENARIO = '{\n  "format": 1,\n  "id": "mine"\n}\n';

describe('saving into levels/ from the dev server', () => {
  it('hands the token to the game\'s page and saves the text exactly as sent', async () => {
    const token = await send({ method: 'GET', path: SAVE_TOKEN_PATH, headers: { origin: `http://localhost:${port}` } });
    expect(token.json.token).toBe(TOKEN);
    const saved = await own('mine.json', SCENARIO);
    expect(saved).toEqual({ status: 200, json: { ok: true, name: 'mine.json' } });
    expect(readFileSync(join(levels, 'mine.json'), 'utf8')).toBe(SCENARIO);
    // Nothing but the file is left behind.
    expect(readdirSync(levels)).toEqual(['mine.json']);
  });

  it('refuses a request that names another host (a rebound DNS name)', async () => {
    expect((await own('a.json', SCENARIO, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).json.reason).toBe('notLocal');
    expect((await send({ method: 'GET', path: SAVE_TOKEN_PATH, headers: { host: `evil.example:${port}` } })).status).toBe(403);
  });

  it('refuses a connection from another computer', async () => {
    const handler = levelsSaveHandler(levels, TOKEN);
    let status = 0;
    let body = '';
    const req = { url: SAVE_PATH + 'a.json', method: 'POST', headers: { host: `localhost:${port}`, origin: `http://localhost:${port}`, [SAVE_TOKEN_HEADER]: TOKEN }, socket: { remoteAddress: '192.168.1.20' } } as unknown as IncomingMessage;
    const res = { setHeader() {}, set statusCode(s: number) { status = s; }, end(b: string) { body = b; } } as unknown as ServerResponse;
    handler(req, res, () => {});
    await new Promise((r) => setTimeout(r, 10));
    expect(status).toBe(403);
    expect(JSON.parse(body).reason).toBe('notLocal');
  });

  it('refuses other pages: another origin, no origin, no token or a wrong one, and cross-origin token reads', async () => {
    expect((await own('a.json', SCENARIO, { origin: 'http://evil.example' })).json.reason).toBe('badOrigin');
    expect((await send({ path: SAVE_PATH + 'a.json', body: SCENARIO, headers: { [SAVE_TOKEN_HEADER]: TOKEN } })).json.reason).toBe('badOrigin');
    expect((await send({ path: SAVE_PATH + 'a.json', body: SCENARIO, headers: { origin: `http://localhost:${port}` } })).json.reason).toBe('badToken');
    expect((await own('a.json', SCENARIO, { [SAVE_TOKEN_HEADER]: 'guess' })).json.reason).toBe('badToken');
    const read = await send({ method: 'GET', path: SAVE_TOKEN_PATH, headers: { origin: 'http://evil.example' } });
    expect(read.status).toBe(403);
    expect(read.json.token).toBeUndefined();
    expect(readdirSync(levels)).not.toContain('a.json');
  });

  it.each(['..%2Fescape.json', '%2E%2E%2Fescape.json', 'sub%2Fescape.json', '..%5Cescape.json', 'scenario.schema.json', 'notes.txt', '.hidden.json', '%00.json', '%E0%A4%A.json'])(
    'refuses the name %s, which is not a scenario file inside levels/',
    async (name) => {
      const answer = await own(name, SCENARIO);
      expect(answer.status).toBe(400);
      expect(answer.json.reason).toBe('badName');
      expect(readdirSync(root)).toEqual(['levels']);
    },
  );

  it('refuses text that is not JSON, and a file over the size limit', async () => {
    expect((await own('broken.json', '{"format": 1,')).json.reason).toBe('notJson');
    expect((await own('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]))).json.reason).toBe('notJson');
    const big = `{"a": "${'x'.repeat(LIMITS.fileBytes)}"}`;
    const answer = await own('big.json', big);
    expect(answer.status).toBe(413);
    expect(readdirSync(levels)).not.toContain('broken.json');
    expect(readdirSync(levels)).not.toContain('big.json');
  });

  it('answers only its own addresses and lets the dev server answer the rest', async () => {
    expect((await send({ method: 'GET', path: '/index.html' })).status).toBe(404);
    expect((await send({ method: 'GET', path: SAVE_PATH + 'mine.json', headers: { origin: `http://localhost:${port}` } })).json.reason).toBe('badMethod');
  });
});
