import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSpreadsheet, parseCsv } from '../../src/authoring/spreadsheet.ts';
import { exportStrings, importStrings, type ImportResult } from '../../src/authoring/strings.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { wordSaid } from '../../src/locales/authoring.ts';

const source = readFileSync(new URL('../../levels/example.json', import.meta.url), 'utf8');
const scenario = (() => {
  const r = validateScenarioText(source);
  if (!r.ok) throw new Error('example invalid');
  return r.scenario;
})();

const rowsOf = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error('unreadable');
  return r.rows;
};

/** The scenario's texts after an import, by JSON path. */
function imported(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return JSON.parse(result.text) as { meters: { label: Record<string, string> }[]; cards: { text: Record<string, string>; choices: { label: Record<string, string> }[] }[] };
}

/** What Excel and LibreOffice write, byte for byte: encodings, separators, line ends. */
const win1252 = (text: string) => Uint8Array.from([...text].map((c) => {
  const table: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
  const code = c.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  if (Object.hasOwn(table, c)) return table[c]!;
  return 0x3f; // what Excel writes for a letter Windows-1252 has no room for
}));
const utf8 = (text: string, bom: boolean) => new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);
const utf16 = (text: string, order: 'le' | 'be') => {
  const out = [order === 'le' ? 0xff : 0xfe, order === 'le' ? 0xfe : 0xff];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
};

// A Dutch sheet as Excel saves it: semicolons, CRLF between rows, LF inside a quoted multi-line cell.
const dutchSheet =
  'id;nl;en\r\n' +
  'meters.pupils.label;Financiën;Finances\r\n' +
  'cards.town-trip.text;"Mogen we de stad in?\nNa de toets; als het mag.";"Can we go into town?\nAfter the test, if we may."\r\n';

describe('texts for a translator', () => {
  it('exports every text once, with a stable id and both languages', () => {
    const rows = rowsOf(exportStrings(scenario, ['nl', 'en']));
    expect(rows[0]!.cells).toEqual(['id', 'nl', 'en']);
    const byId = new Map(rows.slice(1).map((r) => [r.cells[0], r.cells]));
    expect(byId.get('cards.town-trip.choices.2.label')).toEqual(['cards.town-trip.choices.2.label', 'Vraag wat ze in de stad zoeken', 'Ask what they look for in town']);
    expect(byId.get('debrief.tags.friendly.label')?.[2]).toBe('Customer-friendly');
    expect(byId.size).toBe(rows.length - 1);
  });

  it('writes a filled CSV back in place, changing only the translated texts', () => {
    const csv = 'id;nl;en\ncards.town-trip.choices.1.label;;"No, lessons are lessons"\nmeters.pupils.label;Leerlingen;Pupils\n';
    const result = importStrings(source, csv);
    expect(result).toMatchObject({ ok: true, changed: 1, refused: [] });
    if (!result.ok) return;
    const before = source.split('\n');
    const after = result.text.split('\n');
    expect(after).toHaveLength(before.length);
    const changedLines = after.filter((line, i) => line !== before[i]);
    expect(changedLines).toEqual(['          "label": { "nl": "Nee, lestijd is lestijd", "en": "No, lessons are lessons" },']);
  });

  it('refuses rows whose text no longer exists, saying how to fix them, and a CSV without a proper header', () => {
    const result = importStrings(source, 'id,nl,en\ncards.gone.text,Weg,Gone\n');
    expect(result).toMatchObject({ ok: true, changed: 0 });
    if (!result.ok) return;
    expect(result.refused.map((r) => wordSaid(r, 'en'))).toEqual(['line 2: "cards.gone.text" is not a text in this scenario (any more): correct the id in column A or delete the row']);
    expect(result.refused.map((r) => wordSaid(r, 'nl'))).toEqual(['regel 2: "cards.gone.text" is geen tekst (meer) in dit scenario: verbeter het id in kolom A of verwijder de regel']);
    expect(importStrings(source, 'path,nl\nx,y\n')).toMatchObject({ ok: false, problems: [{ key: 'csvHeader' }] });
  });

  it('adds a new language column to every text', () => {
    const csv = exportStrings(scenario, ['nl', 'de']).replace('\r\ntitle,Kennismaking: het mentoruur,\r\n', '\r\ntitle,Kennismaking: het mentoruur,Aufwärmen: die Mentorstunde\r\n');
    const result = importStrings(source, csv);
    expect(result.ok && JSON.parse(result.text).title).toEqual({ nl: 'Kennismaking: het mentoruur', en: 'Warm-up: the tutor period', de: 'Aufwärmen: die Mentorstunde' });
  });

  it('reads back any text it wrote, whatever quotes, separators and line breaks it holds', () => {
    fc.assert(
      // Control characters and U+FFFD are what a damaged file holds, and the reader refuses them on purpose.
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }).filter((c) => c.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\uFFFD]/.test(c)), { minLength: 1, maxLength: 5 }), fc.constantFrom(';' as const, ',' as const), (cells, separator) => {
        const csv = exportStrings({ ...scenario, title: 'x', description: undefined, turnUnit: undefined, meters: [], stakeholders: [], cards: [], endings: [], debrief: { questions: cells } } as never, ['nl'], separator);
        const decoded = decodeSpreadsheet(new TextEncoder().encode(csv));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(rowsOf(decoded.text).slice(2).map((r) => r.cells[1])).toEqual(cells.map((c) => c.replace(/\r\n?/g, '\n')));
      }),
    );
  });
});

describe('spreadsheets as Excel and LibreOffice save them', () => {
  const expectDutchSheetImported = (bytes: Uint8Array, encoding: string) => {
    const result = importStrings(source, bytes);
    expect(result).toMatchObject({ ok: true, changed: 2, refused: [], encoding });
    const after = imported(result);
    expect(after.meters[0]!.label).toEqual({ nl: 'Financiën', en: 'Finances' });
    // Multi-line texts keep their lines.
    expect(after.cards[0]!.text.nl).toBe('Mogen we de stad in?\nNa de toets; als het mag.');
    expect(after.cards[0]!.text.en).toBe('Can we go into town?\nAfter the test, if we may.');
  };

  it('reads Dutch Excel\'s "CSV (puntkomma gescheiden)": Windows-1252 with semicolons', () => {
    expectDutchSheetImported(win1252(dutchSheet), 'windows-1252');
  });

  it('reads "CSV UTF-8" with a byte-order mark, and UTF-8 without one (LibreOffice), with commas too', () => {
    expectDutchSheetImported(utf8(dutchSheet, true), 'utf-8');
    const commas =
      'id,nl,en\n' +
      'meters.pupils.label,Financiën,Finances\n' +
      'cards.town-trip.text,"Mogen we de stad in?\nNa de toets; als het mag.","Can we go into town?\nAfter the test, if we may."\n';
    expectDutchSheetImported(utf8(commas, false), 'utf-8');
  });

  it('reads "Unicode text" (UTF-16, both byte orders)', () => {
    expectDutchSheetImported(utf16(dutchSheet, 'le'), 'utf-16le');
    expectDutchSheetImported(utf16(dutchSheet, 'be'), 'utf-16be');
  });

  it('refuses a sheet in which Excel turned letters into "?", and writes nothing', () => {
    const withTurkish = source.replace('"Leerlingen"', '"Öğrenciler"');
    const result = importStrings(withTurkish, win1252('id;nl;en\r\nmeters.pupils.label;Öğrenciler;Pupils\r\n'));
    expect(result).toMatchObject({ ok: false, problems: [{ key: 'csvLostLetters', params: { line: 2, before: 'Öğrenciler', after: 'Ö?renciler' } }] });
    if (result.ok) return;
    expect(wordSaid(result.problems[0]!, 'nl')).toContain('bewaar het blad als "CSV UTF-8');
  });

  it('refuses a sheet that already lost letters (the � character), naming the line', () => {
    const result = importStrings(source, utf8('id;nl;en\r\nmeters.pupils.label;Financi\uFFFDn;Finances\r\n', false));
    expect(result).toMatchObject({ ok: false, problems: [{ key: 'csvReplacementCharacter', params: { line: 2 } }] });
  });

  it('refuses bytes that fit no encoding, a broken UTF-16 file and an .xlsx workbook', () => {
    expect(decodeSpreadsheet(Uint8Array.from([0x69, 0x64, 0x3b, 0x81, 0x0d, 0x0a]))).toMatchObject({ ok: false, problem: { key: 'csvUnknownEncoding' } });
    expect(decodeSpreadsheet(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))).toMatchObject({ ok: false, problem: { key: 'csvBrokenEncoding', params: { encoding: 'UTF-16LE' } } });
    expect(decodeSpreadsheet(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatchObject({ ok: false, problem: { key: 'csvIsWorkbook' } });
  });

  it('names the line where a quoted cell is never closed', () => {
    const result = importStrings(source, 'id;nl\r\nmeters.pupils.label;Leerlingen\r\ntitle;"Niet gesloten\r\n');
    expect(result).toMatchObject({ ok: false, problems: [{ key: 'csvQuoteNotClosed' }] });
  });

  it('numbers rows by the line they start on, past multi-line cells', () => {
    expect(rowsOf('id;nl\r\na;"1\n2\n3"\r\nb;x\r\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });
});
