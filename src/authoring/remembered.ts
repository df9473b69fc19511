/**
 * The last scenario file opened in the browser, kept as text for the next visit. It lives in
 * IndexedDB, whose writes happen beside the page: localStorage writes in the page's own thread, and
 * kept a 5 MB file there for close to a second. The screens read a copy held in memory, filled once
 * at the start (`loadRememberedFile`). Storage may be missing, full or refused (private windows, a file
 * near the size limit): then the file is simply not kept.
 */
const DATABASE = 'many-masters';
const STORE = 'authoring';
const LAST = 'last-file';
/** Where an earlier version kept the file; read once, then moved. */
const OLD_KEY = 'many-masters.authoring.last-file';

export interface RememberedFile {
  file: string;
  source: string;
  /** When it was opened, as an ISO date. */
  at: string;
}

let last: RememberedFile | null = null;
let loading: Promise<void> | null = null;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB'));
    request.onblocked = () => reject(new Error('indexedDB blocked'));
  });
}

/** Runs one request in a read-write or read-only transaction and waits until it is done. */
async function inStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = act(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('indexedDB'));
      transaction.onabort = () => reject(transaction.error ?? new Error('indexedDB'));
    });
  } finally {
    db.close();
  }
}

function isRemembered(value: unknown): value is RememberedFile {
  const v = value as Partial<RememberedFile> | null;
  return typeof v === 'object' && v !== null && typeof v.file === 'string' && typeof v.source === 'string';
}

/** Reads the kept file into memory once; the screens then ask `rememberedFile()`. */
export function loadRememberedFile(): Promise<void> {
  loading ??= (async () => {
    try {
      const old = localStorage.getItem(OLD_KEY);
      if (old !== null) {
        const value = JSON.parse(old) as unknown;
        localStorage.removeItem(OLD_KEY);
        if (isRemembered(value)) {
          last = { file: value.file, source: value.source, at: typeof value.at === 'string' ? value.at : '' };
          await inStore('readwrite', (s) => s.put(last, LAST));
          return;
        }
      }
    } catch {
      // No localStorage, or an unreadable old record: nothing to move.
    }
    try {
      const value = await inStore('readonly', (s) => s.get(LAST) as IDBRequest<unknown>);
      // A file opened while this was read is the newer one.
      if (isRemembered(value) && last === null) last = { file: value.file, source: value.source, at: typeof value.at === 'string' ? value.at : '' };
    } catch {
      // No IndexedDB here: no file from an earlier visit.
    }
  })();
  return loading;
}

export function rememberFile(file: string, source: string, now: Date = new Date()): Promise<boolean> {
  last = { file, source, at: now.toISOString() };
  const kept = last;
  return inStore('readwrite', (s) => s.put(kept, LAST)).then(
    () => true,
    () => false,
  );
}

export function rememberedFile(): RememberedFile | null {
  return last;
}

export function forgetFile(): Promise<void> {
  last = null;
  return inStore('readwrite', (s) => s.delete(LAST)).then(
    () => undefined,
    () => undefined,
  );
}
