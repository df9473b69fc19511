/**
 * How the editor saves into levels/ while `npm start` runs: the dev server's side is
 * scripts/vite-levels-plugin.ts, the page's side src/editor/saving.ts. Only the names are shared.
 *
 * The page first reads a token (GET `SAVE_TOKEN_PATH`) and sends it back with each save in
 * `SAVE_TOKEN_HEADER`. Another web page open in the same browser cannot read that token (the answer
 * has no CORS headers, and a rebound host name is refused), and a custom header cannot be sent across
 * origins without a preflight the server never grants, so only the game's own page can save.
 */
export const SAVE_TOKEN_PATH = '/__many-masters/save-token';
/** POST `SAVE_PATH/<name>.json` with the file's text as the body. */
export const SAVE_PATH = '/__many-masters/levels/';
export const SAVE_TOKEN_HEADER = 'x-many-masters-token';

/** A file name the server writes into levels/: one plain name, ending in .json, not the schema. */
export function isLevelFileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.json$/.test(name) && !name.endsWith('.schema.json') && !name.includes('..');
}

/** Why the server refused a save, as its answer says it (the page words it for the author). */
export type SaveRefusal = 'notLocal' | 'badOrigin' | 'badToken' | 'badName' | 'tooLarge' | 'notJson' | 'writeFailed' | 'badMethod';
