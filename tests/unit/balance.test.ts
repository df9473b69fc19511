import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBalance } from '../../src/engine/balance.ts';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { wordVerdict } from '../../src/locales/authoring.ts';

const load = (name: string): Scenario => {
  const r = validateScenarioText(readFileSync(new URL(`../../levels/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.scenario;
};

/** The hospital with the patients' choices made free: serving only the patients now wins. */
function unbalanced(): Scenario {
  const s = structuredClone(load('hospital'));
  for (const card of s.cards) {
    for (const choice of card.choices) {
      const effects = choice.effects ?? {};
      if ((effects.patients ?? 0) > 0) for (const [m, a] of Object.entries(effects)) if (a < 0) delete effects[m];
    }
  }
  return s;
}

describe('the balance check', { timeout: 60_000 }, () => {
  // With the defaults of npm run check, as a trainer runs it.
  it.each(['hospital', 'school', 'townhall', 'example'])('passes the shipped scenario %s', (name) => {
    const report = checkBalance(load(name), { runs: 1000, seed: '1' });
    expect(report.verdicts.filter((v) => !v.ok).map((v) => v.code)).toEqual([]);
  });

  it('judges every strategy: random, balanced and one per meter', () => {
    const report = checkBalance(load('hospital'), { runs: 100, seed: '1' });
    expect(report.verdicts.map((v) => v.strategy)).toEqual(['random', 'balanced', 'favour:patients', 'favour:insurer', 'favour:specialists', 'favour:nurses', 'favour:budget']);
  });

  it('fails an unbalanced copy, names the meter and says what to change, in Dutch and English', () => {
    const s = unbalanced();
    const report = checkBalance(s, { runs: 300, seed: '1' });
    const missed = report.verdicts.filter((v) => !v.ok);
    expect(missed.map((v) => v.strategy)).toContain('favour:patients');
    const patients = missed.find((v) => v.strategy === 'favour:patients')!;
    expect(patients.code).toBe('balanceFavourTooEasy');
    expect(wordVerdict(patients, s, 'en')).toMatch(/^serving only Patients \(favour:patients\) reaches the end in \d+% of games; target under 10%: make the choices that please Patients cost another meter, for example choice \d on card "[\w-]+" \(.*patients \+\d+.*\)$/);
    expect(wordVerdict(patients, s, 'nl')).toMatch(/^alleen Patiënten dienen \(favour:patients\) haalt het einde in \d+% van de spellen; doel onder 10%: laat de keuzes die Patiënten blij maken een andere meter kosten, bijvoorbeeld keuze \d op kaart "/);
    // The suggested choice is one players see as 1, 2, 3…, and it really helps the patients.
    const card = s.cards.find((c) => c.id === patients.params.card)!;
    const choice = card.choices[Number(patients.params.choice) - 1]!;
    expect(choice.effects!.patients).toBeGreaterThan(0);
  });

  it('calls a deck where random play nearly always wins too easy, and one where it nearly always loses hopeless', () => {
    const easy = structuredClone(load('hospital'));
    easy.turns = 12;
    for (const m of easy.meters) {
      delete m.onMin;
      delete m.onMax;
    }
    expect(checkBalance(easy, { runs: 100, seed: '1' }).verdicts[0]).toMatchObject({ ok: false, code: 'balanceRandomTooEasy' });
    const hard = structuredClone(load('hospital'));
    for (const m of hard.meters) m.start = (m.min ?? 0) + 3;
    const verdict = checkBalance(hard, { runs: 100, seed: '1' }).verdicts[0]!;
    expect(verdict).toMatchObject({ ok: false, code: 'balanceRandomTooHard' });
    expect(hard.meters.map((m) => m.id)).toContain(verdict.params.meter);
  });
});
