/**
 * The scenario being edited, as the author's own text. Every change is made in that text, in place,
 * so that the file stays the author's: saving an unchanged file gives the same bytes, and changing
 * one text changes only that text.
 *
 * Where an edit goes is found in a tree of jsonc-parser's nodes, opened only along the edited path
 * (jsonTree.ts). How new text is laid out is decided here: jsonc-parser's `modify` with formatting
 * options reformats the whole container it inserts into (a one-line `{"id": 1}` beside the insertion
 * becomes three lines), and without them writes `,{"id":9}` glued to its neighbour. So an insertion
 * copies what is already there: the separator and indentation of its siblings, one line where the
 * container is on one line, the file's indent, line ending and spacing after `:` and inside `{ }`.
 *
 * Pure: no DOM, no Preact. Node tests it, the editor's forms and the checks' worker use it.
 */
import type { Node } from 'jsonc-parser';
import { scenarioShape, type Scenario } from '../engine/format.ts';
import { withoutBom } from '../engine/jsonSource.ts';
import { isPlainObject } from '../engine/schema.ts';
import { validateScenarioText, type Problem } from '../engine/validate.ts';
import { childFor, treeAlong } from './jsonTree.ts';

export type EditPath = readonly (string | number)[];

/** How the file is laid out, read from the file itself so that new text matches it. */
export interface Layout {
  /** One step of indentation: two spaces, four, a tab… */
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
  /** After a field name: `": "` or `":"`. */
  readonly colon: string;
  /** Between items on one line: `", "` or `","`. */
  readonly comma: string;
  /** Inside the braces of an object on one line: `{ "a": 1 }` (a space) or `{"a": 1}` (none). */
  readonly pad: string;
}

export interface EditorDocument {
  /** The file's text, exactly as it will be saved. */
  readonly text: string;
  /** The file name (`school.json`). */
  readonly name: string;
  /** The scenario when the file has the format's shape (even with other errors, such as a card that names a missing meter). */
  readonly parsed: Scenario | undefined;
  /** Whatever the text holds as JSON, `undefined` when it cannot be read. */
  readonly value: unknown;
  /** The validator's errors and warnings for this text, worked out when first read. */
  readonly problems: readonly Problem[];
  readonly layout: Layout;
}

/** An edit that cannot be made where it was asked (an index past the end of a list, a name inside a list). */
export class EditError extends Error {}

const BOM = '\uFEFF';

/** `layout`: the layout to keep writing in, after an edit (read from the text when opening). */
export function openDocument(name: string, text: string, layout?: Layout): EditorDocument {
  const plain = withoutBom(text);
  let value: unknown;
  try {
    value = JSON.parse(plain);
  } catch {
    value = undefined;
  }
  let shaped = value !== undefined;
  if (shaped) scenarioShape.check(value, [], { push: () => (shaped = false) });
  let problems: readonly Problem[] | undefined;
  return {
    text,
    name,
    value,
    parsed: shaped ? (value as Scenario) : undefined,
    // Checked when first asked: the full check of a 130 kB scenario takes 100 ms and more, too long
    // for every key press; the editor asks for it a moment after typing stops (or in its worker).
    get problems() {
      return (problems ??= validateScenarioText(text).problems);
    },
    layout: layout ?? detectLayout(plain),
  };
}

/** The value at a path in the document, `undefined` where there is none. */
export function valueAt(doc: EditorDocument, path: EditPath): unknown {
  let here: unknown = doc.value;
  for (const segment of path) {
    if (Array.isArray(here) && typeof segment === 'number') here = here[segment];
    else if (isPlainObject(here) && typeof segment === 'string' && Object.hasOwn(here, segment)) here = here[segment];
    else return undefined;
  }
  return here;
}

export function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The smallest indentation of any line is one step; the first lines are enough to see it.
  let indent = '';
  for (const match of text.slice(0, 20_000).matchAll(/\n([ \t]+)\S/g)) {
    const found = match[1]!;
    if (found.startsWith('\t')) {
      indent = '\t';
      break;
    }
    if (!indent || found.length < indent.length) indent = found;
  }
  const colon = /"\s*:( ?)/.exec(text)?.[1] === '' ? ':' : ': ';
  const comma = /[{[][^\n{[]*?,( ?)["\d]/.exec(text);
  const pad = /\{( ?)"[^"\n]*"\s*:[^\n{[]*\}/.exec(text);
  return {
    indent: indent || '  ',
    eol,
    colon,
    comma: comma ? `,${comma[1]}` : ', ',
    pad: pad ? pad[1]! : ' ',
  };
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/**
 * A new value as text. A list or object of plain values goes on one line (`{ "nl": "…", "en": "…" }`,
 * `["a", "b"]`), as the shipped files write texts, effects and tags; anything holding more goes over
 * several lines, one field or item a line.
 */
export function renderValue(value: unknown, layout: Layout, baseIndent: string): string {
  if (!isContainer(value)) return JSON.stringify(value ?? null);
  const inner = baseIndent + layout.indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!value.some(isContainer)) return `[${value.map((v) => JSON.stringify(v)).join(layout.comma)}]`;
    return `[${layout.eol}${value.map((v) => inner + renderValue(v, layout, inner)).join(`,${layout.eol}`)}${layout.eol}${baseIndent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (!entries.some(([, v]) => isContainer(v))) {
    return `{${layout.pad}${entries.map(([k, v]) => `${JSON.stringify(k)}${layout.colon}${JSON.stringify(v)}`).join(layout.comma)}${layout.pad}}`;
  }
  return `{${layout.eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}${layout.colon}${renderValue(v, layout, inner)}`).join(`,${layout.eol}`)}${layout.eol}${baseIndent}}`;
}

interface Edit {
  offset: number;
  length: number;
  content: string;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace that starts the line `offset` is on. */
function indentOfLine(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Whether a node is the first thing on its line (so its siblings are one a line). */
function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** For a value node in an object, its property node (key and value); for an item of a list, itself. */
function entryOf(node: Node): Node {
  return node.parent?.type === 'property' ? node.parent : node;
}

/**
 * The edit that puts `content` (already rendered for `childIndent`) into a container at `index`
 * (`children.length` appends). The layout of the siblings is copied: on their own lines, or on one line.
 */
function insertInto(text: string, container: Node, index: number, render: (childIndent: string) => string | readonly string[], layout: Layout): Edit {
  const rendered = (childIndent: string, between: string) => {
    const items = render(childIndent);
    return typeof items === 'string' ? items : items.join(between);
  };
  const children = container.children ?? [];
  const open = container.offset;
  const close = container.offset + container.length - 1;
  const multiLine = text.slice(open, close).includes('\n');
  if (children.length === 0) {
    const outer = indentOfLine(text, open);
    const childIndent = outer + layout.indent;
    const content = rendered(childIndent, layout.comma);
    // An empty container takes its first item on one line only when the item is one line itself.
    if (!content.includes('\n') && !multiLine) {
      const pad = container.type === 'object' ? layout.pad : '';
      return { offset: open + 1, length: close - open - 1, content: `${pad}${content}${pad}` };
    }
    return { offset: open + 1, length: close - open - 1, content: `${layout.eol}${childIndent}${rendered(childIndent, `,${layout.eol}${childIndent}`)}${layout.eol}${outer}` };
  }
  const first = children[0]!;
  const ownLines = multiLine && startsLine(text, first.offset);
  const childIndent = ownLines ? indentOfLine(text, first.offset) : indentOfLine(text, open) + layout.indent;
  const between = ownLines ? `,${layout.eol}${childIndent}` : separatorOf(text, children, layout);
  const content = rendered(childIndent, between);
  if (index === 0) return { offset: first.offset, length: 0, content: `${content}${between}` };
  const previous = children[Math.min(index, children.length) - 1]!;
  return { offset: previous.offset + previous.length, length: 0, content: `${between}${content}` };
}

/** The text between two items on one line, as written (`, ` or `,`), or the file's usual one. */
function separatorOf(text: string, children: Node[], layout: Layout): string {
  if (children.length >= 2) {
    const a = children[0]!;
    const written = text.slice(a.offset + a.length, children[1]!.offset);
    if (!written.includes('\n')) return written;
  }
  return layout.comma;
}

/** The edit that takes an entry (a field or an item) out of its container with its separator. */
function removeFrom(entry: Node): Edit {
  const container = entry.parent!;
  const children = container.children!;
  const at = children.indexOf(entry);
  if (children.length === 1) {
    const open = container.offset;
    const close = container.offset + container.length - 1;
    return { offset: open + 1, length: close - open - 1, content: '' };
  }
  if (at > 0) {
    const previous = children[at - 1]!;
    const from = previous.offset + previous.length;
    return { offset: from, length: entry.offset + entry.length - from, content: '' };
  }
  const next = children[1]!;
  return { offset: entry.offset, length: next.offset - entry.offset, content: '' };
}

function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
}

/** Works on the text without its byte-order mark (the parser's offsets are in that text) and puts the mark back. */
function edited(doc: EditorDocument, paths: readonly EditPath[], make: (plain: string, root: Node) => Edit | null): EditorDocument {
  const { plain, bom } = editable(doc);
  const root = treeAlong(plain, paths);
  const edit = make(plain, root);
  if (!edit) return doc;
  const text = applyEdit(plain, edit);
  return openDocument(doc.name, bom ? BOM + text : text, doc.layout);
}

/** The text to edit, without its byte-order mark (the offsets are in that text); only a readable file can be edited. */
function editable(doc: EditorDocument): { plain: string; bom: boolean } {
  if (doc.value === undefined) throw new EditError('The file cannot be read as JSON, so it cannot be changed in place.');
  const bom = doc.text.startsWith(BOM);
  return { plain: bom ? doc.text.slice(1) : doc.text, bom };
}

/** Wraps `value` in the objects and lists the path after `from` still needs. */
function nest(path: EditPath, from: number, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= from; i--) {
    const segment = path[i]!;
    if (typeof segment === 'number') {
      if (segment !== 0) throw new EditError(`There is no item ${segment} to put a value in at ${JSON.stringify(path)}.`);
      out = [out];
    } else out = { [segment]: out };
  }
  return out;
}

/**
 * Sets the value at a path, making the fields the path needs. A value that is not an object or list on
 * the way is replaced by one holding the value, and is gone: to give a text written as one string a
 * second language, use `setText`, which keeps the string.
 */
export function setValue(doc: EditorDocument, path: EditPath, value: unknown): EditorDocument {
  if (value === undefined) return removeValue(doc, path);
  return edited(doc, [path], (text, root) => {
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const child = childFor(node, segment);
      if (child) {
        node = child;
        continue;
      }
      if (node.type === 'object' && typeof segment === 'string') {
        const rest = nest(path, i + 1, value);
        return insertInto(text, node, node.children?.length ?? 0, (indent) => `${JSON.stringify(segment)}${doc.layout.colon}${renderValue(rest, doc.layout, indent)}`, doc.layout);
      }
      if (node.type === 'array' && typeof segment === 'number') {
        if (segment !== (node.children?.length ?? 0)) throw new EditError(`Item ${segment} is past the end of a list of ${node.children?.length ?? 0} at ${JSON.stringify(path)}.`);
        const rest = nest(path, i + 1, value);
        return insertInto(text, node, segment, (indent) => renderValue(rest, doc.layout, indent), doc.layout);
      }
      if (node.type === 'object' || node.type === 'array') throw new EditError(`${JSON.stringify(segment)} does not name a place in ${node.type === 'array' ? 'a list' : 'an object'} at ${JSON.stringify(path)}.`);
      // A plain value on the way: replaced by the container the rest of the path needs.
      return replaceNode(text, node, nest(path, i, value), doc.layout);
    }
    return replaceNode(text, node, value, doc.layout);
  });
}

function replaceNode(text: string, node: Node, value: unknown, layout: Layout): Edit | null {
  const start = entryOf(node).offset;
  const content = renderValue(value, layout, indentOfLine(text, start));
  if (text.slice(node.offset, node.offset + node.length) === content) return null;
  return { offset: node.offset, length: node.length, content };
}

export interface Change {
  path: EditPath;
  value: unknown;
}

/**
 * Sets many values at once, as `setValue` one after the other would, but reading the file once: a
 * translation sets hundreds of texts, and reading a large file again for each would take seconds.
 * Values that replace one already there, and new fields in an object that exists, are written in one
 * pass; anything else (a path that needs new objects, changes inside one another) one by one after it.
 */
export function setValues(doc: EditorDocument, changes: readonly Change[]): EditorDocument {
  const rest: Change[] = [];
  const { plain, bom } = editable(doc);
  const root = treeAlong(plain, changes.map((c) => c.path));
  const replaced: { node: Node; value: unknown }[] = [];
  const added = new Map<Node, [string, unknown][]>();
  for (const change of changes) {
    if (change.value === undefined || change.path.length === 0) {
      rest.push(change);
      continue;
    }
    const node = nodeAt(root, change.path);
    const parent = node ? undefined : nodeAt(root, change.path.slice(0, -1));
    const last = change.path[change.path.length - 1];
    if (node) replaced.push({ node, value: change.value });
    else if (parent?.type === 'object' && typeof last === 'string') {
      const list = added.get(parent) ?? [];
      const same = list.findIndex(([k]) => k === last);
      if (same >= 0) list[same] = [last, change.value];
      else list.push([last, change.value]);
      added.set(parent, list);
    } else rest.push(change);
  }
  const within = (a: EditPath, b: EditPath) => a.length <= b.length && a.every((segment, i) => segment === b[i]);
  if (rest.some((r) => changes.some((c) => c !== r && (within(r.path, c.path) || within(c.path, r.path))))) {
    // A change that needs new objects, tangled with another change: one by one, in the order asked.
    let one = doc;
    for (const change of changes) one = setValue(one, change.path, change.value);
    return one;
  }
  const edits: Edit[] = [];
  for (const { node, value } of replaced) {
    const edit = replaceNode(plain, node, value, doc.layout);
    if (edit) edits.push(edit);
  }
  for (const [container, fields] of added) {
    edits.push(insertInto(plain, container, container.children?.length ?? 0, (indent) => fields.map(([k, v]) => `${JSON.stringify(k)}${doc.layout.colon}${renderValue(v, doc.layout, indent)}`), doc.layout));
  }
  // From the end backwards, so each edit's offsets are still those of the text read; overlapping
  // edits (a change inside another) are done one by one afterwards, in the order they were asked.
  edits.sort((a, b) => b.offset - a.offset);
  let text = plain;
  let floor = Infinity;
  const overlapping: Edit[] = [];
  for (const edit of edits) {
    if (edit.offset + edit.length > floor || (edit.length === 0 && edit.offset === floor)) {
      overlapping.push(edit);
      continue;
    }
    text = applyEdit(text, edit);
    floor = edit.offset;
  }
  if (overlapping.length > 0) {
    // Rare (a caller setting a text and one of its languages together): start again one by one.
    let one = doc;
    for (const change of changes) one = setValue(one, change.path, change.value);
    return one;
  }
  let out = openDocument(doc.name, bom ? BOM + text : text, doc.layout);
  for (const change of rest) out = setValue(out, change.path, change.value);
  return out;
}

function nodeAt(root: Node, path: EditPath): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) node = node && childFor(node, segment);
  return node;
}

/**
 * Sets one language of a player-visible text. A text written as one string (shown in every language)
 * becomes one per language on its first translation: the string stays, as `writtenIn` (the language
 * it was written in, the scenario's first), beside the new one. An empty value takes the language out.
 */
export function setText(doc: EditorDocument, textPath: EditPath, language: string, value: string, writtenIn: string): EditorDocument {
  const now = valueAt(doc, textPath);
  if (typeof now === 'string') {
    if (language === writtenIn) return value === '' ? doc : setValue(doc, textPath, value);
    return value === '' ? doc : setValue(doc, textPath, { [writtenIn]: now, [language]: value });
  }
  if (value === '') return isPlainObject(now) && Object.keys(now).length > 1 ? removeValue(doc, [...textPath, language]) : doc;
  return setValue(doc, [...textPath, language], value);
}

/** Takes out the field or item at a path; nothing changes where there is none. */
export function removeValue(doc: EditorDocument, path: EditPath): EditorDocument {
  if (path.length === 0) throw new EditError('The whole scenario cannot be removed.');
  return edited(doc, [path], (_text, root) => {
    const node = nodeAt(root, path);
    return node ? removeFrom(entryOf(node)) : null;
  });
}

function listAt(root: Node, path: EditPath): Node {
  let node: Node | undefined = root;
  for (const segment of path) node = node && childFor(node, segment);
  if (!node || node.type !== 'array') throw new EditError(`There is no list at ${JSON.stringify(path)}.`);
  return node;
}

/** Puts a new item into the list at `arrayPath`, before the item now at `index` (the list's length appends). */
export function insertItem(doc: EditorDocument, arrayPath: EditPath, index: number, value: unknown): EditorDocument {
  return edited(doc, [arrayPath], (text, root) => {
    const list = listAt(root, arrayPath);
    const count = list.children?.length ?? 0;
    if (!Number.isInteger(index) || index < 0 || index > count) throw new EditError(`Cannot insert at ${index} in a list of ${count}.`);
    return insertInto(text, list, index, (indent) => renderValue(value, doc.layout, indent), doc.layout);
  });
}

/**
 * Moves an item within its list: afterwards it is at index `to`. The item keeps its own text and
 * layout; only its place changes.
 */
export function moveItem(doc: EditorDocument, arrayPath: EditPath, from: number, to: number): EditorDocument {
  if (from === to) return doc;
  const { plain, bom } = editable(doc);
  const list = listAt(treeAlong(plain, [arrayPath]), arrayPath);
  const count = list.children?.length ?? 0;
  for (const i of [from, to]) if (!Number.isInteger(i) || i < 0 || i >= count) throw new EditError(`There is no item ${i} in a list of ${count}.`);
  const item = list.children![from]!;
  const own = plain.slice(item.offset, item.offset + item.length);
  const removed = applyEdit(plain, removeFrom(item));
  const list2 = listAt(treeAlong(removed, [arrayPath]), arrayPath);
  const text = applyEdit(removed, insertInto(removed, list2, to, () => own, doc.layout));
  return openDocument(doc.name, bom ? BOM + text : text, doc.layout);
}

/**
 * A new id made from a Dutch title ("Ouderavond: klacht!" → `ouderavond-klacht`), unique among
 * `existing` (a number is added: `-2`, `-3`…), and valid as an id: letters, digits and `-` only,
 * at most 64 characters.
 */
export function uniqueId(existing: Iterable<string>, dutchTitle: string, fallback = 'nieuw'): string {
  const taken = new Set(existing);
  const base =
    dutchTitle
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
