import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGlobexMesh } from '../helpers/seed';
import { tempDir } from '../helpers/temp-dir';
import { seriousViolations } from './harness/axe';
import { openBrowser, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/**
 * Undo as a reviewer meets it, in Chromium: on Adopter 1's page, Ctrl+Z takes back this
 * project's last change (an approval of Adopter 3, made elsewhere in the same DD), names it
 * before and after, and never a change of another project; redo makes it again; the list of
 * recent changes undoes another project's change and leads to it; emptying the trash leaves
 * the rest of the history undoable.
 */
let harness: Harness;
let browser: Browser;
let page: Page;
let seed: Awaited<ReturnType<typeof seedGlobexMesh>>;
let other: { projectId: number; interviewId: number };

const services = () => harness.desk.services;
const toast = () => page.getByTestId('toast');
const undoButton = () => page.getByRole('group', { name: 'Undo' }).getByRole('button').first();
const redoButton = () => page.getByRole('group', { name: 'Undo' }).getByRole('button').nth(1);
const thirdInterview = async () => (await services().getInterview({ id: seed.adopters[2]!.interview.id })).interview;

beforeAll(async () => {
  harness = await startHarness({ dbFile: path.join(tempDir('adoption-desk-undo-'), 'undo.sqlite') });
  seed = await seedGlobexMesh(services());
  // This DD's last change: Adopter 3's summary, edited and approved again.
  const third = await thirdInterview();
  const edited = await services().updateInterview({ id: third.id, version: third.version, summary: `${third.summary} It routes parcels too.` });
  await services().approveSummary({ id: third.id, version: edited.version, date: '2024-09-02' });
  // Another DD, changed after this one's last change.
  const tracing = await services().createProject({ name: 'Acme Tracing', level: 'graduation' });
  const adopter = await services().createAdopter({ projectId: tracing.id, organizationId: seed.orgs.hooli.id });
  const interview = await services().createInterview({ adopterId: adopter.id, date: '2024-07-01' });
  other = { projectId: tracing.id, interviewId: interview.id };
  browser = await openBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('undo, redo and the list of recent changes', () => {
  it('Ctrl+Z on one adopter’s page takes back this project’s last change, named, and Ctrl+Shift+Z makes it again', { timeout: 120_000 }, async () => {
    await services().updateInterview({ id: other.interviewId, version: 1, summary: 'Hooli traces its edge services with it.' });
    await harness.open(page, `#/p/${seed.project.id}/a/${seed.adopters[0]!.adopter.id}`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();

    // The button says what it would undo: the last change of this DD (Adopter 3's approval), not the other DD's newer edit.
    await expect.poll(() => undoButton().getAttribute('aria-label')).toBe('Undo: Summary approved — Adopter 3, Umbrella Logistics');
    await expect.poll(() => redoButton().isDisabled()).toBe(true);
    await screenshot(page, 'undo-1-named');

    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => toast().textContent()).toContain('Undone: Summary approved — Adopter 3, Umbrella Logistics');
    // Back to the approval before it.
    expect((await thirdInterview()).approvedAt).toBe('2024-08-24');
    expect((await services().getInterview({ id: other.interviewId })).interview.summary).toBe('Hooli traces its edge services with it.');
    // An informational toast, not an alarm.
    expect(await toast().getAttribute('role')).toBe('status');

    await expect.poll(() => redoButton().getAttribute('aria-label')).toBe('Redo: Summary approved — Adopter 3, Umbrella Logistics');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => toast().textContent()).toContain('Redone: Summary approved — Adopter 3, Umbrella Logistics');
    expect((await thirdInterview()).approvedAt).toBe('2024-09-02');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the list of recent changes shows each with its project, undoes another project’s last change and leads to it', { timeout: 120_000 }, async () => {
    await page.getByRole('button', { name: 'History' }).click();
    const list = page.getByTestId('history-list');
    await list.waitFor();
    const first = list.getByRole('listitem').first();
    expect(await first.textContent()).toContain('Edit summary — Adopter 1, Hooli');
    expect(await first.textContent()).toContain('Acme Tracing');
    await screenshot(page, 'undo-2-history');
    expect(await seriousViolations(page)).toEqual([]);

    await first.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast().textContent()).toContain('Undone: Edit summary — Adopter 1, Hooli');
    expect((await services().getInterview({ id: other.interviewId })).interview.summary).toBe('');
    // This project's own last change was left alone.
    expect((await thirdInterview()).approvedAt).toBe('2024-09-02');

    await list.getByRole('listitem').first().getByRole('link', { name: 'Go to project' }).click();
    await expect.poll(() => page.url()).toContain(`#/p/${other.projectId}`);
  });

  it('emptying the trash keeps the rest of the history undoable', { timeout: 120_000 }, async () => {
    const scratch = await services().createProject({ name: 'Scratch', level: 'incubation' });
    await services().deleteProject({ id: scratch.id });
    await services().emptyTrash({});
    await page.evaluate((hash) => (window.location.hash = hash), `#/p/${seed.project.id}`);
    await expect.poll(() => undoButton().getAttribute('aria-label')).toBe('Undo: Summary approved — Adopter 3, Umbrella Logistics');
    await undoButton().click();
    await expect.poll(() => toast().textContent()).toContain('Undone: Summary approved — Adopter 3, Umbrella Logistics');
    expect((await thirdInterview()).approvedAt).toBe('2024-08-24');
  });

  it('at 900×700, in dark, the controls stay in the header and the list stays readable', { timeout: 120_000 }, async () => {
    const dark = await openBrowser({ colorScheme: 'dark', viewport: { width: 900, height: 700 } });
    try {
      // The same reviewer in a second window: the session cookie, not the spent launch address.
      await dark.page.context().addCookies(await page.context().cookies());
      await dark.page.goto(page.url());
      await dark.page.getByRole('group', { name: 'Undo' }).waitFor();
      const box = await dark.page.getByRole('group', { name: 'Undo' }).boundingBox();
      expect(box && box.y + box.height).toBeLessThan(300);
      await dark.page.getByRole('button', { name: 'History' }).click();
      await dark.page.getByTestId('history-list').waitFor();
      await screenshot(dark.page, 'undo-3-history-900-dark');
    } finally {
      await dark.close();
    }
  });
});
