import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../domain/errors';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { toDeskError } from './sqlite-errors';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string;
  /** Refuse to create the file when it is missing (the CLI's read commands). */
  mustExist?: boolean;
  /** Called with the database's current schema version before a migration changes it. */
  beforeMigrate?: (file: string, fromVersion: number) => void;
  migrations?: readonly Migration[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A file that is not an SQLite database is refused before SQLite ever writes to it. */
function assertLooksLikeSqlite(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return; // an empty file is a new database
    if (read < 16 || !header.equals(SQLITE_HEADER)) {
      throw new DeskError('DATABASE_CORRUPT', `The file ${file} is not an Adoption Desk database, or it is damaged. It was left untouched.`);
    }
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw new DeskError('IO_ERROR', `Could not read the database ${file}: ${(error as Error).message}.`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function ensureFolder(file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new DeskError('IO_ERROR', `Could not create the data folder ${path.dirname(file)}: ${(error as NodeJS.ErrnoException).code ?? 'refused'}.`);
  }
}

/**
 * Opens (creating if needed) and migrates the store. Pragmas: WAL so readers never
 * block the writer; synchronous=FULL because a note typed during a live call must
 * survive a power cut; foreign keys on; a busy timeout so the CLI and the app can
 * share the file.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const exists = fs.existsSync(file);
  if (!exists && options.mustExist) {
    throw new DeskError('DATABASE_MISSING', `There is no database at ${file}.`);
  }
  if (exists) assertLooksLikeSqlite(file);
  else ensureFolder(file);

  const driverOptions: Database.Options = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let db: Database.Database | undefined;
  try {
    db = new Database(file, driverOptions);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // A newer schema must be refused before journal_mode can rewrite the header.
    const version = db.pragma('user_version', { simple: true }) as number;
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = migrations.at(-1)?.version ?? 0;
    if (version > latest) {
      migrate(db, migrations, { file });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db, migrations, {
      file,
      beforeMigrate: (from) => options.beforeMigrate?.(file, from),
    });
    return db;
  } catch (error) {
    db?.close();
    throw toDeskError(error, { file, action: 'open the database' });
  }
}
