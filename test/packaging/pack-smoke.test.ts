// Packs the built app with the real electron-builder CLI and the real config, into a
// linux-unpacked folder, around a stand-in Electron: the real one cannot be downloaded here
// (TOOLCHAIN.md), and electron-builder only copies the Electron folder for `--dir`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, offlineEnv, runToEnd } from './offline-env';

const require = createRequire(import.meta.url);
const BUILT = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];
const SOURCE_FOLDERS = ['electron', 'services', 'db', 'domain', 'templates', 'renderer', 'cli', 'test', 'docs', 'scripts'];

/** What electron-builder copies for `--dir --linux`: an executable named electron, resources/, locales/. */
function makeStandInElectron(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron: packaging smoke test only" >&2\nexit 1\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  fs.writeFileSync(path.join(dir, 'version'), '45.5.0');
}

/**
 * The real configuration, with the fuses off: they are flipped by patching the Electron
 * binary, and a shell script has no fuse wire to patch. The CLI cannot unset them itself
 * (-c.electronFuses=null arrives as the string "null", which the schema refuses).
 */
function writeSmokeConfig(file: string): void {
  const real = JSON.stringify(path.join(ROOT, 'electron-builder.config.cjs'));
  fs.writeFileSync(file, `module.exports = { ...require(${real}), electronFuses: null };\n`);
}

describe('electron-builder --dir with the real configuration', () => {
  let work: string;
  let resources: string;
  let packMs = 0;

  beforeAll(async () => {
    const missing = BUILT.filter((file) => !fs.existsSync(path.join(ROOT, file)));
    if (missing.length > 0) {
      throw new Error(`The packaging smoke test packs the built app, and ${missing.join(', ')} is missing: run \`npm run build\` first.`);
    }

    work = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-pack-'));
    const electronDist = path.join(work, 'electron-dist');
    const output = path.join(work, 'dist');
    const config = path.join(work, 'electron-builder.smoke.cjs');
    makeStandInElectron(electronDist);
    writeSmokeConfig(config);

    const run = await runToEnd(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--dir',
        '--linux',
        '--x64', // the stand-in fits any arch; fixing it fixes the folder name: linux-unpacked
        '--publish',
        'never',
        '--projectDir',
        ROOT,
        '--config',
        config,
        `-c.electronDist=${electronDist}`,
        // A rebuild here would compile better-sqlite3 against Node's headers and call it Electron's.
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      { cwd: ROOT, env: offlineEnv(path.join(work, 'cache')), killAfterMs: 90_000 },
    );
    packMs = run.ms;
    if (run.code !== 0) throw new Error(`electron-builder failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
    resources = path.join(output, 'linux-unpacked', 'resources');
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('packs in well under a minute', () => {
    expect(packMs).toBeLessThan(45_000);
  });

  it('puts the built app and package.json into app.asar', () => {
    const asar = path.join(resources, 'app.asar');
    expect(fs.existsSync(asar)).toBe(true);
    const entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
    for (const file of [...BUILT, 'package.json']) expect(entries).toContain(file);
    expect(entries).toContain('node_modules/better-sqlite3/lib/index.js');
  });

  it('leaves sources, tests and docs out of app.asar', () => {
    const entries = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
    const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    for (const folder of SOURCE_FOLDERS) expect(topLevel.has(folder)).toBe(false);
    expect(entries.some((entry) => entry.endsWith('.ts') && !entry.startsWith('node_modules/'))).toBe(false);
    // better-sqlite3's C sources and compiler leftovers are not needed at run time.
    expect(entries.some((entry) => entry.startsWith('node_modules/better-sqlite3/deps/'))).toBe(false);
    expect(entries.some((entry) => entry.startsWith('node_modules/better-sqlite3/src/'))).toBe(false);
  });

  it('keeps the native addon on disk in app.asar.unpacked', () => {
    const addon = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(fs.existsSync(addon)).toBe(true);
  });
});
