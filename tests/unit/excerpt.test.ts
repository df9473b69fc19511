import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/authoring/excerpt.ts';

describe('the source line under a problem', () => {
  it('puts the caret under the column', () => {
    const e = excerpt('{\n  "id": 12,\n}', 2, 9)!;
    expect(e.text).toBe('  "id": 12,');
    expect(e.caret).toBe('        ^');
    expect(e.text[e.caret.length - 1]).toBe('1');
  });

  it('counts a tab as it is shown', () => {
    const e = excerpt('\t"x": y', 1, 7)!;
    expect(e.text).toBe('  "x": y');
    expect(e.text[e.caret.length - 1]).toBe('y');
  });

  it('cuts a long line around the column and keeps the caret on the same character', () => {
    const line = `${'a'.repeat(200)}X${'b'.repeat(200)}`;
    const e = excerpt(line, 1, 201, 60)!;
    expect(e.text.startsWith('…')).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(e.text[e.caret.length - 1]).toBe('X');
    expect(e.text.length).toBeLessThanOrEqual(62);
  });

  it('handles Windows line ends and a line past the end of the file', () => {
    expect(excerpt('a\r\nbc\r\n', 2, 2)).toEqual({ text: 'bc', caret: ' ^' });
    expect(excerpt('a', 5, 1)).toBeNull();
  });
});
