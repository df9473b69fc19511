/**
 * Every message an author meets for the typical mistakes: its code, its Dutch and English wording,
 * its line and column, and the concrete fix it states.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProblemCode } from '../../src/engine/messages.ts';
import { sameScenarioIdWarnings, validateScenarioText, withProblem, type Problem } from '../../src/engine/validate.ts';
import { authoringEn } from '../../src/locales/authoring-en.ts';
import { authoringNl } from '../../src/locales/authoring-nl.ts';
import { formatProblem, problemText } from '../../src/locales/authoring.ts';

const example = readFileSync(new URL('../../levels/example.json', import.meta.url), 'utf8');

/** The example with one edit, as an author would make it; the edit must be there. */
function edited(from: string, to: string): string {
  expect(example.includes(from), from).toBe(true);
  return example.replace(from, to);
}

/** The line and column where `needle` starts in `text`. */
function at(text: string, needle: string, offset = 0): { line: number; column: number } {
  const index = text.indexOf(needle) + offset;
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function only(text: string, code: ProblemCode): Problem {
  const found = validateScenarioText(text).problems.filter((p) => p.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!;
}

describe('messages for typical mistakes, in Dutch and English, with the fix', () => {
  it('a number typed as text: remove the quotes', () => {
    const text = edited('"start": 50, "min": 0', '"start": "50", "min": 0');
    const p = only(text, 'numberAsText');
    expect(p).toMatchObject({ severity: 'error', ...at(text, '"50", "min"'), params: { text: '50' }, suggestion: '50' });
    expect(problemText(p, 'en')).toBe('this number is written as a text: remove the quotes around 50 — did you mean 50?');
    expect(problemText(p, 'nl')).toBe('dit getal staat er als tekst: haal de aanhalingstekens rond 50 weg — bedoel je 50?');
  });

  it('a missing Dutch text: add "nl": "…"', () => {
    const text = edited('"label": { "nl": "Leerlingen", "en": "Pupils" }', '"label": { "en": "Pupils" }');
    const p = only(text, 'missingLanguage');
    expect(p).toMatchObject({ severity: 'warning', ...at(text, '{ "en": "Pupils" }'), params: { missing: 'nl' } });
    expect(problemText(p, 'en')).toBe('no "nl" text here, while the title has "nl" and "en": add the text, for example "nl": "…"');
    expect(problemText(p, 'nl')).toBe('hier ontbreekt de tekst in "nl", terwijl de titel "nl" en "en" heeft: vul de tekst aan, bijvoorbeeld "nl": "…"');
  });

  it('a next to a card that does not exist never suggests the card the next sits on', () => {
    const s = JSON.parse(example) as { cards: { id: string; choices: { next?: unknown }[] }[] };
    const own = s.cards[0]!;
    own.choices[0]!.next = `${own.id}x`;
    const text = JSON.stringify(s, null, 2);
    const p = only(text, 'unknownCard');
    expect(p.suggestion).not.toBe(`"${own.id}"`);
    expect(String(p.params.known).split(', ')).not.toContain(own.id);
    expect(problemText(p, 'en')).toContain(`correct the id, or add a card with "id": "${own.id}x"`);
    expect(problemText(p, 'nl')).toContain(`verbeter het id, of maak een kaart met "id": "${own.id}x"`);
  });

  it('"seen" and "flag" in one condition: put both in "all"', () => {
    const text = edited('"when": { "flag": "promised-early" }', '"when": { "flag": "promised-early", "seen": "town-trip" }');
    const p = only(text, 'twoConditionKinds');
    expect(p).toMatchObject({ ...at(text, '"seen": "town-trip"'), params: { first: 'flag', second: 'seen' } });
    expect(problemText(p, 'en')).toBe('"flag" and "seen" are two conditions in one { … }: put both in "all": [ { "flag": … }, { "seen": … } ] (or "any" when one of them is enough)');
    expect(problemText(p, 'nl')).toBe('"flag" en "seen" zijn twee voorwaarden in één { … }: zet ze samen in "all": [ { "flag": … }, { "seen": … } ] (of in "any" als één van beide genoeg is)');
  });

  it('curly quotes from a word processor: replace them with straight ones', () => {
    const text = edited('"turns": 8', '“turns”: 8');
    const p = only(text, 'curlyQuotes');
    expect(p).toMatchObject(at(text, '“turns”'));
    expect(problemText(p, 'en')).toContain('replace the curly quotes with straight ones (")');
    expect(problemText(p, 'nl')).toContain('vervang de krullen door rechte aanhalingstekens (")');
  });

  it('a quote inside a text: write \\"', () => {
    const text = edited('"nl": "Kennismaking: het mentoruur"', '"nl": "Kennismaking: het "mentoruur""');
    const p = only(text, 'quoteInsideText');
    expect(p).toMatchObject(at(text, 'mentoruur""'));
    expect(problemText(p, 'en')).toContain('write \\" for a quote inside a text');
    expect(problemText(p, 'nl')).toContain('schrijf \\" voor een aanhalingsteken in een tekst');
  });

  it('a missing comma names the line above', () => {
    const text = edited('"turns": 8,', '"turns": 8');
    const p = only(text, 'commaMissingField');
    expect(p).toMatchObject(at(text, '"turnUnit"'));
    expect(problemText(p, 'nl')).toBe('voor dit veld ontbreekt een komma: zet een , aan het eind van de regel erboven');
  });

  it('silent before, warned now: an unknown portrait or icon, a label too long for its button, chose counted from 1', () => {
    const s = JSON.parse(example) as { meters: { icon?: string }[]; stakeholders: { portrait?: string }[]; cards: { id: string; when?: unknown; choices: { label: unknown }[] }[] };
    s.meters[0]!.icon = 'backpak';
    s.stakeholders[0]!.portrait = 'pupill';
    s.cards[0]!.choices[0]!.label = { nl: 'x'.repeat(70), en: 'Fine' };
    const target = s.cards[1]!;
    // Written as players count: 1 for the first button and 2 for the second (the last) of a two-choice card.
    s.cards[2]!.when = { any: [{ chose: target.id, choice: 1 }, { chose: target.id, choice: target.choices.length }] };
    const result = validateScenarioText(JSON.stringify(s, null, 2));
    const byCode = new Map(result.problems.map((p) => [p.code, p]));
    expect(problemText(byCode.get('unknownIcon')!, 'en')).toMatch(/^there is no icon "backpak", so the neutral picture is shown: use one of .*backpack.* — did you mean "backpack"\?$/);
    expect(problemText(byCode.get('unknownPortrait')!, 'nl')).toMatch(/^er is geen portret "pupill", dus het neutrale plaatje verschijnt: gebruik een van .* — bedoel je "pupil"\?$/);
    expect(problemText(byCode.get('labelTooLong')!, 'en')).toBe('this button label has 70 characters; about 60 fit on a button on a projector: shorten it by 10 characters');
    expect(byCode.get('labelTooLong')!.severity).toBe('warning');
    // The last button written as its player number is an error; the warning says what 1 really is.
    expect(byCode.get('noSuchChoice')).toMatchObject({ severity: 'error', suggestion: String(target.choices.length - 1) });
    expect(problemText(byCode.get('choseCountsFromZero')!, 'en')).toBe(`"choice": 1 is the second choice written under card "${target.id}": the file counts from 0 in the order the choices are written (players see them shuffled). If you meant the first choice, write 0 — did you mean 0?`);
    // Errors and warnings are shown together.
    expect(result.problems.some((p) => p.severity === 'error') && result.problems.some((p) => p.severity === 'warning')).toBe(true);
  });

  it('keeps the compiler format in both languages: file:line:col: error|warning: …', () => {
    const text = edited('"start": 50, "min": 0', '"start": "50", "min": 0');
    const p = only(text, 'numberAsText');
    expect(formatProblem('levels/x.json', p, 'nl')).toMatch(/^levels\/x\.json:\d+:\d+: error: dit getal staat er als tekst: .* \(bij meters\[0\]\.start\)$/);
    expect(formatProblem('levels/x.json', p, 'en')).toMatch(/^levels\/x\.json:\d+:\d+: error: this number is written as a text: .* \(at meters\[0\]\.start\)$/);
  });
});

describe('errors and warnings shown together', () => {
  it('a type error in one meter leaves the warnings about every other part, and none about that meter', () => {
    const s = JSON.parse(example) as { meters: { icon?: string; start: unknown }[]; cards: { choices: { label: unknown }[] }[] };
    s.meters[0]!.start = 'fifty';
    s.meters[0]!.icon = 'nope';
    s.meters[1]!.icon = 'backpak';
    s.cards[0]!.choices[0]!.label = { nl: 'x'.repeat(70), en: 'Fine' };
    const result = validateScenarioText(JSON.stringify(s, null, 2));
    expect(result.ok).toBe(false);
    const said = result.problems.map((p) => `${p.severity} ${p.path} ${p.code}`);
    expect(said).toEqual(expect.arrayContaining(['error meters[0].start expectedNumber', 'warning meters[1].icon unknownIcon', 'warning cards[0].choices[0].label.nl labelTooLong']));
    // The broken meter's own warnings could rest on its wrong value: its error comes first.
    expect(said.filter((p) => p.includes('meters[0]') && p.startsWith('warning'))).toEqual([]);
  });
});

describe('two loaded files with one scenario id (the problems screen and the command line)', () => {
  it('warn in each file at its "id", naming the other, in Dutch and English; a file with errors is left out', () => {
    const other = example.replace('"id": "example"', '"id": "another"');
    const broken = example.replace('"turns": 8', '"turns": "eight"');
    const files = [
      { name: 'a.json', source: example, scenario: JSON.parse(example) },
      { name: 'b.json', source: `\n\n${example}`, scenario: JSON.parse(example) },
      { name: 'c.json', source: other, scenario: JSON.parse(other) },
      { name: 'd.json', source: broken, scenario: null },
    ];
    const warnings = sameScenarioIdWarnings(files);
    expect([...warnings.keys()].map((f) => f.name)).toEqual(['a.json', 'b.json']);
    const a = warnings.get(files[0]!)!;
    expect(a).toMatchObject({ severity: 'warning', code: 'sameScenarioId', path: 'id', ...at(example, '"example"'), params: { id: 'example', other: 'b.json' } });
    expect(warnings.get(files[1]!)).toMatchObject({ line: at(example, '"example"').line + 2, params: { other: 'a.json' } });
    expect(problemText(a, 'en')).toBe('the scenario id "example" is also used by b.json: the game can show only one of them; give one file another "id"');
    expect(problemText(a, 'nl')).toBe('het scenario-id "example" wordt ook gebruikt door b.json: het spel kan er maar één tonen; geef een van de bestanden een ander "id"');
    // Put among a file's other problems in the validator's order, by place.
    const late: Problem = { severity: 'warning', line: 99, column: 1, path: 'x', code: 'labelTooLong', params: {} };
    expect(withProblem([late], a).map((p) => p.code)).toEqual(['sameScenarioId', 'labelTooLong']);
  });
});

describe('the catalogues', () => {
  it('have the same keys in Dutch and English, each worded in Dutch where it is a sentence', () => {
    expect(Object.keys(authoringNl).sort()).toEqual(Object.keys(authoringEn).sort());
    const same = Object.keys(authoringEn).filter((k) => authoringEn[k as keyof typeof authoringEn] === authoringNl[k as keyof typeof authoringNl] && authoringEn[k as keyof typeof authoringEn].includes(' '));
    // Only templates made of placeholders and signs, and a key name, read the same in both.
    expect(same.sort()).toEqual(['checkHeading', 'mapBalanceKey']);
  });

  it('state a fix in every error and warning message: a colon or semicolon before what to do', () => {
    const problemCodes = Object.keys(authoringEn).filter((k) => !/^(found|cond|why|find|balance|sim|check|strings|csv|map|validate|problem|place|choices[OM]|items[OM])/.test(k) && k !== 'moreProblems');
    for (const code of problemCodes) {
      for (const text of [authoringEn[code as keyof typeof authoringEn], authoringNl[code as keyof typeof authoringNl]]) {
        // The fix follows a colon or semicolon; a message that is itself the instruction starts with the verb.
        expect(text, code).toMatch(/[:;] |^(use|gebruik) /);
      }
    }
  });
});

describe('the art the validator knows', () => {
  it('is exactly the portraits and icons in assets/', async () => {
    const { readdirSync } = await import('node:fs');
    const { ICONS, PORTRAITS } = await import('../../src/engine/art.ts');
    const names = (folder: string) => readdirSync(new URL(`../../assets/${folder}/`, import.meta.url)).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)).sort();
    expect([...PORTRAITS].sort()).toEqual(names('portraits'));
    expect([...ICONS].sort()).toEqual(names('icons'));
  });
});
