import { describe, expect, it } from 'vitest';
import { newGame } from '../../src/engine/game.ts';
import { previewChoice } from '../../src/engine/preview.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario({
  cards: [card('c1', { choices: [{ label: 'x', effects: { a: 15, b: -4 } }, { label: 'y', set: { f: true } }] }), card('c2', { choices: [{ label: 'x', effects: { a: 15, b: -4 } }, { label: 'y', set: { f: true } }] })],
});
const state = newGame(scenario, 's');

describe('what a player sees of a choice before taking it', () => {
  it('shows nothing with preview "none"', () => {
    expect(previewChoice(scenario, state, 0, 'none')).toEqual([]);
  });

  it('shows which meters move, sized by amount, with "which" (the default)', () => {
    const expected = [{ meter: 'a', size: 'large' }, { meter: 'b', size: 'small' }];
    expect(previewChoice(scenario, state, 0, 'which')).toEqual(expected);
    expect(previewChoice(scenario, state, 0)).toEqual(expected);
  });

  it('adds the direction with "direction" and the amount with "amount"', () => {
    expect(previewChoice(scenario, state, 0, 'direction')).toEqual([
      { meter: 'a', size: 'large', direction: 'up' },
      { meter: 'b', size: 'small', direction: 'down' },
    ]);
    expect(previewChoice(scenario, state, 0, 'amount')).toEqual([
      { meter: 'a', size: 'large', direction: 'up', amount: 15 },
      { meter: 'b', size: 'small', direction: 'down', amount: -4 },
    ]);
  });

  it('shows nothing for a choice that moves no meter or does not exist', () => {
    expect(previewChoice(scenario, state, 1, 'amount')).toEqual([]);
    expect(previewChoice(scenario, state, 7, 'amount')).toEqual([]);
  });
});
