import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../domain/errors';
import { acquireInstanceLock, alreadyOpenMessage, lockFileFor, processIsRunning, type LockWorld } from '../../../services/instance-lock';
import { tempDir } from '../../helpers/temp-dir';

const world = (over: Partial<LockWorld> = {}): LockWorld => ({
  pid: 4242,
  hostname: 'desk-host',
  now: () => new Date(2026, 11, 3, 10, 42),
  isRunning: () => true,
  ...over,
});

function refusal(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('one Adoption Desk per database', () => {
  it('writes who holds the lock beside the database, and removes it on release', () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    const lock = acquireInstanceLock(db, { program: 'serve' }, world());
    expect(lock.file).toBe(`${db}.lock`);
    expect(lockFileFor(db)).toBe(lock.file);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: 4242, program: 'serve', hostname: 'desk-host' });
    expect(fs.statSync(lock.file).mode & 0o077).toBe(0);
    lock.update({ url: 'http://127.0.0.1:5000/' });
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).url).toBe('http://127.0.0.1:5000/');
    lock.release();
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    // Nothing but the lock was ever written there (no temp files left behind).
    expect(fs.readdirSync(path.dirname(db))).toEqual([]);
  });

  it('refuses a second serve, naming the running one and where it answers', () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    const first = acquireInstanceLock(db, { program: 'serve' }, world({ pid: 1111 }));
    first.update({ url: 'http://127.0.0.1:5000/' });
    const error = refusal(() => acquireInstanceLock(db, { program: 'serve' }, world({ pid: 2222 })));
    expect(error.code).toBe('ALREADY_OPEN');
    expect(error.message).toBe(
      'This data is already open in a browser, served by `adoption-desk serve` (process 1111, since 2026-12-03 10:42) at http://127.0.0.1:5000/. ' +
        `Use that tab, or stop it with Ctrl+C in its terminal first. If no such program is running, delete ${first.file}.`,
    );
    // The refusal left the holder's lock alone.
    expect(JSON.parse(fs.readFileSync(first.file, 'utf8')).pid).toBe(1111);
  });

  it('refuses serve while the desktop app holds the data, and the desktop app while serve does', () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    const app = acquireInstanceLock(db, { program: 'desktop app' }, world({ pid: 1111 }));
    expect(refusal(() => acquireInstanceLock(db, { program: 'serve' }, world({ pid: 2222 }))).message).toMatch(
      /^This data is already open in the Adoption Desk window \(process 1111, since .*\)\. Use that window, or close it first\./,
    );
    app.release();
    acquireInstanceLock(db, { program: 'serve' }, world({ pid: 2222 }));
    expect(refusal(() => acquireInstanceLock(db, { program: 'desktop app' }, world({ pid: 3333 }))).message).toContain('served by `adoption-desk serve` (process 2222');
  });

  it('takes over a stale lock whose process is gone', () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    acquireInstanceLock(db, { program: 'serve' }, world({ pid: 1111 }));
    const lock = acquireInstanceLock(db, { program: 'desktop app' }, world({ pid: 2222, isRunning: (pid) => pid !== 1111 }));
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: 2222, program: 'desktop app' });
    expect(fs.readdirSync(path.dirname(db))).toEqual([path.basename(lock.file)]);
  });

  it('takes over a lock it cannot read, and never removes a lock that is no longer its own', () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    fs.writeFileSync(lockFileFor(db), 'not a lock');
    const mine = acquireInstanceLock(db, { program: 'serve' }, world({ pid: 1111 }));
    // Someone deleted it by hand and another launch took it: releasing must not remove theirs.
    fs.rmSync(mine.file);
    const theirs = acquireInstanceLock(db, { program: 'serve' }, world({ pid: 2222 }));
    mine.release();
    expect(JSON.parse(fs.readFileSync(theirs.file, 'utf8')).pid).toBe(2222);
  });

  it('counts a lock from another computer as held (a shared drive), and says which', () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    acquireInstanceLock(db, { program: 'serve' }, world({ hostname: 'other-laptop', isRunning: () => false }));
    const error = refusal(() => acquireInstanceLock(db, { program: 'serve' }, world({ isRunning: () => false })));
    expect(error.message).toMatch(/^This data is already open in Adoption Desk on another computer \(other-laptop, process 4242/);
  });

  it('asks the system whether a process runs', async () => {
    expect(processIsRunning(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.on('exit', resolve));
    expect(processIsRunning(child.pid!)).toBe(false);
  });

  it('the message names the lock file, so a reviewer can clear a lock a reused process id keeps', () => {
    const holder = { pid: 1, program: 'desktop app' as const, hostname: 'h', startedAt: 'garbage', nonce: 'n' };
    expect(alreadyOpenMessage(holder, '/data/adoption-desk.sqlite.lock', { hostname: 'h' })).toBe(
      'This data is already open in the Adoption Desk window (process 1, since an unknown time). Use that window, or close it first. ' +
        'If no such program is running, delete /data/adoption-desk.sqlite.lock.',
    );
  });
});
