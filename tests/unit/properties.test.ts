import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { choose, newGame } from '../../src/engine/game.ts';
import { meterBounds } from '../../src/engine/meters.ts';
import { previewChoice } from '../../src/engine/preview.ts';
import { loadGame, saveGame } from '../../src/engine/save.ts';
import type { GameState } from '../../src/engine/state.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { choicesArb, scenarioArb } from './arbitraries.ts';
import { en } from './words.ts';

function playAll(scenario: Scenario, seed: string, choices: number[], check?: (state: GameState) => void): GameState {
  let state = newGame(scenario, seed);
  check?.(state);
  for (const index of choices) {
    const before = JSON.stringify(state);
    const result = choose(scenario, state, index);
    if (result.ok) state = result.state;
    else expect(JSON.stringify(state)).toBe(before);
    check?.(state);
  }
  return state;
}

describe('properties of any valid scenario', { timeout: 60_000 }, () => {
  it('generated scenarios pass the validator without errors', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = validateScenarioText(JSON.stringify(scenario, null, 2));
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('random choices never put a meter outside its bounds, never produce NaN and never throw', () => {
    fc.assert(
      fc.property(scenarioArb, fc.string(), choicesArb, (scenario, seed, choices) => {
        playAll(scenario, seed, choices, (state) => {
          for (const meter of scenario.meters) {
            const value = state.meters[meter.id]!;
            const { min, max } = meterBounds(meter);
            expect(Number.isFinite(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(min);
            expect(value).toBeLessThanOrEqual(max);
          }
          if (scenario.turns !== undefined) expect(state.history.length).toBeLessThanOrEqual(scenario.turns);
          expect(state.end === null).toBe(state.current !== null);
          for (let i = 0; i < 4; i++) previewChoice(scenario, state, i).forEach((p) => expect(scenario.meters.map((m) => m.id)).toContain(p.meter));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('replays exactly from the seed and the choices', () => {
    fc.assert(
      fc.property(scenarioArb, fc.string(), choicesArb, (scenario, seed, choices) => {
        expect(playAll(scenario, seed, choices)).toEqual(playAll(scenario, seed, choices));
      }),
      { numRuns: 200 },
    );
  });

  it('survives a JSON round trip and a save/load, and plays on the same after it', () => {
    fc.assert(
      fc.property(scenarioArb, fc.string(), choicesArb, choicesArb, (scenario, seed, first, rest) => {
        const state = playAll(scenario, seed, first);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        const loaded = loadGame(scenario, saveGame(state));
        expect(loaded.ok).toBe(true);
        if (!loaded.ok) return;
        let a = state;
        let b = loaded.state;
        for (const index of rest) {
          const ra = choose(scenario, a, index);
          const rb = choose(scenario, b, index);
          expect(rb).toEqual(ra);
          if (ra.ok && rb.ok) [a, b] = [ra.state, rb.state];
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the validator on damaged files', { timeout: 60_000 }, () => {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '-', '1e999', 'null', '"__proto__"', '\\u0000', '\n', ' ', '"x": 1,') }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  );

  it('always answers with errors (each with a line and column) or a valid scenario, and never throws', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), (scenario, mutations) => {
        let text = JSON.stringify(scenario, null, 2);
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          if (m.kind === 'truncate') text = text.slice(0, at);
          else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
          else if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
          else {
            const o = m.other % Math.max(1, text.length);
            const chars = [...text];
            [chars[at % Math.max(1, chars.length)], chars[o]] = [chars[o]!, chars[at % Math.max(1, chars.length)]!];
            text = chars.join('');
          }
        }
        const result = validateScenarioText(text);
        if (result.ok) {
          expect(result.scenario).toBeTypeOf('object');
          expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          const lines = text.split('\n').length;
          for (const p of result.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines);
            expect(p.column).toBeGreaterThanOrEqual(1);
            expect(en(p).length).toBeGreaterThan(5);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
