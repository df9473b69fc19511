import { describe, expect, it } from 'vitest';
import { meterSeries, stakeholderShifts, tagProfile, weightiestChoices } from '../../src/engine/debrief.ts';
import { replay } from '../../src/engine/game.ts';
import { card, makeScenario } from './scenarios.ts';

const choices = [
  { label: 'x', effects: { a: 10, b: -2 }, tags: ['friendly', 'user'] },
  { label: 'y', effects: { a: -3, b: 1 }, tags: ['more'] },
];
const scenario = makeScenario({
  stakeholders: [{ id: 'pupil', name: 'P', meter: 'a' }, { id: 'board', name: 'B', meter: 'b' }, { id: 'none', name: 'N' }],
  cards: [card('c1', { from: 'pupil', choices }), card('c2', { from: 'board', choices })],
});

describe('the debrief', () => {
  const result = replay(scenario, 'd', [0, 1, 0]);
  if (!result.ok) throw new Error('replay failed');
  const state = result.state;

  it('has each meter from its start through every turn', () => {
    expect(meterSeries(scenario, state)).toEqual({ a: [50, 60, 57, 67], b: [50, 48, 49, 47] });
  });

  it('names whose customer the player was: stakeholders by what their meter gained', () => {
    expect(stakeholderShifts(scenario, state)).toEqual([
      { stakeholder: 'pupil', meter: 'a', change: 17 },
      { stakeholder: 'board', meter: 'b', change: -3 },
    ]);
  });

  it('counts the tags of the choices taken', () => {
    expect(tagProfile(scenario, state)).toEqual([
      { tag: 'friendly', count: 2 },
      { tag: 'user', count: 2 },
      { tag: 'more', count: 1 },
    ]);
  });

  it('lists the choices that moved the meters most', () => {
    const top = weightiestChoices(state, 2);
    expect(top.map((c) => [c.turn, c.weight])).toEqual([[1, 12], [3, 12]]);
    expect(top[0]!.deltas).toEqual({ a: 10, b: -2 });
  });
});
