/**
 * Every player-visible text of a scenario as translator rows (CSV), and the way back: a filled CSV
 * is written into the scenario file in place, so the author's layout and everything else is kept.
 */
import type { Scenario, Text } from '../engine/format.ts';
import { parseJson, pathKey } from '../engine/jsonSource.ts';
import type { Path } from '../engine/schema.ts';
import { validateScenarioText } from '../engine/validate.ts';

export interface StringRow {
  /** A stable name for the text, by ids rather than positions: `cards.town-trip.choices.1.label`. */
  id: string;
  path: Path;
  text: Text;
}

export function stringRows(s: Scenario): StringRow[] {
  const rows: StringRow[] = [];
  const add = (id: string, path: Path, text: Text | undefined) => {
    if (text !== undefined) rows.push({ id, path, text });
  };
  add('title', ['title'], s.title);
  add('description', ['description'], s.description);
  add('turnUnit', ['turnUnit'], s.turnUnit);
  s.meters.forEach((m, i) => add(`meters.${m.id}.label`, ['meters', i, 'label'], m.label));
  s.stakeholders.forEach((h, i) => add(`stakeholders.${h.id}.name`, ['stakeholders', i, 'name'], h.name));
  s.cards.forEach((c, i) => {
    add(`cards.${c.id}.text`, ['cards', i, 'text'], c.text);
    c.choices.forEach((ch, j) => {
      add(`cards.${c.id}.choices.${j}.label`, ['cards', i, 'choices', j, 'label'], ch.label);
      add(`cards.${c.id}.choices.${j}.feedback`, ['cards', i, 'choices', j, 'feedback'], ch.feedback);
    });
  });
  (s.endings ?? []).forEach((e, i) => {
    add(`endings.${e.id}.title`, ['endings', i, 'title'], e.title);
    add(`endings.${e.id}.text`, ['endings', i, 'text'], e.text);
  });
  (s.debrief?.questions ?? []).forEach((q, i) => add(`debrief.questions.${i}`, ['debrief', 'questions', i], q));
  for (const [tag, t] of Object.entries(s.debrief?.tags ?? {})) {
    add(`debrief.tags.${tag}.label`, ['debrief', 'tags', tag, 'label'], t.label);
    add(`debrief.tags.${tag}.text`, ['debrief', 'tags', tag, 'text'], t.text);
  }
  return rows;
}

function csvCell(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a byte-order mark, so spreadsheet programs read the accents right. */
export function exportStrings(s: Scenario, languages: readonly string[]): string {
  const lines = [['id', ...languages].map(csvCell).join(',')];
  for (const row of stringRows(s)) {
    const cells = languages.map((lang) => (typeof row.text === 'string' ? (lang === languages[0] ? row.text : '') : (row.text[lang] ?? '')));
    lines.push([row.id, ...cells].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Rows of cells with the line each row starts on; the separator (comma or semicolon) is read from the header. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

export type ImportResult =
  | { ok: true; text: string; changed: number; refused: string[] }
  | { ok: false; problems: string[] };

/** Writes the CSV's texts into the scenario source. Rows whose id no longer exists are refused and listed. */
export function importStrings(source: string, csv: string): ImportResult {
  const validated = validateScenarioText(source);
  if (!validated.ok) return { ok: false, problems: validated.problems.map((p) => `${p.line}:${p.column}: ${p.message}`) };
  const parsed = parseJson(source);
  if (!parsed.ok) return { ok: false, problems: ['the scenario file could not be read'] };
  const rows = parseCsv(csv);
  const header = rows.shift();
  if (!header || header.cells[0] !== 'id' || header.cells.length < 2) {
    return { ok: false, problems: ['the first row of the CSV must be: id, then one language code per column (e.g. id,nl,en)'] };
  }
  const languages = header.cells.slice(1);
  const badLanguage = languages.find((l) => !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(l));
  if (badLanguage !== undefined) return { ok: false, problems: [`"${badLanguage}" in the header is not a language code such as nl or en`] };

  const byId = new Map(stringRows(validated.scenario).map((r) => [r.id, r]));
  const refused: string[] = [];
  const edits: { start: number; end: number; replacement: string }[] = [];
  for (const { line, cells } of rows) {
    const id = cells[0] ?? '';
    const row = byId.get(id);
    if (!row) {
      refused.push(`line ${line}: "${id}" is not a text in this scenario (any more)`);
      continue;
    }
    const merged: Record<string, string> = typeof row.text === 'string' ? { [languages[0]!]: row.text } : { ...row.text };
    let changed = false;
    languages.forEach((lang, i) => {
      const value = cells[i + 1];
      if (value !== undefined && value.trim() !== '' && merged[lang] !== value) {
        merged[lang] = value;
        changed = true;
      }
    });
    if (!changed) continue;
    const at = parsed.positions.get(pathKey(row.path))!;
    edits.push({ start: at.start, end: at.end, replacement: JSON.stringify(merged).replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/","/g, '", "').replace(/":"/g, '": "') });
  }
  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
  const check = validateScenarioText(text);
  if (!check.ok) return { ok: false, problems: check.problems.map((p) => `after import, ${p.line}:${p.column}: ${p.message}`) };
  return { ok: true, text, changed: edits.length, refused };
}
