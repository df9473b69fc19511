/**
 * Whether `npm run serve` must build the game before it serves it. After a crash the trainer wants
 * the room back at once: a build takes 36–48 s on a workshop laptop, and the phones wait that long.
 * So an existing build is served as it is, unless a file the build is made from is newer than it.
 *
 * The rule: build when dist/index.html or dist/phone.html is missing, or when any file below
 * BUILD_INPUTS was changed after dist/index.html was written. A `git pull`, an edited scenario or a
 * new package gives its files a fresh time, so a stale game is never served; a restart with nothing
 * changed serves within a second. Times, not hashes: reading a few hundred small files' times takes
 * milliseconds, hashing them would not be needed to catch any change a person makes.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from, relative to the project: the game, its scenarios and art, and how it is built. */
export const BUILD_INPUTS = ['src', 'levels', 'assets', 'public', 'scripts', 'docs/template.json', 'index.html', 'phone.html', 'vite.config.ts', 'package.json', 'package-lock.json'] as const;

/** The newest change time below a path, and the file it belongs to (folders are walked; links are not followed). */
function newest(path: string): { time: number; file: string } | null {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return { time: stat.mtimeMs, file: path };
  let best: { time: number; file: string } | null = null;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const found = newest(join(path, entry.name));
    if (found && (!best || found.time > best.time)) best = found;
  }
  return best;
}

/** Null when the build in `dist` can be served as it is; otherwise why it must be built first. */
export function buildReason(project: string, dist: string): string | null {
  for (const page of ['index.html', 'phone.html']) {
    if (!existsSync(join(dist, page))) return `${join(dist, page)} is missing`;
  }
  const built = statSync(join(dist, 'index.html')).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const found = newest(join(project, input));
    if (found && found.time > built) return `${found.file} is newer than the build`;
  }
  return null;
}

/**
 * Builds into `dist` only when buildReason says so (or `force`), saying why on `log`; returns whether
 * it built. `build` is Vite's, passed in so that serving a fresh build never loads Vite at all.
 */
export async function buildIfStale(project: string, dist: string, options: { force?: boolean; log: (line: string) => void; build: () => Promise<void> }): Promise<boolean> {
  const reason = options.force ? 'asked with --build' : buildReason(project, dist);
  if (!reason) return false;
  options.log(`Building the game first (${reason})…`);
  await options.build();
  return true;
}
