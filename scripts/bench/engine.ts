/** Engine figures: simulation speed and validation time of a large scenario. */
import { simulate } from '../../src/engine/simulate.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';

/** A large, valid scenario: n cards over six meters, with conditions and follow-ups like a real deck. */
export function generatedScenario(cards: number): Scenario {
  const meters = ['pupils', 'parents', 'teachers', 'board', 'inspectorate', 'budget'];
  return {
    format: 1,
    id: `bench-${cards}`,
    title: { nl: 'Benchmark', en: 'Benchmark' },
    turns: 30,
    meters: meters.map((id) => ({ id, label: { nl: id, en: id }, icon: 'neutral', start: 50, onMin: `${id}-low`, onMax: `${id}-high` })),
    stakeholders: meters.map((id) => ({ id, name: { nl: id, en: id }, meter: id })),
    cards: Array.from({ length: cards }, (_, i) => ({
      id: `card-${i}`,
      from: meters[i % meters.length]!,
      text: { nl: `Kaart ${i}: een dilemma tussen twee heren.`, en: `Card ${i}: a dilemma between two masters.` },
      ...(i % 7 === 3 ? { when: { meter: meters[(i + 2) % 6]!, below: 60 } } : {}),
      ...(i % 11 === 5 ? { weight: 0 } : {}),
      tags: ['source:000'],
      choices: [
        {
          label: { nl: 'Kies de een', en: 'Pick one' },
          effects: { [meters[i % 6]!]: 8 + (i % 5), [meters[(i + 1) % 6]!]: -6 - (i % 4) },
          ...(i % 11 === 4 ? { next: { card: `card-${i + 1}`, after: 2 } } : {}),
          feedback: { nl: 'Gevolg.', en: 'Consequence.' },
          tags: ['friendly', 'user'],
        },
        {
          label: { nl: 'Kies de ander', en: 'Pick the other' },
          effects: { [meters[(i + 1) % 6]!]: 7 + (i % 3), [meters[i % 6]!]: -5 - (i % 6), [meters[(i + 3) % 6]!]: 2 },
          tags: ['more', 'payer'],
        },
      ],
    })),
    endings: [
      ...meters.flatMap((id) => [
        { id: `${id}-low`, title: 'Low', text: '…' },
        { id: `${id}-high`, title: 'High', text: '…' },
      ]),
      { id: 'survived', title: 'Survived', text: '…' },
    ],
    debrief: { tags: Object.fromEntries(['friendly', 'user', 'more', 'payer'].map((t) => [t, { label: t }])) },
  };
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

export function engineFigures(): string[] {
  const lines: string[] = [];
  const deck = generatedScenario(60);
  simulate(deck, { runs: 500, seed: 'warm-up', strategy: { kind: 'random' } });
  const [report, ms] = time(() => simulate(deck, { runs: 10_000, seed: 'bench', strategy: { kind: 'random' } }));
  const turns = report.meanTurns * report.runs;
  lines.push(`simulate: 10,000 games (60-card deck, 30 turns max, mean ${report.meanTurns.toFixed(1)} turns) in ${ms.toFixed(0)} ms = ${Math.round(turns / (ms / 1000)).toLocaleString('en')} turns/s   (aim: 10,000 games of 30 turns < 2000 ms)`);
  const full = generatedScenario(60);
  full.cards.forEach((c) => delete c.when);
  full.meters.forEach((m) => { delete m.onMin; delete m.onMax; });
  const [longReport, longMs] = time(() => simulate(full, { runs: 10_000, seed: 'bench', strategy: { kind: 'random' } }));
  lines.push(`simulate: 10,000 games that all last ${longReport.meanTurns.toFixed(0)} turns in ${longMs.toFixed(0)} ms = ${Math.round((longReport.meanTurns * 10_000) / (longMs / 1000)).toLocaleString('en')} turns/s`);
  const [balanced, balancedMs] = time(() => simulate(deck, { runs: 10_000, seed: 'bench', strategy: { kind: 'balanced' } }));
  lines.push(`simulate: 10,000 balanced games (mean ${balanced.meanTurns.toFixed(1)} turns) in ${balancedMs.toFixed(0)} ms`);

  const text = JSON.stringify(generatedScenario(1000), null, 2);
  for (let i = 0; i < 5; i++) validateScenarioText(text);
  const samples = Array.from({ length: 20 }, () => time(() => validateScenarioText(text))[1]).sort((a, b) => a - b);
  const result = validateScenarioText(text);
  lines.push(`validate: 1,000-card scenario (${(text.length / 1e6).toFixed(2)} MB, ${result.problems.length} problems) median ${samples[10]!.toFixed(1)} ms, worst ${samples[19]!.toFixed(1)} ms   (aim: < 100 ms)`);
  return lines;
}
