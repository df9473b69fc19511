/**
 * Advice that is right: each typical mistake gets a message that names the real mistake, at its
 * line and column, in Dutch and English, and where the fix is certain the problem carries it as an
 * edit; applying the edit must cure the problem, never make the file worse.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { applyEdits } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { errorsFirst, validateScenarioText, type Problem } from '../../src/engine/validate.ts';
import { problemText } from '../../src/locales/authoring.ts';
import { mistakeText, nearMissText, scenarioText } from './mutations.ts';

const EXAMPLE = readFileSync(new URL('../../levels/example.json', import.meta.url), 'utf8');

/** The example with one exact piece of text replaced; the piece must be there. */
function withMistake(from: string, to: string): string {
  expect(EXAMPLE).toContain(from);
  return EXAMPLE.replace(from, to);
}

/** Line and column (from 1) of the first occurrence of `needle` in `text`, + `shift` columns. */
function where(text: string, needle: string, shift = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') + shift };
}

function only(text: string, code: Problem['code']): Problem {
  const found = validateScenarioText(text).problems.filter((p) => p.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!;
}

/** The file with the problem's fix applied: it must no longer have that problem, nor any error if the file had only this one. */
function fixed(text: string, p: Problem): string {
  expect(p.fix, `${p.code} carries its fix`).toBeDefined();
  return applyEdits(text, p.fix!);
}

describe('advice for mistakes made by hand in a text editor', () => {
  it('"tenants": +10: leave out the +', () => {
    const text = withMistake('"pupils": 15,', '"pupils": +15,');
    const p = only(text, 'plusSign');
    expect(p).toMatchObject({ severity: 'error', ...where(text, '+15'), path: 'cards[0].choices[0].effects.pupils' });
    expect(problemText(p, 'en')).toBe('a number is written without a plus sign: write 15 instead of +15');
    expect(problemText(p, 'nl')).toBe('een getal schrijf je zonder plusteken: schrijf 15 in plaats van +15');
    expect(fixed(text, p)).toBe(EXAMPLE);
  });

  it('a decimal comma, "weight": 1,5: write 1.5', () => {
    const text = withMistake('"weight": 2,', '"weight": 1,5,');
    const p = only(text, 'decimalComma');
    expect(p).toMatchObject({ severity: 'error', ...where(text, '1,5', 1), path: 'cards[5].weight' });
    expect(problemText(p, 'en')).toBe('1,5 is written with a decimal comma; JSON writes a decimal with a point: write 1.5');
    expect(problemText(p, 'nl')).toBe('1,5 staat er met een decimale komma; JSON schrijft een decimaal getal met een punt: schrijf 1.5');
    expect(fixed(text, p)).toBe(withMistake('"weight": 2,', '"weight": 1.5,'));
  });

  it('a forgotten closing quote is named as such, not as a quote inside the text, and the fix closes the text', () => {
    const text = withMistake('"nl": "Prima, deal",', '"nl": "Prima, deal,');
    const p = validateScenarioText(text).problems[0]!;
    expect(p).toMatchObject({ code: 'quoteNotClosed', severity: 'error', ...where(text, '"Prima, deal,'), path: 'cards[0].choices[0].label.nl' });
    expect(problemText(p, 'en')).toBe('the closing " of this text is missing, so the text runs on into what follows: add the " at the end of the text');
    expect(problemText(p, 'nl')).toBe('het sluitende " van deze tekst ontbreekt, dus de tekst loopt door in wat erna komt: zet het " aan het eind van de tekst');
    expect(fixed(text, p)).toBe(EXAMPLE);
    // In a list too: ["friendly, "user"]
    const inList = withMistake('"tags": ["friendly", "user"]', '"tags": ["friendly, "user"]');
    const q = validateScenarioText(inList).problems[0]!;
    expect(q).toMatchObject({ code: 'quoteNotClosed', ...where(inList, '"friendly,') });
    expect(fixed(inList, q)).toBe(EXAMPLE);
    // At the end of a line the text runs past it; the quote goes before the line's comma.
    const eol = withMistake('collega\'s willen allemaal iets anders.",', 'collega\'s willen allemaal iets anders.,');
    const r = validateScenarioText(eol).problems[0]!;
    expect(r.code).toBe('textPastLineEnd');
    expect(fixed(eol, r)).toBe(EXAMPLE);
  });

  it('a real quote inside a text is still told to write \\"', () => {
    const text = withMistake('"Prima, deal"', '"Prima "deal" hoor"');
    expect(validateScenarioText(text).problems[0]!.code).toBe('quoteInsideText');
  });

  it('effects written as a list [ … ]: write an object { … }', () => {
    const text = withMistake('"effects": { "pupils": 15, "colleagues": -10, "parents": -5 }', '"effects": [ "pupils": 15, "colleagues": -10, "parents": -5 ]');
    const p = validateScenarioText(text).problems[0]!;
    expect(p).toMatchObject({ code: 'fieldsInList', severity: 'error', ...where(text, '[ "pupils"'), path: 'cards[0].choices[0].effects' });
    expect(problemText(p, 'en')).toBe('this list [ … ] holds fields ("name": value); fields belong in an object: write { … } instead of [ … ]');
    expect(problemText(p, 'nl')).toBe('deze lijst [ … ] bevat velden ("naam": waarde); velden horen in een object: schrijf { … } in plaats van [ … ]');
    expect(fixed(text, p)).toBe(EXAMPLE);
  });

  it('a next that points at its own card', () => {
    const text = withMistake('"next": "outing-plan"', '"next": "town-trip"');
    const p = only(text, 'nextToSelf');
    expect(p).toMatchObject({ severity: 'warning', ...where(text, '"next": "town-trip"', 8), path: 'cards[0].choices[2].next' });
    expect(problemText(p, 'en')).toBe('the third choice of card "town-trip" leads back to this same card with "next", so the player meets it again: let "next" name another card, or remove it');
    expect(problemText(p, 'nl')).toBe('de derde keuze van kaart "town-trip" leidt met "next" terug naar dezelfde kaart, dus de speler krijgt die kaart opnieuw: laat "next" een andere kaart noemen, of haal het weg');
  });

  it('a card text over 280 characters is a warning with how much to cut', () => {
    const text = withMistake('Going into town.', `Going into town. ${'word '.repeat(40)}`);
    const p = only(text, 'cardTextTooLong');
    expect(p).toMatchObject({ severity: 'warning', path: 'cards[0].text.en', line: where(text, 'Going into town.').line });
    expect(problemText(p, 'en')).toBe('this card text has 315 characters; the guide keeps a card under 280 so that a room can read it on the projector: shorten it by 35 characters');
    expect(problemText(p, 'nl')).toBe('deze kaarttekst heeft 315 tekens; de handleiding houdt een kaart onder de 280, zodat een zaal hem op de beamer kan lezen: maak hem 35 tekens korter');
    expect(validateScenarioText(EXAMPLE).problems).toEqual([]);
  });

  it('a file without debrief: one warning, at the first tag a choice uses, naming every tag', () => {
    const value = JSON.parse(EXAMPLE) as Record<string, unknown>;
    delete value.debrief;
    const text = JSON.stringify(value, null, 2);
    const result = validateScenarioText(text);
    expect(result.problems.filter((p) => p.code === 'tagNoLabel')).toEqual([]);
    const p = only(text, 'tagsWithoutDebrief');
    expect(p).toMatchObject({ severity: 'warning', path: 'cards[0].choices[0].tags[0]', ...where(text, '"friendly"') });
    expect(problemText(p, 'en')).toMatch(/^the choices use tags \("friendly", "user", .*\), but no "debrief" with "tags" names them, so the debrief cannot show them: add "debrief": \{ "tags": \{ "friendly": /);
    expect(problemText(p, 'nl')).toMatch(/^de keuzes gebruiken labels \("friendly", "user", .* en "oriented"\), maar geen "debrief" met "tags" geeft ze een naam/);
  });

  it('too few or too many choices: "this card has 1 choice; it needs at least 2"', () => {
    const one = JSON.parse(EXAMPLE) as { cards: { choices: unknown[] }[] };
    one.cards[1]!.choices.pop();
    const oneText = JSON.stringify(one, null, 2);
    const p = only(oneText, 'tooFewChoices');
    expect(p).toMatchObject({ severity: 'error', path: 'cards[1].choices' });
    expect(problemText(p, 'en')).toBe('this card has 1 choice; it needs at least 2: add a choice');
    expect(problemText(p, 'nl')).toBe('deze kaart heeft 1 keuze; er zijn er minstens 2 nodig: voeg een keuze toe');
    const five = JSON.parse(EXAMPLE) as { cards: { choices: unknown[] }[] };
    five.cards[0]!.choices.push(five.cards[0]!.choices[0], five.cards[0]!.choices[1]);
    const q = only(JSON.stringify(five, null, 2), 'tooManyChoices');
    expect(problemText(q, 'en')).toBe('this card has 5 choices; at most 4 fit: remove 1 choice');
    expect(problemText(q, 'nl')).toBe('deze kaart heeft 5 keuzes; er passen er hoogstens 4: haal er 1 keuze weg');
  });

  it('an onMin that names a missing ending: its error, and no warnings telling the author to reorder endings', () => {
    const text = withMistake('"onMin": "parents-complain"', '"onMin": "parents-complaint"');
    const problems = validateScenarioText(text).problems;
    expect(problems.map((p) => p.code)).toEqual(['unknownEnding']);
    expect(problems[0]).toMatchObject({ ...where(text, '"parents-complaint"'), suggestion: '"parents-complain"' });
    expect(fixed(text, problems[0]!)).toBe(EXAMPLE);
  });

  it('a format number from a newer version: "this file is for a newer version of the game", not "write 1"', () => {
    const text = withMistake('"format": 1', '"format": 2');
    const p = only(text, 'newerFormat');
    expect(p).toMatchObject({ severity: 'error', path: 'format', ...where(text, '2,') });
    expect(p.suggestion).toBeUndefined();
    expect(problemText(p, 'en')).toBe('this file is for a newer version of the game (format 2; this version reads format 1): open it in a newer version of Many Masters, or ask its author for a file in format 1');
    expect(problemText(p, 'nl')).toBe('dit bestand is voor een nieuwere versie van het spel (formaat 2; deze versie leest formaat 1): open het in een nieuwere versie van Meerdere heren dienen, of vraag de maker om een bestand in formaat 1');
    // Format 0 is not newer: that is still "write 1".
    expect(only(withMistake('"format": 1', '"format": 0'), 'wrongConstant').suggestion).toBe('1');
  });

  it('chose is explained by the place of the choice in the file, not by a button number', () => {
    const text = withMistake('"chose": "town-trip", "choice": 2', '"chose": "town-trip", "choice": 3');
    const p = only(text, 'noSuchChoice');
    expect(problemText(p, 'en')).toContain('"choice" counts them from 0 in the order they are written in the file (the first is 0)');
    expect(problemText(p, 'nl')).toContain('"choice" telt ze vanaf 0 in de volgorde waarin ze in het bestand staan (de eerste is 0)');
    for (const language of ['nl', 'en'] as const) expect(problemText(p, language)).not.toMatch(/button|knop/);
  });
});

describe('the fixes the messages carry', () => {
  it('applied to mutated shipped scenarios, never leave the same problem at the same place', () => {
    let withFix = 0;
    fc.assert(
      fc.property(fc.oneof(mistakeText, nearMissText, scenarioText), (text) => {
        for (const p of validateScenarioText(text).problems) {
          if (!p.fix) continue;
          withFix++;
          const after = validateScenarioText(applyEdits(text, p.fix)).problems;
          const same = after.find((q) => q.code === p.code && q.path === p.path && (q.code !== 'duplicateField' || q.line === p.line));
          expect(same, `${p.code} at ${p.path}: ${problemText(p, 'en')}`).toBeUndefined();
        }
      }),
      { numRuns: 300, seed: 22 },
    );
    expect(withFix).toBeGreaterThan(50);
  }, 240_000);
});

describe('the order of the problems screen', () => {
  it('puts errors before warnings, keeping the validator\'s order (by place in the file) within each kind', () => {
    const text = withMistake('"onMin": "parents-complain"', '"onMin": "parents-complaint"').replace('"next": "outing-plan"', '"next": "town-trip"');
    const problems = validateScenarioText(text).problems;
    expect(problems.map((p) => p.severity)).toEqual(['error', 'warning', 'warning']);
    const ordered = errorsFirst([...problems].reverse());
    expect(ordered.map((p) => p.severity)).toEqual(['error', 'warning', 'warning']);
    expect(errorsFirst(problems.slice(1).concat(problems[0]!)).map((p) => `${p.severity} ${p.line}`)).toEqual(problems.map((p) => `${p.severity} ${p.line}`));
  });
});
