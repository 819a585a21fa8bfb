import type Database from 'better-sqlite3';
import { preparedOnce } from './prepared';

/**
 * Brings the full-text index up to date with the documents migration 7's triggers noted
 * in `search_pending` (see there why saves no longer index). Called before every search
 * and when the app is idle; cheap when nothing is pending (one primary-key read).
 */

interface Pending {
  doc: number;
  /** What the index holds for the document; null when it holds nothing. */
  indexed: string | null;
}

const sql = {
  any: 'SELECT EXISTS (SELECT 1 FROM search_pending)',
  pending: 'SELECT doc, indexed FROM search_pending ORDER BY doc',
  remove: "INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', ?, ?)",
  // The view the index is built from (migration 3): the same text, under the same conditions.
  current: 'SELECT body FROM search_source WHERE doc = ?',
  add: 'INSERT INTO search_index (rowid, body) VALUES (?, ?)',
  clear: 'DELETE FROM search_pending',
};

/**
 * Indexes every pending document in one transaction and empties the queue; returns how
 * many there were. Safe to interrupt: until the commit, the queue still holds them all.
 *
 * It never waits for the write lock: when another connection is writing (the command line
 * importing while the app is open) it fails at once with SQLITE_BUSY instead of blocking
 * the caller for the busy timeout — a search then runs over the index as it stands, and
 * the queue waits for the next time.
 */
export function indexPendingDocuments(db: Database.Database): number {
  if (preparedOnce<[], number>(db, sql.any, { pluck: true }).get() !== 1) return 0;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return db.transaction(() => {
      const pending = preparedOnce<[], Pending>(db, sql.pending).all();
      const remove = preparedOnce<[number, string]>(db, sql.remove);
      const current = preparedOnce<[number], string>(db, sql.current, { pluck: true });
      const add = preparedOnce<[number, string]>(db, sql.add);
      for (const { doc, indexed } of pending) {
        if (indexed !== null) remove.run(doc, indexed);
        const body = current.get(doc);
        if (body !== undefined) add.run(doc, body);
      }
      preparedOnce<[]>(db, sql.clear).run();
      return pending.length;
    }).immediate();
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
