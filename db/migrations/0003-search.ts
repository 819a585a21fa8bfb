import type { Migration } from './types';

/**
 * Full-text search over what a reviewer writes and reads back: interview summaries and
 * raw notes, the notes per question (answer), quotes, and organization names with their
 * aliases. One FTS5 table, `search_index`, one column `body`; diacritics folded by the
 * tokenizer ("muller" finds "Müller").
 *
 * Document ids: rowid = kind * 2^40 + source id (SEARCH_KINDS, KIND_SPAN), so every
 * trigger addresses exactly its own document and a hit says where it came from without a
 * lookup. Kind-major order also means that reading matches by descending rowid (which
 * FTS5 does without sorting) gives organizations, then summaries, quotes, notes per
 * question and raw notes, newest first within each: db/search.ts ranks a window of
 * matches read that way (see RANK_WINDOW there).
 *
 * Why external content (content='search_source', a view over the real tables):
 * - snippets need the text; a contentless table cannot make them, and a table with its
 *   own content would keep a second copy of every note and summary in the file;
 * - FTS5 reads the text back through the view by rowid only for the hits it shows
 *   (snippet), and the expression indexes below make that lookup an index search;
 * - `rebuild` fills the index from the view (this migration, and a repair if ever
 *   needed), and `integrity-check` with rank 1 compares index and source tables (tests).
 * The price: FTS5 must be told the OLD text to delete a document. The triggers give it
 * exactly the expression the view uses (built once below), under the same conditions
 * (empty texts are never indexed), so the index and the view cannot drift apart.
 * Triggers fire for every write path: services, the generic repository, undo's
 * delete/reinsert with the same id, and ON DELETE CASCADE when the trash is emptied.
 * Trash is not in the index: queries leave out the documents of trashed rows (see
 * db/search.ts; the *_trashed partial indexes find those quickly), so trashing and
 * restoring need no index work.
 *
 * prefix = '2 3' keeps ready-made postings for 2- and 3-letter prefixes: the last word of
 * a search is a prefix ("kube" finds "Kubernetes"), and short prefixes would otherwise
 * merge the postings of every word they start.
 *
 * FTS5 prepares its statements on the content table with virtual tables disabled, so the
 * view cannot use json_each; the organization text turns the aliases' JSON array
 * (written by JSON.stringify) into "Initech · Initech Corp, IT" with plain string functions.
 */

/**
 * Kind numbers inside the rowid. Stable forever: they are stored in the index. A higher
 * number is read first when there are more matches than the ranking window.
 */
export const SEARCH_KINDS = { notes: 1, answer: 2, quote: 3, summary: 4, organization: 5 } as const;

/** rowid = kind * KIND_SPAN + id. Ids stay far below 2^40; rowids stay exact in a JS number. */
export const KIND_SPAN = 2 ** 40;

export interface Doc {
  kind: number;
  table: string;
  /** The text of the document, over columns prefixed with `row` ('' in the view and indexes, 'old.'/'new.' in triggers). */
  body: (row: string) => string;
  /** Columns whose change changes the document. */
  columns: string[];
  /** Skip empty texts (most interviews start with no summary); organizations always have a name. */
  skipEmpty: boolean;
}

export const DOCS: readonly Doc[] = [
  { kind: SEARCH_KINDS.summary, table: 'interview', body: (r) => `${r}summary`, columns: ['summary'], skipEmpty: true },
  { kind: SEARCH_KINDS.notes, table: 'interview', body: (r) => `${r}raw_notes`, columns: ['raw_notes'], skipEmpty: true },
  { kind: SEARCH_KINDS.answer, table: 'answer', body: (r) => `${r}text`, columns: ['text'], skipEmpty: true },
  { kind: SEARCH_KINDS.quote, table: 'quote', body: (r) => `${r}text`, columns: ['text'], skipEmpty: true },
  {
    kind: SEARCH_KINDS.organization,
    table: 'organization',
    body: (r) =>
      `(CASE WHEN ${r}aliases IN ('', '[]') THEN ${r}name ` +
      `ELSE ${r}name || ' · ' || replace(substr(${r}aliases, 3, length(${r}aliases) - 4), '","', ', ') END)`,
    columns: ['name', 'aliases'],
    skipEmpty: false,
  },
];

export const docId = (doc: Doc, row: string) => `${doc.kind * KIND_SPAN} + ${row}id`;
/** " WHERE …" when the row holds a document (the same test in the view, its index and the triggers). */
export const where = (doc: Doc, row: string, ...more: string[]) => {
  const terms = [...(doc.skipEmpty ? [`${doc.body(row)} <> ''`] : []), ...more];
  return terms.length ? ` WHERE ${terms.join(' AND ')}` : '';
};

function insertDoc(doc: Doc, row: string, ...when: string[]): string {
  return `INSERT INTO search_index (rowid, body) SELECT ${docId(doc, row)}, ${doc.body(row)}${where(doc, row, ...when)};`;
}

function deleteDoc(doc: Doc, row: string, ...when: string[]): string {
  return `INSERT INTO search_index (search_index, rowid, body) SELECT 'delete', ${docId(doc, row)}, ${doc.body(row)}${where(doc, row, ...when)};`;
}

function triggers(table: string): string {
  const docs = DOCS.filter((d) => d.table === table);
  const columns = ['id', ...new Set(docs.flatMap((d) => d.columns))];
  // An update that leaves a document's text alone (undo rewriting the same value, an
  // edit of another column) leaves its index entry alone too.
  const changed = (doc: Doc) => `(${['id', ...doc.columns].map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')})`;
  const onUpdate = docs.flatMap((doc) => [deleteDoc(doc, 'old.', changed(doc)), insertDoc(doc, 'new.', changed(doc))]);
  return `
    CREATE TRIGGER search_${table}_insert AFTER INSERT ON ${table} BEGIN
      ${docs.map((doc) => insertDoc(doc, 'new.')).join('\n      ')}
    END;
    CREATE TRIGGER search_${table}_delete AFTER DELETE ON ${table} BEGIN
      ${docs.map((doc) => deleteDoc(doc, 'old.')).join('\n      ')}
    END;
    CREATE TRIGGER search_${table}_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
      ${onUpdate.join('\n      ')}
    END;`;
}

const TABLES_INDEXED = [...new Set(DOCS.map((d) => d.table))];

export const search: Migration = {
  version: 3,
  name: 'full-text search',
  up(db) {
    const source = DOCS.map(
      (doc) => `SELECT ${docId(doc, '')} AS doc, ${doc.body('')} AS body FROM ${doc.table}${where(doc, '')}`,
    ).join('\n        UNION ALL ');
    // One expression index per kind: FTS5 reads a hit's text with "WHERE doc = ?", which the
    // view turns into "<kind * 2^40> + id = ?" on each table; without these that is a full scan.
    const lookups = DOCS.map(
      (doc) => `CREATE INDEX search_doc_${doc.kind} ON ${doc.table} (${docId(doc, '')})${where(doc, '')};`,
    ).join('\n      ');
    db.exec(`
      CREATE VIEW search_source (doc, body) AS
        ${source};
      ${lookups}
      -- The trash is filtered at query time. These hold only trashed rows (few), so finding
      -- them never reads the tables, whose deleted_at sits behind the long texts.
      CREATE INDEX project_trashed ON project (id) WHERE deleted_at IS NOT NULL;
      CREATE INDEX adopter_trashed ON adopter (id) WHERE deleted_at IS NOT NULL;
      CREATE INDEX interview_trashed ON interview (id) WHERE deleted_at IS NOT NULL;
      CREATE VIRTUAL TABLE search_index USING fts5 (
        body,
        content = 'search_source',
        content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      ${TABLES_INDEXED.map(triggers).join('\n')}
      INSERT INTO search_index (search_index) VALUES ('rebuild');
    `);
  },
};
