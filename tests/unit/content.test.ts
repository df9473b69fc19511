/**
 * The shipped workshop scenarios: complete in both languages, within the projector's text
 * limits, grounded in the source articles, and balanced as the simulator proves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario, Text } from '../../src/engine/format.ts';
import { closingEndings } from '../../src/engine/endings.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { en } from './words.ts';

const SCENARIOS = ['school', 'hospital', 'townhall'];
const CHOICE_TAGS = ['friendly', 'oriented', 'driven', 'more', 'better', 'different', 'payer', 'user'];
const RUNS = 10_000;
const SEED = 'content-test';

function load(id: string): Scenario {
  const result = validateScenarioText(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${id}: ${result.problems.map((p) => `${p.line}:${p.column} ${en(p)}`).join('\n')}`);
  return result.scenario;
}

/** Every Text in the scenario with where it is, found by the fields that hold player text. */
function texts(scenario: Scenario): { where: string; text: Text; limit?: number }[] {
  const out: { where: string; text: Text; limit?: number }[] = [];
  out.push({ where: 'title', text: scenario.title });
  if (scenario.description) out.push({ where: 'description', text: scenario.description });
  if (scenario.turnUnit) out.push({ where: 'turnUnit', text: scenario.turnUnit });
  scenario.meters.forEach((m) => out.push({ where: `meter ${m.id}`, text: m.label }));
  scenario.stakeholders.forEach((s) => out.push({ where: `stakeholder ${s.id}`, text: s.name }));
  for (const card of scenario.cards) {
    out.push({ where: `card ${card.id}`, text: card.text, limit: 280 });
    card.choices.forEach((c, i) => {
      out.push({ where: `card ${card.id} choice ${i}`, text: c.label, limit: 60 });
      if (c.feedback) out.push({ where: `card ${card.id} choice ${i} feedback`, text: c.feedback });
    });
  }
  for (const e of scenario.endings ?? []) out.push({ where: `ending ${e.id} title`, text: e.title }, { where: `ending ${e.id}`, text: e.text });
  (scenario.debrief?.questions ?? []).forEach((q, i) => out.push({ where: `question ${i}`, text: q }));
  for (const [tag, t] of Object.entries(scenario.debrief?.tags ?? {})) {
    out.push({ where: `tag ${tag}`, text: t.label });
    if (t.text) out.push({ where: `tag ${tag} text`, text: t.text });
  }
  return out;
}

describe.each(SCENARIOS)('the %s scenario', (id) => {
  const scenario = load(id);

  it('validates without errors or warnings', () => {
    const result = validateScenarioText(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), 'utf8'));
    expect(result.problems.map((p) => `${p.line}:${p.column} ${en(p)}`)).toEqual([]);
  });

  it('has every text in Dutch and English, within the projector limits', () => {
    const problems: string[] = [];
    for (const { where, text, limit } of texts(scenario)) {
      if (typeof text === 'string' || !text.nl?.trim() || !text.en?.trim()) {
        problems.push(`${where}: needs both nl and en`);
        continue;
      }
      for (const lang of ['nl', 'en'] as const) {
        if (limit && text[lang]!.length > limit) problems.push(`${where} (${lang}): ${text[lang]!.length} > ${limit} characters`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no Dutch in its English texts and no English in its Dutch ones', () => {
    const dutch = /\b(de|het|een|en|van|je|niet|zijn|wordt|voor|met|ook|maar)\b/gi;
    const english = /\b(the|and|of|you|not|are|for|with|but|your|to)\b/gi;
    const count = (text: string, words: RegExp) => text.match(words)?.length ?? 0;
    const swapped = texts(scenario).filter(({ text }) => {
      if (typeof text === 'string' || !text.nl || !text.en) return false;
      const dutchInEnglish = count(text.en, dutch);
      const englishInDutch = count(text.nl, english);
      return (dutchInEnglish >= 2 && dutchInEnglish > count(text.en, english)) || (englishInDutch >= 2 && englishInDutch > count(text.nl, dutch));
    });
    expect(swapped.map((s) => s.where)).toEqual([]);
  });

  it('has the size and structure of a full workshop scenario', () => {
    expect(scenario.meters.length).toBeGreaterThanOrEqual(4);
    expect(scenario.meters.length).toBeLessThanOrEqual(6);
    expect(scenario.stakeholders.length).toBeGreaterThanOrEqual(6);
    expect(scenario.turns).toBeGreaterThanOrEqual(25);
    expect(scenario.cards.length).toBeGreaterThanOrEqual(40);
    const chains = scenario.cards.filter((c) => c.choices.some((ch) => ch.next !== undefined));
    expect(chains.length).toBeGreaterThanOrEqual(8);
    expect(scenario.cards.some((c) => c.choices.some((ch) => typeof ch.next === 'object'))).toBe(true);
    expect(scenario.cards.filter((c) => c.when !== undefined).length).toBeGreaterThanOrEqual(6);
    expect(scenario.cards.some((c) => c.once)).toBe(true);
    const multiMeter = scenario.cards.flatMap((c) => c.choices).filter((ch) => Object.values(ch.effects ?? {}).filter((v) => v !== 0).length >= 2);
    expect(multiMeter.length / scenario.cards.flatMap((c) => c.choices).length).toBeGreaterThan(0.5);
  });

  it('has portraits and icons that exist in assets/', () => {
    for (const s of scenario.stakeholders) expect(existsSync(new URL(`../../assets/portraits/${s.portrait}.svg`, import.meta.url)), `portrait ${s.portrait}`).toBe(true);
    for (const m of scenario.meters) expect(existsSync(new URL(`../../assets/icons/${m.icon}.svg`, import.meta.url)), `icon ${m.icon}`).toBe(true);
  });

  it('ends on every meter at its minimum, at least two at their maximum, and by profile after the last turn', () => {
    for (const m of scenario.meters) expect(m.onMin, `onMin of ${m.id}`).toBeDefined();
    expect(scenario.meters.filter((m) => m.onMax !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(closingEndings(scenario).length).toBeGreaterThanOrEqual(3);
  });

  it('names its source article on every card and tags choices with levels, frames and payer/user', () => {
    for (const card of scenario.cards) expect(card.tags?.some((t) => /^source:00[0-4]$/.test(t)), `card ${card.id}`).toBe(true);
    const used = new Set(scenario.cards.flatMap((c) => c.choices.flatMap((ch) => ch.tags ?? [])));
    for (const tag of CHOICE_TAGS) {
      expect(used, `tag ${tag} used`).toContain(tag);
      expect(scenario.debrief?.tags?.[tag]?.text, `debrief text for ${tag}`).toBeDefined();
    }
    expect(scenario.debrief?.questions?.length).toBeGreaterThanOrEqual(5);
    expect(scenario.cards.filter((c) => c.choices.some((ch) => ch.tags?.includes('different'))).length).toBeGreaterThanOrEqual(10);
  });
});

describe.each(SCENARIOS)('balance of the %s scenario, 10,000 games each', (id) => {
  const scenario = load(id);
  const random = simulate(scenario, { runs: RUNS, seed: SEED, strategy: { kind: 'random' } });
  const balanced = simulate(scenario, { runs: RUNS, seed: SEED, strategy: { kind: 'balanced' } });
  const favour = scenario.meters.map((m) => simulate(scenario, { runs: RUNS, seed: SEED, strategy: { kind: 'favour', meter: m.id } }));
  // A player who thinks in one frame: a tenth of the games is enough to reach an ending that asks for it (hundreds of times).
  const frames = ['more', 'better', 'different'].map((tag) => simulate(scenario, { runs: RUNS / 10, seed: SEED, strategy: { kind: 'tag', tag } }));

  it('random play reaches the last turn in 20–60% of games', () => {
    expect(random.completed / RUNS).toBeGreaterThanOrEqual(0.2);
    expect(random.completed / RUNS).toBeLessThanOrEqual(0.6);
  });

  it('serving one master always reaches the last turn in under 10% of games', () => {
    for (const report of favour) expect(report.completed / RUNS, report.strategy).toBeLessThan(0.1);
  });

  it('balanced play reaches the last turn in at least 60% of games', () => {
    expect(balanced.completed / RUNS).toBeGreaterThanOrEqual(0.6);
  });

  it('draws every card in at least 1% of random games', () => {
    const rare = Object.entries(random.cards).filter(([, n]) => n < RUNS / 100);
    expect(rare).toEqual([]);
  });

  it('reaches every ending with some strategy, a player who thinks in one frame (tag:more, tag:better, tag:different) included', () => {
    // An ending that asks how the player chose (mostly "different") is reached by a player who chooses that way.
    const reached = new Set([random, balanced, ...favour, ...frames].flatMap((r) => Object.keys(r.endings)));
    expect((scenario.endings ?? []).map((e) => e.id).filter((e) => !reached.has(e))).toEqual([]);
  });

  it('lets no meter end more than half of the lost random games', () => {
    const lost = RUNS - random.completed;
    for (const [meter, count] of Object.entries(random.endedBy)) expect(count / lost, meter).toBeLessThanOrEqual(0.5);
  });
});
