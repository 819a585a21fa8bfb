import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * Everything that removes data, done as a reviewer does it in Chromium: each removal
 * either happens at once and its toast names what went and where, with an Undo that puts
 * it back (checked in the store), or asks first, naming what would be lost with counts,
 * with Cancel focused, and Cancel keeps everything.
 */
const app = seededApp('destructive');
// The toasts name an interview by its day, in the date format of Settings: ISO here, as the sentences below write it.
beforeAll(async () => {
  await app.harness.desk.services.updateSettings({ dateFormat: 'iso' });
});

const services = () => app.harness.desk.services;
const toast = () => app.page.getByTestId('toast');
const undo = () => toast().getByRole('button', { name: 'Undo' }).click();

async function show(hash: string) {
  await app.show(hash);
  await app.page.getByRole('heading', { level: 2 }).first().waitFor();
}

const acme = () => app.seed.adopters[0]!;
const interviewHash = (n: number) => `#/p/${app.seed.project.id}/a/${app.seed.adopters[n]!.adopter.id}/i/${app.seed.adopters[n]!.interview.id}`;

describe('removals that happen at once: named in a toast, put back by its Undo', () => {
  it('moves an adopter to the trash; the Undo still works after 8 s, on the screen it led to', { timeout: 60_000 }, async () => {
    await show(`#/p/${app.seed.project.id}/a/${acme().adopter.id}`);
    await app.page.getByRole('button', { name: 'Move Adopter 1 to the trash' }).click();
    await expect.poll(() => toast().textContent()).toContain('Moved Adopter 1 – Acme Corp (Globex Mesh) to the trash.');
    // The reviewer lands on the adopters list; the toast came along, since its Undo is live.
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toBe(`#/p/${app.seed.project.id}`);
    expect(await services().listTrash({})).toEqual([expect.objectContaining({ entity: 'adopter', id: acme().adopter.id })]);
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'destructive-adopter-toast');

    await app.page.waitForTimeout(8000);
    await undo();
    await expect.poll(() => toast().textContent()).toContain('Adopter 1 – Acme Corp (Globex Mesh) is back from the trash.');
    expect((await services().getAdopter({ id: acme().adopter.id })).adopter.deletedAt).toBeNull();
    expect(await services().listTrash({})).toEqual([]);
  });

  it('deletes a project from its card, and Undo brings it back with its adopters', async () => {
    await show('#/');
    await app.page.getByRole('button', { name: 'Delete Globex Mesh' }).click();
    await expect.poll(() => toast().textContent()).toContain('Moved the project Globex Mesh to the trash, with its adopters and interviews.');
    await expect.poll(() => app.page.getByTestId('project-row').count()).toBe(0);
    expect(await services().listTrash({})).toEqual([expect.objectContaining({ entity: 'project', id: app.seed.project.id })]);

    await undo();
    await expect.poll(() => toast().textContent()).toContain('The project Globex Mesh is back from the trash.');
    await expect.poll(() => app.page.getByTestId('project-row').count()).toBe(1);
    expect(await services().listAdopters({ projectId: app.seed.project.id })).toHaveLength(5);
  });

  it('removes an interviewee; Undo adds the same person back, still anonymous', async () => {
    const umbrella = app.seed.adopters[2]!;
    await show(interviewHash(2));
    await app.page.getByRole('button', { name: 'Remove Cy Hidden' }).click();
    await expect.poll(() => toast().textContent()).toContain('Removed Cy Hidden from the interview of 2024-08-12 (Adopter 3 – Umbrella Logistics, Globex Mesh).');
    expect((await services().getInterview({ id: umbrella.interview.id })).participants).toEqual([]);

    await undo();
    await expect.poll(() => toast().textContent()).toContain('Cy Hidden is back in the interview of 2024-08-12');
    const [back] = (await services().getInterview({ id: umbrella.interview.id })).participants;
    expect(back).toMatchObject({ personId: umbrella.person.id, anonymous: true });
    await app.page.getByRole('button', { name: 'Remove Cy Hidden' }).waitFor();
  });

  it('deletes a quote; Undo saves it again with its speaker and approval', async () => {
    const { interview, person } = app.seed.adopters[3]!;
    const quote = await services().createQuote({ interviewId: interview.id, text: 'We stopped paging people at night.', speakerPersonId: person.id, approved: true });
    await show(interviewHash(3));
    await app.page.getByRole('button', { name: 'Delete the quote “We stopped paging people at night.”' }).click();
    await expect.poll(() => toast().textContent()).toContain(
      'Deleted the quote “We stopped paging people at night.” (Adopter 4 – Vandelay Industries, Globex Mesh).',
    );
    expect((await services().getInterview({ id: interview.id })).quotes).toEqual([]);

    await undo();
    await expect.poll(() => toast().textContent()).toContain('The quote “We stopped paging people at night.” is back');
    const [back] = (await services().getInterview({ id: interview.id })).quotes;
    expect(back).toMatchObject({ text: quote.text, speakerPersonId: person.id, approved: true });
    await app.page.getByTestId('quote').waitFor();
  });

  it('moves an interview to the trash; Undo brings it back; the plain toast that follows does not follow to another screen', async () => {
    const { adopter, interview } = app.seed.adopters[3]!;
    await show(interviewHash(3));
    await app.page.getByRole('button', { name: 'Move this interview to the trash' }).click();
    await expect.poll(() => toast().textContent()).toContain(
      'Moved the interview of 2024-09-13 (Adopter 4 – Vandelay Industries, Globex Mesh) to the trash.',
    );
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toBe(`#/p/${app.seed.project.id}/a/${adopter.id}`);
    expect(await services().listInterviews({ adopterId: adopter.id })).toEqual([]);

    await undo();
    await expect.poll(() => toast().textContent()).toContain('The interview of 2024-09-13 (Adopter 4 – Vandelay Industries, Globex Mesh) is back from the trash.');
    expect(await services().listInterviews({ adopterId: adopter.id })).toEqual([expect.objectContaining({ id: interview.id })]);
    await app.page.getByRole('link', { name: /Interview 2024-09-13/ }).waitFor();

    // "… is back" was about this screen: it does not follow the reviewer to Settings.
    await show('#/settings');
    await expect.poll(() => toast().count()).toBe(0);
  });
});

describe('removals for good: asked first, with counts, Cancel focused', () => {
  it('emptying the trash names what goes; Cancel keeps it all; confirmed, it is gone', async () => {
    const other = await services().createProject({ name: 'Quillmesh', level: 'incubation' });
    const hooli = await services().createAdopter({ projectId: other.id, organizationId: app.seed.orgs.hooli.id });
    const interview = await services().createInterview({ adopterId: hooli.id, date: '2024-10-01', summary: 'Hooli runs Quillmesh.' });
    const person = await services().createPerson({ name: 'Gav Example', organizationId: app.seed.orgs.hooli.id });
    await services().addParticipant({ interviewId: interview.id, personId: person.id });
    for (const text of ['It is fast.', 'It is boring, in a good way.']) await services().createQuote({ interviewId: interview.id, text });
    await services().deleteProject({ id: other.id });

    await show('#/trash');
    await app.page.getByRole('button', { name: 'Empty the trash for good…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Empty the trash' });
    await expect.poll(() => dialog.getByTestId('confirm-question').textContent()).toBe(
      'Permanently delete 1 project, 1 adopter, 1 interview, 1 interviewee and 2 quotes? This cannot be undone.',
    );
    // Enter pressed out of habit hits Cancel, the focused button.
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'destructive-empty-trash');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await services().listTrash({})).toEqual([expect.objectContaining({ entity: 'project', id: other.id })]);

    await app.page.getByRole('button', { name: 'Empty the trash for good…' }).click();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await app.page.getByText('The trash is empty.').first().waitFor();
    expect(await services().listTrash({})).toEqual([]);
    expect(await services().listAdopters({ projectId: app.seed.project.id })).toHaveLength(5);
  });

  it('restoring a backup says the data is replaced and the current database is kept; Cancel restores nothing, confirming does', async () => {
    await services().backupNow({});
    const before = await services().listBackups({});
    await show('#/settings');
    await app.page.getByRole('button', { name: /^Restore the backup of / }).first().click();
    const dialog = app.page.getByRole('dialog', { name: 'Restore a backup' });
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/Replace all the data you have now with the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2}\?/);
    expect(text).toContain('The database you have now is not deleted: it is kept in this list as a backup marked “before a restore”');
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(app.page, 'destructive-restore-backup');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await services().listBackups({})).toEqual(before);

    // Confirmed: the data is the backup's again, and what it replaced is listed, kept.
    await services().createProject({ name: 'Made after the backup', level: 'incubation' });
    await app.page.getByRole('button', { name: /^Restore the backup of / }).first().click();
    await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'Restored the backup of' }).count()).toBe(1);
    expect((await services().listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
    await app.page.locator('.backups li').filter({ hasText: '· before a restore ·' }).waitFor();
    expect((await services().listBackups({})).map((b) => b.reason)).toContain('before-restore');
    expect(app.browser.errors).toEqual([]);
  });
});
