import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import {
  backupFileName,
  backupFolderOf,
  dailyBackupDone,
  dailyBackupWarning,
  freeName,
  partialNameFor,
  rotationRemovals,
  rotationWarning,
  type AutoBackupResult,
} from './backups';
import { systemClock, type Clock } from './clock';
import { isCorruption } from './sqlite-errors';

/**
 * The day's automatic backup as the desktop app and `serve` write it: after the first screen
 * is answered, in small steps, so the main process (which answers the window over IPC, or the
 * browser over the server's WebSocket) is never held for long. The command line still writes
 * it at the opening (db/backups.ts: autoBackup): see docs/architecture.md, Backups.
 *
 * It is `VACUUM INTO` cut into steps, on a connection of its own:
 *   1. a new hidden `.….partial` file gets the store's schema (tables, the full-text index,
 *      indexes; views and triggers come last, so nothing fires while rows are copied), with no
 *      journal and no fsync while it is written (a half-written copy is deleted, never used);
 *   2. the store's file is attached and read in one read transaction, so the copy is the store
 *      as it was when the backup began (WAL: the reviewer's edits meanwhile are not blocked,
 *      and go into tomorrow's backup);
 *   3. each table is copied in rowid order, one step at a time: a few rows first, then twice as
 *      many each step up to ROWS_PER_STEP while a step grows the copy by less than half of
 *      PAGES_PER_STEP pages, proportionally fewer after a step that grew it by more (long
 *      notes), so a step stays far below a frame (16 ms). Each step is followed by a turn of
 *      the event loop (setImmediate), where IPC and WebSocket messages are answered. The
 *      statement journal each INSERT … SELECT keeps stays in memory (temp_store): as a
 *      temporary file it was most of the writes;
 *   4. the schema version and application id are set, the transaction committed (at most the
 *      copy's small page cache is written then), the connection closed; the copy is fsynced,
 *      renamed to its `…-daily.sqlite` name and the folder fsynced, all with asynchronous file
 *      calls; then rotation, as after any daily backup.
 * Like VACUUM INTO, the copy is compact, in rollback-journal mode, and every row was read: a
 * damaged page makes SQLite refuse the read, so the copy is deleted, the older backups are kept
 * (no rotation) and the reviewer is told the database looks damaged. That reading stands in
 * for the per-table `quick_check` the opening ran on the day's first start, which cannot be cut
 * into steps (0.4 s on the benchmark store). Indexes are rebuilt in the copy, not read.
 * A failure at any step removes the partial file and comes back as a warning in the same words
 * as at the opening; abandoning (the store closes: the app quits, a restore) removes it at once.
 * A crash leaves a hidden `.partial` file that rotation deletes after an hour.
 *
 * (SQLite's online backup, better-sqlite3's `db.backup()`, was tried first: its pages copy in
 * short steps, but its last step commits the whole copy with an fsync on the main thread,
 * 150 ms for a 32 MB store on the benchmark machine, and it cannot be told otherwise.)
 */

/** 50 pages = 200 KB at SQLite's 4 KB pages: a few ms a step on the benchmark machine. */
export const PAGES_PER_STEP = 50;
/** At most this many rows a step: 100 short rows (answers, with their two indexes) took up to 10 ms on a busy machine. */
export const ROWS_PER_STEP = 50;
/** A table's first step: its rows' size is not known yet. */
const FIRST_STEP_ROWS = 8;
/** The copy's page cache (KB): all that COMMIT writes at once. */
const COPY_CACHE_KB = 2048;

type StepReport = { phase: 'schema' } | { phase: 'copy'; table: string; rows: number; pages: number } | { phase: 'finish' };
/**
 * One step, and how long it held the event loop (`ms`: from the start of its turn to its end)
 * and the CPU time the process used meanwhile (`cpuMs`, all its threads, so an upper bound on
 * the step's own: the rest of `ms` is waiting for the disk or, on a busy machine, for a core).
 */
export type BackupStep = StepReport & { ms: number; cpuMs: number };

export interface DailyBackupOutcome extends AutoBackupResult {
  /** The store closed before the backup was written: nothing was kept, the next start tries again. */
  abandoned: boolean;
}

export interface DailyBackupOptions {
  clock?: Clock;
  /** The driver build for this runtime (Electron's ABI in the app), for the backup's own connection. */
  nativeBinding?: string;
  pagesPerStep?: number;
  rowsPerStep?: number;
  /** Told after each step what it did; the tests count rows and pages, and can make a step fail. */
  onStep?: (step: BackupStep) => void;
}

export interface DailyBackupRun {
  /** Settles when the backup is written, was not due, failed (`warning`) or was abandoned. Never rejects. */
  readonly done: Promise<DailyBackupOutcome>;
  /** Stops the backup and removes its partial file now (synchronously): for closing the store under it. */
  abandon(): void;
}

class Abandoned extends Error {}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const JOURNAL_SUFFIXES = ['', '-journal', '-wal', '-shm'];

async function fsyncAsync(file: string, flags: string): Promise<void> {
  const handle = await fs.promises.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface SchemaEntry {
  type: string;
  name: string;
  sql: string;
}

/** Step 1: the store's schema in the copy (in two turns); returns the tables to fill and what to create after them. */
async function createSchema(
  copy: Database.Database,
  step: (s: StepReport) => void,
  nextTurn: () => Promise<void>,
): Promise<{ tables: { name: string; withoutRowid: boolean }[]; last: string[] }> {
  const entries = copy.prepare<[], SchemaEntry>("SELECT type, name, sql FROM live.sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid").all();
  const listed = copy.prepare<[], { name: string; type: string; wr: number }>("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'live'").all();
  const shadow = new Set(listed.filter((t) => t.type === 'shadow').map((t) => t.name));
  const own = (e: SchemaEntry) => !e.name.startsWith('sqlite_') && !shadow.has(e.name);
  // Tables first (a virtual table makes its own shadow tables), indexes before the rows so each
  // step maintains them a little (one CREATE INDEX at the end would be one long block).
  for (const e of entries) if (e.type === 'table' && own(e)) copy.exec(e.sql);
  step({ phase: 'schema' });
  await nextTurn();
  for (const e of entries) if (e.type === 'index' && own(e)) copy.exec(e.sql);
  const inCopy = new Set(copy.prepare<[], string>("SELECT name FROM main.sqlite_schema WHERE type = 'table'").pluck().all());
  const tables = listed
    .filter((t) => (t.type === 'table' || t.type === 'shadow') && inCopy.has(t.name) && t.name !== 'sqlite_schema')
    .map((t) => ({ name: t.name, withoutRowid: t.wr === 1 }));
  // What a virtual table wrote into its new shadow tables is replaced by the store's own rows.
  for (const t of tables) if (shadow.has(t.name)) copy.exec(`DELETE FROM main.${quoteIdentifier(t.name)}`);
  return { tables, last: entries.filter((e) => (e.type === 'view' || e.type === 'trigger') && own(e)).map((e) => e.sql) };
}

/** Step 3 for one table: copies its rows in rowid order, a step at a time. */
async function copyTable(
  copy: Database.Database,
  table: { name: string; withoutRowid: boolean },
  budget: { rows: number; pages: number },
  step: (s: StepReport) => void,
  nextTurn: () => Promise<void>,
) {
  const name = quoteIdentifier(table.name);
  const pageCount = copy.prepare<[], number>('PRAGMA main.page_count').pluck();
  if (table.withoutRowid) {
    // FTS5's small bookkeeping tables: no rowid to walk by, copied in one statement.
    const before = pageCount.get()!;
    const { changes } = copy.prepare(`INSERT INTO main.${name} SELECT * FROM live.${name}`).run();
    step({ phase: 'copy', table: table.name, rows: changes, pages: pageCount.get()! - before });
    return;
  }
  const columns = copy.prepare<[string], { name: string; type: string; pk: number; hidden: number }>('SELECT name, type, pk, hidden FROM pragma_table_xinfo(?, \'live\')').all(table.name);
  const stored = columns.filter((c) => c.hidden === 0);
  const keys = stored.filter((c) => c.pk > 0);
  // An INTEGER PRIMARY KEY is the rowid itself; any other table keeps its rowids explicitly (the search index refers to them).
  const rowidIsColumn = keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER';
  const list = [...(rowidIsColumn ? [] : ['rowid']), ...stored.map((c) => quoteIdentifier(c.name))].join(', ');
  const statement = (where: string) =>
    copy.prepare(`INSERT INTO main.${name} (${list}) SELECT ${list} FROM live.${name} ${where} ORDER BY rowid LIMIT ? RETURNING rowid`).pluck().safeIntegers(true);
  const first = statement('');
  const after = statement('WHERE rowid > ?');
  let limit = Math.min(budget.rows, FIRST_STEP_ROWS);
  let last: bigint | null = null;
  for (;;) {
    const before = pageCount.get()!;
    const rowids = (last === null ? first.all(limit) : after.all(last, limit)) as bigint[];
    const pages = pageCount.get()! - before;
    step({ phase: 'copy', table: table.name, rows: rowids.length, pages });
    if (rowids.length < limit) return;
    last = rowids[rowids.length - 1]!;
    // Long rows: fewer of them next time; short ones: more, up to the row limit.
    if (pages > budget.pages) limit = Math.max(1, Math.floor((limit * budget.pages) / pages));
    else if (pages * 2 < budget.pages) limit = Math.min(budget.rows, limit * 2);
    await nextTurn();
  }
}

/**
 * The store's own rows refused by its own schema in the copy (a NOT NULL, CHECK or UNIQUE
 * constraint, a STRICT column's type): the rows were read from damaged pages.
 */
function brokeItsOwnSchema(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH');
}

/** What the reviewer is told when a page of the store could not be read for the copy. */
export function damagedDatabaseWarning(databaseFile: string, folder: string): string {
  return (
    `Today's automatic backup found damage in the database ${databaseFile}, so the backup was not kept and no older backup was removed. ` +
    `Restore the newest good backup (they are in ${folder}) from Settings → Backups, or with: adoption-desk restore.`
  );
}

/**
 * Starts the day's automatic backup of the store in `databaseFile` (open or not: the backup
 * has its own connection) unless today's is already there. Returns at once; the work happens
 * in later turns of the event loop.
 */
export function startDailyBackup(databaseFile: string, options: DailyBackupOptions = {}): DailyBackupRun {
  const clock = options.clock ?? systemClock;
  const pagesPerStep = options.pagesPerStep ?? PAGES_PER_STEP;
  const rowsPerStep = options.rowsPerStep ?? ROWS_PER_STEP;
  const folder = backupFolderOf(databaseFile);
  let abandoned = false;
  let settled = false;
  let partial: string | null = null;
  let copy: Database.Database | null = null;

  const cleanUp = () => {
    try {
      copy?.close();
    } catch {
      // already closed
    }
    copy = null;
    if (partial) for (const suffix of JOURNAL_SUFFIXES) fs.rmSync(partial + suffix, { force: true });
    partial = null;
  };
  // When the current turn of the event loop began: a step's time is measured from there.
  let turnBegan = performance.now();
  let cpuBefore = process.cpuUsage();
  const turnBegins = () => {
    turnBegan = performance.now();
    cpuBefore = process.cpuUsage();
  };
  const nextTurn = async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    turnBegins();
  };
  const step = (s: StepReport) => {
    if (abandoned) throw new Abandoned();
    if (!options.onStep) return;
    const cpu = process.cpuUsage(cpuBefore);
    options.onStep({ ...s, ms: performance.now() - turnBegan, cpuMs: (cpu.user + cpu.system) / 1000 });
  };

  const run = async (): Promise<DailyBackupOutcome> => {
    const result: DailyBackupOutcome = { created: null, removed: [], warning: null, abandoned: false };
    try {
      if (dailyBackupDone(databaseFile, clock)) return result;
      await fs.promises.mkdir(folder, { recursive: true });
      turnBegins();
      const createdAt = new Date(Math.floor(clock().getTime() / 1000) * 1000);
      partial = partialNameFor(path.join(folder, backupFileName(databaseFile, createdAt, 'daily')));
      const target = partial;
      copy = new Database(target, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
      const into = copy;
      // A copy nobody uses until it is renamed: no journal, no fsync per write (step 4 syncs it once, off the main thread).
      into.pragma('journal_mode = OFF');
      into.pragma('synchronous = OFF');
      into.pragma(`cache_size = -${COPY_CACHE_KB}`);
      // Each INSERT … SELECT keeps a statement journal (to undo itself on a failed constraint): in memory, not a temporary file.
      into.pragma('temp_store = MEMORY');
      // Tables are filled one after the other; the references between them hold in the store.
      into.pragma('foreign_keys = OFF');
      // Off SQLite's defensive mode, on this private connection only: the full-text index's own
      // tables are copied as they are (VACUUM INTO does the same), not rebuilt from every note.
      into.unsafeMode(true);
      // Every page read is checked as it is first read (cell pointers, sizes): the copy's reading stands in for quick_check.
      into.pragma('cell_size_check = ON');
      into.prepare('ATTACH DATABASE ? AS live').run(databaseFile);
      for (const setting of ['page_size', 'auto_vacuum']) into.pragma(`main.${setting} = ${Number(into.pragma(`live.${setting}`, { simple: true }))}`);
      step({ phase: 'schema' });
      await nextTurn();
      // One transaction: the store is read as it was at its first read (step 2).
      into.exec('BEGIN');
      const { tables, last } = await createSchema(into, step, nextTurn);
      step({ phase: 'schema' });
      await nextTurn();
      for (const table of tables) {
        await copyTable(into, table, { rows: rowsPerStep, pages: pagesPerStep }, step, nextTurn);
        await nextTurn();
      }
      for (const sql of last) into.exec(sql);
      for (const setting of ['user_version', 'application_id']) into.pragma(`main.${setting} = ${Number(into.pragma(`live.${setting}`, { simple: true }))}`);
      into.exec('COMMIT');
      into.close();
      copy = null;
      step({ phase: 'finish' });
      // Step 4.
      await fsyncAsync(target, 'r+');
      if (abandoned) throw new Abandoned();
      const file = path.join(folder, freeName(folder, databaseFile, createdAt, 'daily'));
      await fs.promises.rename(target, file);
      partial = null;
      if (process.platform !== 'win32') await fsyncAsync(folder, 'r');
      const { size } = await fs.promises.stat(file);
      result.created = { file, createdAt: createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), reason: 'daily', bytes: size };
    } catch (error) {
      cleanUp();
      if (abandoned || error instanceof Abandoned) return { ...result, abandoned: true };
      result.warning = isCorruption(error) || brokeItsOwnSchema(error) ? damagedDatabaseWarning(databaseFile, folder) : dailyBackupWarning(folder, error);
      return result;
    }
    // Rotation, its deletions asynchronous too: unlinking a 300 MB file can take a while on some disks.
    try {
      const { backups, stalePartials } = rotationRemovals(databaseFile, clock);
      for (const file of [...backups, ...stalePartials]) await fs.promises.rm(file, { force: true });
      result.removed = backups;
    } catch (error) {
      result.warning = rotationWarning(error);
    }
    return result;
  };

  const done = run().finally(() => {
    settled = true;
  });
  return {
    done,
    abandon() {
      if (settled) return;
      abandoned = true;
      cleanUp();
    },
  };
}
