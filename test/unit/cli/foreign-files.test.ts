import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/run';
import { createRng } from '../../../scripts/bench/prng';
import { APPLICATION_ID } from '../../../db/identity';
import { DATABASE_FILE } from '../../../services/data-location';
import { openDesk } from '../../../services/desk';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

/**
 * Someone else's file as the database (issue 18, class 5). Generated files — other
 * applications' SQLite databases (with and without a table named `project`, with an
 * application id, in WAL mode, blank), a zero-byte file, random bytes, text, a folder, a
 * FIFO, a link to nothing, and a symbolic link to each — are given to read-only commands
 * and to commands that create, through `--db`, and as the data folder's database of the
 * desktop app and `adoption-desk serve` (services/desk.ts openDesk). Each refusal: the
 * documented exit code (4), a plain message that says what the file is (no stack trace, no
 * schema path, no driver message), and the file and its folder exactly as they were (bytes
 * by SHA-256; a FIFO by its inode, as reading it would block). The only files Adoption Desk
 * may take are a missing one and a blank one, and those only for a command that creates.
 */

// Seeded, so a failing case can be replayed with FOREIGN_SEED=<seed>.
const rng = createRng(process.env.FOREIGN_SEED ?? 'issue-18-foreign-files');
const random = () => rng.next();
const pick = <T,>(items: readonly T[]): T => rng.pick(items);
const WORDS = ['moz', 'places', 'notes', 'inbox', 'ledger', 'task', 'photo', 'album', 'cache', 'meta', 'track', 'sync', 'user', 'event'];
const inventName = () => `${pick(WORDS)}_${pick(WORDS)}${Math.floor(random() * 100)}`;

type Outcome = 'foreign' | 'blank' | 'not-sqlite' | 'special' | 'dangling';

interface Kind {
  name: string;
  outcome: Outcome;
  /** What the refusal says the file is. */
  says: RegExp;
  make(file: string): void;
}

/** Another application's SQLite database, built with its own connection. */
function sqliteOf(build: (db: Database.Database) => void): (file: string) => void {
  return (file) => {
    const db = new Database(file);
    build(db);
    db.close();
  };
}

const randomTables = (db: Database.Database, count: number) => {
  for (let i = 0; i < count; i++) {
    const table = `${inventName()}_${i}`;
    db.exec(`CREATE TABLE "${table}" (id INTEGER PRIMARY KEY, "${inventName()}" TEXT, "${inventName()}" INTEGER)`);
    const insert = db.prepare(`INSERT INTO "${table}" VALUES (?, ?, ?)`);
    for (let r = 0; r < 1 + Math.floor(random() * 20); r++) insert.run(r + 1, crypto.randomBytes(8).toString('hex'), r);
  }
};

const KINDS: Kind[] = [
  {
    name: "another app's database without a project table",
    outcome: 'foreign',
    says: /is an SQLite database of another application \(its tables: /,
    make: sqliteOf((db) => randomTables(db, 2 + Math.floor(random() * 4))),
  },
  {
    name: "another app's database with a table named project",
    outcome: 'foreign',
    says: /it has a table named "project", but not Adoption Desk's/,
    make: sqliteOf((db) => {
      db.exec('CREATE TABLE project (id INTEGER PRIMARY KEY, title TEXT, due TEXT)');
      db.prepare("INSERT INTO project (title, due) VALUES ('Plant tomatoes', '2026-04-01')").run();
      randomTables(db, 1);
      db.pragma('user_version = 3');
    }),
  },
  {
    name: "another app's project table with all of our column names, schema version 0",
    outcome: 'foreign',
    says: /another application/,
    make: sqliteOf((db) => db.exec('CREATE TABLE project (id INTEGER PRIMARY KEY, name, slug, level, version, created_at, updated_at)')),
  },
  {
    name: 'a database with an application id of its own (GeoPackage)',
    outcome: 'foreign',
    says: /application id is 0x47504b47, "GPKG"/,
    make: sqliteOf((db) => {
      randomTables(db, 1);
      db.pragma('application_id = 1196444487');
    }),
  },
  {
    name: "another app's database in WAL mode",
    outcome: 'foreign',
    says: /another application/,
    make: sqliteOf((db) => {
      db.pragma('journal_mode = WAL');
      randomTables(db, 3);
    }),
  },
  {
    name: 'an SQLite database with only a schema version',
    outcome: 'foreign',
    says: /an SQLite database without tables that is not Adoption Desk's/,
    make: sqliteOf((db) => db.pragma('user_version = 12')),
  },
  {
    name: 'a blank SQLite database (a header, nothing in it)',
    outcome: 'blank',
    says: /is an empty SQLite database: there is no Adoption Desk database in it yet/,
    make: sqliteOf((db) => db.exec('CREATE TABLE t (x); DROP TABLE t; VACUUM')),
  },
  { name: 'a zero-byte file', outcome: 'blank', says: /is empty \(0 bytes\)/, make: (file) => fs.writeFileSync(file, '') },
  {
    name: 'random bytes',
    outcome: 'not-sqlite',
    says: /is not an SQLite database at all/,
    make: (file) => fs.writeFileSync(file, crypto.randomBytes(512 + Math.floor(random() * 8192))),
  },
  {
    name: 'text',
    outcome: 'not-sqlite',
    says: /is not an SQLite database at all/,
    make: (file) => fs.writeFileSync(file, 'Interview notes, not a database.\n'.repeat(50)),
  },
  {
    name: 'an SQLite header and nothing else',
    outcome: 'not-sqlite',
    says: /is not an SQLite database at all/,
    make: (file) => fs.writeFileSync(file, 'SQLite format'),
  },
  {
    name: 'a folder',
    outcome: 'special',
    says: /is a folder.*, not an Adoption Desk database file/,
    make: (file) => {
      fs.mkdirSync(file);
      fs.writeFileSync(path.join(file, 'inside.txt'), 'kept');
    },
  },
  {
    name: 'a FIFO',
    outcome: 'special',
    says: /is a named pipe \(FIFO\).*, not an Adoption Desk database file/,
    make: (file) => execFileSync('mkfifo', [file]),
  },
  {
    name: 'a link to nothing',
    outcome: 'dangling',
    says: /is a link to .*which does not exist/,
    make: (file) => fs.symlinkSync(path.join(path.dirname(file), 'nowhere.sqlite'), file),
  },
];

/** Each kind as itself and through a symbolic link to it (the link to nothing is already one). */
const CASES = KINDS.flatMap((kind) =>
  kind.outcome === 'dangling'
    ? [{ ...kind, linked: false }]
    : [
        { ...kind, linked: false },
        { ...kind, linked: true, name: `a link to ${kind.name}` },
      ],
);

interface Placed {
  dir: string;
  /** What the command is given. */
  file: string;
}

/** Puts the kind at `<dir>/<name>`, or the kind elsewhere in `dir` and a link to it at that name. */
function place(kind: Kind & { linked: boolean }, name = 'data.sqlite'): Placed {
  const dir = tempDir('adoption-desk-foreign-');
  const file = path.join(dir, name);
  if (!kind.linked) {
    kind.make(file);
    return { dir, file };
  }
  const real = path.join(dir, `real-${name}`);
  kind.make(real);
  fs.symlinkSync(real, file);
  return { dir, file };
}

/** Every entry under `dir`, with a fingerprint: bytes for files, the inode for anything reading could block on. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of fs.readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const stat = fs.lstatSync(full);
      const rel = path.relative(dir, full);
      if (stat.isSymbolicLink()) out[rel] = `link → ${fs.readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        out[rel] = `folder`;
        walk(full);
      } else if (stat.isFile()) out[rel] = `${crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')} ${stat.mtimeMs}`;
      else out[rel] = `special ${stat.ino} ${stat.mode} ${stat.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** What a plain message never holds: a stack, a driver's words, a schema path. */
function expectPlain(message: string): void {
  expect(message).not.toMatch(/\n\s+at |SqliteError|SQLITE_|Error:|\w+\[\d+\]\.|node_modules|Unexpected error/);
  expect(message.trim().split('\n').length).toBeLessThanOrEqual(2);
}

const READ_ONLY: { name: string; args: string[] }[] = [
  { name: 'project list', args: ['project', 'list'] },
  { name: 'project list --json', args: ['project', 'list', '--json'] },
  { name: 'adopters', args: ['adopters', '--project', 'globex-mesh'] },
  { name: 'check', args: ['check', '--project', 'globex-mesh'] },
  { name: 'export adoption-md', args: ['export', 'adoption-md', '--project', 'globex-mesh'] },
  { name: 'search', args: ['search', 'globex'] },
  { name: 'backup list', args: ['backup', 'list'] },
  { name: 'backup now', args: ['backup', 'now'] },
];
const CREATING: { name: string; args: (dir: string) => string[] }[] = [
  { name: 'project add', args: () => ['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation'] },
  { name: 'import-notes', args: (dir) => ['import-notes', path.join(dir, 'no-such-notes.md'), '--project', 'globex-mesh', '--adopter', '1'] },
];

describe('someone else’s file as the database: refused untouched', () => {
  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, kind) => {
    const refusedForCreating = kind.outcome !== 'blank';

    it.each(READ_ONLY.map((c) => [c.name, c] as const))('read-only: %s → exit 4, plain message, nothing changed', async (_cmd, command) => {
      const { dir, file } = place(kind);
      const before = fingerprint(dir);
      const run = await cli([...command.args, '--db', file]);
      if (kind.outcome === 'not-sqlite' && command.name === 'backup list') {
        // Bytes that are not SQLite may be a store of ours damaged beyond reading: `backup list`
        // opens in recovery mode to show what could replace it, and says what the file is.
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toMatch(/^Warning: /);
      } else {
        expect(run.code, run.stderr).toBe(4);
        expect(run.stdout).toBe('');
      }
      expect(run.stderr).toMatch(kind.says);
      expect(run.stderr).toContain(file);
      expectPlain(run.stderr);
      expect(fingerprint(dir)).toEqual(before);
    });

    it.each(CREATING.map((c) => [c.name, c] as const))('creating: %s', async (_cmd, command) => {
      const { dir, file } = place(kind);
      const before = fingerprint(dir);
      const run = await cli([...command.args(dir), '--db', file]);
      if (refusedForCreating) {
        expect(run.code, run.stderr).toBe(4);
        expect(run.stderr).toMatch(kind.says);
        expectPlain(run.stderr);
        expect(fingerprint(dir)).toEqual(before);
      } else {
        // A blank file is ours to start a database in; the command then goes on as on a new one.
        expect(run.stderr).not.toMatch(kind.says);
        expectPlain(run.stderr);
        const db = new Database(file, { readonly: true });
        try {
          expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
        } finally {
          db.close();
        }
      }
    });

    it('the desktop app and serve opening it as their data folder’s database (openDesk, recovery mode)', async () => {
      const { dir, file } = place(kind, DATABASE_FILE);
      const before = fingerprint(dir);
      if (kind.outcome === 'blank') {
        // The app creates its database: a blank file in its place is taken.
        const desk = openDesk(file, { recover: true });
        expect(desk.failure).toBeNull();
        desk.close();
        return;
      }
      if (kind.outcome === 'not-sqlite') {
        // Bytes that are not SQLite may be a store of ours damaged beyond reading: the app opens in
        // recovery mode (Settings → Backups can put a backup in place), and the file is not touched.
        const desk = openDesk(file, { recover: true });
        expect(desk.failure?.code).toBe('DATABASE_CORRUPT');
        expect(desk.failure?.message).toMatch(kind.says);
        desk.close();
      } else {
        let thrown: unknown;
        try {
          openDesk(file, { recover: true }).close();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toMatchObject({ code: 'DATABASE_MISSING' });
        expect((thrown as Error).message).toMatch(kind.says);
        expectPlain((thrown as Error).message);
      }
      expect(fingerprint(dir)).toEqual(before);

      // adoption-desk serve on that data folder: the same refusal, exit 4, and it does not start.
      if (kind.outcome !== 'not-sqlite') {
        let stdout = '';
        let stderr = '';
        const code = await runCli(['serve', '--no-open', '--data-dir', dir], {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          env: {},
          untilStopped: () => Promise.resolve('SIGTERM'),
        });
        expect(code, stderr).toBe(4);
        expect(stdout).toBe('');
        expect(stderr).toMatch(kind.says);
        expectPlain(stderr);
        expect(fingerprint(dir)).toEqual(before);
      }
    });
  });

  it('a FIFO never makes a command wait: the refusal comes at once', async () => {
    const { file } = place({ ...KINDS.find((k) => k.name === 'a FIFO')!, linked: false });
    const started = performance.now();
    expect((await cli(['project', 'list', '--db', file])).code).toBe(4);
    expect((await cli(['project', 'add', '--name', 'Globex', '--level', 'incubation', '--db', file])).code).toBe(4);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a store of ours still opens through a link, and a missing file is still created by a command that creates', async () => {
    const dir = tempDir();
    const real = path.join(dir, 'real.sqlite');
    expect((await cli(['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', real])).code).toBe(0);
    const link = path.join(dir, 'link.sqlite');
    fs.symlinkSync(real, link);
    const listed = await cli(['project', 'list', '--json', '--db', link]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ slug: 'globex-mesh' })]);
  });
});
