// `npm start` on a machine that cannot download Electron (TOOLCHAIN.md: only the npm registry is
// reachable here) still ends in a working app: one line says why, then `adoption-desk serve`
// answers in the browser on the same data. `npm start -- --browser` goes there on purpose.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_INSTEAD, electronRuntimeStatus, readPackageVersion } from '../../scripts/electron-runtime.mjs';
import { rawRequest } from '../helpers/raw-http';
import { ELECTRON_DIR, ROOT, offlineEnv } from './offline-env';

const START = path.join(ROOT, 'scripts', 'start.mjs');
const STACK_FRAME = /^\s+at\s/m;
const version = readPackageVersion(ELECTRON_DIR);

let tempDirs: string[] = [];
let children: ChildProcess[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-start-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  // The whole group: start.mjs and the server it started.
  for (const child of children) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs = [];
  children = [];
});

/** Runs start.mjs (no build, no browser window) until the server prints its address. */
async function startUntilServing(args: string[], env: NodeJS.ProcessEnv) {
  const dataDir = tempDir();
  const started = performance.now();
  // A process group of its own, as a terminal gives a command: Ctrl+C reaches every process in it.
  const child = spawn(process.execPath, [START, '--skip-build', ...args, '--no-open', '--data-dir', dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  while (!stdout.includes('Press Ctrl+C to stop.')) {
    if (child.exitCode !== null || performance.now() - started > 30_000) throw new Error(`npm start did not reach the browser:\n${stdout}${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ms = performance.now() - started;
  const url = stdout.match(/http:\/\/127\.0\.0\.1:\d+\/#key=\S+/)![0];
  /** Ctrl+C in the terminal (SIGINT to the group: start.mjs passes it on too), or SIGTERM to start.mjs alone. */
  const stop = async (how: 'ctrl-c' | 'sigterm' = 'ctrl-c') => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (how === 'ctrl-c') process.kill(-child.pid!, 'SIGINT');
    else child.kill('SIGTERM');
    const code = await exited;
    // The server is gone with it: nothing answers any more.
    await expect(rawRequest(Number(new URL(url).port), { path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    return { code, stdout, stderr };
  };
  return { url, dataDir, ms, output: () => stdout + stderr, stop };
}

/** The server answers as for a reviewer: the sign-in page, the secret traded once, then the app. */
async function expectTheAppAnswers(url: string) {
  const port = Number(new URL(url).port);
  const origin = `http://127.0.0.1:${port}`;
  expect((await rawRequest(port, { path: '/' })).body).toContain('adoption-desk serve');
  const session = await rawRequest(port, { method: 'POST', path: '/__desk/session', headers: { origin }, body: url.split('#key=')[1]! });
  expect(session.status).toBe(204);
  const app = await rawRequest(port, { path: '/', headers: { cookie: session.headers['set-cookie']!.split(';')[0]! } });
  expect(app.status).toBe(200);
  expect(app.body).toContain('<script src="/__desk/bridge.js"></script>');
  expect(app.body).toContain('<div id="root"></div>');
}

describe('npm start without the Electron runtime', () => {
  it('says in one line that Electron could not be downloaded, then serves the app in the browser', async (ctx) => {
    const env = offlineEnv(tempDir());
    if (electronRuntimeStatus({ electronDir: ELECTRON_DIR, env }).present) {
      ctx.skip(`Electron ${version} is already installed in node_modules/electron/dist, so npm start does not download it: there is no offline failure to test here.`);
    }
    const run = await startUntilServing([], env);
    expect(run.output()).toContain(`Downloading the Electron runtime (Electron ${version}); this happens once.\n`);
    const line = run.output().split('\n').find((l) => l.includes(BROWSER_INSTEAD));
    expect(line).toMatch(new RegExp(`^Electron ${version.replace(/\./g, '\\.')} could not be downloaded: the network could not be reached \\([^)]+\\); `));
    expect(line!.endsWith(BROWSER_INSTEAD)).toBe(true);
    expect(run.output()).toContain(`Data: ${path.join(run.dataDir, 'adoption-desk.sqlite')}`);
    expect(run.ms).toBeLessThan(20_000);
    await expectTheAppAnswers(run.url);

    const stopped = await run.stop();
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(0);
    expect(stopped.stdout).toContain('Adoption Desk stopped:');
    expect(stopped.stdout + stopped.stderr).not.toMatch(STACK_FRAME);
    expect(stopped.stderr).toBe('');
    // A failed download leaves nothing that a later run could take for an installed Electron.
    expect(electronRuntimeStatus({ electronDir: ELECTRON_DIR, env }).present).toBe(false);
  });

  it('does not download when ELECTRON_OVERRIDE_DIST_PATH points at a folder without Electron, and says so before opening the browser', async () => {
    const emptyDist = tempDir();
    const run = await startUntilServing([], offlineEnv(tempDir(), { ELECTRON_OVERRIDE_DIST_PATH: emptyDist }));
    expect(run.output()).not.toContain('Downloading');
    expect(run.output()).toContain(`ELECTRON_OVERRIDE_DIST_PATH does not hold a usable Electron ${version}: there is no ${emptyDist}`);
    expect(run.output()).toContain(BROWSER_INSTEAD);
    await expectTheAppAnswers(run.url);
    const stopped = await run.stop('sigterm');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('Adoption Desk stopped:');
  });

  it('npm start -- --browser opens the browser without trying Electron', async () => {
    const run = await startUntilServing(['--browser'], offlineEnv(tempDir()));
    expect(run.output()).not.toContain('Downloading');
    expect(run.output()).not.toContain(BROWSER_INSTEAD);
    expect(run.output()).toContain('Opening Adoption Desk in your browser (npm start -- --browser)');
    await expectTheAppAnswers(run.url);
    expect((await run.stop()).code).toBe(0);
  });
});
