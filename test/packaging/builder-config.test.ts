// The electron-builder configuration is security-relevant (fuses) and decides what ships
// (files): both are checked here without packaging anything.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { keepFile } from '../../scripts/keep-node-build.cjs';

const require = createRequire(import.meta.url);
const config = require('../../electron-builder.config.cjs') as Configuration;

const asArray = <T>(value: T | T[] | null | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);
const targetNames = (target: unknown): string[] =>
  asArray(target).map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));

describe('electron-builder.config.cjs', () => {
  it('names the app', () => {
    expect(config.appId).toBe('dev.adoptiondesk.app');
    expect(config.productName).toBe('Adoption Desk');
    expect(config.directories?.output).toBe('dist');
  });

  it('flips every fuse that would let the environment take over the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only fuse names that electron-builder 26 knows', () => {
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known).toContain(name);
  });

  it('ships the built app and package.json, and no sources', () => {
    const files = asArray(config.files) as string[];
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
    for (const source of ['electron', 'services', 'db', 'domain', 'templates', 'renderer', 'cli', 'test', 'docs', 'scripts']) {
      expect(included.some((pattern) => pattern.startsWith(source))).toBe(false);
    }
  });

  it('packs into app.asar with the native addon unpacked beside it', () => {
    expect(config.asar).not.toBe(false);
    const unpack = asArray(config.asarUnpack);
    expect(unpack.some((pattern) => pattern.includes('better-sqlite3') && pattern.endsWith('.node'))).toBe(true);
  });

  it('rebuilds native modules for Electron when packaging for real', () => {
    expect(config.npmRebuild).toBe(true);
    expect(typeof config.beforeBuild).toBe('function');
    expect(typeof config.afterPack).toBe('function');
  });

  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
  });
});

describe('keepFile (puts the Node build of better-sqlite3 back after electron-builder rebuilt it)', () => {
  it('restores the saved bytes and removes its copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-keep-'));
    try {
      const file = path.join(dir, 'better_sqlite3.node');
      fs.writeFileSync(file, 'built for Node');
      const kept = keepFile(file);
      kept.save();
      fs.writeFileSync(file, 'built for Electron');
      kept.restore();
      expect(fs.readFileSync(file, 'utf8')).toBe('built for Node');
      kept.restore(); // a second restore has nothing to put back
      expect(fs.readFileSync(file, 'utf8')).toBe('built for Node');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still restores when packaging fails after node-gyp deleted build/', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-keep-'));
    try {
      const file = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'built for Node');
      const script = [
        `const kept = require(${JSON.stringify(require.resolve('../../scripts/keep-node-build.cjs'))}).keepFile(${JSON.stringify(file)});`,
        'kept.save();',
        `require('node:fs').rmSync(${JSON.stringify(path.join(dir, 'build'))}, { recursive: true });`,
        'process.exit(1);',
      ].join('\n');
      const run = spawnSync(process.execPath, ['-e', script]);
      expect(run.status).toBe(1);
      expect(fs.readFileSync(file, 'utf8')).toBe('built for Node');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does nothing when there is no file to keep', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-keep-'));
    try {
      const kept = keepFile(path.join(dir, 'missing.node'));
      kept.save();
      kept.restore();
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
