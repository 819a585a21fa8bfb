import type Database from 'better-sqlite3';
import { DeskError } from '../domain/errors';
import type { Migration } from './migrations/types';

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** A gap or a repeat in the list is a programming error: refuse to run rather than guess. */
export function assertMonotonic(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration "${m.name}" has version ${m.version}, which does not follow ${previous}.`);
    }
    previous = m.version;
  }
}

export function pendingMigrations(current: number, migrations: readonly Migration[]): Migration[] {
  return migrations.filter((m) => m.version > current);
}

/**
 * Runs every pending step in ONE transaction: either the file reaches the latest
 * version or it stays exactly as it was. `beforeMigrate` runs first (the backup),
 * only when there is something to migrate in a database that already holds data.
 *
 * Safe when several processes open the same file at once (two commands creating a new
 * database, the app and a command after an update): the transaction takes the write lock
 * first (BEGIN IMMEDIATE, waiting out the busy timeout) and reads the version again inside
 * it, so a step another process has run meanwhile is never run twice. `insideLock` runs
 * there too, before the steps.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { file: string; beforeMigrate?: (fromVersion: number) => void; insideLock?: (fromVersion: number) => void },
): { from: number; to: number } {
  assertMonotonic(migrations);
  const latest = latestVersion(migrations);
  const readVersion = () => db.pragma('user_version', { simple: true }) as number;
  const tooNew = (current: number) =>
    new DeskError(
      'DATABASE_TOO_NEW',
      `The database ${options.file} was written by a newer version of Adoption Desk (schema ${current}; this version knows ${latest}). Update the app; the file was not touched.`,
    );
  const seen = readVersion();
  if (seen > latest) throw tooNew(seen);
  if (pendingMigrations(seen, migrations).length === 0) return { from: seen, to: seen };
  // The backup cannot be written inside the transaction (VACUUM INTO refuses to run in one).
  if (seen > 0) options.beforeMigrate?.(seen);
  let from = seen;
  const run = db.transaction(() => {
    from = readVersion();
    if (from > latest) throw tooNew(from);
    const pending = pendingMigrations(from, migrations);
    if (pending.length > 0 && seen === 0 && from > 0) {
      // Another process created the database and an older version of the app left it
      // part-way: this one has no backup of it yet, so it does not upgrade it now.
      throw new DeskError(
        'IO_ERROR',
        `Another program was setting up the database ${options.file} at the same moment, so Adoption Desk did not upgrade it. Nothing was changed; try again.`,
      );
    }
    options.insideLock?.(from);
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run.immediate();
  return { from, to: Math.max(from, latest) };
}
