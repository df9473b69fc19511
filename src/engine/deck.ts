/** Which card comes next: a due follow-up first, otherwise a weighted random draw. */
import { holds, type ConditionContext } from './conditions.ts';
import type { Scenario } from './format.ts';
import { nextRandom, weightedIndex } from './random.ts';
import { indexOf } from './scenarioIndex.ts';
import type { CurrentCard, GameState, ScheduledCard } from './state.ts';

export interface Draw {
  current: CurrentCard | null;
  scheduled: ScheduledCard[];
  rng: number;
}

/**
 * Draws the card for `state.turn`. Follow-ups due by now come first, earliest due first; one whose
 * `when` no longer holds is dropped. `previous` is the card just played, which is never drawn twice in a row.
 */
export function drawCard(scenario: Scenario, state: GameState, previous: string | undefined): Draw {
  const { cards } = indexOf(scenario);
  const ctx: ConditionContext = { meters: state.meters, flags: state.flags, seen: state.seen, history: state.history, turn: state.turn };
  let scheduled = state.scheduled;
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

  const eligible: string[] = [];
  const weights: number[] = [];
  for (const card of scenario.cards) {
    const weight = card.weight ?? 1;
    if (weight <= 0 || card.id === previous) continue;
    if (card.once && state.seen.includes(card.id)) continue;
    if (!holds(card.when, ctx)) continue;
    eligible.push(card.id);
    weights.push(weight);
  }
  if (eligible.length === 0) return { current: null, scheduled, rng: state.rng };
  const [roll, rng] = nextRandom(state.rng);
  return { current: { card: eligible[weightedIndex(weights, roll)]! }, scheduled, rng };
}
