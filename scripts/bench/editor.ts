/**
 * Editor figures (Node): opening a scenario at the card limit in the editor's document, one edit in
 * it, and the checks that run in the editor's worker after an edit. The page's own figures (a key
 * press in a card text to the screen updated) belong to the same part, in the browser.
 */
import { readFileSync } from 'node:fs';
import { checkBalanceOf } from '../../src/editor/checks.ts';
import { openDocument, setValue } from '../../src/editor/document.ts';
import { emptyHistory, record, undo } from '../../src/editor/history.ts';
import { LIMITS } from '../../src/engine/format.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { generatedScenario } from './engine.ts';

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

export function editorFigures(): string[] {
  const lines: string[] = [];
  const text = JSON.stringify(generatedScenario(LIMITS.cards), null, 2);
  const mb = (text.length / 1e6).toFixed(2);
  for (let i = 0; i < 2; i++) openDocument('bench.json', text);
  const opens = Array.from({ length: 5 }, () => time(() => openDocument('bench.json', text))[1]);
  const [doc] = time(() => openDocument('bench.json', text));
  const [problems, checkMs] = time(() => doc.problems);
  lines.push(`open: ${LIMITS.cards.toLocaleString('en')}-card scenario (${mb} MB) read for the forms, median ${median(opens).toFixed(0)} ms; with the validator's check ${(median(opens) + checkMs).toFixed(0)} ms (${problems.length} problems)   (aim: open ≤ 2000 ms)`);

  const edits = Array.from({ length: 9 }, (_, i) => time(() => setValue(doc, ['cards', 1000 + i, 'text', 'en'], `Card ${i}: changed.`))[1]);
  lines.push(`edit: one text in the ${LIMITS.cards.toLocaleString('en')}-card scenario, written in place and read again, median ${median(edits).toFixed(0)} ms`);

  let history = emptyHistory;
  let current = doc;
  for (let i = 0; i < 100; i++) {
    const before = current.text;
    current = setValue(current, ['cards', i, 'choices', 0, 'label', 'nl'], `Label ${i}`);
    history = record(history, before, `cards/${i}`);
  }
  const [, undoMs] = time(() => {
    let t = current.text;
    for (let i = 0; i < 100; i++) {
      const moved = undo(history, t)!;
      history = moved.history;
      t = moved.text;
    }
    return openDocument('bench.json', t);
  });
  lines.push(`undo: 100 steps back on the ${LIMITS.cards.toLocaleString('en')}-card scenario and read again in ${undoMs.toFixed(0)} ms`);

  const schoolText = readFileSync(new URL('../../levels/school.json', import.meta.url), 'utf8');
  const [school, validateMs] = time(() => validateScenarioText(schoolText));
  if (!school.ok) throw new Error('levels/school.json does not validate');
  const schoolDoc = openDocument('school.json', schoolText);
  const keys = Array.from({ length: 50 }, (_, i) => time(() => setValue(schoolDoc, ['cards', 3, 'text', 'nl'], `Tekst ${'x'.repeat(i)}`))[1]);
  lines.push(`key: one letter typed into a card text of school.json, written in place and read again, median ${median(keys).toFixed(1)} ms, worst ${Math.max(...keys).toFixed(1)} ms (the page's own drawing not included)`);
  const [, balanceMs] = time(() => checkBalanceOf(school.scenario));
  lines.push(`checks: after an edit of school.json, in the editor's worker: validation ${validateMs.toFixed(0)} ms, the balance check (1,000 games per strategy) ${balanceMs.toFixed(0)} ms`);
  return lines;
}
