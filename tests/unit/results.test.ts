/**
 * The results files: the CSV read back as Dutch Excel reads it (`;`, UTF-8 with its byte-order mark),
 * every figure equal to the engine's decisions; a team name or an answer that looks like a formula is
 * made harmless; the open answers file; the time per decision, and saves from before it still load.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownOrder } from '../../src/engine/game.ts';
import { setCount, setSourceCounts } from '../../src/engine/votes.ts';
import { decide, startWorkshop, type Workshop } from '../../src/engine/workshop.ts';
import { loadWorkshop, saveWorkshop } from '../../src/engine/workshopSave.ts';
import { answersCsv, BOM, decisionsCsv, ratingsCsv, resultsJson, safeCell } from '../../src/report/results.ts';
import { renderReport } from '../../src/report/report.ts';
import type { AskedQuestion } from '../../src/session/openQuestions.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario({
  turns: 4,
  cards: [
    card('c1', { text: { nl: 'De ouders willen één loket; "snel"', en: 'Parents want one desk' }, choices: [{ label: { nl: 'Ja, één loket', en: 'Yes' }, effects: { a: 5 } }, { label: 'Nee', effects: { b: 5 } }, { label: '=1+1', effects: { a: -5 } }] }),
    card('c2'),
    card('c3'),
  ],
});
/** One card only (the others are never drawn), so the test knows which texts the rows hold. */
const oneCard: typeof scenario = { ...scenario, cards: [scenario.cards[0]!, card('c2', { weight: 0 })] };

/** Excel's reading of the file: the byte-order mark says UTF-8, `;` separates fields. */
function readAsExcel(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  return parse(text, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
}

interface Play {
  teams: string[];
  cards: { phones: number[]; hands: number[]; seconds: number; guess: boolean }[];
}

function play({ teams, cards }: Play, deck = scenario): Workshop {
  let w = startWorkshop(deck, { teams, mode: teams.length > 1 ? 'turns' : 'together', preview: 'scenario', timer: 0 }, 'results-seed');
  for (const c of cards) {
    const choices = 3;
    w = { ...w, tally: setSourceCounts(w.tally, 'phones', c.phones.slice(0, choices)) };
    c.hands.slice(0, choices).forEach((n, i) => (w = { ...w, tally: setCount(w.tally, i, n) }));
    if (c.guess) w = { ...w, guess: 'b' };
    const result = decide(deck, w, 0, c.seconds);
    if (!result.ok) {
      if (result.reason === 'error') break;
      const tied = result.reason === 'tie' ? result.tied[0]! : 0;
      const picked = decide(deck, w, tied, c.seconds);
      if (!picked.ok) break;
      w = picked.workshop;
    } else w = result.workshop;
  }
  return w;
}

const input = (workshop: Workshop, questions: AskedQuestion[] = [], deck = scenario) => ({ scenario: deck, workshop, questions, language: 'nl' as const, date: new Date(2026, 11, 6) });

describe('the results CSV', () => {
  it('opens as Excel reads it, and every figure is the engine\'s', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 3 });
    const name = fc.oneof(fc.constantFrom('Rood', 'Blauw; "B"', '=SUM(A1)', '-2', '@team', 'Gröen\nlijn'), fc.string({ maxLength: 12 }));
    fc.assert(fc.property(fc.array(name, { minLength: 1, maxLength: 3 }), fc.array(fc.record({ phones: counts, hands: counts, seconds: fc.integer({ min: 0, max: 900 }), guess: fc.boolean() }), { minLength: 1, maxLength: 6 }), (teams, cards) => {
      const workshop = play({ teams, cards });
      const rows = readAsExcel(decisionsCsv(input(workshop)));
      const header = rows[0]!;
      const column = (name: string) => {
        const at = header.indexOf(name);
        expect(at, name).toBeGreaterThanOrEqual(0);
        return at;
      };
      const decisions = workshop.teams.flatMap((team) => team.decisions.map((d) => ({ team: team.name, d })));
      expect(rows.length - 1).toBe(decisions.length);
      decisions.forEach(({ team, d }, i) => {
        const row = rows[i + 1]!;
        expect(row.length).toBe(header.length);
        expect(row[column('Team')]).toBe(safeCell(team));
        expect(Number(row[column('Beurt')])).toBe(d.turn);
        expect(row[column('Kaart')]).toBe(d.card);
        const order = shownOrder(scenario.cards.find((c) => c.id === d.card)!, d.order);
        order.forEach((file, position) => {
          const phones = d.vote.phones?.[file] ?? 0;
          const total = d.vote.counts?.[file] ?? 0;
          expect(Number(row[column(`Keuze ${position + 1}: stemmen per telefoon`)])).toBe(phones);
          expect(Number(row[column(`Keuze ${position + 1}: met de hand geteld`)])).toBe(total - phones);
        });
        expect(Number(row[column('Besluit (nummer)')])).toBe(order.indexOf(d.choice) + 1);
        expect(row[column('Hoe besloten')]).toBe({ majority: 'meerderheid van de stemmen', tie: 'gelijke stand, de trainer koos', trainer: 'geen stemmen, de trainer koos' }[d.how.by]);
        expect(Number(row[column('Seconden')])).toBe(d.seconds);
        expect(row[column('Gok van de zaal: wint het meest')]).toBe(d.vote.guess ? 'B' : '');
      });
    }), { numRuns: 40 });
  }, 60_000);

  it('keeps Dutch letters, quotes and separators inside their cells, and writes no formula', () => {
    const workshop = play({ teams: ['=HYPERLINK("http://x")', 'Blauw'], cards: [{ phones: [3, 1, 0], hands: [1, 0, 2], seconds: 42, guess: true }, { phones: [0, 0, 0], hands: [0, 0, 0], seconds: 7, guess: false }] }, oneCard);
    const text = decisionsCsv(input(workshop, [], oneCard));
    const rows = readAsExcel(text);
    expect(rows[1]![0]).toBe('\'=HYPERLINK("http://x")');
    expect(rows.flat()).toContain('De ouders willen één loket; "snel"');
    expect(rows.flat()).toContain('\'=1+1');
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    // Whole numbers only: nothing for a Dutch Excel to misread as a decimal.
    expect(rows[1]!.join(' ')).toContain('42');
    expect(text).toContain('\r\n');
  });

  it('the open answers in their own file, hidden ones marked, nothing run as a formula; the JSON has the same', () => {
    const workshop = play({ teams: ['Zaal'], cards: [] });
    const questions: AskedQuestion[] = [{ id: 'q1.a', kind: 'opening', text: { nl: 'Wie is jouw klant?', en: 'Who is your customer?' }, answers: [
      { id: 'x1', text: 'de burger', hidden: false, at: Date.UTC(2026, 11, 6, 9, 0, 0) },
      { id: 'x2', text: '<script>alert(1)</script>', hidden: true, at: Date.UTC(2026, 11, 6, 9, 0, 5) },
      { id: 'x3', text: '-1 voor de klant', hidden: false, at: Date.UTC(2026, 11, 6, 9, 0, 9) },
    ] }];
    const rows = readAsExcel(answersCsv(input(workshop, questions)));
    expect(rows[0]).toEqual(['Vraag', 'Soort', 'Antwoord', 'Verborgen', 'Tijd']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['Wie is jouw klant?', 'openingsvraag', 'de burger', 'nee'],
      ['Wie is jouw klant?', 'openingsvraag', '<script>alert(1)</script>', 'ja'],
      ['Wie is jouw klant?', 'openingsvraag', '\'-1 voor de klant', 'nee'],
    ]);
    const json = JSON.parse(resultsJson(input(workshop, questions))) as { questions: { answers: { text: string; hidden: boolean }[] }[] };
    expect(json.questions[0]!.answers.map((a) => a.text)).toEqual(['de burger', '<script>alert(1)</script>', '-1 voor de klant']);
  });
});

describe('time per decision', () => {
  it('is kept with the decision and saved; a save from before it loads, without a time', () => {
    const workshop = play({ teams: ['Rood'], cards: [{ phones: [2, 0, 0], hands: [0, 0, 0], seconds: 61.4, guess: false }] });
    expect(workshop.teams[0]!.decisions[0]!.seconds).toBe(61);
    const saved = { workshop, room: { phase: 'deciding' as const, revealTeam: null, slide: 0, timer: { left: 0, running: false }, votingClosed: false } };
    const find = (id: string) => (id === scenario.id ? scenario : undefined);
    const loaded = loadWorkshop(find, saveWorkshop(saved));
    expect(loaded.ok && loaded.saved.workshop.teams[0]!.decisions[0]!.seconds).toBe(61);
    const old = JSON.parse(saveWorkshop(saved)) as { workshop: Workshop };
    delete old.workshop.teams[0]!.decisions[0]!.seconds;
    const before = loadWorkshop(find, JSON.stringify(old));
    expect(before.ok).toBe(true);
    const rows = readAsExcel(decisionsCsv(input(before.ok ? before.saved.workshop : workshop)));
    expect(rows[1]![rows[0]!.indexOf('Seconden')]).toBe('');
  });
});

describe('before and after in the files and the report', () => {
  const rated = { ...scenario, debrief: { statements: [{ nl: 'De burger is een klant.', en: 'The citizen is a customer.' }, { nl: '=Wie betaalt, bepaalt.', en: 'Whoever pays calls the tune.' }] } };
  const ratings = { before: [[2, 1, 0, 0, 2], [0, 0, 1, 3, 1]], after: [[0, 0, 1, 2, 2], [1, 1, 1, 1, 1]] };
  const questions: AskedQuestion[] = [{ id: 'q1.a', kind: 'typed', text: { nl: 'Wat neem je mee?', en: 'What do you take home?' }, answers: [{ id: 'x1', text: '<img src=x onerror=alert(1)>', hidden: false, at: 0 }, { id: 'x2', text: 'luisteren', hidden: true, at: 0 }] }];

  it('the ratings file has a row per statement and moment, with the phones per rating', () => {
    const workshop = play({ teams: ['Zaal'], cards: [] }, rated);
    const rows = readAsExcel(ratingsCsv({ ...input(workshop, [], rated), ratings }));
    expect(rows).toEqual([
      ['Stelling', 'Wanneer', '1', '2', '3', '4', '5', 'Telefoons'],
      ['De burger is een klant.', 'voor', '2', '1', '0', '0', '2', '5'],
      ['De burger is een klant.', 'na', '0', '0', '1', '2', '2', '5'],
      ['\'=Wie betaalt, bepaalt.', 'voor', '0', '0', '1', '3', '1', '5'],
      ['\'=Wie betaalt, bepaalt.', 'na', '1', '1', '1', '1', '1', '5'],
    ]);
  });

  it('the session report shows both distributions and every answer, escaped, hidden ones marked', () => {
    const workshop = play({ teams: ['Zaal'], cards: [] }, rated);
    const html = renderReport({ scenario: rated, language: 'nl', kind: 'workshop', teams: workshop.teams, date: new Date(2026, 11, 6), session: workshop, ratings, openQuestions: questions.map((q) => ({ text: q.text.nl, answers: q.answers })) });
    expect(html).toContain('<h2>Voor en na</h2>');
    expect(html).toContain('<tr><th rowspan="2">De burger is een klant.</th><td>Voor</td><td>2</td><td>1</td><td>0</td><td>0</td><td>2</td></tr><tr><td>Na</td><td>0</td><td>0</td><td>1</td><td>2</td><td>2</td></tr>');
    expect(html).toContain('<h2>Wat de zaal antwoordde</h2>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('luisteren <span class="note">(verborgen op het scherm)</span>');
  });
});
