/**
 * Faces that fit the names: every stakeholder in a shipped scenario has a portrait whose gender
 * presentation, age and role (from assets/portraits/manifest.json) match what its name says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';

const PORTRAIT_DIR = new URL('../../assets/portraits/', import.meta.url);
type Entry = { role: string; presentation: 'woman' | 'man'; age: 'child' | 'young' | 'adult' | 'older' };
const manifest = new Map<string, Entry>(Object.entries(JSON.parse(readFileSync(new URL('manifest.json', PORTRAIT_DIR), 'utf8')) as Record<string, Entry>));

/** The shipped scenarios and the files the authoring guide tells authors to copy. */
const FILES = [
  ...readdirSync(new URL('../../levels/', import.meta.url)).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => `levels/${f}`),
  'docs/template.json',
  'docs/tutorial/final.json',
];

/** Words that say a person is a woman or a man, in Dutch and English. */
const GENDERED = new Map<string, Entry['presentation']>([
  ...['moeder', 'mevrouw', 'mw', 'buurvrouw', 'dochter', 'oma', 'zus', 'mother', 'mrs', 'ms', 'miss', 'daughter', 'grandmother', 'sister'].map((w) => [w, 'woman'] as const),
  ...['vader', 'meneer', 'dhr', 'buurman', 'zoon', 'opa', 'broer', 'father', 'mr', 'son', 'grandfather', 'brother'].map((w) => [w, 'man'] as const),
]);

/** The first names the shipped scenarios use for their stakeholders. */
const FIRST_NAMES = new Map<string, Entry['presentation']>([
  ...['lisa', 'els', 'noor', 'yara', 'marloes', 'fatima', 'samira', 'sanne'].map((w) => [w, 'woman'] as const),
  ...['daan', 'kevin', 'mark', 'ruud', 'karim'].map((w) => [w, 'man'] as const),
]);

/** Role words in a Dutch stakeholder name and the portrait roles that fit them. */
const ROLES: [RegExp, string[]][] = [
  [/\b(leerling\w*|vmbo|havo|vwo|klassenvertegenwoordiger)\b/, ['pupil']],
  [/\b(moeder|vader|ouders?|ouderraad)\b/, ['parent']],
  [/\b(docent|leraar|lerares)\b/, ['teacher']],
  [/\bpatiënt\b/, ['patient']],
  [/\bverpleegkundige\b/, ['nurse']],
  [/\b(chirurg|specialist|medische staf)\b/, ['specialist']],
  [/\bhuisarts\b/, ['doctor']],
  [/\bwethouder\b/, ['alderman']],
  [/\bburgemeester\b/, ['mayor']],
  [/\bbaliemedewerker\b/, ['clerk']],
  [/\b(inwoner|buurvrouw|buurman)\b/, ['resident']],
  [/\b(schuldhulpverlener|maatschappelijk werker|zorgcoördinator|decaan)\b/, ['counsellor']],
  [/\bondernemer\b/, ['entrepreneur']],
  [/\bverslaggever\b/, ['journalist']],
  [/\binspecteur\b/, ['inspector']],
  [/\b(leerplichtambtenaar|ambtenaar)\b/, ['official']],
];

/**
 * The words that name the person: before "van"/"of" ("Moeder van Noor" is a mother, not Noor) and
 * without possessives ("Noor's mother").
 */
function headWords(name: string): string[] {
  const words = name.toLowerCase().split(/[^\p{L}'’-]+/u).filter(Boolean);
  const cut = words.findIndex((w) => w === 'van' || w === 'of');
  return (cut === -1 ? words : words.slice(0, cut)).filter((w) => !/['’]s$/.test(w));
}

/** What a stakeholder's name says about the person; undefined where it says nothing. */
export function expectedFromName(name: string): { presentation?: Entry['presentation']; older?: boolean } {
  let presentation: Entry['presentation'] | undefined;
  for (const word of headWords(name)) {
    presentation = GENDERED.get(word) ?? FIRST_NAMES.get(word);
    if (presentation) break;
  }
  const age = /,\s*(\d{1,3})\s*$/.exec(name);
  return { ...(presentation ? { presentation } : {}), ...(age ? { older: Number(age[1]) >= 65 } : {}) };
}

function load(file: string): Scenario {
  const result = validateScenarioText(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not validate`);
  return result.scenario;
}

describe('the portrait manifest', () => {
  it('describes exactly the portraits in assets/portraits', () => {
    const files = readdirSync(PORTRAIT_DIR).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)).sort();
    expect([...manifest.keys()].sort()).toEqual(files);
  });

  it('has men and women, younger and older, for the roles that recur', () => {
    for (const role of ['teacher', 'parent', 'pupil', 'patient', 'nurse', 'specialist', 'resident', 'clerk', 'official', 'counsellor', 'entrepreneur', 'journalist']) {
      const of = [...manifest.values()].filter((e) => e.role === role);
      expect(new Set(of.map((e) => e.presentation)), role).toEqual(new Set(['woman', 'man']));
    }
    for (const role of ['teacher', 'pupil', 'resident', 'official']) {
      expect(new Set([...manifest.values()].filter((e) => e.role === role).map((e) => e.age)).size, role).toBeGreaterThanOrEqual(2);
    }
  });

  it('draws the chain of office on the mayor only, not on the alderman', () => {
    // The medal at the end of the chain is a star polygon that starts at (256, 432).
    const chain = 'points="256,432';
    expect(readFileSync(new URL('alderman.svg', PORTRAIT_DIR), 'utf8')).not.toContain(chain);
    expect(readFileSync(new URL('mayor.svg', PORTRAIT_DIR), 'utf8')).toContain(chain);
  });

  it('is shown in full in the authoring guide\'s gallery, in Dutch and in English', () => {
    const guide = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');
    const [dutch, english] = [guide.slice(guide.indexOf('### 12. Portrettengalerij'), guide.indexOf('## English')), guide.slice(guide.indexOf('### 12. Portrait gallery'))];
    for (const part of [dutch, english]) {
      const shown = [...part.matchAll(/<img src="\.\.\/assets\/portraits\/([\w-]+)\.svg"[^>]*><br>`([\w-]+)`/g)];
      expect(shown.map((m) => m[1])).toEqual([...manifest.keys()]);
      expect(shown.every((m) => m[1] === m[2])).toBe(true);
    }
  });

  it('reads gender and age from names the way a reader would', () => {
    expect(expectedFromName('Moeder van Noor')).toEqual({ presentation: 'woman' });
    expect(expectedFromName("Noor's mother")).toEqual({ presentation: 'woman' });
    expect(expectedFromName('Ouders van Yara')).toEqual({});
    expect(expectedFromName('Mark, docent wiskunde')).toEqual({ presentation: 'man' });
    expect(expectedFromName('Mevrouw Van Dam, 82')).toEqual({ presentation: 'woman', older: true });
  });
});

describe.each(FILES)('the stakeholders of %s', (file) => {
  const scenario = load(file);

  it('each have a portrait whose gender, age and role fit their name', () => {
    const problems: string[] = [];
    for (const s of scenario.stakeholders) {
      const entry = s.portrait === undefined ? undefined : manifest.get(s.portrait);
      if (!entry) {
        problems.push(`${s.id}: portrait "${s.portrait}" is not in the manifest`);
        continue;
      }
      const names = typeof s.name === 'string' ? [s.name] : Object.values(s.name);
      for (const name of names) {
        const expected = expectedFromName(name);
        if (expected.presentation && expected.presentation !== entry.presentation) problems.push(`${s.id} "${name}": portrait ${s.portrait} shows a ${entry.presentation}`);
        if (expected.older !== undefined && expected.older !== (entry.age === 'older')) problems.push(`${s.id} "${name}": portrait ${s.portrait} is ${entry.age}`);
      }
      const nl = typeof s.name === 'string' ? s.name : (s.name.nl ?? '');
      for (const [words, roles] of ROLES) {
        if (words.test(headWords(nl).join(' ')) && !roles.includes(entry.role)) problems.push(`${s.id} "${nl}": portrait ${s.portrait} is a ${entry.role}, not a ${roles.join('/')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
