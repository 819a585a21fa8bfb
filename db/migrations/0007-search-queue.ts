import { DOCS, docId, where, type Doc } from './0003-search';
import type { Migration } from './types';

/**
 * The full-text index is brought up to date after the save instead of inside it.
 *
 * Until now the triggers of migration 3 re-indexed a document in the transaction that
 * changed it: every autosave of a 400-word summary tokenized the old and the new text
 * (three times each, with the 2- and 3-letter prefix lists), and FTS5 merged segments in
 * the commit — 15 to 20 ms of a save whose own write takes 2. Now the triggers only note
 * which documents changed, in `search_pending`, in the same transaction as the write (so
 * the note survives any crash that the write survives), and db/search-queue.ts indexes
 * them: before every search, so a search never reads a stale index, and when the app is
 * idle.
 *
 * `indexed` is the text the index holds for the document (NULL: the index does not hold
 * it). The first change after the document was indexed records that text; later changes
 * leave the row alone, because the index still holds what the first
 * one saw. FTS5's external-content delete needs exactly that text, which by then is gone
 * from the source table. Indexing a pending document is: delete `indexed` when there is
 * one, insert what the view `search_source` holds now when it holds anything.
 */

/** A document whose body changed (the same test migration 3's triggers used). */
const changed = (doc: Doc) => `(${['id', ...doc.columns].map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')})`;

/**
 * Notes that `row`'s document is about to differ from the index, and what the index holds
 * for it — unless it is noted already: then the index still holds what the first note says.
 * "Unless" is a WHERE NOT EXISTS, not INSERT OR IGNORE, because an outer statement's
 * conflict clause (UPDATE OR REPLACE …) would override a trigger's OR IGNORE and replace
 * the first note, and FTS5 would then be told to delete text it does not hold.
 */
function notePending(doc: Doc, row: string, indexed: 'body' | 'nothing', ...when: string[]): string {
  const id = docId(doc, row);
  const held = indexed === 'body' ? doc.body(row) : 'NULL';
  const fresh = `NOT EXISTS (SELECT 1 FROM search_pending WHERE doc = ${id})`;
  const conditions = indexed === 'body' ? where(doc, row, ...when, fresh) : ` WHERE ${[...when, fresh].join(' AND ')}`;
  return `INSERT INTO search_pending (doc, indexed) SELECT ${id}, ${held}${conditions};`;
}

function triggers(table: string): string {
  const docs = DOCS.filter((d) => d.table === table);
  const columns = ['id', ...new Set(docs.flatMap((d) => d.columns))];
  // An insert with an empty text puts nothing in the index: nothing to note (the view leaves it out too).
  const onInsert = docs.map((doc) => notePending(doc, 'new.', 'nothing', ...(doc.skipEmpty ? [`${doc.body('new.')} <> ''`] : [])));
  const onDelete = docs.map((doc) => notePending(doc, 'old.', 'body'));
  // The old document (held by the index when its text was not empty), and the new one when
  // the id changed (a new document the index does not hold yet; ignored when it is the same).
  const onUpdate = docs.flatMap((doc) => [
    notePending(doc, 'old.', 'body', changed(doc)),
    notePending(doc, 'old.', 'nothing', changed(doc)),
    notePending(doc, 'new.', 'nothing', changed(doc)),
  ]);
  return `
    DROP TRIGGER search_${table}_insert;
    DROP TRIGGER search_${table}_delete;
    DROP TRIGGER search_${table}_update;
    CREATE TRIGGER search_${table}_insert AFTER INSERT ON ${table} BEGIN
      ${onInsert.join('\n      ')}
    END;
    CREATE TRIGGER search_${table}_delete AFTER DELETE ON ${table} BEGIN
      ${onDelete.join('\n      ')}
    END;
    CREATE TRIGGER search_${table}_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
      ${onUpdate.join('\n      ')}
    END;`;
}

export const searchQueue: Migration = {
  version: 7,
  name: 'search index queue',
  up(db) {
    db.exec(`
      CREATE TABLE search_pending (
        doc     INTEGER PRIMARY KEY,
        indexed TEXT
      ) STRICT;
      ${[...new Set(DOCS.map((d) => d.table))].map(triggers).join('\n')}
    `);
  },
};
