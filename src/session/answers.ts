/**
 * The player's own answers to the reflection questions, per game (by seed), for as long as the tab
 * is open: they go into "Download my report" and nowhere else.
 */
const answers = new Map<string, string[]>();

export function answersFor(seed: string): string[] {
  return answers.get(seed) ?? [];
}

export function setAnswer(seed: string, index: number, text: string): void {
  const list = [...answersFor(seed)];
  while (list.length <= index) list.push('');
  list[index] = text;
  answers.set(seed, list);
}
