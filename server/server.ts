/**
 * The room on a Node HTTP server: the WebSocket at `…/room` (any prefix, so it works behind a reverse
 * proxy that forwards WebSockets) and, for a built game, the static files with `…/p` as the phones'
 * short address. Used by `npm start` (attached to Vite's dev server) and by `npm run serve`.
 */
import type { EventEmitter } from 'node:events';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_PROJECTOR_MESSAGE, PHONE_PATH, ROOM_PATH, SERVER_CHECK_PATH } from '../src/room-protocol/protocol.ts';
import { DEFAULT_LIMITS, Hub, type Connection, type HubLimits } from './hub.ts';
import { phoneHosts } from './addresses.ts';
import { contentType } from './contentTypes.ts';

export interface RoomOptions {
  /** The address phones should open, when the server knows it better than the network cards (a proxy). */
  publicUrl?: string;
  /** The port phones reach this server on, for the addresses made from the network cards. */
  port: () => number;
  /** The address the server listens on: all (0.0.0.0, the default), one, or loopback (then phones get none). */
  host?: string;
  limits?: Partial<HubLimits>;
}

/** The phones' addresses for a server on `host` and `port`, the one they most likely reach first (see addresses.ts). */
export function lanUrls(port: number, host = '0.0.0.0'): string[] {
  return phoneHosts(networkInterfaces(), host).map((phoneHost) => `http://${phoneHost}:${port}/${PHONE_PATH}`);
}

/** The phones' address under a public address such as https://intranet.example/many-masters/. */
export function publicPhoneUrl(publicUrl: string): string {
  return new URL(PHONE_PATH, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;
}

/**
 * The address a connection counts under for the per-address limits: the socket's own, or the address
 * a reverse proxy saw (the last in X-Forwarded-For) when the socket comes from a proxy: from loopback,
 * or from anywhere when the server was told it runs behind one (`--public-url`). Otherwise nobody on
 * the network can choose the address they count under.
 */
export function clientAddress(request: IncomingMessage, behindProxy = false): string {
  const own = request.socket.remoteAddress ?? '';
  const loopback = own === '::1' || own.startsWith('127.') || own.startsWith('::ffff:127.');
  const forwarded = request.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '').at(-1);
  return (loopback || behindProxy) && last ? last.slice(0, 64) : own;
}

export interface AttachedRoom {
  hub: Hub;
  close(): void;
}

/** Takes the room's WebSocket upgrades on a server; every other upgrade (Vite's own) is left alone. */
export function attachRoom(server: EventEmitter, options: RoomOptions): AttachedRoom {
  const phoneUrls = () => (options.publicUrl ? [publicPhoneUrl(options.publicUrl)] : lanUrls(options.port(), options.host));
  const hub = new Hub({ ...DEFAULT_LIMITS, ...options.limits }, Date.now, phoneUrls);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PROJECTOR_MESSAGE + 1024, perMessageDeflate: false });
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (!path.endsWith(`/${ROOM_PATH}`)) return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);

  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const connection: Connection = {
      address: clientAddress(request, options.publicUrl !== undefined),
      send: (message) => {
        if (ws.readyState !== ws.OPEN) return;
        // A reader that stopped reading: what waits for it would grow without end and slow every room.
        if (ws.bufferedAmount > limits.maxBuffered) {
          ws.terminate();
          return;
        }
        ws.send(JSON.stringify(message));
      },
      close: (reason) => ws.close(1008, reason),
    };
    alive.add(ws);
    hub.connect(connection);
    // A connection that says nothing is let go: it would only hold a socket.
    const hello = setTimeout(() => {
      if (hub.silent(connection)) ws.terminate();
    }, limits.helloMs);
    hello.unref();
    ws.on('pong', () => alive.add(ws));
    ws.on('message', (data, binary) => {
      if (binary) {
        hub.receive(connection, '\u0000');
        return;
      }
      hub.receive(connection, data.toString());
    });
    ws.on('close', () => {
      clearTimeout(hello);
      hub.disconnect(connection);
    });
    // A socket error (a phone vanishing mid-frame, a frame over the limit) closes that socket only.
    ws.on('error', () => ws.terminate());
  });

  // Phones that lost the Wi-Fi without closing their socket are noticed and let go.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
    hub.sweep();
  }, 30_000);
  heartbeat.unref();

  return {
    hub,
    close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/** The line printed for the trainer: where phones go, or why there is no such address. */
export function phonesLine(phoneUrls: string[], host: string): string {
  if (phoneUrls.length > 0) return `Phones: ${phoneUrls.join('  or  ')}`;
  if (phoneHosts({}, host).length === 0 && host !== '0.0.0.0' && host !== '::') return `Phones: none, as this server listens on ${host} only; start it with --host 0.0.0.0 for phones on the network`;
  return 'Phones: no network found; connect this computer to the Wi-Fi or start its hotspot';
}

/** The answer to the page's question whether a room server runs (the build's own file says no). */
export const SERVER_ANSWER = JSON.stringify({ server: true });

/**
 * The health check for a proxy, a container or a monitor (under any prefix, like the room): how many
 * rooms and connections the process holds and how long it has run. Counts only, nothing about a
 * participant or a room's code.
 */
export const HEALTH_PATH = 'healthz';

function health(room: AttachedRoom): string {
  const { rooms, connections } = room.hub.stats();
  return JSON.stringify({ status: 'ok', rooms, connections, uptimeSeconds: Math.round(process.uptime()) });
}

export interface ServeOptions {
  root: string;
  port: number;
  host: string;
  publicUrl?: string;
  limits?: Partial<HubLimits>;
}

/** The built game, the phone page and the room from one plain Node process. Nothing is logged per request. */
export function serveBuilt(options: ServeOptions): Promise<{ server: Server; room: AttachedRoom; url: string; phoneUrls: string[] }> {
  const root = normalize(options.root);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${join(root, 'index.html')} is missing: run npm run build first`);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (path.endsWith(`/${SERVER_CHECK_PATH}`)) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(SERVER_ANSWER);
      return;
    }
    if (path.endsWith(`/${HEALTH_PATH}`)) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(health(room));
      return;
    }
    if (path === `/${PHONE_PATH}` || path.endsWith(`/${PHONE_PATH}`)) path = path.slice(0, -PHONE_PATH.length) + 'phone.html';
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType(extname(file)), 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  const room = attachRoom(server, { port: () => (server.address() as AddressInfo).port, host: options.host, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  server.on('close', () => room.close());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const port = (server.address() as AddressInfo).port;
      const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      resolve({ server, room, url: `http://${shown}:${port}/`, phoneUrls: room.hub.phoneUrls() });
    });
  });
}
