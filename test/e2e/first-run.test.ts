import { describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { freshApp } from './harness/fresh';

/**
 * The first start, on an empty store: the projects screen explains the work in three steps,
 * leads to the Import screen for a DD document the reviewer already has, and offers a sample
 * project to look around in, marked as such and deleted like any project (with Undo).
 */
const app = freshApp('first-run');

const page = () => app.browser.page;
const services = () => app.harness.desk.services;
const toast = () => page().getByTestId('toast');
const guide = () => page().getByTestId('first-run');

describe('the first run', () => {
  it('shows the workflow in three steps and leads to the Import screen', async () => {
    await app.harness.open(page(), '#/');
    await guide().waitFor();
    const steps = await guide().getByRole('listitem').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('Name the project');
    expect(steps[1]).toContain('Log interviews and write summaries');
    expect(steps[2]).toContain('Publish the Adoption section');
    expect(await guide().textContent()).toContain('Already have a DD document? Import it');
    expect(await seriousViolations(page())).toEqual([]);
    await screenshot(page(), 'first-run-empty-1280-light');

    await page().setViewportSize({ width: 900, height: 700 });
    await page().emulateMedia({ colorScheme: 'dark' });
    const overflow = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page(), 'first-run-empty-900-dark');
    await page().setViewportSize({ width: 1280, height: 800 });
    await page().emulateMedia({ colorScheme: 'light' });

    await guide().getByRole('link', { name: 'Import it' }).click();
    await page().getByRole('heading', { name: 'Import', level: 2 }).waitFor();
    expect(await page().evaluate(() => window.location.hash)).toBe('#/import');
  });

  it('opens a sample project marked "Sample", and deletes it with an Undo', async () => {
    await page().evaluate(() => (window.location.hash = '#/'));
    await guide().getByRole('button', { name: 'Open a sample project' }).click();
    await page().getByRole('heading', { name: /Lumen Relay \(sample\)/, level: 2 }).waitFor();
    const [sample] = await services().listProjects({});
    expect(await services().sampleProjectIds({})).toEqual([sample!.id]);
    // Something to look at: its adopters at several steps, and a criterion with reasons.
    await page().getByText('Kestrel Logistics').first().waitFor();
    await page().getByText('Quarry Games').first().waitFor();

    await page().getByRole('link', { name: 'Projects', exact: true }).first().click();
    const row = page().getByTestId('project-row');
    await row.getByText('Sample', { exact: true }).waitFor();
    expect(await guide().count()).toBe(0);

    await page().getByRole('button', { name: 'Delete Lumen Relay (sample)' }).click();
    await expect.poll(() => toast().textContent()).toContain('Moved the project Lumen Relay (sample) to the trash');
    await guide().waitFor();
    expect(await services().listProjects({})).toEqual([]);

    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast().textContent()).toContain('The project Lumen Relay (sample) is back from the trash.');
    await row.getByText('Sample', { exact: true }).waitFor();
    expect((await services().listProjects({})).map((p) => p.id)).toEqual([sample!.id]);
  });
});
