/**
 * The room for phone votes inside `npm start` (and `npm run preview`): the dev server listens on the
 * local network, the room's WebSocket is attached to it, `/p` opens the phone page, the build gets
 * the phone page as a second entry, and the phones' address is printed next to Vite's own.
 */
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build, type BuildEnvironmentOptions, type Connect, type Plugin } from 'vite';
import { portablePlugin } from './vite-portable-plugin.ts';
import { PHONE_PATH, SERVER_CHECK_PATH } from '../src/room-protocol/protocol.ts';
import { attachRoom, lanUrls, phonesLine, SERVER_ANSWER } from '../server/server.ts';

const CYAN = '\u001b[36m';
const RESET = '\u001b[0m';

/** `/p` (under any prefix) serves the phone page, so the address on the projector stays short; the server check says yes. */
function shortPhoneAddress(): Connect.NextHandleFunction {
  return (request, response, next) => {
    const [path, query] = (request.url ?? '/').split('?', 2);
    if (path?.endsWith(`/${SERVER_CHECK_PATH}`)) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(SERVER_ANSWER);
      return;
    }
    if (path === `/${PHONE_PATH}` || path === `/${PHONE_PATH}/`) request.url = `/phone.html${query ? `?${query}` : ''}`;
    next();
  };
}

export function roomPlugin(): Plugin {
  let built: { root: string; outDir: string; target: BuildEnvironmentOptions['target'] } | null = null;
  return {
    name: 'many-masters-room',
    config(config) {
      return {
        // Phones reach the laptop over its Wi-Fi or hotspot, so listen there and not on loopback only.
        server: { host: config.server?.host ?? true },
        preview: { host: config.preview?.host ?? true },
      };
    },
    configResolved(config) {
      built = config.command === 'build' ? { root: config.root, outDir: resolve(config.root, config.build.outDir), target: config.build.target } : null;
    },
    // The phone page is a build of its own: the game's build is one classic script without code
    // splitting (so that it starts from file://), which allows one entry only.
    async closeBundle() {
      if (!built) return;
      await build({
        configFile: false,
        root: built.root,
        base: './',
        logLevel: 'warn',
        plugins: [portablePlugin()],
        build: { outDir: built.outDir, emptyOutDir: false, target: built.target, rolldownOptions: { input: resolve(built.root, 'phone.html') } },
      });
    },
    // The build says "no room server here"; a server answers in its place (see SERVER_CHECK_PATH).
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SERVER_CHECK_PATH, source: JSON.stringify({ server: false }) });
    },
    configureServer(server) {
      const http = server.httpServer;
      if (!http) return; // middleware mode: whoever hosts Vite hosts the room
      // `--host 127.0.0.1` (or any one address) gives phones only what the dev server listens on.
      const host = typeof server.config.server.host === 'string' ? server.config.server.host : '0.0.0.0';
      const room = attachRoom(http, { host, port: () => (http.address() as AddressInfo | null)?.port ?? server.config.server.port ?? 5173 });
      server.middlewares.use(shortPhoneAddress());
      // Right under Vite's own addresses, where the trainer looks.
      const printUrls = server.printUrls.bind(server);
      server.printUrls = () => {
        printUrls();
        const address = http.address() as AddressInfo | null;
        const urls = address ? lanUrls(address.port, host) : [];
        server.config.logger.info(`  ${CYAN}➜  ${RESET}${phonesLine(urls, host).replace(/^Phones: /, `${CYAN}Phones:${RESET}  `)}`);
      };
      http.once('close', () => room.close());
    },
    configurePreviewServer(server) {
      const http = server.httpServer;
      const room = attachRoom(http, { port: () => (http.address() as AddressInfo | null)?.port ?? 4173 });
      server.middlewares.use(shortPhoneAddress());
      http.once('close', () => room.close());
    },
  };
}
