import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../domain/errors';
import { assertLooksLikeSqlite, autoBackup, dailyBackupDone, damagedDatabaseError, inspectDatabaseFile, writeBackup } from './backups';
import { systemClock, type Clock } from './clock';
import { latestVersion, migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { ioReason, toDeskError } from './sqlite-errors';

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

/**
 * A database with a valid header but damaged pages is refused before the read-write
 * connection touches it: a read-only connection runs the per-table `quick_check` (see
 * db/backups.ts; about 60 ms on a 50 MB store) or, later in the day, reads the schema. The main file is
 * never written. I/O errors that say nothing about damage (busy, a hot journal only a
 * writer may roll back, no -shm allowed) leave the verdict to the normal open.
 */
function assertNotDamaged(file: string, options: OpenOptions, latest: number, depth: 'schema' | 'quick'): void {
  let damage: string | null;
  try {
    if (depth === 'quick') readAhead(file);
    damage = inspectDatabaseFile(file, depth, options).damage;
  } catch (error) {
    if (ioReason(error) !== null) return;
    throw error;
  }
  if (damage !== null) throw damagedDatabaseError(file, damage, { ...options, latest });
}

/**
 * Opens (creating if needed) and migrates the store. Pragmas: WAL so readers never
 * block the writer; synchronous=FULL because a note typed during a live call must
 * survive a power cut; foreign keys on; a busy timeout so the CLI and the app can
 * share the file.
 *
 * Refusals leave the file byte-identical: not an SQLite file (header), damaged pages
 * (read-only quick check), a newer schema (checked before journal_mode can rewrite the
 * header). Before any migration step a `before-migration` backup is written; if it
 * cannot be, the database is not migrated. With `autoBackup`, the day's backup follows
 * the open; its failure is a warning (`onWarning`), never a refusal.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const clock = options.clock ?? systemClock;
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  const exists = fs.existsSync(file);
  if (!exists && (options.mustExist || options.readOnly)) {
    throw new DeskError('DATABASE_MISSING', `There is no database at ${file}.`);
  }
  const holdsData = exists && assertLooksLikeSqlite(file);
  // The thorough per-table check runs on the day's first open (when the daily backup is due
  // and reads every page anyway) and whenever no daily backup is kept; later opens that day
  // only read the schema, so starting the app or a CLI command stays fast.
  const thorough = !options.autoBackup || !dailyBackupDone(file, clock);
  if (holdsData) assertNotDamaged(file, options, latest, thorough ? 'quick' : 'schema');
  if (!exists) ensureFolder(file);

  const driverOptions: Database.Options = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (options.readOnly) Object.assign(driverOptions, { readonly: true, fileMustExist: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, driverOptions);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
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
  if (options.autoBackup && holdsData) {
    const { warning } = autoBackup(db, file, clock);
    if (warning) options.onWarning?.(warning);
  }
  return db;
}
