/**
 * Every player-visible text of a scenario as translator rows (CSV), and the way back: a filled CSV
 * is written into the scenario file in place (through the editor's document), so the author's layout
 * and everything else is kept: only the texts that changed change.
 */
import type { Scenario, Text } from '../engine/format.ts';
import { openDocument, setValues, type Change } from '../editor/document.ts';
import type { Path } from '../engine/schema.ts';
import { validateScenarioText, type Problem } from '../engine/validate.ts';
import type { Said } from '../locales/authoring.ts';
import { decodeSpreadsheet, lostIn1252, parseCsv, questionMarkForLetter, writeCsv, type Decoded, type Encoding } from './spreadsheet.ts';

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
    add(`cards.${c.id}.notes.source`, ['cards', i, 'notes', 'source'], c.notes?.source);
    add(`cards.${c.id}.notes.question`, ['cards', i, 'notes', 'question'], c.notes?.question);
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

/** The languages an export shows: the scenario's own (those of its title), then the target language. */
export function exportLanguages(s: Scenario, target: string): string[] {
  const own = typeof s.title === 'string' ? [target === 'nl' ? 'en' : 'nl'] : Object.keys(s.title);
  return [...own.filter((l) => l !== target), target];
}

/** CSV with a byte-order mark, so spreadsheet programs read the accents right. */
export function exportStrings(s: Scenario, languages: readonly string[], separator: ';' | ',' = ','): string {
  const rows = [['id', ...languages]];
  for (const row of stringRows(s)) {
    rows.push([row.id, ...languages.map((lang) => (typeof row.text === 'string' ? (lang === languages[0] ? row.text : '') : (row.text[lang] ?? '')))]);
  }
  return writeCsv(rows, separator);
}

export type ImportResult =
  | { ok: true; text: string; changed: number; refused: Said[]; encoding: Encoding }
  /** `scenario`: problems of the scenario itself (before the import, or after it when `afterImport`). */
  | { ok: false; problems: Said[]; scenario?: Problem[]; afterImport?: boolean };

/**
 * Writes the spreadsheet's texts into the scenario source, all or nothing: a sheet that cannot be
 * read without losing letters is refused whole. Rows whose id no longer exists are refused and listed.
 */
export function importStrings(source: string, csv: string | Uint8Array): ImportResult {
  const validated = validateScenarioText(source);
  if (!validated.ok) return { ok: false, problems: [], scenario: validated.problems };
  const decoded: Decoded = typeof csv === 'string' ? { ok: true, text: csv, encoding: 'utf-8', mayBe1252: false } : decodeSpreadsheet(csv);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const table = parseCsv(decoded.text);
  if (!table.ok) return { ok: false, problems: [table.problem] };
  const rows = table.rows;
  const header = rows.shift();
  if (!header || header.cells[0]?.trim() !== 'id' || header.cells.length < 2) return { ok: false, problems: [{ key: 'csvHeader', params: {} }] };
  const languages = header.cells.slice(1).map((l) => l.trim());
  const badLanguage = languages.find((l) => !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(l));
  if (badLanguage !== undefined) return { ok: false, problems: [{ key: 'csvBadLanguage', params: { language: badLanguage } }] };

  const byId = new Map(stringRows(validated.scenario).map((r) => [r.id, r]));
  const refused: Said[] = [];
  const lost: Said[] = [];
  const changes: Change[] = [];
  let changedTexts = 0;
  for (const { line, cells } of rows) {
    const id = cells[0]?.trim() ?? '';
    const row = byId.get(id);
    if (!row) {
      refused.push({ key: 'csvRefusedRow', params: { line, id } });
      continue;
    }
    const merged = new Map<string, string>(typeof row.text === 'string' ? [[languages[0]!, row.text]] : Object.entries(row.text));
    let changed = false;
    languages.forEach((lang, i) => {
      const value = cells[i + 1];
      const before = merged.get(lang);
      if (value === undefined || value.trim() === '' || before === value) return;
      if (decoded.mayBe1252 && before !== undefined && lostIn1252(before, value)) {
        lost.push({ key: 'csvLostLetters', params: { line, before, after: value } });
        return;
      }
      // A new or rewritten text has nothing to compare with: a "?" glued to a letter gives the loss away.
      if (decoded.mayBe1252 && questionMarkForLetter(value) >= 0) {
        const at = questionMarkForLetter(value);
        const word = /\S*$/.exec(value.slice(0, at))![0] + /^\S*/.exec(value.slice(at))![0];
        lost.push({ key: 'csvQuestionMarkForLetter', params: { line, language: lang, word } });
        return;
      }
      merged.set(lang, value);
      changed = true;
    });
    if (!changed) continue;
    changedTexts++;
    // Only the languages that changed are written, each in its place, so the author's layout stays;
    // a text written as one string becomes an object of languages only when a second one comes in.
    if (typeof row.text === 'string') changes.push({ path: row.path, value: merged.size === 1 ? [...merged.values()][0] : Object.fromEntries(merged) });
    else for (const [lang, value] of merged) if (row.text[lang] !== value) changes.push({ path: [...row.path, lang], value });
  }
  if (lost.length > 0) return { ok: false, problems: lost };
  const text = setValues(openDocument('', source), changes).text;
  const check = validateScenarioText(text);
  if (!check.ok) return { ok: false, problems: [], scenario: check.problems, afterImport: true };
  return { ok: true, text, changed: changedTexts, refused, encoding: decoded.encoding };
}
