import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * The adopter list as a reviewer works it, like a table in Airtable or Linear: sorted by any
 * column (and still sorted after a visit to another tab), narrowed by stage, usage, anonymity,
 * approval and words, rows chosen for one bulk stage change or one bulk trash, each taken back
 * by the toast's Undo; the tab counts the adopters; logging an interview moves a candidate on.
 */
const app = seededApp('adopter-list');
const services = () => app.harness.desk.services;
const page = () => app.page;
const rows = () => page().getByTestId('pipeline-row');
const names = async () => (await rows().locator('th a').allTextContents()).map((t) => t.trim());
const toast = () => page().getByTestId('toast');
const adopterTab = () => page().getByRole('navigation', { name: 'Project' }).getByRole('link', { name: /^Adopters/ });
const header = (name: string) => page().getByRole('columnheader', { name, exact: true });
const stageOf = async (id: number) => (await services().getAdopter({ id })).adopter.stage;
const adopterId = async (organization: string) => (await services().pipeline({ projectId: app.seed.project.id })).find((r) => r.organization === organization)!.adopterId;

beforeAll(async () => {
  const projectId = app.seed.project.id;
  await services().addCandidate({ projectId, organizationName: 'Quillmesh', industry: 'Retail' });
  await services().addCandidate({ projectId, organizationName: 'Soylent Foods', industry: 'Food' });
  await services().addCandidate({ projectId, organizationName: 'Wonka Works', industry: 'Food' });
  await services().updateSettings({ dateFormat: 'day-month-year' });
  await app.show(`#/p/${projectId}/pipeline`);
  await rows().first().waitFor();
});

describe('the adopter list', () => {
  it('counts its adopters in the tab, and shows industry, the stage day explained, and the interview day', async () => {
    await expect.poll(() => adopterTab().textContent()).toBe('Adopters 8');
    expect(await page().locator('caption').textContent()).toBe('8 adopters. “In stage since” is the day each adopter reached the stage it is at now.');
    const acme = rows().filter({ hasText: 'Acme Corp' });
    // Seeded: interviewed 2024-06-10, approved 2024-06-22 (the stage it is at now).
    const cells = (await acme.locator('td').allTextContents()).map((t) => t.trim());
    // The box, industry, stage (a select), in stage since, usage, interviewed, next.
    expect([cells[1], cells[3], cells[4], cells[5], cells[6]]).toEqual(['Media', '22 Jun 2024', 'Production', '10 Jun 2024', 'Approved: ready to publish']);
    expect(await acme.getByRole('combobox').inputValue()).toBe('approved');
    expect(await seriousViolations(page())).toEqual([]);
  });

  it('sorts by a column header (aria-sort says how), both ways, and keeps the sort after visiting another tab', async () => {
    await header('Industry').getByRole('button').click();
    await expect.poll(() => header('Industry').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Adopter').getAttribute('aria-sort')).toBe('none');
    const industries = async () => (await rows().locator('td:nth-child(3)').allTextContents()).map((t) => t.trim());
    expect(await industries()).toEqual(['Finance', 'Food', 'Food', 'Logistics', 'Manufacturing', 'Media', 'Retail', 'Software']);

    await header('Industry').getByRole('button').click();
    await expect.poll(() => header('Industry').getAttribute('aria-sort')).toBe('descending');
    expect(await industries()).toEqual(['Software', 'Retail', 'Media', 'Manufacturing', 'Logistics', 'Food', 'Food', 'Finance']);

    await page().getByRole('link', { name: 'Preview & export' }).click();
    await page().getByRole('link', { name: 'Preview & export', exact: true }).and(page().locator('[aria-current="page"]')).waitFor();
    await adopterTab().click();
    await rows().first().waitFor();
    expect(await header('Industry').getAttribute('aria-sort')).toBe('descending');
    expect(await industries()).toEqual(['Software', 'Retail', 'Media', 'Manufacturing', 'Logistics', 'Food', 'Food', 'Finance']);

    await header('Stage').getByRole('button').click();
    expect((await names())[0]).toBe('Adopter 6 – Quillmesh'); // candidates first, in pipeline order, then by number
    await header('Adopter').getByRole('button').click();
    expect(await names()).toEqual([
      'Adopter 1 – Acme Corp',
      'Adopter 2 – Initech',
      'Adopter 3 – Umbrella Logistics',
      'Adopter 4 – Vandelay Industries',
      'Adopter 5 – Hooli',
      'Adopter 6 – Quillmesh',
      'Adopter 7 – Soylent Foods',
      'Adopter 8 – Wonka Works',
    ]);
  });

  it('filters by stage, usage, anonymity, approval and words (organization, industry, label, people)', async () => {
    const filter = (label: string) => page().getByRole('search', { name: 'Filter the adopters' }).getByLabel(label, { exact: true });
    await filter('Stage').selectOption({ label: 'Candidate' });
    expect(await names()).toEqual(['Adopter 6 – Quillmesh', 'Adopter 7 – Soylent Foods', 'Adopter 8 – Wonka Works']);
    expect(await page().locator('caption').textContent()).toMatch(/^3 of 8 adopters shown\./);
    await filter('Find').fill('food');
    expect(await names()).toEqual(['Adopter 7 – Soylent Foods', 'Adopter 8 – Wonka Works']);
    await page().getByRole('button', { name: 'Clear filters' }).first().click();
    expect(await rows().count()).toBe(8);

    await filter('Anonymity').selectOption({ label: 'Anonymous' });
    expect(await names()).toEqual(['Adopter 2 – Initech']);
    await filter('Anonymity').selectOption({ label: 'Any' });
    await filter('Usage').selectOption({ label: 'Not set' });
    expect(await names()).toEqual(['Adopter 5 – Hooli', 'Adopter 6 – Quillmesh', 'Adopter 7 – Soylent Foods', 'Adopter 8 – Wonka Works']);
    await filter('Usage').selectOption({ label: 'Any' });
    await filter('Approval').selectOption({ label: 'Approved' });
    expect(await rows().count()).toBe(4);
    await filter('Approval').selectOption({ label: 'Any' });

    // A person interviewed, and the label an anonymous adopter prints.
    await filter('Find').fill('bo sample');
    expect(await names()).toEqual(['Adopter 2 – Initech']);
    await filter('Find').fill('Anonymous Finance');
    expect(await names()).toEqual(['Adopter 2 – Initech']);
    await filter('Find').fill('nothing like this');
    await page().getByText('No adopter matches these filters.').waitFor();
    await page().getByRole('button', { name: 'Clear filters' }).first().click();
    expect(await rows().count()).toBe(8);
  });

  it('moves the chosen adopters to a stage at once (shift-click chooses a range); one Undo puts every one back', async () => {
    const [quill, soylent, wonka] = [await adopterId('Quillmesh'), await adopterId('Soylent Foods'), await adopterId('Wonka Works')];
    await page().getByLabel('Choose Adopter 6 – Quillmesh').click();
    await page().getByLabel('Choose Adopter 8 – Wonka Works').click({ modifiers: ['Shift'] });
    const bar = page().getByRole('region', { name: 'Chosen adopters' });
    await expect.poll(() => bar.locator('strong').textContent()).toBe('3 adopters chosen');
    await page().getByLabel('Choose Adopter 7 – Soylent Foods').click();
    await expect.poll(() => bar.locator('strong').textContent()).toBe('2 adopters chosen');

    await app.page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page(), 'adopter-list-chosen-1280-light', { window: true });

    await bar.getByLabel('Move to').selectOption({ label: 'Contacted' });
    await bar.getByRole('button', { name: 'Move 2 adopters', exact: true }).click();
    await expect.poll(() => toast().textContent()).toContain('2 adopters moved to Contacted: Adopter 6 – Quillmesh and Adopter 8 – Wonka Works.');
    expect([await stageOf(quill), await stageOf(soylent), await stageOf(wonka)]).toEqual(['contacted', 'candidate', 'contacted']);
    // The choice is done with: the bar goes.
    expect(await bar.count()).toBe(0);

    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast().textContent()).toContain('2 adopters back at the stage each had');
    expect([await stageOf(quill), await stageOf(soylent), await stageOf(wonka)]).toEqual(['candidate', 'candidate', 'candidate']);
    await expect.poll(() => rows().filter({ hasText: 'Quillmesh' }).getByRole('combobox').inputValue()).toBe('candidate');
  });

  it('moves every adopter shown to the trash at once, names them in the toast, and its Undo brings all back', async () => {
    await page().getByRole('search', { name: 'Filter the adopters' }).getByLabel('Stage', { exact: true }).selectOption({ label: 'Candidate' });
    await expect.poll(() => rows().count()).toBe(3);
    await page().getByLabel('Choose every adopter shown').check();
    const bar = page().getByRole('region', { name: 'Chosen adopters' });
    await bar.getByRole('button', { name: 'Move 3 adopters to the trash' }).click();
    await expect
      .poll(() => toast().textContent())
      .toContain('3 adopters moved to the trash: Adopter 6 – Quillmesh, Adopter 7 – Soylent Foods and Adopter 8 – Wonka Works.');
    await expect.poll(() => adopterTab().textContent()).toBe('Adopters 5');
    expect((await services().listTrash({})).map((t) => t.title).sort()).toEqual(['Adopter 6 - Quillmesh', 'Adopter 7 - Soylent Foods', 'Adopter 8 - Wonka Works']);

    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => adopterTab().textContent()).toBe('Adopters 8');
    expect(await services().listTrash({})).toEqual([]);
    await expect.poll(() => rows().count()).toBe(3);
    await page().getByRole('button', { name: 'Clear filters' }).first().click();
  });

  it('logging an interview moves a candidate to Interviewed, says so, and one Undo takes back both', async () => {
    const quill = await adopterId('Quillmesh');
    await page().getByRole('link', { name: 'Adopter 6 – Quillmesh' }).click();
    await page().getByRole('button', { name: 'Log an interview' }).click();
    await expect.poll(() => toast().textContent()).toContain('Interview logged; Adopter 6 – Quillmesh moved from Candidate to Interviewed.');
    await page().getByTestId('interview-date').waitFor();
    expect(await stageOf(quill)).toBe('interviewed');
    expect(await services().listInterviews({ adopterId: quill })).toHaveLength(1);

    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast().textContent()).toContain('The interview is taken back; Adopter 6 – Quillmesh is at Candidate again.');
    expect(await stageOf(quill)).toBe('candidate');
    expect(await services().listInterviews({ adopterId: quill })).toEqual([]);
    await page().getByRole('button', { name: 'Log an interview' }).waitFor();
    expect(app.browser.errors).toEqual([]);
  });

  it('looks right with a choice made, narrow and dark', async () => {
    await app.show(`#/p/${app.seed.project.id}/pipeline`);
    await rows().first().waitFor();
    await page().setViewportSize({ width: 900, height: 700 });
    await page().emulateMedia({ colorScheme: 'dark' });
    await page().getByLabel('Choose Adopter 2 – Initech').check();
    await page().getByLabel('Choose Adopter 3 – Umbrella Logistics').check();
    await screenshot(page(), 'adopter-list-chosen-900-dark', { window: true });
    const overflow = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The table keeps inside the page's margins: every column in sight without scrolling sideways.
    const [table, bar] = [await page().getByRole('table', { name: 'Adopters' }).boundingBox(), await page().getByRole('region', { name: 'Chosen adopters' }).boundingBox()];
    expect(table!.x + table!.width).toBeLessThanOrEqual(bar!.x + bar!.width + 1);
    expect(await seriousViolations(page())).toEqual([]);
    await page().emulateMedia({ colorScheme: 'light' });
    await page().setViewportSize({ width: 1280, height: 800 });
  });
});
