import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';

/**
 * Bulk actions of the adopter list: several adopters moved or trashed as one change, so the
 * toast's one Undo (undoChange of the change it names) puts every one of them back.
 */
async function project() {
  const desk = freshDesk({ clock: () => new Date(2025, 5, 3, 10) });
  const { services } = desk;
  const mesh = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
  const other = await services.createProject({ name: 'Acme Tracing', level: 'graduation' });
  const add = (name: string, projectId = mesh.id) => services.addCandidate({ projectId, organizationName: name });
  const [a1, a2, a3] = [await add('Quillmesh'), await add('Hooli'), await add('Initrode')];
  const stranger = await add('Vandelay', other.id);
  return { services, mesh, other, a1, a2, a3, stranger };
}

describe('bulk stage change', () => {
  it('moves every chosen adopter to the stage, dated today, in one change that one undo reverts', async () => {
    const { services, mesh, a1, a2, a3 } = await project();
    const result = await services.moveAdopters({ projectId: mesh.id, adopterIds: [a1.id, a3.id], stage: 'contacted' });
    expect(result.count).toBe(2);
    const stages = async () => (await services.listAdopters({ projectId: mesh.id })).map((a) => [a.number, a.stage, a.stageDates.contacted ?? null]);
    expect(await stages()).toEqual([
      [1, 'contacted', '2025-06-03'],
      [2, 'candidate', null],
      [3, 'contacted', '2025-06-03'],
    ]);
    expect(await services.undoState({ projectId: mesh.id })).toMatchObject({ undo: { id: result.changeId, label: 'Move 2 adopters to Contacted' } });

    await services.undoChange({ id: result.changeId! });
    expect(await stages()).toEqual([
      [1, 'candidate', null],
      [2, 'candidate', null],
      [3, 'candidate', null],
    ]);
    void a2;
  });

  it('leaves an adopter already at that stage as it is, and makes no change when all are', async () => {
    const { services, mesh, a1, a2 } = await project();
    await services.setAdopterStage({ id: a1.id, version: a1.version, stage: 'scheduled', date: '2025-05-01' });
    const result = await services.moveAdopters({ projectId: mesh.id, adopterIds: [a1.id, a2.id, a2.id], stage: 'scheduled' });
    expect(result.count).toBe(1);
    expect((await services.getAdopter({ id: a1.id })).adopter.stageDates.scheduled).toBe('2025-05-01');
    expect(await services.moveAdopters({ projectId: mesh.id, adopterIds: [a1.id, a2.id], stage: 'scheduled' })).toEqual({ changeId: null, count: 0 });
    expect((await services.undoState({ projectId: mesh.id })).undo?.id).toBe(result.changeId);
  });

  it('refuses an empty choice, an unknown stage and an adopter of another project, changing nothing', async () => {
    const { services, mesh, a1, stranger } = await project();
    expect(await dispatch(services, 'moveAdopters', { projectId: mesh.id, adopterIds: [], stage: 'contacted' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('Choose at least one adopter.') },
    });
    expect(await dispatch(services, 'moveAdopters', { projectId: mesh.id, adopterIds: [a1.id], stage: 'published' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch(services, 'moveAdopters', { projectId: mesh.id, adopterIds: [a1.id, stranger.id], stage: 'contacted' })).toMatchObject({
      ok: false,
      error: { message: 'Adopter 1 of another project was chosen; nothing was changed.' },
    });
    expect((await services.getAdopter({ id: a1.id })).adopter.stage).toBe('candidate');
  });
});

describe('bulk trash', () => {
  it('moves the chosen adopters to the trash in one change; one undo brings all of them back', async () => {
    const { services, mesh, a1, a2, a3 } = await project();
    const result = await services.trashAdopters({ projectId: mesh.id, adopterIds: [a1.id, a2.id, a3.id] });
    expect(result.count).toBe(3);
    expect(await services.listAdopters({ projectId: mesh.id })).toEqual([]);
    expect((await services.listTrash({})).filter((t) => t.entity === 'adopter').map((t) => t.title).sort()).toEqual(['Adopter 1 - Quillmesh', 'Adopter 2 - Hooli', 'Adopter 3 - Initrode']);
    expect((await services.undoState({ projectId: mesh.id })).undo).toMatchObject({ id: result.changeId, label: 'Move 3 adopters to the trash' });

    await services.undoChange({ id: result.changeId! });
    expect((await services.listAdopters({ projectId: mesh.id })).map((a) => a.number)).toEqual([1, 2, 3]);
  });

  it('refuses an adopter already in the trash, trashing none of the others', async () => {
    const { services, mesh, a1, a2 } = await project();
    await services.deleteAdopter({ id: a2.id });
    expect((await dispatch(services, 'trashAdopters', { projectId: mesh.id, adopterIds: [a1.id, a2.id] })).ok).toBe(false);
    expect((await services.listAdopters({ projectId: mesh.id })).map((a) => a.number)).toEqual([1, 3]);
  });
});

describe('logging an interview', () => {
  it('moves a candidate to interviewed in the same change, dated the interview day, and one undo reverts both', async () => {
    const { services, mesh, a1 } = await project();
    const interview = await services.createInterview({ adopterId: a1.id, date: '2025-05-28' });
    expect((await services.getAdopter({ id: a1.id })).adopter).toMatchObject({ stage: 'interviewed', stageDates: { candidate: '2025-06-03', interviewed: '2025-05-28' } });
    await services.undo({ projectId: mesh.id });
    expect((await services.getAdopter({ id: a1.id })).adopter.stage).toBe('candidate');
    expect(await dispatch(services, 'getInterview', { id: interview.id })).toMatchObject({ ok: false });
  });

  it('dates the move today when the interview has no date yet', async () => {
    const { services, a2 } = await project();
    await services.createInterview({ adopterId: a2.id });
    expect((await services.getAdopter({ id: a2.id })).adopter).toMatchObject({ stage: 'interviewed', stageDates: { interviewed: '2025-06-03' } });
  });

  it('never moves an adopter back, nor one that declined', async () => {
    const { services, a1, a2 } = await project();
    const approved = await services.setAdopterStage({ id: a1.id, version: a1.version, stage: 'approved' });
    const declined = await services.setAdopterStage({ id: a2.id, version: a2.version, stage: 'declined' });
    await services.createInterview({ adopterId: a1.id, date: '2025-06-01' });
    await services.createInterview({ adopterId: a2.id, date: '2025-06-01' });
    expect((await services.getAdopter({ id: a1.id })).adopter.stage).toBe(approved.stage);
    expect((await services.getAdopter({ id: a2.id })).adopter.stage).toBe(declined.stage);
  });
});
