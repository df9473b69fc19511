/**
 * What a room notices over many games of the shipped scenarios: an ending never says something the
 * meters contradict, and no ordinary card keeps coming back.
 *
 * The unit suite plays PLAYS games per scenario and strategy; `npm run bench -- content` plays the
 * full 10,000 (the figure the content promise is made for) with the same checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holds } from '../../src/engine/conditions.ts';
import { tagCounter } from '../../src/engine/profile.ts';
import type { Condition, Scenario } from '../../src/engine/format.ts';
import { simulate, type Strategy } from '../../src/engine/simulate.ts';
import type { GameState } from '../../src/engine/state.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';

export const PLAYS = Number(process.env.CONTENT_PLAYS ?? 1_000);
export const MAX_REPEATS = 2;

const m = (meter: string, range: Omit<Extract<Condition, { meter: string }>, 'meter'>): Condition => ({ meter, ...range });
const allAbove = (meters: string[], value: number): Condition => ({ all: meters.map((id) => m(id, { above: value })) });
/** An ending that says the player thought "different" (the person and their question) claims the profile says so too. */
const choseDifferent: Condition = { mostly: 'different', over: ['more', 'better'] };

/**
 * What each ending's text claims about the meters, written down as conditions. An ending reached
 * through a meter claims that meter at its end; the others claim what their text says in words
 * ("nobody walked away": every meter above its minimum). An ending that says how the player chose
 * claims the profile the debrief shows (`mostly`): a game that chose "more" 8 times and "different" 6
 * times must not be told it put the question before the customer.
 */
export const CLAIMS: Record<string, Record<string, Condition[]>> = {
  school: {
    'pupils-gone': [m('pupils', { atMost: 0 })],
    'parents-leave': [m('parents', { atMost: 0 })],
    'staff-gone': [m('teachers', { atMost: 0 })],
    'board-replaces-you': [m('board', { atMost: 0 })],
    'very-weak': [m('inspectorate', { atMost: 0 })],
    'whole-school-in-town': [m('pupils', { atLeast: 100 })],
    'loudest-parents': [m('parents', { atLeast: 100 })],
    'staff-school': [m('teachers', { atLeast: 100 })],
    'diploma-factory': [m('board', { atLeast: 100 })],
    'paper-school': [m('inspectorate', { atLeast: 100 })],
    // "you put pupils and their question first … parents"
    'a-different-school': [m('pupils', { atLeast: 50 }), m('parents', { atLeast: 40 }), choseDifferent],
    // "one of your masters is about to walk away"
    'just-made-it': [{ any: ['pupils', 'parents', 'teachers', 'board', 'inspectorate'].map((id) => m(id, { below: 20 })) }],
    // "pupils and parents are satisfied"
    'pupils-school': [m('pupils', { atLeast: 60 }), m('parents', { atLeast: 50 })],
    // "the dashboard is green, the inspectorate satisfied"
    'tidy-school': [m('board', { atLeast: 55 }), m('inspectorate', { atLeast: 55 })],
    // "nobody has walked away"
    'many-masters': [allAbove(['pupils', 'parents', 'teachers', 'board', 'inspectorate'], 0)],
  },
  hospital: {
    'waiting-room-empties': [m('patients', { atMost: 0 })],
    'no-contract': [m('insurer', { atMost: 0 })],
    'insurers-factory': [m('insurer', { atLeast: 100 })],
    'specialists-leave': [m('specialists', { atMost: 0 })],
    'specialists-clinic': [m('specialists', { atLeast: 100 })],
    'wards-close': [m('nurses', { atMost: 0 })],
    bankrupt: [m('budget', { atMost: 0 })],
    'spreadsheet-hospital': [m('budget', { atLeast: 100 })],
    // "the contract is in, but the patient became a means"
    'payer-central': [m('insurer', { atLeast: 60 }), m('patients', { below: 45 })],
    // "the specialists' diaries are full, the patients wait"
    'specialist-central': [m('specialists', { atLeast: 60 }), m('patients', { below: 45 })],
    // "patients happier than ever, but the insurer or the budget is creaking"
    'patient-first-fragile': [m('patients', { atLeast: 60 }), { any: [m('insurer', { below: 40 }), m('budget', { below: 40 })] }],
    // "not everyone got their way, but the real problems got smaller"
    // "you stopped saying 'the customer comes first' … the question behind the question"
    'person-central': [allAbove(['patients', 'insurer', 'specialists', 'nurses', 'budget'], 30), choseDifferent],
    // "nobody walked away … they are staying"
    'wagging-tails': [{ all: ['patients', 'insurer', 'specialists', 'nurses', 'budget'].map((id) => m(id, { atLeast: 40 })) }],
    'the-splits': [allAbove(['patients', 'insurer', 'specialists', 'nurses', 'budget'], 0)],
  },
  townhall: {
    'ending-residents-lost': [m('residents', { atMost: 0 })],
    'ending-residents-king': [m('residents', { atLeast: 100 })],
    'ending-council-falls': [m('council', { atMost: 0 })],
    'ending-campaign-office': [m('council', { atLeast: 100 })],
    'ending-staff-leave': [m('staff', { atMost: 0 })],
    'ending-staff-fortress': [m('staff', { atLeast: 100 })],
    'ending-partners-gone': [m('partners', { atMost: 0 })],
    'ending-partners-rule': [m('partners', { atLeast: 100 })],
    'ending-supervision': [m('rules', { atMost: 0 })],
    'ending-by-the-book': [m('rules', { atLeast: 100 })],
    // "residents and partners can find you … council, state and staff are still there"
    // "you put not the customer first but the question, and solved it together with others"
    'ending-people-first': [m('residents', { atLeast: 55 }), m('partners', { atLeast: 55 }), allAbove(['council', 'staff', 'rules'], 20), choseDifferent],
    // "the council is satisfied or the rules are kept; the residents wonder"
    'ending-tidy-hall': [m('residents', { below: 50 }), { any: [m('council', { atLeast: 55 }), m('rules', { atLeast: 55 })] }],
    // "you kept everyone just content enough; nobody got everything, nobody walked away"
    'ending-many-masters': [{ all: ['residents', 'council', 'staff', 'partners', 'rules'].map((id) => m(id, { atLeast: 35, atMost: 65 })) }],
    'ending-survived': [allAbove(['residents', 'council', 'staff', 'partners', 'rules'], 0)],
  },
};

function load(id: string): Scenario {
  const result = validateScenarioText(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${id} does not validate`);
  return result.scenario;
}

export interface PlayFindings {
  games: number;
  /** "ending: claim" → games where the ending came with the claim broken. */
  broken: Map<string, number>;
  /** Ordinary card → most times it came up in one game. */
  most: Map<string, number>;
  endings: Set<string>;
}

/** Plays `runs` games per strategy (random, balanced, and favouring each meter) and collects findings. */
export function playMany(scenario: Scenario, runs: number): PlayFindings {
  const claims = new Map(Object.entries(CLAIMS[scenario.id] ?? {}));
  const ordinary = new Set(scenario.cards.filter((c) => !c.once && (c.weight ?? 1) > 0).map((c) => c.id));
  const findings: PlayFindings = { games: 0, broken: new Map(), most: new Map(), endings: new Set() };
  const onGame = (state: GameState) => {
    findings.games++;
    const ending = state.end?.ending;
    if (ending) {
      findings.endings.add(ending);
      const ctx = { meters: state.meters, flags: state.flags, seen: state.seen, history: state.history, turn: state.turn, tagCount: tagCounter(scenario, state.history) };
      (claims.get(ending) ?? []).forEach((claim, i) => {
        if (!holds(claim, ctx)) findings.broken.set(`${ending}: claim ${i} ${JSON.stringify(claim)}`, (findings.broken.get(`${ending}: claim ${i} ${JSON.stringify(claim)}`) ?? 0) + 1);
      });
    }
    const counts = new Map<string, number>();
    for (const h of state.history) if (ordinary.has(h.card)) counts.set(h.card, (counts.get(h.card) ?? 0) + 1);
    for (const [card, n] of counts) if (n > (findings.most.get(card) ?? 0)) findings.most.set(card, n);
  };
  const strategies: Strategy[] = [{ kind: 'random' }, { kind: 'balanced' }, ...scenario.meters.map((meter) => ({ kind: 'favour' as const, meter: meter.id }))];
  for (const strategy of strategies) simulate(scenario, { runs, seed: 'plays', strategy, onGame });
  return findings;
}

describe.each(Object.keys(CLAIMS))('every card of %s', (id) => {
  it('is a real dilemma: each choice costs at least one master something', () => {
    const free = load(id).cards.flatMap((card) => card.choices.flatMap((choice, i) => (Object.values(choice.effects ?? {}).some((v) => v < 0) ? [] : [`${card.id} choice ${i}`])));
    expect(free).toEqual([]);
  });
});

describe.each(Object.keys(CLAIMS))('%s played many times', (id) => {
  const scenario = load(id);
  const findings = playMany(scenario, PLAYS);

  it('has every ending\'s claim written down', () => {
    expect((scenario.endings ?? []).map((e) => e.id).filter((e) => !Object.hasOwn(CLAIMS[id]!, e))).toEqual([]);
  });

  it('never reaches an ending whose text the meters or the profile contradict', () => {
    expect(findings.endings.size).toBeGreaterThan(5);
    expect([...findings.broken].map(([claim, n]) => `${claim} broken in ${n} games`)).toEqual([]);
  });

  it(`shows no ordinary card more than ${MAX_REPEATS} times in one game`, () => {
    expect([...findings.most].filter(([, n]) => n > MAX_REPEATS).map(([card, n]) => `${card}: ${n} times`)).toEqual([]);
  });
});
