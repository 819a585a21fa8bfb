import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../domain/errors';

/**
 * Whose file is this? A reviewer may point `--db` (or the data folder) at any file: another
 * application's SQLite database, an empty file, a folder, a named pipe. Adoption Desk opens
 * only what is its own, and leaves everything else byte for byte as it found it.
 *
 * - Our store carries `PRAGMA application_id` = APPLICATION_ID (stamped by migration 10).
 *   Stores written before that are recognised by their schema — the `project` table of
 *   migration 1 with its columns, and a schema version — and stamped by that migration.
 * - A file of zero bytes, or an SQLite file with no schema at all, is blank: ours to create
 *   in, but only for commands that create (a read-only command refuses it).
 * - Only regular files (or links to one) are opened: a folder, a FIFO, a socket or a device
 *   is refused before anything reads from it (reading a FIFO would wait forever).
 *
 * Refusals are DeskErrors with code DATABASE_MISSING (there is no Adoption Desk database
 * there: exit 4 on the command line, and not a case a restore may "repair" by replacing
 * the file), each saying what the file is instead.
 */

/** "ADsk" in the database header (offset 68), so `file` and tools can tell our stores apart. */
export const APPLICATION_ID = 0x4144736b;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The columns migration 1 gave `project`; every store of ours has them, whatever came later. */
const PROJECT_COLUMNS = ['id', 'name', 'slug', 'level', 'version', 'created_at', 'updated_at'];

export type PathKind =
  | { kind: 'missing' }
  | { kind: 'empty' }
  /**
   * Starts with the SQLite header. The application id read from it may be stale while a
   * write-ahead log holds newer pages; `wal`: the header says the file is in WAL mode.
   */
  | { kind: 'sqlite'; applicationId: number; wal: boolean; size: number };

const untouched = 'Adoption Desk did not open it; it was left untouched.';

function refuse(message: string): DeskError {
  return new DeskError('DATABASE_MISSING', message);
}

/** A file's kind in words, for anything but a regular file. */
function describeSpecial(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * What stands at `file`, read without writing and without waiting: the header is read
 * through a non-blocking descriptor, checked to be a regular file after opening (so a
 * pipe swapped in after the first look cannot stall the read). Throws a DeskError for
 * anything that is not a regular file, a link to nothing, or bytes that are not SQLite.
 */
export function examineDatabasePath(file: string): PathKind {
  let link: fs.Stats;
  try {
    link = fs.lstatSync(file);
  } catch (error) {
    // ENOTDIR: a file stands where a folder of the path should be; creating the folder says so.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    throw new DeskError('IO_ERROR', `Could not look at ${file}: ${(error as NodeJS.ErrnoException).code ?? 'refused'}. Nothing was changed.`);
  }
  let stat = link;
  if (link.isSymbolicLink()) {
    try {
      stat = fs.statSync(file);
    } catch {
      let target = '';
      try {
        target = path.resolve(path.dirname(file), fs.readlinkSync(file));
      } catch {
        // the link vanished meanwhile: describe it without its target
      }
      throw refuse(
        `${file} is a link to ${target || 'a file'} which does not exist, so there is no Adoption Desk database there. ${untouched} Name the database file itself.`,
      );
    }
  }
  const via = link.isSymbolicLink() ? ` (through a link)` : '';
  if (!stat.isFile()) {
    throw refuse(`${file} is ${describeSpecial(stat)}${via}, not an Adoption Desk database file. ${untouched} Adoption Desk opens only regular files.`);
  }
  if (stat.size === 0) return { kind: 'empty' };

  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) {
      throw refuse(`${file} is ${describeSpecial(opened)}${via}, not an Adoption Desk database file. ${untouched} Adoption Desk opens only regular files.`);
    }
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    if (read === 0) return { kind: 'empty' };
    if (read < 16 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
      throw new DeskError(
        'DATABASE_CORRUPT',
        `The file ${file} is not an Adoption Desk database: it is not an SQLite database at all (or it is one damaged beyond reading). It was left untouched.`,
      );
    }
    return {
      kind: 'sqlite',
      applicationId: read >= 72 ? header.readUInt32BE(68) : 0,
      // Bytes 18 and 19 (write and read format) are 2 in WAL mode.
      wal: read >= 20 && (header[18] === 2 || header[19] === 2),
      size: opened.size,
    };
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw new DeskError('IO_ERROR', `Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'refused'}. Nothing was changed.`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export type Identity =
  | { kind: 'ours'; stamped: boolean }
  /** No schema objects, no version, no application id: a database nobody has written to. */
  | { kind: 'blank' }
  | { kind: 'foreign'; what: string };

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** "a, b and 3 more": enough names to recognise the application, never a wall of them. */
function listNames(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** The id as hex, and as its four letters when they are printable (GeoPackage says "GPKG"). */
function describeApplicationId(id: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(id >>> 0);
  const letters = bytes.toString('latin1');
  const printable = /^[\x20-\x7e]{4}$/.test(letters);
  return `0x${(id >>> 0).toString(16).padStart(8, '0')}${printable ? `, "${letters}"` : ''}`;
}

/**
 * Reads, through an open connection and without writing, whose database this is. Reads
 * the pages as SQLite sees them (a write-ahead log included), unlike the raw header.
 */
export function identifyDatabase(db: Database.Database): Identity {
  // One read transaction: every read below sees the same state of the file. Read one by one,
  // another process creating the store could commit in between (no tables, no version, then
  // all the tables), and the store would look like some other application's.
  return db.transaction(() => identifySnapshot(db))();
}

function identifySnapshot(db: Database.Database): Identity {
  const applicationId = (db.pragma('application_id', { simple: true }) as number) >>> 0;
  if (applicationId === APPLICATION_ID) return { kind: 'ours', stamped: true };
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const objects = db.prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all();
  const tables = objects.filter((o) => o.type === 'table').map((o) => o.name);
  if (applicationId !== 0) {
    return {
      kind: 'foreign',
      what: `an SQLite database of another application (its application id is ${describeApplicationId(applicationId)}${tables.length ? `; its tables: ${listNames(tables)}` : ''})`,
    };
  }
  if (objects.length === 0 && userVersion === 0) return { kind: 'blank' };
  if (tables.includes('project') && userVersion >= 1) {
    const columns = new Set(db.prepare<[], { name: string }>(`PRAGMA table_info(${quoteIdentifier('project')})`).all().map((c) => c.name));
    if (PROJECT_COLUMNS.every((c) => columns.has(c))) return { kind: 'ours', stamped: false };
  }
  if (tables.length === 0) {
    return { kind: 'foreign', what: `an SQLite database without tables that is not Adoption Desk's (${objects.length ? `it holds ${listNames(objects.map((o) => `${o.type} ${o.name}`))}` : `its schema version is ${userVersion}`})` };
  }
  const project = tables.includes('project') ? `; it has a table named "project", but not Adoption Desk's` : '';
  return { kind: 'foreign', what: `an SQLite database of another application (its tables: ${listNames(tables)}${project})` };
}

/** The refusal for a database that is not ours. */
export function foreignDatabaseError(file: string, what: string): DeskError {
  return refuse(
    `The file ${file} is ${what}, not an Adoption Desk database. ${untouched} Choose your Adoption Desk database, or a new file name to start one.`,
  );
}

/** The refusal of a blank file (zero bytes, or an SQLite file with nothing in it) by a command that only reads. */
export function blankDatabaseError(file: string, zeroBytes: boolean): DeskError {
  return refuse(
    `The file ${file} is ${zeroBytes ? 'empty (0 bytes)' : 'an empty SQLite database'}: there is no Adoption Desk database in it yet. ${untouched} A command that adds data (such as project add) starts one in it.`,
  );
}
