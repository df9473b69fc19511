/** How cards refer to each other: the card a choice leads to, and the flags a condition needs. */
import type { Choice, Condition } from './format.ts';

export function nextCardOf(choice: Choice): string | undefined {
  if (!choice.next) return undefined;
  return typeof choice.next === 'string' ? choice.next : choice.next.card;
}

/** Flags that must have been set (to true or a number) for the condition to hold; `any` counts each option. */
export function flagsNeeded(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('flag' in condition) return condition.is !== false ? [condition.flag] : [];
  if ('all' in condition) return condition.all.flatMap(flagsNeeded);
  if ('any' in condition) return condition.any.flatMap(flagsNeeded);
  return [];
}
