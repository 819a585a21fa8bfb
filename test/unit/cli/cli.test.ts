import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../db/identity';
import { version } from '../../../package.json';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

describe('adoption-desk CLI', () => {
  it('adds a project and lists it as JSON', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const added = await cli(['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', db]);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe('Created project "Globex Mesh" (globex-mesh, incubation).\n');
    const listed = await cli(['--db', db, 'project', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'Globex Mesh', slug: 'globex-mesh', level: 'incubation' })]);
  });

  it('prints a table, and a hint when there is nothing', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    await cli(['project', 'add', '--name', 'Initech Proxy', '--level', 'graduation', '--slug', 'initech', '--db', db]);
    expect((await cli(['project', 'list', '--db', db])).stdout).toBe('SLUG     LEVEL       NAME\ninitech  graduation  Initech Proxy\n');
  });

  it('uses ADOPTION_DESK_DB when --db is absent', async () => {
    const db = path.join(tempDir(), 'env.sqlite');
    expect((await cli(['project', 'add', '--name', 'Acme', '--level', 'incubation'], { ADOPTION_DESK_DB: db })).code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });

  it.each([
    [['project', 'add', '--level', 'incubation'], 'project add needs --name NAME.'],
    [['project', 'add', '--name', 'X', '--level', 'sandbox'], 'The level is "incubation" or "graduation".'],
    [['project', 'add', '--name', 'X', '--level', 'incubation', '--colour', 'red'], "Unknown option '--colour'"],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['project', 'remove'], 'Unknown project command "remove"'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const result = await cli([...args, '--db', path.join(tempDir(), 'u.sqlite')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('data errors exit 4: missing, damaged and newer databases', async () => {
    const dir = tempDir();
    const missing = await cli(['project', 'list', '--db', path.join(dir, 'none.sqlite')]);
    expect(missing).toMatchObject({ code: 4 });
    expect(missing.stderr).toContain('There is no database at');
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);

    const damaged = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(damaged, 'not a database at all, just text that is long enough');
    expect((await cli(['project', 'list', '--db', damaged])).code).toBe(4);

    const newer = path.join(dir, 'newer.sqlite');
    const raw = new Database(newer);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma('user_version = 999');
    raw.close();
    const tooNew = await cli(['project', 'list', '--db', newer]);
    expect(tooNew.code).toBe(4);
    expect(tooNew.stderr).toContain('newer version of Adoption Desk');
  });

  it('a duplicate slug is a data error', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    await cli(['project', 'add', '--name', 'Globex', '--level', 'incubation', '--db', db]);
    const again = await cli(['project', 'add', '--name', 'Globex', '--level', 'incubation', '--db', db]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('already exists');
  });

  it('--version and --help', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('project add --name NAME');
    expect((await cli([])).code).toBe(2);
  });
});

describe('the built binary', () => {
  const bin = path.resolve(__dirname, '../../../out/cli/adoption-desk.js');

  it('runs as a separate process with the same exit codes', { timeout: 30_000 }, () => {
    expect(fs.existsSync(bin), `${bin} is missing: run npm run build`).toBe(true);
    const db = path.join(tempDir(), 'bin.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(run('project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', db).status).toBe(0);
    const list = run('project', 'list', '--json', '--db', db);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)[0].name).toBe('Globex Mesh');
    expect(run('project', 'add', '--db', db).status).toBe(2);
    expect(run('--version').stdout.trim()).toBe(version);
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
