import type { Card, Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';

/** A small valid scenario for rule tests; every test states the parts it relies on. */
export function makeScenario(parts: Partial<Scenario> = {}): Scenario {
  return {
    format: 1,
    id: 'test',
    title: { nl: 'Test', en: 'Test' },
    turns: 10,
    meters: [
      { id: 'a', label: 'A', start: 50, onMin: 'a-low' },
      { id: 'b', label: 'B', start: 50, onMin: 'b-low', onMax: 'b-high' },
    ],
    stakeholders: [{ id: 's', name: 'S', meter: 'a' }],
    cards: [card('c1'), card('c2'), card('c3')],
    endings: [
      { id: 'a-low', title: 'A low', text: '…' },
      { id: 'b-low', title: 'B low', text: '…' },
      { id: 'b-high', title: 'B high', text: '…' },
      { id: 'done', title: 'Done', text: '…' },
    ],
    ...parts,
  };
}

export function card(id: string, parts: Partial<Card> = {}): Card {
  return {
    id,
    from: 's',
    text: `Card ${id}`,
    choices: [
      { label: 'up', effects: { a: 5, b: -5 } },
      { label: 'down', effects: { a: -5, b: 5 } },
    ],
    ...parts,
  };
}

/** Validates a scenario object through the same path as a file, so tests see what an author sees. */
export function validateObject(value: unknown) {
  return validateScenarioText(JSON.stringify(value, null, 2));
}
