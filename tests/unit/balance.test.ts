import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { balanceStrategies, checkBalance, gamesToSettle, judgeBalance, parseRuns, sideOf, wilson, type Verdict } from '../../src/engine/balance.ts';
import { simulate, type Strategy } from '../../src/engine/simulate.ts';
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

  it('fails an unbalanced copy, names the cause first, then choices that cost no other meter yet, in Dutch and English', () => {
    const s = unbalanced();
    const report = checkBalance(s, { runs: 300, seed: '1' });
    const missed = report.verdicts.filter((v) => !v.ok);
    expect(missed.map((v) => v.strategy)).toContain('favour:patients');
    const patients = missed.find((v) => v.strategy === 'favour:patients')!;
    expect(patients.code).toBe('balanceFavourCheap');
    expect(wordVerdict(patients, s, 'en')).toMatch(/^serving only Patients \(favour:patients\) reaches the end in \d+% of games; target under 10%\. Cause: the choices that please Patients cost no other meter\. Let them cost another meter, such as [\w ]+ \(it ends the fewest games\), for example the (first|second|third|fourth) choice of card "[\w-]+" \(.*patients \+\d+.*\)( and the (first|second|third|fourth) choice of card "[\w-]+" \(.*\))?$/);
    expect(wordVerdict(patients, s, 'nl')).toMatch(/^alleen Patiënten dienen \(favour:patients\) haalt het einde in \d+% van de spellen; doel onder 10%\. Oorzaak: de keuzes die Patiënten blij maken, kosten geen andere meter\. Laat ze een andere meter kosten, zoals [\w ]+ \(die beëindigt de minste spellen\), bijvoorbeeld de (eerste|tweede|derde|vierde) keuze van kaart "/);
    // Each example is a choice by its place in the file (counted from 1) that helps the patients and costs no other meter.
    expect(patients.examples!.length).toBeGreaterThan(0);
    for (const example of patients.examples!) {
      const choice = s.cards.find((c) => c.id === example.card)!.choices[example.choice - 1]!;
      expect(choice.effects!.patients).toBeGreaterThan(0);
      expect(Object.entries(choice.effects!).filter(([m, a]) => m !== 'patients' && a < 0)).toEqual([]);
    }
  });

  it('names a meter that few cards move as the cause: serving it is random play on the other cards', () => {
    const s = structuredClone(load('hospital'));
    const keep = new Set(s.cards.filter((c) => c.choices.some((ch) => (ch.effects?.budget ?? 0) !== 0)).slice(0, 2).map((c) => c.id));
    for (const card of s.cards) if (!keep.has(card.id)) for (const choice of card.choices) delete choice.effects?.budget;
    const verdict = checkBalance(s, { runs: 300, seed: '1' }).verdicts.find((v) => v.strategy === 'favour:budget')!;
    expect(verdict).toMatchObject({ ok: false, code: 'balanceFavourFewCards', params: { touching: 2, cards: s.cards.length } });
    expect(wordVerdict(verdict, s, 'en')).toContain(`Cause: only 2 of ${s.cards.length} cards move Board and budget, and on the others a player who serves only Board and budget chooses at random.`);
    expect(wordVerdict(verdict, s, 'nl')).toContain(`Oorzaak: maar 2 van de ${s.cards.length} kaarten bewegen Bestuur en begroting, en op de andere kiest wie alleen Bestuur en begroting dient willekeurig.`);
  });

  it('never goes round in circles: following its advice again and again changes a new choice each time until the target is met', () => {
    const s = unbalanced();
    const strategies: Strategy[] = [{ kind: 'random' }, { kind: 'balanced' }, { kind: 'favour', meter: 'patients' }];
    const suggested = new Set<string>();
    let verdict: Verdict | undefined;
    for (let round = 0; round < 40; round++) {
      verdict = judgeBalance(s, strategies.map((strategy) => simulate(s, { runs: 200, seed: '1', strategy }))).verdicts[2]!;
      if (verdict.ok || verdict.code === 'balanceFavourCostly') break;
      for (const example of verdict.examples!) {
        const key = `${example.card}/${example.choice}`;
        expect(suggested.has(key), `${key} suggested twice`).toBe(false);
        suggested.add(key);
        // Followed as written: the choice now costs the meter it names as much as it gives the patients.
        const effects = s.cards.find((c) => c.id === example.card)!.choices[example.choice - 1]!.effects!;
        const other = String(verdict.params.other);
        expect(other).not.toBe('patients');
        effects[other] = -effects.patients!;
      }
    }
    expect(verdict!.ok).toBe(true);
  }, 120_000);
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

describe('a verdict as sure as the games allow (Wilson score interval)', () => {
  const hospital = load('hospital');
  /** The check's reports with the favour:nurses share set to `completed` of `runs` games. */
  const judged = (completed: number, runs: number) => {
    const reports = balanceStrategies(hospital).map((strategy) => simulate(hospital, { runs: 20, seed: '1', strategy }));
    const i = reports.findIndex((r) => r.strategy === 'favour:nurses');
    reports[i] = { ...reports[i]!, runs, completed };
    return judgeBalance(hospital, reports).verdicts.find((v) => v.strategy === 'favour:nurses')!;
  };

  it('gives the textbook interval', () => {
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilson(50, 100).low).toBeCloseTo(0.4038, 3);
    expect(wilson(50, 100).high).toBeCloseTo(0.5962, 3);
  });

  it('calls 10.9% against a target under 10% a firm miss at 25,000 games, and open at 1000, saying how many games would settle it', () => {
    const firm = judged(2725, 25_000);
    expect(firm.ok).toBe(false);
    expect(firm.open).toBeUndefined();
    const open = judged(109, 1000);
    expect(open).toMatchObject({ ok: true, open: true, code: 'balanceFavourEdge', params: { share: 10.9 } });
    const runs = Number(open.params.runs);
    expect(runs).toBeGreaterThan(1000);
    expect(runs).toBeLessThanOrEqual(25_000);
    // The advised number of games settles it at the same share, and is printed as digits only.
    expect(sideOf(0.109 * runs, runs, 0.1)).toBe('above');
    expect(wordVerdict(open, hospital, 'nl')).toContain(`10,9% van de spellen; doel onder 10%: nog niet te zeggen (toeval kan het aan beide kanten zetten); controleer met --runs ${runs} om het te weten.`);
    expect(wordVerdict(open, hospital, 'en')).toContain(`10.9% of games; target under 10%: not settled yet (chance could put it on either side); check with --runs ${runs} to know.`);
    expect(wordVerdict(judged(2000, 20_000), hospital, 'en')).toContain('it sits right at the target, so more games will not tell');
  });

  it('gets firmer with more games: a share that is open at 1000 is settled at 100,000', () => {
    expect(sideOf(95, 1000, 0.1)).toBe('open');
    expect(sideOf(9500, 100_000, 0.1)).toBe('below');
    expect(gamesToSettle(0.095, 0.1)).toBeGreaterThan(1000);
  });

  it('reads a number of games as the tools print it, and nothing that could be a decimal', () => {
    for (const text of ['25000', '25.000', '25,000', '25 000', "25'000", '25\u00A0000']) expect(parseRuns(text), text).toBe(25_000);
    expect(parseRuns('1.000.000')).toBe(1_000_000);
    // Any whole number, grouped by three with any one of the separators people write, reads back as itself.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom('', '.', ',', ' ', "'", '\u00A0'), (n, separator) => {
        expect(parseRuns(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator))).toBe(n);
      }),
    );
    for (const text of ['2.5', '25.00', '1,5', '25.000,0', '25.000 000', '', '-5', '1e4']) expect(parseRuns(text), text).toBeNull();
  });
});
