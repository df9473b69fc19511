import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDocument, setValue } from '../../src/editor/document.ts';
import { canRedo, canUndo, emptyHistory, HISTORY_STEPS, record, redo, TYPING_PAUSE_MS, undo, type History } from '../../src/editor/history.ts';

const school = readFileSync(new URL('../../levels/school.json', import.meta.url), 'utf8');

describe('undo and redo', () => {
  it('gives back school.json byte for byte after 100 edits undone, and the last edit after 100 redone', () => {
    let doc = openDocument('school.json', school);
    let history: History = emptyHistory;
    for (let i = 0; i < 100; i++) {
      const before = doc.text;
      // Each edit in another field, so each is a step of its own.
      doc = setValue(doc, ['cards', i % 20, 'choices', 0, 'label', i % 2 ? 'nl' : 'en'], `Label ${i}`);
      history = record(history, before, `cards/${i % 20}/${i}`);
    }
    const edited = doc.text;
    let text = edited;
    for (let i = 0; i < 100; i++) {
      const moved = undo(history, text)!;
      history = moved.history;
      text = moved.text;
    }
    expect(text).toBe(school);
    expect(canUndo(history)).toBe(false);
    for (let i = 0; i < 100; i++) {
      const moved = redo(history, text)!;
      history = moved.history;
      text = moved.text;
    }
    expect(text).toBe(edited);
    expect(canRedo(history)).toBe(false);
  });

  it('undoes the keys typed into one field as one step, and a pause or another field as a new one', () => {
    let history = emptyHistory;
    history = record(history, 'a', 'title', 1000);
    history = record(history, 'ab', 'title', 1100);
    history = record(history, 'abc', 'title', 1200);
    expect(history.past).toEqual(['a']);
    history = record(history, 'abcd', 'title', 1200 + TYPING_PAUSE_MS + 1);
    history = record(history, 'abcde', 'description', 1200 + TYPING_PAUSE_MS + 2);
    history = record(history, 'abcdef', undefined, 1200 + TYPING_PAUSE_MS + 3);
    history = record(history, 'abcdefg', undefined, 1200 + TYPING_PAUSE_MS + 4);
    expect(history.past).toEqual(['a', 'abcd', 'abcde', 'abcdef', 'abcdefg']);
  });

  it('starts the field\'s typing as a new step after an undo', () => {
    let history = record(emptyHistory, 'a', 'title', 0);
    history = undo(history, 'ab')!.history;
    history = record(history, 'a', 'title', 1);
    expect(history.past).toEqual(['a']);
    expect(canRedo(history)).toBe(false);
  });

  it(`keeps the last ${HISTORY_STEPS} steps and forgets older ones`, () => {
    let history = emptyHistory;
    for (let i = 0; i < HISTORY_STEPS + 50; i++) history = record(history, String(i));
    expect(history.past).toHaveLength(HISTORY_STEPS);
    expect(history.past[0]).toBe('50');
    expect(undo(emptyHistory, 'x')).toBeUndefined();
    expect(redo(emptyHistory, 'x')).toBeUndefined();
  });
});
