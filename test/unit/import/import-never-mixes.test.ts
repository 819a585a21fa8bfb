import { describe, expect, it } from 'vitest';
import { freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';

/**
 * A DD document imported into a store that already holds another DD lands exactly as written:
 * its labels, industries and roles are its own, whatever the other project recorded for an
 * organization or a person of the same name; matching to that project's records is proposed,
 * made only when the reviewer confirms, and even then the imported entries print the same.
 * The other project's records and output are never changed.
 */
const DD = `# Acme Tracing Incubation Due Diligence

#### Adoption

##### Adopter 1 - Globex/Financial Services

_Ada Example, Platform Lead and Bo Sample_
SEPTEMBER 2024

Globex traces its payment services with Acme Tracing.

##### Adopter 2 - Initech

_Cy Placeholder, SRE_
OCTOBER 2024

Initech runs it at the edge.
`;

const CLOCK = () => new Date('2026-02-03T10:00:00Z');

/** A store with project A (Globex Mesh): Globex in Finance, Ada Example its CTO and an anonymous interviewee there. */
async function storeWithAnotherProject() {
  const desk = freshDesk({ clock: CLOCK });
  const { services } = desk;
  const mesh = await services.createProject({ name: 'Globex Mesh', level: 'graduation' });
  const globex = await services.createOrganization({ name: 'Globex', industry: 'Finance' });
  const ada = await services.createPerson({ name: 'Ada Example', role: 'CTO', organizationId: globex.id });
  const adopter = await services.createAdopter({ projectId: mesh.id, organizationId: globex.id });
  const interview = await services.createInterview({ adopterId: adopter.id, month: '2024-05', summary: 'Globex runs the mesh.' });
  await services.addParticipant({ interviewId: interview.id, personId: ada.id, anonymous: true });
  const before = (await services.previewAdoption({ projectId: mesh.id, includeDrafts: true })).markdown;
  return { desk, mesh, globex, ada, before };
}

async function importedSection(desk: ReturnType<typeof freshDesk>, input: { sameOrganizations?: string[] } = {}) {
  const api = inProcessDeskApi(desk);
  const report = await unwrap(api.importDdDocument({ fileName: 'acme.md', text: DD, ...input }));
  const exported = await unwrap(api.exportAdoptionMarkdown({ projectId: report.projectId! }));
  return { report, markdown: exported.markdown };
}

describe('a DD imported next to another project', () => {
  it('exports byte for byte as into an empty store, before and after the reviewer confirms the match', async () => {
    const alone = await importedSection(freshDesk({ clock: CLOCK }));
    expect(alone.markdown).toContain('##### Adopter 1 - Globex/Financial Services');
    expect(alone.markdown).toContain('_Ada Example, Platform Lead and Bo Sample_');

    const next = await storeWithAnotherProject();
    const unconfirmed = await importedSection(next.desk);
    expect(unconfirmed.markdown).toBe(alone.markdown);

    const confirming = await storeWithAnotherProject();
    const confirmed = await importedSection(confirming.desk, { sameOrganizations: ['Globex'] });
    expect(confirmed.markdown).toBe(alone.markdown);
    // Confirmed: the same records, and the other project's output is what it was.
    const organizations = await confirming.desk.services.listOrganizations({});
    expect(organizations.filter((o) => o.name === 'Globex')).toEqual([expect.objectContaining({ id: confirming.globex.id, industry: 'Finance' })]);
    const people = await confirming.desk.services.listPeople({ organizationId: confirming.globex.id });
    expect(people.filter((p) => p.name === 'Ada Example')).toEqual([expect.objectContaining({ id: confirming.ada.id, role: 'CTO' })]);
    expect((await confirming.desk.services.previewAdoption({ projectId: confirming.mesh.id, includeDrafts: true })).markdown).toBe(confirming.before);
  });

  it('proposes the match in the dry run, names the other project, and makes it only when confirmed', async () => {
    const { desk, mesh, globex, before } = await storeWithAnotherProject();
    const api = inProcessDeskApi(desk);
    const preview = await unwrap(api.importDdDocument({ fileName: 'acme.md', text: DD, dryRun: true }));
    expect(preview.matches).toEqual([{ name: 'Globex', existing: { name: 'Globex', industry: 'Finance', projects: ['Globex Mesh'] }, confirmed: false }]);

    const report = await unwrap(api.importDdDocument({ fileName: 'acme.md', text: DD }));
    expect(report.matches).toEqual([expect.objectContaining({ name: 'Globex', confirmed: false })]);
    const globexes = (await desk.services.listOrganizations({})).filter((o) => o.name === 'Globex');
    // Not confirmed: the document's Globex is a record of its own, with the document's industry.
    expect(globexes.map((o) => [o.id === globex.id, o.industry])).toEqual([
      [true, 'Finance'],
      [false, 'Financial Services'],
    ]);
    expect((await desk.services.previewAdoption({ projectId: mesh.id, includeDrafts: true })).markdown).toBe(before);
  });

  it("into a project that already uses the organization, the project's own record is used without a question", async () => {
    const { desk, globex } = await storeWithAnotherProject();
    const api = inProcessDeskApi(desk);
    const tracing = await desk.services.createProject({ name: 'Acme Tracing', level: 'incubation' });
    await desk.services.createAdopter({ projectId: tracing.id, organizationId: globex.id, number: 5 });
    const report = await unwrap(api.importDdDocument({ fileName: 'acme.md', text: DD, projectId: tracing.id }));
    expect(report.matches).toEqual([]);
    expect((await desk.services.listOrganizations({})).filter((o) => o.name === 'Globex').map((o) => o.id)).toEqual([globex.id]);
    // Still the file's own words in its entry.
    expect((await desk.services.previewAdoption({ projectId: tracing.id })).markdown).toContain('##### Adopter 1 - Globex/Financial Services');
  });

  it('refuses a new project whose name is taken in the reviewer’s words, and imports under a name the reviewer chose', async () => {
    const { desk } = await storeWithAnotherProject();
    const api = inProcessDeskApi(desk);
    await unwrap(api.createProject({ name: 'Acme Tracing', level: 'incubation' }));
    const refused = await api.importDdDocument({ fileName: 'acme.md', text: DD });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toBe('A project named "Acme Tracing" already exists. Import into that project, or give the new project another name. Nothing was imported.');
      expect(refused.error.message).not.toContain('--');
    }
    const report = await unwrap(api.importDdDocument({ fileName: 'acme.md', text: DD, newProject: { name: 'Acme Tracing 2026', level: 'graduation' } }));
    expect(await unwrap(api.getProject({ id: report.projectId! }))).toMatchObject({ name: 'Acme Tracing 2026', level: 'graduation' });
  });
});
