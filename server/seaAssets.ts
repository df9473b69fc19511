/** The list of the game's files inside the room app's executable (written by scripts/roomApp.ts, read by server/app.ts). */
export const ASSET_LIST = 'files.json';
