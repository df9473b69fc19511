/**
 * The printed card set shuffles each card's options, as the screen does, so a group at a table cannot
 * learn that option A is the efficient one; the shuffle is fixed by the number printed on the sheet.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { paperOrder } from '../../src/paper/paper.ts';

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
