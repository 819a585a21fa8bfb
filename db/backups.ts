import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../domain/errors';
import { localDay, systemClock, type Clock } from './clock';
import { identifyDatabase } from './identity';
import { latestVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { ioReason, isCorruption, toDeskError } from './sqlite-errors';

/**
 * Backups of the store, and the checks that decide whether a database file can be trusted.
 *
 * Where: `<data folder>/backups/`, the data folder being the database file's folder.
 * Names sort by time and say why they were made:
 *   adoption-desk-2026-11-29T101500Z-daily.sqlite      (UTC time; `-2`, `-3` … if a second one lands in the same second)
 * The prefix is the database file's own name (`adoption-desk` for adoption-desk.sqlite), so two
 * databases sharing a folder never see, rotate or restore each other's backups.
 *
 * How: `VACUUM INTO` a hidden `.….partial` file, fsync, rename into place. The copy is a
 * consistent snapshot (WAL included), compact, self-contained (rollback journal mode, no
 * -wal/-shm beside it) and written synchronously; a failed or interrupted backup never
 * leaves a file that looks like a backup.
 *
 * Why (reasons):
 *   daily            – automatic, at the first open of a calendar day (local time) of a database that held data
 *   before-migration – written before any migration step changes the schema
 *   manual           – `backup now`
 *   before-restore   – the database a restore replaced, moved here as it was (never copied, never rewritten)
 *
 * Rotation (after each new daily backup, never after a failed one) deletes only `daily`
 * backups, with the rule of restic's `--keep-daily 7 --keep-weekly 4`:
 *   - keep the newest daily backup of each of the 7 newest calendar days that have one;
 *   - keep the newest daily backup of each of the 4 newest ISO weeks that have one
 *     (local time; the two rules overlap: this week's newest is also a kept day);
 *   - delete every other daily backup.
 * So a reviewer who opens the app every day has the last 7 days, plus one backup (the
 * newest, usually a Sunday's) of each of the 3 weeks before. Manual, before-migration and
 * before-restore backups are never deleted by rotation: only the reviewer removes them.
 */

export const BACKUP_FOLDER = 'backups';
export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export interface BackupFile {
  /** Absolute path of the backup. */
  file: string;
  /** When it was made (ISO 8601, UTC, whole seconds), read from its name. */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

/** What reading a database file needs: the driver build for this runtime (Electron's ABI in the app). */
export interface FileAccess {
  nativeBinding?: string;
}

export const backupFolderOf = (databaseFile: string): string => path.join(path.dirname(path.resolve(databaseFile)), BACKUP_FOLDER);
const stemOf = (databaseFile: string): string => path.parse(databaseFile).name;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `2026-11-29T101500Z`: UTC, whole seconds, no colons (they are not allowed in Windows file names). */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
}

export function backupFileName(databaseFile: string, date: Date, reason: BackupReason, sequence = 1): string {
  return `${stemOf(databaseFile)}-${fileTimestamp(date)}-${reason}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

interface ParsedName {
  createdAt: string;
  reason: BackupReason;
  sequence: number;
}

export function parseBackupFileName(databaseFile: string, name: string): ParsedName | null {
  const pattern = new RegExp(
    `^${escapeRegExp(stemOf(databaseFile))}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\.sqlite$`,
  );
  const match = pattern.exec(name);
  if (!match) return null;
  const [, day, hh, mm, ss, reason, sequence] = match;
  const createdAt = `${day}T${hh}:${mm}:${ss}.000Z`;
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) return null;
  return { createdAt: `${day}T${hh}:${mm}:${ss}Z`, reason: reason as BackupReason, sequence: sequence ? Number(sequence) : 1 };
}

/** The backups of `databaseFile`, newest first. A missing folder means none yet. */
export function listBackupFiles(databaseFile: string): BackupFile[] {
  try {
    return readBackupFolder(databaseFile);
  } catch (error) {
    throw toDeskError(error, { file: backupFolderOf(databaseFile), action: 'list the backups' });
  }
}

function readBackupFolder(databaseFile: string): BackupFile[] {
  const folder = backupFolderOf(databaseFile);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: (BackupFile & { sequence: number })[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(databaseFile, name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) continue;
      found.push({ file, createdAt: parsed.createdAt, reason: parsed.reason, bytes: stat.size, sequence: parsed.sequence });
    } catch {
      // Removed while we listed (rotation in another process): not a backup any more.
    }
  }
  found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence || b.file.localeCompare(a.file));
  return found.map(({ sequence: _sequence, ...info }) => info);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals the rename itself. */
function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function freeName(folder: string, databaseFile: string, date: Date, reason: BackupReason): string {
  for (let sequence = 1; ; sequence++) {
    const name = backupFileName(databaseFile, date, reason, sequence);
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

/** The hidden file a backup is written to before it is renamed to `target`; its name is this process's own. */
export function partialNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
}

/**
 * `VACUUM INTO` a hidden partial file, fsync it, rename it to `target`. Nothing is left behind on failure.
 * The partial file's name is this process's own: two commands opening the same database in the same
 * second both write the day's backup, and one must not delete or overwrite the other's half-written copy.
 */
function vacuumInto(db: Database.Database, target: string): void {
  const partial = partialNameFor(target);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncFolder(path.dirname(target));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Why a backup failed, in words ("the disk is full"). */
function backupFailureReason(error: unknown): string {
  if (error instanceof DeskError) return error.message;
  return ioReason(error) ?? (isCorruption(error) ? 'the database is damaged' : ((error as Error)?.message ?? String(error)));
}

/** Writes the backup; throws whatever the driver or the file system threw. */
function writeBackupFile(db: Database.Database, databaseFile: string, reason: BackupReason, clock: Clock): BackupFile {
  const folder = backupFolderOf(databaseFile);
  fs.mkdirSync(folder, { recursive: true });
  const createdAt = new Date(Math.floor(clock().getTime() / 1000) * 1000);
  const file = path.join(folder, freeName(folder, databaseFile, createdAt, reason));
  vacuumInto(db, file);
  return { file, createdAt: createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), reason, bytes: fs.statSync(file).size };
}

/**
 * Writes a backup of the open database `db` (whose file is `databaseFile`) now. Throws a
 * DeskError (IO_ERROR, or DATABASE_CORRUPT when the database cannot be read) on failure.
 */
export function writeBackup(db: Database.Database, databaseFile: string, reason: BackupReason, clock: Clock = systemClock): BackupFile {
  try {
    return writeBackupFile(db, databaseFile, reason, clock);
  } catch (error) {
    if (isCorruption(error)) {
      throw new DeskError('DATABASE_CORRUPT', `Could not write a backup: the database ${databaseFile} is damaged. The existing backups were kept.`);
    }
    throw new DeskError(
      'IO_ERROR',
      `Could not write a backup to ${backupFolderOf(databaseFile)}: ${backupFailureReason(error)}. The database was not changed.`,
    );
  }
}

// ---------------------------------------------------------------------------------------
// Rotation

/** `2026-W48`: the ISO week (Monday first; week 1 holds the year's first Thursday) of a local calendar day. */
export function isoWeekOf(date: Date): string {
  const thursday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7) + 3);
  const weekYear = thursday.getFullYear();
  const firstThursday = new Date(weekYear, 0, 4 - ((new Date(weekYear, 0, 4).getDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

const dayOf = (createdAt: string) => localDay(() => new Date(createdAt));

/**
 * Which backups rotation keeps and removes (see the rule at the top). Pure: the list in,
 * the verdict out. Only `daily` backups are ever in `remove`.
 */
export function planRotation(
  backups: readonly BackupFile[],
  keep: { daily: number; weekly: number } = { daily: KEEP_DAILY, weekly: KEEP_WEEKLY },
): { keep: BackupFile[]; remove: BackupFile[] } {
  const automatic = backups.filter((b) => b.reason === 'daily').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const kept = new Set<BackupFile>();
  const newestPer = (key: (b: BackupFile) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of automatic) {
      const k = key(b);
      if (seen.has(k)) continue;
      if (seen.size === count) break;
      seen.add(k);
      kept.add(b);
    }
  };
  newestPer((b) => dayOf(b.createdAt), keep.daily);
  newestPer((b) => isoWeekOf(new Date(b.createdAt)), keep.weekly);
  return {
    keep: backups.filter((b) => b.reason !== 'daily' || kept.has(b)),
    remove: automatic.filter((b) => !kept.has(b)),
  };
}

const STALE_PARTIAL_MS = 60 * 60 * 1000;

/**
 * What rotation deletes from the backups folder now: the daily backups the rule does not keep,
 * and hidden partial files older than an hour (a backup interrupted by a crash: nobody's).
 */
export function rotationRemovals(databaseFile: string, clock: Clock = systemClock): { backups: string[]; stalePartials: string[] } {
  const backups = planRotation(listBackupFiles(databaseFile)).remove.map((b) => b.file);
  const folder = backupFolderOf(databaseFile);
  const stalePartials: string[] = [];
  for (const name of fs.readdirSync(folder)) {
    // `.<backup name>.<pid>-<random>.partial` (or, from older versions, `.<backup name>.partial`)
    const partial = /^\.(.+?)(?:\.\d+-[0-9a-f]+)?\.partial$/.exec(name);
    if (!partial) continue;
    const parsed = parseBackupFileName(databaseFile, partial[1]!);
    if (parsed && clock().getTime() - new Date(parsed.createdAt).getTime() > STALE_PARTIAL_MS) stalePartials.push(path.join(folder, name));
  }
  return { backups, stalePartials };
}

/** Applies the rotation to the backups folder; returns the backups it removed. */
export function rotateBackups(databaseFile: string, clock: Clock = systemClock): string[] {
  const { backups, stalePartials } = rotationRemovals(databaseFile, clock);
  for (const file of [...backups, ...stalePartials]) fs.rmSync(file, { force: true });
  return backups;
}

export interface AutoBackupResult {
  created: BackupFile | null;
  removed: string[];
  /** Set when the backup or the rotation failed: report it, never stop the app for it. */
  warning: string | null;
}

/** Has today's automatic backup been written already? (A folder listing: cheap.) */
export function dailyBackupDone(databaseFile: string, clock: Clock = systemClock): boolean {
  try {
    const today = localDay(clock);
    return readBackupFolder(databaseFile).some((b) => b.reason === 'daily' && dayOf(b.createdAt) === today);
  } catch {
    return false;
  }
}

/**
 * The automatic backup at the opening (the command line: see db/daily-backup.ts for the app's,
 * written later in steps): at most one per calendar day (local time), then rotation. Never
 * throws: a full disk must not keep the reviewer from their notes, so a failure comes back
 * as a warning, and the older backups are not rotated away when the new one failed.
 */
export function autoBackup(db: Database.Database, databaseFile: string, clock: Clock = systemClock): AutoBackupResult {
  const result: AutoBackupResult = { created: null, removed: [], warning: null };
  const folder = backupFolderOf(databaseFile);
  try {
    const today = localDay(clock);
    if (readBackupFolder(databaseFile).some((b) => b.reason === 'daily' && dayOf(b.createdAt) === today)) return result;
    result.created = writeBackupFile(db, databaseFile, 'daily', clock);
  } catch (error) {
    result.warning = dailyBackupWarning(folder, error);
    return result;
  }
  return rotateAfterDaily(databaseFile, clock, result);
}

/** What the reviewer is told when the day's automatic backup failed (the same words whether it ran at the opening or later). */
export function dailyBackupWarning(folder: string, error: unknown): string {
  return (
    `Today's automatic backup could not be written to ${folder}: ${backupFailureReason(error)}. ` +
    'Your notes are safe in the database and the older backups were kept; free some space or fix the folder, then back up again.'
  );
}

/** Rotation after a new daily backup; a failure there is a warning in `result`, never a loss. */
function rotateAfterDaily(databaseFile: string, clock: Clock, result: AutoBackupResult): AutoBackupResult {
  try {
    result.removed = rotateBackups(databaseFile, clock);
  } catch (error) {
    result.warning = rotationWarning(error);
  }
  return result;
}

/** What the reviewer is told when old daily backups could not be deleted. */
export function rotationWarning(error: unknown): string {
  return `Old automatic backups could not be cleaned up: ${ioReason(error) ?? (error as Error).message}. Nothing was lost.`;
}

// ---------------------------------------------------------------------------------------
// Checking a database file without writing to it

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The first 16 bytes say "SQLite format 3". Returns false for an empty file (a new
 * database); throws DATABASE_CORRUPT for anything else, before SQLite can write to it.
 */
export function assertLooksLikeSqlite(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return false;
    if (read < 16 || !header.equals(SQLITE_HEADER)) {
      throw new DeskError('DATABASE_CORRUPT', `The file ${file} is not an Adoption Desk database, or it is damaged. It was left untouched.`);
    }
    return true;
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw new DeskError('IO_ERROR', `Could not read the database ${file}: ${ioReason(error) ?? (error as Error).message}.`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function openReadOnly(file: string, access: FileAccess = {}): Database.Database {
  return new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}),
  });
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The cheap check run at every open: `PRAGMA quick_check` of each b-tree (tables, their
 * indexes, the FTS index's own tables), one table at a time. What it leaves out is the
 * full-text index's self-check (FTS5 re-reads every note to compare it with the index):
 * that alone is half of a plain `quick_check` on a 50 MB store, and the index can be
 * rebuilt from the notes. Returns the first problem found, or null.
 */
/**
 * The check of every other open of the day: read the schema and the first page of every
 * b-tree. Catches a damaged schema or a truncated file in about a millisecond; deeper
 * damage is caught by the day's first open (quickCheck), by the daily backup (which
 * reads every page), or where a read meets it (DATABASE_CORRUPT either way).
 */
export function schemaCheck(db: Database.Database): string | null {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 AND name NOT LIKE 'sqlite_%'").pluck().all();
  for (const table of tables) db.prepare(`SELECT 1 FROM ${quoteIdentifier(table)} LIMIT 1`).get();
  return null;
}

export function quickCheck(db: Database.Database): string | null {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY rootpage").pluck().all();
  for (const table of ['sqlite_schema', ...tables]) {
    const rows = db.prepare<[], string>(`PRAGMA quick_check(${quoteIdentifier(table)})`).pluck().all();
    if (rows.length !== 1 || rows[0] !== 'ok') return rows.slice(0, 3).join('; ');
  }
  return null;
}

/** The thorough check (restore): every page, every index entry, the FTS index against the notes. */
export function integrityCheck(db: Database.Database): string | null {
  const rows = db.prepare<[], string>('PRAGMA integrity_check').pluck().all();
  return rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 3).join('; ');
}

export interface FileVerdict {
  /** Null when the file is sound; else what is wrong, in SQLite's words (for details and logs, not the screen). */
  damage: string | null;
  userVersion: number;
  /** Carries Adoption Desk's application id, or (written before it was stamped) its schema: db/identity.ts. */
  isAdoptionDesk: boolean;
}

/**
 * Opens `file` read-only and checks it. Corruption is a verdict (damage set), not an
 * exception; an error that says nothing about the file's health (cannot open, busy,
 * a hot journal a read-only connection may not roll back) is thrown as it came.
 */
export function inspectDatabaseFile(file: string, depth: 'schema' | 'quick' | 'full', access: FileAccess = {}): FileVerdict {
  let db: Database.Database | undefined;
  try {
    db = openReadOnly(file, access);
    const damage = depth === 'full' ? integrityCheck(db) : depth === 'quick' ? quickCheck(db) : schemaCheck(db);
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const isAdoptionDesk = identifyDatabase(db).kind === 'ours';
    return { damage, userVersion, isAdoptionDesk };
  } catch (error) {
    if (isCorruption(error)) return { damage: (error as Error).message, userVersion: 0, isAdoptionDesk: false };
    throw error;
  } finally {
    db?.close();
  }
}

/**
 * Verifies a file meant to become the database (a backup to restore): it exists, is an
 * SQLite file that passes `PRAGMA integrity_check`, and is an Adoption Desk database this
 * version can open (schema 1…latest, has `project`). Throws a DeskError that says why not;
 * the file is only read.
 */
export function verifyBackupFile(file: string, access: FileAccess & { latest?: number } = {}): { userVersion: number } {
  if (!fs.existsSync(file)) throw new DeskError('NOT_FOUND', `There is no backup at ${file}. "adoption-desk backup list" shows the backups.`);
  if (!fs.statSync(file).isFile()) throw new DeskError('VALIDATION', `${file} is a folder, not a backup file.`);
  let sqlite: boolean;
  try {
    sqlite = assertLooksLikeSqlite(file);
  } catch (error) {
    if (error instanceof DeskError && error.code === 'IO_ERROR') throw new DeskError('IO_ERROR', `${error.message} Nothing was restored.`);
    sqlite = false;
  }
  if (!sqlite) {
    throw new DeskError('DATABASE_CORRUPT', `The file ${file} is not an Adoption Desk backup (it is not an SQLite database, or it is damaged). Nothing was restored.`);
  }
  let verdict: FileVerdict;
  try {
    verdict = inspectDatabaseFile(file, 'full', access);
  } catch (error) {
    throw toDeskError(error, { file, action: 'read the backup', outcome: 'Nothing was restored.' });
  }
  const latest = access.latest ?? latestVersion(MIGRATIONS);
  if (verdict.damage !== null) {
    throw new DeskError('DATABASE_CORRUPT', `The backup ${file} is damaged (it fails SQLite's integrity check). Nothing was restored; choose another backup.`, {
      file,
      damage: verdict.damage,
    });
  }
  if (!verdict.isAdoptionDesk || verdict.userVersion < 1) {
    throw new DeskError('DATABASE_CORRUPT', `The file ${file} is an SQLite database, but not an Adoption Desk one. Nothing was restored.`);
  }
  if (verdict.userVersion > latest) {
    throw new DeskError(
      'DATABASE_TOO_NEW',
      `The backup ${file} was written by a newer version of Adoption Desk (schema ${verdict.userVersion}; this version knows ${latest}). Update the app to restore it. Nothing was restored.`,
    );
  }
  return { userVersion: verdict.userVersion };
}

/** The newest backup that passes `verifyBackupFile`, or null. Slow on purpose (full checks): for error paths. */
export function newestGoodBackup(databaseFile: string, access: FileAccess & { latest?: number } = {}): BackupFile | null {
  let backups: BackupFile[];
  try {
    backups = listBackupFiles(databaseFile);
  } catch {
    return null;
  }
  for (const backup of backups) {
    try {
      verifyBackupFile(backup.file, access);
      return backup;
    } catch {
      // damaged, foreign or unreadable: try the next older one
    }
  }
  return null;
}

/** DATABASE_CORRUPT for the live database, naming the file and what to restore. */
export function damagedDatabaseError(
  databaseFile: string,
  damage: string | null,
  access: FileAccess & { latest?: number; untouched?: boolean } = {},
): DeskError {
  const good = newestGoodBackup(databaseFile, access);
  const advice = good
    ? `The newest good backup is ${good.file} (made ${good.createdAt}); restore it with: adoption-desk restore "${good.file}" (the damaged file is kept).`
    : `There is no good backup in ${backupFolderOf(databaseFile)}.`;
  return new DeskError(
    'DATABASE_CORRUPT',
    `The database ${databaseFile} is damaged, so Adoption Desk did not open it${access.untouched === false ? '' : '; the file was left untouched'}. ${advice}`,
    { file: databaseFile, newestGoodBackup: good?.file ?? null, damage },
  );
}

// ---------------------------------------------------------------------------------------
// Restore

/**
 * First half of a restore, touching nothing of the live database: verifies `backup`
 * (integrity_check, Adoption Desk schema this version knows), copies it with VACUUM INTO
 * beside the database as a hidden staging file, fsyncs and quick-checks the copy.
 * Returns the staging file; on failure nothing is left behind.
 */
export function stageRestore(backup: string, databaseFile: string, clock: Clock = systemClock, access: FileAccess & { latest?: number } = {}): string {
  verifyBackupFile(backup, access);
  const folder = path.dirname(path.resolve(databaseFile));
  const staged = path.join(folder, `.${stemOf(databaseFile)}.restoring-${fileTimestamp(clock())}.sqlite`);
  let source: Database.Database | undefined;
  try {
    fs.rmSync(staged, { force: true });
    source = openReadOnly(backup, access);
    vacuumInto(source, staged);
    source.close();
    source = undefined;
    const verdict = inspectDatabaseFile(staged, 'quick', access);
    if (verdict.damage !== null) throw new DeskError('IO_ERROR', `The copy of the backup in ${folder} did not read back intact. Nothing was restored.`);
    return staged;
  } catch (error) {
    source?.close();
    fs.rmSync(staged, { force: true });
    if (error instanceof DeskError) throw error;
    throw new DeskError('IO_ERROR', `Could not copy the backup into ${folder}: ${ioReason(error) ?? (error as Error).message}. Nothing was restored.`);
  }
}

/**
 * Refuses (IO_ERROR) when another connection still has the database open: an Adoption Desk
 * window while the command line restores, or the reverse. Moving the file under it would
 * send its next edits into the replaced file. The test is SQLite's own: an exclusive lock
 * cannot be had while any other connection holds the file. A file too damaged to lock says
 * nothing about other users and passes.
 */
export function assertNotInUse(databaseFile: string, access: FileAccess = {}): void {
  if (!fs.existsSync(databaseFile)) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(databaseFile, { fileMustExist: true, ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}) });
    db.pragma('busy_timeout = 500');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new DeskError(
        'IO_ERROR',
        `Another program has the database ${databaseFile} open (an Adoption Desk window or command). Close it, then restore again. Nothing was changed.`,
      );
    }
  } finally {
    db?.close();
  }
}

/**
 * Second half, run while the store is closed: refuses if another connection holds the
 * database (assertNotInUse), then moves the current database (with any
 * -wal/-shm beside it, so nothing committed is lost) into the backups folder as a
 * `before-restore` backup, byte for byte, then renames the staged copy into place. If a
 * step fails, the moves made so far are undone and the error is thrown. Returns where
 * the replaced database is kept (null when there was none).
 */
export function swapInRestored(databaseFile: string, staged: string, clock: Clock = systemClock, access: FileAccess = {}): string | null {
  assertNotInUse(databaseFile, access);
  const folder = backupFolderOf(databaseFile);
  const moved: [from: string, to: string][] = [];
  let keptAt: string | null = null;
  try {
    if (fs.existsSync(databaseFile)) {
      fs.mkdirSync(folder, { recursive: true });
      keptAt = path.join(folder, freeName(folder, databaseFile, clock(), 'before-restore'));
      try {
        fs.renameSync(databaseFile, keptAt);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        // backups/ on another disk: keep it beside the database instead.
        keptAt = path.join(path.dirname(databaseFile), `${stemOf(databaseFile)}.replaced-${fileTimestamp(clock())}.sqlite`);
        fs.renameSync(databaseFile, keptAt);
      }
      moved.push([databaseFile, keptAt]);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (!fs.existsSync(databaseFile + suffix)) continue;
      // Without a kept main file a stale journal belongs to nothing; keep it anyway, never delete.
      const to = (keptAt ?? path.join(folder, `${path.basename(databaseFile)}.stale-${fileTimestamp(clock())}`)) + suffix;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(databaseFile + suffix, to);
      moved.push([databaseFile + suffix, to]);
    }
    fs.renameSync(staged, databaseFile);
    fsyncFolder(path.dirname(databaseFile));
    if (keptAt) fsyncFolder(path.dirname(keptAt));
    return keptAt;
  } catch (error) {
    for (const [from, to] of moved.reverse()) {
      try {
        fs.renameSync(to, from);
      } catch {
        // keep going: every file is still somewhere, and the message says where
      }
    }
    throw new DeskError(
      'IO_ERROR',
      `Could not put the backup in place: ${ioReason(error) ?? (error as Error).message} (${databaseFile}). The database was left as it was.`,
    );
  }
}
