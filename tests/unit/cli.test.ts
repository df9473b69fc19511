import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
// LANG=C: the tools speak English unless told otherwise (--lang, or a Dutch LANG).
const run = (script: string, args: string[]) => spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

describe('npm run validate', { timeout: 60_000 }, () => {
  it('passes the shipped levels with exit 0 and a summary line', () => {
    const result = run('validate.ts', []);
    expect(result.stdout).toMatch(/\d+ files? checked: 0 errors/);
    expect(result.status).toBe(0);
  });

  it('prints one compiler-style line per problem and exits 1 on errors', () => {
    const result = run('validate.ts', ['tests/fixtures/broken.json']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tests\/fixtures\/broken\.json:7:\d+: error: there is no ending "closd" .* — did you mean "closed"\? \(at meters\[0\]\.onMin\)$/);
    expect(lines.at(-1)).toBe('1 file checked: 11 errors, 4 warnings');
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

  it('warns about two files with the same scenario id, each naming the other, at its "id"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-same-id-'));
    const example = readFileSync(join(root, 'levels/example.json'), 'utf8');
    writeFileSync(join(dir, 'a.json'), example);
    writeFileSync(join(dir, 'b.json'), example);
    const result = run('validate.ts', [dir]);
    const warnings = result.stdout.split('\n').filter((l) => l.includes('is also used by'));
    expect(warnings).toEqual([
      expect.stringMatching(/a\.json:4:9: warning: the scenario id "example" is also used by .*b\.json: the game can show only one of them; give one file another "id" \(at id\)$/),
      expect.stringMatching(/b\.json:4:9: warning: the scenario id "example" is also used by .*a\.json/),
    ]);
    expect(result.status).toBe(0);
  });

  it('exits 2 on a usage error', () => {
    expect(run('validate.ts', ['--frobnicate']).status).toBe(2);
    expect(run('validate.ts', ['no/such/file.json']).status).toBe(2);
  });
});

describe('npm run simulate', { timeout: 60_000 }, () => {
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

describe('npm run check', () => {
  it('passes a shipped scenario: no problems, every target met, exit 0', () => {
    const result = run('check.ts', ['levels/townhall.json', '--lang', 'en']);
    expect(result.stdout).toContain('levels/townhall.json: 0 errors, 0 warnings');
    expect(result.stdout).toMatch(/✓ serving only Residents \(favour:residents\) reaches the end in \d+% of games; target under 10%: met/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('all 7 targets met');
    expect(result.status).toBe(0);
  }, 60_000);

  it('fails a deliberately unbalanced copy with exit 1, names the meter, in the language of LANG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const s = JSON.parse(readFileSync(join(root, 'levels/hospital.json'), 'utf8'));
    for (const card of s.cards) for (const ch of card.choices) if ((ch.effects?.patients ?? 0) > 0) for (const k of Object.keys(ch.effects)) if (ch.effects[k] < 0) delete ch.effects[k];
    writeFileSync(join(dir, 'unbalanced.json'), JSON.stringify(s, null, 2));
    const result = spawnSync(tsx, [join(root, 'scripts/check.ts'), join(dir, 'unbalanced.json')], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', LC_ALL: '' } });
    expect(result.stdout).toMatch(/✗ alleen Patiënten dienen \(favour:patients\) haalt het einde in \d+% van de spellen; doel onder 10%\. Oorzaak: de keuzes die Patiënten blij maken, kosten geen andere meter\. Laat ze een andere meter kosten, zoals [\w ]+ \(die beëindigt de minste spellen\), bijvoorbeeld de (eerste|tweede|derde|vierde) keuze van kaart/);
    expect(result.stdout).toMatch(/\d van de 7 doelen gemist/);
    expect(result.status).toBe(1);
  }, 60_000);

  it('does not play a file with errors, and exits 2 on a usage error', () => {
    const broken = run('check.ts', ['tests/fixtures/broken.json', '--lang', 'en']);
    expect(broken.stdout).toContain('fix the errors first');
    expect(broken.status).toBe(1);
    expect(run('check.ts', ['levels/example.json', '--lang', 'de']).status).toBe(2);
    expect(run('check.ts', []).status).toBe(2);
  }, 60_000);

  it('reads --runs as it prints numbers (10.000, 10 000), and refuses what could be a decimal with the advice', () => {
    for (const runs of [['10.000'], ['10', '000']]) {
      const result = run('check.ts', ['levels/example.json', '--runs', ...runs, '--lang', 'nl']);
      expect(result.stdout).toContain('Balans (10.000 spellen per strategie, seed 1):');
      expect(result.status).toBe(0);
    }
    const decimal = run('check.ts', ['levels/example.json', '--runs', '2.5', '--lang', 'nl']);
    expect(decimal.stderr).toContain('--runs vraagt een heel aantal spellen van 10 tot 100000, alleen in cijfers, bijvoorbeeld --runs 25000 (gekregen: "2.5")');
    expect(decimal.status).toBe(2);
  }, 60_000);
});

describe('npm run strings', { timeout: 60_000 }, () => {
  it('imports a Dutch Excel sheet (Windows-1252, semicolons) and refuses one that lost letters, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strings-'));
    const scenario = join(dir, 'school.json');
    const original = readFileSync(join(root, 'levels/example.json'), 'utf8');
    writeFileSync(scenario, original);
    // "Leerlingen" becomes "Leerlingën" in a sheet saved as Windows-1252: ë is byte 0xEB there.
    const sheet = Buffer.from('id;nl;en\r\nmeters.pupils.label;Leerlingen;Pupils\r\n', 'latin1');
    writeFileSync(join(dir, 'good.csv'), Buffer.from(sheet.toString('latin1').replace('Leerlingen;', 'Leerlingën;'), 'latin1'));
    const good = run('strings.ts', ['import', scenario, join(dir, 'good.csv'), '--lang', 'nl']);
    expect(good.stdout).toContain('1 teksten bijgewerkt');
    expect(good.status).toBe(0);
    expect(JSON.parse(readFileSync(scenario, 'utf8')).meters[0].label.nl).toBe('Leerlingën');

    writeFileSync(scenario, original.replace('"nl": "Leerlingen"', '"nl": "Öğrenciler"'));
    const before = readFileSync(scenario, 'utf8');
    writeFileSync(join(dir, 'lost.csv'), Buffer.from('id;nl;en\r\nmeters.pupils.label;Ö?renciler;Pupils\r\n', 'latin1'));
    const lost = run('strings.ts', ['import', scenario, join(dir, 'lost.csv'), '--lang', 'nl']);
    expect(lost.stderr).toContain('regel 2: Excel heeft letters die het niet kan bewaren vervangen door "?"');
    expect(lost.stderr).toContain('er is niets weggeschreven');
    expect(lost.status).toBe(1);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });
});
