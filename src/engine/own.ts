/**
 * A record's own value for a name from a file, or undefined. `record[name]` would find `toString`,
 * `valueOf`… on every object when the record has no such entry; ids, flags, tags and meter names
 * are chosen by scenario writers, so every look-up of one goes through here, a Map or Object.hasOwn.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, name: string): T | undefined {
  return record != null && Object.hasOwn(record, name) ? record[name] : undefined;
}
