/**
 * Checks a scenario file completely: JSON syntax, the format, every cross-reference, and the
 * warnings a trainer wants before a workshop (cards that never show, meters nothing moves…).
 */
import { LIMITS, scenarioShape, type Card, type Condition, type Scenario, type Text } from './format.ts';
import { guardMessages } from './guardMessages.ts';
import { locate, parseJson, pathKey, type Located, type Position, type SourceProblem } from './jsonSource.ts';
import { closest, isPlainObject, type Path, type ShapeIssue } from './schema.ts';
import { closingEndings } from './endings.ts';
import { flagsNeeded, nextCardOf } from './links.ts';
import { meterBounds } from './meters.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  line: number;
  column: number;
  /** Where in the data, e.g. `cards[3].choices[1].effects.reader`. */
  path: string;
  message: string;
  suggestion?: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario; problems: Problem[] }
  | { ok: false; problems: Problem[] };

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(part) ? (out ? `.${part}` : part) : `[${JSON.stringify(part)}]`;
  }
  return out || '(top)';
}

/** One line in the compiler format that editors and CI understand. */
export function formatProblem(file: string, p: Problem): string {
  const hint = p.suggestion ? ` — did you mean ${p.suggestion}?` : '';
  return `${file}:${p.line}:${p.column}: ${p.severity}: ${p.message}${hint} (at ${p.path})`;
}

interface Found {
  severity: Severity;
  path: Path;
  message: string;
  suggestion?: string | undefined;
  at: 'key' | 'value';
  /** Known already for problems found while reading the text. */
  position?: Position;
}

/**
 * Keeps the first `LIMITS.problems` problems and counts the rest, so a hostile file with millions of
 * mistakes costs neither the memory nor the time to list them. Positions are looked up at the end,
 * in one more reading of the text, for the kept problems only.
 */
class Report {
  readonly kept: Found[] = [];
  errors = 0;
  total = 0;

  /** Once full, callers may skip work that only serves a message (suggestions, lists of names). */
  get full(): boolean {
    return this.kept.length >= LIMITS.problems;
  }

  add(severity: Severity, path: Path, message: string, suggestion?: string, at: 'key' | 'value' = 'value') {
    this.count(severity);
    if (this.kept.length < LIMITS.problems) this.kept.push({ severity, path, message, suggestion, at });
  }

  count(severity: Severity) {
    this.total++;
    if (severity === 'error') this.errors++;
  }

  fromSource(severity: Severity, p: SourceProblem) {
    this.count(severity);
    if (this.kept.length < LIMITS.problems) this.kept.push({ severity, path: p.path, message: p.message, at: 'key', position: p.position });
  }

  /** A sink for shape checks. */
  readonly shapeSink = { push: (issue: ShapeIssue) => this.add('error', issue.path, issue.message, issue.suggestion, issue.at) };

  problems(source: string): Problem[] {
    const wanted = new Set<string>();
    for (const found of this.kept) {
      if (found.position) continue;
      for (let n = 0; n <= found.path.length; n++) wanted.add(pathKey(found.path.slice(0, n)));
    }
    const positions: Map<string, Located> = wanted.size === 0 ? new Map() : (() => {
      const reread = parseJson(source, { positions: wanted });
      return reread.ok ? reread.positions : new Map();
    })();
    const problems = this.kept.map((found): Problem => {
      const position = found.position ?? locate(positions, found.path, found.at);
      return {
        severity: found.severity,
        line: position.line,
        column: position.column,
        path: formatPath(found.path),
        message: found.message,
        ...(found.suggestion ? { suggestion: found.suggestion } : {}),
      };
    });
    const sorted = sortProblems(problems);
    const more = this.total - this.kept.length;
    if (more > 0) {
      const moreErrors = this.errors - this.kept.filter((f) => f.severity === 'error').length;
      sorted.push({ severity: moreErrors > 0 ? 'error' : 'warning', line: 1, column: 1, path: '(top)', message: guardMessages.moreProblems(more, LIMITS.problems) });
    }
    return sorted;
  }
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function validateScenarioText(source: string): ValidationResult {
  const parsed = parseJson(source, { positions: 'none' });
  const report = new Report();
  for (const p of parsed.warnings) report.fromSource('warning', p);
  for (const p of parsed.problems) report.fromSource('error', p);
  if (!parsed.ok) return { ok: false, problems: report.problems(source) };
  scenarioShape.check(parsed.value, [], report.shapeSink);
  if (isPlainObject(parsed.value)) checkReferences(parsed.value, report);
  const hasErrors = report.errors > 0;
  if (!hasErrors) checkWarnings(parsed.value as Scenario, report);
  const problems = report.problems(source);
  return hasErrors ? { ok: false, problems } : { ok: true, scenario: parsed.value as Scenario, problems };
}

/** A list's items that have a usable string `id`, by id, with their index. */
function idsOf(list: unknown): Map<string, number> {
  const ids = new Map<string, number>();
  if (!Array.isArray(list)) return ids;
  list.forEach((item, index) => {
    if (isPlainObject(item) && typeof item.id === 'string' && !ids.has(item.id)) ids.set(item.id, index);
  });
  return ids;
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

function itemsWithIndex(value: unknown): [Record<string, unknown>, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [Record<string, unknown>, number][] => (isPlainObject(item) ? [[item, index]] : []));
}

/** Cross-references are checked on whatever parts of the file are well-formed, so that every broken one is reported at once. */
function checkReferences(s: Record<string, unknown>, report: Report) {
  const meters = idsOf(s.meters);
  const stakeholders = idsOf(s.stakeholders);
  const cards = idsOf(s.cards);
  const endings = idsOf(s.endings);

  const unknown = (kind: string, ids: Map<string, number>, value: unknown, path: Path) => {
    if (typeof value !== 'string' || ids.has(value)) return;
    if (report.full) return report.count('error');
    const hint = closest(value, ids.keys());
    const known = ids.size === 0 ? `there are no ${kind}s` : `known ${kind}s: ${[...ids.keys()].slice(0, 8).join(', ')}${ids.size > 8 ? ', …' : ''}`;
    report.add('error', path, `unknown ${kind} "${value}" (${known})`, hint ? `"${hint}"` : undefined);
  };

  for (const listName of ['meters', 'stakeholders', 'cards', 'endings'] as const) {
    const seen = new Map<string, number>();
    for (const [item, index] of itemsWithIndex(s[listName])) {
      if (typeof item.id !== 'string') continue;
      const first = seen.get(item.id);
      if (first !== undefined) {
        report.add('error', [listName, index, 'id'], `the id "${item.id}" is used twice in ${listName} (also ${listName}[${first}])`);
      } else seen.set(item.id, index);
    }
  }

  for (const [meter, index] of itemsWithIndex(s.meters)) {
    const min = typeof meter.min === 'number' ? meter.min : 0;
    const max = typeof meter.max === 'number' ? meter.max : 100;
    if (min >= max) report.add('error', ['meters', index], `min (${min}) must be lower than max (${max})`);
    else if (typeof meter.start === 'number' && (meter.start < min || meter.start > max)) {
      report.add('error', ['meters', index, 'start'], `start ${meter.start} is outside this meter's range ${min}..${max}`, String(Math.min(max, Math.max(min, meter.start))));
    }
    unknown('ending', endings, meter.onMin, ['meters', index, 'onMin']);
    unknown('ending', endings, meter.onMax, ['meters', index, 'onMax']);
  }
  for (const [holder, index] of itemsWithIndex(s.stakeholders)) unknown('meter', meters, holder.meter, ['stakeholders', index, 'meter']);

  const choiceCount = new Map<string, number>();
  for (const card of listOf(s.cards)) {
    if (typeof card.id === 'string' && Array.isArray(card.choices)) choiceCount.set(card.id, card.choices.length);
  }

  const checkCondition = (c: unknown, path: Path) => {
    if (!isPlainObject(c)) return;
    if (Object.hasOwn(c, 'meter')) unknown('meter', meters, c.meter, [...path, 'meter']);
    else if (Object.hasOwn(c, 'seen')) unknown('card', cards, c.seen, [...path, 'seen']);
    else if (Object.hasOwn(c, 'chose')) {
      unknown('card', cards, c.chose, [...path, 'chose']);
      const count = typeof c.chose === 'string' ? choiceCount.get(c.chose) : undefined;
      if (count !== undefined && typeof c.choice === 'number' && c.choice >= count) {
        report.add('error', [...path, 'choice'], `card "${String(c.chose)}" has ${count} choices, numbered 0 to ${count - 1}; there is no choice ${c.choice}`);
      }
    } else if (Object.hasOwn(c, 'all') || Object.hasOwn(c, 'any')) {
      const which = Object.hasOwn(c, 'all') ? 'all' : 'any';
      const list = c[which];
      if (Array.isArray(list)) list.forEach((sub, i) => checkCondition(sub, [...path, which, i]));
    } else if (Object.hasOwn(c, 'not')) checkCondition(c.not, [...path, 'not']);
  };

  for (const [card, ci] of itemsWithIndex(s.cards)) {
    unknown('stakeholder', stakeholders, card.from, ['cards', ci, 'from']);
    if (card.when !== undefined) checkCondition(card.when, ['cards', ci, 'when']);
    for (const [choice, hi] of itemsWithIndex(card.choices)) {
      const base: Path = ['cards', ci, 'choices', hi];
      if (isPlainObject(choice.effects)) {
        for (const key of Object.keys(choice.effects)) {
          if (!meters.has(key)) {
            if (report.full) {
              report.count('error');
              continue;
            }
            const hint = closest(key, meters.keys());
            report.add('error', [...base, 'effects', key], `unknown meter "${key}" in effects (known meters: ${[...meters.keys()].slice(0, 8).join(', ')}${meters.size > 8 ? ', …' : ''})`, hint ? `"${hint}"` : undefined, 'key');
          }
        }
      }
      if (typeof choice.next === 'string') unknown('card', cards, choice.next, [...base, 'next']);
      else if (isPlainObject(choice.next)) unknown('card', cards, choice.next.card, [...base, 'next', 'card']);
    }
  }
  for (const [ending, ei] of itemsWithIndex(s.endings)) {
    if (ending.when !== undefined) checkCondition(ending.when, ['endings', ei, 'when']);
  }
}

function textLanguages(text: Text): string[] {
  return typeof text === 'string' ? [] : Object.keys(text);
}

function checkWarnings(s: Scenario, report: Report) {
  const endings = s.endings ?? [];
  const flagsSet = new Set<string>();
  const nextTargets = new Set<string>();
  const movedMeters = new Set<string>();
  const cardsFrom = new Set<string>();
  const choiceTags = new Set<string>();
  for (const card of s.cards) {
    cardsFrom.add(card.from);
    for (const choice of card.choices) {
      Object.keys(choice.set ?? {}).forEach((f) => flagsSet.add(f));
      const target = nextCardOf(choice);
      if (target) nextTargets.add(target);
      for (const [meter, amount] of Object.entries(choice.effects ?? {})) if (amount !== 0) movedMeters.add(meter);
      (choice.tags ?? []).forEach((t) => choiceTags.add(t));
    }
  }

  const warnFlags = (when: Condition | undefined, path: Path, what: string) => {
    for (const flag of new Set(flagsNeeded(when))) {
      if (!flagsSet.has(flag)) {
        if (report.full) {
          report.count('warning');
          continue;
        }
        const hint = closest(flag, flagsSet);
        report.add('warning', path, `${what} needs flag "${flag}", which no choice sets`, hint ? `"${hint}"` : undefined);
      }
    }
  };

  s.cards.forEach((card, ci) => {
    const path: Path = ['cards', ci];
    if (card.weight === 0 && !nextTargets.has(card.id)) {
      report.add('warning', [...path, 'weight'], `card "${card.id}" can never be drawn: its weight is 0 and no choice leads to it with "next"`);
    }
    warnFlags(card.when, [...path, 'when'], `card "${card.id}" can never be drawn: its condition`);
    checkCardWriting(s, card, ci, report);
  });

  const closing = new Set(closingEndings(s));
  const fallback = endings.find((e) => closing.has(e) && e.when === undefined);
  endings.forEach((ending, ei) => {
    if (fallback && closing.has(ending) && endings.indexOf(fallback) < ei) {
      report.add('warning', ['endings', ei], `ending "${ending.id}" can never be reached after the last turn: it comes after "${fallback.id}", which has no "when" and so is always chosen first`);
    }
    warnFlags(ending.when, ['endings', ei, 'when'], `ending "${ending.id}" can never be reached: its condition`);
  });
  if (s.turns !== undefined && !fallback) {
    report.add('warning', ['endings'], 'no fallback ending (one without "when" that no meter names): if no ending\'s condition holds after the last turn, the game ends without an ending text');
  }

  s.meters.forEach((meter, mi) => {
    if (!movedMeters.has(meter.id)) report.add('warning', ['meters', mi], `meter "${meter.id}" is never changed by any choice`);
  });
  s.stakeholders.forEach((holder, hi) => {
    if (!cardsFrom.has(holder.id)) report.add('warning', ['stakeholders', hi], `stakeholder "${holder.id}" brings no card`);
  });
  const labelled = s.debrief?.tags ?? {};
  for (const tag of choiceTags) {
    if (!Object.hasOwn(labelled, tag)) report.add('warning', ['debrief'], `choice tag "${tag}" has no label in debrief.tags, so the debrief cannot name it`);
  }

  checkLanguages(s, report);
}

/** Writing rules: choices that make no trade-off, or that end the game outright. */
function checkCardWriting(s: Scenario, card: Card, ci: number, report: Report) {
  const signatures: string[] = [];
  card.choices.forEach((choice, hi) => {
    const path: Path = ['cards', ci, 'choices', hi];
    const moved = Object.entries(choice.effects ?? {}).filter(([, amount]) => amount !== 0);
    if (moved.length === 0 && !choice.next && !choice.set) {
      report.add('warning', path, `this choice changes no meter, sets no flag and leads to no card: it has no consequence`);
    }
    signatures.push(moved.map(([m, a]) => `${m}${Math.sign(a)}`).sort().join(','));
    for (const [meterId, amount] of moved) {
      const meter = s.meters.find((m) => m.id === meterId);
      if (!meter) continue;
      const { min, max } = meterBounds(meter);
      if (meter.onMin && meter.start + amount <= min) {
        report.add('warning', [...path, 'effects', meterId], `${amount} on "${meterId}" ends the game at once from its start value ${meter.start}`);
      } else if (meter.onMax && meter.start + amount >= max) {
        report.add('warning', [...path, 'effects', meterId], `+${amount} on "${meterId}" ends the game at once from its start value ${meter.start}`);
      }
    }
  });
  if (signatures.length > 1 && signatures[0] !== '' && signatures.every((sig) => sig === signatures[0])) {
    report.add('warning', ['cards', ci, 'choices'], `every choice of card "${card.id}" moves the same meters the same way: the player has no real dilemma`);
  }
}

const TEXT_FIELDS = new Set(['title', 'description', 'label', 'name', 'text', 'feedback', 'turnUnit']);

/** Every text in a bilingual file should exist in each of its languages. */
function checkLanguages(s: Scenario, report: Report) {
  const wanted = textLanguages(s.title);
  if (wanted.length < 2) return;
  const visit = (value: unknown, path: Path, isText: boolean) => {
    if (isText && isPlainObject(value)) {
      const missing = wanted.filter((lang) => !Object.hasOwn(value, lang));
      if (missing.length > 0) report.add('warning', path, `no ${missing.join(', ')} text here (the title has ${wanted.join(', ')})`);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], false));
    else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        visit(child, [...path, key], TEXT_FIELDS.has(key));
      }
    }
  };
  visit(s, [], false);
  (s.debrief?.questions ?? []).forEach((q, i) => {
    const missing = wanted.filter((lang) => !textLanguages(q).includes(lang));
    if (typeof q !== 'string' && missing.length > 0) report.add('warning', ['debrief', 'questions', i], `no ${missing.join(', ')} text here`);
  });
}
