/** Plain-language conclusions from a simulation, for a trainer who has not read the manual. */
import type { Scenario } from './format.ts';
import { flagsNeeded, nextCardOf } from './links.ts';
import type { SimulationReport } from './simulate.ts';
import { own } from './own.ts';

function whyNeverDrawn(scenario: Scenario, cardId: string): string {
  const card = scenario.cards.find((c) => c.id === cardId)!;
  const leadsHere = scenario.cards.some((c) => c.choices.some((ch) => nextCardOf(ch) === cardId));
  if ((card.weight ?? 1) === 0 && !leadsHere) return 'its weight is 0 and no choice leads to it with "next"';
  const setFlags = new Set(scenario.cards.flatMap((c) => c.choices.flatMap((ch) => Object.keys(ch.set ?? {}))));
  const unset = flagsNeeded(card.when).find((f) => !setFlags.has(f));
  if (unset) return `its condition needs flag "${unset}", which no choice sets`;
  if ((card.weight ?? 1) === 0) return 'its weight is 0 and the choices that lead to it were never taken';
  if (card.when) return `its condition (${JSON.stringify(card.when)}) never held when a card was drawn`;
  return 'other cards always came first: raise its weight or shorten the deck';
}

export function findings(scenario: Scenario, r: SimulationReport): string[] {
  const out: string[] = [];
  for (const [id, games] of Object.entries(r.cards)) {
    if (games === 0) out.push(`Card "${id}" was never drawn in ${r.runs} games: ${whyNeverDrawn(scenario, id)}.`);
  }
  const lost = r.runs - r.completed;
  for (const [meterId, count] of Object.entries(r.endedBy)) {
    if (lost >= 20 && count / lost > 0.5) {
      let gives = 0;
      let takes = 0;
      for (const card of scenario.cards) {
        for (const choice of card.choices) {
          const amount = own(choice.effects, meterId) ?? 0;
          if (amount > 0) gives += amount;
          else takes -= amount;
        }
      }
      const atMax = (own(r.endedAt, meterId)?.max ?? 0) > count / 2;
      const totals = `−${takes} against +${gives} over all choices`;
      const balance = atMax
        ? gives > takes
          ? `it runs over the top: its cards give more than they take (${totals})`
          : `it runs over the top: the choices that please it are the ones players take most (${totals})`
        : takes > gives
          ? `its cards take more than they give (${totals})`
          : `it runs dry: the choices that help other meters take from it (${totals})`;
      out.push(`Meter "${meterId}" ends ${Math.round((100 * count) / lost)}% of lost games: ${balance}.`);
    }
  }
  if (r.strategy === 'random' && r.runs >= 100) {
    const share = r.completed / r.runs;
    if (share < 0.1) out.push(`Only ${Math.round(share * 100)}% of random games reach the end: the scenario may feel hopeless; soften the largest effects.`);
    if (share > 0.9) out.push(`${Math.round(share * 100)}% of random games reach the end: choices hardly matter; sharpen the trade-offs.`);
  }
  return out;
}
