import { afterEach, describe, expect, it, vi } from 'vitest';

// The settings read the browser's languages when they load; Node 20 has no navigator.
vi.hoisted(() => {
  if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { languages: ['en'], language: 'en' }, configurable: true });
});
import { replay } from '../../src/engine/game.ts';
import { settings } from '../../src/platform/settings.ts';
import { courseWords, meterItems, sentences } from '../../src/ui/describe.ts';
import { card, makeScenario } from './scenarios.ts';

afterEach(() => settings.update({ language: 'en' }));

describe('the screen in words', () => {
  const scenario = makeScenario({
    meters: [
      { id: 'a', label: { nl: 'Leerlingen', en: 'Pupils' }, start: 50, onMin: 'a-low' },
      { id: 'b', label: { nl: 'Budget', en: 'Budget' }, start: 50, onMin: 'b-low', onMax: 'b-high' },
    ],
  });

  it('says which way a meter in danger is going: nearly gone or too high', () => {
    settings.update({ language: 'en' });
    expect(meterItems(scenario, { a: 3, b: 97 }).map((i) => i.value)).toEqual(['3 of 100, in danger: nearly gone', '97 of 100, in danger: too high']);
    expect(meterItems(scenario, { a: 50, b: 50 }).map((i) => i.value)).toEqual(['50 of 100', '50 of 100']);
    settings.update({ language: 'nl' });
    expect(meterItems(scenario, { a: 3, b: 97 }).map((i) => i.value)).toEqual(['3 van 100, in gevaar: bijna op', '97 van 100, in gevaar: te hoog']);
  });

  it('describes a chart as a person would: the largest rise or fall, its weeks, and where it ended', () => {
    const choices: { label: string; effects: Record<string, number> }[] = [{ label: 'x', effects: { a: -20, b: 5 } }, { label: 'y', effects: { a: 5 } }];
    const played = makeScenario({ ...scenario, turnUnit: { nl: 'week', en: 'week' }, cards: [card('c1', { choices }), card('c2', { choices }), card('c3', { choices })] });
    const result = replay(played, 'd', [1, 0, 0]);
    if (!result.ok) throw new Error('replay failed');
    settings.update({ language: 'en' });
    // Pupils: 50, 55, 35, 15; Budget: 50, 50, 55, 60 (it began to rise after week 1).
    expect(courseWords(played, result.state)).toBe('Pupils fell from 55 to 15 between week 1 and week 3. Budget rose from 50 to 60 between week 1 and week 3.');
    settings.update({ language: 'nl' });
    expect(courseWords(played, result.state)).toBe('Leerlingen: gedaald van 55 naar 15 tussen week 1 en week 3. Budget: gestegen van 50 naar 60 tussen week 1 en week 3.');
    const back = replay(played, 'd', [0, 1]);
    if (!back.ok) throw new Error('replay failed');
    settings.update({ language: 'en' });
    expect(courseWords(played, back.state)).toBe('Pupils fell from 50 to 30 between the start and week 1, and ended at 35. Budget rose from 50 to 55 between the start and week 1.');
  });

  it('makes each part of an announcement a sentence', () => {
    expect(sentences(['Team Reds, week 1 of 8', 'Els: "Can you help?"', 'Time is up', ''])).toBe('Team Reds, week 1 of 8. Els: "Can you help?" Time is up.');
  });
});
