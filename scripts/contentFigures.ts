/**
 * npx tsx scripts/contentFigures.ts [--write]
 * The simulator's figures in docs/content.md, made again from the shipped files: the share of random
 * games that draw each card (the last column of the card tables), and per scenario a balance section
 * (every strategy's share reaching the last turn, its endings and the meters that end lost games).
 * Without --write it prints what it would change; with it, the document is rewritten in place, so its
 * figures never describe an older version of the files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../src/engine/format.ts';
import { simulate, strategyName, type SimulationReport, type Strategy } from '../src/engine/simulate.ts';
import { loadScenarioFile } from './lib/files.ts';

const ROOT = join(import.meta.dirname, '..');
const DOC = join(ROOT, 'docs', 'content.md');
const RUNS = 10_000;
const SEED = '1';
/** The document's sections, by the heading that opens each, and the balance heading inside it. */
const SCENARIOS = [
  { file: 'levels/school.json', heading: '## School scenario', balance: '### 2. Balance' },
  { file: 'levels/hospital.json', heading: '## Hospital scenario', balance: '### 2. Balance' },
  { file: 'levels/townhall.json', heading: '## Town hall scenario', balance: '### 2. Balance' },
] as const;

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

function strategies(scenario: Scenario): Strategy[] {
  return [{ kind: 'random' }, { kind: 'balanced' }, ...scenario.meters.map((m): Strategy => ({ kind: 'favour', meter: m.id }))];
}

function byCount(record: Record<string, number>): [string, number][] {
  return Object.entries(record).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function balanceSection(file: string, scenario: Scenario, reports: SimulationReport[]): string {
  const last = scenario.turns ? `turn ${scenario.turns}` : 'the last card';
  const rows = reports.map((r) => {
    const lost = r.runs - r.completed;
    const endings = byCount(r.endings).map(([id, n]) => `${id} ${pct(n, r.runs)}`).join(', ');
    const meters = lost === 0 ? '—' : byCount(r.endedBy).map(([id, n]) => `${id} ${pct(n, lost)}`).join(', ');
    return `| \`${r.strategy}\` | ${pct(r.completed, r.runs)} | ${r.meanTurns.toFixed(1)} | ${endings} | ${meters} |`;
  });
  const random = reports[0]!;
  const rarest = byCount(random.cards).at(-1);
  const neverDrawn = scenario.cards.filter((c) => !(random.cards[c.id] ?? 0)).map((c) => c.id);
  const reached = new Set(reports.flatMap((r) => Object.keys(r.endings).filter((id) => r.endings[id]! > 0)));
  const lostRandom = random.runs - random.completed;
  const topMeter = byCount(random.endedBy)[0];
  return [
    `${RUNS.toLocaleString('en')} games per strategy, seed ${SEED}: \`npm run simulate -- ${file} --runs ${RUNS} --seed ${SEED} --strategy <strategy> --json\`.`,
    `Made again from the current file by \`npx tsx scripts/contentFigures.ts --write\`.`,
    '',
    `| strategy | reached ${last} | mean length | endings (share of all games) | lost games ended by meter (share of lost games) |`,
    '|---|---:|---:|---|---|',
    ...rows,
    '',
    'The balance bounds of `tests/unit/content.test.ts`:',
    '',
    `- random play reaches the last turn in 20–60% of games: **${pct(random.completed, random.runs)}**`,
    `- every \`favour:<meter>\` under 10%: **${reports.slice(2).map((r) => `${r.strategy.replace('favour:', '')} ${pct(r.completed, r.runs)}`).join(', ')}**`,
    `- balanced at least 60%: **${pct(reports[1]!.completed, reports[1]!.runs)}**`,
    `- every card drawn in at least 1% of random games: ${neverDrawn.length > 0 ? `**never drawn: ${neverDrawn.join(', ')}**` : `rarest is \`${rarest?.[0]}\` in **${pct(rarest?.[1] ?? 0, random.runs)}**`}`,
    `- every ending reached by some strategy: **${(scenario.endings ?? []).filter((e) => reached.has(e.id)).length} of ${(scenario.endings ?? []).length}**`,
    `- no meter ends more than half of the lost random games: largest is \`${topMeter?.[0]}\` with **${pct(topMeter?.[1] ?? 0, lostRandom)}**`,
    '',
  ].join('\n');
}

function rewrite(doc: string): { doc: string; changed: number } {
  let changed = 0;
  let out = doc;
  for (const entry of SCENARIOS) {
    const loaded = loadScenarioFile(join(ROOT, entry.file));
    if (!loaded.scenario) throw new Error(`${entry.file} does not validate`);
    const scenario = loaded.scenario;
    const reports = strategies(scenario).map((strategy) => ({ ...simulate(scenario, { runs: RUNS, seed: SEED, strategy }), strategy: strategyName(strategy) }));
    const start = out.indexOf(entry.heading);
    if (start < 0) throw new Error(`no section "${entry.heading}" in docs/content.md`);
    const next = out.indexOf('\n## ', start + entry.heading.length);
    const end = next < 0 ? out.length : next + 1;
    let section = out.slice(start, end);
    // The card tables' last column: the share of random games that drew the card.
    section = section.replace(/^(\| `([a-z0-9-]+)` \|.*\| )([\d.]+)%( \|)$/gm, (line, head: string, id: string, old: string, tail: string) => {
      if (!scenario.cards.some((c) => c.id === id)) return line;
      const now = pct(reports[0]!.cards[id] ?? 0, RUNS).replace('%', '');
      if (now !== old) changed++;
      return `${head}${now}%${tail}`;
    });
    // The balance section, up to the next heading: made anew, keeping the prose paragraphs without figures.
    const b = section.indexOf(entry.balance);
    if (b >= 0) {
      const headingEnd = section.indexOf('\n', b) + 1;
      const nextHeading = section.slice(headingEnd).search(/\n#{2,3} /);
      const bodyEnd = nextHeading < 0 ? section.length : headingEnd + nextHeading + 1;
      const prose = section.slice(headingEnd, bodyEnd).split(/\n\s*\n/).map((p) => p.trim()).filter((p) => /^Notes on /.test(p));
      const body = `\n${balanceSection(entry.file, scenario, reports)}${prose.length > 0 ? `\n${prose.join('\n\n')}\n` : ''}\n`;
      if (section.slice(headingEnd, bodyEnd) !== body) changed++;
      section = section.slice(0, headingEnd) + body + section.slice(bodyEnd);
    }
    out = out.slice(0, start) + section + out.slice(end);
  }
  return { doc: out, changed };
}

const result = rewrite(readFileSync(DOC, 'utf8'));
if (process.argv.includes('--write')) {
  writeFileSync(DOC, result.doc);
  console.log(`docs/content.md: ${result.changed} figures or sections made again`);
} else console.log(result.doc);
