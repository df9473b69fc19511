import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, storeCheck, validateWithStoredCheck } from '../../src/engine/storedCheck.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { checkLevels } from '../../scripts/vite-checked-levels-plugin.ts';

const LEVELS = join(import.meta.dirname, '../../levels');
const shipped = readdirSync(LEVELS).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const read = (file: string) => readFileSync(join(LEVELS, file), 'utf8');

describe('validation stored by the build', () => {
  it('is made for every shipped scenario file and not for the schema', () => {
    expect(Object.keys(checkLevels(LEVELS)).sort()).toEqual([...shipped].sort());
  });

  it('gives the game exactly what validating in the browser would, for every shipped file', () => {
    const checks = checkLevels(LEVELS);
    for (const file of shipped) {
      const text = read(file);
      expect(validateWithStoredCheck(text, checks[file])).toEqual(validateScenarioText(text));
    }
  });

  it('is ignored for a text edited after the build, which is validated afresh', () => {
    const text = read('example.json');
    const stored = storeCheck(text);
    expect(stored.ok).toBe(true);
    const broken = text.replace('"cards"', '"kaarten"');
    const result = validateWithStoredCheck(broken, stored);
    expect(result.ok).toBe(false);
    expect(result).toEqual(validateScenarioText(broken));
  });

  it('keeps a broken file broken, with its problems, without reading it as JSON', () => {
    const broken = '{ "id": "x", "cards": [ }';
    const stored = storeCheck(broken);
    const result = validateWithStoredCheck(broken, stored);
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems).toEqual(validateScenarioText(broken).problems);
  });

  it('tells texts apart by a fingerprint that changes with any one edited character', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (text, at, shift) => {
        const i = at % text.length;
        const edited = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + shift) % 0x10000) + text.slice(i + 1);
        expect(fingerprint(text)).toBe(fingerprint(text));
        if (edited !== text) expect(fingerprint(edited)).not.toBe(fingerprint(text));
      }),
    );
    expect(fingerprint('ab')).not.toBe(fingerprint('ba'));
    expect(fingerprint('')).not.toBe(fingerprint('\u0000'));
  });
});
