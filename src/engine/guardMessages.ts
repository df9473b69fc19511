/**
 * The messages of the guards that keep odd or hostile files from breaking the game: a byte-order
 * mark, JavaScript's own words used as names, and the size limits. Kept together so that they can be
 * turned into message codes with catalogues in one place.
 */

// Grouped by hand, not toLocaleString: the same text in Node and in every browser.
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export const guardMessages = {
  bomAtStart: () =>
    'the file starts with an invisible byte-order mark (U+FEFF, as Notepad writes "UTF-8 with BOM"); it is ignored, but saving the file as plain UTF-8 removes it',
  bomInside: () => 'an invisible byte-order mark (U+FEFF) stands here; it is only allowed at the very start of the file: delete it',
  tooManyItems: (limit: number) => `this list has more than ${count(limit)} items, the most a list in a scenario file may have`,
  tooManyKeys: (limit: number) => `this object has more than ${count(limit)} fields, the most an object in a scenario file may have`,
  tooLongNumber: (limit: number) => `this number is written with more than ${count(limit)} characters, the most a number may have`,
  tooLongText: (limit: number) => `this text is longer than ${count(limit)} characters, the most a scenario text may have`,
  reservedName: (name: string) => `"${name}" cannot be used as a name: JavaScript gives it a meaning in every object, so it could change how the program works; choose another name`,
  moreProblems: (n: number, shown: number) => `and ${count(n)} more problem${n === 1 ? '' : 's'} not listed (only the first ${count(shown)} are shown; fix these and check again)`,
} as const;
