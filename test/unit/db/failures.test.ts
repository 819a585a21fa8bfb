import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackupFiles, writeBackup } from '../../../db/backups';
import { openDatabase } from '../../../db/open';
import { toDeskError } from '../../../db/sqlite-errors';
import { DeskError } from '../../../domain/errors';
import { openDesk, type Desk } from '../../../services/desk';
import { dispatch } from '../../../services/dispatch';
import { tempDir } from '../../helpers/temp-dir';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const quiet = () => {};

/** A closed database with a project, an adopter and `interviews` interviews carrying notes. */
async function populated(interviews = 40): Promise<{ dir: string; file: string; interviewId: number }> {
  const dir = tempDir();
  const file = path.join(dir, 'adoption-desk.sqlite');
  const desk = openDesk(file);
  const s = desk.services;
  const project = await s.createProject({ name: 'Globex Mesh', level: 'incubation' });
  const org = await s.createOrganization({ name: 'Initech' });
  const adopter = await s.createAdopter({ projectId: project.id, organizationId: org.id });
  let interviewId = 0;
  for (let i = 0; i < interviews; i++) {
    const interview = await s.createInterview({ adopterId: adopter.id, date: '2026-03-04', rawNotes: `Call ${i}: ${'they run it in production. '.repeat(80)}` });
    interviewId ||= interview.id;
  }
  desk.close();
  return { dir, file, interviewId };
}

/** Overwrites one page of `file` (1-based) with a pattern, as a failing disk or a sync tool would. */
function damagePage(file: string, page: number, fill = 0xa5): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(4096, fill), 0, 4096, (page - 1) * 4096);
  } finally {
    fs.closeSync(fd);
  }
}

/** A leaf page of the interview table's b-tree (dbstat knows where each page belongs). */
function interviewLeafPage(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT pageno FROM dbstat WHERE name = 'interview' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2").pluck().get() as number;
  } finally {
    db.close();
  }
}

function openError(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    return error as DeskError;
  }
  throw new Error('expected the open to fail');
}

describe('(a) a damaged database', () => {
  it('is refused with DATABASE_CORRUPT naming the file and the newest GOOD backup, and left byte-identical', async () => {
    const { dir, file } = await populated();
    const db = openDatabase(file);
    const good = writeBackup(db, file, 'manual', () => new Date('2026-11-01T10:00:00Z'));
    const newerButDamaged = writeBackup(db, file, 'manual', () => new Date('2026-11-02T10:00:00Z'));
    db.close();
    damagePage(newerButDamaged.file, interviewLeafPage(newerButDamaged.file));

    damagePage(file, interviewLeafPage(file)); // the header is fine: only a table page is damaged
    const before = sha(file);
    const error = openError(() => openDesk(file));
    expect(error.code).toBe('DATABASE_CORRUPT');
    expect(error.message).toContain(file);
    expect(error.message).toContain(`The newest good backup is ${good.file}`);
    expect(error.message).toContain('left untouched');
    expect(error.details).toMatchObject({ file, newestGoodBackup: good.file });
    expect(sha(file)).toBe(before);
    // Nothing was written beside it that holds data (a read-only check may leave an empty -wal).
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual([path.basename(good.file), path.basename(newerButDamaged.file)].sort());

    // The CLI's read path (mustExist) and a read-only open say the same.
    expect(openError(() => openDatabase(file, { mustExist: true })).code).toBe('DATABASE_CORRUPT');
    expect(openError(() => openDatabase(file, { readOnly: true })).code).toBe('DATABASE_CORRUPT');
    expect(sha(file)).toBe(before);
  });

  it('says so when there is no good backup, also for a damaged schema page', async () => {
    const { file } = await populated(5);
    damagePage(file, 1, 0x00); // page 1 holds the schema after the 100-byte header …
    // … so put a valid header back (4096-byte pages, WAL, standard payload fractions), keeping the damage below it.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('SQLite format 3\0', 'latin1'), 0, 16, 0);
    fs.writeSync(fd, Buffer.from([0x10, 0x00, 0x02, 0x02, 0x00, 0x40, 0x20, 0x20]), 0, 8, 16);
    fs.closeSync(fd);
    const before = sha(file);
    const error = openError(() => openDesk(file));
    expect(error.code).toBe('DATABASE_CORRUPT');
    expect(error.message).toMatch(/There is no good backup in .*backups/);
    expect(sha(file)).toBe(before);
  });

  it('can be replaced by a backup in recovery mode; the damaged file is kept byte for byte', async () => {
    const { file } = await populated(10);
    const db = openDatabase(file);
    const good = writeBackup(db, file, 'manual');
    db.close();
    damagePage(file, interviewLeafPage(file));
    const damaged = sha(file);

    const desk = openDesk(file, { recover: true });
    expect(desk.failure?.code).toBe('DATABASE_CORRUPT');
    expect(await dispatch(desk.services, 'listProjects', {}, quiet)).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    expect((await desk.services.listBackups({})).map((b) => b.file)).toEqual([good.file]);

    const result = await desk.services.restoreBackup({ file: good.file });
    try {
      expect(desk.failure).toBeNull();
      expect(sha(result.replacedKeptAt!)).toBe(damaged);
      expect((await desk.services.listInterviews({ adopterId: 1 })).length).toBe(10);
    } finally {
      desk.close();
    }
  });

  it('found later, while reading, is reported as DATABASE_CORRUPT, not as a crash', async () => {
    const { file } = await populated(40);
    const desk = openDesk(file);
    try {
      // Damage a page behind the open store's back (the open-time check already passed).
      const page = interviewLeafPage(file);
      desk.store.db.pragma('cache_size = 0');
      damagePage(file, page);
      const read = await dispatch(desk.services, 'listInterviews', { adopterId: 1 }, quiet);
      expect(read).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT', message: expect.stringContaining(file) } });
    } finally {
      desk.close();
    }
  });
});

describe('(b) a full disk', () => {
  it('reports IO_ERROR and says the edit was NOT saved; the database keeps the previous value', async () => {
    const { file, interviewId } = await populated(3);
    const desk = openDesk(file);
    try {
      const before = (await desk.services.getInterview({ id: interviewId })).interview;
      await desk.services.updateInterview({ id: interviewId, version: before.version, summary: 'Short and saved.' });
      const saved = (await desk.services.getInterview({ id: interviewId })).interview;
      const changes = desk.store.db.prepare('SELECT count(*) FROM change').pluck().get();

      // The disk fills up: the file may grow by two pages, the summary needs far more.
      const pages = desk.store.db.pragma('page_count', { simple: true }) as number;
      desk.store.db.pragma(`max_page_count = ${pages + 2}`);
      const envelope = await dispatch(desk.services, 'updateInterview', {
        id: interviewId,
        version: saved.version,
        summary: 'A long summary typed during the call. '.repeat(20_000),
      });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
      const message = (envelope as { error: { message: string } }).error.message;
      expect(message).toMatch(/the disk is full/);
      expect(message).toMatch(/NOT saved/);
      expect(message).toContain(file);

      const after = (await desk.services.getInterview({ id: interviewId })).interview;
      expect(after.summary).toBe('Short and saved.');
      expect(after.version).toBe(saved.version);
      expect(desk.store.db.prepare('SELECT count(*) FROM change').pluck().get()).toBe(changes); // no history for an unsaved edit

      // Space again: the same edit now goes through.
      desk.store.db.pragma('max_page_count = 1073741823');
      const retried = await dispatch(desk.services, 'updateInterview', { id: interviewId, version: saved.version, summary: 'Saved after all.' });
      expect(retried).toMatchObject({ ok: true, value: { summary: 'Saved after all.' } });
    } finally {
      desk.close();
    }
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});

describe('(c) a read-only database', () => {
  it('opened with a read-only connection: reads work, every edit is reported as NOT saved', async () => {
    const { file, interviewId } = await populated(2);
    const before = sha(file);
    const desk: Desk = openDesk(file, { readOnly: true });
    try {
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
      const current = (await desk.services.getInterview({ id: interviewId })).interview;
      const edit = await dispatch(desk.services, 'updateInterview', { id: interviewId, version: current.version, summary: 'Typed into a read-only file.' });
      expect(edit).toMatchObject({
        ok: false,
        error: { code: 'IO_ERROR', message: expect.stringMatching(/the file or its folder is read-only .*NOT saved/) },
      });
      const create = await dispatch(desk.services, 'createProject', { name: 'Acme', level: 'graduation' });
      expect(create).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
      expect((await desk.services.getInterview({ id: interviewId })).interview.summary).toBe('');
      expect(desk.warnings).toEqual([]);
    } finally {
      desk.close();
    }
    expect(sha(file)).toBe(before);
    expect(listBackupFiles(file)).toEqual([]); // a read-only open writes no backup
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  it.skipIf(isRoot || process.platform === 'win32')(
    'a database FILE without write permission (runs only as a non-root user on POSIX: root ignores file permissions; the read-only connection test above covers the mapping)',
    async () => {
      const { file, interviewId } = await populated(2);
      fs.chmodSync(file, 0o444);
      const desk = openDesk(file);
      try {
        const current = (await desk.services.getInterview({ id: interviewId })).interview;
        const edit = await dispatch(desk.services, 'updateInterview', { id: interviewId, version: current.version, summary: 'Not saved.' });
        expect(edit).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(/read-only.*NOT saved/) } });
        expect((await desk.services.getInterview({ id: interviewId })).interview.summary).toBe('');
      } finally {
        desk.close();
        fs.chmodSync(file, 0o644);
      }
    },
  );
});

describe('(d) a missing folder', () => {
  it('is created for the database, and for the backups on the first backup', async () => {
    const dir = path.join(tempDir(), 'not', 'there', 'yet');
    const file = path.join(dir, 'adoption-desk.sqlite');
    const desk = openDesk(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false); // a new database needs no backup yet
      await desk.services.createProject({ name: 'Globex Mesh', level: 'incubation' });
      // The folder vanishes under the running app (a cleanup tool): the next backup recreates it.
      const backup = await desk.services.backupNow({});
      expect(path.dirname(backup.file)).toBe(path.join(dir, 'backups'));
      fs.rmSync(path.join(dir, 'backups'), { recursive: true });
      expect(fs.existsSync((await desk.services.backupNow({})).file)).toBe(true);
    } finally {
      desk.close();
    }
  });
});

describe('mapping driver and file-system errors', () => {
  const err = (code: string) => Object.assign(new Error(`raw ${code}`), { code });
  it.each([
    ['SQLITE_FULL', 'IO_ERROR', /the disk is full/],
    ['SQLITE_IOERR_WRITE', 'IO_ERROR', /the disk refused to read or write/],
    ['SQLITE_READONLY', 'IO_ERROR', /read-only/],
    ['SQLITE_READONLY_DBMOVED', 'IO_ERROR', /read-only/],
    ['SQLITE_BUSY', 'IO_ERROR', /another program is holding the database/],
    ['SQLITE_CORRUPT', 'DATABASE_CORRUPT', /is damaged/],
    ['SQLITE_NOTADB', 'DATABASE_CORRUPT', /is damaged/],
    ['ENOSPC', 'IO_ERROR', /the disk is full/],
    ['EROFS', 'IO_ERROR', /read-only/],
  ])('%s becomes %s, and a failed save says it was NOT saved', (code, deskCode, reason) => {
    const mapped = toDeskError(err(code), { file: '/data/adoption-desk.sqlite', action: 'save "Edit summary"' }) as DeskError;
    expect(mapped).toBeInstanceOf(DeskError);
    expect(mapped.code).toBe(deskCode);
    expect(mapped.message).toMatch(reason);
    expect(mapped.message).toContain('/data/adoption-desk.sqlite');
    expect(mapped.message).toContain('Your edit was NOT saved');
    expect(mapped.message).not.toContain('raw');
  });

  it('leaves other errors alone and says "Nothing was changed" for actions that are not saves', () => {
    const other = new Error('a bug');
    expect(toDeskError(other, { file: 'f', action: 'read the database' })).toBe(other);
    expect((toDeskError(err('SQLITE_FULL'), { file: 'f', action: 'open the database' }) as DeskError).message).toMatch(/Nothing was changed\.$/);
  });
});
