import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * The search overlay as a keyboard user meets it, in Chromium: type, ↓ ↓ moves through the
 * hits (a listbox the box points into), Enter opens the chosen hit on the field that matched,
 * in view and highlighted, the word selected; filters by field, project and adopter narrow
 * the hits; one × closes it.
 */
const app = seededApp('search-keyboard');

const services = () => app.harness.desk.services;
const dialog = () => app.page.getByRole('dialog', { name: 'Search' });
const box = () => dialog().getByRole('combobox', { name: 'Search summaries, notes, quotes and organizations' });
const hits = () => dialog().getByRole('listbox', { name: 'Search results' }).getByRole('option');

const WORD = 'kestrel';
/** Found only in two notes boxes: whichever ↓ ↓ chooses is a notes box. */
const NOTES_WORD = 'ptarmigan';

beforeAll(async () => {
  const s = services();
  const [acme, , umbrella, vandelay] = app.seed.adopters;
  await s.setAnswer({ interviewId: acme!.interview.id, questionKey: 'q2', text: `They picked it for the ${WORD} routing rules and the ${NOTES_WORD} retries.`, version: null });
  await s.setAnswer({ interviewId: umbrella!.interview.id, questionKey: 'q4', text: `Forty clusters, a ${NOTES_WORD} mesh, and the ${WORD} gateway in front of all of them.`, version: null });
  await s.createQuote({ interviewId: vandelay!.interview.id, text: `The ${WORD} dashboards saved us a week.` });
  // The same word in another project, for the project filter.
  const other = await s.createProject({ name: 'Initrode Queue', level: 'incubation' });
  const adopter = await s.createAdopter({ projectId: other.id, organizationId: app.seed.orgs.hooli.id });
  await s.createInterview({ adopterId: adopter.id, summary: `Hooli runs the ${WORD} queue in production.` });
});

async function openSearch(query: string) {
  await app.page.keyboard.press('Control+k');
  await box().waitFor();
  await box().fill(query);
  await expect.poll(() => hits().count()).toBeGreaterThan(0);
}

describe('search from the keyboard', () => {
  it('↓ ↓ Enter lands on the matching notes box, in view, highlighted, the word selected', { timeout: 60_000 }, async () => {
    await app.show(`#/p/${app.seed.project.id}`);
    await app.page.getByRole('heading', { level: 2 }).first().waitFor();
    await openSearch(NOTES_WORD);
    expect(await hits().count()).toBe(2);
    // Nothing chosen yet; the focus stays in the box while ↓ moves the choice.
    expect(await box().getAttribute('aria-activedescendant')).toBeNull();
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => hits().nth(0).getAttribute('aria-selected')).toBe('true');
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => hits().nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await hits().nth(0).getAttribute('aria-selected')).toBe('false');
    const chosen = hits().nth(1);
    expect(await box().getAttribute('aria-activedescendant')).toBe(await chosen.getAttribute('id'));
    expect(await box().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'search-1-chosen-1280-light', { window: true });

    const title = (await chosen.locator('.search-hit-title').textContent()) ?? '';
    const [adopter, notesBox] = title.includes('Umbrella') ? [app.seed.adopters[2]!, 'notes-q4'] : [app.seed.adopters[0]!, 'notes-q2'];
    await app.page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toContain(`/i/${adopter.interview.id}`);
    // The notes box that matched has the focus, with the word selected, in the window, outlined.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(notesBox);
    const landed = app.page.getByTestId(notesBox);
    expect(await landed.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(NOTES_WORD);
    const inView = await landed.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await landed.evaluate((el) => el.closest('.field')?.classList.contains('landed'))).toBe(true);
    await screenshot(app.page, 'search-2-landed-1280-light', { window: true });
    // The word the app selected offers no Quote button; a selection of the reviewer's own does.
    expect(await app.page.getByTestId('quote-action').count()).toBe(0);
    await app.page.keyboard.press('Shift+ArrowRight');
    await app.page.getByTestId('quote-action').waitFor();
  });

  it('Enter with nothing chosen opens the first hit; a quote hit lands on the quote', { timeout: 60_000 }, async () => {
    await openSearch(`${WORD} dashboards`);
    expect(await hits().count()).toBe(1);
    await app.page.keyboard.press('Enter');
    const vandelay = app.seed.adopters[3]!;
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toContain(`/i/${vandelay.interview.id}`);
    const quote = app.page.getByTestId('quote').filter({ hasText: 'dashboards saved us a week' });
    await expect.poll(() => quote.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
    expect(await quote.evaluate((el) => el.classList.contains('landed'))).toBe(true);
  });

  it('filters by field, project and adopter narrow the hits', { timeout: 60_000 }, async () => {
    await openSearch(WORD);
    const field = dialog().getByLabel('In', { exact: true });
    const project = dialog().getByLabel('Project', { exact: true });
    const adopter = dialog().getByLabel('Adopter', { exact: true });
    await field.selectOption({ label: 'Everything' });
    await expect.poll(() => hits().count()).toBe(4);
    expect(await adopter.isDisabled()).toBe(true);

    await field.selectOption({ label: 'Quotes' });
    await expect.poll(() => hits().allTextContents()).toEqual([expect.stringContaining('Vandelay Industries · quote')]);
    await field.selectOption({ label: 'Summaries' });
    await expect.poll(() => hits().allTextContents()).toEqual([expect.stringContaining('Hooli · summary')]);
    await field.selectOption({ label: 'Everything' });

    await project.selectOption({ label: 'Globex Mesh' });
    await expect.poll(() => hits().count()).toBe(3);
    expect((await hits().allTextContents()).some((t) => t.includes('Hooli'))).toBe(false);
    await adopter.selectOption({ label: 'Adopter 3 – Umbrella Logistics' });
    await expect.poll(() => hits().allTextContents()).toEqual([expect.stringContaining('Umbrella Logistics · notes: Usage level and scale')]);
    await app.page.keyboard.press('Escape');
  });

  it('has one × and no second clear button; at 900×700 dark the chosen hit stands out', { timeout: 60_000 }, async () => {
    await app.page.setViewportSize({ width: 900, height: 700 });
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await openSearch(WORD);
    expect(await dialog().getByRole('button').allTextContents()).toEqual(['×']);
    expect(await box().getAttribute('type')).toBe('text');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => hits().nth(1).getAttribute('aria-selected')).toBe('true');
    // The search dialog, which is all the reviewer works with while it is open (the page behind is dimmed).
    expect(await seriousViolations(app.page, '[role="dialog"]')).toEqual([]);
    await screenshot(app.page, 'search-3-chosen-900-dark', { window: true });
    await app.page.keyboard.press('Escape');
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await app.page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('the leak link lands the same way', () => {
  it('from a refused export to the summary, the leaked name selected and in view', { timeout: 60_000 }, async () => {
    const acme = app.seed.adopters[0]!;
    const { interview } = await services().getInterview({ id: acme.interview.id });
    await services().updateInterview({ id: interview.id, version: interview.version, summary: `${interview.summary}\n\nThey first heard of it from Initech.` });
    await app.show(`#/p/${app.seed.project.id}/preview`);
    const leak = app.page.getByTestId('leak');
    await leak.first().waitFor();
    await leak.first().getByRole('link').first().click();
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('summary');
    const summary = app.page.getByTestId('summary');
    expect(await summary.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('Initech');
    expect(await summary.evaluate((el) => el.closest('.field')?.classList.contains('landed'))).toBe(true);
  });
});
