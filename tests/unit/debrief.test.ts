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

  it('names who the player\'s customer was: stakeholders by what their meter gained', () => {
    expect(stakeholderShifts(scenario, state)).toEqual([
      { stakeholder: 'pupil', meter: 'a', change: 17 },
      { stakeholder: 'board', meter: 'b', change: -3 },
    ]);
  });

  it('lists only stakeholders the player met, one per meter: the one met most often', () => {
    const crowded = makeScenario({
      stakeholders: [
        { id: 'never', name: 'Never met', meter: 'a' },
        { id: 'once', name: 'Met once', meter: 'a' },
        { id: 'twice', name: 'Met twice', meter: 'a' },
        { id: 'unmet-b', name: 'Never met either', meter: 'b' },
      ],
      cards: [card('c1', { from: 'once', choices }), card('c2', { from: 'twice', choices }), card('c3', { from: 'never', choices, weight: 0 }), card('c4', { from: 'unmet-b', choices, weight: 0 })],
    });
    const played = replay(crowded, 'd', [0, 0, 0]);
    if (!played.ok) throw new Error('replay failed');
    const met = played.state.history.map((h) => h.card);
    const shifts = stakeholderShifts(crowded, played.state);
    expect(shifts.map((s) => s.meter)).toEqual(['a']);
    const once = met.filter((c) => c === 'c1').length;
    expect(shifts[0]!.stakeholder).toBe(once >= 2 ? 'once' : 'twice');
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
