import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_VERSION } from '../../../templates/import/archive-format';
import { failure, freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';
import { buildProject, projectPlan } from '../../helpers/random-project';
import { seedGlobexMesh } from '../../helpers/seed';
import { projectRecords } from './records';

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('project archive', () => {
  it('property: random project → export → import into an empty store → export again gives identical bytes and records', async () => {
    await fc.assert(
      fc.asyncProperty(projectPlan, async (plan) => {
        const a = freshDesk({ clock: () => new Date('2025-03-04T05:06:07.000Z') });
        const apiA = inProcessDeskApi(a);
        const project = await buildProject(apiA, plan);
        const first = await unwrap(apiA.exportArchive({ projectId: project.id }));

        const b = freshDesk({ clock: () => new Date('2026-01-01T00:00:00.000Z') });
        const apiB = inProcessDeskApi(b);
        const report = await unwrap(apiB.importArchive({ fileName: first.fileName, text: decode(first.base64) }));
        expect(report.warnings.filter((w) => /conflict|differ/i.test(w))).toEqual([]);
        const second = await unwrap(apiB.exportArchive({ projectId: report.projectId! }));
        expect(decode(second.base64)).toBe(decode(first.base64));
        expect(projectRecords(b, report.projectId!)).toEqual(projectRecords(a, project.id));

        // Importing the same archive again changes nothing.
        const again = await unwrap(apiB.importArchive({ fileName: first.fileName, text: decode(first.base64) }));
        expect(again.created).toEqual({ projects: 0, organizations: 0, people: 0, adopters: 0, interviews: 0, quotes: 0 });
        expect(again.entries.filter((e) => (e.recognized as { action: string }).action !== 'unchanged')).toEqual([]);
        a.close();
        b.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a merge never overwrites newer data here: an older archive copy is a reported conflict; a newer one updates', async () => {
    let now = new Date('2025-01-01T00:00:00.000Z');
    const a = freshDesk({ clock: () => now });
    const apiA = inProcessDeskApi(a);
    const { project, adopters } = await seedGlobexMesh(a.services);
    const archive = decode((await unwrap(apiA.exportArchive({ projectId: project.id }))).base64);

    // B's clock is later than every date the archives carry (a copy dated in B's future never wins).
    const b = freshDesk({ clock: () => new Date('2032-01-01T00:00:00.000Z') });
    const apiB = inProcessDeskApi(b);
    const imported = await unwrap(apiB.importArchive({ fileName: 'a.json', text: archive }));
    const interviewB = (await unwrap(apiB.listInterviews({ adopterId: (await unwrap(apiB.listAdopters({ projectId: imported.projectId! })))[0]!.id })))[0]!;

    // B edits the summary after the archive was written: B's copy is newer.
    await unwrap(apiB.updateInterview({ id: interviewB.id, version: interviewB.version, summary: 'Edited here.' }));
    b.store.db.prepare('UPDATE interview SET updated_at = ? WHERE id = ?').run('2030-01-01T00:00:00.000Z', interviewB.id);
    const conflict = await unwrap(apiB.importArchive({ fileName: 'a.json', text: archive }));
    const entry = conflict.entries.find((e) => (e.recognized as { action: string }).action === 'conflict');
    expect(entry?.warnings[0]).toMatch(/summary.*kept this store's copy/);
    expect((await unwrap(apiB.getInterview({ id: interviewB.id }))).interview.summary).toBe('Edited here.');

    // A edits after that: the archive's copy is newer and replaces B's, reported.
    now = new Date('2031-01-01T00:00:00.000Z');
    const first = adopters[0]!.interview;
    const current = (await unwrap(apiA.getInterview({ id: first.id }))).interview;
    await unwrap(apiA.updateInterview({ id: first.id, version: current.version, summary: 'Newer in A.' }));
    const newer = decode((await unwrap(apiA.exportArchive({ projectId: project.id }))).base64);
    const updated = await unwrap(apiB.importArchive({ fileName: 'a2.json', text: newer }));
    expect(updated.entries.some((e) => (e.recognized as { action: string }).action === 'updated' && e.warnings[0]!.includes('summary'))).toBe(true);
    expect((await unwrap(apiB.getInterview({ id: interviewB.id }))).interview.summary).toBe('Newer in A.');
  });

  it('merges by stable id: a renamed organization and a re-dated interview are the same records; both sides changed is a reported conflict', async () => {
    let nowA = new Date('2025-01-01T00:00:00.000Z');
    const a = freshDesk({ clock: () => nowA });
    const apiA = inProcessDeskApi(a);
    const { project, adopters, orgs } = await seedGlobexMesh(a.services);
    const first = decode((await unwrap(apiA.exportArchive({ projectId: project.id }))).base64);
    expect(JSON.parse(first)).toMatchObject({ version: ARCHIVE_VERSION, project: { uid: expect.any(String) } });

    let nowB = new Date('2025-02-01T00:00:00.000Z');
    const b = freshDesk({ clock: () => nowB });
    const apiB = inProcessDeskApi(b);
    const imported = await unwrap(apiB.importArchive({ fileName: 'a.json', text: first }));
    const projectB = imported.projectId!;
    const orgsB = await unwrap(apiB.listOrganizations({}));
    const acmeB = orgsB.find((o) => o.name === 'Acme Corp')!;
    const initechB = orgsB.find((o) => o.name === 'Initech')!;

    // A renames two organizations and re-dates an interview…
    nowA = new Date('2026-06-01T00:00:00.000Z');
    await unwrap(apiA.updateOrganization({ id: orgs.acme.id, version: orgs.acme.version, name: 'Acme Media Group' }));
    await unwrap(apiA.updateOrganization({ id: orgs.initech.id, version: orgs.initech.version, name: 'Initech Holdings' }));
    const interviewA = (await unwrap(apiA.getInterview({ id: adopters[0]!.interview.id }))).interview;
    await unwrap(apiA.updateInterview({ id: interviewA.id, version: interviewA.version, date: '2024-06-03' }));
    const second = decode((await unwrap(apiA.exportArchive({ projectId: project.id }))).base64);

    // …and B, later, renamed one of them too.
    nowB = new Date('2027-01-01T00:00:00.000Z');
    await unwrap(apiB.updateOrganization({ id: initechB.id, version: initechB.version, name: 'Initech Bank' }));

    const report = await unwrap(apiB.importArchive({ fileName: 'a2.json', text: second }));
    expect(report.created).toEqual({ projects: 0, organizations: 0, people: 0, adopters: 0, interviews: 0, quotes: 0 });
    const after = await unwrap(apiB.listOrganizations({}));
    expect(after.length).toBe(orgsB.length);
    // Only A changed it: the archive's newer copy replaces B's, same record.
    expect(after.find((o) => o.id === acmeB.id)!.name).toBe('Acme Media Group');
    // Both changed it, B later: a conflict, reported; B's name is kept.
    expect(after.find((o) => o.id === initechB.id)!.name).toBe('Initech Bank');
    const conflict = report.entries.find((e) => (e.recognized as { action: string }).action === 'conflict');
    expect(conflict?.label).toBe('Organization Initech Holdings');
    expect(conflict?.warnings[0]).toMatch(/name differs.*kept this store's copy/);
    // The re-dated interview is the same interview, with A's date.
    const adopterB = (await unwrap(apiB.listAdopters({ projectId: projectB }))).find((x) => x.number === adopters[0]!.adopter.number)!;
    const interviewsB = await unwrap(apiB.listInterviews({ adopterId: adopterB.id }));
    expect(interviewsB.map((i) => i.date)).toEqual(['2024-06-03']);
    expect(report.entries.some((e) => (e.recognized as { action: string }).action === 'updated' && /interview/.test(e.label))).toBe(true);

    // Importing the same archive into A changes nothing: every record is its own.
    const self = await unwrap(apiA.importArchive({ fileName: 'a2.json', text: second }));
    expect(self.entries).toEqual([]);
  });

  it('an archive without stable ids (version 1) still merges by names, numbers and dates', async () => {
    const a = freshDesk({ clock: () => new Date('2025-01-01T00:00:00.000Z') });
    const apiA = inProcessDeskApi(a);
    const { project } = await seedGlobexMesh(a.services);
    const archive = JSON.parse(decode((await unwrap(apiA.exportArchive({ projectId: project.id }))).base64));
    const strip = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(strip)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'uid').map(([k, v]) => [k, strip(v)]))
          : value;
    const v1 = JSON.stringify({ ...(strip(archive) as object), version: 1 });
    expect(v1).not.toContain('"uid"');

    // Into the store it came from (whose records have uids the archive does not name): nothing new.
    const again = await unwrap(apiA.importArchive({ fileName: 'v1.json', text: v1 }));
    expect(again.created).toEqual({ projects: 0, organizations: 0, people: 0, adopters: 0, interviews: 0, quotes: 0 });
    expect(again.entries).toEqual([]);

    // Into an empty store: everything, each with a new uid of its own.
    const b = freshDesk();
    const apiB = inProcessDeskApi(b);
    const imported = await unwrap(apiB.importArchive({ fileName: 'v1.json', text: v1 }));
    expect(imported.created.adopters).toBe(5);
    const uids = b.store.db.prepare<[], string | null>('SELECT uid FROM adopter').pluck().all();
    expect(uids.every((u) => typeof u === 'string' && u.length === 36)).toBe(true);
  });

  it('a malformed archive is refused with field-level errors and nothing imported; a dry run writes nothing', async () => {
    const a = freshDesk();
    const apiA = inProcessDeskApi(a);
    const { project } = await seedGlobexMesh(a.services);
    const good = JSON.parse(decode((await unwrap(apiA.exportArchive({ projectId: project.id }))).base64));
    const b = freshDesk();
    const apiB = inProcessDeskApi(b);

    const broken = structuredClone(good);
    broken.adopters[1].interviews[0].date = '2024-13-45';
    broken.adopters[2].organization = 'organization:nobody';
    const error = await failure(apiB.importArchive({ fileName: 'broken.json', text: JSON.stringify(broken) }));
    expect(error.code).toBe('VALIDATION');
    // Where, in words: the adopter's number and the interview, never a schema path.
    expect(error.message).toContain('Adopter 2, interview of 2024-13-45, the date: ');
    expect(error.message).not.toMatch(/\[\d+\]|adopters\./);
    expect((await unwrap(apiB.listProjects({}))).length).toBe(0);

    expect((await failure(apiB.importArchive({ fileName: 'x.json', text: '{"format": "adoption-desk-archive", ' }))).message).toMatch(/not JSON/);
    expect((await failure(apiB.importArchive({ fileName: 'x.json', text: JSON.stringify({ ...good, version: ARCHIVE_VERSION + 1 }) }))).message).toMatch(/written by a newer version of Adoption Desk/);

    const dry = await unwrap(apiB.importArchive({ fileName: 'good.json', text: JSON.stringify(good), dryRun: true }));
    expect(dry.dryRun).toBe(true);
    expect(dry.created.adopters).toBe(5);
    expect((await unwrap(apiB.listProjects({}))).length).toBe(0);
    expect((await unwrap(apiB.listOrganizations({}))).length).toBe(0);
  });
});
