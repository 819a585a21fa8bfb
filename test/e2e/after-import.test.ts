import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { freshApp } from './harness/fresh';

/**
 * A DD document dropped on the Import screen, as a reviewer who already has one starts: the
 * preview names each entry's organization, label, month and people; after the import "Open
 * project" leads to a checklist of what the document left to the reviewer, where a usage
 * level the summary suggests is set with one click and the adoption criterion follows.
 */

/** Invented organizations and people, in the TOC's format. */
const DD = `# Lumen Relay Incubation Due Diligence

#### Adoption

##### Adopter 1 - Kestrel Logistics - Logistics

_Ana Quill, Platform Lead; Ben Ortiz, SRE_
MARCH 2025

Kestrel Logistics has run Lumen Relay in production since 2023 for its parcel tracking.

##### Adopter 2 - Finance

APRIL 2025

The team is evaluating Lumen Relay in a proof of concept; it is not yet in production.

##### Adopter 3 - Orchid Health - Healthcare

_Cara Lin, Engineer_
MAY 2025

Orchid Health uses it in development and testing clusters, and plans to move to production next year.

##### Adopter 4 - Quarry Games - Gaming

_Dev Amari, CTO_
JUNE 2025

Quarry Games runs it in pre-production for its matchmaking services.
`;

const app = freshApp('after-import');

const page = () => app.browser.page;
const services = () => app.harness.desk.services;
const toast = () => page().getByTestId('toast');
const checklist = () => page().getByTestId('after-import');

/** Drags a file over the Import screen and drops it, as the desktop's file manager does. */
async function dropFile(p: Page, name: string, text: string, { keepOver = false } = {}) {
  const transfer = await p.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/markdown' }));
      return data;
    },
    { name, text },
  );
  const target = p.getByTestId('import-screen');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  if (keepOver) return;
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Both sizes and themes the reviewer works in: 1280×800 light, 900×700 dark. */
async function bothLooks(name: string) {
  await screenshot(page(), `${name}-1280-light`);
  await page().setViewportSize({ width: 900, height: 700 });
  await page().emulateMedia({ colorScheme: 'dark' });
  expect(await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page(), `${name}-900-dark`);
  await page().setViewportSize({ width: 1280, height: 800 });
  await page().emulateMedia({ colorScheme: 'light' });
}

describe('a DD document, from the drop to the checklist', () => {
  it('drops a file anywhere on the Import screen and previews each entry as the command line does', async () => {
    await app.harness.open(page(), '#/import');
    await page().getByTestId('import-screen').waitFor();
    // The file picker is a real input behind its label: reachable by its name, as before.
    expect(await page().getByLabel('File', { exact: true }).getAttribute('type')).toBe('file');

    await dropFile(page(), 'lumen-relay-dd.md', DD, { keepOver: true });
    await page().getByText('Drop the file to read it').waitFor();
    expect(await page().getByTestId('import-screen').getAttribute('class')).toContain('drop-over');
    await screenshot(page(), 'after-import-drop-zone');
    await dropFile(page(), 'lumen-relay-dd.md', DD);
    await expect.poll(() => page().getByTestId('chosen-file').textContent()).toContain('lumen-relay-dd.md');
    expect(await page().getByText('Drop the file to read it').count()).toBe(0);

    await page().getByRole('button', { name: 'Preview' }).click();
    const report = page().getByTestId('import-report');
    await report.getByText('Preview (nothing imported yet)').waitFor();
    const entries = await page().getByTestId('import-entry').allTextContents();
    expect(entries).toHaveLength(4);
    expect(entries[0]).toContain('Adopter 1Kestrel Logistics (Logistics) · Mar 2025 · 2 interviewees');
    expect(entries[0]).toContain('Ana Quill (Platform Lead); Ben Ortiz (SRE)');
    expect(entries[1]).toContain('Adopter 2Anonymous (Finance) · Apr 2025 · no one named');
    expect(entries[2]).toContain('Orchid Health (Healthcare) · May 2025 · 1 interviewee');
    expect(await services().listProjects({})).toEqual([]);
    expect(await seriousViolations(page())).toEqual([]);
    await bothLooks('after-import-preview');
  });

  it('imports, opens the project, and lists what still needs the reviewer', async () => {
    await page().getByRole('button', { name: 'Import', exact: true }).click();
    await page().getByTestId('import-report').getByText('Imported').waitFor();
    await page().getByRole('link', { name: 'Open project' }).click();
    await page().getByRole('heading', { name: /Lumen Relay/, level: 2 }).waitFor();
    await checklist().waitFor();

    expect(await page().getByTestId('checklist-usage').textContent()).toContain('4 adopters have no usage level');
    expect(await page().getByTestId('checklist-interviewees').textContent()).toContain('1 interview names no interviewee');
    expect(await page().getByTestId('checklist-approval').textContent()).toContain('Every summary is approved');
    expect(await page().getByTestId('checklist-organization').textContent()).toContain('1 anonymous adopter has no organization recorded');
    expect(await page().getByTestId('checklist-criterion').textContent()).toContain('0 of 4 adopters');
    // Suggested, not set: the words are shown and every level is still unknown.
    const suggestions = await page().getByTestId('usage-suggestion').allTextContents();
    expect(suggestions).toEqual([
      expect.stringContaining('suggests Production'),
      expect.stringContaining('suggests Evaluating'),
      expect.stringContaining('suggests Dev/test'),
      expect.stringContaining('suggests Pre-production'),
    ]);
    expect(suggestions[2]).toContain('development and testing clusters');
    const [project] = await services().listProjects({});
    expect((await services().listAdopters({ projectId: project!.id })).map((a) => a.usageLevel)).toEqual([null, null, null, null]);
    expect(await seriousViolations(page())).toEqual([]);
    await bothLooks('after-import-checklist');

    // An item leads to the place to fix it.
    const link = page().getByTestId('checklist-interviewees').getByRole('link', { name: /Adopter 2/ });
    expect(await link.getAttribute('href')).toMatch(/^#\/p\/\d+\/a\/\d+\/i\/\d+$/);
  });

  it('sets a suggested level with one click, and the criterion counts the adopter; Undo takes it back', async () => {
    const [project] = await services().listProjects({});
    await page().getByRole('button', { name: 'Set Adopter 1 to Production' }).click();
    await expect.poll(() => toast().textContent()).toContain('Adopter 1 (Kestrel Logistics) is now recorded in production use.');
    await expect.poll(() => page().getByTestId('checklist-criterion').textContent()).toContain('1 of 4 adopters');
    expect(await page().getByTestId('checklist-usage').textContent()).toContain('3 adopters have no usage level');
    expect((await services().listAdopters({ projectId: project!.id }))[0]!.usageLevel).toBe('production');

    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page().getByTestId('checklist-criterion').textContent()).toContain('0 of 4 adopters');
    expect((await services().listAdopters({ projectId: project!.id }))[0]!.usageLevel).toBeNull();

    for (const [n, level] of [
      [1, 'Production'],
      [3, 'Dev/test'],
      [4, 'Pre-production'],
    ] as const) {
      await page().getByRole('button', { name: `Set Adopter ${n} to ${level}` }).click();
      await page().getByRole('button', { name: `Set Adopter ${n} to ${level}` }).waitFor({ state: 'detached' });
    }
    await expect.poll(() => page().getByTestId('checklist-criterion').textContent()).toContain('Adoption criterion met');
    expect(await page().getByTestId('checklist-criterion').textContent()).toContain('3 of 4 adopters');
  });

  it('dismisses a suggestion for good (until the summary changes); Undo brings it back', async () => {
    await page().getByRole('button', { name: 'Dismiss the suggestion Evaluating for Adopter 2' }).click();
    await expect.poll(() => toast().textContent()).toContain('Dismissed the suggestion “Evaluating” for Adopter 2');
    await expect.poll(() => page().getByTestId('usage-suggestion').count()).toBe(0);
    expect(await page().getByTestId('checklist-usage').textContent()).toContain('1 adopter has no usage level');
    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page().getByTestId('usage-suggestion').count()).toBe(1);

    // The list folds away above the adopters, and stays folded when the reviewer comes back.
    await checklist().getByRole('button', { name: 'Hide the list' }).click();
    expect(await page().getByTestId('checklist-usage').isVisible()).toBe(false);
    await page().reload();
    await checklist().getByRole('button', { name: 'Show the list' }).click();
    expect(await page().getByTestId('checklist-usage').isVisible()).toBe(true);
  });
});
