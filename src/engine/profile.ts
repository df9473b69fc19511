/**
 * How a player chose: how often each tag was chosen, and which tag of a group was chosen most. The
 * debrief's "mostly", the `mostly` condition of an ending and the standing of a stopped game all
 * count the same way, so an ending never says otherwise than the profile the player is shown.
 */
import type { Scenario } from './format.ts';
import type { GameState } from './state.ts';
import { indexOf } from './scenarioIndex.ts';

/** The groups the debrief shows side by side: the levels of customer focus and the frames. */
export const PROFILE_GROUPS: readonly (readonly string[])[] = [
  ['friendly', 'oriented', 'driven'],
  ['more', 'better', 'different'],
];

/** How often each tag was chosen in a game's history (a choice counts once for each of its tags). */
export function tagCounts(scenario: Scenario, history: GameState['history']): Map<string, number> {
  const { cards } = indexOf(scenario);
  const counts = new Map<string, number>();
  for (const h of history) {
    for (const tag of cards.get(h.card)?.choices[h.choice]?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

/** A counter made on first use: most conditions never look at tags, and a draw should not pay for them. */
export function tagCounter(scenario: Scenario, history: GameState['history']): (tag: string) => number {
  let counts: Map<string, number> | null = null;
  return (tag) => (counts ??= tagCounts(scenario, history)).get(tag) ?? 0;
}

/** Whether `tag` was chosen more often than each of `over` (strictly: a tie is no "mostly"). */
export function chosenMostly(count: (tag: string) => number, tag: string, over: readonly string[]): boolean {
  const mine = count(tag);
  return mine > 0 && over.every((other) => other === tag || count(other) < mine);
}

/** The tag of `group` chosen more often than every other one of it, or null on a tie or when none was chosen. */
export function leadingTag(count: (tag: string) => number, group: readonly string[]): string | null {
  return group.find((tag) => chosenMostly(count, tag, group)) ?? null;
}
