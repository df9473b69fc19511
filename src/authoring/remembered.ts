/**
 * The last scenario file opened in the browser, kept as text for the next visit. Storage may be
 * missing, full or throwing (private windows, a file near the size limit): then it is simply not kept.
 */
const KEY = 'many-masters.authoring.last-file';

export interface RememberedFile {
  file: string;
  source: string;
  /** When it was opened, as an ISO date. */
  at: string;
}

export function rememberFile(file: string, source: string, now: Date = new Date()): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify({ file, source, at: now.toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function rememberedFile(): RememberedFile | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<RememberedFile>;
    if (typeof value.file !== 'string' || typeof value.source !== 'string') return null;
    return { file: value.file, source: value.source, at: typeof value.at === 'string' ? value.at : '' };
  } catch {
    return null;
  }
}

export function forgetFile(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept, or nothing can be removed: either way it will not be offered.
  }
}
