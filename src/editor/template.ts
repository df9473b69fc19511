/**
 * A new scenario's text, from the documented template (every field, filled in). Apart from
 * `document.ts` because the template comes in through the bundler (`?raw`), which Node's own
 * scripts (the bench, the CLIs) cannot import.
 */
import { parseTree, type Node } from 'jsonc-parser';
import templateText from '../../docs/template.json?raw';
import type { Language } from '../engine/text.ts';
import { openDocument, setValue } from './document.ts';

/** The edits that take out of every text (`{ "nl": …, "en": … }`) the languages not kept. */
function languageCuts(text: string, node: Node, keep: ReadonlySet<string>, out: { offset: number; length: number; content: string }[]) {
  const children = node.children ?? [];
  if (node.type === 'object') {
    const isText = children.length > 0 && children.every((p) => (p.children?.[0]?.value === 'nl' || p.children?.[0]?.value === 'en') && p.children?.[1]?.type === 'string');
    if (isText) {
      const kept = children.filter((p) => keep.has(p.children![0]!.value as string));
      // The kept fields, with the separators between them as written, replace the whole inside.
      if (kept.length === children.length || kept.length === 0) return;
      const first = children[0]!;
      const last = children[children.length - 1]!;
      out.push({ offset: first.offset, length: last.offset + last.length - first.offset, content: kept.map((p) => text.slice(p.offset, p.offset + p.length)).join(', ') });
      return;
    }
    for (const p of children) if (p.children?.[1]) languageCuts(text, p.children[1], keep, out);
  } else if (node.type === 'array') for (const item of children) languageCuts(text, item, keep, out);
}

/**
 * The text of a new scenario: the template, with `$schema` pointing at the schema beside it in
 * `levels/`. With one language, the texts hold only that one: a text kept in a language the author
 * does not write would reach players untranslated.
 */
export function newScenarioText(languages: Language | readonly Language[] = ['nl', 'en']): string {
  const keep = new Set<string>(typeof languages === 'string' ? [languages] : languages);
  let text = setValue(openDocument('new.json', templateText), ['$schema'], './scenario.schema.json').text;
  if (keep.has('nl') && keep.has('en')) return text;
  const cuts: { offset: number; length: number; content: string }[] = [];
  languageCuts(text, parseTree(text)!, keep, cuts);
  for (const cut of cuts.sort((a, b) => b.offset - a.offset)) text = text.slice(0, cut.offset) + cut.content + text.slice(cut.offset + cut.length);
  return text;
}
