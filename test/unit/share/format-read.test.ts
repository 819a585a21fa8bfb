import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../../services/archive-export';
import { archiveToSnapshot, filesToSnapshot, snapshotToFiles, type ShareProblem } from '../../../templates/share/format';
import type { ShareRecord, ShareSnapshot } from '../../../templates/share/records';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * What reading a shared project's files refuses, each in plain words naming the file, and
 * what it ignores. The files are Globex Mesh's as the share format writes them, broken by hand
 * the ways a repository can be: a newer app, an edit by hand, a merge left half done.
 */

let snapshot: ShareSnapshot;
let good: ReadonlyMap<string, string>;
const of = (kind: ShareRecord['kind']) => [...snapshot.values()].filter((r) => r.kind === kind);
const path = (folder: string, r: ShareRecord) => `${folder}/${r.uid}.json`;

beforeAll(async () => {
  const desk = freshDesk();
  const { project } = await seedGlobexMesh(desk.services);
  snapshot = archiveToSnapshot(desk.store.read(() => buildArchive(desk.store, project.id)));
  good = snapshotToFiles(snapshot);
  desk.close();
});

/** The files with some changed (a string), added, or removed (undefined). */
function edited(changes: Record<string, string | undefined>): Map<string, string> {
  const files = new Map(good);
  for (const [file, text] of Object.entries(changes)) {
    if (text === undefined) files.delete(file);
    else files.set(file, text);
  }
  return files;
}

/** A record file's JSON with some fields changed. */
function withFields(file: string, fields: Record<string, unknown>): string {
  return `${JSON.stringify({ ...JSON.parse(good.get(file)!), ...fields }, null, 2)}\n`;
}

function problems(files: ReadonlyMap<string, string>): ShareProblem[] {
  const result = filesToSnapshot(files);
  if (!('problems' in result)) throw new Error('expected the files to be refused');
  return result.problems;
}

describe('reading a shared project refuses, naming the file', () => {
  it('reads the files it wrote', () => {
    const result = filesToSnapshot(good);
    expect(result).toHaveProperty('snapshot');
  });

  it('a newer share format, with the sentence an older app says, and reads nothing else', () => {
    const newer = edited({ 'format.json': '{"format": "adoption-desk-share", "version": 2, "projectUid": "x", "sharedAt": 1}\n', 'project.json': '<<<<<<< broken' });
    expect(problems(newer)).toEqual([
      { file: 'format.json', message: 'This shared project was written by a newer version of Adoption Desk (share format 2; this one reads 1). Update Adoption Desk to sync it.' },
    ]);
  });

  it('files that are not a shared project: no format file, another format, a version no app wrote, a project file of another project', () => {
    expect(problems(edited({ 'format.json': undefined }))[0]).toEqual({ file: 'format.json', message: expect.stringMatching(/^It is missing: these are not the files of an Adoption Desk shared project/) });
    expect(problems(edited({ 'format.json': '{"format": "adoption-desk-archive", "version": 1, "projectUid": "x"}' }))[0]!.message).toMatch(/the format is not "adoption-desk-share"/);
    expect(problems(edited({ 'format.json': '{"format": "adoption-desk-share", "version": "1", "projectUid": "x"}' }))[0]!.message).toMatch(/version is not one Adoption Desk has written/);
    expect(problems(edited({ 'format.json': '{"format": "adoption-desk-share", "version": 1, "projectUid": "x"}' }))).toEqual([
      { file: 'project.json', message: expect.stringMatching(/^Its stable id is "[0-9a-f-]{36}", but format\.json names the project "x"\.$/) },
    ]);
    expect(problems(edited({ 'project.json': undefined }))).toEqual([{ file: 'project.json', message: 'It is missing: every shared project has its project file.' }]);
  });

  it('a record its checks refuse: the field in words after the file', () => {
    const adopter = path('adopters', of('adopter')[0]!);
    expect(problems(edited({ [adopter]: withFields(adopter, { usageLevel: 'everywhere' }) }))).toEqual([
      { file: adopter, message: expect.stringMatching(/^The usage level: The usage level is one of: .*production/) },
    ]);
    const org = path('organizations', of('organization')[0]!);
    const [unknown] = problems(edited({ [org]: withFields(org, { revenue: 12 }) }));
    expect(unknown).toEqual({ file: org, message: 'Adoption Desk does not know the field "revenue"; a shared project holds only what the app writes.' });
    expect(problems(edited({ [org]: '{"name": ' }))[0]).toEqual({ file: org, message: expect.stringMatching(/^It is not JSON: /) });
    expect(problems(edited({ [org]: '[1, 2]' }))[0]).toEqual({ file: org, message: 'It is not a record in braces.' });
  });

  it('a file named for another uid than its record', () => {
    const org = of('organization')[0]!;
    const misnamed = edited({ [path('organizations', org)]: undefined, 'organizations/0000-1111.json': good.get(path('organizations', org))! });
    expect(problems(misnamed)[0]).toEqual({ file: 'organizations/0000-1111.json', message: `Its stable id is "${org.uid}", but its name says "0000-1111": a record's file is named by its stable id.` });
  });

  it('a link to a record that is not in the files', () => {
    const adopter = of('adopter')[0]!;
    const org = adopter.fields.organizationUid as string;
    const people = of('person').filter((p) => p.fields.organizationUid === org);
    const found = problems(edited({ [`organizations/${org}.json`]: undefined }));
    expect(found).toContainEqual({ file: path('adopters', adopter), message: `Its organization (organizations/${org}.json) is not in the shared project.` });
    for (const who of people) expect(found).toContainEqual({ file: path('people', who), message: `Its organization (organizations/${org}.json) is not in the shared project.` });
    const participant = of('participant')[0]!;
    expect(problems(edited({ [`people/${String(participant.fields.personUid)}.json`]: undefined }))).toContainEqual({
      file: path('participants', participant),
      message: `Its person (people/${String(participant.fields.personUid)}.json) is not in the shared project.`,
    });
  });

  it("an interview without its text files, and a text file of no interview", () => {
    const iv = of('interview')[0]!;
    expect(problems(edited({ [`interviews/${iv.uid}.summary.md`]: undefined }))).toEqual([{ file: path('interviews', iv), message: `Its summary (interviews/${iv.uid}.summary.md) is missing.` }]);
    expect(problems(edited({ 'interviews/abc-123.raw-notes.md': 'Lost notes.\n' }))).toEqual([
      { file: 'interviews/abc-123.raw-notes.md', message: 'It belongs to no interview: interviews/abc-123.json is not in the shared project.' },
    ]);
    expect(problems(edited({ [path('interviews', iv)]: withFields(path('interviews', iv), { summary: 'Here.' }) }))).toEqual([
      { file: path('interviews', iv), message: `It holds the summary itself; a shared project keeps the summary in interviews/${iv.uid}.summary.md.` },
    ]);
  });

  it('Git conflict markers, in a record or in a text; a text may still hold a line of its own that starts with "<<<<<<<"', () => {
    const iv = of('interview')[0]!;
    const json = path('interviews', iv);
    const broken = good.get(json)!.replace('"date"', '<<<<<<< HEAD\n  "date": "2024-06-10",\n=======\n  "date": "2024-06-11",\n>>>>>>> theirs\n  "dateX"');
    expect(problems(edited({ [json]: broken }))).toEqual([{ file: json, message: expect.stringMatching(/^It holds Git conflict markers.*never writes them/) }]);
    const summary = `interviews/${iv.uid}.summary.md`;
    const block = '<<<<<<< ours\nAcme runs it in production.\n=======\nAcme tests it.\n>>>>>>> theirs\n';
    expect(problems(edited({ [summary]: block }))).toEqual([{ file: summary, message: expect.stringMatching(/^It holds Git conflict markers/) }]);
    const crlf = block.replace(/\n/g, '\r\n');
    expect(problems(edited({ [summary]: crlf }))[0]!.message).toMatch(/^It holds Git conflict markers/);
    // A megabyte of start lines and no end is read in one pass, and is the reviewer's text.
    const starts = '<<<<<<< a\n'.repeat(99_000);
    const started = performance.now();
    expect(filesToSnapshot(edited({ [summary]: starts }))).toHaveProperty('snapshot');
    expect(performance.now() - started).toBeLessThan(5_000);
    const reviewerText = '<<<<<<< is how Git marks a conflict, the interviewee said.\n';
    const read = filesToSnapshot(edited({ [summary]: reviewerText }));
    expect('snapshot' in read && read.snapshot.get(`interview:${iv.uid}`)!.fields.summary).toBe(reviewerText.slice(0, -1));
  });

  it('a file in a record folder that is no record; files outside the record folders are ignored', () => {
    expect(problems(edited({ 'adopters/notes.txt': 'x' }))).toEqual([{ file: 'adopters/notes.txt', message: expect.stringMatching(/^It is not a file Adoption Desk writes/) }]);
    expect(problems(edited({ 'quotes/a/b.json': '{}' }))[0]!.file).toBe('quotes/a/b.json');
    const extra = edited({ 'README.md': 'Our team notes.', '.github/CODEOWNERS': '* @ana', 'notes/plan.json': '{' });
    expect(filesToSnapshot(extra)).toHaveProperty('snapshot');
  });

  it('two records the store keeps apart: two adopters with one number, two sets of notes for one question', () => {
    const [a, b] = of('adopter');
    const number = b!.fields.number;
    const found = problems(edited({ [path('adopters', a!)]: withFields(path('adopters', a!), { number }) }));
    const [first, second] = [path('adopters', a!), path('adopters', b!)].sort();
    expect(found).toEqual([{ file: second, message: `Adopter ${String(number)} is also ${first}: two adopters cannot share a number.` }]);

    const iv = of('interview')[0]!;
    const answer = (uid: string) => `${JSON.stringify({ uid, interviewUid: iv.uid, questionKey: 'q4', text: 'Runs it.', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' })}\n`;
    const twice = problems(edited({ 'answers/a-1.json': answer('a-1'), 'answers/a-2.json': answer('a-2') }));
    expect(twice).toEqual([{ file: 'answers/a-2.json', message: 'answers/a-1.json holds the notes of question q4 of the same interview: an interview has one set of notes per question.' }]);
  });

  it('stops at the first 20 problems and says the rest was not all checked', () => {
    const broken: Record<string, string> = {};
    for (let i = 0; i < 40; i++) broken[`organizations/broken-${String(i).padStart(2, '0')}.json`] = '{';
    const found = problems(edited(broken));
    expect(found.length).toBe(21);
    expect(found[20]).toEqual({ file: 'The other files', message: 'They were not all checked: the first 20 problems are listed.' });
  });
});

describe('reading a shared project applies the limits of every door', () => {
  it('a text over 1 MB, a name over 200 characters', () => {
    const iv = of('interview')[0]!;
    const summary = `interviews/${iv.uid}.summary.md`;
    expect(problems(edited({ [summary]: `${'é'.repeat(500_001)}\n` }))).toEqual([{ file: path('interviews', iv), message: 'The summary: The summary is 1.1 MB; the limit is 1 MB.' }]);
    const org = path('organizations', of('organization')[0]!);
    expect(problems(edited({ [org]: withFields(org, { name: 'G'.repeat(201) }) }))[0]).toEqual({ file: org, message: 'The name: An organization name is at most 200 characters.' });
  });

  it('more adopters than a project holds, before any is read', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 995; i++) many[`adopters/a-${i}.json`] = 'not even JSON';
    expect(problems(edited(many))).toEqual([{ file: 'adopters/', message: 'It holds 1,000 adopters; a project holds at most 999.' }]);
  });

  it('a file over the file limit, unread', () => {
    const org = path('organizations', of('organization')[0]!);
    expect(problems(edited({ [org]: ' '.repeat(50_000_001) }))).toEqual([{ file: org, message: 'It is 50.1 MB; the limit is 50 MB.' }]);
  });

  it('a project over the project limit, measured as its archive', () => {
    const iv = of('interview')[0]!;
    const text = 'x'.repeat(999_000);
    const big: Record<string, string> = {};
    for (let i = 0; i < 26; i++) {
      const uid = `big-${i}`;
      big[`interviews/${uid}.json`] = withFields(path('interviews', iv), { uid, summarySentAt: null, approvedAt: null, approvedHash: null });
      big[`interviews/${uid}.summary.md`] = text;
      big[`interviews/${uid}.raw-notes.md`] = text;
    }
    expect(problems(edited(big))).toEqual([
      { file: 'The shared project', message: expect.stringMatching(/^As an archive it would take 52(\.\d)? MB; a project holds at most 50 MB, so that it can always be moved as one file\.$/) },
    ]);
  });
});
