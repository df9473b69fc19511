/**
 * Run by firefox.test.ts as `node --experimental-websocket firefox-bidi.mjs <firefox> <index.html> <screenshot.png>`:
 * plays the double-clicked build in Firefox over plain WebDriver BiDi (a WebSocket and a dozen
 * commands). Playwright's own BiDi Firefox cannot open a context in Debian's firefox-esr (it sends
 * emulation.setMediaFeaturesOverride, which that version does not have). Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const profile = mkdtempSync(join(tmpdir(), 'ffp-'));
const ff = spawn(process.argv[2], ['--headless', '--remote-debugging-port', '0', '--profile', profile, '--no-remote'], { stdio: ['ignore', 'pipe', 'pipe'] });
try {
const wsUrl = await new Promise((res, rej) => { let buf = ''; ff.stderr.on('data', (d) => { buf += d; const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(buf); if (m) res(m[1]); }); setTimeout(() => rej(new Error('no BiDi: ' + buf)), 60000); });
const ws = new WebSocket(`${wsUrl}/session`);
await new Promise((r) => ws.addEventListener('open', r));
let id = 0; const pending = new Map();
ws.addEventListener('message', (e) => { const m = JSON.parse(e.data); if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); } });
const send = (method, params) => new Promise((res, rej) => { const i = ++id; pending.set(i, (m) => m.type === 'error' ? rej(new Error(`${method}: ${m.error} ${m.message}`)) : res(m.result)); ws.send(JSON.stringify({ id: i, method, params })); });
await send('session.new', { capabilities: {} });
const { contexts } = await send('browsingContext.getTree', {});
const context = contexts[0].context;
await send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 720 } }).catch(() => {});
const evaluate = async (expr) => { const r = await send('script.evaluate', { expression: expr, target: { context }, awaitPromise: true }); return r.result?.value; };
const snap = async () => JSON.parse((await evaluate("JSON.stringify(window.manyMasters ? { screen: manyMasters.screen, phase: manyMasters.phase, ready: manyMasters.ready, canContinue: manyMasters.shown.canContinue ?? null, turn: manyMasters.state?.turn ?? null, history: manyMasters.state?.history?.length ?? null, artFailed: manyMasters.artFailed, fonts: [...document.fonts].filter(f => f.status === 'loaded').length } : null)")) ?? 'null');
const until = async (pred, what) => { const end = Date.now() + 60000; for (;;) { const s = await snap(); if (s && pred(s)) return s; if (Date.now() > end) throw new Error(`timeout waiting for ${what}: ${JSON.stringify(s)}`); await new Promise((r) => setTimeout(r, 200)); } };
const key = async (k) => { await until((s) => s.ready, 'ready'); await send('input.performActions', { context, actions: [{ type: 'key', id: 'kb', actions: [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }] }] }); };
const url = new URL(`file://${process.argv[3]}`).href;
const seen = {};
await send('browsingContext.navigate', { context, url, wait: 'complete' });
seen.title = await until((s) => s.screen === 'title', 'title');
await key('1'); await until((s) => s.screen === 'mode', 'mode');
await key('1'); await until((s) => s.screen === 'play' && s.phase === 'choosing', 'play');
await key('1'); seen.feedback = await until((s) => s.phase === 'feedback', 'feedback');
await key('\uE007'); seen.before = await until((s) => s.phase === 'choosing' && s.history === 1, 'next card');
await send('browsingContext.reload', { context, wait: 'complete' });
await until((s) => s.screen === 'title', 'title again');
await key('1'); seen.mode = await until((s) => s.screen === 'mode', 'mode');
await key('1'); seen.continued = await until((s) => s.screen === 'play' && s.phase === 'choosing', 'continue');
const shot = await send('browsingContext.captureScreenshot', { context });
writeFileSync(process.argv[4], Buffer.from(shot.data, 'base64'));
console.log(JSON.stringify(seen));
ws.close();
} finally {
  ff.kill();
  setTimeout(() => rmSync(profile, { recursive: true, force: true }), 1000);
}
