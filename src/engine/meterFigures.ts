/**
 * How each meter is moved by the deck: how many cards touch it and the sums of its rises and falls,
 * with a warning where too few cards touch it for a one-master player to be tested on it. The
 * editor's effects grid shows these under each meter's column, and the balance check names them as
 * the cause of a verdict ("Toezicht is touched by 6 of 12 cards"); a command-line tool can print them.
 */
import type { Scenario } from './format.ts';
import { coded, type Coded } from './messages.ts';
import { own } from './own.ts';
import type { Verdict } from './balance.ts';

/**
 * A meter touched by fewer than a third of the cards rarely comes up: a player who serves one other
 * master is then hardly ever made to choose against it, and balance figures swing with chance.
 */
export const MIN_TOUCH_SHARE = 1 / 3;

export interface MeterFigures {
  meter: string;
  /** Cards with at least one choice that moves this meter. */
  cards: number;
  /** Cards in the deck. */
  total: number;
  /** The sum of every rise, and of every fall (zero or below), over all choices. */
  up: number;
  down: number;
  /** Touched by too few cards (under `MIN_TOUCH_SHARE` of the deck) for a one-master player to be tested on it. */
  tooFew: boolean;
}

export function meterFigures(scenario: Pick<Scenario, 'meters' | 'cards'>): MeterFigures[] {
  const total = scenario.cards.length;
  return scenario.meters.map((meter) => {
    let cards = 0;
    let up = 0;
    let down = 0;
    for (const card of scenario.cards) {
      let touched = false;
      for (const choice of card.choices) {
        const amount = choice.effects ? own(choice.effects, meter.id) : undefined;
        if (typeof amount !== 'number' || amount === 0) continue;
        touched = true;
        if (amount > 0) up += amount;
        else down += amount;
      }
      if (touched) cards++;
    }
    return { meter: meter.id, cards, total, up, down, tooFew: total > 0 && cards < Math.ceil(total * MIN_TOUCH_SHARE) };
  });
}

/** "Toezicht is touched by 6 of 12 cards": the figure itself, as a message (`{name}` is the meter's label). */
export function fewCardsMessage(f: MeterFigures): Coded {
  return coded('causeFewCards', { meter: f.meter, cards: f.cards, total: f.total });
}

/**
 * What in the deck most likely causes a missed balance target, where the figures show it:
 * - serving one master wins too often: another meter that too few cards touch (the player is never
 *   made to choose against it), the least touched first;
 * - random or careful play loses: the meter that ends most lost games, when few cards touch it (it can
 *   hardly be helped) or its falls outweigh its rises;
 * - random play wins too often: a meter too few cards touch.
 */
export function verdictCause(figures: readonly MeterFigures[], verdict: Verdict): Coded | undefined {
  if (verdict.ok && verdict.code !== 'balanceFavourEdge') return undefined;
  const fewest = (list: readonly MeterFigures[]) => [...list].filter((f) => f.tooFew).sort((a, b) => a.cards - b.cards)[0];
  switch (verdict.code) {
    // Few cards touch the favoured meter itself: the verdict says so already. Otherwise the player of
    // one master is never made to choose against another meter that too few cards touch.
    case 'balanceFavourCheap':
    case 'balanceFavourCostly':
    case 'balanceFavourEdge': {
      const other = fewest(figures.filter((f) => f.meter !== verdict.meter));
      return other && fewCardsMessage(other);
    }
    case 'balanceRandomTooHard':
    case 'balanceBalancedTooHard': {
      const worst = figures.find((f) => f.meter === verdict.params.meter);
      if (!worst) return undefined;
      if (worst.tooFew) return fewCardsMessage(worst);
      if (-worst.down > worst.up) return coded('causeFallsOutweigh', { meter: worst.meter, up: worst.up, down: -worst.down });
      return undefined;
    }
    case 'balanceRandomTooEasy': {
      const few = fewest(figures);
      return few && fewCardsMessage(few);
    }
    default:
      return undefined;
  }
}
