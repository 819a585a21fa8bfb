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
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { file: string; beforeMigrate?: (fromVersion: number) => void },
): { from: number; to: number } {
  assertMonotonic(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new DeskError(
      'DATABASE_TOO_NEW',
      `The database ${options.file} was written by a newer version of Adoption Desk (schema ${current}; this version knows ${latest}). Update the app; the file was not touched.`,
    );
  }
  const pending = pendingMigrations(current, migrations);
  if (pending.length === 0) return { from: current, to: current };
  if (current > 0) options.beforeMigrate?.(current);
  const run = db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run.immediate();
  return { from: current, to: latest };
}
