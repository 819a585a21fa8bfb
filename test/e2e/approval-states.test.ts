import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * The approval card of an interview shows where the approval stands, with its day, and
 * offers only the steps that can follow: send, approve, revoke, or ask again once the
 * summary changed after the approval.
 */
const app = seededApp('approval');
// Days as stored, whatever the browser's locale would choose.
beforeAll(async () => {
  await app.harness.desk.services.updateSettings({ dateFormat: 'iso' });
});

const services = () => app.harness.desk.services;
const card = () => app.page.getByRole('region', { name: 'Approval' });
const state = () => app.page.getByTestId('approval-state').textContent();
/** The step buttons of the card (the two documents below them are always there). */
const steps = async () =>
  (await card().locator('.field-row > button').allTextContents()).map((t) => t.trim());

async function show(hash: string) {
  await app.show(hash);
  await card().waitFor();
}

describe('approval as a state', () => {
  it('approved: the day it was given, and only "Revoke approval"; revoked: the day, and approving again', async () => {
    const { adopter, interview } = app.seed.adopters[0]!;
    await show(`#/p/${app.seed.project.id}/a/${adopter.id}/i/${interview.id}`);
    expect(await state()).toBe('Approved Approved on 2024-06-22 (sent on 2024-06-20).');
    expect(await steps()).toEqual(['Revoke approval']);
    expect(await seriousViolations(app.page)).toEqual([]);

    await card().getByRole('button', { name: 'Revoke approval' }).click();
    await expect.poll(state).toMatch(/^Approval revoked The approval was revoked on \d{4}-\d{2}-\d{2}; the entry is not published until the adopter approves again\.$/);
    expect(await steps()).toEqual(['Mark approved']);
    expect((await services().getInterview({ id: interview.id })).interview.approvedAt).toBeNull();
    await screenshot(app.page, 'approval-revoked');

    await card().getByLabel('Approved on').fill('2024-07-02');
    await card().getByRole('button', { name: 'Mark approved' }).click();
    await expect.poll(state).toBe('Approved Approved on 2024-07-02 (sent on 2024-06-20).');
    expect(await steps()).toEqual(['Revoke approval']);
  });

  it('summary changed after the approval: says so, and offers to ask again', async () => {
    const { adopter, interview } = app.seed.adopters[3]!;
    const current = (await services().getInterview({ id: interview.id })).interview;
    await services().updateInterview({ id: current.id, version: current.version, summary: `${current.summary} Production is next.` });
    await show(`#/p/${app.seed.project.id}/a/${adopter.id}/i/${interview.id}`);
    expect(await state()).toBe('Approved, then changed Approved on 2024-09-25, but the summary changed since; the adopter has not seen this version.');
    expect(await steps()).toEqual(['Summary changed since approval — ask again', 'Revoke approval']);
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'approval-changed');

    await card().getByLabel('Sent again on').fill('2024-10-01');
    await card().getByRole('button', { name: 'Summary changed since approval — ask again' }).click();
    await expect.poll(state).toBe('Waiting for approval Sent on 2024-10-01; approval due 2024-10-15.');
    expect(await steps()).toEqual(['Mark approved']);
    expect((await services().getInterview({ id: interview.id })).approval).toEqual({ state: 'sent', sentAt: '2024-10-01', due: '2024-10-15' });
  });

  it('a new interview: not sent, and only "Mark summary sent"', async () => {
    const { adopter } = app.seed.adopters[1]!;
    const fresh = await services().createInterview({ adopterId: adopter.id, summary: 'A follow-up call.' });
    await show(`#/p/${app.seed.project.id}/a/${adopter.id}/i/${fresh.id}`);
    expect(await state()).toBe('Not sent The summary has not been sent to the adopter yet.');
    expect(await steps()).toEqual(['Mark summary sent']);
    await card().getByLabel('Sent on').fill('2024-11-04');
    await card().getByRole('button', { name: 'Mark summary sent' }).click();
    await expect.poll(state).toBe('Waiting for approval Sent on 2024-11-04; approval due 2024-11-18.');
    expect(app.browser.errors).toEqual([]);
  });
});
