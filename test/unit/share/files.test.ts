import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../services/archive-export';
import type { Services } from '../../../services/contract';
import { projectShareFiles, readShareFolder, writeShareFolder } from '../../../services/share/files';
import { archiveToSnapshot, filesToSnapshot } from '../../../templates/share/format';
import type { ShareSnapshot } from '../../../templates/share/records';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';
import { tempDir } from '../../helpers/temp-dir';

/**
 * A project's share files from the store (the clone can always be rebuilt from it), and the
 * same files mirrored onto a plain folder: written only where they changed, each at once,
 * stale files of ours removed, anything else left alone.
 */

/** Globex Mesh grown to seven adopters, every interview with raw notes, notes under five questions and a quote. */
async function sevenAdopters(services: Services) {
  const seed = await seedGlobexMesh(services);
  const interviews = seed.adopters.map((a) => a.interview);
  for (const [name, who] of [
    ['Globex Bank', 'Eve Example'],
    ['Massive Dynamic', 'Finn Sample'],
  ] as const) {
    const org = await services.createOrganization({ name, industry: 'Finance' });
    const adopter = await services.createAdopter({ projectId: seed.project.id, organizationId: org.id, usageLevel: 'production' });
    const person = await services.createPerson({ name: who, organizationId: org.id });
    const interview = await services.createInterview({ adopterId: adopter.id, date: '2024-11-05', interviewers: ['Ana', 'Ben'], summary: `${name} runs Globex Mesh in production.` });
    await services.addParticipant({ interviewId: interview.id, personId: person.id, anonymous: false });
    interviews.push(interview);
  }
  for (const iv of interviews) {
    const current = (await services.getInterview({ id: iv.id })).interview;
    await services.updateInterview({ id: iv.id, version: current.version, rawNotes: 'Call notes.\n\n- three clusters\n- upgrades monthly' });
    for (const questionKey of ['q1', 'q2', 'q4', 'q6', 'q9']) await services.setAnswer({ interviewId: iv.id, questionKey, text: `Notes under ${questionKey}.`, version: null });
    await services.createQuote({ interviewId: iv.id, text: 'It just works.', speakerPersonId: null, approved: true, tags: ['stability'] });
  }
  await services.addAllowance({ adopterId: seed.adopters[1]!.adopter.id, term: 'Initrode Payments' });
  return { ...seed, interviews };
}

const records = (snapshot: ShareSnapshot) => [...snapshot.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('a project as share files, from the store', () => {
  it('projectShareFiles: every record of a 7-adopter project with notes, one file each, read back as the same records', async () => {
    const desk = freshDesk();
    const { project } = await sevenAdopters(desk.services);
    const files = projectShareFiles(desk.store, project.id);
    const snapshot = archiveToSnapshot(desk.store.read(() => buildArchive(desk.store, project.id)));

    const read = filesToSnapshot(files);
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));
    expect(records(read.snapshot)).toEqual(records(snapshot));
    const count = (kind: string) => [...snapshot.values()].filter((r) => r.kind === kind).length;
    expect([count('adopter'), count('interview'), count('answer'), count('quote'), count('allowance')]).toEqual([7, 6, 30, 6, 1]);
    // Each record a file, each interview two texts more, and format.json, README.md, .gitattributes.
    expect(files.size).toBe(snapshot.size + 2 * count('interview') + 3);
    // About the hundred files issue 19's Sync benchmark assumes for such a project.
    expect(files.size).toBeGreaterThan(70);
    expect(files.size).toBeLessThan(130);
  });

  it('an edit of one summary changes that interview’s files alone', async () => {
    const desk = freshDesk();
    const { project, interviews } = await sevenAdopters(desk.services);
    const before = projectShareFiles(desk.store, project.id);
    const target = interviews[2]!;
    const current = (await desk.services.getInterview({ id: target.id })).interview;
    await desk.services.updateInterview({ id: target.id, version: current.version, summary: 'Umbrella Logistics moved its routing services to production.' });
    const after = projectShareFiles(desk.store, project.id);

    const uid = desk.store.tables.interview.uidOf(target.id)!;
    const changed = [...after.keys()].filter((file) => after.get(file) !== before.get(file));
    expect(changed).toEqual([`interviews/${uid}.json`, `interviews/${uid}.summary.md`]);
    expect(after.get(`interviews/${uid}.summary.md`)).toBe('Umbrella Logistics moved its routing services to production.\n');
    expect([...after.keys()]).toEqual([...before.keys()]);
  });
});

describe('the share files on a plain folder', () => {
  const files = async () => {
    const desk = freshDesk();
    const { project } = await sevenAdopters(desk.services);
    return projectShareFiles(desk.store, project.id);
  };
  const mtimes = (dir: string) => new Map([...readShareFolder(dir).keys()].map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]));

  it('writes the files, reads them back the same, and a second write touches nothing', async () => {
    const shared = await files();
    const dir = tempDir();
    expect(writeShareFolder(dir, shared)).toEqual({ written: shared.size, removed: 0 });
    expect([...readShareFolder(dir)]).toEqual([...shared]);
    expect(fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);

    const times = mtimes(dir);
    expect(writeShareFolder(dir, shared)).toEqual({ written: 0, removed: 0 });
    expect(mtimes(dir)).toEqual(times);
  });

  it('writes only what changed, removes stale files of ours and their empty folders, leaves .git and a teammate’s files alone', async () => {
    const shared = await files();
    const dir = tempDir();
    writeShareFolder(dir, shared);
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(dir, 'NOTES.txt'), 'Ana: call Initech again.\n');

    const next = new Map(shared);
    const allowance = [...next.keys()].find((f) => f.startsWith('allowances/'))!;
    next.delete(allowance);
    const summary = [...next.keys()].find((f) => f.endsWith('.summary.md'))!;
    next.set(summary, 'Rewritten.\n');
    const times = mtimes(dir);
    expect(writeShareFolder(dir, next)).toEqual({ written: 1, removed: 1 });

    expect(fs.existsSync(path.join(dir, allowance))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'allowances'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    const back = readShareFolder(dir);
    expect(back.get('NOTES.txt')).toBe('Ana: call Initech again.\n');
    expect(back.has('.git/HEAD')).toBe(false);
    back.delete('NOTES.txt');
    expect([...back]).toEqual([...next]);
    // Only the changed file was rewritten.
    const rewritten = [...mtimes(dir)].filter(([f, t]) => times.get(f) !== t).map(([f]) => f);
    expect(rewritten).toEqual([summary]);
    // What a teammate added outside the record folders does not stop the project being read.
    expect(filesToSnapshot(readShareFolder(dir))).toHaveProperty('snapshot');
  });

  it('a temporary file a crash left is not read, and the next write removes it', async () => {
    const shared = await files();
    const dir = tempDir();
    writeShareFolder(dir, shared);
    const adopter = [...shared.keys()].find((f) => f.startsWith('adopters/'))!;
    for (const left of [`${adopter}.4242.adoption-desk.tmp`, 'format.json.4242.adoption-desk.tmp']) fs.writeFileSync(path.join(dir, left), '{"half": ');
    expect([...readShareFolder(dir)]).toEqual([...shared]);
    expect(writeShareFolder(dir, shared)).toEqual({ written: 0, removed: 2 });
    expect(fs.existsSync(path.join(dir, 'format.json.4242.adoption-desk.tmp'))).toBe(false);
  });

  it('refuses a path that would leave the folder, and a file that is not UTF-8 text', () => {
    const dir = tempDir();
    const inside = path.join(dir, 'clone');
    for (const bad of ['../outside.json', '/etc/passwd', 'adopters/../../x.json', 'adopters\\x.json', 'adopters//x.json']) {
      expect(() => writeShareFolder(inside, new Map([[bad, '{}\n']]))).toThrow(/is not a file name inside the shared folder/);
    }
    expect(fs.readdirSync(dir)).toEqual([]);

    fs.mkdirSync(path.join(inside, 'people'), { recursive: true });
    fs.writeFileSync(path.join(inside, 'people', 'p-1.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(() => readShareFolder(inside)).toThrow('people/p-1.json in the shared folder is not UTF-8 text; Adoption Desk writes only text there.');
  });
});
