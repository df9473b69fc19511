import type { Card, Ending, Meter, Scenario } from './format.ts';

/** Lookups by id for a validated scenario, built once per scenario object. */
export interface ScenarioIndex {
  cards: Map<string, Card>;
  meters: Map<string, Meter>;
  endings: Map<string, Ending>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexOf(scenario: Scenario): ScenarioIndex {
  let index = cache.get(scenario);
  if (!index) {
    index = {
      cards: new Map(scenario.cards.map((c) => [c.id, c])),
      meters: new Map(scenario.meters.map((m) => [m.id, m])),
      endings: new Map((scenario.endings ?? []).map((e) => [e.id, e])),
    };
    cache.set(scenario, index);
  }
  return index;
}
