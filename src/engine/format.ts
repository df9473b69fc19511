/**
 * The scenario file format, defined once. Its TypeScript types, its runtime check and the published
 * JSON Schema (`levels/scenario.schema.json`) all come from the shapes in this file.
 */
import {
  array,
  boolean,
  isPlainObject,
  lazy,
  literal,
  number,
  object,
  oneOf,
  optional,
  record,
  required,
  string,
  toJsonSchema,
  union,
  variant,
  type Infer,
  type Shape,
} from './schema.ts';
import { coded, found } from './messages.ts';

export const FORMAT_VERSION = 1;

/** Limits that keep a hostile or mistaken file from hanging the game; named in the messages. */
export const LIMITS = {
  fileBytes: 5_000_000,
  depth: 40,
  stringLength: 20_000,
  cards: 2_000,
  ids: 64,
  textLength: 2_000,
  /** Items in any one list and fields in any one object: the format needs at most 2,000 (cards). */
  listItems: 2_000,
  objectKeys: 2_000,
  /** Digits, sign, point and exponent of one number. */
  numberLength: 400,
  /** Problems listed for one file; the rest are counted ("and N more"). */
  problems: 200,
} as const;

/** Names that every JavaScript object already has a meaning for; refused as field names, ids, flags and tags. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** Other names (toString, valueOf…) work everywhere: every look-up by a name from a file goes through a Map or Object.hasOwn. */
const reserved = { names: RESERVED_NAMES };

const id = (what: string, example: string) =>
  string(
    { minLength: 1, maxLength: LIMITS.ids, reserved, pattern: ID_PATTERN, patternCode: 'badId' },
    { description: `The id of ${what}: letters, digits and - _ . : (no spaces).`, examples: [example] },
  );

const ref = (what: string, example: string) =>
  string({ minLength: 1, maxLength: LIMITS.ids, reserved }, { description: `The id of ${what} defined elsewhere in this file.`, examples: [example] });

const languageCode = string(
  { pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, patternCode: 'badLanguageCode' },
  { description: 'A language code such as "nl" or "en".' },
);

const plainText = string({ minLength: 1, maxLength: LIMITS.textLength });

export const textShape = union(
  [
    variant((v) => typeof v === 'string', plainText),
    variant(isPlainObject, record(plainText, { key: languageCode, min: 1, keyName: 'nl' })),
  ],
  (v) => coded('expectedTextOrLanguages', { found: found(v) }),
  {
    description: 'Text the player sees: one string, or one per language ({"nl": "…", "en": "…"}). Missing languages fall back to another.',
    examples: [{ nl: 'De ouderraad wil een gesprek.', en: 'The parents\' council wants a meeting.' }],
  },
  'Text',
);

export type Text = Infer<typeof textShape>;

export type Condition =
  | { meter: string; below?: number; above?: number; atLeast?: number; atMost?: number }
  | { flag: string; is?: boolean | number }
  | { turn: { atLeast?: number; atMost?: number } }
  | { seen: string }
  | { chose: string; choice: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const CONDITION_KINDS = ['meter', 'flag', 'turn', 'seen', 'chose', 'all', 'any', 'not'] as const;

const has = (key: string) => (v: unknown) => isPlainObject(v) && Object.hasOwn(v, key);

const flagValue = union(
  [variant((v) => typeof v === 'boolean', boolean()), variant((v) => typeof v === 'number', number())],
  (v) => coded('badFlagValue', { found: found(v) }),
  { description: 'true, false or a number.' },
);

/** A condition's object: a second kind key in it ("seen" beside "flag") gets its own message. */
const conditionObject: typeof object = (fields, doc, options = {}) => object(fields, doc, { ...options, kinds: CONDITION_KINDS });

export const conditionShape: Shape<Condition> = lazy(
  () =>
    union(
      [
        variant(
          has('meter'),
          conditionObject(
            {
              meter: required(ref('a meter', 'parents')),
              below: optional(number({}, { description: 'Holds when the meter is lower than this.' })),
              above: optional(number({}, { description: 'Holds when the meter is higher than this.' })),
              atLeast: optional(number({}, { description: 'Holds when the meter is this or higher.' })),
              atMost: optional(number({}, { description: 'Holds when the meter is this or lower.' })),
            },
            { description: 'Holds when a meter is in a range.', examples: [{ meter: 'parents', below: 30 }] },
            {
              minProperties: 2,
              refine: (v) =>
                ['below', 'above', 'atLeast', 'atMost'].some((k) => k in v)
                  ? undefined
                  : coded('meterNeedsComparison', { meter: String(v.meter) }),
            },
          ),
        ),
        variant(
          has('flag'),
          conditionObject(
            {
              flag: required(ref('a flag set by a choice', 'promised-trip')),
              is: optional(flagValue),
            },
            { description: 'Holds when a flag has a value (default: true).', examples: [{ flag: 'promised-trip', is: true }] },
          ),
        ),
        variant(
          has('turn'),
          conditionObject(
            {
              turn: required(
                conditionObject(
                  {
                    atLeast: optional(number({ integer: true, min: 0 }, { description: 'From this turn on.' })),
                    atMost: optional(number({ integer: true, min: 0 }, { description: 'Up to and including this turn.' })),
                  },
                  { description: 'A range of turns: atLeast and/or atMost.', examples: [{ atLeast: 10, atMost: 20 }] },
                  { minProperties: 1 },
                ),
              ),
            },
            { description: 'Holds during a range of turns (1 is the first card).', examples: [{ turn: { atLeast: 10 } }] },
          ),
        ),
        variant(
          has('seen'),
          conditionObject({ seen: required(ref('a card', 'inspection-visit')) }, { description: 'Holds once a card has been shown.', examples: [{ seen: 'inspection-visit' }] }),
        ),
        variant(
          has('chose'),
          conditionObject(
            {
              chose: required(ref('a card', 'inspection-visit')),
              choice: required(number({ integer: true, min: 0 }, { description: 'The choice\'s position, counting from 0.' })),
            },
            { description: 'Holds when the latest answer to a card was the given choice (0 = first).', examples: [{ chose: 'inspection-visit', choice: 1 }] },
          ),
        ),
        variant(has('all'), conditionObject({ all: required(array(conditionShape, { min: 1 }, { description: 'Conditions that must all hold.', examples: [[{ flag: 'promised-trip' }, { meter: 'pupils', above: 60 }]] })) }, { description: 'Holds when every condition in the list holds.' })),
        variant(has('any'), conditionObject({ any: required(array(conditionShape, { min: 1 }, { description: 'Conditions of which at least one must hold.', examples: [[{ seen: 'strike' }, { meter: 'budget', below: 20 }]] })) }, { description: 'Holds when at least one condition in the list holds.' })),
        variant(has('not'), conditionObject({ not: required(conditionShape, { description: 'The condition that must not hold.', examples: [{ seen: 'inspection-visit' }] }) }, { description: 'Holds when the condition does not.' })),
      ],
      (v) => (isPlainObject(v) ? coded('conditionKindMissing', { kinds: CONDITION_KINDS.join(', ') }) : coded('expectedCondition', { found: found(v) })),
    ),
  'Condition',
  { description: 'A rule about the game so far: a meter, a flag, the turn, a card seen, a choice taken, or all/any/not of others.' },
);

const meterShape = object(
  {
    id: required(id('this meter', 'parents')),
    label: required(textShape, { description: 'The meter\'s name on screen: whose satisfaction it shows.', examples: [{ nl: 'Ouders', en: 'Parents' }] }),
    icon: optional(string({ minLength: 1, maxLength: LIMITS.ids }, { description: 'Name of an icon in assets/icons (without .svg).', examples: ['family'] })),
    start: required(number({}, { description: 'The value at the start of the game.', examples: [50] })),
    min: optional(number({}, { description: 'The lowest value (default 0).', examples: [0] })),
    max: optional(number({}, { description: 'The highest value (default 100).', examples: [100] })),
    onMin: optional(ref('the ending reached when this meter hits its minimum', 'parents-leave')),
    onMax: optional(ref('the ending reached when this meter hits its maximum', 'parents-run-school')),
  },
  { description: 'A satisfaction meter: how content one master is.' },
);

const stakeholderShape = object(
  {
    id: required(id('this stakeholder', 'parents')),
    name: required(textShape, { description: 'Who this is, as shown on their cards.', examples: [{ nl: 'Mevrouw Yilmaz, moeder', en: 'Mrs Yilmaz, a mother' }] }),
    portrait: optional(string({ minLength: 1, maxLength: LIMITS.ids }, { description: 'Name of a portrait in assets/portraits (without .svg).', examples: ['parent'] })),
    meter: optional(ref('the meter that shows this stakeholder\'s satisfaction', 'parents')),
  },
  { description: 'Someone who sends cards: a master to serve.' },
);

const tagList = array(string({ minLength: 1, maxLength: LIMITS.ids, reserved }), { max: 32 }, { description: 'Free labels; debrief.tags explains them.', examples: [['friendly', 'user']] });

const nextShape = union(
  [
    variant((v) => typeof v === 'string', ref('the card that follows on the next turn', 'inspection-report')),
    variant(
      isPlainObject,
      object(
        {
          card: required(ref('the card that follows', 'objection-letter')),
          after: required(number({ integer: true, min: 1, max: 1000 }, { description: 'How many turns later (1 = the next turn).' })),
        },
        { examples: [{ card: 'objection-letter', after: 4 }] },
      ),
    ),
  ],
  (v) => coded('badNext', { found: found(v) }),
  { description: 'A card that follows this choice: its id (next turn), or {"card", "after"} for a later turn.' },
);

const choiceShape = object(
  {
    label: required(textShape, { description: 'The button text: at most about 60 characters so it fits a projector.', examples: [{ nl: 'Bel haar vanavond terug', en: 'Call her back tonight' }] }),
    effects: optional(
      record(number({ min: -1000, max: 1000 }), { keyName: 'meter' }, { description: 'How much each meter moves: {"meter id": +/- amount}.', examples: [{ parents: 10, pupils: -5 }] }),
    ),
    set: optional(record(flagValue, { key: string({ minLength: 1, maxLength: LIMITS.ids, reserved }), keyName: 'flag' }, { description: 'Flags to set: {"flag": true|false|number}.', examples: [{ 'promised-trip': true }] })),
    feedback: optional(textShape, { description: 'Shown after the choice: why it mattered, and to whom.', examples: [{ nl: 'De moeder voelt zich gehoord; je avond is weg.', en: 'The mother feels heard; your evening is gone.' }] }),
    next: optional(nextShape, { description: 'A card that follows from this choice: its id (next turn) or {"card", "after"} for later.', examples: ['inspection-report', { card: 'objection-letter', after: 4 }] }),
    tags: optional(tagList, { description: 'Labels for the debrief, e.g. the level (friendly, oriented, driven), the frame (more, better, different), payer or user.', examples: [['friendly', 'user']] }),
  },
  { description: 'One answer the player can give.' },
);

const cardShape = object(
  {
    id: required(id('this card', 'town-trip')),
    from: required(ref('the stakeholder who brings this card', 'pupils')),
    text: required(textShape, { description: 'What the stakeholder says or asks: at most about 280 characters.', examples: [{ nl: '"Mogen we na de toets de stad in?"', en: '"Can we go into town after the test?"' }] }),
    choices: required(array(choiceShape, { min: 2, max: 4 }, { description: 'Two to four choices.' })),
    when: optional(conditionShape, { description: 'The card is only drawn while this holds.', examples: [{ meter: 'parents', below: 30 }] }),
    weight: optional(number({ min: 0, max: 1000 }, { description: 'How likely the card is drawn (default 1; 0 = only reached through a next).', examples: [1] })),
    once: optional(boolean({ description: 'Draw this card at most once per game.' })),
    cooldown: optional(number({ integer: true, min: 0, max: 1000 }, { description: 'Turns after this card was shown before it can be drawn again (follow-ups through next still come).', examples: [14] })),
    tags: optional(tagList, { description: 'Labels for the card, e.g. the source article (source:000).', examples: [['source:000']] }),
  },
  { description: 'A dilemma brought by one stakeholder.' },
);

const endingShape = object(
  {
    id: required(id('this ending', 'balanced')),
    title: required(textShape, { description: 'The ending\'s headline.', examples: [{ nl: 'De hele school de stad in', en: 'The whole school goes into town' }] }),
    text: required(textShape, { description: 'What happened, in a few sentences.' }),
    when: optional(conditionShape, { description: 'After the last turn, this ending is chosen if it is the first whose condition holds. Leave it out for the fallback.', examples: [{ all: [{ meter: 'pupils', atLeast: 50 }, { meter: 'parents', atLeast: 50 }] }] }),
  },
  { description: 'How the game ends. After the last turn, the first ending whose when holds is chosen; an ending without when is a fallback.' },
);

const debriefShape = object(
  {
    questions: optional(array(textShape, { max: 20 }, { description: 'Reflection questions for the end of the game.' })),
    tags: optional(
      record(
        object({ label: required(textShape, { description: 'The tag\'s name in the debrief.' }), text: optional(textShape, { description: 'What choosing this way means.' }) }, { description: 'How the debrief names and explains a tag.' }),
        { keyName: 'tag' },
        { description: 'Labels and explanations for choice tags.', examples: [{ friendly: { label: { nl: 'Klantvriendelijk', en: 'Customer-friendly' } } }] },
      ),
    ),
  },
  { description: 'What the player sees after the game.' },
);

export const scenarioShape = object(
  {
    $schema: optional(string({}, { description: 'Path of the JSON Schema, for editors.', examples: ['./scenario.schema.json'] })),
    format: required(literal(FORMAT_VERSION, { description: 'The version of this file format.' })),
    id: required(id('this scenario', 'school')),
    title: required(textShape, { description: 'The scenario\'s name on the title screen.', examples: [{ nl: 'De school', en: 'The school' }] }),
    description: optional(textShape, { description: 'One or two sentences under the title on the title screen.' }),
    setting: optional(string({ maxLength: LIMITS.ids }, { description: 'The kind of organisation.', examples: ['school', 'hospital', 'townhall'] })),
    turns: optional(number({ integer: true, min: 1, max: 1000 }, { description: 'Cards to survive; absent = endless until a meter ends the game.', examples: [30] })),
    turnUnit: optional(textShape, { description: 'What a turn is called on screen ("week 5 of 30").', examples: [{ nl: 'week', en: 'week' }] }),
    preview: optional(oneOf(['none', 'which', 'direction', 'amount'], { description: 'What the player sees of a choice before choosing.' })),
    choiceOrder: optional(oneOf(['shuffled', 'file'], { description: 'The order a card\'s choices are shown in: shuffled per game (default, so no position gives the answer away) or as written in the file.' })),
    meters: required(array(meterShape, { min: 2, max: 8 }, { description: 'Two to eight satisfaction meters.' })),
    stakeholders: required(array(stakeholderShape, { min: 1, max: 64 }, { description: 'The masters who send cards.' })),
    cards: required(array(cardShape, { min: 1, max: LIMITS.cards }, { description: 'The deck: every dilemma the player may meet.' })),
    endings: optional(array(endingShape, { max: 64 }, { description: 'How the game can end: meter endings (named by onMin/onMax) and endings after the last turn, in order.' })),
    debrief: optional(debriefShape),
  },
  { title: 'Many Masters scenario', description: 'A scenario for Many Masters (Meerdere heren dienen), format 1.' },
);

export type Scenario = Infer<typeof scenarioShape>;
export type Meter = Scenario['meters'][number];
export type Stakeholder = Scenario['stakeholders'][number];
export type Card = Scenario['cards'][number];
export type Choice = Card['choices'][number];
export type Ending = NonNullable<Scenario['endings']>[number];
export type PreviewMode = NonNullable<Scenario['preview']>;

export function scenarioJsonSchema(): Record<string, unknown> {
  return toJsonSchema(scenarioShape, {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://many-masters.invalid/scenario.schema.json',
  });
}
