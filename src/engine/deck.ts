/** Which card comes next: a due follow-up first, otherwise a weighted random draw. */
import { holds, type ConditionContext } from './conditions.ts';
import type { Card, Scenario } from './format.ts';
import { nextRandom } from './random.ts';
import { indexOf } from './scenarioIndex.ts';
import { tagCounter } from './profile.ts';
import type { CurrentCard, GameState, ScheduledCard } from './state.ts';

export interface Draw {
  current: CurrentCard | null;
  scheduled: ScheduledCard[];
  rng: number;
}

/**
 * Cards that are always eligible (no `when`, not `once`, no `cooldown`) are drawn through prefix sums, so a draw
 * costs little more than checking the conditional cards: simulations play hundreds of thousands of turns.
 */
interface DeckPlan {
  always: Card[];
  /** prefix[i] = total weight of always[0..i-1]. */
  prefix: number[];
  position: Map<string, number>;
  conditional: Card[];
}

const plans = new WeakMap<Scenario, DeckPlan>();

function planOf(scenario: Scenario): DeckPlan {
  let plan = plans.get(scenario);
  if (!plan) {
    const drawable = scenario.cards.filter((c) => (c.weight ?? 1) > 0);
    const always = drawable.filter((c) => c.when === undefined && !c.once && !c.cooldown);
    const prefix = [0];
    for (const card of always) prefix.push(prefix[prefix.length - 1]! + (card.weight ?? 1));
    plan = { always, prefix, position: new Map(always.map((c, i) => [c.id, i])), conditional: drawable.filter((c) => c.when !== undefined || c.once || Boolean(c.cooldown)) };
    plans.set(scenario, plan);
  }
  return plan;
}

/** The index i with prefix[i] <= target < prefix[i + 1]. */
function findInPrefix(prefix: number[], target: number): number {
  let lo = 0;
  let hi = prefix.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (prefix[mid]! <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Draws the card for `state.turn`. Follow-ups due by now come first, earliest due first; one whose
 * `when` no longer holds is dropped. `previous` is the card just played, which is never drawn twice in a row;
 * a card with a `cooldown` is not drawn again until that many turns have passed since it was shown.
 */
export function drawCard(scenario: Scenario, state: GameState, previous: string | undefined): Draw {
  const ctx: ConditionContext = { meters: state.meters, flags: state.flags, seen: state.seen, history: state.history, turn: state.turn, tagCount: tagCounter(scenario, state.history) };
  let scheduled = state.scheduled;
  if (scheduled.length > 0) {
    const { cards } = indexOf(scenario);
    for (;;) {
      let pick = -1;
      scheduled.forEach((s, i) => {
        if (s.due <= state.turn && (pick === -1 || s.due < scheduled[pick]!.due)) pick = i;
      });
      if (pick === -1) break;
      const due = scheduled[pick]!;
      scheduled = scheduled.filter((_, i) => i !== pick);
      const card = cards.get(due.card);
      if (card && holds(card.when, ctx)) return { current: { card: due.card, followUpOf: due.from }, scheduled, rng: state.rng };
    }
  }

  const plan = planOf(scenario);
  const eligible: Card[] = [];
  let conditionalTotal = 0;
  let lastShown: Map<string, number> | undefined;
  for (const card of plan.conditional) {
    if (card.id === previous || (card.once && state.seen.includes(card.id)) || !holds(card.when, ctx)) continue;
    if (card.cooldown) {
      lastShown ??= new Map(state.history.map((h) => [h.card, h.turn]));
      const last = lastShown.get(card.id);
      if (last !== undefined && state.turn - last <= card.cooldown) continue;
    }
    eligible.push(card);
    conditionalTotal += card.weight ?? 1;
  }
  const alwaysTotal = plan.prefix[plan.prefix.length - 1]!;
  const skipped = previous === undefined ? undefined : plan.position.get(previous);
  const skippedWeight = skipped === undefined ? 0 : plan.prefix[skipped + 1]! - plan.prefix[skipped]!;
  const total = alwaysTotal - skippedWeight + conditionalTotal;
  if (total <= 0) return { current: null, scheduled, rng: state.rng };

  const [roll, rng] = nextRandom(state.rng);
  let target = roll * total;
  if (target < alwaysTotal - skippedWeight) {
    // Skip over the card just played by shifting past its share of the prefix sums.
    if (skipped !== undefined && target >= plan.prefix[skipped]!) target += skippedWeight;
    return { current: { card: plan.always[findInPrefix(plan.prefix, target)]!.id }, scheduled, rng };
  }
  target -= alwaysTotal - skippedWeight;
  for (const card of eligible) {
    target -= card.weight ?? 1;
    if (target < 0) return { current: { card: card.id }, scheduled, rng };
  }
  return { current: { card: eligible[eligible.length - 1]!.id }, scheduled, rng };
}
