import type { Store } from '../../db/store';

/**
 * Marks the change `fn` writes (inside `store.change`) as a Sync's, with the teammates whose
 * records it brought (migration 12: `change.origin`, `change.authors`), so history says
 * "from Ana, Ben (sync)". A change that wrote nothing has no row to mark.
 */
export function markSyncOrigin<T>(store: Store, authors: readonly string[], fn: () => T): T {
  const lastId = () => store.db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM change').get()?.id ?? 0;
  const before = lastId();
  const result = fn();
  const after = lastId();
  if (after > before) {
    store.db.prepare("UPDATE change SET origin = 'sync', authors = ? WHERE id = ?").run(JSON.stringify([...new Set(authors)].sort()), after);
  }
  return result;
}
