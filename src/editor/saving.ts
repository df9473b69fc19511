/**
 * Saving the scenario where it belongs:
 * - with `npm start`, straight into levels/ through the dev server (scripts/levelsSave.ts);
 * - elsewhere, into the same file where the browser allows it (the File System Access API:
 *   a file handle from opening, or one picked with the save dialog);
 * - otherwise as a download, which the author moves into place.
 * Each way answers with a result; nothing here throws at the editor.
 */
import { downloadFile } from '../platform/download.ts';
import { SAVE_PATH, SAVE_TOKEN_HEADER, SAVE_TOKEN_PATH, type SaveRefusal } from './saveProtocol.ts';

/** The parts of the File System Access API used here (Chromium has them; Firefox and Safari do not). */
export interface WritableFile {
  readonly name: string;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  queryPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
}

interface PickerWindow {
  showSaveFilePicker?(options: unknown): Promise<WritableFile>;
  showOpenFilePicker?(options: unknown): Promise<(WritableFile & { getFile(): Promise<File> })[]>;
}

export type Saved =
  | { ok: true; where: 'levels' | 'file' | 'download'; name: string; handle?: WritableFile }
  /** `cancelled`: the author closed the dialog; `refused`: the dev server said no (with why); `failed`: the write did not happen. */
  | { ok: false; why: 'cancelled' | 'failed' | 'unreachable' | SaveRefusal };

const JSON_TYPES = [{ description: 'Scenario (JSON)', accept: { 'application/json': ['.json'] } }];

/** Whether this page runs from `npm start` (the dev server with the levels/ endpoint). */
export function devServer(): boolean {
  return import.meta.env?.DEV === true;
}

let tokenOnce: Promise<string | undefined> | undefined;

async function token(fetcher: typeof fetch): Promise<string | undefined> {
  tokenOnce ??= fetcher(SAVE_TOKEN_PATH, { credentials: 'same-origin' })
    .then(async (r) => (r.ok ? ((await r.json()) as { token?: unknown }).token : undefined))
    .then((t) => (typeof t === 'string' ? t : undefined))
    .catch(() => undefined);
  const found = await tokenOnce;
  if (found === undefined) tokenOnce = undefined;
  return found;
}

/** Saves into levels/ through the dev server. */
export async function saveToLevels(name: string, text: string, fetcher: typeof fetch = fetch): Promise<Saved> {
  const secret = await token(fetcher);
  if (secret === undefined) return { ok: false, why: 'unreachable' };
  try {
    const answer = await fetcher(SAVE_PATH + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SAVE_TOKEN_HEADER]: secret },
      body: text,
    });
    const body = (await answer.json().catch(() => ({}))) as { ok?: unknown; reason?: unknown };
    if (answer.ok && body.ok === true) return { ok: true, where: 'levels', name };
    return { ok: false, why: typeof body.reason === 'string' ? (body.reason as SaveRefusal) : 'failed' };
  } catch {
    return { ok: false, why: 'unreachable' };
  }
}

/** Writes into a file the author opened or picked before (asking for permission again if needed). */
export async function saveToHandle(handle: WritableFile, text: string): Promise<Saved> {
  try {
    if (handle.queryPermission && (await handle.queryPermission({ mode: 'readwrite' })) !== 'granted') {
      if (!handle.requestPermission || (await handle.requestPermission({ mode: 'readwrite' })) !== 'granted') return { ok: false, why: 'cancelled' };
    }
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
    return { ok: true, where: 'file', name: handle.name, handle };
  } catch {
    return { ok: false, why: 'failed' };
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Whether the browser lets a page write a file the author picks (Chromium on a secure page). */
export function canPickFiles(win: PickerWindow = globalThis as PickerWindow): boolean {
  return typeof win.showSaveFilePicker === 'function';
}

/** Asks where to save (the browser's own dialog) and writes there; the handle is kept for the next save. */
export async function saveWithPicker(suggestedName: string, text: string, win: PickerWindow = globalThis as PickerWindow): Promise<Saved> {
  if (!win.showSaveFilePicker) return { ok: false, why: 'failed' };
  let handle: WritableFile;
  try {
    handle = await win.showSaveFilePicker({ suggestedName, types: JSON_TYPES });
  } catch (error) {
    return { ok: false, why: isAbort(error) ? 'cancelled' : 'failed' };
  }
  return saveToHandle(handle, text);
}

/** Opens a scenario with the browser's dialog, keeping its handle so that saving writes back to it. */
export async function openWithPicker(win: PickerWindow = globalThis as PickerWindow): Promise<{ name: string; text: string; handle: WritableFile } | undefined> {
  if (!win.showOpenFilePicker) return undefined;
  try {
    const [handle] = await win.showOpenFilePicker({ types: JSON_TYPES, multiple: false });
    if (!handle) return undefined;
    const file = await handle.getFile();
    return { name: file.name, text: await file.text(), handle };
  } catch {
    return undefined;
  }
}

export function saveAsDownload(name: string, text: string, download: typeof downloadFile = downloadFile): Saved {
  try {
    download(name, text, 'application/json;charset=utf-8');
    return { ok: true, where: 'download', name };
  } catch {
    return { ok: false, why: 'failed' };
  }
}

export interface SaveOptions {
  /** The file's name (`school.json`). */
  name: string;
  /** Where it came from: levels/ (shipped or saved there), a file the author opened, or new. */
  origin: 'levels' | 'file' | 'new';
  /** The handle of the file it was opened from or last saved to, where the browser gave one. */
  handle?: WritableFile | undefined;
  fetcher?: typeof fetch;
  win?: PickerWindow;
  download?: typeof downloadFile;
  dev?: boolean;
}

/**
 * Saves in the best way this page has: into levels/ from the dev server (a scenario from levels/ or a
 * new one), into the file it came from when the browser gave a handle, into a picked file where the
 * browser has the dialog, and as a download otherwise.
 */
export async function saveScenario(text: string, options: SaveOptions): Promise<Saved> {
  const { name, origin, handle } = options;
  if ((options.dev ?? devServer()) && origin !== 'file') {
    const saved = await saveToLevels(name, text, options.fetcher);
    if (saved.ok || saved.why !== 'unreachable') return saved;
  }
  if (handle) return saveToHandle(handle, text);
  if (canPickFiles(options.win)) return saveWithPicker(name, text, options.win);
  return saveAsDownload(name, text, options.download);
}
