import { describe, expect, it } from 'vitest';
import { freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * An archive speaks for its own project: importing it may add and change that project's
 * records, but an organization or a person another project here uses stays as it is, and a
 * copy dated in the future (a wrong clock, or a forged file) never wins a merge.
 */
const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
const CLOCK = () => new Date('2026-01-01T00:00:00.000Z');

describe('importing a project archive', () => {
  it('never changes an organization or a person another project here uses', async () => {
    const a = freshDesk({ clock: CLOCK });
    const { project, orgs } = await seedGlobexMesh(a.services);
    const archive = JSON.parse(decode((await unwrap(inProcessDeskApi(a).exportArchive({ projectId: project.id }))).base64)) as {
      organizations: { name: string; industry: string | null; updatedAt: string }[];
    };
    // The archive says Initech is in Retail now, and says so with a newer date.
    const initech = archive.organizations.find((o) => o.name === orgs.initech.name)!;
    initech.industry = 'Retail';
    initech.updatedAt = '2025-12-31T00:00:00.000Z';

    const b = freshDesk({ clock: CLOCK });
    const imported = await unwrap(inProcessDeskApi(b).importArchive({ fileName: 'a.json', text: JSON.stringify(archive) }));
    // Another project here comes to use the same Initech record.
    const other = await b.services.createProject({ name: 'Acme Tracing', level: 'graduation' });
    const here = (await b.services.listOrganizations({})).find((o) => o.name === orgs.initech.name)!;
    await b.services.createAdopter({ projectId: other.id, organizationId: here.id });
    await b.services.updateOrganization({ id: here.id, version: here.version, industry: 'Finance' });
    const before = (await b.services.listOrganizations({})).find((o) => o.id === here.id)!;

    const again = await unwrap(inProcessDeskApi(b).importArchive({ fileName: 'a.json', text: JSON.stringify({ ...archive, organizations: archive.organizations.map((o) => (o === initech ? { ...o, updatedAt: '2025-12-31T12:00:00.000Z' } : o)) }) }));
    expect((await b.services.listOrganizations({})).find((o) => o.id === here.id)).toEqual(before);
    const report = again.entries.find((e) => e.label === `Organization ${orgs.initech.name}`);
    expect(report?.warnings[0]).toBe(`Organization ${orgs.initech.name} is also used by Acme Tracing here: industry left as it is, whatever the archive says.`);
    expect(imported.projectId).not.toBeNull();
  });

  it('a copy dated in the future never replaces this store’s', async () => {
    const a = freshDesk({ clock: CLOCK });
    const { project, adopters } = await seedGlobexMesh(a.services);
    const text = decode((await unwrap(inProcessDeskApi(a).exportArchive({ projectId: project.id }))).base64);
    const b = freshDesk({ clock: CLOCK });
    const apiB = inProcessDeskApi(b);
    await unwrap(apiB.importArchive({ fileName: 'a.json', text }));

    const forged = JSON.parse(text) as { adopters: { interviews: { summary: string; updatedAt: string }[] }[] };
    forged.adopters[0]!.interviews[0]!.summary = 'Rewritten by a file from the year 2999.';
    forged.adopters[0]!.interviews[0]!.updatedAt = '2999-01-01T00:00:00.000Z';
    const report = await unwrap(apiB.importArchive({ fileName: 'forged.json', text: JSON.stringify(forged) }));
    expect(report.entries.flatMap((e) => e.warnings).some((w) => w.includes('dated in the future (2999-01-01T00:00:00.000Z); kept this store\'s copy'))).toBe(true);
    const interviews = await b.services.listInterviews({ adopterId: (await b.services.listAdopters({ projectId: report.projectId! }))[0]!.id });
    expect(interviews[0]!.summary).toBe(adopters[0]!.interview.summary);
  });
});
