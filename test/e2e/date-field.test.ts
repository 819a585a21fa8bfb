import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * One way to enter a date: the interview's date and the approval steps' days take what people
 * type ("2025-06-03", "3 June 2025", "June 3, 2025", "3/6/2025" when its order is clear) or a
 * day picked from the calendar; "3/6/2025" asks which day it is unless Settings say; an
 * impossible date is refused in words and nothing is saved. Every date on screen follows the
 * format chosen in Settings.
 */
const app = seededApp('date-field');
const services = () => app.harness.desk.services;
const page = () => app.page;
const box = () => page().getByTestId('interview-date');
const storedDate = async () => (await services().getInterview({ id: app.seed.adopters[0]!.interview.id })).interview.date;
const interviewHash = (i = 0) => `#/p/${app.seed.project.id}/a/${app.seed.adopters[i]!.adopter.id}/i/${app.seed.adopters[i]!.interview.id}`;

async function type(text: string) {
  await box().fill(text);
  await box().press('Enter');
}

beforeAll(async () => {
  await services().updateSettings({ dateFormat: 'day-month-year', typedDateOrder: 'ask' });
  await app.show(interviewHash());
  await box().waitFor();
});

describe('the date field', () => {
  it.each([
    ['2025-06-03', '2025-06-03', '3 Jun 2025'],
    ['3 June 2025', '2025-06-03', '3 Jun 2025'],
    ['June 4, 2025', '2025-06-04', '4 Jun 2025'],
    ['5 Jun 2025', '2025-06-05', '5 Jun 2025'],
    ['Jun 6 2025', '2025-06-06', '6 Jun 2025'],
    ['13/6/2025', '2025-06-13', '13 Jun 2025'],
    ['6/14/2025', '2025-06-14', '14 Jun 2025'],
    ['  29 February 2024 ', '2024-02-29', '29 Feb 2024'],
  ])('takes %j: saves %s and shows %s', async (typed, stored, shown) => {
    await type(typed);
    await expect.poll(storedDate).toBe(stored);
    expect(await box().inputValue()).toBe(shown);
    await expect.poll(() => page().getByTestId('save-status').textContent()).toBe('Saved');
  });

  it('asks which day 3/6/2025 is, saves nothing until answered, then the day chosen', async () => {
    await type('2025-01-02');
    await expect.poll(storedDate).toBe('2025-01-02');
    await type('3/6/2025');
    const question = page().getByRole('group', { name: 'Is 3/6/2025 3 June or 6 March?' });
    await question.waitFor();
    expect(await storedDate()).toBe('2025-01-02');
    await screenshot(page(), 'date-field-asks-1280-light', { window: true });
    expect(await seriousViolations(page())).toEqual([]);
    await question.getByRole('button', { name: '6 March 2025' }).click();
    await expect.poll(storedDate).toBe('2025-03-06');
    expect(await box().inputValue()).toBe('6 Mar 2025');
    expect(await question.count()).toBe(0);
  });

  it.each([
    ['31 June 2025', '31 June 2025 is not a date: June has 30 days. Nothing was saved.'],
    ['29/2/2025', '29 February 2025 is not a date: February has 28 days in 2025. Nothing was saved.'],
    ['3 juin 2025', '“juin” is not a month name this field knows: write the month in English (June, Jun) or as a number. Write it like 2025-06-03 or 3 June 2025. Nothing was saved.'],
    ['next week', '“next week” is not a date this field can read. Write it like 2025-06-03 or 3 June 2025. Nothing was saved.'],
  ])('refuses %j in words and saves nothing', async (typed, message) => {
    const before = await storedDate();
    await type(typed);
    const alert = page().locator('.date-field').getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(message);
    expect(await box().getAttribute('aria-invalid')).toBe('true');
    expect(await storedDate()).toBe(before);
    // The window's save line does not say "Saved" over a date that was not taken.
    expect(await page().getByTestId('save-status').textContent()).toMatch(/^Not saved: Date: /);
    await box().press('Escape');
    expect(await box().inputValue()).toBe('6 Mar 2025');
  });

  it('takes a day picked from the calendar', async () => {
    await page().locator('.date-field').filter({ has: box() }).getByRole('button', { name: 'Pick from a calendar' }).waitFor();
    await page().getByTestId('interview-date-picker').fill('2025-07-01', { force: true });
    await expect.poll(storedDate).toBe('2025-07-01');
    expect(await box().inputValue()).toBe('1 Jul 2025');
  });

  it('the published month follows the date, takes a typed month, and keeps a month set on purpose', async () => {
    const month = page().getByTestId('interview-month');
    const storedMonth = async () => (await services().getInterview({ id: app.seed.adopters[0]!.interview.id })).interview.month;
    await expect.poll(() => month.inputValue()).toBe('Jul 2025');
    expect(await storedMonth()).toBe('2025-07');

    await month.fill('Juno 2025');
    await month.press('Enter');
    const alert = page().locator('.date-field').filter({ has: month }).getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('“Juno” is not a month name this field knows: write the month in English (June, Jun) or as a number. Write it like June 2025 or 2025-06. Nothing was saved.');
    expect(await storedMonth()).toBe('2025-07');

    await month.fill('march 2025');
    await month.press('Enter');
    await expect.poll(storedMonth).toBe('2025-03');
    expect(await month.inputValue()).toBe('Mar 2025');

    // A month set on purpose stays when the day changes; the day is kept as typed.
    await type('2 July 2025');
    await expect.poll(storedDate).toBe('2025-07-02');
    expect(await storedMonth()).toBe('2025-03');
    expect(await month.inputValue()).toBe('Mar 2025');
    await type('1 July 2025');
    await expect.poll(storedDate).toBe('2025-07-01');
  });

  it('reads 3/6/2025 in the order set in Settings, and shows every date in the format chosen there', async () => {
    await app.show('#/settings');
    await page().getByLabel('A typed date like 3/6/2025 is').selectOption({ label: 'Day first (3/6 is 3 June)' });
    await page().getByLabel('Dates are shown as').selectOption({ label: 'Jun 3, 2025' });
    await expect.poll(async () => (await services().getSettings({})).dateFormat).toBe('month-day-year');

    await app.show(interviewHash());
    await box().waitFor();
    expect(await box().inputValue()).toBe('Jul 1, 2025');
    expect(await page().getByTestId('approval-state').textContent()).toBe('Approved Approved on Jun 22, 2024 (sent on Jun 20, 2024).');
    await type('3/6/2025');
    await expect.poll(storedDate).toBe('2025-06-03');
    expect(await box().inputValue()).toBe('Jun 3, 2025');

    // The adopter list too: the stage day and the interview day.
    await app.show(`#/p/${app.seed.project.id}/pipeline`);
    const acme = page().getByTestId('pipeline-row').filter({ hasText: 'Acme Corp' });
    await acme.waitFor();
    expect((await acme.locator('td.date').allTextContents()).map((t) => t.trim())).toEqual(['Jun 22, 2024', 'Jun 3, 2025']);

    // Names kept with stored dates (the trash, the history's changes) read in the same format.
    const gone = await services().createInterview({ adopterId: app.seed.adopters[2]!.adopter.id, date: '2024-09-17' });
    await services().deleteInterview({ id: gone.id });
    await app.show('#/trash');
    const item = page().locator('ul.trash li').filter({ hasText: 'Interview of Sep 17, 2024' });
    await item.waitFor();
    await item.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page().getByRole('status').filter({ hasText: 'Restored' }).first().textContent()).toContain('Restored Interview of Sep 17, 2024.');

    await app.show('#/settings');
    await page().getByLabel('Dates are shown as').selectOption({ label: '2025-06-03' });
    await expect.poll(async () => (await services().getSettings({})).dateFormat).toBe('iso');
    await app.show(interviewHash());
    await box().waitFor();
    expect(await box().inputValue()).toBe('2025-06-03');
  });

  it('the approval step takes a typed day, and waits while its day is refused', async () => {
    const { adopter } = app.seed.adopters[1]!;
    const fresh = await services().createInterview({ adopterId: adopter.id, summary: 'A follow-up call.' });
    await app.show(`#/p/${app.seed.project.id}/a/${adopter.id}/i/${fresh.id}`);
    const card = page().getByRole('region', { name: 'Approval' });
    const sentOn = card.getByLabel('Sent on', { exact: true });
    await sentOn.fill('31 June 2024');
    await sentOn.press('Tab');
    await card.getByRole('alert').waitFor();
    expect(await card.getByRole('button', { name: 'Mark summary sent' }).isDisabled()).toBe(true);
    await sentOn.fill('4 November 2024');
    await card.getByRole('button', { name: 'Mark summary sent' }).click();
    await expect.poll(() => page().getByTestId('approval-state').textContent()).toBe('Waiting for approval Sent on 2024-11-04; approval due 2024-11-18.');
    expect((await services().getInterview({ id: fresh.id })).interview.summarySentAt).toBe('2024-11-04');
  });

  it('looks right narrow and dark, asking', async () => {
    await app.show('#/settings');
    await page().getByLabel('A typed date like 3/6/2025 is').selectOption({ label: 'Ask me each time' });
    await expect.poll(async () => (await services().getSettings({})).typedDateOrder).toBe('ask');
    await app.show(interviewHash());
    await box().waitFor();
    await page().setViewportSize({ width: 900, height: 700 });
    await page().emulateMedia({ colorScheme: 'dark' });
    await box().fill('4/5/2025');
    await box().press('Enter');
    await page().getByRole('group', { name: 'Is 4/5/2025 4 May or 5 April?' }).waitFor();
    await screenshot(page(), 'date-field-asks-900-dark', { window: true });
    expect(await seriousViolations(page())).toEqual([]);
    await box().press('Escape');
    await page().emulateMedia({ colorScheme: 'light' });
    await page().setViewportSize({ width: 1280, height: 800 });
    expect(app.browser.errors).toEqual([]);
  });
});
