import type Database from 'better-sqlite3';

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

interface Statements {
  any: Database.Statement<[], number>;
  pending: Database.Statement<[], Pending>;
  remove: Database.Statement<[number, string]>;
  current: Database.Statement<[number], string>;
  add: Database.Statement<[number, string]>;
  clear: Database.Statement<[]>;
}

const prepared = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Database.Database): Statements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = {
      any: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM search_pending)').pluck(),
      pending: db.prepare<[], Pending>('SELECT doc, indexed FROM search_pending ORDER BY doc'),
      remove: db.prepare<[number, string]>("INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', ?, ?)"),
      // The view the index is built from (migration 3): the same text, under the same conditions.
      current: db.prepare<[number], string>('SELECT body FROM search_source WHERE doc = ?').pluck(),
      add: db.prepare<[number, string]>('INSERT INTO search_index (rowid, body) VALUES (?, ?)'),
      clear: db.prepare<[]>('DELETE FROM search_pending'),
    };
    prepared.set(db, statements);
  }
  return statements;
}

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
  const s = statementsFor(db);
  if (s.any.get() !== 1) return 0;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return db.transaction(() => {
      const pending = s.pending.all();
      for (const { doc, indexed } of pending) {
        if (indexed !== null) s.remove.run(doc, indexed);
        const body = s.current.get(doc);
        if (body !== undefined) s.add.run(doc, body);
      }
      s.clear.run();
      return pending.length;
    }).immediate();
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
