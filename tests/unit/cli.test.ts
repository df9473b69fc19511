import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const run = (script: string, args: string[]) => spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run validate', () => {
  it('passes the shipped levels with exit 0 and a summary line', () => {
    const result = run('validate.ts', []);
    expect(result.stdout).toMatch(/\d+ files? checked: 0 errors/);
    expect(result.status).toBe(0);
  });

  it('prints one compiler-style line per problem and exits 1 on errors', () => {
    const result = run('validate.ts', ['tests/fixtures/broken.json']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tests\/fixtures\/broken\.json:7:\d+: error: unknown ending "closd" .* — did you mean "closed"\? \(at meters\[0\]\.onMin\)$/);
    expect(lines.at(-1)).toBe('1 file checked: 11 errors, 0 warnings');
    expect(result.status).toBe(1);
  });

  it('stops without a stack trace when its reader closes the pipe (npm run validate | head -1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-pipe-'));
    const broken = readFileSync(join(root, 'tests/fixtures/broken.json'), 'utf8');
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, `f${i}.json`), broken);
    const result = spawnSync('sh', ['-c', `"${tsx}" "${join(root, 'scripts/validate.ts')}" "${dir}" | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/EPIPE|at .*\(node:/);
  }, 60_000);

  it('exits 2 on a usage error', () => {
    expect(run('validate.ts', ['--frobnicate']).status).toBe(2);
    expect(run('validate.ts', ['no/such/file.json']).status).toBe(2);
  });
});

describe('npm run simulate', () => {
  it('prints the promised JSON figures', () => {
    const out = execFileSync(tsx, [join(root, 'scripts/simulate.ts'), 'levels/example.json', '--runs', '200', '--seed', '3', '--strategy', 'balanced', '--json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(out);
    expect(report).toMatchObject({ runs: 200, seed: '3', strategy: 'balanced' });
    for (const key of ['completed', 'meanTurns', 'endings', 'endedBy', 'cards', 'choices']) expect(report).toHaveProperty(key);
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it('prints a readable report with findings', () => {
    const result = run('simulate.ts', ['levels/example.json', '--runs', '300']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Reached the end:');
    expect(result.stdout).toContain('Cards never drawn:');
  });

  it('refuses a broken file with its errors and a wrong strategy with exit 2', () => {
    const broken = run('simulate.ts', ['tests/fixtures/broken.json']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('broken.json:7:');
    expect(run('simulate.ts', ['levels/example.json', '--strategy', 'favour:nope']).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'mm-'));
    writeFileSync(join(dir, 'x.json'), '{');
    expect(run('simulate.ts', [join(dir, 'x.json')]).status).toBe(1);
  });
});
