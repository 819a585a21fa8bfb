import { DeskError } from '../domain/errors';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

/** What the backup operations need from the Desk: the store, and a way to swap the database file under it. */
export interface BackupHost {
  store(): Store;
  /** Closes the store, runs `swap` (file operations only), reopens the store. */
  replaceDatabase(swap: (file: string) => void): void;
}

// Placeholder replaced by the backup implementation.
export function backupServices(host: BackupHost): ServiceGroup<'listBackups' | 'backupNow' | 'restoreBackup'> {
  void host;
  const notYet = () => {
    throw new DeskError('INTERNAL', 'Backups are not available yet.');
  };
  return { listBackups: notYet, backupNow: notYet, restoreBackup: notYet };
}
