// The pieces of `npm start`, each against stand-ins in a temp folder: no download, no
// compile, and node_modules is never touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NATIVE_BINDING_ENV as READ_BY_MAIN } from '../../electron/native-binding';
import {
  NATIVE_BINDING_ENV,
  defaultNativeCacheRoot,
  electronBuildEnv,
  ensureElectronNative,
  nativeBuildFailedReason,
  nativeBuildSteps,
  nativeCacheKey,
  nativeCachePaths,
  type BuildStep,
} from '../../scripts/electron-native.mjs';
import {
  downloadElectronRuntime,
  BROWSER_INSTEAD,
  electronDownloadFailedReason,
  electronOverrideBrokenReason,
  electronExecutableName,
  electronRuntimeStatus,
} from '../../scripts/electron-runtime.mjs';
import { firstErrorLine, networkTrouble } from '../../scripts/quiet-run.mjs';
import { parseStartArgs } from '../../scripts/start-args.mjs';

let tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-helpers-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs = [];
});

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}


describe('parseStartArgs', () => {
  it('takes --skip-build and --browser for itself and passes everything else to the app', () => {
    expect(parseStartArgs([])).toEqual({ skipBuild: false, browser: false, appArgs: [] });
    expect(parseStartArgs(['--skip-build', '--data-dir', '/tmp/x'])).toEqual({ skipBuild: true, browser: false, appArgs: ['--data-dir', '/tmp/x'] });
    expect(parseStartArgs(['--browser', '--no-open'])).toEqual({ skipBuild: false, browser: true, appArgs: ['--no-open'] });
  });

  it('passes everything after a bare -- verbatim', () => {
    expect(parseStartArgs(['--', '--skip-build', '--browser'])).toEqual({ skipBuild: false, browser: false, appArgs: ['--skip-build', '--browser'] });
  });
});

describe('firstErrorLine', () => {
  it('finds the message in what Electron’s installer prints, without the stack', () => {
    const output = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async downloadArtifact (file:///x.js:1:1)\n';
    expect(firstErrorLine(output)).toBe('fetch failed');
  });

  it('names network trouble as such', () => {
    expect(networkTrouble('prebuild-install warn install getaddrinfo EAI_AGAIN github.com')).toBe('the network could not be reached (EAI_AGAIN)');
    expect(networkTrouble('gyp ERR! stack is related to network connectivity.')).toBe('the network could not be reached');
    expect(networkTrouble('make: g++: Command not found')).toBeUndefined();
  });

  it('skips node-gyp’s stack lines', () => {
    const output = 'gyp info it worked\ngyp ERR! stack Error: 404 response downloading headers\ngyp ERR! stack     at go (/x.js:1:1)\n';
    expect(firstErrorLine(output)).toBe('gyp ERR! stack Error: 404 response downloading headers');
  });
});

describe('the Electron runtime check', () => {
  function fakeElectronPackage(options: { installed: boolean; installJs?: string }): string {
    const dir = tempDir();
    write(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
    write(path.join(dir, 'install.js'), options.installJs ?? 'process.exit(1);\n');
    if (options.installed) {
      write(path.join(dir, 'dist', electronExecutableName(process.platform)), '');
      write(path.join(dir, 'dist', 'version'), 'v45.5.0');
      write(path.join(dir, 'path.txt'), electronExecutableName(process.platform));
    }
    return dir;
  }

  it('counts an installed node_modules/electron/dist as present', () => {
    const electronDir = fakeElectronPackage({ installed: true });
    const status = electronRuntimeStatus({ electronDir, env: {} });
    expect(status).toMatchObject({ present: true, version: '45.5.0', override: false });
    expect(status.executable).toBe(path.join(electronDir, 'dist', electronExecutableName(process.platform)));
  });

  it('does not count a missing, unfinished or other-version download', () => {
    const missing = fakeElectronPackage({ installed: false });
    expect(electronRuntimeStatus({ electronDir: missing, env: {} }).present).toBe(false);

    const unfinished = fakeElectronPackage({ installed: true });
    fs.rmSync(path.join(unfinished, 'path.txt'));
    expect(electronRuntimeStatus({ electronDir: unfinished, env: {} }).present).toBe(false);

    const other = fakeElectronPackage({ installed: true });
    write(path.join(other, 'dist', 'version'), '44.0.0');
    expect(electronRuntimeStatus({ electronDir: other, env: {} })).toMatchObject({ present: false, problem: 'it is Electron 44.0.0' });
  });

  it('looks only in ELECTRON_OVERRIDE_DIST_PATH when it is set', () => {
    const electronDir = fakeElectronPackage({ installed: true });
    const override = tempDir();
    expect(electronRuntimeStatus({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toMatchObject({ present: false, override: true });
    write(path.join(override, electronExecutableName(process.platform)), '');
    expect(electronRuntimeStatus({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } }).present).toBe(true);
  });

  it('gives up on a download that hangs, at the time limit', () => {
    const electronDir = fakeElectronPackage({ installed: false, installJs: 'setTimeout(() => {}, 60_000);\n' });
    const started = Date.now();
    const result = downloadElectronRuntime({ electronDir, env: {}, timeoutMs: 500 });
    expect(result).toEqual({ ok: false, reason: 'the download did not finish within 1 s' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a failed download in one line, without the stack', () => {
    const electronDir = fakeElectronPackage({
      installed: false,
      installJs: 'console.error("TypeError: fetch failed\\n    at x (y.js:1:1)"); process.exit(1);\n',
    });
    const result = downloadElectronRuntime({ electronDir, env: {}, timeoutMs: 10_000 });
    expect(result).toEqual({ ok: false, reason: 'the network could not be reached (fetch failed)' });
  });

  it('says why in one clause, which npm start follows with the browser', () => {
    expect(electronDownloadFailedReason({ version: '45.5.0', reason: 'the network could not be reached (ECONNREFUSED).' })).toBe(
      'Electron 45.5.0 could not be downloaded: the network could not be reached (ECONNREFUSED)',
    );
    expect(electronOverrideBrokenReason({ version: '45.5.0', problem: 'there is no /x/electron' })).toBe(
      'ELECTRON_OVERRIDE_DIST_PATH does not hold a usable Electron 45.5.0: there is no /x/electron',
    );
    expect(BROWSER_INSTEAD).toBe('opening Adoption Desk in your browser instead — the same app and data.');
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('uses the variable the main process reads', () => {
    expect(NATIVE_BINDING_ENV).toBe(READ_BY_MAIN);
  });

  it('keys the cache by module version, Electron version, platform and arch', () => {
    const key = nativeCacheKey({ moduleName: 'better-sqlite3', moduleVersion: '12.11.1', electronVersion: '45.5.0', platform: 'linux', arch: 'x64' });
    expect(key).toBe('better-sqlite3-12.11.1-electron-45.5.0-linux-x64');
    expect(defaultNativeCacheRoot('/repo')).toBe(path.join('/repo', '.cache', 'electron-native'));
    const paths = nativeCachePaths(defaultNativeCacheRoot('/repo'), key);
    expect(paths.dir).toBe(path.join('/repo', '.cache', 'electron-native', key));
    expect(paths.binding).toBe(path.join(paths.dir, 'build', 'Release', 'better_sqlite3.node'));
  });

  it('drops npm settings that would make node-gyp build for Node instead', () => {
    const env = electronBuildEnv({ npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', PATH: '/bin', npm_config_proxy: 'http://p' });
    expect(env).toEqual({ PATH: '/bin', npm_config_proxy: 'http://p' });
  });

  it('builds for Electron: prebuilt binary first, then node-gyp against Electron’s headers', () => {
    const steps = nativeBuildSteps({
      cacheDir: '/cache/x',
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      env: { npm_config_nodedir: '/usr' },
      tools: { prebuildInstall: '/p/bin.js', nodeGyp: '/g/node-gyp.js' },
      devDir: '/home/u/.electron-gyp',
    });
    expect(steps.map((step) => step.cwd)).toEqual(['/cache/x', '/cache/x']);
    expect(steps[0]?.args).toEqual(['/p/bin.js', '--runtime', 'electron', '--target', '45.5.0', '--platform', 'linux', '--arch', 'x64']);
    expect(steps[1]?.args).toEqual(
      expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']),
    );
    expect(steps.every((step) => step.env.npm_config_nodedir === undefined)).toBe(true);
  });

  /** A project folder whose node_modules/better-sqlite3 holds a "Node build". */
  function fakeProject(): { root: string; nodeBuild: string } {
    const root = tempDir();
    const pkg = path.join(root, 'node_modules', 'better-sqlite3');
    write(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
    write(path.join(pkg, 'binding.gyp'), '{}');
    write(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
    const nodeBuild = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
    write(nodeBuild, 'built for Node');
    return { root, nodeBuild };
  }

  const tools = { prebuildInstall: '/p/bin.js', nodeGyp: '/g/node-gyp.js' };
  const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64', env: {}, tools } as const;

  it('builds a copy in .cache/ and never touches node_modules', () => {
    const { root, nodeBuild } = fakeProject();
    const calls: BuildStep[] = [];
    const result = ensureElectronNative({
      root,
      ...target,
      run: (_command, _args, step) => {
        calls.push(step);
        // The copy holds the sources but not the Node build, which must not pass for Electron's.
        expect(fs.existsSync(path.join(step.cwd, 'src', 'better_sqlite3.cpp'))).toBe(true);
        expect(fs.existsSync(path.join(step.cwd, 'build'))).toBe(false);
        write(path.join(step.cwd, 'build', 'Release', 'better_sqlite3.node'), 'built for Electron');
        return { ok: true, timedOut: false, output: '' };
      },
    });

    const cacheDir = path.join(root, '.cache', 'electron-native', 'better-sqlite3-12.11.1-electron-45.5.0-linux-x64');
    expect(result).toEqual({ ok: true, built: true, binding: path.join(cacheDir, 'build', 'Release', 'better_sqlite3.node') });
    expect(calls.map((step) => step.cwd)).toEqual([cacheDir]);
    expect(fs.readFileSync(nodeBuild, 'utf8')).toBe('built for Node');

    const again = ensureElectronNative({
      root,
      ...target,
      run: () => {
        throw new Error('a cached build must not be rebuilt');
      },
    });
    expect(again).toMatchObject({ ok: true, built: false });
  });

  it('falls back to compiling, and reports a failed build in plain words with a log', () => {
    const { root, nodeBuild } = fakeProject();
    const labels: string[] = [];
    const result = ensureElectronNative({
      root,
      ...target,
      run: (_command, _args, step) => {
        labels.push(step.label);
        const output = step.label === 'compiling'
          ? 'make: g++: Command not found\ngyp ERR! build error\ngyp ERR! stack Error: `make` failed with exit code: 2\ngyp ERR! stack     at x (y.js:1:1)\n'
          : 'prebuild-install warn install getaddrinfo ENOTFOUND github.com\n';
        return { ok: false, timedOut: false, output };
      },
    });

    expect(labels).toEqual(['downloading a prebuilt binary', 'compiling']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(
      'downloading a prebuilt binary failed: the network could not be reached (ENOTFOUND); compiling failed: make: g++: Command not found',
    );
    expect(fs.readFileSync(result.log, 'utf8')).toContain('gyp ERR! stack     at x (y.js:1:1)');
    expect(fs.readFileSync(nodeBuild, 'utf8')).toBe('built for Node');

    const message = nativeBuildFailedReason({ electronVersion: '45.5.0', ...result });
    expect(message).toBe(
      `Electron's build of the database engine (better-sqlite3 12.11.1 for Electron 45.5.0) could not be made: ${result.reason} (the full output is in ${result.log})`,
    );
    expect(message).not.toContain('\n');
  });
});
