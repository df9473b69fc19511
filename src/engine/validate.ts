/**
 * Checks a scenario file completely: JSON syntax, the format, every cross-reference, and the
 * warnings a trainer wants before a workshop (cards that never show, meters nothing moves…).
 */
import { LIMITS, scenarioShape, type Card, type Condition, type Scenario, type Text } from './format.ts';
import { ICONS, PORTRAITS } from './art.ts';
import { coded, place, type Coded, type Params, type ProblemCode } from './messages.ts';
import { locate, parseJson, pathKey, type Edit, type Located, type Position, type SourceProblem } from './jsonSource.ts';
import { closest, isPlainObject, type Path, type ShapeIssue } from './schema.ts';
import { closingEndings } from './endings.ts';
import { flagsNeeded, nextCardOf } from './links.ts';
import { meterBounds } from './meters.ts';
import { BIDI_CONTROLS } from './text.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  line: number;
  column: number;
  /** Where in the data, e.g. `cards[3].choices[1].effects.reader`. */
  path: string;
  /** What is wrong, as a code with parameters; `src/locales/authoring.ts` words it with how to fix it. */
  code: ProblemCode;
  params: Params;
  /** A concrete replacement (a name, a number), offered as "did you mean …?". */
  suggestion?: string;
  /**
   * The fix the message advises, as edits to the file's text (jsonc-parser's `Edit`, for
   * `applyEdits`), where it is certain: the suggestion put in place, a + taken out, a closing quote.
   */
  fix?: Edit[];
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

interface Found {
  severity: Severity;
  path: Path;
  message: Coded;
  suggestion?: string | undefined;
  at: 'key' | 'value';
  /** Known already for problems found while reading the text. */
  position?: Position;
  /** The suggestion replaces the value (or key) at `path`; false where it names something else (a flag inside a condition). */
  replaces?: boolean;
  fix?: Edit[];
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

  add(severity: Severity, path: Path, message: Coded, suggestion?: string, at: 'key' | 'value' = 'value', replaces = true) {
    // A warning about a part with a type error may be worked out from a wrong value: the error comes first.
    if (severity === 'warning' && this.brokenParts.size > 0 && this.brokenParts.has(partOf(path))) return;
    this.count(severity);
    if (this.kept.length < LIMITS.problems) this.kept.push({ severity, path, message, suggestion, at, replaces });
  }

  count(severity: Severity) {
    this.total++;
    if (severity === 'error') this.errors++;
  }

  fromSource(severity: Severity, p: SourceProblem) {
    this.count(severity);
    if (this.kept.length < LIMITS.problems) this.kept.push({ severity, path: p.path, message: p.message, at: 'key', position: p.position, ...(p.fix ? { fix: p.fix } : {}) });
  }

  /** A sink for shape checks. */
  /** Problems with the format's shape: while there are any, only the warnings that do not rely on it are looked for. */
  shapeErrors = 0;
  /** The parts (a meter, a card, a top-level field) with a type error; see `partOf`. */
  readonly brokenParts = new Set<string>();
  readonly shapeSink = {
    push: (issue: ShapeIssue) => {
      this.shapeErrors++;
      this.brokenParts.add(partOf(issue.path));
      this.add('error', issue.path, issue.message, issue.suggestion, issue.at);
    },
  };

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
      const fix = found.fix ?? (found.suggestion && found.replaces !== false ? replacement(positions.get(pathKey(found.path)), found.at, found.suggestion) : undefined);
      return {
        severity: found.severity,
        line: position.line,
        column: position.column,
        path: formatPath(found.path),
        code: found.message.code,
        params: found.message.params,
        ...(found.suggestion ? { suggestion: found.suggestion } : {}),
        ...(fix ? { fix } : {}),
      };
    });
    const sorted = sortProblems(problems);
    const more = this.total - this.kept.length;
    if (more > 0) {
      const moreErrors = this.errors - this.kept.filter((f) => f.severity === 'error').length;
      sorted.push({ severity: moreErrors > 0 ? 'error' : 'warning', line: 1, column: 1, path: '(top)', code: 'moreProblems', params: { more, shown: LIMITS.problems } });
    }
    return sorted;
  }
}

/** The edit that puts a suggestion in place of the value (or key) it was found at, if that stands in the file. */
function replacement(located: Located | undefined, at: 'key' | 'value', suggestion: string): Edit[] | undefined {
  if (!located) return undefined;
  if (at === 'key') return located.keyStart !== undefined && located.keyEnd !== undefined ? [{ offset: located.keyStart, length: located.keyEnd - located.keyStart, content: suggestion }] : undefined;
  return located.end > located.start ? [{ offset: located.start, length: located.end - located.start, content: suggestion }] : undefined;
}

const PART_LISTS = new Set(['meters', 'stakeholders', 'cards', 'endings']);

/** The part of a scenario a path is in: one item of a top-level list (`cards/3`), or a top-level field. */
function partOf(path: Path): string {
  return PART_LISTS.has(String(path[0])) && path.length >= 2 ? `${path[0]}/${path[1]}` : String(path[0] ?? '');
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
  // Warnings are shown beside errors. They assume the format's shape: where a type error broke it,
  // each part (a card, a meter…) is looked at on its own, so a broken one stops only its own
  // warnings, and no warning is given about a part with a type error (the Report leaves them out).
  try {
    checkWarnings(parsed.value as Scenario, report, hasErrors);
  } catch (error) {
    if (!hasErrors) throw error;
  }
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

  const known = (ids: Map<string, number>, except?: string) => {
    const names = [...ids.keys()].filter((id) => id !== except);
    return names.length === 0 ? '—' : `${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`;
  };
  /** `except`: the card the reference sits on, never offered as the fix (a card leading to itself). */
  const unknown = (code: ProblemCode, ids: Map<string, number>, value: unknown, path: Path, except?: string) => {
    if (typeof value !== 'string' || ids.has(value)) return;
    if (report.full) return report.count('error');
    const hint = closest(value, [...ids.keys()].filter((id) => id !== except));
    report.add('error', path, coded(code, { value, known: known(ids, except) }), hint ? `"${hint}"` : undefined);
  };

  for (const listName of ['meters', 'stakeholders', 'cards', 'endings'] as const) {
    const seen = new Map<string, number>();
    for (const [item, index] of itemsWithIndex(s[listName])) {
      if (typeof item.id !== 'string') continue;
      const first = seen.get(item.id);
      if (first !== undefined) {
        report.add('error', [listName, index, 'id'], coded('duplicateId', { id: item.id, list: listName, first: first + 1, second: index + 1 }));
      } else seen.set(item.id, index);
    }
  }

  for (const [meter, index] of itemsWithIndex(s.meters)) {
    const min = typeof meter.min === 'number' ? meter.min : 0;
    const max = typeof meter.max === 'number' ? meter.max : 100;
    if (min >= max) report.add('error', ['meters', index], coded('minNotBelowMax', { min, max }));
    else if (typeof meter.start === 'number' && (meter.start < min || meter.start > max)) {
      report.add('error', ['meters', index, 'start'], coded('startOutside', { start: meter.start, min, max }), String(Math.min(max, Math.max(min, meter.start))));
    }
    unknown('unknownEnding', endings, meter.onMin, ['meters', index, 'onMin']);
    unknown('unknownEnding', endings, meter.onMax, ['meters', index, 'onMax']);
  }
  for (const [holder, index] of itemsWithIndex(s.stakeholders)) unknown('unknownMeter', meters, holder.meter, ['stakeholders', index, 'meter']);

  const choiceCount = new Map<string, number>();
  for (const card of listOf(s.cards)) {
    if (typeof card.id === 'string' && Array.isArray(card.choices)) choiceCount.set(card.id, card.choices.length);
  }

  // The tags choices carry: a `mostly` condition counts only these.
  const choiceTags = new Map<string, number>();
  for (const card of listOf(s.cards)) {
    for (const choice of listOf(card.choices)) for (const tag of Array.isArray(choice.tags) ? choice.tags : []) if (typeof tag === 'string') choiceTags.set(tag, 0);
  }

  const checkCondition = (c: unknown, path: Path, self?: string) => {
    if (!isPlainObject(c)) return;
    if (Object.hasOwn(c, 'meter')) unknown('unknownMeter', meters, c.meter, [...path, 'meter']);
    else if (Object.hasOwn(c, 'seen')) unknown('unknownCard', cards, c.seen, [...path, 'seen'], self);
    else if (Object.hasOwn(c, 'chose')) {
      unknown('unknownCard', cards, c.chose, [...path, 'chose'], self);
      const count = typeof c.chose === 'string' ? choiceCount.get(c.chose) : undefined;
      if (count !== undefined && typeof c.choice === 'number' && Number.isInteger(c.choice) && c.choice >= count) {
        // Most often the author counted the buttons from 1: the last button written as its player number.
        report.add('error', [...path, 'choice'], coded('noSuchChoice', { card: String(c.chose), count, choice: c.choice, last: count - 1 }), c.choice === count ? String(count - 1) : undefined);
      }
    } else if (Object.hasOwn(c, 'mostly')) {
      unknown('unknownTag', choiceTags, c.mostly, [...path, 'mostly']);
      if (Array.isArray(c.over)) c.over.forEach((tag, i) => unknown('unknownTag', choiceTags, tag, [...path, 'over', i]));
    } else if (Object.hasOwn(c, 'all') || Object.hasOwn(c, 'any')) {
      const which = Object.hasOwn(c, 'all') ? 'all' : 'any';
      const list = c[which];
      if (Array.isArray(list)) list.forEach((sub, i) => checkCondition(sub, [...path, which, i], self));
    } else if (Object.hasOwn(c, 'not')) checkCondition(c.not, [...path, 'not'], self);
  };

  for (const [card, ci] of itemsWithIndex(s.cards)) {
    const self = typeof card.id === 'string' ? card.id : undefined;
    unknown('unknownStakeholder', stakeholders, card.from, ['cards', ci, 'from']);
    if (card.when !== undefined) checkCondition(card.when, ['cards', ci, 'when'], self);
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
            report.add('error', [...base, 'effects', key], coded('unknownEffectMeter', { value: key, known: known(meters) }), hint ? `"${hint}"` : undefined, 'key');
          }
        }
      }
      if (typeof choice.next === 'string') unknown('unknownCard', cards, choice.next, [...base, 'next'], self);
      else if (isPlainObject(choice.next)) unknown('unknownCard', cards, choice.next.card, [...base, 'next', 'card'], self);
      const target = typeof choice.next === 'string' ? choice.next : isPlainObject(choice.next) ? choice.next.card : undefined;
      if (self !== undefined && target === self) report.add('warning', [...base, 'next'], coded('nextToSelf', { card: self, place: place(hi + 1) }));
    }
  }
  for (const [ending, ei] of itemsWithIndex(s.endings)) {
    if (ending.when !== undefined) checkCondition(ending.when, ['endings', ei, 'when']);
  }
  checkChoseNumbers(s, choiceCount, report);
}

/**
 * `chose` counts from 0 in the file while players see buttons 1, 2, 3. A file whose `chose` for a
 * card never names 0 but names that card's last button by its player number most likely counts
 * from 1 throughout; the warning says which button each number really is.
 */
function checkChoseNumbers(s: Record<string, unknown>, choiceCount: Map<string, number>, report: Report) {
  const uses = new Map<string, { choice: number; path: Path }[]>();
  const visit = (c: unknown, path: Path) => {
    if (!isPlainObject(c)) return;
    if (Object.hasOwn(c, 'chose') && typeof c.chose === 'string' && typeof c.choice === 'number') {
      uses.set(c.chose, [...(uses.get(c.chose) ?? []), { choice: c.choice, path: [...path, 'choice'] }]);
    }
    for (const key of ['all', 'any'] as const) if (Object.hasOwn(c, key) && Array.isArray(c[key])) (c[key] as unknown[]).forEach((sub, i) => visit(sub, [...path, key, i]));
    if (Object.hasOwn(c, 'not')) visit(c.not, [...path, 'not']);
  };
  for (const [card, ci] of itemsWithIndex(s.cards)) visit(card.when, ['cards', ci, 'when']);
  for (const [ending, ei] of itemsWithIndex(s.endings)) visit(ending.when, ['endings', ei, 'when']);
  for (const [card, list] of uses) {
    const count = choiceCount.get(card);
    if (count === undefined || list.some((u) => u.choice === 0) || !list.some((u) => u.choice === count)) continue;
    for (const u of list) {
      if (u.choice >= 1 && u.choice < count) report.add('warning', u.path, coded('choseCountsFromZero', { card, choice: u.choice, place: place(u.choice + 1), meantPlace: place(u.choice), meant: u.choice - 1 }), String(u.choice - 1));
    }
  }
}

function textLanguages(text: Text): string[] {
  return typeof text === 'string' ? [] : Object.keys(text);
}

/** `fn` for each item of what should be a list; with `tolerant`, an item that breaks it is passed over. */
function eachOf<T>(list: readonly T[] | undefined, tolerant: boolean, fn: (item: T, index: number) => void) {
  if (!Array.isArray(list)) {
    if (tolerant) return;
    throw new Error('not a list');
  }
  list.forEach((item, index) => guarded(tolerant, () => fn(item, index)));
}

function guarded(tolerant: boolean, fn: () => void) {
  try {
    fn();
  } catch (error) {
    if (!tolerant) throw error;
  }
}

function checkWarnings(s: Scenario, report: Report, tolerant = false) {
  const endings = Array.isArray(s.endings) ? s.endings : [];
  const flagsSet = new Set<string>();
  const nextTargets = new Set<string>();
  const movedMeters = new Set<string>();
  const cardsFrom = new Set<string>();
  const choiceTags = new Set<string>();
  eachOf(s.cards, tolerant, (card) => {
    cardsFrom.add(card.from);
    eachOf(card.choices, tolerant, (choice) => {
      Object.keys(choice.set ?? {}).forEach((f) => flagsSet.add(f));
      const target = nextCardOf(choice);
      if (target) nextTargets.add(target);
      for (const [meter, amount] of Object.entries(choice.effects ?? {})) if (amount !== 0) movedMeters.add(meter);
      // A tag with a type error (an object, null) has its own error; only names can lack a label.
      (Array.isArray(choice.tags) ? choice.tags : []).forEach((t: unknown) => {
        if (typeof t === 'string') choiceTags.add(t);
      });
    });
  });

  const warnFlags = (when: Condition | undefined, path: Path, code: 'cardNeedsFlag' | 'endingNeedsFlag', id: string) => {
    for (const flag of new Set(flagsNeeded(when))) {
      if (!flagsSet.has(flag)) {
        if (report.full) {
          report.count('warning');
          continue;
        }
        const hint = closest(flag, flagsSet);
        report.add('warning', path, coded(code, { id, flag }), hint ? `"${hint}"` : undefined, 'value', false);
      }
    }
  };

  eachOf(s.cards, tolerant, (card, ci) => {
    const path: Path = ['cards', ci];
    if (card.weight === 0 && !nextTargets.has(card.id)) {
      report.add('warning', [...path, 'weight'], coded('neverDrawnWeight', { card: card.id }));
    }
    warnFlags(card.when, [...path, 'when'], 'cardNeedsFlag', card.id);
    checkCardWriting(s, card, ci, report);
  });

  // A meter that names a missing ending has its error; which endings close the game is then not
  // known (a misspelt meter ending would look like one), so the order of endings is not judged.
  const endingIds = new Set(endings.map((e) => (isPlainObject(e) ? e.id : undefined)));
  const namesMissingEnding = (Array.isArray(s.meters) ? s.meters : []).some((m) => isPlainObject(m) && [m.onMin, m.onMax].some((id) => typeof id === 'string' && !endingIds.has(id)));
  if (!namesMissingEnding) guarded(tolerant, () => {
    const closing = new Set(closingEndings(s));
    const fallback = endings.find((e) => closing.has(e) && e.when === undefined);
    eachOf(endings, tolerant, (ending, ei) => {
      if (fallback && closing.has(ending) && endings.indexOf(fallback) < ei) {
        report.add('warning', ['endings', ei], coded('endingAfterFallback', { ending: ending.id, fallback: fallback.id }));
      }
    });
    if (s.turns !== undefined && !fallback) {
      report.add('warning', ['endings'], coded('noFallbackEnding'));
    }
  });
  eachOf(endings, tolerant, (ending, ei) => warnFlags(ending.when, ['endings', ei, 'when'], 'endingNeedsFlag', ending.id));

  eachOf(s.meters, tolerant, (meter, mi) => {
    if (!movedMeters.has(meter.id)) report.add('warning', ['meters', mi], coded('meterUnchanged', { meter: meter.id }));
    if (meter.icon !== undefined && !ICONS.includes(meter.icon)) {
      const hint = closest(meter.icon, ICONS);
      report.add('warning', ['meters', mi, 'icon'], coded('unknownIcon', { name: meter.icon, known: ICONS.filter((n) => n !== 'neutral').join(', ') }), hint ? `"${hint}"` : undefined);
    }
  });
  eachOf(s.stakeholders, tolerant, (holder, hi) => {
    if (!cardsFrom.has(holder.id)) report.add('warning', ['stakeholders', hi], coded('stakeholderNoCard', { stakeholder: holder.id }));
    if (holder.portrait !== undefined && !PORTRAITS.includes(holder.portrait)) {
      const hint = closest(holder.portrait, PORTRAITS);
      report.add('warning', ['stakeholders', hi, 'portrait'], coded('unknownPortrait', { name: holder.portrait, known: PORTRAITS.filter((n) => n !== 'neutral').join(', ') }), hint ? `"${hint}"` : undefined);
    }
  });
  guarded(tolerant, () => {
    if (choiceTags.size === 0) return;
    if (!isPlainObject(s.debrief) || !isPlainObject(s.debrief.tags)) {
      // No labels at all: one warning, at the first tag a choice uses, naming them all.
      const tags = [...choiceTags];
      report.add('warning', firstChoiceTag(s) ?? [], coded('tagsWithoutDebrief', { tags, first: tags[0]! }));
      return;
    }
    const labelled = s.debrief.tags;
    for (const tag of choiceTags) {
      if (!Object.hasOwn(labelled, tag)) report.add('warning', ['debrief', 'tags'], coded('tagNoLabel', { tag }));
    }
  });

  guarded(tolerant, () => checkLanguages(s, report));
  guarded(tolerant, () => checkControls(s, [], report));
}

/** The path of the first tag a choice uses. */
function firstChoiceTag(s: Scenario): Path | undefined {
  for (const [ci, card] of (Array.isArray(s.cards) ? s.cards : []).entries()) {
    for (const [hi, choice] of (isPlainObject(card) && Array.isArray(card.choices) ? card.choices : []).entries()) {
      const tags: unknown = isPlainObject(choice) ? choice.tags : undefined;
      if (Array.isArray(tags)) {
        const ti = tags.findIndex((t) => typeof t === 'string');
        if (ti >= 0) return ['cards', ci, 'choices', hi, 'tags', ti];
      }
    }
  }
  return undefined;
}

/** Texts with controls that reorder letters ("Pay ‮gnp.exe" reads "Pay exe.png"): shown harmlessly, and named here. */
function checkControls(value: unknown, path: Path, report: Report) {
  if (typeof value === 'string') {
    const found = value.match(BIDI_CONTROLS);
    if (found) report.add('warning', path, coded('bidiControl', { code: `U+${found[0].charCodeAt(0).toString(16).toUpperCase()}` }));
  } else if (Array.isArray(value)) value.forEach((item, i) => checkControls(item, [...path, i], report));
  else if (isPlainObject(value)) for (const [key, child] of Object.entries(value)) checkControls(child, [...path, key], report);
}

/** Writing rules: choices that make no trade-off, or that end the game outright. */
function checkCardWriting(s: Scenario, card: Card, ci: number, report: Report) {
  const signatures: string[] = [];
  card.choices.forEach((choice, hi) => {
    const path: Path = ['cards', ci, 'choices', hi];
    const moved = Object.entries(choice.effects ?? {}).filter(([, amount]) => amount !== 0);
    if (moved.length === 0 && !choice.next && !choice.set) {
      report.add('warning', path, coded('noConsequence', { card: card.id, place: place(hi + 1) }));
    }
    signatures.push(moved.map(([m, a]) => `${m}${Math.sign(a)}`).sort().join(','));
    for (const [meterId, amount] of moved) {
      const meter = s.meters.find((m) => m.id === meterId);
      if (!meter) continue;
      const { min, max } = meterBounds(meter);
      if (meter.onMin && meter.start + amount <= min) {
        report.add('warning', [...path, 'effects', meterId], coded('endsAtOnce', { amount, meter: meterId, start: meter.start, card: card.id, place: place(hi + 1) }));
      } else if (meter.onMax && meter.start + amount >= max) {
        report.add('warning', [...path, 'effects', meterId], coded('endsAtOnce', { amount: `+${amount}`, meter: meterId, start: meter.start, card: card.id, place: place(hi + 1) }));
      }
    }
  });
  if (signatures.length > 1 && signatures[0] !== '' && signatures.every((sig) => sig === signatures[0])) {
    report.add('warning', ['cards', ci, 'choices'], coded('noDilemma', { card: card.id }));
  }
  for (const [lang, text] of typeof card.text === 'string' ? [['', card.text] as const] : Object.entries(card.text)) {
    if (text.length > CARD_TEXT_LENGTH) {
      report.add('warning', ['cards', ci, 'text', ...(lang ? [lang] : [])], coded('cardTextTooLong', { length: text.length, max: CARD_TEXT_LENGTH, over: text.length - CARD_TEXT_LENGTH }));
    }
  }
  card.choices.forEach((choice, hi) => {
    for (const [lang, label] of typeof choice.label === 'string' ? [['', choice.label] as const] : Object.entries(choice.label)) {
      if (label.length > LABEL_LENGTH) {
        report.add('warning', ['cards', ci, 'choices', hi, 'label', ...(lang ? [lang] : [])], coded('labelTooLong', { length: label.length, max: LABEL_LENGTH, over: label.length - LABEL_LENGTH }));
      }
    }
  });
}

/** The most a choice's label holds and still fits its button on a projector in the largest text. */
export const LABEL_LENGTH = 60;

/** The guide's limit for a card's text: what a room reads from the back on a projector. */
export const CARD_TEXT_LENGTH = 280;

const TEXT_FIELDS = new Set(['title', 'description', 'label', 'name', 'text', 'feedback', 'turnUnit', 'source', 'question']);

/** Every text in a bilingual file should exist in each of its languages. */
function checkLanguages(s: Scenario, report: Report) {
  const wanted = textLanguages(s.title);
  if (wanted.length < 2) return;
  const visit = (value: unknown, path: Path, isText: boolean) => {
    if (isText && isPlainObject(value)) {
      const missing = wanted.filter((lang) => !Object.hasOwn(value, lang));
      if (missing.length > 0) report.add('warning', path, coded('missingLanguage', { missing: missing[0]!, all: missing, has: wanted }));
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
  for (const list of ['questions', 'statements'] as const) {
    (s.debrief?.[list] ?? []).forEach((q, i) => {
      const missing = wanted.filter((lang) => !textLanguages(q).includes(lang));
      if (typeof q !== 'string' && missing.length > 0) report.add('warning', ['debrief', list, i], coded('missingLanguage', { missing: missing[0]!, all: missing, has: wanted }));
    });
  }
}

/** A scenario file as loaded beside others: its name, its text and, when it has no errors, its scenario. */
export interface LoadedScenario {
  name: string;
  source: string;
  scenario: Scenario | null | undefined;
}

/**
 * Two loaded files with the same scenario id: the game can list only one, so each gets a warning
 * naming the other files, at its "id". Files with errors have no scenario and are left out.
 */
export function sameScenarioIdWarnings(files: readonly LoadedScenario[]): Map<LoadedScenario, Problem> {
  const byId = new Map<string, LoadedScenario[]>();
  for (const f of files) if (f.scenario) byId.set(f.scenario.id, [...(byId.get(f.scenario.id) ?? []), f]);
  const out = new Map<LoadedScenario, Problem>();
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const f of group) {
      const other = group.filter((g) => g !== f).map((g) => g.name).join(', ');
      const parsed = parseJson(f.source, { positions: new Set(['', '/id']) });
      const at = parsed.ok ? locate(parsed.positions, ['id']) : { line: 1, column: 1 };
      out.set(f, { severity: 'warning', line: at.line, column: at.column, path: 'id', code: 'sameScenarioId', params: { id, other } });
    }
  }
  return out;
}

/** The problems with one more, in the validator's order (by place; at one place errors first). */
export function withProblem(problems: readonly Problem[], added: Problem): Problem[] {
  return sortProblems([...problems, added]);
}

/** Errors before warnings, each kind in the validator's order (by place in the file). */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}
