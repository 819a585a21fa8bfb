/**
 * Where a shared project's clone lives, and who may touch it (team mode, docs/team.md). The clone
 * is `<data folder>/shared/<project uid>.git`: under the data folder, so it goes wherever the
 * store goes and a restore or a new machine rebuilds it from the store and the remote.
 *
 * Opening a clone clears what a killed Git left behind (services/share/git-clone.ts), so two
 * Syncs must never use one clone at once: one at a time per project in this process, and none
 * from a second program while the desktop app or `serve` holds the data folder's instance lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../domain/errors';
import { lockFileFor, processIsRunning } from '../instance-lock';

export const SHARED_FOLDER = 'shared';

export function cloneDirFor(databaseFile: string, projectUid: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), SHARED_FOLDER, `${projectUid}.git`);
}

/**
 * Refuses when another running program holds the data folder's instance lock (the desktop app
 * or `serve`, while the command line syncs): that program may be syncing the same clone.
 * Its own services (same process) pass.
 */
export function refuseWhileHeldElsewhere(databaseFile: string): void {
  let holder: { pid?: unknown; program?: unknown };
  try {
    holder = JSON.parse(fs.readFileSync(lockFileFor(databaseFile), 'utf8')) as typeof holder;
  } catch {
    return; // No lock (or one half-written): nobody else holds the folder.
  }
  if (typeof holder.pid !== 'number' || holder.pid === process.pid || !processIsRunning(holder.pid)) return;
  const program = typeof holder.program === 'string' ? holder.program : 'another Adoption Desk';
  throw new DeskError(
    'ALREADY_OPEN',
    `Adoption Desk is open on this data folder (the ${program}, process ${holder.pid}): Sync from there, or close it first. Only one program may sync a shared project at a time.`,
  );
}

const running = new Map<string, Promise<unknown>>();

/** Runs `work` once every earlier work of the same key in this process has settled: one Sync of a project at a time. */
export function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = running.get(key) ?? Promise.resolve();
  const next = before.then(
    () => work(),
    () => work(),
  );
  running.set(key, next);
  const forget = () => {
    if (running.get(key) === next) running.delete(key);
  };
  next.then(forget, forget);
  return next;
}
