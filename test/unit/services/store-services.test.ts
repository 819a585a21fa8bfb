import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../domain/errors';
import type { OperationName, Services } from '../../../services/contract';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';

/**
 * The interview store's services, one rule at a time, through the same services object
 * every front door uses. Errors are checked through dispatch, as the front doors see them.
 */

/** Local time that ticks one second per reading: timestamps differ, and "today" is 2024-09-17. */
function tickingClock(start = new Date(2024, 8, 17, 10, 0, 0)) {
  let t = start.getTime();
  return () => new Date((t += 1000));
}
const TODAY = '2024-09-17';

function setup() {
  const desk = freshDesk({ clock: tickingClock() });
  return { desk, services: desk.services, db: desk.store.db };
}

/** The error code a call is refused with (fails the test if it succeeds). */
async function refused(services: Services, name: OperationName, input: unknown): Promise<{ code: ErrorCode; message: string }> {
  const result = await dispatch(services, name, input, () => {});
  if (result.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A project with two organizations: the usual start. */
async function basics(services: Services) {
  const project = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
  const globex = await services.createOrganization({ name: 'Globex', industry: 'Energy' });
  const initech = await services.createOrganization({ name: 'Initech', industry: 'Software', aliases: ['Initrode'] });
  return { project, globex, initech };
}

const rowCounts = (db: ReturnType<typeof setup>['db']): Record<string, number> =>
  Object.fromEntries(
    ['project', 'organization', 'person', 'adopter', 'interview', 'participant', 'answer', 'quote', 'change'].map((t) => [
      t,
      db.prepare<[], number>(`SELECT count(*) FROM ${t}`).pluck().get()!,
    ]),
  );

describe('adopters', () => {
  it('numbers adopters after the last one, never reusing a number, not even one in the trash', async () => {
    const { services } = setup();
    const { project, globex, initech } = await basics(services);
    const one = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const two = await services.createAdopter({ projectId: project.id, organizationId: initech.id });
    const three = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    expect([one.number, two.number, three.number]).toEqual([1, 2, 3]);

    await services.deleteAdopter({ id: three.id });
    const four = await services.createAdopter({ projectId: project.id, organizationId: initech.id });
    expect(four.number).toBe(4);

    // A number given by hand is kept; the next automatic one follows the highest.
    const nine = await services.createAdopter({ projectId: project.id, organizationId: globex.id, number: 9 });
    expect(nine.number).toBe(9);
    expect((await services.createAdopter({ projectId: project.id, organizationId: globex.id })).number).toBe(10);

    // Numbers are per project.
    const other = await services.createProject({ name: 'Acme Tracing', level: 'graduation' });
    expect((await services.createAdopter({ projectId: other.id, organizationId: globex.id })).number).toBe(1);
    expect((await services.listAdopters({ projectId: project.id })).map((a) => a.number)).toEqual([1, 2, 4, 9, 10]);
    expect((await services.listAdopters({ projectId: project.id, includeTrashed: true })).map((a) => a.number)).toEqual([1, 2, 3, 4, 9, 10]);
  });

  it('refuses a number that is taken, live or in the trash, with DUPLICATE', async () => {
    const { services, db } = setup();
    const { project, globex, initech } = await basics(services);
    await services.createAdopter({ projectId: project.id, organizationId: globex.id, number: 2 });
    const trashed = await services.createAdopter({ projectId: project.id, organizationId: initech.id, number: 5 });
    await services.deleteAdopter({ id: trashed.id });
    const counts = rowCounts(db);

    expect(await refused(services, 'createAdopter', { projectId: project.id, organizationId: initech.id, number: 2 })).toEqual({
      code: 'DUPLICATE',
      message: 'Adopter 2 already exists in this project; numbers stay with their adopter.',
    });
    expect(await refused(services, 'createAdopter', { projectId: project.id, organizationId: initech.id, number: 5 })).toEqual({
      code: 'DUPLICATE',
      message: 'Adopter 5 already exists in this project (in the trash); numbers stay with their adopter.',
    });
    const third = await services.createAdopter({ projectId: project.id, organizationId: initech.id });
    expect(third.number).toBe(6);
    expect((await refused(services, 'updateAdopter', { id: third.id, version: third.version, number: 2 })).code).toBe('DUPLICATE');
    expect(rowCounts(db)).toEqual({ ...counts, adopter: counts.adopter! + 1, change: counts.change! + 1 });
    // Renumbering to a free number is fine.
    expect((await services.updateAdopter({ id: third.id, version: third.version, number: 3 })).number).toBe(3);
  });

  it('dates every stage it reaches: on creation, on an edit, and with setAdopterStage', async () => {
    const { services } = setup();
    const { project, globex, initech } = await basics(services);
    const a = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    expect(a).toMatchObject({ stage: 'candidate', stageDates: { candidate: TODAY }, version: 1 });
    const b = await services.createAdopter({ projectId: project.id, organizationId: initech.id, stage: 'contacted' });
    expect(b.stageDates).toEqual({ contacted: TODAY });

    const scheduled = await services.updateAdopter({ id: a.id, version: a.version, stage: 'scheduled' });
    expect(scheduled.stageDates).toEqual({ candidate: TODAY, scheduled: TODAY });
    // A date given with the stage wins over today.
    const interviewed = await services.updateAdopter({
      id: a.id,
      version: scheduled.version,
      stage: 'interviewed',
      stageDates: { ...scheduled.stageDates, interviewed: '2024-09-01' },
    });
    expect(interviewed.stageDates).toEqual({ candidate: TODAY, scheduled: TODAY, interviewed: '2024-09-01' });

    const declined = await services.setAdopterStage({ id: a.id, version: interviewed.version, stage: 'declined', date: '2024-09-10' });
    expect(declined).toMatchObject({ stage: 'declined', stageDates: { candidate: TODAY, scheduled: TODAY, interviewed: '2024-09-01', declined: '2024-09-10' } });
    const back = await services.setAdopterStage({ id: a.id, version: declined.version, stage: 'contacted' });
    expect(back).toMatchObject({ stage: 'contacted', stageDates: { contacted: TODAY, declined: '2024-09-10' } });

    expect((await refused(services, 'setAdopterStage', { id: a.id, version: declined.version, stage: 'approved' })).code).toBe('CONFLICT');
    expect((await refused(services, 'setAdopterStage', { id: a.id, version: back.version, stage: 'finished' })).code).toBe('VALIDATION');
    expect((await refused(services, 'setAdopterStage', { id: a.id, version: back.version, stage: 'approved', date: '2024-02-30' })).code).toBe('VALIDATION');
  });

  it('getAdopter gives the organization and the live interviews; a trashed adopter is not found', async () => {
    const { services } = setup();
    const { project, globex } = await basics(services);
    const a = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const late = await services.createInterview({ adopterId: a.id, date: '2024-09-20' });
    const early = await services.createInterview({ adopterId: a.id, date: '2024-09-02' });
    const gone = await services.createInterview({ adopterId: a.id, date: '2024-09-05' });
    await services.deleteInterview({ id: gone.id });
    const detail = await services.getAdopter({ id: a.id });
    expect(detail.organization.name).toBe('Globex');
    expect(detail.interviews.map((i) => i.id)).toEqual([early.id, late.id]);
    await services.deleteAdopter({ id: a.id });
    expect((await refused(services, 'getAdopter', { id: a.id })).code).toBe('NOT_FOUND');
  });
});

describe('interviews', () => {
  async function adopterOf(services: Services) {
    const { project, globex } = await basics(services);
    return services.createAdopter({ projectId: project.id, organizationId: globex.id });
  }

  it('keeps the month in step with the date, unless the month was set apart', async () => {
    const { services } = setup();
    const adopter = await adopterOf(services);
    const i = await services.createInterview({ adopterId: adopter.id, date: '2024-09-17' });
    expect(i).toMatchObject({ date: '2024-09-17', month: '2024-09', questionSet: 'toc-2024', summary: '', interviewers: [] });

    const moved = await services.updateInterview({ id: i.id, version: i.version, date: '2024-10-02' });
    expect(moved).toMatchObject({ date: '2024-10-02', month: '2024-10' });
    const cleared = await services.updateInterview({ id: i.id, version: moved.version, date: null });
    expect(cleared).toMatchObject({ date: null, month: '2024-10' });
    const redated = await services.updateInterview({ id: i.id, version: cleared.version, date: '2024-11-05' });
    expect(redated.month).toBe('2024-10'); // a month kept without a day is the reviewer's, not derived

    const apart = await services.updateInterview({ id: i.id, version: redated.version, month: '2024-12' });
    const after = await services.updateInterview({ id: i.id, version: apart.version, date: '2024-11-20' });
    expect(after).toMatchObject({ date: '2024-11-20', month: '2024-12' });
    const both = await services.updateInterview({ id: i.id, version: after.version, date: '2025-01-03', month: '2025-02' });
    expect(both).toMatchObject({ date: '2025-01-03', month: '2025-02' });

    // Only a month: an imported entry.
    const old = await services.createInterview({ adopterId: adopter.id, month: '2023-05' });
    expect(old).toMatchObject({ date: null, month: '2023-05' });
    const dated = await services.updateInterview({ id: old.id, version: old.version, date: '2023-06-01' });
    expect(dated.month).toBe('2023-05'); // the month it was imported with was set on its own: it stays
  });

  it('a dated interview moves a candidate to interviewed, dated the day of the call', async () => {
    const { services } = setup();
    const adopter = await adopterOf(services);
    await services.createInterview({ adopterId: adopter.id, date: '2024-09-03' });
    expect((await services.getAdopter({ id: adopter.id })).adopter).toMatchObject({
      stage: 'interviewed',
      stageDates: { candidate: TODAY, interviewed: '2024-09-03' },
    });
  });

  it('markSummarySent and approveSummary advance the adopter and approval stores the summary’s SHA-256', async () => {
    const { services, db } = setup();
    const adopter = await adopterOf(services);
    const i = await services.createInterview({ adopterId: adopter.id, date: '2024-09-03' });

    const counts = rowCounts(db);
    expect(await refused(services, 'markSummarySent', { id: i.id, version: i.version, date: '2024-09-05' })).toEqual({
      code: 'VALIDATION',
      message: 'Write the summary before marking it sent.',
    });
    expect(await refused(services, 'approveSummary', { id: i.id, version: i.version, date: '2024-09-05' })).toEqual({
      code: 'VALIDATION',
      message: 'There is no summary to approve yet.',
    });
    const blank = await services.updateInterview({ id: i.id, version: i.version, summary: '  \n ' });
    expect((await refused(services, 'approveSummary', { id: i.id, version: blank.version, date: '2024-09-05' })).code).toBe('VALIDATION');
    expect(rowCounts(db)).toEqual({ ...counts, change: counts.change! + 1 });

    const summary = 'Globex runs the mesh in production.\r\nTwo clusters, 400 services.';
    const written = await services.updateInterview({ id: i.id, version: blank.version, summary });
    const sent = await services.markSummarySent({ id: i.id, version: written.version, date: '2024-09-05' });
    expect(sent.summarySentAt).toBe('2024-09-05');
    expect((await services.getAdopter({ id: adopter.id })).adopter).toMatchObject({ stage: 'summary-sent', stageDates: { 'summary-sent': '2024-09-05' } });

    expect((await refused(services, 'approveSummary', { id: i.id, version: written.version, date: '2024-09-12' })).code).toBe('CONFLICT');
    const approved = await services.approveSummary({ id: i.id, version: sent.version, date: '2024-09-12' });
    // The hash of the text as approved, line endings normalized (so another platform's save is not an edit).
    const expected = crypto.createHash('sha256').update('Globex runs the mesh in production.\nTwo clusters, 400 services.').digest('hex');
    expect(approved).toMatchObject({ approvedAt: '2024-09-12', approvedHash: expected });
    expect((await services.getAdopter({ id: adopter.id })).adopter).toMatchObject({
      stage: 'approved',
      stageDates: { candidate: TODAY, interviewed: '2024-09-03', 'summary-sent': '2024-09-05', approved: '2024-09-12' },
    });
  });

  it('never moves an adopter back, nor out of declined or withdrawn', async () => {
    const { services } = setup();
    const adopter = await adopterOf(services);
    const declined = await services.setAdopterStage({ id: adopter.id, version: adopter.version, stage: 'declined', date: '2024-09-01' });
    const i = await services.createInterview({ adopterId: adopter.id, date: '2024-09-03', summary: 'Short.' });
    await services.markSummarySent({ id: i.id, version: i.version, date: '2024-09-04' });
    expect((await services.getAdopter({ id: adopter.id })).adopter).toMatchObject({ stage: 'declined', version: declined.version });
  });
});

describe('notes per question (setAnswer)', () => {
  it('inserts with version null, updates with the version read, and refuses stale writes with CONFLICT', async () => {
    const { services } = setup();
    const { project, globex } = await basics(services);
    const adopter = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const i = await services.createInterview({ adopterId: adopter.id });

    const first = await services.setAnswer({ interviewId: i.id, questionKey: 'q1', text: 'Two years.', version: null });
    expect(first).toMatchObject({ interviewId: i.id, questionKey: 'q1', text: 'Two years.', version: 1 });
    const second = await services.setAnswer({ interviewId: i.id, questionKey: 'q1', text: 'Two years, in production.', version: 1 });
    expect(second).toMatchObject({ id: first.id, text: 'Two years, in production.', version: 2 });

    // Another window typed under the same question meanwhile.
    expect((await refused(services, 'setAnswer', { interviewId: i.id, questionKey: 'q1', text: 'Mine', version: 1 })).code).toBe('CONFLICT');
    expect((await refused(services, 'setAnswer', { interviewId: i.id, questionKey: 'q1', text: 'Mine', version: null })).code).toBe('CONFLICT');
    expect((await refused(services, 'setAnswer', { interviewId: i.id, questionKey: 'q2', text: 'Mine', version: 3 })).code).toBe('NOT_FOUND');
    expect((await refused(services, 'setAnswer', { interviewId: i.id, questionKey: 'Q 2', text: 'Mine', version: null })).code).toBe('VALIDATION');

    const same = await services.setAnswer({ interviewId: i.id, questionKey: 'q1', text: 'Two years, in production.', version: 2 });
    expect(same.version).toBe(2); // saving what is there writes nothing
    const detail = await services.getInterview({ id: i.id });
    expect(detail.answers.map((a) => [a.questionKey, a.text, a.version])).toEqual([['q1', 'Two years, in production.', 2]]);
  });
});

describe('participants', () => {
  it('adds people in order, refuses the same person twice, and keeps positions after a removal', async () => {
    const { services } = setup();
    const { project, globex } = await basics(services);
    const adopter = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const i = await services.createInterview({ adopterId: adopter.id });
    const ada = await services.createPerson({ name: 'Ada Example', role: 'Platform lead', organizationId: globex.id });
    const bo = await services.createPerson({ name: 'Bo Sample' });
    const cy = await services.createPerson({ name: 'Cy Placeholder' });

    const pa = await services.addParticipant({ interviewId: i.id, personId: ada.id });
    const pb = await services.addParticipant({ interviewId: i.id, personId: bo.id, anonymous: true });
    expect([pa.position, pa.anonymous, pb.position, pb.anonymous]).toEqual([1, false, 2, true]);
    expect(await refused(services, 'addParticipant', { interviewId: i.id, personId: ada.id })).toEqual({
      code: 'DUPLICATE',
      message: 'Ada Example is already a participant of this interview.',
    });
    expect((await refused(services, 'addParticipant', { interviewId: i.id, personId: 999 })).code).toBe('NOT_FOUND');

    await services.removeParticipant({ id: pa.id });
    const pc = await services.addParticipant({ interviewId: i.id, personId: cy.id });
    expect(pc.position).toBe(3);
    const again = await services.addParticipant({ interviewId: i.id, personId: ada.id });
    expect(again.position).toBe(4);

    const named = await services.updateParticipant({ id: pb.id, version: pb.version, anonymous: false });
    expect(named).toMatchObject({ anonymous: false, version: 2 });
    expect((await refused(services, 'updateParticipant', { id: pb.id, version: pb.version, anonymous: true })).code).toBe('CONFLICT');

    const detail = await services.getInterview({ id: i.id });
    expect(detail.participants.map((p) => [p.position, p.person.name])).toEqual([
      [2, 'Bo Sample'],
      [3, 'Cy Placeholder'],
      [4, 'Ada Example'],
    ]);
  });
});

describe('quotes', () => {
  it('creates with defaults, edits, checks the speaker, deletes, and undo puts a deleted quote back with its id', async () => {
    const { services } = setup();
    const { project, globex } = await basics(services);
    const adopter = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const i = await services.createInterview({ adopterId: adopter.id });
    const ada = await services.createPerson({ name: 'Ada Example' });

    const q = await services.createQuote({ interviewId: i.id, text: 'It just works.' });
    expect(q).toMatchObject({ interviewId: i.id, text: 'It just works.', speakerPersonId: null, approved: false, tags: [], version: 1 });
    const edited = await services.updateQuote({ id: q.id, version: 1, speakerPersonId: ada.id, approved: true, tags: ['reliability'] });
    expect(edited).toMatchObject({ speakerPersonId: ada.id, approved: true, tags: ['reliability'], version: 2 });

    expect((await refused(services, 'createQuote', { interviewId: i.id, text: '   ' })).code).toBe('VALIDATION');
    expect((await refused(services, 'createQuote', { interviewId: i.id, text: 'Who said it?', speakerPersonId: 999 })).code).toBe('NOT_FOUND');
    expect((await refused(services, 'updateQuote', { id: q.id, version: 1, text: 'Stale' })).code).toBe('CONFLICT');

    await services.deleteQuote({ id: q.id });
    expect((await services.getInterview({ id: i.id })).quotes).toEqual([]);
    await services.undo({ projectId: project.id });
    const [back] = (await services.getInterview({ id: i.id })).quotes;
    expect(back).toMatchObject({ id: q.id, text: 'It just works.', speakerPersonId: ada.id, approved: true, tags: ['reliability'], version: 3 });
  });
});

describe('organizations and people', () => {
  it('refuses to delete an organization an adopter uses, even one in the trash', async () => {
    const { services } = setup();
    const { project, globex } = await basics(services);
    const a = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    expect(await refused(services, 'deleteOrganization', { id: globex.id })).toEqual({
      code: 'CONFLICT',
      message: '"Globex" is adopter 1 in a project (or in the trash); remove those adopters first.',
    });
    await services.deleteAdopter({ id: a.id });
    expect((await refused(services, 'deleteOrganization', { id: globex.id })).code).toBe('CONFLICT');
    await services.emptyTrash({});
    await services.deleteOrganization({ id: globex.id });
    expect((await services.listOrganizations({})).map((o) => o.name)).toEqual(['Initech']);
  });

  it('detaches its people when an organization is deleted, in history, and undo attaches them again', async () => {
    const { services } = setup();
    const { initech } = await basics(services);
    const bo = await services.createPerson({ name: 'Bo Sample', organizationId: initech.id });
    const cy = await services.createPerson({ name: 'Cy Placeholder', organizationId: initech.id });
    await services.deleteOrganization({ id: initech.id });

    const people = await services.listPeople({});
    expect(people.map((p) => [p.name, p.organizationId])).toEqual([
      ['Bo Sample', null],
      ['Cy Placeholder', null],
    ]);
    const [detached] = await services.history({ entity: 'person', id: bo.id });
    expect(detached).toMatchObject({ label: 'Delete organization', action: 'update', undone: false, changes: [{ field: 'organizationId', before: initech.id, after: null }] });

    await services.undo({});
    expect((await services.listOrganizations({})).map((o) => [o.id, o.name])).toEqual([
      [1, 'Globex'],
      [initech.id, 'Initech'],
    ]);
    expect((await services.listPeople({ organizationId: initech.id })).map((p) => p.id)).toEqual([bo.id, cy.id]);
  });

  it('refuses to delete a person who took part in an interview; otherwise clears them as a quote’s speaker', async () => {
    const { services } = setup();
    const { project, globex } = await basics(services);
    const adopter = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const i = await services.createInterview({ adopterId: adopter.id });
    const ada = await services.createPerson({ name: 'Ada Example' });
    const p = await services.addParticipant({ interviewId: i.id, personId: ada.id });
    const q = await services.createQuote({ interviewId: i.id, text: 'It just works.', speakerPersonId: ada.id });

    expect(await refused(services, 'deletePerson', { id: ada.id })).toEqual({
      code: 'CONFLICT',
      message: 'Ada Example took part in an interview; remove them from it first.',
    });
    await services.removeParticipant({ id: p.id });
    await services.deletePerson({ id: ada.id });
    expect(await services.listPeople({})).toEqual([]);
    expect((await services.getInterview({ id: i.id })).quotes).toMatchObject([{ id: q.id, speakerPersonId: null }]);
    expect((await refused(services, 'updatePerson', { id: ada.id, version: 1, role: 'CTO' })).code).toBe('NOT_FOUND');
    expect((await refused(services, 'createPerson', { name: 'Bo Sample', organizationId: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('history', () => {
  it('lists what happened to a record, newest first, with labels and each field before and after', async () => {
    const { services } = setup();
    const project = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    const renamed = await services.updateProject({ id: project.id, version: 1, name: 'Globex Service Mesh' });
    const edited = await services.updateProject({ id: project.id, version: renamed.version, notes: 'Kick-off done', archived: true });
    await services.deleteProject({ id: project.id });
    await services.restoreFromTrash({ entity: 'project', id: project.id });

    const history = await services.history({ entity: 'project', id: project.id });
    expect(history.map((h) => [h.label, h.action, h.undone])).toEqual([
      ['Restore project', 'restore', false],
      ['Delete project', 'trash', false],
      ['Edit project', 'update', false],
      ['Rename project', 'update', false],
      ['Create project Globex Mesh', 'create', false],
    ]);
    expect(history[2]!.changes).toEqual([
      { field: 'notes', before: '', after: 'Kick-off done' },
      { field: 'archived', before: false, after: true },
    ]);
    expect(history[3]!.changes).toEqual([{ field: 'name', before: 'Globex Mesh', after: 'Globex Service Mesh' }]);
    expect(history[1]!.changes).toEqual([{ field: 'deletedAt', before: null, after: expect.stringMatching(/^2024-09-17T/) }]);
    // The creation lists every field with no "before".
    expect(history[4]!.changes).toContainEqual({ field: 'name', before: null, after: 'Globex Mesh' });
    expect(history[4]!.changes).toContainEqual({ field: 'slug', before: null, after: 'globex-mesh' });
    expect(history.every((h) => /^2024-09-17T/.test(h.at))).toBe(true);
    expect(edited.version).toBe(3);

    // Undone steps stay, marked.
    await services.undo({ projectId: project.id });
    const [last] = await services.history({ entity: 'project', id: project.id });
    expect(last).toMatchObject({ label: 'Restore project', undone: true });
  });

  it('a new record never inherits the history of an undone, deleted or purged one (ids are not reused)', async () => {
    const { services } = setup();
    const { project, globex } = await basics(services);
    const adopter = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const i = await services.createInterview({ adopterId: adopter.id });

    // A window still holds quote "First" when another window undoes its creation…
    const first = await services.createQuote({ interviewId: i.id, text: 'First' });
    await services.undo({ projectId: project.id });
    // …and a new quote is saved: it must not take the old id, or the stale window would overwrite it.
    const second = await services.createQuote({ interviewId: i.id, text: 'Second' });
    expect(second.id).not.toBe(first.id);
    expect((await refused(services, 'updateQuote', { id: first.id, version: first.version, text: 'Edited first' })).code).toBe('NOT_FOUND');
    expect((await services.getInterview({ id: i.id })).quotes.map((q) => q.text)).toEqual(['Second']);

    // Same after a delete, and after emptying the trash.
    await services.deleteQuote({ id: second.id });
    const third = await services.createQuote({ interviewId: i.id, text: 'Third' });
    expect(third.id).toBeGreaterThan(second.id);
    const scratch = await services.createProject({ name: 'Scratch', level: 'incubation' });
    await services.deleteProject({ id: scratch.id });
    await services.emptyTrash({});
    const fresh = await services.createProject({ name: 'Acme Tracing', level: 'graduation' });
    expect(fresh.id).toBeGreaterThan(scratch.id);
    for (const [entity, id] of [
      ['quote', third.id],
      ['project', fresh.id],
    ] as const) {
      expect((await services.history({ entity, id })).map((h) => h.action), `${entity} ${id}`).toEqual(['create']);
    }
  });
});

describe('trash', () => {
  it('lists projects, adopters and interviews in the trash, newest first, and restores them', async () => {
    const { services } = setup();
    const { project, initech } = await basics(services);
    const adopter = await services.createAdopter({ projectId: project.id, organizationId: initech.id });
    const i = await services.createInterview({ adopterId: adopter.id, date: '2024-09-03' });
    const other = await services.createProject({ name: 'Acme Tracing', level: 'graduation' });
    await services.deleteInterview({ id: i.id });
    await services.deleteAdopter({ id: adopter.id });
    await services.deleteProject({ id: other.id });

    const trash = await services.listTrash({});
    expect(trash.map((t) => [t.entity, t.id, t.title])).toEqual([
      ['project', other.id, 'Acme Tracing'],
      ['adopter', adopter.id, 'Adopter 1 - Initech'],
      ['interview', i.id, 'Interview of 2024-09-03'],
    ]);
    expect(trash.every((t) => /^2024-09-17T/.test(t.deletedAt))).toBe(true);

    await services.restoreFromTrash({ entity: 'adopter', id: adopter.id });
    expect((await services.listAdopters({ projectId: project.id })).map((a) => a.id)).toEqual([adopter.id]);
    expect((await services.listTrash({})).map((t) => t.entity)).toEqual(['project', 'interview']);
    expect((await refused(services, 'restoreFromTrash', { entity: 'quote', id: 1 })).code).toBe('VALIDATION');
  });

  it('emptying the trash is final for what was in it, and only for that: every other change can still be undone', async () => {
    const { services, db } = setup();
    const { project, globex } = await basics(services);
    const kept = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const keptInterview = await services.createInterview({ adopterId: kept.id });
    const edited = await services.updateInterview({ id: keptInterview.id, version: keptInterview.version, summary: 'Kept and edited.' });
    const adopter = await services.createAdopter({ projectId: project.id, organizationId: globex.id });
    const i = await services.createInterview({ adopterId: adopter.id });
    await services.setAnswer({ interviewId: i.id, questionKey: 'q1', text: 'Notes', version: null });
    const quote = await services.createQuote({ interviewId: i.id, text: 'A quote' });
    await services.deleteQuote({ id: quote.id });
    const other = await services.createProject({ name: 'Acme Tracing', level: 'graduation' });
    await services.deleteAdopter({ id: adopter.id });
    await services.deleteProject({ id: other.id });

    expect(await services.emptyTrash({})).toEqual({ removed: 2 });
    expect(await services.listTrash({})).toEqual([]);
    expect((await refused(services, 'getProject', { id: other.id })).code).toBe('NOT_FOUND');
    // The adopter's interview and everything under it went with it, the quote deleted before included.
    expect(rowCounts(db)).toMatchObject({ project: 1, adopter: 1, interview: 1, answer: 0, quote: 0 });
    // What went keeps only its purge in the history: no undo can try to put it back into a parent that is gone.
    for (const [entity, id] of [['adopter', adopter.id], ['interview', i.id], ['quote', quote.id], ['project', other.id]] as const) {
      expect((await services.history({ entity, id })).map((h) => [h.label, h.action]), `${entity} ${id}`).toEqual([['Empty trash', 'purge']]);
    }

    // Emptying belongs to the app, not to a project; it is listed, and cannot be undone.
    expect((await services.recentChanges({ limit: 1 }))[0]).toMatchObject({ label: 'Empty trash', projectId: null, canUndo: false });
    // The rest of the history is intact: the project's own changes undo one by one, named.
    expect(await services.undoState({ projectId: project.id })).toMatchObject({ undo: { label: 'Edit summary', target: 'Adopter 1, Globex' } });
    await services.undo({ projectId: project.id });
    expect((await services.getInterview({ id: keptInterview.id })).interview.summary).toBe('');
    await services.redo({ projectId: project.id });
    expect((await services.getInterview({ id: keptInterview.id })).interview).toMatchObject({ summary: 'Kept and edited.' });
    expect(edited.summary).toBe('Kept and edited.');
    // An empty trash writes nothing, so it is no barrier.
    expect(await services.emptyTrash({})).toEqual({ removed: 0 });
  });
});

describe('adopterOverview', () => {
  it('gives exactly the documented fields; an anonymous adopter keeps its real organization beside its public label', async () => {
    const { services } = setup();
    const { project, globex, initech } = await basics(services);
    const ada = await services.createPerson({ name: 'Ada Example', role: 'Platform lead', organizationId: globex.id });
    const bo = await services.createPerson({ name: 'Bo Sample', role: 'SRE', organizationId: initech.id });
    const cy = await services.createPerson({ name: 'Cy Placeholder' });

    const named = await services.createAdopter({ projectId: project.id, organizationId: globex.id, usageLevel: 'production' });
    const first = await services.createInterview({ adopterId: named.id, date: '2024-08-20', summary: 'First call.' });
    const second = await services.createInterview({ adopterId: named.id, date: '2024-09-03', summary: 'Globex runs the mesh in production.' });
    await services.createInterview({ adopterId: named.id, date: '2024-09-10' }); // no summary yet
    await services.addParticipant({ interviewId: first.id, personId: ada.id });
    await services.addParticipant({ interviewId: second.id, personId: cy.id, anonymous: true });
    await services.addParticipant({ interviewId: second.id, personId: ada.id });

    const anonymous = await services.createAdopter({ projectId: project.id, organizationId: initech.id, anonymous: true, usageLevel: 'pre-production' });
    const call = await services.createInterview({ adopterId: anonymous.id, month: '2024-07', summary: 'Payments moved onto the mesh.' });
    await services.addParticipant({ interviewId: call.id, personId: bo.id });

    const trashed = await services.createAdopter({ projectId: project.id, organizationId: initech.id });
    await services.deleteAdopter({ id: trashed.id });

    const overview = await services.adopterOverview({ projectId: project.id });
    expect(overview).toHaveLength(2);
    for (const entry of overview) {
      expect(Object.keys(entry).sort()).toEqual(
        [
          'number',
          'label',
          'organization',
          'industry',
          'anonymous',
          'intervieweesAnonymous',
          'interviewees',
          'interviewMonth',
          'interviewDates',
          'usageLevel',
          'stage',
          'summary',
        ].sort(),
      );
      for (const who of entry.interviewees) expect(Object.keys(who).sort()).toEqual(['name', 'role']);
    }
    expect(overview[0]).toEqual({
      number: 1,
      label: 'Globex/Energy',
      organization: 'Globex',
      industry: 'Energy',
      anonymous: false,
      intervieweesAnonymous: true, // Cy took part anonymously
      interviewees: [
        { name: 'Ada Example', role: 'Platform lead' },
        { name: 'Cy Placeholder', role: null },
      ],
      interviewMonth: '2024-09',
      interviewDates: ['2024-08-20', '2024-09-03', '2024-09-10'],
      usageLevel: 'production',
      stage: 'interviewed',
      summary: 'Globex runs the mesh in production.',
    });
    expect(overview[1]).toEqual({
      number: 2,
      label: 'Anonymous Software',
      organization: 'Initech', // the reviewer's private view keeps the real name
      industry: 'Software',
      anonymous: true,
      intervieweesAnonymous: true,
      interviewees: [{ name: 'Bo Sample', role: 'SRE' }],
      interviewMonth: '2024-07',
      interviewDates: [],
      usageLevel: 'pre-production',
      stage: 'interviewed', // logging its interview moved the candidate on
      summary: 'Payments moved onto the mesh.',
    });

    await services.deleteProject({ id: project.id });
    expect((await refused(services, 'adopterOverview', { projectId: project.id })).code).toBe('NOT_FOUND');
  });
});
