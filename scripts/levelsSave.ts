/**
 * The dev server's end of "save into levels/" (see src/editor/saveProtocol.ts): a request handler
 * that writes one scenario file into levels/, for the editor opened from `npm start`.
 *
 * Every request is treated as hostile, since the dev server may listen on the network (`vite --host`)
 * and any web page open in the same browser can send requests to localhost:
 * - only from this computer: the connection comes from a loopback address, and the Host header names
 *   this computer (a DNS-rebound name such as `evil.example` pointing at 127.0.0.1 is refused);
 * - only from the game's own page: the Origin header is this server's, and the token the page read
 *   from this server comes back in a custom header;
 * - only a plain `.json` name straight inside levels/ (no folders, no `..`, not the schema);
 * - only a body under the scenario size limit that reads as JSON (errors in the scenario itself are
 *   allowed: an author saves work in progress).
 * The file is written beside itself first and then renamed over the old one, so a crash mid-write
 * never leaves half a scenario.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { SAVE_PATH, SAVE_TOKEN_HEADER, SAVE_TOKEN_PATH, isLevelFileName, type SaveRefusal } from '../src/editor/saveProtocol.ts';
import { LIMITS } from '../src/engine/format.ts';
import { parseJson } from '../src/engine/jsonSource.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function refuse(res: ServerResponse, status: number, reason: SaveRefusal): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ ok: false, reason }));
}

/** The Host header's name without its port, when it names this computer. */
function localHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOCAL_HOSTS.has(name.toLowerCase());
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        parts.length = 0;
        resolve('tooLarge');
        return;
      }
      parts.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(parts));
    });
    req.on('error', reject);
  });
}

/**
 * A handler for the dev server's middleware: answers the token and save requests, and hands every
 * other request to `next`. `token` is made once per server start.
 */
export function levelsSaveHandler(levelsDir: string, token = randomBytes(24).toString('base64url')) {
  const handle = saveRequest(levelsDir, token);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    handle(req, res, next).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'writeFailed');
    });
  };
}

function saveRequest(levelsDir: string, token: string) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const url = req.url ?? '';
    const isToken = url === SAVE_TOKEN_PATH;
    if (!isToken && !url.startsWith(SAVE_PATH)) return next();
    res.setHeader('cache-control', 'no-store');
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || !localHost(req.headers.host)) return refuse(res, 403, 'notLocal');
    // Browsers send Origin with every POST, and with a GET from a script of another origin.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) return refuse(res, 403, 'badOrigin');
    if (isToken) {
      if (req.method !== 'GET') return refuse(res, 405, 'badMethod');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ token }));
      return;
    }
    if (req.method !== 'POST') return refuse(res, 405, 'badMethod');
    if (origin === undefined) return refuse(res, 403, 'badOrigin');
    if (req.headers[SAVE_TOKEN_HEADER] !== token) return refuse(res, 403, 'badToken');
    let name: string;
    try {
      name = decodeURIComponent(url.slice(SAVE_PATH.length));
    } catch {
      return refuse(res, 400, 'badName');
    }
    if (!isLevelFileName(name)) return refuse(res, 400, 'badName');
    const body = await readBody(req, LIMITS.fileBytes);
    if (body === 'tooLarge') return refuse(res, 413, 'tooLarge');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return refuse(res, 400, 'notJson');
    }
    if (!parseJson(text, { positions: 'none' }).ok) return refuse(res, 400, 'notJson');
    const file = join(levelsDir, name);
    const temporary = join(levelsDir, `.${name}.${randomBytes(6).toString('hex')}.saving`);
    try {
      writeFileSync(temporary, body);
      renameSync(temporary, file);
    } catch {
      rmSync(temporary, { force: true });
      return refuse(res, 500, 'writeFailed');
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, name }));
  };
}
