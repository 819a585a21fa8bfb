// The last step of `npm start`, with a stand-in Electron (a shell script) and a stand-in
// cached build: the app's arguments, the binding path and the exit code all get through.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeCacheKey, nativeCachePaths } from '../../scripts/electron-native.mjs';
import { readPackageVersion } from '../../scripts/electron-runtime.mjs';
import { ELECTRON_DIR, ROOT, offlineEnv, runToEnd } from './offline-env';

let work: string | undefined;
afterEach(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
  work = undefined;
});

describe('npm start with Electron and its better-sqlite3 build in place', () => {
  it.skipIf(process.platform === 'win32')('runs Electron on the app with the app’s arguments and forwards its exit code', async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-launch-'));
    const electronDist = path.join(work, 'electron');
    fs.mkdirSync(electronDist);
    fs.writeFileSync(
      path.join(electronDist, 'electron'),
      '#!/bin/sh\necho "args: $*"\necho "binding: $ADOPTION_DESK_SQLITE_BINDING"\necho "run as node: ${ELECTRON_RUN_AS_NODE:-unset}"\nexit 7\n',
      { mode: 0o755 },
    );

    const cacheRoot = path.join(work, 'native');
    const key = nativeCacheKey({
      moduleName: 'better-sqlite3',
      moduleVersion: readPackageVersion(path.join(ROOT, 'node_modules', 'better-sqlite3')),
      electronVersion: readPackageVersion(ELECTRON_DIR),
      platform: process.platform,
      arch: process.arch,
    });
    const cached = nativeCachePaths(cacheRoot, key);
    fs.mkdirSync(path.dirname(cached.binding), { recursive: true });
    fs.writeFileSync(cached.binding, 'stand-in');
    fs.writeFileSync(cached.marker, '{}');

    const env = offlineEnv(path.join(work, 'downloads'), {
      ELECTRON_OVERRIDE_DIST_PATH: electronDist,
      ADOPTION_DESK_NATIVE_CACHE: cacheRoot,
      ELECTRON_RUN_AS_NODE: '1',
    });
    const run = await runToEnd(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--skip-build', '--data-dir', '/tmp/x', '--', '--skip-build'], {
      cwd: ROOT,
      env,
      killAfterMs: 30_000,
    });

    expect(run.code, run.stdout + run.stderr).toBe(7);
    expect(run.stdout).toContain('args: . --data-dir /tmp/x --skip-build');
    expect(run.stdout).toContain(`binding: ${cached.binding}`);
    expect(run.stdout).toContain('run as node: unset');
  });
});
