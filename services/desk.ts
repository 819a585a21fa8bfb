import path from 'node:path';
import { DeskError, type ErrorCode } from '../domain/errors';
import { systemClock, type Clock } from '../db/clock';
import { startDailyBackup, type BackupStep, type DailyBackupOutcome, type DailyBackupRun } from '../db/daily-backup';
import type { OpenOptions } from '../db/open';

export type { BackupStep, DailyBackupOutcome } from '../db/daily-backup';
import { openStore, type Store } from '../db/store';
import { backupServices, type BackupHost } from './backups';
import type { Services } from './contract';
import { createServices } from './create-services';
import { OPERATION_NAMES } from './operations';

export interface Desk {
  /** The open store; in recovery mode (see `recover`) it throws the error that kept it closed. */
  readonly store: Store;
  /** Stable object: front doors keep it while the store underneath may be reopened (restore). */
  services: Services;
  /**
   * Problems that did not stop the opening, in plain words, oldest first: an automatic
   * backup that could not be written (full disk). The front doors should show them.
   */
  readonly warnings: readonly string[];
  /** Why the store is closed in recovery mode; null when it is open. */
  readonly failure: DeskError | null;
  /**
   * With `laterDailyBackup`: writes the day's automatic backup now, in short steps
   * (db/daily-backup.ts). Call it once the first screen is answered. Settles when the backup is
   * written, was not due, failed (its warning also joins `warnings` and goes to `onWarning`) or
   * was abandoned by `close()`; never rejects. Calling it again returns the same promise.
   */
  startDailyBackup(): Promise<DailyBackupOutcome>;
  /**
   * Indexes what the search index still misses, checkpoints the write-ahead log into the
   * database file and closes it; says what it did, so a front door can tell the reviewer.
   */
  close(): DeskClosed;
}

export interface DeskClosed {
  /** Documents the search index took in on the way out. */
  indexed: number;
  /** Whether the database file alone now holds every change (the write-ahead log is empty). */
  checkpointed: boolean;
}

export type DeskOptions = OpenOptions & {
  clock?: Clock;
  /**
   * Recovery mode: when the database is damaged or too new, open anyway with only
   * `listBackups` and `restoreBackup` working (every other operation fails with the
   * opening's error), so a backup can be put back. Without it the opening throws.
   */
  recover?: boolean;
  /**
   * The day's automatic backup waits for `startDailyBackup()` instead of delaying the opening:
   * the desktop app and `serve`, whose first screen must not wait. The command line leaves it
   * off (see docs/architecture.md, Backups).
   */
  laterDailyBackup?: boolean;
  /** Told after each step of that backup what it did and how long it held the event loop (the benchmark reads it). */
  onDailyBackupStep?: (step: BackupStep) => void;
  /** Quiet time after the last operation before the search index catches up (INDEX_WHEN_IDLE_MS). */
  indexWhenIdleMs?: number;
};

/**
 * Longer than the pause between two autosaves while someone types (500 ms), so indexing waits
 * until they stop; short enough to be done before they reach for search.
 */
export const INDEX_WHEN_IDLE_MS = 2000;

/** Opening errors a restore can cure. */
const RECOVERABLE: ReadonlySet<ErrorCode> = new Set(['DATABASE_CORRUPT', 'DATABASE_TOO_NEW']);

/**
 * Opens the database at `file` and returns the services over it: what every front door
 * starts with. Restoring a backup replaces the file, so the services are a facade that
 * always calls into the current store. The Desk writes the day's automatic backup when
 * it opens (db/backups.ts); a failure there is a warning, not a refusal.
 */
export function openDesk(file: string, options: DeskOptions = {}): Desk {
  const absolute = path.resolve(file);
  const clock = options.clock ?? systemClock;
  const warnings: string[] = [];
  // Set by the opening when the day's backup is due and was left for startDailyBackup().
  let backupDue = false;
  let dailyBackup: DailyBackupRun | null = null;
  let dailyBackupDone: Promise<DailyBackupOutcome> | null = null;
  const openOptions: DeskOptions = {
    ...options,
    clock,
    autoBackup: options.autoBackup ?? true,
    onWarning: (message) => {
      warnings.push(message);
      options.onWarning?.(message);
    },
    ...(options.laterDailyBackup
      ? {
          deferDailyBackup: () => {
            backupDue = true;
          },
        }
      : {}),
  };

  let store: Store | null = null;
  let failure: DeskError | null = null;
  /** Opens the store, or (recovery mode, or after a restore) keeps the failure for the services to report. */
  const open = (tolerate: boolean) => {
    try {
      store = openStore(absolute, openOptions);
      failure = null;
    } catch (error) {
      if (!(tolerate && error instanceof DeskError && RECOVERABLE.has(error.code))) throw error;
      store = null;
      failure = error;
    }
  };
  open(options.recover === true);
  // What the window shows about the day's backup once it is written: nothing when none was due.
  let settleBackup: (warning: string | null) => void = () => {};
  let backupWarning = new Promise<string | null>((resolve) => (settleBackup = resolve));
  if (!backupDue) settleBackup(null);

  const currentStore = (): Store => {
    if (store) return store;
    throw failure ?? new DeskError('INTERNAL', 'The database is closed.');
  };

  let inner: Services;
  const host: BackupHost = {
    file: absolute,
    clock,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
    store: currentStore,
    dailyBackupWarning: () => backupWarning,
    backupWritten: () => {
      backupWarning = Promise.resolve(null);
    },
    replaceDatabase(swap) {
      // A daily backup still being written would copy the database being replaced: stop it, delete its partial file.
      dailyBackup?.abandon();
      store?.close();
      store = null;
      let swapError: unknown = null;
      try {
        swap(absolute);
      } catch (error) {
        swapError = error;
      }
      // Reopen whatever is in place now: the restored file, or the old one if the swap failed.
      // If that fails the Desk stays in recovery mode, so another backup can still be restored.
      try {
        open(false);
      } catch (error) {
        failure =
          error instanceof DeskError
            ? error
            : new DeskError('INTERNAL', `The database ${absolute} could not be opened; restore another backup.`, {
                cause: String((error as Error)?.message ?? error),
              });
        inner = build();
        throw swapError ?? error;
      }
      inner = build();
      if (swapError) throw swapError;
    },
  };

  const build = (): Services => {
    const backups = backupServices(host);
    if (store) return { ...createServices(store), ...backups };
    const refuse = (): never => {
      throw failure ?? new DeskError('INTERNAL', 'The database is closed.');
    };
    const closed = Object.fromEntries(OPERATION_NAMES.map((name) => [name, refuse])) as unknown as Services;
    return { ...closed, listBackups: backups.listBackups, restoreBackup: backups.restoreBackup };
  };
  inner = build();

  // The search index catches up with the saves once the reviewer pauses (db/search-queue.ts),
  // so the next search finds it done. Each operation pushes the moment back; the timer never
  // keeps a process alive.
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  const indexNow = (): number => {
    idleTimer = null;
    try {
      return store?.indexPending() ?? 0;
    } catch {
      // A store that cannot be written says so on the next save; a search still runs (services/search.ts).
      return 0;
    }
  };
  const indexWhenIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(indexNow, options.indexWhenIdleMs ?? INDEX_WHEN_IDLE_MS);
    idleTimer.unref?.();
  };

  const services = Object.fromEntries(
    OPERATION_NAMES.map((name) => [
      name,
      (input: never) => {
        indexWhenIdle();
        const result = (inner[name] as (i: never) => unknown)(input);
        // A long asynchronous operation (an import) pushes the moment back again when it ends.
        return result instanceof Promise ? result.finally(indexWhenIdle) : result;
      },
    ]),
  ) as unknown as Services;
  return {
    get store() {
      return currentStore();
    },
    services,
    warnings,
    get failure() {
      return failure;
    },
    startDailyBackup: () => {
      if (dailyBackupDone) return dailyBackupDone;
      if (!backupDue || !store) {
        settleBackup(null);
        return (dailyBackupDone = Promise.resolve({ created: null, removed: [], warning: null, abandoned: false }));
      }
      dailyBackup = startDailyBackup(absolute, {
        clock,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(options.onDailyBackupStep ? { onStep: options.onDailyBackupStep } : {}),
      });
      dailyBackupDone = dailyBackup.done.then((outcome) => {
        if (outcome.warning) openOptions.onWarning?.(outcome.warning);
        settleBackup(outcome.warning);
        return outcome;
      });
      return dailyBackupDone;
    },
    close: () => {
      if (idleTimer) clearTimeout(idleTimer);
      // Quitting does not wait for the daily backup: it stops, its partial file goes, the next start writes it.
      dailyBackup?.abandon();
      const indexed = indexNow();
      let checkpointed = false;
      try {
        checkpointed = store?.checkpoint() ?? false;
      } catch {
        // A read-only or damaged file cannot be checkpointed; SQLite keeps the log for the next opening.
      }
      store?.close();
      store = null;
      return { indexed, checkpointed };
    },
  };
}
