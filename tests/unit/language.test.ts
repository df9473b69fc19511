/**
 * Clean, consistent language in the shipped scenarios and the screens: one word for one idea across
 * scenarios, the scenario's own turn unit, and none of the slips a critical Dutch reader has caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario, Text } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { en } from '../../src/locales/en.ts';
import { nl } from '../../src/locales/nl.ts';
import { reportText } from '../../src/locales/report.ts';

const LEVELS = readdirSync(new URL('../../levels/', import.meta.url)).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

function load(file: string): Scenario {
  const result = validateScenarioText(readFileSync(new URL(`../../levels/${file}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not validate`);
  return result.scenario;
}

/** Every player text of a scenario, found by walking the file (so no field is forgotten). */
function allTexts(value: unknown, where = ''): { where: string; nl?: string; en?: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => allTexts(v, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.nl === 'string' || typeof record.en === 'string') return [{ where, nl: record.nl as string | undefined, en: record.en as string | undefined }];
  return Object.entries(record).flatMap(([k, v]) => allTexts(v, where ? `${where}.${k}` : k));
}

/** Words and phrases that must not appear, with the word to use instead. */
const FORBIDDEN: Record<'nl' | 'en', [RegExp, string][]> = {
  nl: [
    [/\befficiency\b/i, 'efficiëntie'],
    [/klantgestuurd/i, 'klantgedreven'],
    [/\bbeurten\b/i, "the scenario's turn unit (weken)"],
    [/\bzich verdachte\b/i, 'zich verdacht'],
    [/\bwiens klant\b/i, 'wie was jouw klant'],
    [/kwispel/i, 'a tone that does not talk down to people'],
  ],
  en: [
    [/customer-led/i, 'customer-driven'],
    [/whose customer/i, 'who was your customer'],
    [/wagging/i, 'a tone that does not talk down to people'],
    [/\b\d+ turns\b|\bturn \d+\b/i, "the scenario's turn unit (weeks)"],
  ],
};

function offences(text: string | undefined, lang: 'nl' | 'en'): string[] {
  if (!text) return [];
  return FORBIDDEN[lang].filter(([pattern]) => pattern.test(text)).map(([pattern, instead]) => `"${pattern.exec(text)![0]}" (use ${instead})`);
}

describe('the language of the shipped scenarios', () => {
  const scenarios = LEVELS.map((file) => ({ file, scenario: load(file) }));

  it.each(LEVELS)('%s uses none of the forbidden words', (file) => {
    const scenario = scenarios.find((s) => s.file === file)!.scenario;
    const problems = allTexts(scenario).flatMap((t) => [...offences(t.nl, 'nl'), ...offences(t.en, 'en')].map((o) => `${t.where}: ${o}`));
    expect(problems).toEqual([]);
  });

  it('names each debrief tag with the same words in every scenario', () => {
    const labels = new Map<string, Set<string>>();
    for (const { scenario } of scenarios) {
      for (const [tag, entry] of Object.entries(scenario.debrief?.tags ?? {})) {
        const label = entry.label as Text;
        const key = typeof label === 'string' ? label : `${label.nl} / ${label.en}`;
        labels.set(tag, (labels.get(tag) ?? new Set()).add(key));
      }
    }
    const differing = [...labels].filter(([, set]) => set.size > 1).map(([tag, set]) => `${tag}: ${[...set].join(' | ')}`);
    expect(differing).toEqual([]);
  });

  it.each(LEVELS)('%s counts in its own turn unit where it names the length of the game', (file) => {
    const scenario = scenarios.find((s) => s.file === file)!.scenario;
    const unit = scenario.turnUnit;
    if (!unit || typeof unit === 'string') return;
    const other = { nl: /\b(beurt|beurten|ronde|rondes)\s+\d+|\d+\s+(beurten|rondes)\b/i, en: /\b(turn|round)s?\s+\d+|\d+\s+(turns|rounds)\b/i };
    const problems = allTexts(scenario).flatMap((t) =>
      (['nl', 'en'] as const).filter((lang) => t[lang] && other[lang].test(t[lang]!)).map((lang) => `${t.where} (${lang}): "${other[lang].exec(t[lang]!)![0]}" but the unit is "${unit[lang]}"`),
    );
    expect(problems).toEqual([]);
  });
});

describe('the language of the screens and the report', () => {
  it('uses none of the forbidden words', () => {
    // The scenario editor (keys ed…) speaks of the format's turns before a scenario has a turn unit,
    // as the authoring guide does: there "beurten" is the right word.
    const editorTurns = (key: string, offence: string) => key.startsWith('ed') && offence.startsWith('"beurten"');
    const problems = [
      ...Object.entries(nl).flatMap(([key, value]) => offences(value, 'nl').filter((o) => !editorTurns(key, o.toLowerCase())).map((o) => `nl.${key}: ${o}`)),
      ...Object.entries(en).flatMap(([key, value]) => offences(value, 'en').map((o) => `en.${key}: ${o}`)),
      ...Object.entries(reportText.nl).flatMap(([key, value]) => offences(value, 'nl').map((o) => `report nl.${key}: ${o}`)),
      ...Object.entries(reportText.en).flatMap(([key, value]) => offences(value, 'en').map((o) => `report en.${key}: ${o}`)),
    ];
    expect(problems).toEqual([]);
  });

  it('asks who the player\'s customer was, not whose customer the player was', () => {
    expect(nl.whoseCustomer).toBe('Wie was jouw klant?');
    expect(reportText.nl.whose).toBe('Wie was jouw klant?');
    expect(en.whoseCustomer).toBe('Who was your customer?');
  });
});

describe('a meter that ended the game', () => {
  it('is named so that the sentence reads right with any label, a plural one too ("Huurders")', async () => {
    const { interpolate } = await import('../../src/locales/format.ts');
    expect(interpolate(nl.endedByMeter, { meter: 'Huurders' })).toBe('De meter Huurders bereikte zijn grens.');
    expect(interpolate(en.endedByMeter, { meter: 'Tenants' })).toBe('The Tenants meter hit its limit.');
    expect(interpolate(reportText.nl.endedBy, { meter: 'Huurders', bound: reportText.nl.boundMin })).toBe('Afgelopen omdat de meter Huurders zijn minimum bereikte.');
    expect(interpolate(reportText.en.endedBy, { meter: 'Tenants', bound: reportText.en.boundMin })).toBe('Ended because the Tenants meter reached its minimum.');
  });
});
