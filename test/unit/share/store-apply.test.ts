import { describe, expect, it } from 'vitest';
import type { Services } from '../../../services/contract';
import type { Desk } from '../../../services/desk';
import { checkProjectSize } from '../../../services/project-limits';
import { buildArchive } from '../../../services/archive-export';
import { applySnapshot, openConflictsOf, projectIdOfUid, projectSnapshot } from '../../../services/share/store';
import { conflictUid } from '../../../templates/share/merge-conflicts';
import { recordId, type ShareRecord, type ShareSnapshot } from '../../../templates/share/records';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * A snapshot written into a store (services/share/store-apply.ts): the store's project becomes
 * the snapshot, as one change of a Sync with its authors, undoable and redoable; a Join makes
 * the project; shared organizations are matched by uid; a broken snapshot changes nothing.
 */

const records = (snapshot: ShareSnapshot) => [...snapshot.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
/** The records without `updatedAt`: undo and redo stamp the rows they write with their own time (the revert syncs as a new edit). */
const unstamped = (snapshot: ShareSnapshot, drop: readonly string[] = ['updatedAt']) =>
  records(snapshot).map(([id, r]) => [id, { ...r, fields: Object.fromEntries(Object.entries(r.fields).filter(([f]) => !drop.includes(f))) }]);
const count = (snapshot: ShareSnapshot, kind: string) => [...snapshot.values()].filter((r) => r.kind === kind).length;
const changes = (desk: Desk) => desk.store.db.prepare<[], { id: number; label: string; origin: string; authors: string | null }>('SELECT id, label, origin, authors FROM change ORDER BY id').all();
const SYNC = { label: 'Sync with the team: records from Ana, Ben', authors: ['Ben', 'Ana', 'Ben'] };

async function interviewOf(services: Services, id: number) {
  return services.getInterview({ id });
}

/** Store A edits, creates and deletes records of every kind; returns nothing (the snapshot is read after). */
async function changeEveryKind(desk: Desk, seed: Awaited<ReturnType<typeof seedGlobexMesh>>) {
  const { services } = desk;
  const { project, adopters, orgs } = seed;
  await services.updateProject({ id: project.id, version: (await services.getProject({ id: project.id })).version, notes: 'Shared with Ana and Ben.' });
  await services.updateOrganization({ id: orgs.acme.id, version: orgs.acme.version, aliases: ['Acme'] });
  await services.updatePerson({ id: adopters[0]!.person.id, version: adopters[0]!.person.version, role: 'Head of Platform' });
  const a1 = (await services.getAdopter({ id: adopters[0]!.adopter.id })).adopter;
  await services.updateAdopter({ id: a1.id, version: a1.version, scale: '40 clusters' });
  const iv1 = (await interviewOf(services, adopters[0]!.interview.id)).interview;
  await services.updateInterview({ id: iv1.id, version: iv1.version, rawNotes: 'Ana: forty clusters now.' });
  // Created: an organization, a person, an adopter with an interview, notes, a participant and a quote; an allowance; a dismissal.
  const globex = await services.createOrganization({ name: 'Globex Bank', industry: 'Finance' });
  const eve = await services.createPerson({ name: 'Eve Example', organizationId: globex.id });
  const a6 = await services.createAdopter({ projectId: project.id, organizationId: globex.id, usageLevel: 'production' });
  const iv6 = await services.createInterview({ adopterId: a6.id, date: '2024-11-05', interviewers: ['Ana'], summary: 'Globex Bank runs it under its ledger.' });
  await services.addParticipant({ interviewId: iv6.id, personId: eve.id, anonymous: false });
  await services.setAnswer({ interviewId: iv6.id, questionKey: 'q1', text: 'Since 2023.', version: null });
  await services.createQuote({ interviewId: iv6.id, text: 'Upgrades are dull.', speakerPersonId: eve.id, approved: false, tags: ['ops'] });
  await services.addAllowance({ adopterId: adopters[1]!.adopter.id, term: 'Initrode Payments' });
  // A dismissed warning, as the adopter screen writes one.
  desk.store.change('Dismiss a warning', () => desk.store.tables.dismissal.insert({ adopterId: a1.id, code: 'MONTH_MISSING', warningKey: 'c'.repeat(64), message: 'A month is missing.' }));
  // Deleted: a participant, a quote, an answer (emptied), an interview (trash), an adopter (trash).
  const detail2 = await interviewOf(services, adopters[1]!.interview.id);
  await services.removeParticipant({ id: detail2.participants[0]!.id });
  const q = await services.createQuote({ interviewId: adopters[2]!.interview.id, text: 'Short-lived.', speakerPersonId: null, approved: false, tags: [] });
  await services.deleteQuote({ id: q.id });
  await services.deleteInterview({ id: adopters[2]!.interview.id });
  await services.deleteAdopter({ id: adopters[3]!.adopter.id });
}

/** A conflict record on an interview's summary, as the merge opens it. */
function withConflict(snapshot: ShareSnapshot, interviewUid: string): ShareSnapshot {
  const out = new Map(snapshot);
  const uid = conflictUid('interview', interviewUid, 'summary');
  const at = '2024-12-01T10:00:00.000Z';
  const record: ShareRecord = {
    kind: 'conflict',
    uid,
    fields: { recordKind: 'interview', recordUid: interviewUid, field: 'summary', base: 'Old text.', texts: [{ text: "Ben's text.", by: 'Ben' }], createdAt: at, updatedAt: at },
  };
  out.set(recordId('conflict', uid), record);
  return out;
}

async function sharedPair() {
  const a = freshDesk();
  const seed = await seedGlobexMesh(a.services);
  const before = projectSnapshot(a.store, seed.project.id);
  const b = freshDesk();
  const { projectId } = applySnapshot(b.store, null, before, { label: 'Join the team', authors: ['Ana'] });
  return { a, b, seed, before, bProject: projectId };
}

describe('applySnapshot: a store takes the team’s project', () => {
  it('a Join into an empty store gives the snapshot back, as one change of a Sync by its authors', async () => {
    const { b, before, bProject } = await sharedPair();
    expect(records(projectSnapshot(b.store, bProject))).toEqual(records(before));
    expect(projectIdOfUid(b.store, [...before.values()].find((r) => r.kind === 'project')!.uid)).toBe(bProject);
    expect(changes(b)).toEqual([{ id: expect.any(Number), label: 'Join the team', origin: 'sync', authors: '["Ana"]' }]);
    const [listed] = b.store.recentChanges(1);
    expect(listed).toMatchObject({ label: 'Join the team', projectId: bProject, syncedFrom: ['Ana'] });
    // A change made here stays local.
    const local = await b.services.createOrganization({ name: 'Initech Labs' });
    expect(b.store.recentChanges(1)[0]).toMatchObject({ syncedFrom: null });
    expect(b.store.history('organization', local.id)[0]).toMatchObject({ syncedFrom: null });
  });

  it('edits, creations and deletions of every kind: the result equals the snapshot; undo and redo walk it back and forth', async () => {
    const { a, b, seed, before, bProject } = await sharedPair();
    await changeEveryKind(a, seed);
    const interviewUid = a.store.tables.interview.uidOf(seed.adopters[0]!.interview.id)!;
    const after = withConflict(projectSnapshot(a.store, seed.project.id), interviewUid);
    // Every kind changed, in every way that matters to the store.
    expect(count(after, 'adopter')).toBe(count(before, 'adopter'));
    // One removed, one added, two gone with a trashed interview and a trashed adopter.
    expect([count(before, 'participant'), count(after, 'participant')]).toEqual([4, 2]);
    expect([count(before, 'quote'), count(after, 'quote'), count(after, 'answer'), count(after, 'interview')]).toEqual([0, 1, 1, 3]);
    expect(count(after, 'conflict')).toBe(1);
    expect([count(before, 'dismissal'), count(after, 'dismissal')]).toEqual([0, 1]);
    expect(count(after, 'allowance')).toBe(count(before, 'allowance') + 1);

    b.store.indexPending();
    expect((await b.services.search({ query: 'ledger' })).total).toBe(0);
    const changesBefore = changes(b).length;
    applySnapshot(b.store, { projectId: bProject }, after, SYNC);
    expect(records(projectSnapshot(b.store, bProject))).toEqual(records(after));
    const made = changes(b).slice(changesBefore);
    expect(made).toEqual([{ id: expect.any(Number), label: SYNC.label, origin: 'sync', authors: '["Ana","Ben"]' }]);
    expect(openConflictsOf(b.store, bProject)).toEqual([{ uid: expect.any(String), recordKind: 'interview', recordUid: interviewUid, field: 'summary', adopterNumber: 1 }]);
    // The trash holds what the team trashed, as the app would.
    const trashedAdopter = b.store.tables.adopter.findByUid(a.store.tables.adopter.uidOf(seed.adopters[3]!.adopter.id)!)!;
    expect(trashedAdopter.deletedAt).not.toBeNull();
    // The search index sees the new text.
    b.store.indexPending();
    expect((await b.services.search({ query: 'ledger' })).total).toBe(1);

    b.store.undo({ projectId: bProject });
    expect(unstamped(projectSnapshot(b.store, bProject))).toEqual(unstamped(before));
    expect(openConflictsOf(b.store, bProject)).toEqual([]);
    b.store.redo({ projectId: bProject });
    // Redo makes the rows again (created with the team's creation time), stamped with its own time as changed.
    expect(unstamped(projectSnapshot(b.store, bProject))).toEqual(unstamped(after));

    // Applying the same snapshot again writes nothing: no change in the history.
    const settled = projectSnapshot(b.store, bProject);
    const count0 = changes(b).length;
    applySnapshot(b.store, { projectId: bProject }, settled, SYNC);
    expect(changes(b).length).toBe(count0);
  });

  it('renumbered adopters (two swap numbers) and a conflict whose record the snapshot deletes', async () => {
    const { b, before, bProject } = await sharedPair();
    const adopters = [...before.values()].filter((r) => r.kind === 'adopter');
    const [one, two] = [adopters.find((r) => r.fields.number === 1)!, adopters.find((r) => r.fields.number === 2)!];
    const swapped = new Map(before);
    swapped.set(recordId('adopter', one.uid), { ...one, fields: { ...one.fields, number: 2 } });
    swapped.set(recordId('adopter', two.uid), { ...two, fields: { ...two.fields, number: 1 } });
    const interview = [...before.values()].find((r) => r.kind === 'interview' && r.fields.adopterUid === one.uid)!;
    const withOne = withConflict(swapped, interview.uid);
    applySnapshot(b.store, { projectId: bProject }, withOne, SYNC);
    expect(records(projectSnapshot(b.store, bProject))).toEqual(records(withOne));
    expect(openConflictsOf(b.store, bProject)[0]!.adopterNumber).toBe(2);

    // The team trashed the interview: its conflict goes with it.
    const gone = new Map([...withOne].filter(([, r]) => !(r.kind === 'interview' && r.uid === interview.uid) && r.fields.interviewUid !== interview.uid && r.kind !== 'conflict'));
    applySnapshot(b.store, { projectId: bProject }, gone, SYNC);
    expect(records(projectSnapshot(b.store, bProject))).toEqual(records(gone));
    expect(openConflictsOf(b.store, bProject)).toEqual([]);
    expect(b.store.tables.interview.findByUid(interview.uid)!.deletedAt).not.toBeNull();
  });

  it('the trash here meets the team: a record trashed here but kept by the team comes back; a trashed adopter holding a number the team gives another moves aside', async () => {
    const { a, b, seed, bProject } = await sharedPair();
    const uidOf = (id: number) => a.store.tables.adopter.uidOf(id)!;
    const fourHere = b.store.tables.adopter.findByUid(uidOf(seed.adopters[3]!.adopter.id))!;
    await b.services.deleteAdopter({ id: fourHere.id });
    const mine = await b.services.createAdopter({ projectId: bProject, organizationId: fourHere.organizationId });
    await b.services.deleteAdopter({ id: mine.id });
    // The team kept Adopter 4 (and edited it) and created its own Adopter 6.
    const four = (await a.services.getAdopter({ id: seed.adopters[3]!.adopter.id })).adopter;
    await a.services.updateAdopter({ id: four.id, version: four.version, scale: 'two clusters' });
    const theirs = await a.services.createAdopter({ projectId: seed.project.id, organizationId: seed.orgs.hooli.id });
    expect([mine.number, theirs.number]).toEqual([6, 6]);
    const team = projectSnapshot(a.store, seed.project.id);
    applySnapshot(b.store, { projectId: bProject }, team, SYNC);
    expect(records(projectSnapshot(b.store, bProject))).toEqual(records(team));
    expect(b.store.tables.adopter.get(fourHere.id)).toMatchObject({ deletedAt: null, scale: 'two clusters' });
    expect(b.store.tables.adopter.get(mine.id)).toMatchObject({ number: 7, deletedAt: expect.any(String) });
  });

  it('a conflict about a record trashed here leaves the snapshot, and the next Sync without it removes it for good', async () => {
    const { b, before, bProject } = await sharedPair();
    const interview = [...before.values()].find((r) => r.kind === 'interview')!;
    applySnapshot(b.store, { projectId: bProject }, withConflict(before, interview.uid), SYNC);
    const here = b.store.tables.interview.findByUid(interview.uid)!;
    expect(openConflictsOf(b.store, bProject)).toHaveLength(1);
    await b.services.deleteInterview({ id: here.id });
    expect(count(projectSnapshot(b.store, bProject), 'conflict')).toBe(0);
    expect(openConflictsOf(b.store, bProject)).toEqual([]);
    const team = new Map([...before].filter(([, r]) => r.uid !== interview.uid && r.fields.interviewUid !== interview.uid));
    applySnapshot(b.store, { projectId: bProject }, team, SYNC);
    expect(b.store.tables.conflict.list({ project_id: bProject })).toEqual([]);
    await b.services.restoreFromTrash({ entity: 'interview', id: here.id });
    expect(openConflictsOf(b.store, bProject)).toEqual([]);
  });

  it('an organization another project here uses is matched by uid, never duplicated', async () => {
    const { a, b, seed, bProject } = await sharedPair();
    // B's own project uses Initech, the team project's organization.
    const initech = b.store.tables.organization.findByUid(a.store.tables.organization.uidOf(seed.orgs.initech.id)!)!;
    const own = await b.services.createProject({ name: 'Initech Tracing', level: 'incubation' });
    const ownAdopter = await b.services.createAdopter({ projectId: own.id, organizationId: initech.id });
    const organizations = b.store.tables.organization.list().length;

    // A second team project, joined here, uses Initech too; and the first one syncs a new alias.
    const second = await a.services.createProject({ name: 'Globex Tracing', level: 'incubation' });
    await a.services.createAdopter({ projectId: second.id, organizationId: seed.orgs.initech.id });
    const joined = applySnapshot(b.store, null, projectSnapshot(a.store, second.id), { label: 'Join the team', authors: ['Ana'] });
    const aInitech = (await a.services.listOrganizations({})).find((o) => o.id === seed.orgs.initech.id)!;
    await a.services.updateOrganization({ id: aInitech.id, version: aInitech.version, aliases: ['Initrode', 'ITC'] });
    applySnapshot(b.store, { projectId: bProject }, projectSnapshot(a.store, seed.project.id), SYNC);

    expect(b.store.tables.organization.list().length).toBe(organizations);
    expect(b.store.tables.adopter.get(ownAdopter.id).organizationId).toBe(initech.id);
    expect(b.store.tables.adopter.list({ project_id: joined.projectId })[0]!.organizationId).toBe(initech.id);
    expect(b.store.tables.organization.get(initech.id).aliases).toEqual(['Initrode', 'ITC']);
    // A Sync that changed only a shared organization is still the project's change, undone from its screens.
    expect(b.store.recentChanges(1)[0]).toMatchObject({ label: SYNC.label, projectId: bProject, target: 'Globex Mesh', syncedFrom: ['Ana', 'Ben'] });
    b.store.undo({ projectId: bProject });
    expect(b.store.tables.organization.get(initech.id).aliases).toEqual(['Initrode']);
  });

  it('the project-size check runs before a Sync commits, as for any save: a refusal keeps nothing', async () => {
    const { a, b, seed, bProject } = await sharedPair();
    const was = records(projectSnapshot(b.store, bProject));
    const iv = (await a.services.getInterview({ id: seed.adopters[0]!.interview.id })).interview;
    await a.services.updateInterview({ id: iv.id, version: iv.version, rawNotes: 'Forty clusters. '.repeat(4_000) });
    // A limit 10 kB above the project as it is here: the Sync's 64 kB of notes pass it.
    const limit = JSON.stringify(buildArchive(b.store, bProject)).length + 10_000;
    b.store.checkBeforeCommit((projectId) => checkProjectSize(b.store, projectId, limit));
    expect(() => applySnapshot(b.store, { projectId: bProject }, projectSnapshot(a.store, seed.project.id), SYNC)).toThrow(/would take .* as an archive/);
    expect(records(projectSnapshot(b.store, bProject))).toEqual(was);
  });

  it('a broken snapshot is refused in words, and nothing changes', async () => {
    const { b, before, bProject } = await sharedPair();
    const was = records(projectSnapshot(b.store, bProject));
    const changeCount = changes(b).length;
    const adopter = [...before.values()].find((r) => r.kind === 'adopter' && r.fields.number === 1)!;
    const orphaned = new Map([...before].filter(([, r]) => r !== adopter));
    expect(() => applySnapshot(b.store, { projectId: bProject }, orphaned, SYNC)).toThrow(/cannot be taken into this store: The record interview:.* names adopter:.*Nothing was changed/);
    const tooLong = new Map(before);
    tooLong.set(recordId('adopter', adopter.uid), { ...adopter, fields: { ...adopter.fields, number: 0 } });
    expect(() => applySnapshot(b.store, { projectId: bProject }, tooLong, SYNC)).toThrow(/Nothing was changed/);
    const twoProjects = new Map(before);
    twoProjects.set('project:other', { kind: 'project', uid: 'other', fields: {} });
    expect(() => applySnapshot(b.store, { projectId: bProject }, twoProjects, SYNC)).toThrow(/2 project records/);
    // Another project's snapshot is not this one's; a Join of a project already here is refused.
    const fresh = freshDesk();
    const other = await fresh.services.createProject({ name: 'Initech Tracing', level: 'incubation' });
    expect(() => applySnapshot(b.store, { projectId: bProject }, projectSnapshot(fresh.store, other.id), SYNC)).toThrow(/another project/);
    expect(() => applySnapshot(b.store, null, before, SYNC)).toThrow(/already holds the project/);
    expect(records(projectSnapshot(b.store, bProject))).toEqual(was);
    expect(changes(b).length).toBe(changeCount);
  });
});
