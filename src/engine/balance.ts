/**
 * The balance check: plays every strategy the authoring guide names (random, balanced, and
 * favouring each meter in turn) and judges each against the guide's target, with what to change
 * when a target is missed. Verdicts are codes with parameters; `src/locales` words them.
 */
import type { Scenario } from './format.ts';
import { simulate, type SimulationReport, type Strategy } from './simulate.ts';

/** The guide's targets: the share of games that reach the end. */
export const TARGETS = {
  random: { atLeast: 0.2, atMost: 0.6 },
  balanced: { atLeast: 0.6 },
  favour: { below: 0.1 },
} as const;

/** A share this close past a target (one point) is within what chance moves at 1,000 games. */
export const EDGE = 0.01;

/** A scenario this short is a warm-up: it may be easy, so only "not hopeless" and "can be won" apply. */
export const WARM_UP_TURNS = 9;

export type VerdictCode =
  | 'balanceRandomOk'
  | 'balanceRandomTooEasy'
  | 'balanceRandomTooHard'
  | 'balanceBalancedOk'
  | 'balanceBalancedTooHard'
  | 'balanceFavourOk'
  | 'balanceFavourTooEasy'
  | 'balanceFavourEdge'
  | 'balanceWarmUp';

export interface Verdict {
  strategy: string;
  /** The meter a favour strategy serves, for the caller to name in the reader's language. */
  meter?: string;
  ok: boolean;
  code: VerdictCode;
  params: Record<string, string | number>;
}

export interface BalanceReport {
  runs: number;
  seed: string;
  warmUp: boolean;
  verdicts: Verdict[];
  missed: number;
}

const percent = (r: SimulationReport) => Math.round((100 * r.completed) / r.runs);

/** The meter that ended most lost games, and its share of them. */
function worstMeter(r: SimulationReport): { meter: string; lostShare: number } | undefined {
  const lost = r.runs - r.completed;
  const [meter, count] = Object.entries(r.endedBy).sort((a, b) => b[1] - a[1])[0] ?? [];
  return meter === undefined || lost === 0 ? undefined : { meter, lostShare: Math.round((100 * count!) / lost) };
}

/** +8 or −12 (a real minus sign), as the game shows effects. */
const signed = (value: number) => (value > 0 ? `+${value}` : `\u2212${Math.abs(value)}`);

/** How a choice moves the meters, in ids and signed amounts: "regulator +15, tenants −5". */
export function effectsText(effects: Record<string, number> | undefined): string {
  const moved = Object.entries(effects ?? {}).filter(([, a]) => a !== 0);
  return moved.map(([m, a]) => `${m} ${signed(a)}`).join(', ');
}

/**
 * The cheapest way a one-master player helps their meter: among the choices they took that help it,
 * the one that costs the other meters least (then the one taken most). Making it cost another
 * meter is the most direct fix.
 */
function leanedOn(scenario: Scenario, r: SimulationReport, meter: string): { card: string; choice: number; effects: string } | undefined {
  let best: { card: string; choice: number; taken: number; cost: number; effects: string } | undefined;
  for (const card of scenario.cards) {
    card.choices.forEach((choice, i) => {
      const taken = r.choices[card.id]?.[i] ?? 0;
      if ((choice.effects?.[meter] ?? 0) <= 0 || taken === 0) return;
      const cost = Object.entries(choice.effects ?? {}).reduce((sum, [m, a]) => (m !== meter && a < 0 ? sum - a : sum), 0);
      if (!best || cost < best.cost || (cost === best.cost && taken > best.taken)) best = { card: card.id, choice: i + 1, taken, cost, effects: effectsText(choice.effects) };
    });
  }
  return best && { card: best.card, choice: best.choice, effects: best.effects };
}

/** The strategies the check plays, in the order of its verdicts: random, balanced, then one per meter (none for a warm-up). */
export function balanceStrategies(scenario: Scenario): Strategy[] {
  const warmUp = scenario.turns !== undefined && scenario.turns <= WARM_UP_TURNS;
  return [{ kind: 'random' }, { kind: 'balanced' }, ...(warmUp ? [] : scenario.meters.map((m): Strategy => ({ kind: 'favour', meter: m.id })))];
}

/** Judges the reports of `balanceStrategies`, played in that order (a screen may play them one per frame). */
export function judgeBalance(scenario: Scenario, reports: readonly SimulationReport[]): BalanceReport {
  const warmUp = scenario.turns !== undefined && scenario.turns <= WARM_UP_TURNS;
  const [random, balanced, ...favours] = reports;
  if (!random || !balanced) throw new Error('judgeBalance needs the reports of balanceStrategies');
  const verdicts: Verdict[] = [];
  const low = Math.round(TARGETS.random.atLeast * 100);
  const high = Math.round(TARGETS.random.atMost * 100);

  const share = percent(random);
  const worst = worstMeter(random);
  if (random.completed / random.runs < TARGETS.random.atLeast) {
    verdicts.push({ strategy: 'random', ok: false, code: 'balanceRandomTooHard', params: { share, low, high, meter: worst?.meter ?? '', lostShare: worst?.lostShare ?? 0 } });
  } else if (!warmUp && random.completed / random.runs > TARGETS.random.atMost) {
    verdicts.push({ strategy: 'random', ok: false, code: 'balanceRandomTooEasy', params: { share, low, high } });
  } else verdicts.push({ strategy: 'random', ok: true, code: 'balanceRandomOk', params: { share, low, high: warmUp ? 100 : high } });

  const atLeast = Math.round(TARGETS.balanced.atLeast * 100);
  if (balanced.completed / balanced.runs < TARGETS.balanced.atLeast) {
    const w = worstMeter(balanced);
    verdicts.push({ strategy: 'balanced', ok: false, code: 'balanceBalancedTooHard', params: { share: percent(balanced), atLeast, meter: w?.meter ?? '', lostShare: w?.lostShare ?? 0 } });
  } else verdicts.push({ strategy: 'balanced', ok: true, code: 'balanceBalancedOk', params: { share: percent(balanced), atLeast } });

  const below = Math.round(TARGETS.favour.below * 100);
  if (warmUp) verdicts.push({ strategy: 'favour', ok: true, code: 'balanceWarmUp', params: { turns: scenario.turns!, most: WARM_UP_TURNS } });
  for (const r of favours) {
    const meter = r.strategy.slice('favour:'.length);
    // Within a point of the target the result is inside the sampling error of a check: say so rather than fail.
    if (r.completed / r.runs >= TARGETS.favour.below && r.completed / r.runs < TARGETS.favour.below + EDGE) {
      verdicts.push({ strategy: r.strategy, meter, ok: true, code: 'balanceFavourEdge', params: { meter, share: (Math.round(1000 * r.completed / r.runs) / 10), below, runs: r.runs * 5 } });
    } else if (r.completed / r.runs >= TARGETS.favour.below) {
      const lean = leanedOn(scenario, r, meter);
      verdicts.push({ strategy: r.strategy, meter, ok: false, code: 'balanceFavourTooEasy', params: { meter, share: percent(r), below, card: lean?.card ?? '', choice: lean?.choice ?? 1, effects: lean?.effects ?? '' } });
    } else verdicts.push({ strategy: r.strategy, meter, ok: true, code: 'balanceFavourOk', params: { meter, share: percent(r), below } });
  }
  return { runs: random.runs, seed: random.seed, warmUp, verdicts, missed: verdicts.filter((v) => !v.ok).length };
}

/** The defaults of `npm run check`; the scenario map uses the same, so both give the same verdicts. */
export const BALANCE_RUNS = 1000;
export const BALANCE_SEED = '1';

export function checkBalance(scenario: Scenario, options: { runs: number; seed: string } = { runs: BALANCE_RUNS, seed: BALANCE_SEED }): BalanceReport {
  return judgeBalance(scenario, balanceStrategies(scenario).map((strategy) => simulate(scenario, { ...options, strategy })));
}
