/**
 * npm run bench: prints the speed and memory figures. Engine figures always; browser figures need
 * Chromium. Names after `--` run only those parts: `npm run bench -- first frames` (engine, editor, content,
 * hostile, size, first, idle, frames, heap, room, rooms). `content` plays the content checks of tests/unit/plays.test.ts
 * with the full 10,000 games per scenario and strategy (the unit suite plays fewer, to stay fast);
 * `hostile` (heavy files at the limits) runs only when named or with no names.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_PARTS, browserFigures } from './bench/browser.ts';
import { editorFigures } from './bench/editor.ts';
import { editorKeyFigures } from './bench/editorKeys.ts';
import { engineFigures } from './bench/engine.ts';
import { hostileFigures } from './bench/hostile.ts';
import { roomFigures } from './bench/room.ts';
import { roomsFigures } from './bench/rooms.ts';

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => a !== 'engine' && a !== 'editor' && a !== 'content' && a !== 'hostile' && a !== 'room' && a !== 'rooms' && !(BROWSER_PARTS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`unknown part: ${unknown.join(', ')} (choose from engine, editor, content, hostile, room, rooms, ${BROWSER_PARTS.join(', ')})`);
  process.exit(2);
}
const browserParts = BROWSER_PARTS.filter((p) => asked.length === 0 || asked.includes(p));

if (asked.length === 0 || asked.includes('engine')) {
  console.log('Engine (Node)');
  for (const line of engineFigures()) console.log(`  ${line}`);
}
if (asked.length === 0 || asked.includes('editor')) {
  console.log('Scenario editor (Node: its document, undo and checks)');
  for (const line of editorFigures()) console.log(`  ${line}`);
  console.log('Scenario editor (Chromium: its page)');
  for (const line of await editorKeyFigures()) console.log(`  ${line}`);
}
if (asked.length === 0 || asked.includes('hostile')) {
  console.log('Heavy files at the limits (Node, a fresh process each)');
  for (const line of hostileFigures()) console.log(`  ${line}`);
}

if (asked.length === 0 || asked.includes('content')) {
  console.log('Content (10,000 games per scenario and strategy: ending claims, card repeats)');
  const started = performance.now();
  const run = spawnSync('npx', ['vitest', 'run', 'tests/unit/plays.test.ts'], { env: { ...process.env, CONTENT_PLAYS: '10000' }, encoding: 'utf8' });
  const summary = /Tests\s+.*$/m.exec(run.stdout.replace(/\x1b\[[0-9;]*m/g, ''))?.[0] ?? 'no summary';
  console.log(`  ${summary.trim()} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) {
    console.log(run.stdout);
    process.exitCode = 1;
  }
}

if (asked.length === 0 || asked.includes('room')) {
  console.log('Room server for phone votes (Node, loopback)');
  await roomFigures((line) => console.log(`  ${line}`));
}
if (asked.length === 0 || asked.includes('rooms')) {
  console.log('One server process, many rooms (Node, loopback)');
  await roomsFigures((line) => console.log(`  ${line}`));
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (browserParts.length > 0 && existsSync(chromium)) {
  console.log('Browser (headless Chromium, no GPU)');
  await browserFigures((line) => console.log(`  ${line}`), browserParts);
} else if (browserParts.length > 0) {
  console.log(`Browser figures skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
