/**
 * The words of the room's answers to an open question, counted for the word cloud: each answer's
 * words once (one answer that says "klant klant klant" is one voice), in lower case, without the
 * Dutch and English words that carry no meaning on their own. Pure: the projector draws the result.
 */
import { eng, nld } from 'stopword';

/**
 * The stopword package's Dutch and English lists, with the words a room's short answers use often
 * and those lists leave out (forms of "you", "our", "will", "not"…): without them the cloud's
 * largest words would say nothing.
 */
const EXTRA_STOP_WORDS = [
  'jij', 'jou', 'jouw', 'jullie', 'onze', 'wordt', 'waar', 'wanneer', 'welke', 'dus', 'nee', 'zeker', 'gewoon', 'even', 'heel', 'erg', 'alle',
  'it\'s', 'its', 'not', 'no', 'so', 'just', 'will', 'yes', 'us', 'we\'re', 'i\'m', 'don\'t', 'does', 'there\'s',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...nld, ...eng, ...EXTRA_STOP_WORDS]);

export interface WordCount {
  word: string;
  /** How many answers hold the word. */
  count: number;
}

/** A word: letters and digits, with apostrophes and hyphens inside ("zo'n", "front-office"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The words of one text, lower case, apostrophes made straight, without stop words and single characters. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.normalize('NFC').toLocaleLowerCase('nl').matchAll(WORD)) {
    const word = match[0].replace(/’/g, '\'');
    if ([...word].length < 2 || STOP_WORDS.has(word) || /^\p{N}+$/u.test(word)) continue;
    words.push(word);
  }
  return words;
}

/** The `limit` words found in most answers, most first; equal counts in alphabetical order. */
export function countWords(answers: readonly string[], limit = 40): WordCount[] {
  const counts = new Map<string, number>();
  for (const answer of answers) for (const word of new Set(wordsOf(answer))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, Math.max(0, limit));
}
