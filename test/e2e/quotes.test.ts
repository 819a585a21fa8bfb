import { describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * Quotes where the text is, in Chromium: text selected in a notes box shows a Quote button
 * beside it; pressing it (or Alt+Q) saves the quote with the only interviewee as speaker,
 * and the page does not move. The quotes list shows speaker and approval in columns, says
 * where quotes go, and puts one into the summary. Interviewees are edited where they are listed.
 */
const app = seededApp('quotes');

const services = () => app.harness.desk.services;
const acme = () => app.seed.adopters[0]!;
const interviewHash = () => `#/p/${app.seed.project.id}/a/${acme().adopter.id}/i/${acme().interview.id}`;
const quotesInStore = async () => (await services().getInterview({ id: acme().interview.id })).quotes;

const NOTES = 'We started on a single cluster in 2022.\nWe stopped paging people at night once the mesh retried for us.';
const FIRST = 'We stopped paging people at night';

/** Puts the caret before `text` in the box, then selects it with Shift+→ as a reviewer would. */
async function selectByKeyboard(testId: string, text: string) {
  const box = app.page.getByTestId(testId);
  await box.evaluate((el: HTMLTextAreaElement, t: string) => {
    const at = el.value.indexOf(t);
    el.focus({ preventScroll: true });
    el.setSelectionRange(at, at);
  }, text);
  for (let i = 0; i < text.length; i++) await app.page.keyboard.press('Shift+ArrowRight');
}

/** The Quote button sits beside the text: inside the box's width, under the selected line, not below the box. */
async function expectBeside(testId: string) {
  const [button, box] = [await app.page.getByTestId('quote-action').boundingBox(), await app.page.getByTestId(testId).boundingBox()];
  expect(button!.x).toBeGreaterThanOrEqual(box!.x);
  expect(button!.x + button!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
  expect(button!.y).toBeGreaterThan(box!.y);
  expect(button!.y).toBeLessThan(box!.y + box!.height + 8);
}

describe('quotes from the selection', () => {
  it('selected text in a notes box: the Quote button beside it saves it, spoken by the only interviewee, without scrolling', { timeout: 90_000 }, async () => {
    await services().setAnswer({ interviewId: acme().interview.id, questionKey: 'q9', text: NOTES, version: null });
    await app.show(interviewHash());
    const box = app.page.getByTestId('notes-q9');
    await box.waitFor({ state: 'attached' });
    // The question is folded once it holds notes: open it as the reviewer would.
    await box.evaluate((el: HTMLTextAreaElement) => {
      for (let at = el.parentElement; at; at = at.parentElement) if (at instanceof HTMLDetailsElement) at.open = true;
      el.scrollIntoView({ block: 'center' });
    });

    await selectByKeyboard('notes-q9', FIRST);
    const action = app.page.getByTestId('quote-action');
    await action.waitFor();
    await expect.poll(() => action.textContent()).toContain('Ada Example');
    await expectBeside('notes-q9');
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'quotes-1-action-1280-light', { window: true });

    const scrolled = await app.page.evaluate(() => window.scrollY);
    await action.click();
    await expect.poll(() => app.page.getByTestId('toast').textContent()).toContain(`Saved the quote “${FIRST}” by Ada Example.`);
    expect(await quotesInStore()).toEqual([expect.objectContaining({ text: FIRST, speakerPersonId: acme().person.id, approved: false })]);
    expect(await app.page.evaluate(() => window.scrollY)).toBe(scrolled);
    // The reviewer goes on where they were: the focus and the selection stay in the notes.
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('notes-q9');
    await expect.poll(() => action.count()).toBe(0);

    // Alt+Q does the same from the keyboard.
    await selectByKeyboard('notes-q9', 'in 2022');
    await app.page.keyboard.press('Alt+q');
    await expect.poll(async () => (await quotesInStore()).map((q) => q.text)).toEqual([FIRST, 'in 2022']);
    expect(await app.page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await box.inputValue()).toBe(NOTES);
  });

  it('lists quotes with speaker and approval in columns, says where they go, and inserts one into the summary', { timeout: 60_000 }, async () => {
    const card = app.page.getByTestId('quotes-card');
    await card.scrollIntoViewIfNeeded();
    await expect.poll(() => card.textContent()).toContain('the adopter’s review copy lists them');
    expect(await card.textContent()).toContain('the TOC dossier counts them');
    const header = await card.locator('thead th').allTextContents();
    expect(header.slice(0, 3)).toEqual(['Quote', 'Speaker', 'Approved by the adopter']);
    // Each row's cells sit in the same columns: speaker and approval line up row to row.
    const columns = await card.getByTestId('quote').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => Math.round(cell.getBoundingClientRect().x))));
    expect(columns).toHaveLength(2);
    expect(columns[1]).toEqual(columns[0]);

    await card.getByRole('checkbox', { name: `Approved by the adopter: “${FIRST}”` }).check();
    await expect.poll(async () => (await quotesInStore()).find((q) => q.text === FIRST)?.approved).toBe(true);
    await screenshot(app.page, 'quotes-2-list-1280-light', { window: true });

    await card.getByRole('button', { name: `Insert “${FIRST}” into the summary` }).click();
    const summary = app.page.getByTestId('summary');
    await expect.poll(() => summary.inputValue()).toBe(`Acme Corp runs Globex Mesh in production for its streaming stack.\n\n“${FIRST}”`);
    await expect.poll(async () => (await services().getInterview({ id: acme().interview.id })).interview.summary).toContain(`“${FIRST}”`);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('summary');
  });
});

describe('interviewees edited in place', () => {
  it('changes the name, the role and the anonymity where the interviewee is listed', { timeout: 60_000 }, async () => {
    await app.show(interviewHash());
    const name = app.page.getByLabel('Name of Ada Example');
    await name.fill('Ada Exampleton');
    await app.page.getByLabel('Role of Ada Example').fill('Head of Platform');
    // The box shows what the store has: it turns once the change is saved.
    const anonymous = app.page.getByRole('checkbox', { name: 'Ada Example keeps their name private' });
    await anonymous.click();
    await expect.poll(() => anonymous.isChecked()).toBe(true);
    await expect
      .poll(async () => {
        const [p] = (await services().getInterview({ id: acme().interview.id })).participants;
        return [p!.person.name, p!.role, p!.anonymous];
      })
      .toEqual(['Ada Exampleton', 'Head of Platform', true]);
    // Nothing was reloaded under the typing: the boxes show what was typed, and say nothing failed.
    expect(await name.inputValue()).toBe('Ada Exampleton');
    expect(await app.page.getByTestId('participant').getByRole('alert').count()).toBe(0);
    // The quotes on the same page speak under the new name at once, not after a reload.
    const card = app.page.getByTestId('quotes-card');
    await expect.poll(() => card.getByLabel(`Speaker of “${FIRST}”`).locator('option:checked').textContent()).toBe('Ada Exampleton');
    expect(await card.getByLabel('New quotes are by').locator('option:checked').textContent()).toBe('Ada Exampleton');
    expect(await seriousViolations(app.page)).toEqual([]);
  });
});

describe('the quote action in a narrow dark window', () => {
  it('shows beside the selection at 900×700, dark', { timeout: 60_000 }, async () => {
    await app.page.setViewportSize({ width: 900, height: 700 });
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.show(`#/p/${app.seed.project.id}/a/${app.seed.adopters[3]!.adopter.id}/i/${app.seed.adopters[3]!.interview.id}`);
    const summary = app.page.getByTestId('summary');
    await summary.waitFor();
    await summary.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await selectByKeyboard('summary', 'dev/test clusters');
    await app.page.getByTestId('quote-action').waitFor();
    await expectBeside('summary');
    await screenshot(app.page, 'quotes-3-action-900-dark', { window: true });
    await app.page.keyboard.press('Alt+q');
    await expect
      .poll(async () => (await services().getInterview({ id: app.seed.adopters[3]!.interview.id })).quotes)
      .toEqual([expect.objectContaining({ text: 'dev/test clusters', speakerPersonId: app.seed.adopters[3]!.person.id })]);
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await app.page.emulateMedia({ colorScheme: 'light' });
  });
});
