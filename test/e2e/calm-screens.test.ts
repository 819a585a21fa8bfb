import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededApp } from './harness/seeded';

/**
 * The small things a reviewer trips over on the outreach, preview and projects screens and
 * the "In the DD" panel: who is offered an interview request and how it reads, the criterion
 * in words, a choice that holds, and a new project that does not look like an alarm.
 */
const app = seededApp('calm-screens');

const color = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).color);
/** A CSS colour variable as the browser computes it in the current theme. */
const variable = (page: Page, name: string) =>
  page.evaluate((n) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${n})`;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, name);

describe('outreach', () => {
  it('offers only adopters not interviewed yet, as a letter, with a mailto: link to the contact', async () => {
    const s = app.harness.desk.services;
    await s.createPerson({ name: 'Hana Contact', role: 'Platform lead', organizationId: app.seed.orgs.hooli.id, email: 'hana@hooli.example' });
    const page = app.page;
    await app.show(`#/p/${app.seed.project.id}/outreach`);
    const choose = page.getByLabel('Interview request for');
    await choose.waitFor();
    const offered = await choose.locator('option').allTextContents();
    // Adopters 1–4 are approved; Adopter 5 declined without an interview and can be asked again.
    expect(offered).toEqual(['Choose a candidate…', 'Adopter 5 – Hooli']);
    await choose.selectOption({ label: 'Adopter 5 – Hooli' });
    const letter = page.getByTestId('outreach-email');
    await expect.poll(() => letter.textContent()).toContain('Hello Hana Contact');
    const fonts = await letter.evaluate((el) => [getComputedStyle(el).fontFamily, getComputedStyle(document.body).fontFamily]);
    expect(fonts[0]).toBe(fonts[1]);
    expect(fonts[0]).not.toMatch(/mono/i);
    const href = (await page.getByTestId('outreach-mailto').getAttribute('href'))!;
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('hana@hooli.example');
    expect(url.searchParams.get('subject')).toContain('Globex Mesh');
    expect(url.searchParams.get('body')).toContain('Hello Hana Contact');
  });
});

describe('preview', () => {
  it('says the checklist item in words, and keeps “Include drafts” per project after leaving the tab', async () => {
    const page = app.page;
    const project = app.seed.project.id;
    await app.show(`#/p/${project}/preview`);
    const item = page.getByTestId('checklist-item');
    await item.waitFor();
    const words = (await item.textContent())!;
    expect(words).toContain('Used in appropriate capacity by at least 3 independent');
    expect(words).not.toMatch(/\[[ xX]\]|\*\*|^- /);
    await page.getByLabel('Include drafts').check();
    await app.show(`#/p/${project}`);
    await page.getByTestId('pipeline-row').first().waitFor();
    await app.show(`#/p/${project}/preview`);
    await page.getByTestId('checklist-item').waitFor();
    expect(await page.getByLabel('Include drafts').isChecked()).toBe(true);
    // Another project has its own choice.
    const other = await app.harness.desk.services.createProject({ name: 'Umbra Queue', level: 'graduation' });
    await app.show(`#/p/${other.id}/preview`);
    await page.getByTestId('checklist-item').waitFor();
    expect(await page.getByLabel('Include drafts').isChecked()).toBe(false);
  });
});

describe('a project just created', () => {
  it('reads as work in progress, not as an alarm, on the projects list and the preview', async () => {
    const page = app.page;
    const fresh = await app.harness.desk.services.createProject({ name: 'Nimbus Ledger', level: 'incubation' });
    await app.show('#/');
    const row = page.locator('.project-row', { hasText: 'Nimbus Ledger' });
    await row.waitFor();
    const criterion = row.locator('dd').last();
    expect(await criterion.textContent()).toBe('In progress');
    const danger = await variable(page, '--danger');
    expect(await criterion.evaluate((el) => getComputedStyle(el).color)).not.toBe(danger);
    await app.show(`#/p/${fresh.id}/preview`);
    await page.getByTestId('criterion').waitFor();
    expect(await page.getByTestId('criterion').textContent()).toBe('Not met yet — in progress');
    expect(await color(page, '[data-testid="criterion"]')).not.toBe(danger);
  });
});

describe('the “In the DD” panel', () => {
  it('can be hidden for room to write, stays hidden on the next screen, and comes back', async () => {
    const page = app.page;
    const [first] = app.seed.adopters;
    const adopter = `#/p/${app.seed.project.id}/a/${first!.adopter.id}`;
    await app.show(adopter);
    await page.getByTestId('entry-preview').waitFor();
    const form = page.locator('.adopter-form');
    const wide = (await form.boundingBox())!.width;
    await page.getByRole('complementary', { name: 'How this adopter appears in the DD' }).getByRole('button', { name: 'Hide' }).click();
    expect(await page.getByTestId('entry-preview').isVisible()).toBe(false);
    // The form takes the room the panel gave up.
    expect((await form.boundingBox())!.width).toBeGreaterThan(wide + 100);
    await app.show(`${adopter}/i/${first!.interview.id}`);
    const show = page.getByRole('button', { name: 'Show “In the DD”' });
    await show.waitFor();
    expect(await page.getByTestId('entry-preview').isVisible()).toBe(false);
    await show.click();
    expect(await page.getByTestId('entry-preview').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Hide' }).getAttribute('aria-expanded')).toBe('true');
  });
});
