import type Database from 'better-sqlite3';

/**
 * Statements prepared once per connection and kept: searching and indexing run on every
 * keystroke of a search box and every pause in typing, and preparing their SQL each time
 * would cost more than running it. Keyed by the SQL text (and pluck mode, which changes
 * the statement itself); a connection's statements go with it (WeakMap).
 */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export interface PrepareOptions {
  /** Rows are the first column's value (better-sqlite3's pluck mode). */
  pluck?: boolean;
  /** SQL run once before the first prepare on a connection (a temporary table the statement reads). */
  setup?: string;
}

export function preparedOnce<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Database.Database,
  sql: string,
  options: PrepareOptions = {},
): Database.Statement<Params, Row> {
  let statements = prepared.get(db);
  if (!statements) {
    statements = new Map();
    prepared.set(db, statements);
  }
  const key = options.pluck ? `pluck:${sql}` : sql;
  let statement = statements.get(key);
  if (!statement) {
    if (options.setup) db.exec(options.setup);
    statement = db.prepare(sql);
    if (options.pluck) statement.pluck();
    statements.set(key, statement);
  }
  return statement as unknown as Database.Statement<Params, Row>;
}
