import { describe, expect, it } from 'vitest';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

const EMPTY = { projects: 0, adopters: 0, interviews: 0, interviewees: 0, quotes: 0, answers: 0 };

/** A Globex Mesh DD where Adopter 1's interview also has notes on two questions and three quotes. */
async function seeded() {
  const desk = freshDesk();
  const { services } = desk;
  const seed = await seedGlobexMesh(services);
  const interviewId = seed.adopters[0]!.interview.id;
  await services.setAnswer({ interviewId, questionKey: 'q1', text: 'Runs it everywhere.', version: null });
  await services.setAnswer({ interviewId, questionKey: 'q2', text: 'Fewer outages.', version: null });
  for (const text of ['It just works.', 'We sleep better.', 'Upgrades are boring now.']) await services.createQuote({ interviewId, text });
  return { services, seed, interviewId };
}

describe('trashSummary: what emptying the trash would remove for good', () => {
  it('counts nothing while the trash is empty, and nothing that is live', async () => {
    const { services } = await seeded();
    expect(await services.trashSummary({})).toEqual(EMPTY);
  });

  it('counts a trashed interview with its interviewees, notes and quotes', async () => {
    const { services, interviewId } = await seeded();
    await services.deleteInterview({ id: interviewId });
    expect(await services.trashSummary({})).toEqual({ ...EMPTY, interviews: 1, interviewees: 1, quotes: 3, answers: 2 });
  });

  it('counts a trashed project with every adopter and interview it would take along, each once', async () => {
    const { services, seed } = await seeded();
    // Trashed on its own first, then with its project: still one adopter, one interview.
    await services.deleteAdopter({ id: seed.adopters[3]!.adopter.id });
    await services.deleteInterview({ id: seed.adopters[0]!.interview.id });
    await services.deleteProject({ id: seed.project.id });
    // Four interviewed adopters and the declined candidate, four interviews, one interviewee each.
    const summary = await services.trashSummary({});
    expect(summary).toEqual({ projects: 1, adopters: 5, interviews: 4, interviewees: 4, quotes: 3, answers: 2 });

    // The count is what emptying really removes: afterwards the trash holds nothing and the project is gone.
    await services.emptyTrash({});
    expect(await services.trashSummary({})).toEqual(EMPTY);
    expect(await services.listTrash({})).toEqual([]);
    expect(await services.listAdopters({ projectId: seed.project.id, includeTrashed: true })).toEqual([]);
  });

  it('leaves other projects out of the count', async () => {
    const { services, seed } = await seeded();
    const other = await services.createProject({ name: 'Quillmesh', level: 'incubation' });
    const adopter = await services.createAdopter({ projectId: other.id, organizationId: seed.orgs.hooli.id });
    await services.createInterview({ adopterId: adopter.id, date: '2024-10-01' });
    await services.deleteAdopter({ id: seed.adopters[1]!.adopter.id });
    expect(await services.trashSummary({})).toEqual({ ...EMPTY, adopters: 1, interviews: 1, interviewees: 1 });
  });
});
