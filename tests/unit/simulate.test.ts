import { describe, expect, it } from 'vitest';
import { describeCondition, findings } from '../../src/engine/findings.ts';
import { wordCoded } from '../../src/locales/authoring.ts';
import type { Condition } from '../../src/engine/format.ts';
import { parseStrategy, simulate } from '../../src/engine/simulate.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario({
  turns: 20,
  cards: [
    card('c1', { choices: [{ label: 'a up', effects: { a: 12, b: -6 } }, { label: 'b up', effects: { a: -6, b: 12 } }, { label: 'calm', effects: { a: 1, b: -1 } }] }),
    card('c2', { choices: [{ label: 'a up', effects: { a: 12, b: -6 } }, { label: 'b up', effects: { a: -6, b: 12 } }, { label: 'calm', effects: { a: -1, b: 1 } }] }),
    card('hidden', { when: { flag: 'nobody-sets-this' } }),
  ],
});

describe('the simulator', () => {
  it('reports every figure the CLI promises, the same for the same seed', () => {
    const report = simulate(scenario, { runs: 300, seed: '7', strategy: { kind: 'random' } });
    expect(Object.keys(report).sort()).toEqual(['cards', 'choices', 'completed', 'endedAt', 'endedBy', 'endings', 'meanTurns', 'runs', 'seed', 'strategy', 'turnLimit']);
    expect(report.runs).toBe(300);
    expect(Object.values(report.endings).reduce((a, b) => a + b, 0)).toBe(300);
    expect(report.cards.hidden).toBe(0);
    expect(report.choices.c1).toHaveLength(3);
    expect(simulate(scenario, { runs: 300, seed: '7', strategy: { kind: 'random' } })).toEqual(report);
  });

  it('plays balanced to the end, and cannot serve one master without losing another', () => {
    const balanced = simulate(scenario, { runs: 200, seed: '1', strategy: { kind: 'balanced' } });
    expect(balanced.completed).toBe(200);
    expect(balanced.meanTurns).toBe(20);
    const favourA = simulate(scenario, { runs: 200, seed: '1', strategy: { kind: 'favour', meter: 'a' } });
    expect(favourA.completed).toBe(0);
    expect(favourA.endedBy).toEqual({ b: 200 });
    expect(favourA.choices.c1![0]).toBeGreaterThan(0);
    expect(favourA.choices.c1![1]).toBe(0);
  });

  it('parses strategies and names a wrong meter', () => {
    expect(parseStrategy('favour:a', scenario)).toEqual({ kind: 'favour', meter: 'a' });
    expect(parseStrategy('favour:zz', scenario)).toEqual({ error: 'unknown meter "zz" in --strategy; meters: a, b' });
    expect(parseStrategy('greedy', scenario)).toHaveProperty('error');
  });

  it('explains in plain words why a card never showed and which meter ends games', () => {
    const report = simulate(scenario, { runs: 300, seed: '1', strategy: { kind: 'favour', meter: 'a' } });
    const notes = findings(scenario, report);
    const english = notes.map((n) => wordCoded(n, 'en'));
    expect(english).toContain('Card "hidden" was never drawn in 300 games: its condition needs flag "nobody-sets-this", which no choice sets.');
    expect(english).toContain('Meter "b" ends 100% of lost games: it runs dry: the choices that help other meters take from it (over all choices −18 against +30).');
    expect(notes.map((n) => wordCoded(n, 'nl'))).toContain('Kaart "hidden" is in 300 spellen nooit getrokken: zijn voorwaarde vraagt vlag "nobody-sets-this", en geen keuze zet die.');
  });

  it('describes a condition in words, never as JSON, with choices named by their place in the file (players see them shuffled)', () => {
    const condition: Condition = { all: [{ meter: 'a', below: 30 }, { any: [{ chose: 'c1', choice: 0 }, { not: { seen: 'c2' } }] }] };
    expect(wordCoded(describeCondition(condition), 'en')).toBe('"a" below 30 and the latest answer to card "c1" was its first choice in the file or not (card "c2" was shown)');
    expect(wordCoded(describeCondition(condition), 'nl')).toBe('"a" onder 30 en het laatste antwoord op kaart "c1" was de eerste keuze in het bestand of niet (kaart "c2" is geweest)');
  });
});
