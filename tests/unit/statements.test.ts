/** Before-and-after statements in the scenario format: checked like every field, with the place and the fix in both languages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { formatProblem } from '../../src/locales/authoring.ts';

const example = readFileSync(new URL('../../levels/example.json', import.meta.url), 'utf8');

describe('debrief.statements', () => {
  it('every shipped scenario carries three to five statements in Dutch and English', () => {
    for (const name of ['school', 'hospital', 'townhall', 'example']) {
      const result = validateScenarioText(readFileSync(new URL(`../../levels/${name}.json`, import.meta.url), 'utf8'));
      expect(result.ok, name).toBe(true);
      const statements = result.ok ? result.scenario.debrief?.statements ?? [] : [];
      expect(statements.length, name).toBeGreaterThanOrEqual(3);
      expect(statements.length, name).toBeLessThanOrEqual(5);
      for (const s of statements) expect(typeof s === 'object' && s.nl && s.en, name).toBeTruthy();
    }
  });

  it('a statement that is not a text, or an empty list, is an error at its line and column, said in Dutch and English', () => {
    const wrong = example.replace('"statements": [\n', '"statements": [\n      42,\n');
    const result = validateScenarioText(wrong);
    expect(result.ok).toBe(false);
    const line = wrong.split('\n').findIndex((l) => l.trim() === '42,') + 1;
    const problem = result.problems.find((p) => p.severity === 'error')!;
    expect(problem).toMatchObject({ line, column: 7 });
    expect(formatProblem('example.json', problem, 'en')).toMatch(new RegExp(`^example\\.json:${line}:7: error: .*text`));
    expect(formatProblem('example.json', problem, 'nl')).toMatch(new RegExp(`^example\\.json:${line}:7: error: hier hoort een tekst.*debrief\\.statements\\[0\\]`));
    const empty = validateScenarioText(example.replace(/"statements": \[[^\]]*\]/, '"statements": []'));
    expect(empty.ok).toBe(false);
  });

  it('a statement in one language only is a warning that names the missing language', () => {
    const one = validateScenarioText(example.replace('{ "nl": "Collega\'s zijn ook klanten.", "en": "Colleagues are customers too." }', '{ "nl": "Collega\'s zijn ook klanten." }'));
    expect(one.ok).toBe(true);
    const warning = one.problems.find((p) => p.severity === 'warning')!;
    expect(formatProblem('example.json', warning, 'en')).toMatch(/warning: no "en" text here.*debrief\.statements\[2\]/);
  });
});
