import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../domain/errors';
import { autoBackup, dailyBackupDone, damagedDatabaseError, openReadOnly, quickCheck, schemaCheck, writeBackup } from './backups';
import { systemClock, type Clock } from './clock';
import { APPLICATION_ID, blankDatabaseError, examineDatabasePath, foreignDatabaseError, identifyDatabase, type Identity } from './identity';
import { latestVersion, migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { ioReason, isCorruption, toDeskError } from './sqlite-errors';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string;
  /** Refuse to create the file when it is missing (the CLI's read commands). */
  mustExist?: boolean;
  /**
   * Called with the database's current schema version before a migration changes it,
   * after the before-migration backup was written (that backup is not optional).
   */
  beforeMigrate?: (file: string, fromVersion: number) => void;
  migrations?: readonly Migration[];
  /** Time for backup names and the once-a-day rule; tests fix it. */
  clock?: Clock;
  /**
   * Write the day's automatic backup (at most one per calendar day) and rotate old ones,
   * after opening a database that already held data. Off by default here; the Desk turns it on.
   */
  autoBackup?: boolean;
  /**
   * With `autoBackup`: the day's backup is due but is NOT written here; this is called instead,
   * and the caller writes it once the first screen is answered (db/daily-backup.ts: the desktop
   * app and `serve`). The day's first opening then reads only the schema, as later ones do: the
   * deferred backup reads every row back instead of the per-table check.
   */
  deferDailyBackup?: () => void;
  /** Told about problems that did not stop the opening (an automatic backup that failed), in plain words. */
  onWarning?: (message: string) => void;
  /** Open without the right to write: edits fail with IO_ERROR, nothing is migrated or backed up. */
  readOnly?: boolean;
}

function ensureFolder(file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new DeskError('IO_ERROR', `Could not create the data folder ${path.dirname(file)}: ${(error as NodeJS.ErrnoException).code ?? 'refused'}.`);
  }
}

/**
 * Reads the file front to back in 1 MB steps so the check below finds it in the page
 * cache: after a reboot the check's page-by-page reads cost ~1 s on a 50 MB store, a
 * sequential read first brings that to ~0.4 s; when the file is already cached it costs
 * ~15 ms. Failures are left to the check itself.
 */
function readAhead(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    let position = 0;
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, position)) > 0) position += read;
  } catch {
    // the check will meet the same problem and report it properly
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Up to this size a WAL-mode file is read into memory to be identified (see below). */
const IN_MEMORY_PEEK_BYTES = 64 * 1024 * 1024;

/**
 * Whose a WAL-mode file is, told without leaving a trace beside it. A read-only connection
 * to a WAL-mode database whose log is not there (it was closed cleanly) creates the -wal
 * and -shm files and cannot remove them: another application's folder would gain two
 * files. Read into memory instead (the header marked as rollback mode, which the in-memory
 * copy needs), the file alone says it all, since no log holds newer pages. Null when a
 * read-only connection adds nothing (rollback mode, or a log already there) or the file is
 * too large to copy; the read-only connection then decides.
 */
function identifyWithoutTrace(file: string, target: { applicationId: number; wal: boolean; size: number }, options: OpenOptions): Identity | null {
  // Our own store (its header says so) is opened read-write anyway: nothing to keep clean, nothing to copy.
  if (target.applicationId === APPLICATION_ID) return null;
  if (!target.wal || target.size > IN_MEMORY_PEEK_BYTES || fs.existsSync(`${file}-wal`)) return null;
  let image: Buffer;
  try {
    image = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (image.length >= 20) image[18] = image[19] = 1;
  let db: Database.Database | undefined;
  try {
    db = new Database(image, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    return identifyDatabase(db);
  } catch {
    // damaged or unreadable in memory: the read-only connection gives the proper verdict
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Before the read-write connection touches an existing SQLite file, a read-only one decides
 * whose it is (db/identity.ts) and whether it is sound. Another application's database and,
 * for a command that only reads, a blank one are refused; so is a store of ours with damaged
 * pages: the read-only connection runs the per-table `quick_check` (see db/backups.ts; about
 * 60 ms on a 50 MB store) or, later in the day, reads the schema. The main file is never
 * written. I/O errors that say nothing about the file (busy, a hot journal only a writer may
 * roll back, no -shm allowed) leave the verdict to the read-write connection, which looks
 * again before it writes anything.
 */
function assertOursAndSound(file: string, options: OpenOptions, latest: number, depth: 'schema' | 'quick', creating: boolean): void {
  let damage: string | null;
  let db: Database.Database | undefined;
  try {
    db = openReadOnly(file, options);
    const identity = identifyDatabase(db);
    if (identity.kind === 'foreign') throw foreignDatabaseError(file, identity.what);
    if (identity.kind === 'blank') {
      if (!creating) throw blankDatabaseError(file, false);
      return;
    }
    // Only a store of ours is read through: another application's file may be large.
    if (depth === 'quick') readAhead(file);
    damage = depth === 'quick' ? quickCheck(db) : schemaCheck(db);
  } catch (error) {
    if (error instanceof DeskError) throw error;
    if (isCorruption(error)) damage = (error as Error).message;
    else if (ioReason(error) !== null) return;
    else throw error;
  } finally {
    db?.close();
  }
  if (damage !== null) throw damagedDatabaseError(file, damage, { ...options, latest });
}

/**
 * Opens (creating if needed) and migrates the store. Pragmas: WAL so readers never
 * block the writer; synchronous=FULL because a note typed during a live call must
 * survive a power cut; foreign keys on; a busy timeout so the CLI and the app can
 * share the file.
 *
 * Refusals leave the file byte-identical: not a regular file, not an SQLite file (header),
 * another application's database or, for a command that only reads, a blank one
 * (db/identity.ts), damaged pages (read-only quick check), a newer schema (checked before
 * journal_mode can rewrite the header). Before any migration step a `before-migration` backup is written; if it
 * cannot be, the database is not migrated (always here, synchronously, whatever `deferDailyBackup` says).
 * With `autoBackup`, the day's backup follows the open (or is left to the caller: `deferDailyBackup`);
 * its failure is a warning (`onWarning`), never a refusal.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const clock = options.clock ?? systemClock;
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  // Only commands that create may start a database in a missing or blank file; the others
  // would otherwise hide a mistyped --db behind an empty list, and change the file.
  const creating = !(options.mustExist || options.readOnly);
  // Folders, pipes, links to nothing and non-SQLite bytes are refused here, before any read
  // could block or any write could happen.
  const target = examineDatabasePath(file);
  if (target.kind === 'missing' && !creating) {
    throw new DeskError('DATABASE_MISSING', `There is no database at ${file}.`);
  }
  if (target.kind === 'empty' && !creating) throw blankDatabaseError(file, true);
  const holdsData = target.kind === 'sqlite';
  if (holdsData) {
    const early = identifyWithoutTrace(file, target, options);
    if (early?.kind === 'foreign') throw foreignDatabaseError(file, early.what);
    if (early?.kind === 'blank' && !creating) throw blankDatabaseError(file, false);
  }
  // The thorough per-table check runs on the day's first open (when the daily backup is due
  // and reads every page anyway) and whenever no daily backup is kept; later opens that day
  // only read the schema, so starting the app or a CLI command stays fast.
  // With a deferred backup the day's first opening is as fast as the others: the backup reads every row back later.
  const thorough = !options.autoBackup || (!options.deferDailyBackup && !dailyBackupDone(file, clock));
  if (holdsData) assertOursAndSound(file, options, latest, thorough ? 'quick' : 'schema', creating);
  if (target.kind === 'missing') ensureFolder(file);

  const driverOptions: Database.Options = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (options.readOnly) Object.assign(driverOptions, { readonly: true, fileMustExist: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, driverOptions);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // The authoritative look, before anything is written: it sees a write-ahead log the raw
    // header does not, and a file another process created since the first look.
    const identity = identifyDatabase(db);
    if (identity.kind === 'foreign') throw foreignDatabaseError(file, identity.what);
    if (identity.kind === 'blank' && !creating) throw blankDatabaseError(file, target.kind !== 'sqlite');
    // A newer schema must be refused before journal_mode can rewrite the header.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      migrate(db, migrations, { file });
    }
    if (options.readOnly) {
      if (version < latest) {
        throw new DeskError(
          'IO_ERROR',
          `The database ${file} needs an upgrade (schema ${version} to ${latest}), but it was opened read-only. Nothing was changed.`,
        );
      }
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Search reads many index pages: a 32 MB page cache and memory-mapped reads keep a
    // warm search within its 10 ms budget on a store of 10,000 interviews.
    db.pragma('cache_size = -32768');
    db.pragma('mmap_size = 268435456');
    const live = db;
    migrate(db, migrations, {
      file,
      // Under the write lock: a blank file someone else filled meanwhile is looked at again.
      insideLock: () => {
        const now = identifyDatabase(live);
        if (now.kind === 'foreign') throw foreignDatabaseError(file, now.what);
      },
      beforeMigrate: (from) => {
        try {
          writeBackup(live, file, 'before-migration', clock);
        } catch (error) {
          throw new DeskError(
            'IO_ERROR',
            `Adoption Desk must upgrade the database ${file} (schema ${from} to ${latest}) but could not back it up first, so it did not upgrade it. ${(error as Error).message}`,
          );
        }
        options.beforeMigrate?.(file, from);
      },
    });
  } catch (error) {
    db?.close();
    const mapped = toDeskError(error, { file, action: 'open the database' });
    if (mapped instanceof DeskError && mapped.code === 'DATABASE_CORRUPT' && !(error instanceof DeskError)) {
      throw damagedDatabaseError(file, (error as Error).message, { ...options, latest, untouched: false });
    }
    throw mapped;
  }
  if (options.autoBackup && holdsData && options.deferDailyBackup) {
    options.deferDailyBackup();
  } else if (options.autoBackup && holdsData) {
    const { warning } = autoBackup(db, file, clock);
    if (warning) options.onWarning?.(warning);
  }
  return db;
}
