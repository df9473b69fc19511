/**
 * A card's trainer notes (`notes.source`, `notes.question`): checked like every other field, with the
 * place and the fix in both languages, exported for a translator, and written for every shipped card.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { stringRows } from '../../src/authoring/strings.ts';
import { formatProblem } from '../../src/locales/authoring.ts';
import { card, makeScenario, validateObject } from './scenarios.ts';

const withNotes = (notes: unknown) => makeScenario({ cards: [card('c1', { notes } as never), card('c2'), card('c3')] });

describe('trainer notes in the format', () => {
  it('are accepted with a source and a question in both languages', () => {
    const result = validateObject(withNotes({ source: { nl: 'Artikel: idee.', en: 'Article: idea.' }, question: { nl: 'Wie is de klant?', en: 'Who is the customer?' } }));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.problems.filter((p) => p.path.includes('notes'))).toEqual([]);
  });

  it('says where empty notes are and how to fix them, in Dutch and English', () => {
    const result = validateObject(withNotes({}));
    const problem = result.problems.find((p) => p.code === 'notesEmpty')!;
    expect(problem).toMatchObject({ severity: 'error', path: 'cards[0].notes' });
    const line = JSON.stringify(withNotes({}), null, 2).split('\n').findIndex((l) => l.includes('"notes"')) + 1;
    expect(formatProblem('levels/x.json', problem, 'en')).toMatch(new RegExp(`^levels/x\\.json:${line}:\\d+: error: these trainer notes are empty: add "source" .* or "question"`));
    expect(formatProblem('levels/x.json', problem, 'nl')).toMatch(new RegExp(`^levels/x\\.json:${line}:\\d+: error: deze notities voor de trainer zijn leeg: vul "source" .* of "question"`));
  });

  it('suggests the right name for a misspelt field and refuses a number for a text', () => {
    const misspelt = validateObject(withNotes({ questoin: 'Wie?' })).problems.find((p) => p.code === 'unknownField')!;
    expect(misspelt.suggestion).toBe('"question"');
    expect(formatProblem('f.json', misspelt, 'nl')).toContain('questoin');
    expect(validateObject(withNotes({ source: 3 })).problems.map((p) => [p.code, p.path])).toContainEqual(['expectedTextOrLanguages', 'cards[0].notes.source']);
  });

  it('warns when a note lacks one of the scenario\'s languages', () => {
    const result = validateObject(withNotes({ question: { nl: 'Wie is de klant?' } }));
    expect(result.problems.map((p) => [p.severity, p.code, p.path])).toContainEqual(['warning', 'missingLanguage', 'cards[0].notes.question']);
  });

  it('go to the translator\'s sheet with the card\'s other texts', () => {
    const rows = stringRows(withNotes({ source: { nl: 'Bron.', en: 'Source.' }, question: { nl: 'Vraag?', en: 'Question?' } }));
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['cards.c1.notes.source', 'cards.c1.notes.question']));
    expect(rows.find((r) => r.id === 'cards.c1.notes.question')?.text).toEqual({ nl: 'Vraag?', en: 'Question?' });
  });
});
describe('the shipped scenarios\' trainer notes', () => {
  const dir = new URL('../../levels/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && f !== 'example.json');

  it.each(files)('%s has a source and a question in Dutch and English on every card, naming an article, never a file', (file) => {
    const result = validateScenarioText(readFileSync(new URL(file, dir), 'utf8'));
    expect(result.ok).toBe(true);
    const scenario = (result as { scenario: Scenario }).scenario;
    expect(scenario.cards.length).toBeGreaterThan(40);
    for (const c of scenario.cards) {
      for (const part of ['source', 'question'] as const) {
        const text = c.notes?.[part];
        expect(typeof text === 'object' ? Object.keys(text).sort() : text, `${c.id} ${part}`).toEqual(['en', 'nl']);
        for (const words of Object.values(text as Record<string, string>)) {
          expect(words.length, `${c.id} ${part}`).toBeGreaterThan(15);
          expect(words, `${c.id} ${part}`).not.toMatch(/seeds\/|\.md\b|\.json\b|source:00/);
        }
      }
      expect((c.notes!.question as Record<string, string>).nl, c.id).toMatch(/\?$/);
      expect((c.notes!.question as Record<string, string>).en, c.id).toMatch(/\?$/);
      // The source names one of the five articles by its title.
      expect((c.notes!.source as Record<string, string>).nl, c.id).toMatch(/"[^"]{10,}"/);
    }
  });
});
