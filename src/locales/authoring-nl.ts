/** Dutch messages for scenario authors; the keys are those of `authoring-en.ts`. */
import type { AuthoringKey } from './authoring-en.ts';

export const authoringNl: { readonly [K in AuthoringKey]: string } = {
  // De strings-opdracht: teksten naar en van een spreadsheet
  csvIsWorkbook: 'dit is een Excel-werkmap (.xlsx), geen CSV-bestand: kies in Excel Bestand > Opslaan als > "CSV UTF-8 (door komma\'s gescheiden)" en zet dat bestand terug',
  csvUnknownEncoding: 'dit bestand heeft een tekencodering die de strings-opdracht niet zonder letterverlies kan lezen (geprobeerd: UTF-8, UTF-16 en Windows-1252): bewaar het opnieuw als "CSV UTF-8 (door komma\'s gescheiden)"',
  csvBrokenEncoding: 'dit bestand begint met het kenmerk van {encoding} maar volgt het niet, dus er zouden letters verloren gaan: bewaar het opnieuw als "CSV UTF-8 (door komma\'s gescheiden)"',
  csvReplacementCharacter: 'regel {line} bevat het teken �: daar is een letter verloren gegaan voordat dit bestand werd bewaard. Typ de letter opnieuw (of exporteer een nieuw blad) en bewaar als "CSV UTF-8 (door komma\'s gescheiden)"',
  csvControlCharacter: 'regel {line} bevat een onzichtbaar stuurteken, dus dit is waarschijnlijk geen tekstbestand: bewaar het blad opnieuw als "CSV UTF-8 (door komma\'s gescheiden)"',
  csvQuoteNotClosed: 'de cel tussen aanhalingstekens die op regel {line} begint, wordt nergens gesloten: zet het sluitende " erbij (een aanhalingsteken in een cel schrijf je dubbel: "")',
  csvUnreadableRow: 'regel {line} is geen leesbare CSV ({reason}): bewaar het blad opnieuw als CSV vanuit Excel of LibreOffice',
  csvHeader: 'de eerste regel moet zijn: id, en dan per kolom een taalcode (bijvoorbeeld id;nl;en): zet die regel weer bovenaan',
  csvBadLanguage: '"{language}" in de eerste regel is geen taalcode: gebruik een code zoals nl of en',
  csvLostLetters: 'regel {line}: Excel heeft letters die het niet kan bewaren vervangen door "?" ("{before}" werd "{after}"): bewaar het blad als "CSV UTF-8 (door komma\'s gescheiden)" in plaats van "CSV (puntkomma gescheiden)" en zet het opnieuw terug',
  csvRefusedRow: 'regel {line}: "{id}" is geen tekst (meer) in dit scenario: verbeter het id in kolom A of verwijder de regel',
  stringsScenarioUnreadable: 'het scenariobestand kon niet worden gelezen: controleer het eerst met npm run validate',
  stringsAfterImport: 'met deze teksten zou het scenario fouten hebben:',
  stringsNothingWritten: 'er is niets weggeschreven',
  stringsWrote: '{count} teksten ({from} → {to}) weggeschreven naar {file}',
  stringsUpdated: '{file}: {count} teksten bijgewerkt',
  stringsUpdatedRefused: '{file}: {count} teksten bijgewerkt, {refused} regels geweigerd',
  stringsRefused: '{file}: geweigerd: {reason}',
  stringsCannotRead: 'kan {file} niet lezen: {reason}',
};
