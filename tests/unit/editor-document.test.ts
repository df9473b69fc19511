import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditError, insertItem, type EditorDocument, moveItem, openDocument, removeValue, setText, setValue, setValues, uniqueId, valueAt } from '../../src/editor/document.ts';
import { treeAlong } from '../../src/editor/jsonTree.ts';
import { newScenarioText } from '../../src/editor/template.ts';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { validateScenarioText } from '../../src/engine/validate.ts';

const LEVELS = new URL('../../levels/', import.meta.url);
const shipped = readdirSync(LEVELS).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const read = (name: string) => readFileSync(new URL(name, LEVELS), 'utf8');

/** The lines that differ between two texts of the same length in lines, as [before, after]. */
function changedLines(before: string, after: string): [string[], string[]] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = Math.max(a.length, b.length);
  const out: [string[], string[]] = [[], []];
  // Compare from both ends so an inserted or removed block shows as only that block.
  let head = 0;
  while (head < n && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < n - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  out[0] = a.slice(head, a.length - tail);
  out[1] = b.slice(head, b.length - tail);
  return out;
}

describe('the editor keeps the file the author wrote', () => {
  it.each(shipped)('opens %s and gives back the same bytes, with the scenario read', (name) => {
    const text = read(name);
    const doc = openDocument(name, text);
    expect(doc.text).toBe(text);
    expect(doc.parsed?.id).toBe(JSON.parse(text).id);
    // Setting a value to what it is already changes nothing either.
    expect(setValue(doc, ['title'], JSON.parse(text).title).text).toBe(text);
  });

  it('changes one line of school.json when one label is changed', () => {
    const text = read('school.json');
    const doc = openDocument('school.json', text);
    const changed = setValue(doc, ['cards', 0, 'choices', 1, 'label', 'nl'], 'Een nieuw label');
    const [before, after] = changedLines(text, changed.text);
    expect(before).toHaveLength(1);
    expect(after).toEqual([before[0]!.replace(/"nl": "[^"]*"/, '"nl": "Een nieuw label"')]);
    expect(valueAt(changed, ['cards', 0, 'choices', 1, 'label', 'nl'])).toBe('Een nieuw label');
  });

  it('puts a new language into a text on one line, on that line', () => {
    const text = '{\n  "title": {"nl": "Titel"},\n  "list": [\n    {"id": "a"},\n    {"id": "b"}\n  ]\n}\n';
    const doc = setValue(openDocument('t.json', text), ['title', 'en'], 'Title');
    expect(doc.text).toBe('{\n  "title": {"nl": "Titel", "en": "Title"},\n  "list": [\n    {"id": "a"},\n    {"id": "b"}\n  ]\n}\n');
  });

  it('adds, moves and removes list items in the layout of their neighbours, with the file\'s line endings', () => {
    const text = '{\r\n    "cards": [\r\n        {"id": "a"},\r\n        {"id": "b"}\r\n    ],\r\n    "tags": ["x", "y"]\r\n}\r\n';
    let doc = openDocument('t.json', text);
    doc = insertItem(doc, ['cards'], 1, { id: 'new', text: { nl: 'Tekst' } });
    expect(doc.text).toBe(
      '{\r\n    "cards": [\r\n        {"id": "a"},\r\n        {\r\n            "id": "new",\r\n            "text": {"nl": "Tekst"}\r\n        },\r\n        {"id": "b"}\r\n    ],\r\n    "tags": ["x", "y"]\r\n}\r\n',
    );
    doc = insertItem(doc, ['tags'], 0, 'w');
    expect(doc.text).toContain('"tags": ["w", "x", "y"]');
    doc = moveItem(doc, ['cards'], 0, 2);
    expect((doc.value as { cards: { id: string }[] }).cards.map((c) => c.id)).toEqual(['new', 'b', 'a']);
    expect(doc.text).toContain('        {"id": "b"},\r\n        {"id": "a"}\r\n    ]');
    doc = removeValue(doc, ['cards', 0]);
    doc = removeValue(doc, ['tags', 2]);
    expect(doc.text).toBe('{\r\n    "cards": [\r\n        {"id": "b"},\r\n        {"id": "a"}\r\n    ],\r\n    "tags": ["w", "x"]\r\n}\r\n');
  });

  it('keeps a text written as one string when it gets a second language, and never empties a text', () => {
    let doc = openDocument('t.json', '{\n  "text": "Hallo",\n  "label": {"nl": "Ja", "en": "Yes"}\n}\n');
    doc = setText(doc, ['text'], 'en', 'Hello', 'nl');
    expect(doc.text).toBe('{\n  "text": {"nl": "Hallo", "en": "Hello"},\n  "label": {"nl": "Ja", "en": "Yes"}\n}\n');
    doc = setText(doc, ['label'], 'en', '', 'nl');
    expect(valueAt(doc, ['label'])).toEqual({ nl: 'Ja' });
    doc = setText(doc, ['label'], 'nl', '', 'nl');
    expect(valueAt(doc, ['label'])).toEqual({ nl: 'Ja' });
  });

  it('keeps a byte-order mark where the file had one', () => {
    const doc = setValue(openDocument('t.json', '\uFEFF{"a": 1}'), ['a'], 2);
    expect(doc.text).toBe('\uFEFF{"a": 2}');
  });

  it('refuses an edit at a place that cannot exist, and leaves the document as it was', () => {
    const doc = openDocument('t.json', '{"list": [1, 2]}');
    expect(() => setValue(doc, ['list', 5], 3)).toThrow(EditError);
    expect(() => setValue(doc, ['list', 'name'], 3)).toThrow(EditError);
    expect(() => insertItem(doc, ['list'], 3, 3)).toThrow(EditError);
    expect(() => moveItem(doc, ['list'], 0, 2)).toThrow(EditError);
    expect(removeValue(doc, ['nothing', 'here']).text).toBe(doc.text);
  });

  it('reads a file with mistakes, and tells what they are', () => {
    const broken = openDocument('t.json', '{"format": 1,');
    expect(broken.value).toBeUndefined();
    expect(broken.parsed).toBeUndefined();
    expect(broken.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value the path names after `setValue`, as a plain model of what the edit should mean. */
function modelSet(root: Json, path: readonly (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    list[head] = modelSet(list[head] ?? null, rest, value);
    return list;
  }
  const object: { [key: string]: Json } = root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...root } : {};
  const here = Object.hasOwn(object, head!) ? object[head!]! : null;
  Object.defineProperty(object, head!, { value: modelSet(here, rest, value), enumerable: true, writable: true, configurable: true });
  return object;
}

/** A path picked from what the value holds now: an existing field or item, or one new at the end. */
function pickPath(root: Json, picks: readonly number[]): (string | number)[] {
  const path: (string | number)[] = [];
  let node: Json | undefined = root;
  for (const pick of picks) {
    if (Array.isArray(node)) {
      const index: number = pick % (node.length + 1);
      path.push(index);
      if (index === node.length) break;
      node = node[index];
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      const at = pick % (keys.length + 1);
      const key = at < keys.length ? keys[at]! : `k${pick % 7}`;
      path.push(key);
      if (at === keys.length) break;
      node = node[key];
    } else {
      // A plain value on the way is replaced by an object holding the rest.
      path.push(`p${pick % 3}`);
      break;
    }
  }
  return path;
}

const jsonArb = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('__proto__')) as fc.Arbitrary<Json>;

describe('edits in place (property)', () => {
  it('leaves, after any run of setValue on any paths, a file that reads as the expected value', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 4 }), jsonArb, { maxKeys: 5 }).filter((v) => !JSON.stringify(v).includes('__proto__')),
        fc.constantFrom('', 2, 4, '\t'),
        fc.boolean(),
        fc.array(fc.record({ picks: fc.array(fc.nat(20), { maxLength: 4 }), value: jsonArb }), { maxLength: 12 }),
        (start, indent, crlf, steps) => {
          let text = JSON.stringify(start, null, indent);
          if (crlf) text = text.replace(/\n/g, '\r\n');
          let doc = openDocument('p.json', text);
          let model = start as Json;
          for (const step of steps) {
            const path = pickPath(model, step.picks);
            model = modelSet(model, path, step.value);
            doc = setValue(doc, path, step.value);
            expect(JSON.stringify(JSON.parse(doc.text))).toBe(JSON.stringify(model));
          }
          if (crlf && text.includes('\n')) expect(doc.text.replace(/\r\n/g, '')).not.toContain('\n');
        },
      ),
      { numRuns: 200 },
    );
    // Each edit reads the file again; 200 runs of up to 12 edits take about a second here, more on a busy machine.
  }, 30_000);
});

describe('finding the place of an edit', () => {
  it('finds every value where jsonc-parser\'s full tree has it (property)', () => {
    fc.assert(
      fc.property(jsonArb, fc.constantFrom('', 2, '\t'), fc.array(fc.nat(20), { maxLength: 5 }), (value, indent, picks) => {
        const text = JSON.stringify(value, null, indent);
        const path = pickPath(value, picks);
        const full = findNodeAtLocation(parseTree(text)!, path);
        let mine: ReturnType<typeof treeAlong> | undefined = treeAlong(text, [path]);
        for (const segment of path) mine = mine && (mine.type === 'object' ? mine.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1] : mine.children?.[segment as number]);
        expect(mine && [mine.offset, mine.length, mine.type]).toEqual(full && [full.offset, full.length, full.type]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('many edits at once', () => {
  it('give the same value as the same edits one by one (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 3 }), jsonArb, { maxKeys: 5 }).filter((v) => !JSON.stringify(v).includes('__proto__')),
        fc.constantFrom('', 2, '\t'),
        fc.array(fc.record({ picks: fc.array(fc.nat(20), { maxLength: 4 }), value: jsonArb }), { maxLength: 8 }),
        (start, indent, steps) => {
          const doc = openDocument('p.json', JSON.stringify(start, null, indent));
          const changes = steps.map((step) => ({ path: pickPath(start as Json, step.picks), value: step.value }));
          // Paths are picked in the first value, so a later one may no longer fit: then both refuse.
          let one: EditorDocument | EditError = doc;
          try {
            for (const c of changes) one = setValue(one, c.path, c.value);
          } catch (error) {
            if (!(error instanceof EditError)) throw error;
            one = error;
          }
          if (one instanceof EditError) expect(() => setValues(doc, changes)).toThrow(EditError);
          // The same value; the layout may differ where a new field was then changed (written once, in its final form).
          else expect(JSON.stringify(JSON.parse(setValues(doc, changes).text))).toBe(JSON.stringify(JSON.parse(one.text)));
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('translate every English text of school.json in one pass, changing only those lines', () => {
    const text = read('school.json');
    const doc = openDocument('school.json', text);
    const changes: { path: (string | number)[]; value: string }[] = [];
    (doc.parsed!.cards).forEach((c, i) => c.choices.forEach((_, j) => changes.push({ path: ['cards', i, 'choices', j, 'label', 'en'], value: `Label ${i}.${j}` })));
    const all = setValues(doc, changes);
    const before = text.split('\n');
    const after = all.text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed.length).toBe(changes.length);
    expect(changed.every((line) => /"en": ?"Label \d+\.\d+"/.test(line))).toBe(true);
  });
});

describe('a new scenario', () => {
  it('starts from the template, valid, with its schema beside it in levels/', () => {
    const text = newScenarioText();
    const result = validateScenarioText(text);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(JSON.parse(text).$schema).toBe('./scenario.schema.json');
    expect(text).toContain('"en": "My scenario: the front desk"');
  });

  it('in one language holds only that language\'s texts', () => {
    const text = newScenarioText('nl');
    expect(validateScenarioText(text).ok).toBe(true);
    expect(text).not.toMatch(/"en":/);
    expect(JSON.parse(text).title).toEqual({ nl: 'Mijn scenario: de balie' });
  });
});

describe('new ids', () => {
  it('are made from the Dutch title, and stay unique', () => {
    expect(uniqueId([], 'Ouderavond: klacht over de rector!')).toBe('ouderavond-klacht-over-de-rector');
    expect(uniqueId(['ruzie-op-het-plein'], 'Ruzie op het plein')).toBe('ruzie-op-het-plein-2');
    expect(uniqueId(['ruzie-op-het-plein', 'ruzie-op-het-plein-2'], 'Ruzie op het plein')).toBe('ruzie-op-het-plein-3');
    expect(uniqueId([], 'Café één')).toBe('cafe-een');
    expect(uniqueId(['nieuw'], '!!!')).toBe('nieuw-2');
  });

  it('are always valid ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }), fc.string({ maxLength: 120 }), (existing, title) => {
        const id = uniqueId(existing, title);
        expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(id.length).toBeLessThanOrEqual(64);
        expect(existing).not.toContain(id);
      }),
    );
  });
});
