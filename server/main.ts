/**
 * `npm run serve`: the built game with the room, from one plain Node process, for an organisation's
 * intranet or a workshop laptop without the dev server.
 *
 *   npm run serve -- [--port 8080] [--host 0.0.0.0] [--dir dist] [--public-url https://intranet.example/many-masters/] [--build]
 *
 * Without --dir it serves dist/ at once when that build is up to date, and builds first only when it
 * is missing or a source is newer (freshBuild.ts says why); --build always builds first. With --dir
 * the folder is served as it is.
 *
 * Behind a reverse proxy, forward WebSockets (the path ending in /room) and pass --public-url so the
 * projector shows the address phones can reach. PORT in the environment sets the port too.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfStale } from './freshBuild.ts';
import { phonesLine, serveBuilt } from './server.ts';

const USAGE = 'usage: npm run serve -- [--port 8080] [--host 0.0.0.0] [--dir dist] [--public-url URL] [--build]';
const PROJECT = resolve(import.meta.dirname, '..');

let values: { port?: string; host?: string; dir?: string; 'public-url'?: string; build?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, dir: { type: 'string' }, 'public-url': { type: 'string' }, build: { type: 'boolean' }, help: { type: 'boolean' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535\n${USAGE}`);
  process.exit(2);
}
const publicUrl = values['public-url'];
if (publicUrl !== undefined && !URL.canParse(publicUrl)) {
  console.error(`--public-url must be a full address such as https://intranet.example/many-masters/\n${USAGE}`);
  process.exit(2);
}

const host = values.host ?? '0.0.0.0';
try {
  let root = resolve(values.dir ?? 'dist');
  if (values.dir === undefined) {
    root = resolve(PROJECT, 'dist');
    const build = async () => {
      // Loaded only here: serving a fresh build never waits for Vite.
      const vite = await import('vite');
      await vite.build({ root: PROJECT, logLevel: 'warn' });
    };
    await buildIfStale(PROJECT, root, { force: values.build === true, log: (line) => console.log(line), build });
  }
  const { server, room, url, phoneUrls } = await serveBuilt({ root, port, host, ...(publicUrl ? { publicUrl } : {}) });
  console.log(`Many Masters: ${url}`);
  console.log(phonesLine(phoneUrls, host));
  const stop = () => {
    room.close();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
