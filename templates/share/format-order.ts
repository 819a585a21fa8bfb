import { SHARE_KINDS, recordId, type ShareRecord, type ShareSnapshot } from './records';

/**
 * The archive's order, rebuilt without store ids. services/archive-export.ts sorts by natural
 * keys (an organization's name, an interview's day) and breaks ties by the local id; a shared
 * project has no local ids, so the ties keep the order the records come in (sorts here are
 * stable). A snapshot made from an archive is in the archive's order, so the round trip gives
 * the same archive; a snapshot read from a repository is in order of creation
 * (templates/share/format-read.ts), the same in every store that reads it.
 */

/** Keys that stay unique: a second record with the same natural key gets "#2". */
export function ranked<T>(items: readonly T[], base: (item: T) => string): Map<T, string> {
  const count = new Map<string, number>();
  const out = new Map<T, string>();
  for (const item of items) {
    const b = base(item);
    const n = (count.get(b) ?? 0) + 1;
    count.set(b, n);
    out.set(item, n === 1 ? b : `${b}#${n}`);
  }
  return out;
}

export const lower = (s: string) => s.trim().toLocaleLowerCase('en');

/** SQLite's order for text (bytes; null first), which `ORDER BY` in buildArchive uses. */
export function sqlOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * A snapshot in the order of its kinds, then of creation, then of uid: the order
 * filesToSnapshot gives, the same in every store whoever wrote the files. A merged snapshot put
 * in this order converts to the same archive whatever order the merge built it in.
 */
export function inCreationOrder(records: Iterable<ShareRecord>): ShareSnapshot {
  const created = (r: ShareRecord) => (typeof r.fields.createdAt === 'string' ? r.fields.createdAt : '');
  const order = (a: ShareRecord, b: ShareRecord) => {
    const kind = SHARE_KINDS.indexOf(a.kind) - SHARE_KINDS.indexOf(b.kind);
    if (kind !== 0) return kind;
    const [ca, cb] = [created(a), created(b)];
    if (ca !== cb) return ca < cb ? -1 : 1;
    return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
  };
  return new Map([...records].sort(order).map((r) => [recordId(r.kind, r.uid), r]));
}
