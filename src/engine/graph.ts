/**
 * The scenario as a graph, for the scenario map: which card leads to which (`next`), which card's
 * condition depends on another card (a flag it sets, the card being seen, a choice taken on it),
 * which cards can never be drawn, and a layered layout an author can read at a glance.
 */
import type { Card, Condition, Scenario } from './format.ts';
import { nextCardOf } from './links.ts';

export type EdgeKind = 'next' | 'flag' | 'seen' | 'chose';

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The flag name for 'flag' edges, the choice number for 'chose' edges. */
  detail?: string;
}

export interface GraphNode {
  id: string;
  /** Column in the layout: the length of the longest chain of links leading here (0 = a start). */
  depth: number;
  /** True for cards with no link in or out: they are drawn in their own block. */
  loose: boolean;
  /** Why the card can never be drawn, or null when it can. */
  never: string | null;
}

export interface ScenarioGraph {
  nodes: GraphNode[];
  edges: Edge[];
}

/** What a condition demands without any alternative: atoms reached through `all` only. */
interface Needs {
  flags: { flag: string; is: boolean | number }[];
  seen: string[];
  chose: { card: string; choice: number }[];
}

function needsOf(condition: Condition | undefined, out: Needs = { flags: [], seen: [], chose: [] }): Needs {
  if (!condition) return out;
  if ('flag' in condition) out.flags.push({ flag: condition.flag, is: condition.is ?? true });
  else if ('seen' in condition) out.seen.push(condition.seen);
  else if ('chose' in condition) out.chose.push({ card: condition.chose, choice: condition.choice });
  else if ('all' in condition) condition.all.forEach((c) => needsOf(c, out));
  return out;
}

/** Every card a condition mentions, whether required or one alternative: these become arrows. */
function mentions(condition: Condition | undefined, visit: (kind: 'flag' | 'seen' | 'chose', value: string, detail?: string) => void): void {
  if (!condition) return;
  if ('flag' in condition) visit('flag', condition.flag);
  else if ('seen' in condition) visit('seen', condition.seen);
  else if ('chose' in condition) visit('chose', condition.chose, String(condition.choice));
  else if ('all' in condition) condition.all.forEach((c) => mentions(c, visit));
  else if ('any' in condition) condition.any.forEach((c) => mentions(c, visit));
  else if ('not' in condition) mentions(condition.not, visit);
}

/** The flags a card's choices set, with their values. */
function flagsSetBy(card: Card): Map<string, Set<boolean | number>> {
  const out = new Map<string, Set<boolean | number>>();
  for (const choice of card.choices) {
    for (const [flag, value] of Object.entries(choice.set ?? {})) {
      if (!out.has(flag)) out.set(flag, new Set());
      out.get(flag)!.add(value);
    }
  }
  return out;
}

export function edgesOf(scenario: Scenario): Edge[] {
  const edges: Edge[] = [];
  const known = new Set(scenario.cards.map((c) => c.id));
  const setters = new Map<string, string[]>();
  for (const card of scenario.cards) {
    for (const flag of flagsSetBy(card).keys()) setters.set(flag, [...(setters.get(flag) ?? []), card.id]);
  }
  const seenEdge = new Set<string>();
  const add = (edge: Edge) => {
    const key = `${edge.from}>${edge.to}>${edge.kind}>${edge.detail ?? ''}`;
    if (seenEdge.has(key) || !known.has(edge.from) || !known.has(edge.to)) return;
    seenEdge.add(key);
    edges.push(edge);
  };
  for (const card of scenario.cards) {
    for (const choice of card.choices) {
      const target = nextCardOf(choice);
      if (target) add({ from: card.id, to: target, kind: 'next' });
    }
    mentions(card.when, (kind, value, detail) => {
      if (kind === 'flag') for (const setter of setters.get(value) ?? []) add({ from: setter, to: card.id, kind, detail: value });
      else add({ from: value, to: card.id, kind, ...(detail !== undefined ? { detail } : {}) });
    });
  }
  return edges;
}

/**
 * Cards that can never come up, with the reason. A card is out when it has weight 0 and no drawable
 * card leads to it, or when its condition requires a flag no drawable card sets, or a card seen or a
 * choice taken on a card that can never be drawn. Repeated until nothing changes, so a whole dead
 * chain is found.
 */
export function neverDrawn(scenario: Scenario): Map<string, string> {
  const never = new Map<string, string>();
  const byId = new Map(scenario.cards.map((c) => [c.id, c]));
  const leadsTo = new Map<string, string[]>();
  for (const card of scenario.cards) {
    for (const choice of card.choices) {
      const target = nextCardOf(choice);
      if (target) leadsTo.set(target, [...(leadsTo.get(target) ?? []), card.id]);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    const setValues = new Map<string, Set<boolean | number>>();
    for (const card of scenario.cards) {
      if (never.has(card.id)) continue;
      for (const [flag, values] of flagsSetBy(card)) {
        if (!setValues.has(flag)) setValues.set(flag, new Set());
        values.forEach((v) => setValues.get(flag)!.add(v));
      }
    }
    for (const card of scenario.cards) {
      if (never.has(card.id)) continue;
      const reason = whyNever(card, byId, leadsTo.get(card.id) ?? [], setValues, never);
      if (reason) {
        never.set(card.id, reason);
        changed = true;
      }
    }
  }
  return never;
}

function whyNever(card: Card, byId: Map<string, Card>, leaders: string[], setValues: Map<string, Set<boolean | number>>, never: Map<string, string>): string | null {
  const drawnOnItsOwn = (card.weight ?? 1) > 0;
  const liveLeaders = leaders.filter((id) => !never.has(id));
  if (!drawnOnItsOwn && liveLeaders.length === 0) {
    return leaders.length === 0 ? 'weight 0 and no choice leads here with "next"' : `weight 0 and only cards that never show lead here (${leaders.join(', ')})`;
  }
  const needs = needsOf(card.when);
  for (const { flag, is } of needs.flags) {
    // A flag no choice has set counts as false, so only a true or numeric demand needs a setter.
    if (is === false) continue;
    if (!setValues.get(flag)?.has(is)) return `needs flag "${flag}" = ${String(is)}, which no card that can show sets`;
  }
  for (const id of needs.seen) if (!byId.has(id) || never.has(id)) return `needs card "${id}" seen, which never shows`;
  for (const { card: id } of needs.chose) if (!byId.has(id) || never.has(id)) return `needs a choice on card "${id}", which never shows`;
  return null;
}

/** Longest chain of links leading to each card; links that close a loop are ignored. */
function depths(ids: string[], edges: Edge[]): Map<string, number> {
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) if (edge.from !== edge.to) incoming.get(edge.to)?.push(edge.from);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let d = 0;
    for (const from of incoming.get(id) ?? []) {
      const before = visit(from);
      if (before >= 0) d = Math.max(d, before + 1);
    }
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  ids.forEach(visit);
  return depth;
}

export function scenarioGraph(scenario: Scenario): ScenarioGraph {
  const edges = edgesOf(scenario);
  const ids = scenario.cards.map((c) => c.id);
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const depth = depths(ids, edges);
  const never = neverDrawn(scenario);
  return {
    nodes: ids.map((id) => ({ id, depth: depth.get(id) ?? 0, loose: !linked.has(id), never: never.get(id) ?? null })),
    edges,
  };
}

export interface Placed {
  id: string;
  /** Column and row in a grid of cells; the caller turns cells into pixels. */
  column: number;
  row: number;
}

export interface Layout {
  placed: Placed[];
  columns: number;
  rows: number;
  /** The first column of the block of loose cards (== columns when there are none). */
  looseFrom: number;
}

/**
 * Places linked cards in columns by depth (a column taller than `maxRows` continues in the next
 * one) and the loose cards in a block of columns to the right. Within a column, cards follow the
 * order of the cards that lead to them, so chains read left to right with few crossings.
 */
export function layoutGraph(graph: ScenarioGraph, maxRows: number): Layout {
  const rows = Math.max(1, maxRows);
  const linked = graph.nodes.filter((n) => !n.loose);
  const loose = graph.nodes.filter((n) => n.loose);
  const maxDepth = linked.reduce((m, n) => Math.max(m, n.depth), -1);
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges) incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
  const position = new Map<string, number>();
  const placed: Placed[] = [];
  let column = 0;
  for (let d = 0; d <= maxDepth; d++) {
    const layer = linked.filter((n) => n.depth === d);
    const order = (n: GraphNode) => {
      const from = (incoming.get(n.id) ?? []).map((id) => position.get(id)).filter((p): p is number => p !== undefined);
      return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Number.MAX_SAFE_INTEGER;
    };
    const sorted = d === 0 ? layer : [...layer].sort((a, b) => order(a) - order(b));
    sorted.forEach((node, i) => {
      const row = i % rows;
      const col = column + Math.floor(i / rows);
      position.set(node.id, col * rows + row);
      placed.push({ id: node.id, column: col, row });
    });
    if (sorted.length > 0) column += Math.ceil(sorted.length / rows);
  }
  const looseFrom = column;
  loose.forEach((node, i) => placed.push({ id: node.id, column: looseFrom + Math.floor(i / rows), row: i % rows }));
  const columns = looseFrom + Math.ceil(loose.length / rows);
  const usedRows = placed.reduce((m, p) => Math.max(m, p.row + 1), 1);
  return { placed, columns: Math.max(1, columns), rows: usedRows, looseFrom };
}
