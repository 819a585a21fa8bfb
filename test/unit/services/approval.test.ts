import { describe, expect, it } from 'vitest';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/** Globex Mesh, whose Adopter 1 (Acme Corp) approved its summary on 2024-06-22. */
async function approvedInterview() {
  const { services } = freshDesk();
  const seed = await seedGlobexMesh(services);
  const { adopter, interview } = seed.adopters[0]!;
  const detail = () => services.getInterview({ id: interview.id });
  const current = async () => (await detail()).interview;
  return { services, seed, adopterId: adopter.id, interviewId: interview.id, detail, current };
}

describe('the approval of a summary, as a state', () => {
  it('reads as approved with its day, and as changed once the summary is edited after it', async () => {
    const { services, detail, current } = await approvedInterview();
    expect((await detail()).approval).toEqual({ state: 'approved', sentAt: '2024-06-20', approvedAt: '2024-06-22', summaryChanged: false });
    const before = await current();
    await services.updateInterview({ id: before.id, version: before.version, summary: `${before.summary} It also runs the billing stack.` });
    expect((await detail()).approval).toMatchObject({ state: 'approved', summaryChanged: true });
  });

  it('revoked: no longer approved, the adopter waits for an answer again, the published section leaves it out', async () => {
    const { services, seed, adopterId, detail, current } = await approvedInterview();
    const before = await current();
    const revoked = await services.revokeApproval({ id: before.id, version: before.version });
    expect(revoked).toMatchObject({ approvedAt: null, approvedHash: null, summarySentAt: '2024-06-20' });
    expect((await detail()).approval).toEqual({ state: 'revoked', sentAt: '2024-06-20', revokedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await services.getAdopter({ id: adopterId })).adopter.stage).toBe('summary-sent');
    const published = await services.exportAdoptionMarkdown({ projectId: seed.project.id });
    expect(published.markdown).not.toContain('Acme Corp');

    // Approved again: the state follows the latest step.
    const again = await current();
    await services.approveSummary({ id: again.id, version: again.version, date: '2024-07-01' });
    expect((await detail()).approval).toMatchObject({ state: 'approved', approvedAt: '2024-07-01', summaryChanged: false });
  });

  it('refuses to revoke an approval that was never given', async () => {
    const { services, seed } = await approvedInterview();
    const fresh = await services.createInterview({ adopterId: seed.adopters[1]!.adopter.id, summary: 'A second call.' });
    await expect((async () => services.revokeApproval({ id: fresh.id, version: fresh.version }))()).rejects.toThrow('there is no approval to revoke');
    expect((await services.getInterview({ id: fresh.id })).approval).toEqual({ state: 'not-sent' });
  });

  it('asked again after a change: sent on the new day, the old approval no longer holds', async () => {
    const { services, detail, current } = await approvedInterview();
    const edited = await current();
    const changed = await services.updateInterview({ id: edited.id, version: edited.version, summary: 'Acme Corp runs Globex Mesh in production for every stack.' });
    await services.askApprovalAgain({ id: changed.id, version: changed.version, date: '2024-08-01' });
    expect((await detail()).approval).toEqual({ state: 'sent', sentAt: '2024-08-01', due: '2024-08-15' });
  });
});
