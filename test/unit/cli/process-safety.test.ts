import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../../cli/exit-codes';
import { guardOutput, installCrashGuards } from '../../../cli/process-guards';
import { HELP } from '../../../cli/run';
import type * as dispatchModule from '../../../services/dispatch';
import { openDesk } from '../../../services/desk';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The command line as a process among others (issue 18, class 2): several commands creating
 * the same new database at once, a reader that closes the pipe early (`| head`), an error
 * nobody foresaw. None may end in a stack trace or an exit code the help does not list.
 */

type DispatchModule = typeof dispatchModule;

/** Makes the next listProjects fail as a bug would (a TypeError inside the operation). */
const crash = vi.hoisted(() => ({ next: false }));
vi.mock('../../../services/dispatch', async (importOriginal) => {
  const original = await importOriginal<DispatchModule>();
  return {
    ...original,
    dispatch: ((services, name, input, log) => {
      if (crash.next && name === 'listProjects') {
        crash.next = false;
        return original.dispatch({ ...services, listProjects: () => (null as unknown as { x: () => never }).x() }, name, input, log);
      }
      return original.dispatch(services, name, input, log);
    }) as typeof original.dispatch,
  };
});

const BIN = path.resolve(__dirname, '../../../out/cli/adoption-desk.js');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { closeStdout?: 'at-once' | 'after-first-chunk' } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (options.closeStdout === 'at-once') child.stdout.destroy();
    else
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (options.closeStdout === 'after-first-chunk') child.stdout.destroy();
      });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** No stack, no driver words, no Node error dump. */
function expectPlain(text: string): void {
  expect(text).not.toMatch(/\n\s+at |SqliteError|SQLITE_|EPIPE|Error \[|Node\.js v|node:internal/);
}

const built = fs.existsSync(BIN);

describe.skipIf(!built)('several commands creating the same new database at once', () => {
  const TRIALS = 10;
  const PROCESSES = 5;

  it(`${TRIALS} trials of ${PROCESSES} processes: each succeeds or says plainly that the database was busy; none crashes`, { timeout: 180_000 }, async () => {
    const outcomes = { ok: 0, busy: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const db = path.join(tempDir(), 'new.sqlite');
      const runs = await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) => run(['project', 'add', '--name', `Globex Mesh ${trial}-${i}`, '--level', 'incubation', '--db', db])),
      );
      for (const r of runs) {
        expectPlain(r.stderr);
        expect(r.stderr).not.toMatch(/already exists|unexpected error/i);
        if (r.code === 0) outcomes.ok++;
        else {
          expect(r.code, r.stderr).toBe(EXIT.data);
          expect(r.stderr).toMatch(/another program is holding the database/);
          outcomes.busy++;
        }
      }
      const listed = await run(['project', 'list', '--json', '--db', db]);
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toHaveLength(runs.filter((r) => r.code === 0).length);
    }
    // Waiting out the busy timeout is the normal case: most, if not all, get through.
    expect(outcomes.ok).toBeGreaterThan(outcomes.busy);
  });
});

describe.skipIf(!built)('a reader that closes the output early (adoption-desk … | head)', () => {
  it('closed before anything is written: the change is made, the exit code is the command’s, nothing on stderr', { timeout: 30_000 }, async () => {
    const db = path.join(tempDir(), 'pipe.sqlite');
    const added = await run(['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', db], { closeStdout: 'at-once' });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const listed = await run(['project', 'list', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ slug: 'globex-mesh' })]);
  });

  it('closed after the first chunk of a long listing: exit 0, no EPIPE stack', { timeout: 60_000 }, async () => {
    const db = path.join(tempDir(), 'long.sqlite');
    const desk = openDesk(db, { autoBackup: false });
    for (let i = 0; i < 400; i++) await desk.services.createProject({ name: `Project with a long name to fill the pipe number ${i}`, level: 'incubation' });
    desk.close();
    for (const format of [[], ['--json']]) {
      const listed = await run(['project', 'list', ...format, '--db', db], { closeStdout: 'after-first-chunk' });
      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
    }
  });

  it('guardOutput: after EPIPE further output is dropped quietly; another write error is kept to be reported', () => {
    const stream = new EventEmitter() as EventEmitter & { write: (t: string) => void };
    const written: string[] = [];
    stream.write = (t) => void written.push(t);
    const out = guardOutput(stream as never);
    out.write('first\n');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    out.write('second\n');
    expect(written).toEqual(['first\n']);
    expect(out.failure()).toBeNull();

    const full = new EventEmitter() as EventEmitter & { write: (t: string) => void };
    full.write = () => {
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    };
    const out2 = guardOutput(full as never);
    out2.write('x');
    expect(out2.failure()?.code).toBe('ENOSPC');
  });
});

describe('an unexpected error', () => {
  const tempLogs: string[] = [];
  afterEach(() => {
    for (const file of tempLogs.splice(0)) fs.rmSync(file, { force: true });
  });

  /** The log path the message names. */
  const logPathOf = (stderr: string) => /The details are in (.+\.log)\./.exec(stderr)?.[1];

  it('says what to report, writes the details to a log in the data folder’s logs, exits 70, prints no stack', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'adoption-desk.sqlite');
    expect((await cli(['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', db])).code).toBe(0);
    crash.next = true;
    const result = await cli(['project', 'list', '--db', db]);
    expect(result.code).toBe(EXIT.internal);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Adoption Desk stopped on an unexpected error while running "adoption-desk project list" \(exit 70\)\./);
    expect(result.stderr).toMatch(/Please report it to the Adoption Desk maintainers with the command you ran, the version/);
    expect(result.stderr).not.toMatch(/TypeError|\n\s+at |the details are in the log\b/);
    const log = logPathOf(result.stderr);
    expect(log && path.dirname(log)).toBe(path.join(dir, 'logs'));
    const text = fs.readFileSync(log!, 'utf8');
    expect(text).toContain('command: adoption-desk project list --db');
    expect(text).toContain('operation: listProjects');
    expect(text).toMatch(/TypeError: Cannot read properties of null[\s\S]*\n\s+at /);
  });

  it('writes the log to the system’s temporary folder when the data folder’s logs cannot be written', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'adoption-desk.sqlite');
    expect((await cli(['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', db])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'logs'), 'a file where the logs folder would go');
    crash.next = true;
    const result = await cli(['project', 'list', '--db', db]);
    expect(result.code).toBe(EXIT.internal);
    const log = logPathOf(result.stderr)!;
    tempLogs.push(log);
    expect(path.dirname(log)).toBe(os.tmpdir());
    expect(fs.readFileSync(log, 'utf8')).toContain('TypeError');
  });

  it('escaping the command (an uncaught exception, a rejected promise): the same plain message and log, exit 70; EPIPE is not one', () => {
    const dir = tempDir();
    const proc = new EventEmitter();
    let stderr = '';
    const exits: number[] = [];
    installCrashGuards(proc as never, { argv: ['search', 'globex'], dataDir: () => dir, stderr: (t) => (stderr += t), exit: (c) => void exits.push(c) });
    proc.emit('uncaughtException', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([]);
    proc.emit('unhandledRejection', new RangeError('Invalid code point 1114112'));
    expect(exits).toEqual([70]);
    expect(stderr).toMatch(/unexpected error while running "adoption-desk search globex" \(exit 70\)/);
    expect(stderr).not.toMatch(/RangeError|\n\s+at /);
    const log = logPathOf(stderr)!;
    expect(path.dirname(log)).toBe(path.join(dir, 'logs'));
    expect(fs.readFileSync(log, 'utf8')).toContain('RangeError: Invalid code point 1114112');
  });
});

describe('exit codes', () => {
  it('the help lists every exit code the command line uses, and what each means', () => {
    for (const [name, code] of Object.entries(EXIT)) {
      expect(HELP, `exit code ${code} (${name})`).toMatch(new RegExp(`^  ${code}\\s+\\S`, 'm'));
    }
  });

  it('README’s command-line section lists them too', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('\n## ', readme.indexOf('## Command line') + 3));
    for (const code of Object.values(EXIT)) expect(section, `README lists exit ${code}`).toMatch(new RegExp(`\\b${code}\\b`));
  });
});
