/**
 * The printed card set shuffles each card's options, as the screen does, so a group at a table cannot
 * learn that option A is the efficient one; the shuffle is fixed by the number printed on the sheet.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { conditionWords, paperOrder } from '../../src/paper/paper.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function scenario(id: string): Scenario {
  const result = validateScenarioText(readFileSync(join(ROOT, 'levels', `${id}.json`), 'utf8'));
  if (!result.ok) throw new Error(`${id}.json does not validate`);
  return result.scenario;
}

describe('the order of the options on paper', () => {
  for (const id of ['school', 'hospital', 'townhall']) {
    it(`${id}: the "more" option is not mostly option A, and each card keeps all its options`, () => {
      const s = scenario(id);
      const withMore = s.cards.filter((card) => card.choices.some((c) => c.tags?.includes('more')));
      const moreFirst = withMore.filter((card) => card.choices[paperOrder(s, card, 1)[0]!]!.tags?.includes('more')).length;
      // In file order, the efficient option comes first on most cards (32 of 53 in the town hall).
      const moreFirstInFile = withMore.filter((card) => card.choices[0]!.tags?.includes('more')).length;
      expect(moreFirstInFile / withMore.length).toBeGreaterThan(0.5);
      expect(moreFirst / withMore.length).toBeLessThan(0.5);
      for (const card of s.cards) expect([...paperOrder(s, card, 1)].sort()).toEqual(card.choices.map((_, i) => i));
    });
  }

  it('gives the same letters for the same number, and other letters for another', () => {
    const s = scenario('townhall');
    const orders = (seed: number) => s.cards.map((card) => paperOrder(s, card, seed).join(''));
    expect(orders(1)).toEqual(orders(1));
    expect(orders(2)).not.toEqual(orders(1));
  });

  it('keeps the file order for a scenario that asks for it', () => {
    const s = { ...scenario('school'), choiceOrder: 'file' as const };
    for (const card of s.cards) expect(paperOrder(s, card, 7)).toEqual(card.choices.map((_, i) => i));
  });
});

describe('conditions on paper', () => {
  it('words a meter condition with the meters’ names, in Dutch and English', () => {
    const s = scenario('example');
    const when = { all: [{ meter: 'pupils', atLeast: 45 }, { meter: 'parents', atLeast: 45 }, { meter: 'colleagues', above: 44 }] };
    expect(conditionWords(s, when, 'nl', 1)).toBe('"Leerlingen" minstens 45 en "Ouders" minstens 45 en "Collega\'s" boven 44');
    expect(conditionWords(s, when, 'en', 1)).toBe('"Pupils" at least 45 and "Parents" at least 45 and "Colleagues" above 44');
  });

  it('puts an "or" inside an "and" in brackets', () => {
    const s = scenario('hospital');
    const when = { all: [{ meter: 'patients', atLeast: 60 }, { any: [{ meter: 'insurer', below: 40 }, { meter: 'budget', below: 40 }] }] };
    expect(conditionWords(s, when, 'nl', 1)).toBe('"Patiënten" minstens 60 en ("Zorgverzekeraar" onder 40 of "Bestuur en begroting" onder 40)');
  });

  it('names a card by its printed number and a choice by the letter printed for it with that number', () => {
    const s = scenario('townhall');
    const card = s.cards.find((c) => c.id === 'dormer-refused')!;
    const n = s.cards.indexOf(card) + 1;
    for (const seed of [1, 2]) {
      const letter = String.fromCharCode(65 + paperOrder(s, card, seed).indexOf(0));
      expect(conditionWords(s, { chose: 'dormer-refused', choice: 0 }, 'nl', seed)).toBe(`op kaart ${n} het laatst ${letter} gekozen is`);
      expect(conditionWords(s, { chose: 'dormer-refused', choice: 0 }, 'en', seed)).toBe(`card ${n} was last answered with ${letter}`);
    }
    expect(conditionWords(s, { not: { seen: 'dormer-refused' } }, 'nl', 1)).toBe(`niet (kaart ${n} gespeeld is)`);
  });

  it('asks for a flag as a word the table noted, which a choice on the answer sheet tells it to note', () => {
    const s = scenario('townhall');
    expect(conditionWords(s, { flag: 'breakthrough-fund' }, 'nl', 1)).toBe('jullie “breakthrough fund” genoteerd hebben');
    expect(conditionWords(s, { flag: 'breakthrough-fund', is: false }, 'en', 1)).toBe('you have not noted “breakthrough fund”');
    expect(s.cards.some((c) => c.choices.some((ch) => ch.set?.['breakthrough-fund'] === true))).toBe(true);
  });

  for (const id of ['example', 'school', 'hospital', 'townhall']) {
    it(`${id}: every conditional card and ending is worded without a card's id, in both languages`, () => {
      const s = scenario(id);
      const ids = s.cards.map((c) => c.id).filter((cardId) => cardId.includes('-'));
      const conditions = [...s.cards.flatMap((c) => (c.when ? [c.when] : [])), ...(s.endings ?? []).flatMap((e) => (e.when ? [e.when] : []))];
      expect(conditions.length).toBeGreaterThan(0);
      for (const when of conditions) {
        for (const lang of ['nl', 'en'] as const) {
          const words = conditionWords(s, when, lang, 1);
          expect(words.length).toBeGreaterThan(5);
          for (const cardId of ids) expect(words, `${lang}: ${JSON.stringify(when)}`).not.toContain(cardId);
        }
      }
    });
  }
});
