import { describe, expect, it } from 'vitest';
import { choose, newGame } from '../../src/engine/game.ts';
import { loadGame, saveGame } from '../../src/engine/save.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario();

function midGame() {
  let state = newGame(scenario, 'save-test');
  for (const index of [0, 1, 0]) {
    const result = choose(scenario, state, index);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  return state;
}

describe('saving and loading', () => {
  it('restores exactly the same game, which then plays on identically', () => {
    const state = midGame();
    const loaded = loadGame(scenario, saveGame(state));
    expect(loaded).toEqual({ ok: true, state });
    if (!loaded.ok) return;
    const a = choose(scenario, state, 1);
    const b = choose(scenario, loaded.state, 1);
    expect(b).toEqual(a);
  });

  it.each([
    ['not JSON', '{"version": 1,', 'notReadable', /not readable JSON/],
    ['another format version', JSON.stringify({ ...midGame(), version: 99 }), 'otherVersion', /format version 99; this game reads version 1/],
    ['a damaged field', JSON.stringify({ ...midGame(), rng: 'abc' }), 'damaged', /damaged: rng expectedWholeNumber/],
    ['another scenario', JSON.stringify({ ...midGame(), scenario: 'other' }), 'otherScenario', /belongs to scenario "other"/],
    ['a meter outside its range', JSON.stringify({ ...midGame(), meters: { a: 500, b: 50 } }), 'scenarioChanged', /meter "a" at 500/],
    ['an unknown card', JSON.stringify({ ...midGame(), current: { card: 'gone' } }), 'scenarioChanged', /card "gone"/],
    ['a prototype key', '{"__proto__": {}}', 'notReadable', /not readable JSON/],
  ])('refuses %s with the kind of problem and the technical reason', (_, text, problem, reason) => {
    const loaded = loadGame(scenario, text);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problem).toBe(problem);
    expect(!loaded.ok && loaded.reason).toMatch(reason);
  });

  it('refuses a save whose cards no longer exist in a changed scenario', () => {
    const changed = makeScenario({ cards: [card('new1'), card('new2')] });
    expect(loadGame(changed, saveGame(midGame()))).toMatchObject({ ok: false, reason: expect.stringMatching(/card "c[123]"/) });
  });
});
