import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolderOf, listBackupFiles, planRotation, writeBackup } from '../../../db/backups';
import type { Clock } from '../../../db/clock';
import { startDailyBackup, type BackupStep } from '../../../db/daily-backup';
import { openDesk, type Desk } from '../../../services/desk';
import { seedGlobexMesh } from '../../helpers/seed';
import { tempDir } from '../../helpers/temp-dir';
import { inTimeZone } from '../../helpers/time-zone';

inTimeZone('UTC');

const at = (iso: string): Clock => () => new Date(iso);
const YESTERDAY = at('2026-11-28T09:00:00Z');
const TODAY = at('2026-11-29T08:30:00Z');
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Adoption notes long enough that the store spans a few hundred pages (overflow pages included). */
const longSummary = (i: number) =>
  Array.from({ length: 40 }, (_, line) => `Interview ${i}, paragraph ${line}: the platform team runs the mesh across three regions and reviews it weekly.`).join('\n\n');

/** The Globex Mesh DD plus 30 long interviews, written yesterday (its backup then was not due: the store was new). */
async function storeFromYesterday(): Promise<string> {
  const file = path.join(tempDir(), 'adoption-desk.sqlite');
  const desk = openDesk(file, { clock: YESTERDAY });
  const { adopters } = await seedGlobexMesh(desk.services);
  for (let i = 0; i < 30; i++) await desk.services.createInterview({ adopterId: adopters[i % adopters.length]!.adopter.id, date: '2024-09-01', summary: longSummary(i) });
  desk.close();
  return file;
}

/** Everything in the backups folder that is not a finished backup: half-written copies and their journals. */
const leftovers = (file: string) => {
  const folder = backupFolderOf(file);
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.startsWith('.') || /-(journal|wal|shm)$/.test(name)) : [];
};
const dailies = (file: string) => listBackupFiles(file).filter((b) => b.reason === 'daily');

function readBackup(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      journalMode: db.pragma('journal_mode', { simple: true }),
      version: [db.pragma('user_version', { simple: true }), db.pragma('application_id', { simple: true })],
      projects: db.prepare('SELECT name FROM project ORDER BY name').pluck().all(),
      summaries: db.prepare('SELECT summary FROM interview ORDER BY id').pluck().all(),
    };
  } finally {
    db.close();
  }
}

function readLive(desk: Desk) {
  return {
    version: [desk.store.db.pragma('user_version', { simple: true }), desk.store.db.pragma('application_id', { simple: true })],
    projects: desk.store.db.prepare('SELECT name FROM project ORDER BY name').pluck().all(),
    summaries: desk.store.db.prepare('SELECT summary FROM interview ORDER BY id').pluck().all(),
  };
}

describe('the day’s first start with the backup written later (the desktop app and serve)', () => {
  it('answers the first operation before the backup is written; the backup follows, a complete SQLite file with the same data', async () => {
    const file = await storeFromYesterday();
    const warnings: string[] = [];
    const desk = openDesk(file, { clock: TODAY, laterDailyBackup: true, onWarning: (w) => warnings.push(w) });
    try {
      // The opening wrote nothing: the first screen is answered from the store as it is.
      expect(dailies(file)).toEqual([]);
      const pending = desk.startDailyBackup();
      const projects = await desk.services.listProjects({});
      expect(projects.map((p) => p.name)).toEqual(['Globex Mesh']);
      expect(dailies(file)).toEqual([]);

      const outcome = await pending;
      expect(outcome).toMatchObject({ warning: null, abandoned: false });
      expect(dailies(file).map((b) => b.file)).toEqual([outcome.created!.file]);
      expect(outcome.created!.createdAt).toBe('2026-11-29T08:30:00Z');
      const copy = readBackup(outcome.created!.file);
      expect(copy.integrity).toBe('ok');
      // A backup opens on its own: rollback journal, nothing beside it.
      expect(copy.journalMode).toBe('delete');
      expect(fs.existsSync(`${outcome.created!.file}-wal`)).toBe(false);
      expect({ version: copy.version, projects: copy.projects, summaries: copy.summaries }).toEqual(readLive(desk));
      // The full-text index came along and answers in the copy as in the store.
      const search = (db: Database.Database) => db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'regions'").pluck().get();
      const copyDb = new Database(outcome.created!.file, { readonly: true });
      expect(search(copyDb)).toBe(search(desk.store.db));
      expect(search(copyDb)).toBeGreaterThan(0);
      copyDb.close();
      expect(copy.summaries).toHaveLength(34);
      expect(leftovers(file)).toEqual([]);
      expect(warnings).toEqual([]);
      // Once a day: asking again gives the same outcome, and a later start that day finds it done.
      await expect(desk.startDailyBackup()).resolves.toBe(outcome);
    } finally {
      desk.close();
    }
    const later = openDesk(file, { clock: at('2026-11-29T17:00:00Z'), laterDailyBackup: true });
    try {
      expect((await later.startDailyBackup()).created).toBeNull();
      expect(dailies(file)).toHaveLength(1);
    } finally {
      later.close();
    }
  });

  it('answers operations between its steps; the copy is the store as it was when the backup began', async () => {
    const file = await storeFromYesterday();
    const desk = openDesk(file, { clock: TODAY, autoBackup: false });
    try {
      const steps: BackupStep[] = [];
      let answeredAfterStep: number | null = null;
      const run = startDailyBackup(file, {
        clock: TODAY,
        rowsPerStep: 2,
        onStep: (step) => {
          steps.push(step);
          if (steps.length === 3) {
            // A reviewer's edit arriving mid-copy: saved at once, kept for tomorrow's backup.
            void desk.services.createProject({ name: 'Initech Queue', level: 'graduation' });
            setImmediate(() => void Promise.resolve(desk.services.listProjects({})).then(() => (answeredAfterStep ??= steps.length)));
          }
        },
      });
      const outcome = await run.done;
      // The read was answered while the backup still had steps to go.
      expect(answeredAfterStep).not.toBeNull();
      expect(answeredAfterStep!).toBeLessThan(steps.length);
      expect(readLive(desk).projects).toEqual(['Globex Mesh', 'Initech Queue']);
      expect(readBackup(outcome.created!.file).projects).toEqual(['Globex Mesh']);
    } finally {
      desk.close();
    }
  });

  it('copies at most one step’s rows at a time, and fewer when long notes grew the copy by more than one step’s pages', async () => {
    const file = await storeFromYesterday();
    const desk = openDesk(file, { clock: TODAY, autoBackup: false });
    try {
      const steps: BackupStep[] = [];
      const PAGES = 2;
      // (The full-text index's two WITHOUT ROWID tables, small, are copied in one statement each: left out below.)
      const outcome = await startDailyBackup(file, { clock: TODAY, pagesPerStep: PAGES, rowsPerStep: 20, onStep: (s) => steps.push(s) }).done;
      expect(outcome.created).not.toBeNull();
      const copies = steps.flatMap((s) => (s.phase === 'copy' && !['search_index_idx', 'search_index_config'].includes(s.table) ? [s] : []));
      expect(Math.max(...copies.map((s) => s.rows))).toBeLessThanOrEqual(20);
      const byTable = new Map<string, typeof copies>();
      for (const s of copies) byTable.set(s.table, [...(byTable.get(s.table) ?? []), s]);
      // Every row of every table was copied (and so read): the 34 interviews among them.
      const rowsOf = (table: string) => byTable.get(table)!.reduce((sum, s) => sum + s.rows, 0);
      expect(rowsOf('interview')).toBe(34);
      expect(rowsOf('answer')).toBe(desk.store.db.prepare('SELECT count(*) FROM answer').pluck().get());
      // A table starts with a few rows (their size is unknown); 8 interviews grew the copy by more than 2 pages: the next step took fewer.
      for (const [, tableSteps] of byTable) expect(tableSteps[0]!.rows).toBeLessThanOrEqual(8);
      const interviews = byTable.get('interview')!;
      expect(interviews[0]!.pages).toBeGreaterThan(PAGES);
      expect(interviews[1]!.rows).toBeLessThan(interviews[0]!.rows);
      // Short rows (the participants, the answers) grow to the row limit.
      expect(Math.max(...copies.map((s) => s.rows))).toBe(20);
      // The rule, step by step: after a step that grew the copy by more than 2 pages, the next one takes proportionally fewer rows.
      let cut = 0;
      for (const [, tableSteps] of byTable) {
        for (let i = 1; i < tableSteps.length; i++) {
          const before = tableSteps[i - 1]!;
          if (before.pages <= PAGES) continue;
          cut++;
          expect(tableSteps[i]!.rows).toBeLessThanOrEqual(Math.max(1, Math.floor((before.rows * PAGES) / before.pages)));
        }
      }
      expect(cut).toBeGreaterThanOrEqual(2);
    } finally {
      desk.close();
    }
  });
});

describe('rotation after the deferred daily backup', () => {
  it('deletes the daily backups the rule does not keep, and the stale partial file of a crash, as after any daily backup', async () => {
    const file = await storeFromYesterday();
    const desk = openDesk(file, { clock: TODAY, autoBackup: false });
    try {
      for (let day = 1; day <= 8; day++) writeBackup(desk.store.db, file, 'daily', at(`2026-11-0${day}T12:00:00Z`));
      const crashed = path.join(backupFolderOf(file), '.adoption-desk-2026-11-20T120000Z-daily.sqlite.4242-0badc0de.partial');
      fs.writeFileSync(crashed, 'half a backup');
      const outcome = await startDailyBackup(file, { clock: TODAY }).done;
      const kept = planRotation(listBackupFiles(file)).keep.map((b) => b.file);
      expect(outcome.removed.length).toBeGreaterThan(0);
      for (const gone of outcome.removed) expect(fs.existsSync(gone)).toBe(false);
      expect(dailies(file).map((b) => b.file)).toEqual(kept);
      expect(kept).toContain(outcome.created!.file);
      expect(fs.existsSync(crashed)).toBe(false);
    } finally {
      desk.close();
    }
  });
});

describe('a daily backup that cannot be finished', () => {
  it('a write that fails mid-copy is reported in plain words, leaves no partial file and rotates nothing away', async () => {
    const file = await storeFromYesterday();
    const desk = openDesk(file, { clock: TODAY, autoBackup: false });
    try {
      // Eight old daily backups, one more than rotation keeps: a failed backup must not make room.
      for (let day = 1; day <= 8; day++) writeBackup(desk.store.db, file, 'daily', at(`2026-11-0${day}T12:00:00Z`));
      let copied = 0;
      const outcome = await startDailyBackup(file, {
        clock: TODAY,
        rowsPerStep: 4,
        onStep: (step) => {
          if (step.phase === 'copy' && (copied += step.rows) > 20) throw Object.assign(new Error('write failed'), { code: 'ENOSPC' });
        },
      }).done;
      expect(outcome.created).toBeNull();
      expect(outcome.warning).toContain("Today's automatic backup could not be written");
      expect(outcome.warning).toContain('the disk is full');
      expect(outcome.warning).toContain('the older backups were kept');
      expect(leftovers(file)).toEqual([]);
      expect(dailies(file)).toHaveLength(8);
    } finally {
      desk.close();
    }
  });

  it('a backups folder that cannot be made is reported through the desk’s warnings, as at the opening', async () => {
    const file = await storeFromYesterday();
    fs.writeFileSync(backupFolderOf(file), 'a file where the backups folder goes');
    const told: string[] = [];
    const desk = openDesk(file, { clock: TODAY, laterDailyBackup: true, onWarning: (w) => told.push(w) });
    try {
      const outcome = await desk.startDailyBackup();
      expect(outcome.warning).toMatch(/^Today's automatic backup could not be written to .*backups: .*Your notes are safe in the database and the older backups were kept/);
      expect(desk.warnings).toEqual([outcome.warning]);
      expect(told).toEqual([outcome.warning]);
      // The store itself is untouched and still answers.
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
    } finally {
      desk.close();
    }
  });

  it('damage in the database is found as the rows are copied: nothing kept, nothing rotated, the reviewer told', async () => {
    const file = await storeFromYesterday();
    // Garble the cell pointers of one of the interview table's leaf pages, as a bad disk sector would.
    const probe = new Database(file);
    const page = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'interview' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize + 8);
    fs.closeSync(fd);

    const desk = openDesk(file, { clock: TODAY, laterDailyBackup: true });
    try {
      const outcome = await desk.startDailyBackup();
      expect(outcome.created).toBeNull();
      expect(outcome.warning).toContain('found damage in the database');
      expect(outcome.warning).toContain('Settings → Backups');
      expect(dailies(file)).toEqual([]);
      expect(leftovers(file)).toEqual([]);
    } finally {
      desk.close();
    }
  });

  it('closing the store while the backup runs stops it and leaves no temporary file', async () => {
    const file = await storeFromYesterday();
    const desk = openDesk(file, { clock: TODAY, laterDailyBackup: true });
    const pending = desk.startDailyBackup();
    // Let it start copying, so a partial file exists.
    const copying = () => fs.existsSync(backupFolderOf(file)) && fs.readdirSync(backupFolderOf(file)).some((name) => name.endsWith('.partial'));
    for (let i = 0; i < 2000 && !copying(); i++) await turn();
    expect(copying()).toBe(true);
    desk.close();
    // Synchronously clean: the app may exit right after closing.
    expect(leftovers(file)).toEqual([]);
    const outcome = await pending;
    expect(outcome).toMatchObject({ created: null, warning: null, abandoned: true });
    expect(leftovers(file)).toEqual([]);
    expect(dailies(file)).toEqual([]);
  });

  it('restoring a backup while the daily backup runs stops it first, so the restore is not refused as "in use"', async () => {
    const file = await storeFromYesterday();
    const desk = openDesk(file, { clock: TODAY, laterDailyBackup: true });
    try {
      const manual = await desk.services.backupNow({});
      await desk.services.createProject({ name: 'Made after the manual backup', level: 'incubation' });
      const pending = desk.startDailyBackup();
      const copying = () => fs.readdirSync(backupFolderOf(file)).some((name) => name.endsWith('.partial'));
      for (let i = 0; i < 2000 && !copying(); i++) await turn();
      expect(copying()).toBe(true);
      await desk.services.restoreBackup({ file: manual.file });
      expect((await pending).abandoned).toBe(true);
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
      expect(leftovers(file)).toEqual([]);
    } finally {
      desk.close();
    }
  });

  it('abandoning between two steps removes the partial copy at once', async () => {
    const file = await storeFromYesterday();
    const desk = openDesk(file, { clock: TODAY, autoBackup: false });
    try {
      let copying = false;
      const run = startDailyBackup(file, {
        clock: TODAY,
        rowsPerStep: 2,
        onStep: (step) => {
          if (step.phase === 'copy' && step.table === 'interview' && !copying) {
            copying = true;
            setImmediate(() => {
              run.abandon();
              // Synchronously clean: the app may exit right after.
              expect(leftovers(file)).toEqual([]);
            });
          }
        },
      });
      const outcome = await run.done;
      expect(outcome.abandoned).toBe(true);
      expect(leftovers(file)).toEqual([]);
      expect(dailies(file)).toEqual([]);
    } finally {
      desk.close();
    }
  });
});
