/**
 * The parts of a JSON text's tree that an edit needs, found fast: only the objects and lists along the
 * edited paths are opened (their fields and items with their offsets); everything else is skipped.
 *
 * jsonc-parser's `parseTree` builds the node of every value: 0.5–2 s for a scenario at the
 * 2,000-card limit on a busy machine, for each key typed. Skipping over a value needs only to find
 * its end (strings by `indexOf`, brackets counted), a few milliseconds for the same file. The nodes are
 * jsonc-parser's own `Node` shape, so the rest of the editor works with either.
 *
 * The text must be valid JSON (the document has read it with `JSON.parse` before any edit).
 */
import type { Node, NodeType } from 'jsonc-parser';
import type { EditPath } from './document.ts';

const QUOTE = 34;
const BACKSLASH = 92;

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** From an opening quote to just past its closing one. */
function skipString(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    let slashes = 0;
    for (let b = q - 1; text.charCodeAt(b) === BACKSLASH; b--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** From a value's first character to just past its end. */
function skipValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return skipString(text, i);
  if (first === 123 || first === 91) {
    let depth = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i = skipString(text, i);
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) return i + 1;
      i++;
    }
  }
  // A number, true, false or null: up to the next comma, bracket or space.
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c) || c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9) return i;
    i++;
  }
}

function typeAt(text: string, i: number): NodeType {
  const c = text.charCodeAt(i);
  if (c === 123) return 'object';
  if (c === 91) return 'array';
  if (c === QUOTE) return 'string';
  if (c === 116 || c === 102) return 'boolean';
  if (c === 110) return 'null';
  return 'number';
}

function valueNode(text: string, i: number, parent: Node | undefined): Node {
  const end = skipValue(text, i);
  return { type: typeAt(text, i), offset: i, length: end - i, parent } as Node;
}

/** Lists a container's fields (property nodes with their key and value) or items, once. */
function open(text: string, node: Node): void {
  if (node.children || (node.type !== 'object' && node.type !== 'array')) return;
  const children: Node[] = [];
  let i = skipSpace(text, node.offset + 1);
  while (text.charCodeAt(i) !== 125 && text.charCodeAt(i) !== 93) {
    if (node.type === 'object') {
      const keyEnd = skipString(text, i);
      const property = { type: 'property', offset: i, length: 0, parent: node, children: [] as Node[] } as Node;
      const key = { type: 'string', offset: i, length: keyEnd - i, parent: property, value: JSON.parse(text.slice(i, keyEnd)) as string } as Node;
      const colon = skipSpace(text, keyEnd);
      const value = valueNode(text, skipSpace(text, colon + 1), property);
      (property as { length: number }).length = value.offset + value.length - i;
      (property as { colonOffset?: number }).colonOffset = colon;
      property.children!.push(key, value);
      children.push(property);
      i = skipSpace(text, value.offset + value.length);
    } else {
      const item = valueNode(text, i, node);
      children.push(item);
      i = skipSpace(text, item.offset + item.length);
    }
    if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
  }
  (node as { children?: Node[] }).children = children;
}

/** The child a segment names: a field of an object (by name), an item of a list (by number). */
export function childFor(node: Node, segment: string | number): Node | undefined {
  if (node.type === 'object' && typeof segment === 'string') {
    for (const property of node.children ?? []) if (property.children?.[0]?.value === segment) return property.children[1];
    return undefined;
  }
  if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
  return undefined;
}

/** The root of the text's tree, with every object and list along `paths` opened. */
export function treeAlong(text: string, paths: readonly EditPath[]): Node {
  const root = valueNode(text, skipSpace(text, 0), undefined);
  for (const path of paths) {
    let node: Node | undefined = root;
    open(text, node);
    for (const segment of path) {
      node = childFor(node, segment);
      if (!node) break;
      open(text, node);
    }
  }
  return root;
}
