import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportStrings, importStrings, parseCsv } from '../../src/authoring/strings.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';

const source = readFileSync(new URL('../../levels/example.json', import.meta.url), 'utf8');
const scenario = (() => {
  const r = validateScenarioText(source);
  if (!r.ok) throw new Error('example invalid');
  return r.scenario;
})();

describe('texts for a translator', () => {
  it('exports every text once, with a stable id and both languages', () => {
    const rows = parseCsv(exportStrings(scenario, ['nl', 'en']));
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

  it('refuses rows whose text no longer exists, and a CSV without a proper header', () => {
    const result = importStrings(source, 'id,nl,en\ncards.gone.text,Weg,Gone\n');
    expect(result).toMatchObject({ ok: true, changed: 0, refused: ['line 2: "cards.gone.text" is not a text in this scenario (any more)'] });
    expect(importStrings(source, 'path,nl\nx,y\n')).toMatchObject({ ok: false });
  });

  it('adds a new language column to every text', () => {
    const csv = exportStrings(scenario, ['nl', 'de']).replace('\r\ntitle,Kennismaking: het mentoruur,\r\n', '\r\ntitle,Kennismaking: het mentoruur,Aufwärmen: die Mentorstunde\r\n');
    const result = importStrings(source, csv);
    expect(result.ok && JSON.parse(result.text).title).toEqual({ nl: 'Kennismaking: het mentoruur', en: 'Warm-up: the tutor period', de: 'Aufwärmen: die Mentorstunde' });
  });

  it('reads back any text it wrote, whatever quotes, separators and line breaks it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const rows = parseCsv(`id,a\n${cells.map((c, i) => `r${i},${quote(c)}`).join('\n')}\n`);
        expect(rows.slice(1).map((r) => r.cells[1])).toEqual(cells.map((c) => c));
      }),
    );
  });
});
