import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';

/**
 * Undo as a reviewer meets it: Ctrl+Z on a project's screens takes back that project's last
 * change, named, and never one made on another screen; redo makes it again until a new change;
 * the history list undoes the next change of any project; a change another one built on waits.
 */
async function twoProjects() {
  const desk = freshDesk();
  const { services } = desk;
  const mesh = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
  const tracing = await services.createProject({ name: 'Acme Tracing', level: 'graduation' });
  const quillmesh = await services.createOrganization({ name: 'Quillmesh', industry: 'Retail' });
  const hooli = await services.createOrganization({ name: 'Hooli' });
  const a3 = await services.createAdopter({ projectId: mesh.id, organizationId: quillmesh.id, number: 3 });
  const b1 = await services.createAdopter({ projectId: tracing.id, organizationId: hooli.id });
  const interview = await services.createInterview({ adopterId: a3.id, date: '2024-06-10' });
  const other = await services.createInterview({ adopterId: b1.id });
  return { desk, services, mesh, tracing, quillmesh, hooli, a3, b1, interview, other };
}

const refused = async (services: Parameters<typeof dispatch>[0], name: 'undo' | 'redo' | 'undoChange', input: unknown) => {
  const result = await dispatch(services, name, input);
  if (result.ok) throw new Error(`${name} was expected to be refused`);
  return result.error;
};

describe('undo per project', () => {
  it("takes back the project's own last change, named, even when another project changed since", async () => {
    const { services, mesh, tracing, interview, other } = await twoProjects();
    const written = await services.updateInterview({ id: interview.id, version: interview.version, summary: 'Quillmesh runs it in its stores.' });
    const approved = await services.approveSummary({ id: interview.id, version: written.version, date: '2024-06-20' });
    await services.updateInterview({ id: other.id, version: other.version, summary: 'Hooli runs it on the edge.' });

    expect(await services.undoState({ projectId: mesh.id })).toMatchObject({
      undo: { label: 'Summary approved', target: 'Adopter 3, Quillmesh', projectId: mesh.id },
      redo: null,
    });
    expect(await services.undo({ projectId: mesh.id })).toMatchObject({ label: 'Summary approved', target: 'Adopter 3, Quillmesh' });
    expect((await services.getInterview({ id: interview.id })).interview.approvedAt).toBeNull();
    // The other project's newer edit is untouched.
    expect((await services.getInterview({ id: other.id })).interview.summary).toBe('Hooli runs it on the edge.');
    expect(approved.approvedAt).toBe('2024-06-20');
    expect((await services.undoState({ projectId: tracing.id })).undo).toMatchObject({ label: 'Edit summary', target: 'Adopter 1, Hooli' });
  });

  it('redoes what was undone, in the reverse order, until a new change in the project', async () => {
    const { services, mesh, interview } = await twoProjects();
    const one = await services.updateInterview({ id: interview.id, version: interview.version, summary: 'One.' });
    await services.updateInterview({ id: interview.id, version: one.version, summary: 'One. Two.' });
    await services.undo({ projectId: mesh.id });
    await services.undo({ projectId: mesh.id });
    expect((await services.getInterview({ id: interview.id })).interview.summary).toBe('');
    expect((await services.undoState({ projectId: mesh.id })).redo).toMatchObject({ label: 'Edit summary', target: 'Adopter 3, Quillmesh' });

    await services.redo({ projectId: mesh.id });
    expect((await services.getInterview({ id: interview.id })).interview.summary).toBe('One.');
    // A new change ends redo there: what was undone after it stays undone.
    const now = (await services.getInterview({ id: interview.id })).interview;
    await services.updateInterview({ id: interview.id, version: now.version, summary: 'One. Three.' });
    expect(await refused(services, 'redo', { projectId: mesh.id })).toMatchObject({ code: 'NOTHING_TO_UNDO', message: 'There is nothing to redo here.' });
    expect((await services.getInterview({ id: interview.id })).interview.summary).toBe('One. Three.');
  });

  it('redo puts a created record back with its id and stable id, and a deleted one goes again', async () => {
    const { services, mesh, interview } = await twoProjects();
    const quote = await services.createQuote({ interviewId: interview.id, text: 'We would pick it again.' });
    await services.undo({ projectId: mesh.id });
    expect((await services.getInterview({ id: interview.id })).quotes).toEqual([]);
    await services.redo({ projectId: mesh.id });
    expect((await services.getInterview({ id: interview.id })).quotes).toEqual([expect.objectContaining({ id: quote.id, text: 'We would pick it again.' })]);
    await services.deleteQuote({ id: quote.id });
    await services.undo({ projectId: mesh.id });
    await services.redo({ projectId: mesh.id });
    expect((await services.getInterview({ id: interview.id })).quotes).toEqual([]);
  });

  it('on the app’s own screens, undoes project-level and organization changes, not a project’s inner ones', async () => {
    const { services, tracing, hooli, interview } = await twoProjects();
    await services.updateOrganization({ id: hooli.id, version: hooli.version, industry: 'Telecom' });
    await services.updateInterview({ id: interview.id, version: interview.version, summary: 'Inner edit.' });
    await services.deleteProject({ id: tracing.id });
    expect(await services.undo({})).toMatchObject({ label: 'Delete project', target: 'Acme Tracing' });
    expect(await services.undo({})).toMatchObject({ label: 'Edit organization', target: 'Hooli' });
    expect((await services.getInterview({ id: interview.id })).interview.summary).toBe('Inner edit.');
  });

  it('waits when a later change of another scope touched the same record, and says which', async () => {
    const { services, mesh, quillmesh } = await twoProjects();
    // Adding a candidate creates the organization inside the project's change…
    const candidate = await services.addCandidate({ projectId: mesh.id, organizationName: 'Initrode', industry: 'Finance' });
    const initrode = (await services.listOrganizations({})).find((o) => o.name === 'Initrode')!;
    // …and the organization is then renamed from the app-level screens.
    await services.updateOrganization({ id: initrode.id, version: initrode.version, name: 'Initrode Ltd' });
    const error = await refused(services, 'undo', { projectId: mesh.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('“Edit organization” (Initrode Ltd)');
    expect(error.message).toContain('Undo that one first');
    expect((await services.listAdopters({ projectId: mesh.id })).map((a) => a.id)).toContain(candidate.id);
    await services.undo({});
    expect(await services.undo({ projectId: mesh.id })).toMatchObject({ label: 'Add candidate Initrode' });
    expect(quillmesh.name).toBe('Quillmesh');
  });

  it('never removes an organization another project has come to use', async () => {
    const { services, tracing } = await twoProjects();
    const initech = await services.createOrganization({ name: 'Initech' });
    await services.createAdopter({ projectId: tracing.id, organizationId: initech.id });
    const error = await refused(services, 'undo', {});
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toContain('now used elsewhere');
    expect((await services.listOrganizations({})).map((o) => o.name)).toContain('Initech');
  });
});

describe('the history list', () => {
  it('lists changes with their project and target, and undoes only the next one of each project', async () => {
    const { services, mesh, tracing, interview, other } = await twoProjects();
    await services.updateInterview({ id: interview.id, version: interview.version, summary: 'Mesh edit.' });
    await services.updateInterview({ id: other.id, version: other.version, summary: 'Tracing edit.' });
    const list = await services.recentChanges({ limit: 5 });
    expect(list.slice(0, 2)).toEqual([
      expect.objectContaining({ label: 'Edit summary', target: 'Adopter 1, Hooli', projectName: 'Acme Tracing', projectId: tracing.id, canUndo: true, undone: false }),
      expect.objectContaining({ label: 'Edit summary', target: 'Adopter 3, Quillmesh', projectName: 'Globex Mesh', projectId: mesh.id, canUndo: true, undone: false }),
    ]);
    const olderMesh = list.find((c) => c.projectId === mesh.id && c.id !== list[1]!.id)!;
    expect(olderMesh.canUndo).toBe(false);
    expect(await refused(services, 'undoChange', { id: olderMesh.id })).toMatchObject({ code: 'CONFLICT' });

    await services.undoChange({ id: list[1]!.id });
    expect((await services.getInterview({ id: interview.id })).interview.summary).toBe('');
    expect((await services.getInterview({ id: other.id })).interview.summary).toBe('Tracing edit.');
    expect((await services.recentChanges({ limit: 5 }))[1]).toMatchObject({ undone: true, canUndo: false });
  });
});
