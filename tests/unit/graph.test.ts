import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edgesOf, layoutGraph, neverDrawn, scenarioGraph } from '../../src/engine/graph.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { card, makeScenario } from './scenarios.ts';
import { en } from './words.ts';

const choices = (a: object, b: object = {}) => [{ label: 'x', effects: { a: 5 }, ...a }, { label: 'y', effects: { a: -5 }, ...b }];

describe('the scenario graph', () => {
  it('draws next links and the cards a condition depends on, each once', () => {
    const s = makeScenario({
      cards: [
        card('start', { choices: choices({ next: 'follow', set: { promise: true } }, { next: { card: 'follow', after: 3 } }) }),
        card('follow', { weight: 0 }),
        card('needs-flag', { when: { flag: 'promise' } }),
        card('needs-seen', { when: { any: [{ seen: 'start' }, { not: { chose: 'follow', choice: 1 } }] } }),
      ],
    });
    expect(edgesOf(s)).toEqual([
      { from: 'start', to: 'follow', kind: 'next' },
      { from: 'start', to: 'needs-flag', kind: 'flag', detail: 'promise' },
      { from: 'start', to: 'needs-seen', kind: 'seen' },
      { from: 'follow', to: 'needs-seen', kind: 'chose', detail: '1' },
    ]);
    const graph = scenarioGraph(s);
    expect(graph.nodes.map((n) => [n.id, n.depth, n.loose])).toEqual([
      ['start', 0, false],
      ['follow', 1, false],
      ['needs-flag', 1, false],
      ['needs-seen', 2, false],
    ]);
  });

  it('finds cards that can never be drawn, through a whole dead chain', () => {
    const s = makeScenario({
      cards: [
        card('c1'),
        card('orphan', { weight: 0, choices: choices({ next: 'after-orphan', set: { secret: true } }) }),
        card('after-orphan', { weight: 0 }),
        card('needs-secret', { when: { all: [{ flag: 'secret' }, { meter: 'a', above: 10 }] } }),
        card('needs-nothing-false', { when: { flag: 'never-set', is: false } }),
        card('needs-orphan-seen', { when: { seen: 'orphan' } }),
        card('either', { when: { any: [{ flag: 'nobody' }, { seen: 'c1' }] } }),
      ],
    });
    const never = neverDrawn(s);
    expect([...never.keys()].sort()).toEqual(['after-orphan', 'needs-orphan-seen', 'needs-secret', 'orphan']);
    expect(never.get('orphan')).toContain('weight 0');
    expect(never.get('needs-secret')).toContain('"secret"');
  });

  it('agrees with the validator about every card it warns can never be drawn', () => {
    for (const file of ['school', 'hospital', 'townhall', 'example']) {
      const result = validateScenarioText(readFileSync(join(import.meta.dirname, '../../levels', `${file}.json`), 'utf8'));
      if (!result.ok) throw new Error(file);
      const warned = result.problems.filter((p) => en(p).includes('can never be drawn')).map((p) => /card "([^"]+)"/.exec(en(p))![1]);
      const never = neverDrawn(result.scenario);
      for (const id of warned) expect(never.has(id!)).toBe(true);
    }
  });

  it('lays out a shipped scenario in a grid with every card in its own cell, chains before loose cards', () => {
    const result = validateScenarioText(readFileSync(join(import.meta.dirname, '../../levels/school.json'), 'utf8'));
    if (!result.ok) throw new Error('school');
    const graph = scenarioGraph(result.scenario);
    const layout = layoutGraph(graph, 12);
    expect(layout.placed).toHaveLength(result.scenario.cards.length);
    const cells = new Set(layout.placed.map((p) => `${p.column},${p.row}`));
    expect(cells.size).toBe(layout.placed.length);
    expect(layout.rows).toBeLessThanOrEqual(12);
    const column = new Map(layout.placed.map((p) => [p.id, p.column]));
    for (const node of graph.nodes) {
      if (node.loose) expect(column.get(node.id)!).toBeGreaterThanOrEqual(layout.looseFrom);
      else expect(column.get(node.id)!).toBeLessThan(layout.looseFrom);
    }
    // Links go rightwards, except those that close a loop.
    for (const edge of graph.edges.filter((e) => e.kind === 'next')) expect(column.get(edge.to)!).toBeGreaterThanOrEqual(column.get(edge.from)!);
  });

  it('survives loops and self-links', () => {
    const s = makeScenario({
      cards: [card('a1', { choices: choices({ next: 'b1' }) }), card('b1', { choices: choices({ next: 'a1' }, { next: 'b1' }) })],
    });
    const graph = scenarioGraph(s);
    expect(graph.nodes.map((n) => n.depth).sort()).toEqual([0, 1]);
    expect(layoutGraph(graph, 5).placed).toHaveLength(2);
  });
});
