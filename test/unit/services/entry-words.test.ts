import { describe, expect, it } from 'vitest';
import { freshDesk } from '../../helpers/desk';

/**
 * An entry keeps its own words where the records behind it are shared by several projects:
 * the label a named adopter is published under, and each interviewee's role as the interview
 * recorded it. What another project records later never shows in this one's section.
 */
async function sharedRecords() {
  const { services } = freshDesk();
  const project = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
  const globex = await services.createOrganization({ name: 'Globex', industry: 'Finance' });
  const ada = await services.createPerson({ name: 'Ada Example', role: 'CTO', organizationId: globex.id });
  const adopter = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
  const interview = await services.createInterview({ adopterId: adopter.id, month: '2024-06', summary: 'Globex runs the mesh in production.' });
  const participant = await services.addParticipant({ interviewId: interview.id, personId: ada.id });
  // Logging the interview moved the candidate to "interviewed": the adopter as it is now.
  return { services, project, globex, ada, adopter: (await services.getAdopter({ id: adopter.id })).adopter, participant };
}

const sectionOf = async (services: Awaited<ReturnType<typeof sharedRecords>>['services'], projectId: number) =>
  (await services.previewAdoption({ projectId, includeDrafts: true })).markdown;

describe("an entry's own words", () => {
  it('a named adopter prints its own label, whatever the shared organization says; never while anonymous', async () => {
    const { services, project, adopter } = await sharedRecords();
    expect(await sectionOf(services, project.id)).toContain('##### Adopter 1 - Globex/Finance (DRAFT)');
    const labelled = await services.updateAdopter({ id: adopter.id, version: adopter.version, namedLabel: 'Globex - financial services' });
    expect(await sectionOf(services, project.id)).toContain('##### Adopter 1 - Globex - financial services (DRAFT)');
    await services.updateAdopter({ id: adopter.id, version: labelled.version, anonymous: true });
    const section = await sectionOf(services, project.id);
    expect(section).toContain('##### Adopter 1 - Anonymous Finance (DRAFT)');
    expect(section).not.toContain('financial services');
  });

  it("an interviewee's role as the interview recorded it wins over the person's role, which other projects may change", async () => {
    const { services, project, ada, participant } = await sharedRecords();
    expect(await sectionOf(services, project.id)).toContain('_Ada Example, CTO_');
    // The interview recorded no role (an imported DD said only the name): the person's later role stays out.
    await services.updateParticipant({ id: participant.id, version: participant.version, role: '' });
    expect(await sectionOf(services, project.id)).toContain('_Ada Example_');
    const person = (await services.listPeople({})).find((p) => p.id === ada.id)!;
    await services.updatePerson({ id: ada.id, version: person.version, role: 'Chief Architect' });
    expect(await sectionOf(services, project.id)).toContain('_Ada Example_');
  });
});
