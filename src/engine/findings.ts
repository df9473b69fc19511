/**
 * Plain-language conclusions from a simulation, for a trainer who has not read the manual. They
 * are codes with parameters (see messages.ts); `src/locales/authoring.ts` words them. Conditions are
 * described in words too, never as JSON, and choices are named by their place in the file (players see them shuffled).
 */
import type { Condition, Scenario } from './format.ts';
import { flagsNeeded, nextCardOf } from './links.ts';
import { coded, place, type Coded } from './messages.ts';
import type { SimulationReport } from './simulate.ts';
import { own } from './own.ts';

/**
 * A condition in words: "meter "patients" below 30 and flag "explained" is true". `meterName` gives
 * the name a meter is shown by (its label on a screen for players' eyes); by default its id.
 */
export function describeCondition(c: Condition, meterName: (id: string) => string = (id) => id): Coded {
  if ('meter' in c) {
    const parts: Coded[] = [];
    const meter = meterName(c.meter);
    if (c.below !== undefined) parts.push(coded('condBelow', { meter, value: c.below }));
    if (c.above !== undefined) parts.push(coded('condAbove', { meter, value: c.above }));
    if (c.atLeast !== undefined) parts.push(coded('condAtLeast', { meter, value: c.atLeast }));
    if (c.atMost !== undefined) parts.push(coded('condAtMost', { meter, value: c.atMost }));
    return joined(parts, 'condAnd');
  }
  if ('flag' in c) return coded('condFlag', { flag: c.flag, value: String(c.is ?? true) });
  if ('turn' in c) {
    const { atLeast, atMost } = c.turn;
    if (atLeast !== undefined && atMost !== undefined) return coded('condTurns', { from: atLeast, to: atMost });
    return atLeast !== undefined ? coded('condTurnFrom', { from: atLeast }) : coded('condTurnUntil', { to: atMost ?? 0 });
  }
  if ('seen' in c) return coded('condSeen', { card: c.seen });
  if ('chose' in c) return coded('condChose', { card: c.chose, place: place(c.choice + 1) });
  if ('mostly' in c) return coded('condMostly', { tag: c.mostly, over: c.over });
  if ('all' in c) return joined(c.all.map((sub) => describeCondition(sub, meterName)), 'condAnd');
  if ('any' in c) return joined(c.any.map((sub) => describeCondition(sub, meterName)), 'condOr');
  return coded('condNot', { inner: describeCondition(c.not, meterName) });
}

function joined(parts: Coded[], code: 'condAnd' | 'condOr'): Coded {
  return parts.reduce((left, right) => coded(code, { left, right }));
}

function whyNeverDrawn(scenario: Scenario, cardId: string): Coded {
  const card = scenario.cards.find((c) => c.id === cardId)!;
  const leadsHere = scenario.cards.some((c) => c.choices.some((ch) => nextCardOf(ch) === cardId));
  if ((card.weight ?? 1) === 0 && !leadsHere) return coded('whyWeight');
  const setFlags = new Set(scenario.cards.flatMap((c) => c.choices.flatMap((ch) => Object.keys(ch.set ?? {}))));
  const unset = flagsNeeded(card.when).find((f) => !setFlags.has(f));
  if (unset) return coded('whyFlag', { flag: unset });
  if ((card.weight ?? 1) === 0) return coded('whyWeightUntaken');
  if (card.when) return coded('whyCondition', { condition: describeCondition(card.when) });
  return coded('whyCrowded');
}

export function findings(scenario: Scenario, r: SimulationReport): Coded[] {
  const out: Coded[] = [];
  for (const [id, games] of Object.entries(r.cards)) {
    if (games === 0) out.push(coded('findNeverDrawn', { card: id, runs: r.runs, why: whyNeverDrawn(scenario, id) }));
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
      const totals = { gives, takes };
      const balance = atMax
        ? gives > takes
          ? coded('balanceOverTopGives', totals)
          : coded('balanceOverTopPopular', totals)
        : takes > gives
          ? coded('balanceTakes', totals)
          : coded('balanceDry', totals);
      out.push(coded('findMeterEnds', { meter: meterId, share: Math.round((100 * count) / lost), balance }));
    }
  }
  if (r.strategy === 'random' && r.runs >= 100) {
    const share = r.completed / r.runs;
    if (share < 0.1) out.push(coded('findHopeless', { share: Math.round(share * 100) }));
    if (share > 0.9) out.push(coded('findTooEasy', { share: Math.round(share * 100) }));
  }
  return out;
}
