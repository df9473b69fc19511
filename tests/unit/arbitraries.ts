import fc from 'fast-check';
import type { Card, Choice, Condition, Ending, Meter, Scenario } from '../../src/engine/format.ts';

/** Random scenarios that satisfy the contract, including all condition kinds, follow-ups and flags. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    meterCount: fc.integer({ min: 2, max: 5 }),
    cardCount: fc.integer({ min: 1, max: 8 }),
    endingCount: fc.integer({ min: 0, max: 4 }),
    turns: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    seed: fc.integer(),
  })
  .chain(({ meterCount, cardCount, endingCount, turns }) => {
    const meterIds = Array.from({ length: meterCount }, (_, i) => `m${i}`);
    const cardIds = Array.from({ length: cardCount }, (_, i) => `c${i}`);
    const endingIds = Array.from({ length: endingCount }, (_, i) => `e${i}`);
    const flagIds = ['f0', 'f1', 'f2'];
    const condition: fc.Arbitrary<Condition> = fc.letrec<{ cond: Condition }>((tie) => ({
      cond: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ meter: fc.constantFrom(...meterIds), below: fc.integer({ min: -20, max: 120 }) }),
        fc.record({ meter: fc.constantFrom(...meterIds), atLeast: fc.integer({ min: -20, max: 120 }), atMost: fc.integer({ min: -20, max: 120 }) }),
        fc.record({ flag: fc.constantFrom(...flagIds), is: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 3 })) }),
        fc.record({ turn: fc.record({ atLeast: fc.integer({ min: 0, max: 30 }) }) }),
        fc.record({ seen: fc.constantFrom(...cardIds) }),
        fc.record({ chose: fc.constantFrom(...cardIds), choice: fc.constant(0) }),
        fc.record({ all: fc.array(tie('cond'), { minLength: 1, maxLength: 2 }) }),
        fc.record({ any: fc.array(tie('cond'), { minLength: 1, maxLength: 2 }) }),
        fc.record({ not: tie('cond') }),
      ),
    })).cond;
    const range = fc.constantFrom({ min: 0, max: 100 }, { min: -10, max: 10 }, { min: 0, max: 5 });
    const meter = (id: string): fc.Arbitrary<Meter> =>
      range.chain(({ min, max }) =>
        fc.record(
          {
            id: fc.constant(id),
            label: fc.constant({ nl: `Meter ${id}`, en: `Meter ${id}` }),
            start: fc.integer({ min, max }),
            min: fc.constant(min),
            max: fc.constant(max),
            onMin: endingIds.length ? fc.constantFrom(...endingIds) : fc.constant(undefined),
            onMax: endingIds.length ? fc.constantFrom(...endingIds) : fc.constant(undefined),
          },
          { requiredKeys: ['id', 'label', 'start', 'min', 'max'] },
        ),
      );
    const choice: fc.Arbitrary<Choice> = fc.record(
      {
        label: fc.constant('choose'),
        effects: fc.dictionary(fc.constantFrom(...meterIds), fc.integer({ min: -40, max: 40 }), { maxKeys: meterCount }),
        set: fc.dictionary(fc.constantFrom(...flagIds), fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 3 })), { maxKeys: 2 }),
        next: fc.oneof(fc.constantFrom(...cardIds), fc.record({ card: fc.constantFrom(...cardIds), after: fc.integer({ min: 1, max: 5 }) })),
        tags: fc.subarray(['friendly', 'more', 'user']),
      },
      { requiredKeys: ['label'] },
    );
    const cardArb = (id: string): fc.Arbitrary<Card> =>
      fc.record(
        {
          id: fc.constant(id),
          from: fc.constant('s0'),
          text: fc.constant({ nl: `Kaart ${id}`, en: `Card ${id}` }),
          choices: fc.array(choice, { minLength: 2, maxLength: 4 }),
          when: condition,
          weight: fc.constantFrom(0, 0.5, 1, 3),
          once: fc.boolean(),
        },
        { requiredKeys: ['id', 'from', 'text', 'choices'] },
      );
    const ending = (id: string): fc.Arbitrary<Ending> =>
      fc.record({ id: fc.constant(id), title: fc.constant(`End ${id}`), text: fc.constant('…'), when: condition }, { requiredKeys: ['id', 'title', 'text'] });
    return fc.record({
      format: fc.constant(1 as const),
      id: fc.constant('generated'),
      title: fc.constant({ nl: 'Gegenereerd', en: 'Generated' }),
      preview: fc.constantFrom('none' as const, 'which' as const, 'direction' as const, 'amount' as const),
      meters: fc.tuple(...meterIds.map(meter)),
      stakeholders: fc.constant([{ id: 's0', name: 'S', meter: 'm0' }]),
      cards: fc.tuple(...cardIds.map(cardArb)),
      endings: fc.tuple(...endingIds.map(ending)),
      ...(turns !== undefined ? { turns: fc.constant(turns) } : {}),
    });
  });

/** A list of choice indices, including some that do not exist. */
export const choicesArb = fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 60 });
