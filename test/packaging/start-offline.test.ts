// `npm start` on a machine that cannot download Electron must stop quickly, in plain words,
// with a non-zero exit code (TOOLCHAIN.md: only the npm registry is reachable here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronRuntimeStatus, readPackageVersion } from '../../scripts/electron-runtime.mjs';
import { ELECTRON_DIR, ROOT, offlineEnv, runToEnd } from './offline-env';

const START = path.join(ROOT, 'scripts', 'start.mjs');
const STACK_FRAME = /^\s+at\s/m;
const version = readPackageVersion(ELECTRON_DIR);

let tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-start-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs = [];
});

function runStart(env: NodeJS.ProcessEnv) {
  return runToEnd(process.execPath, [START, '--skip-build'], { cwd: ROOT, env, killAfterMs: 30_000 });
}

describe('npm start without the Electron runtime', () => {
  it('stops within 15 s with a plain message when Electron cannot be downloaded', async (ctx) => {
    const env = offlineEnv(tempDir());
    if (electronRuntimeStatus({ electronDir: ELECTRON_DIR, env }).present) {
      ctx.skip(`Electron ${version} is already installed in node_modules/electron/dist, so npm start does not download it: there is no offline failure to test here.`);
    }

    const run = await runStart(env);
    const output = run.stdout + run.stderr;

    expect(run.code, output).not.toBe(0);
    expect(run.code, output).not.toBeNull();
    expect(run.stderr).toContain(`Adoption Desk could not start: the Electron runtime (Electron ${version}) could not be downloaded.`);
    expect(run.stderr).toContain('Connect to the internet and run `npm start` again');
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(run.stderr).toContain('`npm test` work without Electron');
    expect(output).not.toMatch(STACK_FRAME);
    expect(run.ms).toBeLessThan(15_000);
    // A failed download leaves nothing that a later run could take for an installed Electron.
    expect(electronRuntimeStatus({ electronDir: ELECTRON_DIR, env }).present).toBe(false);
  });

  it('does not download when ELECTRON_OVERRIDE_DIST_PATH points at a folder without Electron', async () => {
    const cache = tempDir();
    const emptyDist = tempDir();
    const run = await runStart(offlineEnv(cache, { ELECTRON_OVERRIDE_DIST_PATH: emptyDist }));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH does not hold a usable Electron ${version}`);
    expect(run.stdout).not.toContain('Downloading');
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    expect(run.ms).toBeLessThan(15_000);
  });
});
