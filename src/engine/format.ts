/**
 * The scenario file format, defined once with valibot. Its TypeScript types (`v.InferOutput`), its
 * runtime check (`scenarioShape`, worded by ./schema.ts) and the published JSON Schema
 * (`levels/scenario.schema.json`, by @valibot/to-json-schema) all come from the schemas in this file.
 * Each message given to valibot is the problem code an author is shown (see ./schema.ts).
 */
import * as v from 'valibot';
import { boolean, byForm, CONDITION_KINDS, doc, fields, isPlainObject, jsonSchemaOf, list, literal, number, oneOf, record, ref as named, shape, string, type Doc, type Schema } from './schema.ts';

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

// Other names (toString, valueOf…) work everywhere: every look-up by a name from a file goes through a Map or Object.hasOwn.

/** A text of 1 to `max` characters (a name, an id). */
const name = (max: number = LIMITS.ids) => string({ min: 1, max });

const id = (what: string, example: string) =>
  string({ min: 1, max: LIMITS.ids, reserved: RESERVED_NAMES, pattern: ID_PATTERN, patternCode: 'badId' }, { description: `The id of ${what}: letters, digits and - _ . : (no spaces).`, examples: [example] });

/** A name that refers to something else in the file; `description` says what, as a sentence. */
const ref = (description: string, example: string) => string({ min: 1, max: LIMITS.ids, reserved: RESERVED_NAMES }, { description, examples: [example] });
const oneOfThe = (list: string) => `the id of one of the ${list} in this file.`;

const languageCode = string({ pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, patternCode: 'badLanguageCode' }, { description: 'A language code such as "nl" or "en".' });

const plainText = name(LIMITS.textLength);

const textDefinition: Schema<string | Record<string, string>> = byForm(
  [
    [(v) => typeof v === 'string', plainText],
    [isPlainObject, record(languageCode, plainText, 'nl', { min: 1 })],
  ],
  'expectedTextOrLanguages',
  {
    description: 'Text the player sees: one string, or one per language ({"nl": "…", "en": "…"}). Missing languages fall back to another.',
    examples: [{ nl: 'De ouderraad wil een gesprek.', en: 'The parents\' council wants a meeting.' }],
  },
);

/** Text the player sees: one string, or one per language. */
export const textSchema = named(() => textDefinition);
export const textShape = shape(textSchema);

export type Text = v.InferOutput<typeof textSchema>;

export type Condition =
  | { meter: string; below?: number; above?: number; atLeast?: number; atMost?: number }
  | { flag: string; is?: boolean | number }
  | { turn: { atLeast?: number; atMost?: number } }
  | { seen: string }
  | { chose: string; choice: number }
  | { mostly: string; over: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const has = (key: string) => (v: unknown) => isPlainObject(v) && Object.hasOwn(v, key);

const flagValue = byForm(
  [
    [(v) => typeof v === 'boolean', boolean()],
    [(v) => typeof v === 'number', number()],
  ],
  'badFlagValue',
  { description: 'A flag\'s value: true, false or a number.' },
);

/** A condition's object: a second kind key in it ("seen" beside "flag") gets its own message. */
const conditionFields = <const E extends Record<string, v.GenericSchema>>(entries: E) => fields(entries, { kinds: CONDITION_KINDS });

const condition: Schema<Condition> = named(() => conditionDefinition);

const conditionDefinition: Schema<Condition> = byForm(
  [
    [
      has('meter'),
      doc(
        v.pipe(
          conditionFields({
            meter: ref(`The meter this condition looks at: ${oneOfThe('meters')}`, 'parents'),
            below: v.optional(number({}, { description: 'Holds when the meter is lower than this.' })),
            above: v.optional(number({}, { description: 'Holds when the meter is higher than this.' })),
            atLeast: v.optional(number({}, { description: 'Holds when the meter is this or higher.' })),
            atMost: v.optional(number({}, { description: 'Holds when the meter is this or lower.' })),
          }),
          v.check((c) => ['below', 'above', 'atLeast', 'atMost'].some((k) => Object.hasOwn(c, k)), 'meterNeedsComparison'),
          v.metadata({ minProperties: 2 }),
        ),
        { description: 'Holds when a meter is in a range.', examples: [{ meter: 'parents', below: 30 }] },
      ),
    ],
    [
      has('flag'),
      doc(conditionFields({ flag: ref('The flag this condition looks at: a name that a choice sets with "set".', 'promised-trip'), is: v.optional(flagValue) }), {
        description: 'Holds when a flag has a value (default: true).',
        examples: [{ flag: 'promised-trip', is: true }],
      }),
    ],
    [
      has('turn'),
      doc(
        conditionFields({
          turn: doc(
            v.pipe(
              conditionFields({
                atLeast: v.optional(number({ integer: true, min: 0 }, { description: 'From this turn on.' })),
                atMost: v.optional(number({ integer: true, min: 0 }, { description: 'Up to and including this turn.' })),
              }),
              v.metadata({ minProperties: 1 }),
            ),
            { description: 'A range of turns, with atLeast, atMost or both.', examples: [{ atLeast: 10, atMost: 20 }] },
          ),
        }),
        { description: 'Holds during a range of turns (1 is the first card).', examples: [{ turn: { atLeast: 10 } }] },
      ),
    ],
    [has('seen'), doc(conditionFields({ seen: ref(`The card that must have been shown: ${oneOfThe('cards')}`, 'inspection-visit') }), { description: 'Holds once a card has been shown.', examples: [{ seen: 'inspection-visit' }] })],
    [
      has('chose'),
      doc(
        conditionFields({
          chose: ref(`The card whose latest answer counts: ${oneOfThe('cards')}`, 'inspection-visit'),
          choice: number({ integer: true, min: 0 }, { description: 'The choice\'s place in the file, counting from 0 (the first choice is 0).' }),
        }),
        { description: 'Holds when the latest answer to a card was the given choice, counted from 0 in the order of the file.', examples: [{ chose: 'inspection-visit', choice: 1 }] },
      ),
    ],
    [
      has('mostly'),
      doc(
        conditionFields({
          mostly: ref('The tag that must have been chosen most: a tag that choices carry in "tags".', 'different'),
          over: doc(list(ref('A tag to compare with.', 'more'), { min: 1, max: 32 }), { description: 'The tags it must have been chosen more often than, each of them.', examples: [['more', 'better']] }),
        }),
        {
          description: 'Holds when choices with the tag "mostly" were taken more often than choices with each tag in "over" (a tie does not hold), as the debrief counts how the player chose. Use it for an ending that says how the player chose.',
          examples: [{ mostly: 'different', over: ['more', 'better'] }],
        },
      ),
    ],
    [has('all'), doc(conditionFields({ all: doc(list(condition, { min: 1 }), { description: 'Conditions that must all hold.', examples: [[{ flag: 'promised-trip' }, { meter: 'pupils', above: 60 }]] }) }), { description: 'Holds when every condition in the list holds.' })],
    [has('any'), doc(conditionFields({ any: doc(list(condition, { min: 1 }), { description: 'Conditions of which at least one must hold.', examples: [[{ seen: 'strike' }, { meter: 'budget', below: 20 }]] }) }), { description: 'Holds when at least one condition in the list holds.' })],
    [has('not'), doc(conditionFields({ not: doc(condition, { description: 'The condition that must not hold.', examples: [{ seen: 'inspection-visit' }] }) }), { description: 'Holds when the condition does not.' })],
  ],
  'conditionKindMissing',
  { description: 'A rule about the game so far: a meter, a flag, the turn, a card seen, a choice taken, the tag chosen most, or all/any/not of others.' },
) as Schema<Condition>;

export const conditionSchema = condition;
export const conditionShape = shape(condition);

const text = (d: Doc) => doc(textSchema, d);

const meterSchema = doc(
  fields({
    id: id('this meter', 'parents'),
    label: text({ description: 'The meter\'s name on screen: whose satisfaction it shows.', examples: [{ nl: 'Ouders', en: 'Parents' }] }),
    icon: v.optional(doc(name(), { description: 'The name of an icon in assets/icons, without .svg.', examples: ['family'] })),
    start: number({}, { description: 'The value at the start of the game.', examples: [50] }),
    min: v.optional(number({}, { description: 'The lowest value (default 0).', examples: [0] })),
    max: v.optional(number({}, { description: 'The highest value (default 100).', examples: [100] })),
    onMin: v.optional(ref(`The ending reached when this meter hits its minimum: ${oneOfThe('endings')}`, 'parents-leave')),
    onMax: v.optional(ref(`The ending reached when this meter hits its maximum: ${oneOfThe('endings')}`, 'parents-run-school')),
  }),
  { description: 'A satisfaction meter: how content one master is.' },
);

const stakeholderSchema = doc(
  fields({
    id: id('this stakeholder', 'parents'),
    name: text({ description: 'Who this is, as shown on their cards.', examples: [{ nl: 'Mevrouw Yilmaz, moeder', en: 'Mrs Yilmaz, a mother' }] }),
    portrait: v.optional(doc(name(), { description: 'The name of a portrait in assets/portraits, without .svg.', examples: ['parent'] })),
    meter: v.optional(ref(`The meter that shows this stakeholder\'s satisfaction: ${oneOfThe('meters')}`, 'parents')),
  }),
  { description: 'Someone who sends cards: a master to serve.' },
);

/** Free labels; debrief.tags explains them (each use says what its labels are for). */
const tagList = list(string({ min: 1, max: LIMITS.ids, reserved: RESERVED_NAMES }), { max: 32 });

const nextSchema = byForm(
  [
    [(v) => typeof v === 'string', ref(`The card that follows on the next turn: ${oneOfThe('cards')}`, 'inspection-report')],
    [
      isPlainObject,
      doc(
        fields({
          card: ref(`The card that follows: ${oneOfThe('cards')}`, 'objection-letter'),
          after: number({ integer: true, min: 1, max: 1000 }, { description: 'How many turns later the card follows (1 is the next turn).' }),
        }),
        { examples: [{ card: 'objection-letter', after: 4 }] },
      ),
    ],
  ],
  'badNext',
  { description: 'A card that follows this choice: its id (next turn), or {"card", "after"} for a later turn.' },
);

const choiceSchema = doc(
  fields({
    label: text({ description: 'The button text: at most about 60 characters so it fits a projector.', examples: [{ nl: 'Bel haar vanavond terug', en: 'Call her back tonight' }] }),
    effects: v.optional(record(string(), number({ min: -1000, max: 1000 }), 'meter', {}, { description: 'How much each meter moves, as {"meter id": amount}; a negative amount takes from it.', examples: [{ parents: 10, pupils: -5 }] })),
    set: v.optional(record(string({ min: 1, max: LIMITS.ids, reserved: RESERVED_NAMES }), flagValue, 'flag', {}, { description: 'The flags this choice sets, as {"flag": true, false or a number}.', examples: [{ 'promised-trip': true }] })),
    feedback: v.optional(text({ description: 'Shown after the choice: why it mattered, and to whom.', examples: [{ nl: 'De moeder voelt zich gehoord; je avond is weg.', en: 'The mother feels heard; your evening is gone.' }] })),
    next: v.optional(doc(nextSchema, { description: 'A card that follows from this choice: its id (next turn) or {"card", "after"} for later.', examples: ['inspection-report', { card: 'objection-letter', after: 4 }] })),
    tags: v.optional(doc(tagList, { description: 'Labels for the debrief, for example the level (friendly, oriented, driven), the frame (more, better, different), payer or user.', examples: [['friendly', 'user']] })),
  }),
  { description: 'One answer the player can give.' },
);

/** What the trainer sees of a card on the presenter view and the room never does. */
const notesSchema = doc(
  v.pipe(
    fields({
      source: v.optional(text({ description: 'Where the card comes from: the source article (title, author) and the idea the card stands for.', examples: [{ nl: '"Wie is eigenlijk jouw klant?" (Gerard, Lean Partners): leerlingen willen vooral de stad in.', en: '"Who is actually your customer?" (Gerard, Lean Partners): pupils mostly want to go into town.' }] })),
      question: v.optional(text({ description: 'A question the trainer can ask the room about this card.', examples: [{ nl: 'Wie is hier de klant: de leerling of de ouder?', en: 'Who is the customer here: the pupil or the parent?' }] })),
    }),
    v.check((n) => n.source !== undefined || n.question !== undefined, 'notesEmpty'),
    v.metadata({ minProperties: 1 }),
  ),
  { description: 'Notes for the trainer, shown only on the presenter view: where the card comes from and a question to ask.' },
);

const cardSchema = doc(
  fields({
    id: id('this card', 'town-trip'),
    from: ref(`The stakeholder who brings this card: ${oneOfThe('stakeholders')}`, 'pupils'),
    text: text({ description: 'What the stakeholder says or asks: at most about 280 characters.', examples: [{ nl: '"Mogen we na de toets de stad in?"', en: '"Can we go into town after the test?"' }] }),
    choices: doc(list(choiceSchema, { min: 2, max: 4 }), { description: 'The answers the player can give: two to four.' }),
    when: v.optional(doc(condition, { description: 'The card is only drawn while this holds.', examples: [{ meter: 'parents', below: 30 }] })),
    weight: v.optional(number({ min: 0, max: 1000 }, { description: 'How likely the card is drawn (1 if left out); with 0 it comes only through a next.', examples: [1] })),
    once: v.optional(boolean({ description: 'Draw this card at most once per game.' })),
    cooldown: v.optional(number({ integer: true, min: 0, max: 1000 }, { description: 'Turns after this card was shown before it can be drawn again (follow-ups through next still come).', examples: [14] })),
    tags: v.optional(doc(tagList, { description: 'Labels for the card, for example the source article (source:000).', examples: [['source:000']] })),
    notes: v.optional(notesSchema),
  }),
  { description: 'A dilemma brought by one stakeholder.' },
);

const endingSchema = doc(
  fields({
    id: id('this ending', 'balanced'),
    title: text({ description: 'The ending\'s headline.', examples: [{ nl: 'De hele school de stad in', en: 'The whole school goes into town' }] }),
    text: text({ description: 'What happened, in a few sentences.' }),
    when: v.optional(doc(condition, { description: 'After the last turn, this ending is chosen if it is the first whose condition holds. Leave it out for the fallback.', examples: [{ all: [{ meter: 'pupils', atLeast: 50 }, { meter: 'parents', atLeast: 50 }] }] })),
  }),
  { description: 'How the game ends. After the last turn, the first ending whose when holds is chosen; an ending without when is a fallback.' },
);

const debriefSchema = doc(
  fields({
    questions: v.optional(doc(list(textSchema, { max: 20 }), { description: 'Reflection questions for the end of the game.' })),
    statements: v.optional(doc(list(textSchema, { min: 1, max: 8 }), { description: 'Statements a workshop rates on the phones from 1 (disagree) to 5 (agree), before the first card and again after the debrief, to show what changed.', examples: [[{ nl: 'De burger is een klant.', en: 'The citizen is a customer.' }]] })),
    tags: v.optional(
      record(
        string(),
        doc(fields({ label: text({ description: 'The tag\'s name in the debrief.' }), text: v.optional(text({ description: 'What choosing this way means.' })) }), { description: 'How the debrief names and explains a tag.' }),
        'tag',
        {},
        { description: 'Labels and explanations for choice tags.', examples: [{ friendly: { label: { nl: 'Klantvriendelijk', en: 'Customer-friendly' } } }] },
      ),
    ),
  }),
  { description: 'What the player sees after the game.' },
);

export const scenarioSchema = doc(
  fields({
    $schema: v.optional(doc(string(), { description: 'The path of the JSON Schema, for editors.', examples: ['./scenario.schema.json'] })),
    format: literal(FORMAT_VERSION, { description: 'The version of this file format.' }),
    id: id('this scenario', 'school'),
    title: text({ description: 'The scenario\'s name on the title screen.', examples: [{ nl: 'De school', en: 'The school' }] }),
    description: v.optional(text({ description: 'One or two sentences under the title on the title screen.' })),
    setting: v.optional(string({ max: LIMITS.ids }, { description: 'The kind of organisation.', examples: ['school', 'hospital', 'townhall'] })),
    turns: v.optional(number({ integer: true, min: 1, max: 1000 }, { description: 'The number of cards to survive; without it the game is endless until a meter ends it.', examples: [30] })),
    turnUnit: v.optional(text({ description: 'What a turn is called on screen ("week 5 of 30").', examples: [{ nl: 'week', en: 'week' }] })),
    preview: v.optional(oneOf(['none', 'which', 'direction', 'amount'], { description: 'What the player sees of a choice before choosing.' })),
    choiceOrder: v.optional(oneOf(['shuffled', 'file'], { description: 'The order a card\'s choices are shown in: shuffled per game (default, so no position gives the answer away) or as written in the file.' })),
    meters: doc(list(meterSchema, { min: 2, max: 8 }), { description: 'The satisfaction meters: two to eight.' }),
    stakeholders: doc(list(stakeholderSchema, { min: 1, max: 64 }), { description: 'The masters who send cards.' }),
    cards: doc(list(cardSchema, { min: 1, max: LIMITS.cards }), { description: 'The deck: every dilemma the player may meet.' }),
    endings: v.optional(doc(list(endingSchema, { max: 64 }), { description: 'How the game can end: meter endings (named by onMin/onMax) and endings after the last turn, in order.' })),
    debrief: v.optional(debriefSchema),
  }),
  { title: 'Many Masters scenario', description: 'A scenario for Many Masters (Meerdere heren dienen), format 1.' },
);

export const scenarioShape = shape(scenarioSchema);

export type Scenario = v.InferOutput<typeof scenarioSchema>;
export type Meter = Scenario['meters'][number];
export type Stakeholder = Scenario['stakeholders'][number];
export type Card = Scenario['cards'][number];
export type Choice = Card['choices'][number];
export type CardNotes = NonNullable<Card['notes']>;
export type Ending = NonNullable<Scenario['endings']>[number];
export type PreviewMode = NonNullable<Scenario['preview']>;

export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(scenarioSchema, { Condition: conditionDefinition, Text: textDefinition }, {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://many-masters.invalid/scenario.schema.json',
  });
}
