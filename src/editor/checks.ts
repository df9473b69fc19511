/**
 * The checks beside the form: the validator's own messages, each tied to the field it is about, and
 * the balance check's verdicts with what in the deck causes them. Both are worked out off the page's
 * thread (src/editor/checksWorker.ts) a moment after an edit, so typing never waits for them.
 */
import { balanceStrategies, judgeBalance, BALANCE_RUNS, BALANCE_SEED, type BalanceReport } from '../engine/balance.ts';
import type { Scenario } from '../engine/format.ts';
import { pathKey } from '../engine/jsonSource.ts';
import type { Coded } from '../engine/messages.ts';
import { meterFigures, verdictCause, type MeterFigures } from '../engine/meterFigures.ts';
import { simulate, type SimulationReport } from '../engine/simulate.ts';
import { resolveText, type Language } from '../engine/text.ts';
import { validateScenarioText, type Problem, type ValidationResult } from '../engine/validate.ts';
import { problemText, word, wordVerdict } from '../locales/authoring.ts';
import type { EditPath } from './document.ts';

/**
 * The path of a problem as the validator writes it (`cards[3].choices[1].effects.reader`,
 * `debrief.tags["odd name"]`, `(top)`) back as the list of names and numbers the document edits by.
 */
export function problemPath(path: string): EditPath {
  if (path === '(top)') return [];
  const out: (string | number)[] = [];
  const part = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    part.lastIndex = at;
    const match = part.exec(path);
    if (!match) break;
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else out.push(JSON.parse(match[3]!) as string);
    at = part.lastIndex;
  }
  return out;
}

export interface FieldMessage {
  /** Where the problem is, as the document's path, and as a key (`/cards/3/text`) to look fields up by. */
  readonly path: EditPath;
  readonly key: string;
  readonly severity: Problem['severity'];
  /** The validator's message with its fix, in the reader's language. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export function fieldMessages(problems: readonly Problem[], language: Language): FieldMessage[] {
  return problems.map((p) => {
    const path = problemPath(p.path);
    return { path, key: pathKey(path), severity: p.severity, text: problemText(p, language), line: p.line, column: p.column };
  });
}

/** The messages per field key; a field shows those at its own key. */
export function messagesByField(messages: readonly FieldMessage[]): Map<string, FieldMessage[]> {
  const out = new Map<string, FieldMessage[]>();
  for (const m of messages) {
    const list = out.get(m.key);
    if (list) list.push(m);
    else out.set(m.key, [m]);
  }
  return out;
}

/**
 * The messages a field shows: those at its key, else — for a message about a place the form has no
 * field for (a whole card, a choice) — the nearest field above it shows it. `keys` are the fields
 * the form has.
 */
export function nearestField(message: FieldMessage, keys: ReadonlySet<string>): string {
  for (let n = message.path.length; n > 0; n--) {
    const key = pathKey(message.path.slice(0, n));
    if (keys.has(key)) return key;
  }
  return '';
}

export interface BalanceResult {
  report: BalanceReport;
  figures: MeterFigures[];
  /** Per verdict (same order), what in the deck causes it, where the figures show it. */
  causes: (Coded | undefined)[];
}

export function balanceResult(scenario: Scenario, reports: readonly SimulationReport[]): BalanceResult {
  const report = judgeBalance(scenario, reports);
  const figures = meterFigures(scenario);
  return { report, figures, causes: report.verdicts.map((v) => verdictCause(figures, v)) };
}

export const BALANCE_OPTIONS = { runs: BALANCE_RUNS, seed: BALANCE_SEED } as const;

/** The whole balance check, as `npm run check` plays it (the same runs and seed give the same verdicts). */
export function checkBalanceOf(scenario: Scenario, options: { runs: number; seed: string } = BALANCE_OPTIONS): BalanceResult {
  return balanceResult(scenario, balanceStrategies(scenario).map((strategy) => simulate(scenario, { ...options, strategy })));
}

/** A message that names a meter (`{name}`) in words: the meter's label in the reader's language. */
export function wordCause(cause: Coded, scenario: Scenario, language: Language): string {
  const id = String(cause.params.meter ?? '');
  const meter = scenario.meters.find((m) => m.id === id);
  return word(cause.code, { ...cause.params, name: meter ? resolveText(meter.label, language) : id }, language);
}

export interface WordedVerdict {
  ok: boolean;
  /** On the edge of its target, within what chance moves. */
  edge: boolean;
  text: string;
  cause: string | undefined;
}

export function wordBalance(result: BalanceResult, scenario: Scenario, language: Language): WordedVerdict[] {
  return result.report.verdicts.map((v, i) => {
    const cause = result.causes[i];
    return { ok: v.ok, edge: v.code === 'balanceFavourEdge', text: wordVerdict(v, scenario, language), cause: cause && wordCause(cause, scenario, language) };
  });
}

/** What the checks send back for one text: its problems first, then (for a playable file) the balance. */
export type CheckMessage =
  | { id: number; kind: 'problems'; result: ValidationResult }
  | { id: number; kind: 'balance'; result: BalanceResult };

/** The checks of one text, as the worker runs them; `post` gets each result when it is ready. */
export function runChecks(id: number, text: string, post: (message: CheckMessage) => void, options: { runs: number; seed: string } = BALANCE_OPTIONS): void {
  const result = validateScenarioText(text);
  post({ id, kind: 'problems', result });
  if (result.ok) post({ id, kind: 'balance', result: checkBalanceOf(result.scenario, options) });
}

/** The pause after the last edit before the checks run. */
export const CHECK_DELAY_MS = 400;

export interface CheckerOptions {
  onProblems(result: ValidationResult, text: string): void;
  onBalance(result: BalanceResult, text: string): void;
  delay?: number;
  /** Starts the worker; throws where workers cannot start (a build opened from file://). */
  startWorker?: () => Worker;
  runs?: number;
}

/**
 * Runs the checks a moment after the last edit. In a worker when the browser starts one: a newer text
 * stops the worker's work on an older one (it is thrown away and a new one started). Where no worker
 * starts, on the page, in slices (the validation, then one strategy per timer tick) so the page
 * keeps answering, as the scenario map does.
 */
export function checker(options: CheckerOptions) {
  const delay = options.delay ?? CHECK_DELAY_MS;
  const settings = { runs: options.runs ?? BALANCE_RUNS, seed: BALANCE_SEED };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let worker: Worker | undefined;
  let busy = false;
  let noWorker = !options.startWorker;
  let latest = 0;
  const texts = new Map<number, string>();

  const deliver = (message: CheckMessage) => {
    if (message.id !== latest) return;
    const text = texts.get(message.id)!;
    if (message.kind === 'problems') options.onProblems(message.result, text);
    else {
      busy = false;
      options.onBalance(message.result, text);
    }
    if (message.kind === 'problems' && !message.result.ok) busy = false;
  };

  const onPage = (id: number, text: string) => {
    const result = validateScenarioText(text);
    deliver({ id, kind: 'problems', result });
    if (!result.ok) return;
    const scenario = result.scenario;
    const strategies = balanceStrategies(scenario);
    const reports: SimulationReport[] = [];
    const step = () => {
      if (id !== latest) return;
      reports.push(simulate(scenario, { ...settings, strategy: strategies[reports.length]! }));
      if (reports.length < strategies.length) timer = setTimeout(step, 0);
      else deliver({ id, kind: 'balance', result: balanceResult(scenario, reports) });
    };
    timer = setTimeout(step, 0);
  };

  const inWorker = (id: number, text: string): boolean => {
    if (busy && worker) {
      worker.terminate();
      worker = undefined;
    }
    try {
      worker ??= options.startWorker!();
    } catch {
      noWorker = true;
      return false;
    }
    worker.onmessage = (event: MessageEvent<CheckMessage>) => deliver(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      worker?.terminate();
      worker = undefined;
      noWorker = true;
      if (id === latest) onPage(id, text);
    };
    busy = true;
    worker.postMessage({ id, text, runs: settings.runs, seed: settings.seed });
    return true;
  };

  return {
    /** The text now in the editor: checked once no newer one comes for `delay` ms. */
    schedule(text: string): void {
      clearTimeout(timer);
      const id = ++latest;
      texts.clear();
      texts.set(id, text);
      timer = setTimeout(() => {
        if (noWorker || !inWorker(id, text)) onPage(id, text);
      }, delay);
    },
    stop(): void {
      clearTimeout(timer);
      latest++;
      worker?.terminate();
      worker = undefined;
    },
  };
}
