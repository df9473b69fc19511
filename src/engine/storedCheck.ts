/**
 * A validation made ahead of time. The build checks every file in levels/ in Node and ships the
 * results, so a slow projector laptop does not validate 130 KB scenarios again before its first
 * screen. A stored check counts only for exactly the text it was made of (a fingerprint of the whole
 * text); any other text, such as a file edited under the dev server, is validated afresh.
 */
import type { Scenario } from './format.ts';
import { withoutBom } from './jsonSource.ts';
import { validateScenarioText, type Problem, type ValidationResult } from './validate.ts';

export interface StoredCheck {
  fingerprint: string;
  ok: boolean;
  problems: Problem[];
}

/** Two 32-bit FNV-1a hashes of the text with different offsets, as 16 hex digits. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function storeCheck(source: string): StoredCheck {
  const result = validateScenarioText(source);
  return { fingerprint: fingerprint(source), ok: result.ok, problems: result.problems };
}

export function validateWithStoredCheck(source: string, stored: StoredCheck | undefined): ValidationResult {
  if (!stored || stored.fingerprint !== fingerprint(source)) return validateScenarioText(source);
  // The validator accepted exactly this text, so the browser's own JSON reader gives the same value,
  // faster, once a leading byte-order mark (which the validator skips) is taken off.
  return stored.ok ? { ok: true, scenario: JSON.parse(withoutBom(source)) as Scenario, problems: stored.problems } : { ok: false, problems: stored.problems };
}
