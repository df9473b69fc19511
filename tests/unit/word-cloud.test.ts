/** The word cloud's counting: what the room said most, without the words that say nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, STOP_WORDS, wordsOf } from '../../src/engine/wordCloud.ts';

describe('the word cloud', () => {
  it('counts each answer\'s words once, in lower case, without Dutch and English stop words', () => {
    const answers = ['De burger is een klant', 'De BURGER, de burger!', 'Niet de klant maar de inwoner', 'The customer is the citizen', 'zo\'n klant’s front-office'];
    expect(countWords(answers)).toEqual([
      { word: 'burger', count: 2 },
      { word: 'klant', count: 2 },
      { word: 'citizen', count: 1 },
      { word: 'customer', count: 1 },
      { word: 'front-office', count: 1 },
      { word: 'inwoner', count: 1 },
      { word: 'klant\'s', count: 1 },
      { word: 'zo\'n', count: 1 },
    ]);
    expect(wordsOf('Wie is jullie klant? Who is your customer? 42 x')).toEqual(['klant', 'customer']);
    expect(countWords(answers, 2).map((w) => w.word)).toEqual(['burger', 'klant']);
  });

  it('for any answers: no stop word, counts between 1 and the number of answers, most first, at most the limit', () => {
    const word = fc.constantFrom('klant', 'burger', 'de', 'the', 'is', 'Inwoner', 'patiënt', 'ouders', 'wij', 'you', '!', ' ', ',', '\n', '12');
    const answer = fc.array(word, { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(fc.array(fc.oneof(answer, fc.string({ maxLength: 30 })), { maxLength: 30 }), fc.integer({ min: 0, max: 50 }), (answers, limit) => {
      const counted = countWords(answers, limit);
      expect(counted.length).toBeLessThanOrEqual(limit);
      for (const [i, { word, count }] of counted.entries()) {
        expect(STOP_WORDS.has(word)).toBe(false);
        expect(word).toBe(word.toLocaleLowerCase('nl'));
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBe(answers.filter((a) => wordsOf(a).includes(word)).length);
        if (i > 0) expect(counted[i - 1]!.count).toBeGreaterThanOrEqual(count);
      }
    }), { numRuns: 200 });
  }, 30_000);

  it('the order of the answers does not change the cloud', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }), (answers) => {
      expect(countWords([...answers].reverse())).toEqual(countWords(answers));
    }), { numRuns: 200 });
  }, 30_000);
});
