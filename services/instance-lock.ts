import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeskError } from '../domain/errors';

/**
 * One Adoption Desk at a time on a database: the desktop app and `adoption-desk serve`
 * both take this lock before they open it, so neither writes under the other's window.
 * (Electron's own single-instance lock only keeps a second desktop app out.)
 *
 * The lock is a file beside the database (`adoption-desk.sqlite.lock` in the data folder)
 * that says who holds it. It is created atomically with its content in place; a lock
 * whose process is gone (a crash, a power cut) is stale and taken over; one held by a
 * process still running is refused with a sentence that names it.
 */

export type LockProgram = 'desktop app' | 'serve';

export interface LockHolder {
  pid: number;
  program: LockProgram;
  /** Where `serve` answers (without its secret), so the refusal can point there. */
  url?: string;
  hostname: string;
  startedAt: string;
  /** Tells this holder's lock from a later one with the same pid. */
  nonce: string;
}

export interface InstanceLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Records where `serve` answers, once it listens. */
  update(change: { url: string }): void;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

/** What the lock looks at in the world; tests pass stand-ins. */
export interface LockWorld {
  pid: number;
  hostname: string;
  now: () => Date;
  /** Whether a process with this id runs on this machine. */
  isRunning: (pid: number) => boolean;
}

export const LOCK_SUFFIX = '.lock';

export function lockFileFor(databaseFile: string): string {
  return `${path.resolve(databaseFile)}${LOCK_SUFFIX}`;
}

export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const defaultWorld = (): LockWorld => ({ pid: process.pid, hostname: os.hostname(), now: () => new Date(), isRunning: processIsRunning });

/** Local time, to the minute: what the reviewer's clock showed when the holder started. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an unknown time';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The refusal: who has the data open, where, and what to do. */
export function alreadyOpenMessage(holder: LockHolder, lockFile: string, world: Pick<LockWorld, 'hostname'> = defaultWorld()): string {
  const since = `process ${holder.pid}, since ${localTime(holder.startedAt)}`;
  if (holder.hostname !== world.hostname) {
    return (
      `This data is already open in Adoption Desk on another computer (${holder.hostname}, ${since}). ` +
      `Close it there first. If it is not running there, delete ${lockFile}.`
    );
  }
  const who =
    holder.program === 'serve'
      ? `in a browser, served by \`adoption-desk serve\` (${since})${holder.url ? ` at ${holder.url}` : ''}. Use that tab, or stop it with Ctrl+C in its terminal first.`
      : `in the Adoption Desk window (${since}). Use that window, or close it first.`;
  return `This data is already open ${who} If no such program is running, delete ${lockFile}.`;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.nonce !== 'string') return null;
    if (value.program !== 'serve' && value.program !== 'desktop app') return null;
    return value as LockHolder;
  } catch {
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Creates `file` holding `text`, or throws EEXIST: a link is atomic, so no one ever reads a half-written lock. */
function createWith(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems (FAT, some network drives) have no hard links: create exclusively instead.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
    else throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Moves a stale lock out of the way. A rename is atomic, so of two launches that both found
 * it stale only one moves it; if what was moved is not the stale lock that was read (another
 * launch took over in between), it is put back.
 */
function removeStale(file: string, staleText: string | null): void {
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // gone already: the next attempt creates it
  }
  if (staleText !== null && readText(aside) !== staleText) {
    try {
      fs.linkSync(aside, file);
    } catch {
      /* a third launch holds it now; the next attempt reads that one */
    }
  }
  fs.rmSync(aside, { force: true });
}

export function acquireInstanceLock(
  databaseFile: string,
  who: { program: LockProgram; url?: string },
  world: LockWorld = defaultWorld(),
): InstanceLock {
  const file = lockFileFor(databaseFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let holder: LockHolder = {
    pid: world.pid,
    program: who.program,
    ...(who.url ? { url: who.url } : {}),
    hostname: world.hostname,
    startedAt: world.now().toISOString(),
    nonce: randomBytes(12).toString('hex'),
  };
  const serialize = (h: LockHolder) => `${JSON.stringify(h, null, 2)}\n`;

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      createWith(file, serialize(holder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DeskError('IO_ERROR', `Adoption Desk could not create its lock file ${file}: ${(error as Error).message}`);
      }
      const text = readText(file);
      const current = text === null ? null : parseHolder(text);
      // On another computer (a shared drive) there is no telling whether it still runs: it counts as running.
      if (current && (current.hostname !== world.hostname || world.isRunning(current.pid))) {
        throw new DeskError('ALREADY_OPEN', alreadyOpenMessage(current, file, world), { lockFile: file, holder: current });
      }
      removeStale(file, text);
      continue;
    }
    let released = false;
    return {
      file,
      get holder() {
        return holder;
      },
      update(change) {
        if (released) return;
        holder = { ...holder, url: change.url };
        if (parseHolder(readText(file) ?? '')?.nonce !== holder.nonce) return;
        // Replaced by a rename, which is atomic: no one ever reads a half-written lock.
        const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
        fs.writeFileSync(temp, serialize(holder), { mode: 0o600 });
        fs.renameSync(temp, file);
      },
      release() {
        if (released) return;
        released = true;
        if (parseHolder(readText(file) ?? '')?.nonce === holder.nonce) fs.rmSync(file, { force: true });
      },
    };
  }
  throw new DeskError('ALREADY_OPEN', `Adoption Desk could not take its lock file ${file}: other launches keep changing it. Try again.`);
}
