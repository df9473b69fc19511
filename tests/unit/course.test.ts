import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseOf, meterCourses } from '../../src/engine/course.ts';
import { replay } from '../../src/engine/game.ts';
import { card, makeScenario } from './scenarios.ts';

describe('a meter’s course, as a person would describe the chart', () => {
  it('finds the largest fall and the turns it began and ended on', () => {
    // 60 at the start, up a little, then down to 12 from week 3 to week 6, then up to 20.
    const values = [60, 60, 64, 64, 40, 30, 12, 20];
    expect(courseOf('teachers', values, [1, 2, 3, 4, 5, 6, 7])).toEqual({ meter: 'teachers', start: 60, end: 20, kind: 'fell', from: 64, to: 12, fromTurn: 3, toTurn: 6 });
  });

  it('counts a rise from the start, and names the turns the game really had', () => {
    expect(courseOf('pupils', [50, 55, 70, 70], [2, 4, 6])).toMatchObject({ kind: 'rose', from: 50, to: 70, fromTurn: 0, toTurn: 4 });
  });

  it('says a meter that never moved stayed where it was', () => {
    expect(courseOf('parents', [50, 50, 50], [1, 2])).toMatchObject({ kind: 'steady', start: 50, end: 50 });
    expect(courseOf('parents', [50], [])).toMatchObject({ kind: 'steady', start: 50, end: 50 });
  });

  it('takes the earlier of two equal moves', () => {
    expect(courseOf('m', [50, 40, 50, 40], [1, 2, 3])).toMatchObject({ kind: 'fell', fromTurn: 0, toTurn: 1 });
  });

  it('always names a move in one direction that is in the values and at least as large as any single step', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }), (values) => {
      const turns = values.slice(1).map((_, i) => i + 1);
      const course = courseOf('m', values, turns);
      expect(course.start).toBe(values[0]);
      expect(course.end).toBe(values[values.length - 1]);
      const largestStep = Math.max(0, ...values.slice(1).map((v, i) => Math.abs(v - values[i]!)));
      expect(Math.abs(course.to - course.from)).toBeGreaterThanOrEqual(largestStep);
      if (course.kind === 'steady') expect(new Set(values).size).toBe(1);
      else {
        const run = values.slice(course.fromTurn, course.toTurn + 1);
        expect(run[0]).toBe(course.from);
        expect(run[run.length - 1]).toBe(course.to);
        const steps = run.slice(1).map((v, i) => v - run[i]!);
        expect(steps.every((s) => (course.kind === 'rose' ? s >= 0 : s <= 0))).toBe(true);
        // Trimmed: it begins and ends with a move.
        expect(steps[0]).not.toBe(0);
        expect(steps[steps.length - 1]).not.toBe(0);
      }
    }), { numRuns: 300 });
  });

  it('describes every meter of a played game', () => {
    const choices = [{ label: 'x', effects: { a: 10, b: -2 } }, { label: 'y', effects: { a: -3, b: 1 } }];
    const scenario = makeScenario({
      stakeholders: [{ id: 'pupil', name: 'P', meter: 'a' }, { id: 'board', name: 'B', meter: 'b' }],
      cards: [card('c1', { from: 'pupil', choices }), card('c2', { from: 'board', choices })],
    });
    const result = replay(scenario, 'd', [0, 1, 0]);
    if (!result.ok) throw new Error('replay failed');
    // a: 50, 60, 57, 67 (two rises of 10: the first); b: 50, 48, 49, 47 (two falls of 2: the first).
    expect(meterCourses(scenario, result.state)).toEqual([
      { meter: 'a', start: 50, end: 67, kind: 'rose', from: 50, to: 60, fromTurn: 0, toTurn: 1 },
      { meter: 'b', start: 50, end: 47, kind: 'fell', from: 50, to: 48, fromTurn: 0, toTurn: 1 },
    ]);
  });
});
