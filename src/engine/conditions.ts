import type { Condition } from './format.ts';
import type { GameState } from './state.ts';
import { own } from './own.ts';
import { chosenMostly } from './profile.ts';

/**
 * What a condition can look at. `turn` is the turn being decided about; `tagCount` says how often
 * choices with a tag were taken (see profile.ts), without it no tag was chosen.
 */
export type ConditionContext = Pick<GameState, 'meters' | 'flags' | 'seen' | 'history'> & { turn: number; tagCount?: (tag: string) => number };

export function holds(condition: Condition | undefined, ctx: ConditionContext): boolean {
  if (condition === undefined) return true;
  if ('meter' in condition) {
    const value = own(ctx.meters, condition.meter);
    if (value === undefined) return false;
    if (condition.below !== undefined && !(value < condition.below)) return false;
    if (condition.above !== undefined && !(value > condition.above)) return false;
    if (condition.atLeast !== undefined && !(value >= condition.atLeast)) return false;
    if (condition.atMost !== undefined && !(value <= condition.atMost)) return false;
    return true;
  }
  if ('flag' in condition) {
    const expected = condition.is ?? true;
    // A flag no choice has set yet counts as false.
    const actual = Object.hasOwn(ctx.flags, condition.flag) ? ctx.flags[condition.flag] : false;
    return actual === expected;
  }
  if ('turn' in condition) {
    const { atLeast, atMost } = condition.turn;
    return (atLeast === undefined || ctx.turn >= atLeast) && (atMost === undefined || ctx.turn <= atMost);
  }
  if ('seen' in condition) return ctx.seen.includes(condition.seen);
  if ('chose' in condition) {
    // The latest answer to that card counts: a card that came back and got another answer has changed the story.
    for (let i = ctx.history.length - 1; i >= 0; i--) {
      const h = ctx.history[i]!;
      if (h.card === condition.chose) return h.choice === condition.choice;
    }
    return false;
  }
  if ('mostly' in condition) return chosenMostly(ctx.tagCount ?? (() => 0), condition.mostly, condition.over);
  if ('all' in condition) return condition.all.every((c) => holds(c, ctx));
  if ('any' in condition) return condition.any.some((c) => holds(c, ctx));
  return !holds(condition.not, ctx);
}
