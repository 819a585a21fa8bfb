import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function withProject(name = 'Globex Mesh') {
  const dir = tempDir();
  const db = path.join(dir, 'adoption-desk.sqlite');
  expect((await cli(['project', 'add', '--name', name, '--level', 'incubation', '--db', db])).code).toBe(0);
  return { dir, db };
}

const projectNames = async (db: string) => JSON.parse((await cli(['project', 'list', '--json', '--db', db])).stdout).map((p: { name: string }) => p.name);

describe('adoption-desk backup', () => {
  it('backup now writes a backup into <data folder>/backups and says where', async () => {
    const { dir, db } = await withProject();
    const result = await cli(['backup', 'now', '--db', db]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const match = /^Backed up to (.+\.sqlite) \((\d+ kB|\d+\.\d MB|\d+ B)\)\.\n$/.exec(result.stdout);
    expect(match, result.stdout).not.toBeNull();
    const file = match![1]!;
    expect(path.dirname(file)).toBe(path.join(dir, 'backups'));
    expect(path.basename(file)).toMatch(/^adoption-desk-\d{4}-\d{2}-\d{2}T\d{6}Z-manual(-\d+)?\.sqlite$/);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT name FROM project').pluck().all()).toEqual(['Globex Mesh']);
    copy.close();

    const asJson = await cli(['backup', 'now', '--json', '--db', db]);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ reason: 'manual', file: expect.stringContaining(path.join(dir, 'backups')), bytes: expect.any(Number) });
  });

  it('backup list prints newest first, as a table or as JSON', async () => {
    const { db } = await withProject();
    // The second open of the day (this one) wrote the daily backup; add a manual one.
    await cli(['backup', 'now', '--db', db]);
    const json = await cli(['backup', 'list', '--json', '--db', db]);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as { file: string; createdAt: string; reason: string; bytes: number }[];
    expect(listed.map((b) => b.reason).sort()).toEqual(['daily', 'manual']);
    expect(listed.every((b) => fs.existsSync(b.file) && b.bytes === fs.statSync(b.file).size)).toBe(true);
    expect([...listed].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(listed);

    const text = await cli(['backup', 'list', '--db', db]);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CREATED\s+REASON\s+SIZE\s+FILE$/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s+(daily|manual)\s+\S+ \S+\s+\/.+\.sqlite$/.test(line))).toBe(true);
  });

  it('backup list on a database with no backups yet says how to make one', async () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    // A file whose bytes are not a database opens in recovery mode, which lists the backups that could replace it.
    fs.writeFileSync(db, 'damaged beyond reading: not even the SQLite header is left');
    const result = await cli(['backup', 'list', '--db', db]);
    expect(result).toMatchObject({ code: 0, stdout: 'No backups yet. Make one with: adoption-desk backup now\n' });
    expect(result.stderr).toMatch(/^Warning: The file .* is not an Adoption Desk database/);
  });

  it('backup list on an empty file refuses it untouched: a command that only reads never starts a database', async () => {
    const db = path.join(tempDir(), 'adoption-desk.sqlite');
    fs.writeFileSync(db, '');
    const result = await cli(['backup', 'list', '--db', db]);
    expect(result).toMatchObject({ code: 4, stdout: '' });
    expect(result.stderr).toContain('is empty (0 bytes): there is no Adoption Desk database in it yet');
    expect(fs.statSync(db).size).toBe(0);
  });

  it.each([
    [['backup'], 'Usage:'],
    [['backup', 'later'], 'Unknown backup command "later"'],
    [['backup', 'list', '--colour'], "Unknown option '--colour'"],
    [['restore'], 'restore needs exactly one backup FILE'],
    [['restore', 'a.sqlite', 'b.sqlite'], 'restore needs exactly one backup FILE'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const { db } = await withProject();
    const result = await cli([...args, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('backup of a database that does not exist is a data error, and creates nothing', async () => {
    const dir = tempDir();
    const result = await cli(['backup', 'now', '--db', path.join(dir, 'typo.sqlite')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('There is no database at');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('adoption-desk restore', () => {
  it('restores a backup by path or by the name "backup list" shows, keeping the replaced database', async () => {
    const { dir, db } = await withProject();
    const backup = JSON.parse((await cli(['backup', 'now', '--json', '--db', db])).stdout) as { file: string };
    await cli(['project', 'add', '--name', 'Added later', '--level', 'graduation', '--db', db]);
    expect(await projectNames(db)).toEqual(['Added later', 'Globex Mesh']);

    const restored = await cli(['restore', backup.file, '--db', db]);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    const kept = /The database it replaced is kept at (.+\.sqlite)\.\n$/.exec(restored.stdout)?.[1];
    expect(restored.stdout).toContain(`Restored ${backup.file}.`);
    expect(kept && path.dirname(kept)).toBe(path.join(dir, 'backups'));
    expect(await projectNames(db)).toEqual(['Globex Mesh']);

    // Undo the restore by restoring the kept file, named as `backup list` shows it.
    const again = await cli(['restore', path.basename(kept!), '--json', '--db', db]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ restoredFrom: kept, replacedKeptAt: expect.stringMatching(/before-restore(-\d+)?\.sqlite$/) });
    expect(await projectNames(db)).toEqual(['Added later', 'Globex Mesh']);
  });

  it('refuses a damaged or foreign backup with exit 4 and leaves the database alone', async () => {
    const { dir, db } = await withProject();
    const notes = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(notes, 'these are notes, not a database; long enough for a header');
    const foreign = path.join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE t (x)');
    f.close();
    const before = sha(db);

    for (const file of [notes, foreign]) {
      const result = await cli(['restore', file, '--db', db]);
      expect(result.code, file).toBe(4);
      expect(result.stderr).toMatch(/not an Adoption Desk/);
      expect(result.stderr).toContain('Nothing was restored');
    }
    const missing = await cli(['restore', path.join(dir, 'nowhere.sqlite'), '--db', db]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('There is no backup at');

    expect(sha(db)).toBe(before);
    expect(await projectNames(db)).toEqual(['Globex Mesh']);
    const reasons = JSON.parse((await cli(['backup', 'list', '--json', '--db', db])).stdout).map((b: { reason: string }) => b.reason);
    expect(reasons).not.toContain('before-restore');
  });

  it('--help lists the backup and restore commands', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('adoption-desk backup now');
    expect(help.stdout).toContain('adoption-desk backup list [--json]');
    expect(help.stdout).toContain('adoption-desk restore FILE');
  });
});
