import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/run';
import { openDesk } from '../../../services/desk';
import { cli } from '../../helpers/cli';
import { rawRequest } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

/** Runs `serve` in-process until `whileRunning` is done, then stops it as Ctrl+C would. */
async function serveUntil(args: string[], whileRunning: (url: string, stderrSoFar: () => string) => Promise<void>, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const run = runCli(['serve', '--no-open', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    untilStopped: () => stopped,
  });
  let result: number | undefined;
  void run.then((code) => (result = code));
  await expect.poll(() => result !== undefined || stdout.includes('Press Ctrl+C to stop.'), { timeout: 10_000 }).toBe(true);
  if (result === undefined) {
    await whileRunning(stdout.match(/http:\/\/\S+/)![0], () => stderr);
    stop('SIGINT');
  }
  return { code: await run, stdout, stderr };
}

describe('adoption-desk serve', () => {
  it('prints the address, answers on it, and on Ctrl+C closes the data cleanly and says so', async () => {
    const dir = tempDir();
    const run = await serveUntil(['--data-dir', dir], async (url) => {
      const port = Number(new URL(url).port);
      expect((await rawRequest(port, { path: '/' })).status).toBe(200);
      expect(fs.existsSync(path.join(dir, 'adoption-desk.sqlite.lock'))).toBe(true);
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Open Adoption Desk in your browser at\n\n {4}http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]{43}\n\n/);
    expect(run.stdout).toContain('That address works once, in one browser, and only this computer can reach it.');
    expect(run.stdout).toContain(`Data: ${path.join(dir, 'adoption-desk.sqlite')}\n`);
    expect(run.stdout).toContain(
      `Stopping Adoption Desk…\nAdoption Desk stopped: the search index is up to date, every change is written into the database file, and ${path.join(dir, 'adoption-desk.sqlite')} is closed.\n`,
    );
    expect(fs.existsSync(path.join(dir, 'adoption-desk.sqlite.lock'))).toBe(false);
  });

  it('writes the day’s backup after it answers, and says so in the terminal when it cannot', async () => {
    const dir = tempDir();
    // Data from an earlier day, and a file where the backups folder should be.
    openDesk(path.join(dir, 'adoption-desk.sqlite'), { autoBackup: false }).close();
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    const run = await serveUntil(['--data-dir', dir], async (_url, stderrSoFar) => {
      await expect.poll(stderrSoFar, { timeout: 10_000 }).toContain("Warning: Today's automatic backup could not be written");
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Your notes are safe in the database and the older backups were kept');
  });

  it('uses the desktop app’s data folder rules: ADOPTION_DESK_DATA_DIR, or --db FILE', async () => {
    const dir = tempDir();
    const fromEnv = await serveUntil([], async () => {}, { ADOPTION_DESK_DATA_DIR: dir });
    expect(fromEnv.stdout).toContain(`Data: ${path.join(dir, 'adoption-desk.sqlite')}\n`);
    const file = path.join(tempDir(), 'other.sqlite');
    const fromDb = await serveUntil(['--db', file], async () => {});
    expect(fromDb.stdout).toContain(`Data: ${file}\n`);
  });

  it('refuses a second serve on the same data, naming the first', async () => {
    const dir = tempDir();
    await serveUntil(['--data-dir', dir], async (url) => {
      const second = await cli(['serve', '--no-open', '--data-dir', dir]);
      expect(second.code).toBe(4);
      expect(second.stderr).toContain(`This data is already open in a browser, served by \`adoption-desk serve\` (process ${process.pid}`);
      expect(second.stderr).toContain(`at ${url.split('#')[0]}`);
    });
  });

  it.each([
    [['--data-dir', '/tmp/x', '--db', '/tmp/y.sqlite'], 'Give --data-dir or --db, not both.'],
    [['--port', 'eighty'], '--port takes a port number from 0 to 65535 (0: any free port), not "eighty".'],
    [['--port', '70000'], '--port takes a port number'],
    [['--colour'], "Unknown option '--colour'"],
  ])('usage errors exit 2: %j', async (args, message) => {
    const result = await cli(['serve', '--no-open', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('will not listen beyond this computer without --i-understand-this-shares-my-data, and says what it would expose', async () => {
    const result = await cli(['serve', '--no-open', '--host', '0.0.0.0', '--data-dir', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('every project, interview and note, and the names of anonymous adopters');
    const shared = await serveUntil(['--host', '0.0.0.0', '--i-understand-this-shares-my-data', '--data-dir', tempDir()], async () => {});
    expect(shared.code).toBe(0);
    expect(shared.stdout).toContain('Shared beyond this computer: other computers can open it, once, at');
  });
});
