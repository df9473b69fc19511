/**
 * English messages for scenario authors. This file defines the keys; `authoring-nl.ts` must supply
 * each of them. Placeholders in braces are filled in by `word()`.
 */
export const authoringEn = {
  // The strings tool: texts to and from a spreadsheet
  csvIsWorkbook: 'this is an Excel workbook (.xlsx), not a CSV file: in Excel choose File > Save As > "CSV UTF-8 (comma delimited)" and import that file',
  csvUnknownEncoding: 'this file is in a character encoding the strings tool cannot read without losing letters (it tried UTF-8, UTF-16 and Windows-1252): save it again as "CSV UTF-8 (comma delimited)"',
  csvBrokenEncoding: 'this file starts with the mark of {encoding} but does not follow it, so letters would be lost: save it again as "CSV UTF-8 (comma delimited)"',
  csvReplacementCharacter: 'line {line} holds the character �: a program lost a letter there before this file was saved. Type the letter again (or export a new sheet) and save as "CSV UTF-8 (comma delimited)"',
  csvControlCharacter: 'line {line} holds an invisible control character, so this is probably not a text file: save the sheet again as "CSV UTF-8 (comma delimited)"',
  csvQuoteNotClosed: 'the quoted cell that starts at line {line} is never closed: add the closing " (a quote inside a cell is written twice: "")',
  csvUnreadableRow: 'line {line} cannot be read as CSV ({reason}): save the sheet again from Excel or LibreOffice as CSV',
  csvHeader: 'the first row must be: id, then one language code per column (for example id;nl;en): put that row back at the top',
  csvBadLanguage: '"{language}" in the first row is not a language code: use a code such as nl or en',
  csvLostLetters: 'line {line}: Excel replaced letters it cannot store with "?" ("{before}" became "{after}"): save the sheet as "CSV UTF-8 (comma delimited)" instead of "CSV (semicolon delimited)" and import again',
  csvRefusedRow: 'line {line}: "{id}" is not a text in this scenario (any more): correct the id in column A or delete the row',
  stringsScenarioUnreadable: 'the scenario file could not be read: run npm run validate on it first',
  stringsAfterImport: 'with these texts the scenario would have errors:',
  stringsNothingWritten: 'nothing was written',
  stringsWrote: 'wrote {count} texts ({from} → {to}) to {file}',
  stringsUpdated: '{file}: {count} texts updated',
  stringsUpdatedRefused: '{file}: {count} texts updated, {refused} rows refused',
  stringsRefused: '{file}: refused {reason}',
  stringsCannotRead: 'cannot read {file}: {reason}',
} as const;

export type AuthoringKey = keyof typeof authoringEn;
