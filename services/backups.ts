import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../domain/errors';
import { backupFolderOf, listBackupFiles, stageRestore, swapInRestored, writeBackup, type BackupFile } from '../db/backups';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';
import type { BackupInfo } from './views';

/** What the backup operations need from the Desk: the store, and a way to swap the database file under it. */
export interface BackupHost {
  /** The database file (absolute), also when the store could not be opened. */
  readonly file: string;
  readonly clock: Clock;
  /** The driver build for this runtime, for the read-only connections that check a backup. */
  readonly nativeBinding?: string;
  /** The Desk was opened read-only: a restore would write, so it is refused. */
  readonly readOnly?: boolean;
  /** Settles once the day's automatic backup is written (null) or failed (its warning, in words). */
  dailyBackupWarning(): Promise<string | null>;
  /** A backup was written by hand: today's is no longer missing, whatever the automatic one said. */
  backupWritten(): void;
  /** The open store; throws the opening's DeskError when the Desk runs in recovery mode. */
  store(): Store;
  /** Closes the store, runs `swap` (file operations only), reopens the store. */
  replaceDatabase(swap: (file: string) => void): void;
}

const info = (backup: BackupFile): BackupInfo => ({
  file: backup.file,
  createdAt: backup.createdAt,
  reason: backup.reason,
  bytes: backup.bytes,
});

const same = (a: string, b: string) => {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
};

/**
 * Backups and restore. The rules (where, names, rotation) are in db/backups.ts.
 *
 * restoreBackup(file): `file` is a path (absolute, or relative to the working folder), or
 * the bare name of a backup in the backups folder as `listBackups` shows it.
 * 1. The backup is opened read-only and must pass `PRAGMA integrity_check` and be an
 *    Adoption Desk database of a schema this version knows; otherwise a DeskError and
 *    nothing is touched.
 * 2. It is copied (VACUUM INTO) beside the database as a hidden staging file, checked again.
 * 3. The store closes. If another program still has the database open, the restore is
 *    refused and the store reopens. Else the current database (with any -wal/-shm) is
 *    MOVED, byte for byte, into the backups folder as a `before-restore` backup (never
 *    deleted, never rotated); the staged copy is renamed into place; the store reopens
 *    (migrating an older backup, after its own before-migration backup).
 */
export function backupServices(host: BackupHost): ServiceGroup<'listBackups' | 'backupNow' | 'restoreBackup' | 'dailyBackupNotice'> {
  const resolveBackup = (given: string): string => {
    if (path.isAbsolute(given)) return given;
    const inFolder = path.join(backupFolderOf(host.file), given);
    if (path.basename(given) === given && fs.existsSync(inFolder)) return inFolder;
    return path.resolve(given);
  };

  return {
    listBackups: () => listBackupFiles(host.file).map(info),

    backupNow: () => {
      const written = info(writeBackup(host.store().db, host.file, 'manual', host.clock));
      host.backupWritten();
      return written;
    },

    // The window asks once as it opens and is answered when the backup settles: a failure is shown where the reviewer works.
    dailyBackupNotice: async () => ({ warning: await host.dailyBackupWarning() }),
    restoreBackup: ({ file }) => {
      if (host.readOnly) throw new DeskError('IO_ERROR', `The database ${host.file} was opened read-only, so nothing was restored.`);
      const backup = resolveBackup(file);
      if (same(backup, host.file)) {
        throw new DeskError('VALIDATION', `${backup} is the database itself; choose a backup to restore.`);
      }
      const access = host.nativeBinding ? { nativeBinding: host.nativeBinding } : {};
      const staged = stageRestore(backup, host.file, host.clock, access);
      let keptAt: string | null = null;
      try {
        host.replaceDatabase((databaseFile) => {
          keptAt = swapInRestored(databaseFile, staged, host.clock, access);
        });
      } catch (error) {
        // The swap happened but the restored file would not open (a failed migration, say):
        // say where the replaced database is, so nothing looks lost.
        if (keptAt === null) throw error;
        const where = `The backup was put in place; the database it replaced is kept at ${keptAt} and can be restored.`;
        if (error instanceof DeskError) throw new DeskError(error.code, `${error.message} ${where}`, error.details);
        throw new DeskError('INTERNAL', `The restored backup could not be opened. ${where}`, { cause: String((error as Error)?.message ?? error) });
      } finally {
        fs.rmSync(staged, { force: true });
      }
      return { restoredFrom: backup, replacedKeptAt: keptAt };
    },
  };
}
