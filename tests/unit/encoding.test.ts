/**
 * Files as Windows programs save them, made here byte for byte and written to disk: a scenario saved
 * as ANSI (Windows-1252) or as Notepad's "Unicode" (UTF-16 with a mark), and translator sheets as
 * Dutch Excel saves them. Each is read through the same door the tools and the game use.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importStrings } from '../../src/authoring/strings.ts';
import { decodeBytes, IN_1252 } from '../../src/engine/encoding.ts';
import { readScenarioBytes, validateScenarioBytes } from '../../src/engine/scenarioFile.ts';
import { validateScenarioText, type Problem } from '../../src/engine/validate.ts';
import { formatProblem, wordSaid } from '../../src/locales/authoring.ts';
import { loadScenarioFile } from '../../scripts/lib/files.ts';
import { checkLevel, levelSourcesPlugin } from '../../scripts/vite-levels-plugin.ts';
import type { ViteDevServer } from 'vite';

const root = new URL('../..', import.meta.url).pathname;
const example = readFileSync(join(root, 'levels/example.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'mm-encodings-'));

/** Windows-1252 as Notepad's "ANSI" writes it, from the code page's own table (not from the code under test). */
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
function ansi(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    if (Object.hasOwn(CP1252, c)) return CP1252[c]!;
    return 0x3f; // What Excel and Notepad write for a letter Windows-1252 has no room for.
  }));
}
function utf16(text: string, order: 'le' | 'be', mark = true): Uint8Array {
  const out: number[] = mark ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}
function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// The example with a Dutch title full of the letters and signs ANSI has beyond ASCII.
const TITLE = 'Financiën – “één” € 5… é';
const scenario = example.replace('"Kennismaking: het mentoruur"', JSON.stringify(TITLE));
const titleLine = scenario.split('\n').findIndex((l) => l.includes(TITLE)) + 1;
const titleColumn = scenario.split('\n')[titleLine - 1]!.indexOf('ë') + 1;
const utf8Problems = validateScenarioText(scenario).problems;

const title = (p: string) => {
  const loaded = loadScenarioFile(p);
  return loaded.scenario && (loaded.scenario.title as Record<string, string>).nl;
};

describe('a scenario saved as ANSI (Windows-1252)', () => {
  const path = file('ansi.json', ansi(scenario));

  it('is read with every letter right, and one warning where the first of them stands', () => {
    expect(readFileSync(path).includes(0x80)).toBe(true);
    expect(title(path)).toBe(TITLE);
    const loaded = loadScenarioFile(path);
    const added = loaded.problems.filter((p) => !utf8Problems.some((q) => q.code === p.code && q.line === p.line));
    expect(added).toEqual([{ severity: 'warning', line: titleLine, column: titleColumn, path: '(file)', code: 'savedAsWindows1252', params: { word: 'Financiën' } }]);
  });

  it('gets its warning in Dutch and English: how it was read, and how to save it as UTF-8 in Notepad and Word', () => {
    const warning = loadScenarioFile(path).problems.find((p) => p.code === 'savedAsWindows1252')!;
    expect(formatProblem('levels/ansi.json', warning, 'nl')).toBe(
      `levels/ansi.json:${titleLine}:${titleColumn}: warning: dit bestand is bewaard als ANSI (Windows-1252), niet als UTF-8; het is gelezen als Windows-1252 (hier: "Financiën"), maar andere programma's tonen de letters misschien verkeerd: bewaar het als UTF-8 (Kladblok: Bestand > Opslaan als, Codering: UTF-8; Word: Bestand > Opslaan als, "Platte tekst (*.txt)", dan "Andere codering: Unicode (UTF-8)") (bij (file))`,
    );
    expect(formatProblem('levels/ansi.json', warning, 'en')).toContain('warning: this file is saved as ANSI (Windows-1252), not as UTF-8; it was read as Windows-1252 (here: "Financiën")');
    expect(formatProblem('levels/ansi.json', warning, 'en')).toContain('save it as UTF-8 (Notepad: File > Save as, Encoding: UTF-8;');
  });

  it('reads the same in the game from levels/ (the Vite plugin) as on the command line', () => {
    const plugin = levelSourcesPlugin();
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => { code: string } | null;
    const out = load.call({ addWatchFile() {} }, `${path}?scenario`)!;
    const reading = JSON.parse(out.code.replace(/^export default /, '').replace(/;$/, '')) as { text: string; problem: Problem };
    expect(reading.text).toBe(scenario);
    expect(reading.problem).toMatchObject({ code: 'savedAsWindows1252', line: titleLine, column: titleColumn });
    expect(load.call({ addWatchFile() {} }, path)).toBeNull();
  });

  it('gets the same warning in the dev server\'s terminal when saved in levels/ (in the language of LANG)', () => {
    const logged: string[] = [];
    const log = (line: string) => logged.push(line.replace(/\u001b\[\d+m/g, ''));
    const server = { config: { root: dir, logger: { error: log, warn: log, info: log } } } as unknown as ViteDevServer;
    const before = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
    Object.assign(process.env, { LANG: 'nl_NL.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
    try {
      checkLevel(server, path);
    } finally {
      for (const [k, v] of Object.entries(before)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
    expect(logged).toContainEqual(expect.stringMatching(new RegExp(`^ansi\\.json:${titleLine}:${titleColumn}: warning: dit bestand is bewaard als ANSI \\(Windows-1252\\)`)));
    expect(logged.at(-1)).toMatch(/^ansi\.json: speelbaar \(\d+ waarschuwing(en)?\)$/);
  });

  it('is refused, with the advice, when a byte is no letter in Windows-1252 either', () => {
    // One byte per character in ANSI, so the character's index is the byte's.
    const text = scenario.replace('mentor', 'mentXr');
    const bytes = ansi(text);
    bytes[text.indexOf('mentXr') + 4] = 0x81;
    const { result } = validateScenarioBytes(bytes);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', code: 'savedInUnknownEncoding', params: { byte: '0x81' } });
    const line = text.split('\n').findIndex((l) => l.includes('mentXr')) + 1;
    expect(result.problems[0]).toMatchObject({ line, column: 1, params: { line } });
    expect(formatProblem('x.json', result.problems[0]!, 'nl')).toBe(`x.json:${line}:1: error: dit bestand is geen UTF-8 en geen Windows-1252 (byte 0x81 op regel ${line} is in geen van beide een letter), dus de letters kunnen niet worden gelezen: open het in Kladblok en bewaar het als UTF-8 (Bestand > Opslaan als, Codering: UTF-8) (bij (file))`);
    expect(formatProblem('x.json', result.problems[0]!, 'en')).toBe(`x.json:${line}:1: error: this file is not UTF-8 and not Windows-1252 (byte 0x81 on line ${line} is a letter in neither), so its letters cannot be read: open it in Notepad and save it as UTF-8 (File > Save as, Encoding: UTF-8) (at (file))`);
  });
});

describe('a scenario saved as Notepad\'s "Unicode" (UTF-16)', () => {
  it('is read with every letter right (LE and BE, with a mark, and LE without one), with one warning at the top', () => {
    for (const [name, bytes, encoding] of [
      ['le.json', utf16(scenario, 'le'), 'UTF-16 LE'],
      ['be.json', utf16(scenario, 'be'), 'UTF-16 BE'],
      ['bare.json', utf16(scenario, 'le', false), 'UTF-16 LE'],
    ] as const) {
      const path = file(name, bytes);
      expect(title(path), name).toBe(TITLE);
      const problems = loadScenarioFile(path).problems;
      expect(problems.filter((p) => p.code === 'savedAsUtf16')).toEqual([{ severity: 'warning', line: 1, column: 1, path: '(file)', code: 'savedAsUtf16', params: { encoding } }]);
      expect(problems.length).toBe(utf8Problems.length + 1);
    }
    const warning = readScenarioBytes(utf16(scenario, 'le')).problem!;
    expect(formatProblem('f.json', warning, 'nl')).toContain('dit bestand is bewaard als UTF-16 LE (Kladblok noemt dat "Unicode"), niet als UTF-8; het is goed gelezen');
    expect(formatProblem('f.json', warning, 'en')).toContain('this file is saved as UTF-16 LE (Notepad calls it "Unicode"), not as UTF-8; it was read right');
  });

  it('is refused with the advice when it breaks its own mark, and a Word document is named as one', () => {
    expect(readScenarioBytes(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8])).problem).toMatchObject({ severity: 'error', code: 'savedBrokenMark', params: { encoding: 'UTF-16LE' } });
    const word = readScenarioBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])).problem!;
    expect(word).toMatchObject({ severity: 'error', code: 'savedAsDocument' });
    expect(formatProblem('f.json', word, 'nl')).toContain('kies in Word Bestand > Opslaan als, "Platte tekst (*.txt)"');
    expect(formatProblem('f.json', word, 'en')).toBe('f.json:1:1: error: this is a Word or Excel document, not a text file: in Word choose File > Save as, "Plain Text (*.txt)", then "Other encoding: Unicode (UTF-8)", and open that file (at (file))');
    const broken = readScenarioBytes(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8])).problem!;
    expect(formatProblem('f.json', broken, 'nl')).toBe('f.json:1:1: error: dit bestand begint met het teken van UTF-16LE, maar de bytes daarna volgen dat niet, dus er zouden letters verloren gaan: open het in Kladblok en bewaar het als UTF-8 (Bestand > Opslaan als, Codering: UTF-8) (bij (file))');
    expect(formatProblem('f.json', broken, 'en')).toContain('error: this file starts with the mark of UTF-16LE but its bytes do not follow it, so letters would be lost: open it in Notepad and save it as UTF-8');
  });
});

describe('a scenario saved as UTF-8', () => {
  it('is read as before: no new warning, and a byte-order mark still gets its own', () => {
    expect(loadScenarioFile(file('plain.json', new TextEncoder().encode(scenario))).problems).toEqual(utf8Problems);
    const marked = loadScenarioFile(file('bom.json', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(scenario)]))).problems;
    expect(marked.map((p) => p.code)).toContain('bomAtStart');
    expect(marked.some((p) => p.code.startsWith('saved'))).toBe(false);
  });
});

describe('translator sheets as Excel saves them', () => {
  const NL = 'Financiën – “één” € 5… é — ‘x’';
  it('imports Dutch Excel\'s "CSV (puntkomma gescheiden)" (Windows-1252) with € – — “ ” … ë é whole', () => {
    const path = file('teksten.csv', ansi(`id;nl;en\r\nmeters.pupils.label;${NL};Finances\r\n`));
    const result = importStrings(example, readFileSync(path));
    expect(result).toMatchObject({ ok: true, changed: 1, encoding: 'windows-1252' });
    if (!result.ok) return;
    expect((JSON.parse(result.text) as { meters: { label: unknown }[] }).meters[0]!.label).toEqual({ nl: NL, en: 'Finances' });
  });

  it('imports Excel\'s "Unicode-tekst" (UTF-16 LE with a mark, tabs between cells, quoted multi-line cells)', () => {
    const sheet = `id\tnl\ten\r\nmeters.pupils.label\t${NL}\tFinances\r\ncards.town-trip.text\t"Mogen we de stad in?\nNa de toets."\t"Can we go into town?\nAfter the test."\r\n`;
    const result = importStrings(example, readFileSync(file('unicode.txt', utf16(sheet, 'le'))));
    expect(result).toMatchObject({ ok: true, changed: 2, encoding: 'utf-16le' });
    if (!result.ok) return;
    const after = JSON.parse(result.text) as { meters: { label: unknown }[]; cards: { text: unknown }[] };
    expect(after.meters[0]!.label).toEqual({ nl: NL, en: 'Finances' });
    expect(after.cards[0]!.text).toEqual({ nl: 'Mogen we de stad in?\nNa de toets.', en: 'Can we go into town?\nAfter the test.' });
  });

  it('refuses a sheet where Excel wrote "?" for a letter in a new text (a new language column), and writes nothing', () => {
    // A translator added Polish; Excel's "CSV (puntkomma gescheiden)" has no room for ł and ń.
    const path = file('pools.csv', ansi('id;nl;pl\r\nmeters.pupils.label;Leerlingen;Uczniowie\r\ncards.town-trip.text;Mogen we de stad in?;Czy możemy iść do miasta? Jak w Gdańsku.\r\n'));
    expect(readFileSync(path).toString('latin1')).toContain('Gda?sku');
    const result = importStrings(example, readFileSync(path));
    expect(result).toMatchObject({ ok: false, problems: [{ key: 'csvQuestionMarkForLetter', params: { line: 3, language: 'pl' } }] });
    if (result.ok) return;
    expect(wordSaid(result.problems[0]!, 'nl')).toBe('regel 3, kolom pl: in "mo?emy" staat een "?" waar een letter hoort; zo schrijft Excel een letter die het in "CSV (puntkomma gescheiden)" niet kan bewaren: bewaar het blad als "CSV UTF-8 (door komma\'s gescheiden)" en zet het opnieuw terug');
    expect(wordSaid(result.problems[0]!, 'en')).toContain('line 3, column pl: "mo?emy" has a "?" where a letter belongs');
    // The same sheet saved as "CSV UTF-8" keeps its letters and imports; a real question mark is never taken for one.
    expect(importStrings(example, new TextEncoder().encode('id;nl;pl\r\ncards.town-trip.text;Mogen we de stad in?;Czy możemy iść do miasta? Jak w Gdańsku.\r\n'))).toMatchObject({ ok: true, changed: 1 });
  });

  it('reads back any text of Windows-1252 letters saved as ANSI, and any text at all saved as UTF-16 with a mark', () => {
    const validUtf8 = (bytes: Uint8Array) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const letters = [...IN_1252].filter((c) => c >= ' ' || c === '\n');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 }), (chars) => {
        const text = chars.join('');
        // A few runs of these letters are also valid UTF-8 ("é»¤" is the bytes of "黤"), and UTF-8 is
        // read first: no reader can tell those apart. Real Dutch and English text never forms them.
        fc.pre(!validUtf8(ansi(text)));
        const decoded = decodeBytes(ansi(text));
        expect(decoded.ok && decoded.text).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.constantFrom('le' as const, 'be' as const), (text, order) => {
        const decoded = decodeBytes(utf16(text, order));
        expect(decoded).toEqual({ ok: true, text, encoding: order === 'le' ? 'utf-16le' : 'utf-16be', bom: true });
      }),
    );
  });

  it('decodes every Windows-1252 letter as browsers do, whatever Node\'s own decoder says', () => {
    const decoded = decodeBytes(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9f, 0xe9, 0xeb]));
    expect(decoded).toEqual({ ok: true, text: '€…‘’“”–—Ÿéë', encoding: 'windows-1252', bom: false });
  });
});
