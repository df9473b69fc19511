/**
 * The container definition: docker cannot run here, so this checks what can be checked without it.
 * The image copies only the build stage's output; that output (made here by the same command the
 * Dockerfile runs) is the bundled server and the game, nothing else; and the image's entry point,
 * run from that folder with no node_modules anywhere near, serves the game, the room and /healthz.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { serverFolder } from '../../scripts/roomApp.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** The instructions of the image's own (last) stage. */
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM ')).split('\n').filter((line) => /^[A-Z]+ /.test(line));

describe('the container', () => {
  it('builds with the repository\'s own commands and keeps only their output, as an unprivileged user', () => {
    expect(dockerfile).toMatch(/^RUN npm run build && npx tsx scripts\/roomApp\.ts server-folder \/out$/m);
    const copies = finalStage.filter((line) => line.startsWith('COPY '));
    expect(copies).toEqual(['COPY --from=build /out/ ./']);
    expect(finalStage).toContain('USER node');
    expect(finalStage.some((line) => line.startsWith('HEALTHCHECK') && line.includes('/healthz'))).toBe(true);
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const folder of ['node_modules', 'dist', 'release', '.cache']) expect(ignored).toContain(folder);
  });

  it('its entry point runs the bundled server alone: the game, the phone page, the room and /healthz from a folder with nothing else', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'mm-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<title>game</title>');
    writeFileSync(join(dist, 'phone.html'), '<title>phone</title>');
    writeFileSync(join(dist, 'assets/game.js'), 'console.log(1)');
    const app = mkdtempSync(join(tmpdir(), 'mm-image-'));
    await serverFolder(dist, app);
    expect(readdirSync(app).sort()).toEqual(['room-server.cjs', 'web']);
    expect(readdirSync(join(app, 'web'), { recursive: true }).sort()).toEqual(['assets', 'assets/game.js', 'index.html', 'phone.html']);
    const entry = JSON.parse(finalStage.find((line) => line.startsWith('ENTRYPOINT '))!.slice('ENTRYPOINT '.length)) as string[];
    expect(entry.slice(0, 2)).toEqual(['node', 'room-server.cjs']);
    // As in the image, but on loopback and a free port; PORT as the image sets it.
    const args = [...entry.slice(1).map((a) => (a === '0.0.0.0' ? '127.0.0.1' : a))];
    const child = spawn(process.execPath, args, { cwd: app, env: { PATH: '/nonexistent', PORT: '0' } });
    try {
      const printed: string[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        printed.push(line);
        if (printed.length === 2) break;
      }
      const url = /^Many Masters: (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(printed[0]!)![1]!;
      expect(await (await fetch(url)).text()).toContain('game');
      expect(await (await fetch(`${url}p`)).text()).toContain('phone');
      expect(await (await fetch(`${url}healthz`)).json()).toMatchObject({ status: 'ok', rooms: 0 });
      const hosted = await new Promise<{ type: string }>((done, fail) => {
        const socket = new WebSocket(`${url.replace('http', 'ws')}room`);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'host' })));
        socket.on('message', (data) => {
          socket.close();
          done(JSON.parse(String(data)) as { type: string });
        });
        socket.on('error', fail);
      });
      expect(hosted.type).toBe('hosted');
    } finally {
      child.kill();
    }
  }, 60_000);
});
