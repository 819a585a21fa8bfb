import { describe, expect, it } from 'vitest';
import { contract } from '../../../services/contract';
import { dispatch } from '../../../services/dispatch';
import { OPERATION_NAMES } from '../../../services/operations';
import type { Desk } from '../../../services/desk';
import { acknowledge, applySnapshot, openConflictsOf, pendingAcknowledgements, projectSnapshot, recordAcknowledgements, resolveConflict } from '../../../services/share/store';
import { conflictUid } from '../../../templates/share/merge-conflicts';
import { recordId, type ShareKind } from '../../../templates/share/records';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * Publishing stays safe in team mode (issue 19 item 4): every public operation refuses, with
 * the reason, while a teammate's anonymity change waits to be acknowledged or a text conflict
 * is open on an adopter it would print; once acknowledged or resolved, it publishes again.
 */

const PUBLIC_OPS = OPERATION_NAMES.filter((name) => (contract[name] as { public?: true }).public);
const INPUTS = (projectId: number) => [{ projectId }, { projectId, includeDrafts: true, typography: true }];

async function everyPublicOperation(desk: Desk, projectId: number) {
  const out = [];
  for (const name of PUBLIC_OPS) for (const input of INPUTS(projectId)) out.push({ name, input, result: await dispatch(desk.services, name, input) });
  return out;
}

async function seeded() {
  const desk = freshDesk();
  const seed = await seedGlobexMesh(desk.services);
  return { desk, seed };
}

/** A conflict on a record's text, written as a Sync writes it. */
function plantConflict(desk: Desk, projectId: number, kind: ShareKind, uid: string, field: string): string {
  const snapshot = new Map(projectSnapshot(desk.store, projectId));
  const at = '2024-12-01T10:00:00.000Z';
  const c = conflictUid(kind, uid, field);
  snapshot.set(recordId('conflict', c), {
    kind: 'conflict',
    uid: c,
    fields: { recordKind: kind, recordUid: uid, field, base: null, texts: [{ text: 'Another text.', by: 'Ben' }], createdAt: at, updatedAt: at },
  });
  applySnapshot(desk.store, { projectId }, snapshot, { label: 'Sync with the team: 1 record from Ben', authors: ['Ben'] });
  return c;
}

describe('publishing waits for the team’s changes to be reviewed', () => {
  it('the public operations are the Markdown and the Word section', () => {
    expect([...PUBLIC_OPS].sort()).toEqual(['exportAdoptionDocx', 'exportAdoptionMarkdown']);
  });

  it('a teammate turned off anonymity: every public operation refuses, naming it, until someone acknowledges it', async () => {
    const { desk, seed } = await seeded();
    const projectId = seed.project.id;
    const uid = desk.store.tables.adopter.uidOf(seed.adopters[2]!.adopter.id)!;
    recordAcknowledgements(desk.store, projectId, [{ reason: 'anonymity-off', id: recordId('adopter', uid), kind: 'adopter', adopterUid: uid, adopterNumber: 3, by: 'Ben' }]);
    const pending = pendingAcknowledgements(desk.store, projectId);
    expect(pending).toEqual([{ id: expect.any(Number), adopterNumber: 3, what: 'Ben turned off anonymity of Adopter 3', by: 'Ben', at: expect.any(String) }]);

    for (const { name, input, result } of await everyPublicOperation(desk, projectId)) {
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: 'Globex Mesh cannot be published yet: Ben turned off anonymity of Adopter 3 in a Sync; acknowledge it under “Waiting for you” on the project’s Team card, or with adoption-desk share acknowledge, before publishing.' },
      });
    }
    // Private documents are not held back.
    expect(await dispatch(desk.services, 'exportDossierDocx', { projectId })).toMatchObject({ ok: true });

    acknowledge(desk.store, projectId, pending.map((p) => p.id));
    expect(pendingAcknowledgements(desk.store, projectId)).toEqual([]);
    for (const { name, input, result } of await everyPublicOperation(desk, projectId)) expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
  });

  it('an allowance changed by a teammate, and one of an interviewee, are named too; acknowledging one leaves the other', async () => {
    const { desk, seed } = await seeded();
    const projectId = seed.project.id;
    recordAcknowledgements(desk.store, projectId, [
      { reason: 'allowance', id: 'allowance:x', kind: 'allowance', adopterUid: null, adopterNumber: 2, by: 'Ana' },
      { reason: 'anonymity-off', id: 'participant:y', kind: 'participant', adopterUid: null, adopterNumber: 3, by: null },
    ]);
    const [allowance, participant] = pendingAcknowledgements(desk.store, projectId);
    expect([allowance!.what, participant!.what]).toEqual(['Ana changed what the anonymity guard allows for Adopter 2', 'A teammate turned off anonymity of an interviewee of Adopter 3']);
    const refused = await dispatch(desk.services, 'exportAdoptionMarkdown', { projectId });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Ana changed what the anonymity guard allows for Adopter 2 in a Sync and a teammate turned off anonymity of an interviewee of Adopter 3 in a Sync; acknowledge them') } });
    acknowledge(desk.store, projectId, [allowance!.id]);
    expect(await dispatch(desk.services, 'exportAdoptionDocx', { projectId })).toMatchObject({ ok: false, error: { message: expect.stringContaining('interviewee of Adopter 3') } });
    // Another project's acknowledgement does not hold this one.
    acknowledge(desk.store, projectId + 1, [participant!.id]);
    expect(pendingAcknowledgements(desk.store, projectId)).toHaveLength(1);
  });

  it('an open text conflict on an adopter being published: every public operation refuses until it is resolved', async () => {
    const { desk, seed } = await seeded();
    const projectId = seed.project.id;
    const interviewUid = desk.store.tables.interview.uidOf(seed.adopters[0]!.interview.id)!;
    const conflict = plantConflict(desk, projectId, 'interview', interviewUid, 'summary');
    expect(openConflictsOf(desk.store, projectId)).toEqual([{ uid: conflict, recordKind: 'interview', recordUid: interviewUid, field: 'summary', adopterNumber: 1 }]);
    for (const { name, input, result } of await everyPublicOperation(desk, projectId)) {
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: 'Globex Mesh cannot be published yet: a Sync left a text conflict open on Adopter 1 (interview summary); choose the text in Compare, then publish.' },
      });
    }
    resolveConflict(desk.store, projectId, conflict);
    expect(openConflictsOf(desk.store, projectId)).toEqual([]);
    expect(() => resolveConflict(desk.store, projectId, conflict)).toThrow(/no open text conflict/);
    for (const { name, input, result } of await everyPublicOperation(desk, projectId)) expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
    // Resolving is a change of its own: undo opens the conflict again.
    desk.store.undo({ projectId });
    expect(openConflictsOf(desk.store, projectId)).toHaveLength(1);
  });

  it('a conflict on an organization’s name holds its adopters back; one on an adopter the section leaves out does not', async () => {
    const { desk, seed } = await seeded();
    const projectId = seed.project.id;
    const hooli = desk.store.tables.organization.uidOf(seed.orgs.hooli.id)!; // the declined candidate's
    plantConflict(desk, projectId, 'organization', hooli, 'name');
    for (const { name, input, result } of await everyPublicOperation(desk, projectId)) expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
    const acme = desk.store.tables.organization.uidOf(seed.orgs.acme.id)!;
    plantConflict(desk, projectId, 'organization', acme, 'name');
    expect(await dispatch(desk.services, 'exportAdoptionMarkdown', { projectId })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Adopter 1 (organization name)') } });
  });

  it('the anonymity guard still runs once the team’s changes are reviewed', async () => {
    const { desk, seed } = await seeded();
    const projectId = seed.project.id;
    const interview = (await desk.services.getInterview({ id: seed.adopters[2]!.interview.id })).interview;
    await desk.services.updateInterview({ id: interview.id, version: interview.version, summary: 'Introduced by the team at initech.example.' });
    for (const { name, input, result } of await everyPublicOperation(desk, projectId)) {
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'LEAK_DETECTED' } });
    }
  });
});
