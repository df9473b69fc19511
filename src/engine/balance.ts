/**
 * The balance check: plays every strategy the authoring guide names (random, balanced, and
 * favouring each meter in turn) and judges each against the guide's target, with what to change
 * when a target is missed. Verdicts are codes with parameters; `src/locales` words them.
 */
import type { Scenario } from './format.ts';
import { own } from './own.ts';
import { simulate, type SimulationReport, type Strategy } from './simulate.ts';

/** The guide's targets: the share of games that reach the end. */
export const TARGETS = {
  random: { atLeast: 0.2, atMost: 0.6 },
  balanced: { atLeast: 0.6 },
  favour: { below: 0.1 },
} as const;

/**
 * How sure a verdict must be: z of a two-sided 95% interval. A share is judged by its Wilson score
 * interval (Wilson 1927), the interval for a proportion that stays honest near 0% and 100% where the
 * textbook ±z·√(p(1−p)/n) collapses; more games give a narrower interval and so a firmer verdict.
 */
export const Z = 1.96;

/** The most games `npm run check` plays per strategy, and so the most it can advise. */
export const MAX_RUNS = 100_000;

/** The Wilson score interval of `successes` out of `n`. */
export function wilson(successes: number, n: number, z: number = Z): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Where a share stands against a limit: its whole interval below it, above it, or still open. */
export function sideOf(successes: number, n: number, limit: number): 'below' | 'above' | 'open' {
  const { low, high } = wilson(successes, n);
  return high < limit ? 'below' : low >= limit ? 'above' : 'open';
}

/**
 * How many games at the same share would close the interval on one side of `limit`, rounded up to a
 * round number for the command (`--runs 4000`); 0 when not even `MAX_RUNS` would (the share is at the
 * limit itself, and more games will not tell).
 */
export function gamesToSettle(share: number, limit: number): number {
  const settled = (n: number) => sideOf(share * n, n, limit) !== 'open';
  if (!settled(MAX_RUNS)) return 0;
  let low = 1;
  let high = MAX_RUNS;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (settled(mid)) high = mid;
    else low = mid + 1;
  }
  const step = low <= 1000 ? 100 : low <= 10_000 ? 1000 : 5000;
  return Math.min(MAX_RUNS, Math.ceil(low / step) * step);
}

/** A scenario this short is a warm-up: it may be easy, so only "not hopeless" and "can be won" apply. */
export const WARM_UP_TURNS = 9;

export type VerdictCode =
  | 'balanceRandomOk'
  | 'balanceRandomTooEasy'
  | 'balanceRandomTooHard'
  | 'balanceRandomEdge'
  | 'balanceBalancedOk'
  | 'balanceBalancedTooHard'
  | 'balanceBalancedEdge'
  | 'balanceFavourOk'
  | 'balanceFavourFewCards'
  | 'balanceFavourCheap'
  | 'balanceFavourCostly'
  | 'balanceFavourEdge'
  | 'balanceWarmUp';

export interface Verdict {
  strategy: string;
  /** The meter a favour strategy serves, for the caller to name in the reader's language. */
  meter?: string;
  ok: boolean;
  /** Open: the interval still holds the target; more games (`params.runs`, 0 for none) would settle it. */
  open?: boolean;
  code: VerdictCode;
  params: Record<string, string | number>;
  /** Choices to change, for the caller to word: card id, the choice's place in the card's list (from 1), effects. */
  examples?: { card: string; choice: number; effects: string }[];
}

export interface BalanceReport {
  runs: number;
  seed: string;
  warmUp: boolean;
  verdicts: Verdict[];
  missed: number;
}

const percent = (r: SimulationReport) => Math.round((100 * r.completed) / r.runs);
/** A share to one decimal (10.9), where a whole percent would hide why the verdict is open. */
const exact = (r: SimulationReport) => Math.round((1000 * r.completed) / r.runs) / 10;

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

/** Whether a choice takes from any meter but `meter`. */
const costsAnother = (effects: Record<string, number> | undefined, meter: string) => Object.entries(effects ?? {}).some(([m, a]) => m !== meter && a < 0);

/**
 * Why serving only `meter` wins, and the choices to change. The one-master player takes, on each
 * card, the choice that helps its meter most, and on a card that does not move it, any choice at
 * random. So it wins when few cards move its meter (it plays at random most of the time), or when
 * the choices that please its meter cost nothing else. The examples are choices it took that help its
 * meter and cost no other meter yet, most taken first: the advice never names a choice it already
 * changed, so following it again and again changes one more choice each time and cannot go round in
 * circles. When every such choice costs already, the costs are named as too small.
 */
function favourAdvice(scenario: Scenario, r: SimulationReport, meter: string): { code: VerdictCode; params: Record<string, string | number>; examples: { card: string; choice: number; effects: string }[] } {
  const touching = scenario.cards.filter((c) => c.choices.some((ch) => (own(ch.effects, meter) ?? 0) !== 0)).length;
  const helping: { card: string; choice: number; taken: number; free: boolean; effects: string }[] = [];
  for (const card of scenario.cards) {
    card.choices.forEach((choice, i) => {
      const taken = own(r.choices, card.id)?.[i] ?? 0;
      if ((own(choice.effects, meter) ?? 0) > 0 && taken > 0) helping.push({ card: card.id, choice: i + 1, taken, free: !costsAnother(choice.effects, meter), effects: effectsText(choice.effects) });
    });
  }
  const byTaken = (a: { taken: number }, b: { taken: number }) => b.taken - a.taken;
  const free = helping.filter((h) => h.free).sort(byTaken).slice(0, 2);
  const params = { touching, cards: scenario.cards.length };
  const pick = ({ card, choice, effects }: { card: string; choice: number; effects: string }) => ({ card, choice, effects });
  // The cause comes first: a meter that fewer than half the cards move is served by playing at random.
  if (touching * 2 < scenario.cards.length) return { code: 'balanceFavourFewCards', params, examples: free.map(pick) };
  if (free.length === 0) return { code: 'balanceFavourCostly', params, examples: helping.sort(byTaken).slice(0, 1).map(pick) };
  return { code: 'balanceFavourCheap', params, examples: free.map(pick) };
}

/**
 * The meter to let a one-master choice cost: of the others, the one that ended the fewest games of
 * random and careful play. Charging the meter that already ends most games would make the careful
 * player lose, and that verdict's advice (help that meter) would undo this one.
 */
function safestOther(scenario: Scenario, reports: readonly SimulationReport[], meter: string): string {
  const ended = (m: string) => reports.reduce((n, r) => n + (own(r.endedBy, m) ?? 0), 0);
  const others = scenario.meters.map((m) => m.id).filter((m) => m !== meter);
  return others.reduce((best, m) => (ended(m) < ended(best) ? m : best), others[0] ?? '');
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
  const randomLow = sideOf(random.completed, random.runs, TARGETS.random.atLeast);
  const randomHigh = warmUp ? 'below' : sideOf(random.completed, random.runs, TARGETS.random.atMost);
  if (randomLow === 'below') {
    verdicts.push({ strategy: 'random', ok: false, code: 'balanceRandomTooHard', params: { share, low, high, meter: worst?.meter ?? '', lostShare: worst?.lostShare ?? 0 } });
  } else if (randomHigh === 'above') {
    verdicts.push({ strategy: 'random', ok: false, code: 'balanceRandomTooEasy', params: { share, low, high } });
  } else if (randomLow === 'open' || randomHigh === 'open') {
    const limit = randomLow === 'open' ? TARGETS.random.atLeast : TARGETS.random.atMost;
    verdicts.push({ strategy: 'random', ok: true, open: true, code: 'balanceRandomEdge', params: { share: exact(random), low, high, runs: gamesToSettle(random.completed / random.runs, limit) } });
  } else verdicts.push({ strategy: 'random', ok: true, code: 'balanceRandomOk', params: { share, low, high: warmUp ? 100 : high } });

  const atLeast = Math.round(TARGETS.balanced.atLeast * 100);
  const balancedSide = sideOf(balanced.completed, balanced.runs, TARGETS.balanced.atLeast);
  if (balancedSide === 'below') {
    const w = worstMeter(balanced);
    verdicts.push({ strategy: 'balanced', ok: false, code: 'balanceBalancedTooHard', params: { share: percent(balanced), atLeast, meter: w?.meter ?? '', lostShare: w?.lostShare ?? 0 } });
  } else if (balancedSide === 'open') {
    verdicts.push({ strategy: 'balanced', ok: true, open: true, code: 'balanceBalancedEdge', params: { share: exact(balanced), atLeast, runs: gamesToSettle(balanced.completed / balanced.runs, TARGETS.balanced.atLeast) } });
  } else verdicts.push({ strategy: 'balanced', ok: true, code: 'balanceBalancedOk', params: { share: percent(balanced), atLeast } });

  const below = Math.round(TARGETS.favour.below * 100);
  if (warmUp) verdicts.push({ strategy: 'favour', ok: true, code: 'balanceWarmUp', params: { turns: scenario.turns!, most: WARM_UP_TURNS } });
  for (const r of favours) {
    const meter = r.strategy.slice('favour:'.length);
    const side = sideOf(r.completed, r.runs, TARGETS.favour.below);
    if (side === 'open') {
      // The interval still holds the target: chance alone could put it on either side. Say so, and how many games would tell.
      verdicts.push({ strategy: r.strategy, meter, ok: true, open: true, code: 'balanceFavourEdge', params: { meter, share: exact(r), below, runs: gamesToSettle(r.completed / r.runs, TARGETS.favour.below) } });
    } else if (side === 'above') {
      const advice = favourAdvice(scenario, r, meter);
      verdicts.push({ strategy: r.strategy, meter, ok: false, code: advice.code, params: { meter, share: percent(r), below, ...advice.params, other: safestOther(scenario, [random, balanced], meter) }, examples: advice.examples });
    } else verdicts.push({ strategy: r.strategy, meter, ok: true, code: 'balanceFavourOk', params: { meter, share: percent(r), below } });
  }
  return { runs: random.runs, seed: random.seed, warmUp, verdicts, missed: verdicts.filter((v) => !v.ok).length };
}

/**
 * A number of games as an author may type it: digits, or digits in groups of three as the tools
 * print them (25.000 in Dutch, 25,000 in English, 25 000 or 25'000 elsewhere). Read as 25000 rather
 * than refused: the check itself prints "25.000 spellen", and for a whole number of games a group
 * of exactly three digits cannot mean a decimal. Anything else (2.5, 25.00, 1,5) is null.
 */
export function parseRuns(text: string): number | null {
  const grouped = /^\d{1,3}([.,\u0020\u00A0\u202F'])\d{3}(?:\1\d{3})*$/.exec(text);
  if (grouped) return Number(text.split(grouped[1]!).join(''));
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** The defaults of `npm run check`; the scenario map uses the same, so both give the same verdicts. */
export const BALANCE_RUNS = 1000;
export const BALANCE_SEED = '1';

export function checkBalance(scenario: Scenario, options: { runs: number; seed: string } = { runs: BALANCE_RUNS, seed: BALANCE_SEED }): BalanceReport {
  return judgeBalance(scenario, balanceStrategies(scenario).map((strategy) => simulate(scenario, { ...options, strategy })));
}
