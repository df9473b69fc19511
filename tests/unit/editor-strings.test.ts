import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportStrings, importStrings } from '../../src/authoring/strings.ts';
import { openDocument } from '../../src/editor/document.ts';

const school = readFileSync(new URL('../../levels/school.json', import.meta.url), 'utf8');

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe('an imported translation keeps the author\'s layout', () => {
  it('changes only the lines of the texts it changes in school.json', () => {
    const scenario = openDocument('school.json', school).parsed!;
    const sheet = exportStrings(scenario, ['nl', 'en']).replace('"Just teach maths, that\'s what school is for"', '"Maths only: that is what school is for"').replace(/^(description,"[^"]*",)"[^"]*"/m, '$1"A new English description."');
    const result = importStrings(school, sheet);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.changed).toBe(2);
    expect(changedLines(school, result.text)).toEqual([
      '    "en": "A new English description."',
      '            "en": "Maths only: that is what school is for"',
    ]);
  });

  it('gives back the same bytes when the sheet changes nothing', () => {
    const scenario = openDocument('school.json', school).parsed!;
    const result = importStrings(school, exportStrings(scenario, ['nl', 'en']));
    expect(result.ok && result.text).toBe(school);
  });

  it('adds a new language beside the others, in the layout of each text', () => {
    const source = '{\n  "format": 1,\n  "id": "t",\n  "title": {"nl": "Titel"},\n  "meters": [\n    {"id": "a", "label": "A", "start": 50},\n    {"id": "b", "label": "B", "start": 50}\n  ],\n  "stakeholders": [{"id": "s", "name": "S", "meter": "a"}],\n  "cards": [\n    {\n      "id": "c",\n      "from": "s",\n      "text": {\n        "nl": "Tekst"\n      },\n      "choices": [{"label": "x"}, {"label": "y"}]\n    }\n  ]\n}\n';
    const result = importStrings(source, 'id,nl,en\ntitle,Titel,Title\ncards.c.text,Tekst,Text\n');
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.text).toContain('"title": {"nl": "Titel", "en": "Title"},');
    expect(result.text).toContain('"text": {\n        "nl": "Tekst",\n        "en": "Text"\n      },');
  });
});
