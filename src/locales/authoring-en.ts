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
  // The balance check (npm run check and the scenario map)
  balanceRandomOk: 'random play (a group that does not think) reaches the end in {share}% of games; target {low}–{high}%: met',
  balanceRandomTooEasy: 'random play reaches the end in {share}% of games; target {low}–{high}%: choices hardly matter. Lower the start values, make the effects larger, or add turns',
  balanceRandomTooHard: 'random play reaches the end in only {share}% of games; target {low}–{high}%: it feels hopeless. Make the largest effects smaller, first those that take from {name} (it ends {lostShare}% of the lost games), or raise its start',
  balanceBalancedOk: 'a careful player (balanced) reaches the end in {share}% of games; target at least {atLeast}%: met',
  balanceBalancedTooHard: 'a careful player (balanced) reaches the end in only {share}% of games; target at least {atLeast}%: give cards a choice that helps {name} a little (it ends {lostShare}% of these lost games), or make the largest effects smaller',
  balanceFavourOk: 'serving only {name} (favour:{meter}) reaches the end in {share}% of games; target under {below}%: met',
  balanceFavourTooEasy: 'serving only {name} (favour:{meter}) reaches the end in {share}% of games; target under {below}%: make the choices that please {name} cost another meter, for example choice {choice} on card "{card}" ({effects})',
  balanceWarmUp: 'a warm-up of {turns} turns (at most {most}): serving one master may still win here, so the favour targets are not checked',
  checkHeading: '{file}: {errors}, {warnings}',
  checkErrors: '{count} errors',
  checkError: '1 error',
  checkWarnings: '{count} warnings',
  checkWarning: '1 warning',
  checkFixFirst: 'fix the errors first; then the balance is checked',
  checkBalanceHeading: 'Balance ({runs} games per strategy, seed {seed}):',
  checkAllMet: 'all {count} targets met',
  mapBalanceHeading: 'Balance:',
  mapBalanceRunning: 'Balance: playing strategy {done} of {total}…',
  mapBalanceKey: 'C: details',
  mapBalanceClose: 'C, Enter or Esc: close',
  checkMissed: '{missed} of {count} targets missed',
} as const;

export type AuthoringKey = keyof typeof authoringEn;
