/**
 * The room app: the game and the room for phone votes from one file, for a trainer without Node
 * (a single executable made by `npm run package`), and the container's entry point (bundled to one
 * CommonJS file with the built game beside it).
 *
 *   many-masters-room [--port 8080] [--host 0.0.0.0] [--dir web] [--public-url URL] [--no-open]
 *
 * It serves the build at once (it never builds), opens the browser at the projector page, prints the
 * phones' address and runs until its window is closed (or Ctrl+C). Port 8080 when it is free, so
 * that phones find the room again after the app was restarted; another free port when it is not.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ASSET_LIST } from './seaAssets.ts';
import { phonesLine, serveBuilt } from './server.ts';

const USAGE = 'usage: many-masters-room [--port 8080] [--host 0.0.0.0] [--dir web] [--public-url URL] [--no-open]';

interface Sea {
  isSea(): boolean;
  getAsset(key: string): ArrayBuffer;
}

/** node:sea when this runs as a single executable (Node 20+ has the module; plain Node says it is no SEA). */
async function sea(): Promise<Sea | null> {
  try {
    const module = (await import('node:sea')) as unknown as Sea;
    return module.isSea() ? module : null;
  } catch {
    return null;
  }
}

/**
 * The game's files from inside the executable, written to a fresh temp folder and served from there:
 * the server then serves the app exactly as it serves dist/ (same code, same tests), and 3 MB are
 * written in milliseconds.
 */
function unpack(app: Sea): string {
  const folder = mkdtempSync(join(tmpdir(), 'many-masters-room-'));
  const files = JSON.parse(new TextDecoder().decode(app.getAsset(ASSET_LIST))) as string[];
  for (const file of files) {
    const path = join(folder, file);
    if (!path.startsWith(folder)) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, new Uint8Array(app.getAsset(file)));
  }
  return folder;
}

/** The system's own way to open an address in the default browser. */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
  child.on('error', () => console.log(`Open ${url} in your browser.`));
  child.unref();
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; dir?: string; 'public-url'?: string; 'no-open'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, dir: { type: 'string' }, 'public-url': { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const asked = values.port ?? process.env.PORT;
  const port = Number(asked ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a number from 0 to 65535');
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !URL.canParse(publicUrl)) fail('--public-url must be a full address such as https://intranet.example/many-masters/');
  const host = values.host ?? '0.0.0.0';
  const app = await sea();
  const unpacked = !values.dir && app ? unpack(app) : null;
  const root = values.dir ? resolve(values.dir) : unpacked ?? resolve(dirname(process.argv[1] ?? '.'), 'web');
  if (!existsSync(join(root, 'index.html'))) fail(`${join(root, 'index.html')} is missing: pass --dir with the built game`);
  const start = (on: number) => serveBuilt({ root, port: on, host, ...(publicUrl ? { publicUrl } : {}) });
  let served: Awaited<ReturnType<typeof serveBuilt>>;
  try {
    served = await start(port);
  } catch (error) {
    // Another program has 8080: any free port will do when none was asked for.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || asked !== undefined) throw error;
    served = await start(0);
  }
  const { server, room, url, phoneUrls } = served;
  console.log(`Many Masters: ${url}`);
  console.log(phonesLine(phoneUrls, host));
  console.log('Close this window (or press Ctrl+C) to stop.');
  if (!values['no-open']) openBrowser(url);
  const stop = () => {
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
    room.close();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}

main().catch(async (error: unknown) => {
  console.error((error as Error).message);
  // Started with a double-click, the window would close before the message could be read.
  if (process.stdin.isTTY && (await sea())) {
    console.error('Press Enter to close this window.');
    process.stdin.once('data', () => process.exit(1));
    return;
  }
  process.exit(1);
});
