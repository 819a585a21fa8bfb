import { describe, expect, it } from 'vitest';
import { SHORTCUT_GROUPS } from '../../renderer/src/keyboard';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * The app's keys, pressed as a reviewer presses them in Chromium: each does its thing
 * outside a text field and nothing inside one, and the help overlay (?) lists every one
 * of them with the DD's terms.
 */
const app = seededApp('shortcuts');

const services = () => app.harness.desk.services;
const hash = () => app.page.evaluate(() => window.location.hash);
const focused = () => app.page.evaluate(() => document.activeElement?.getAttribute('data-shortcut') ?? document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
const blur = () => app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const toast = () => app.page.getByTestId('toast');
const adopterHash = (n: number) => `#/p/${app.seed.project.id}/a/${app.seed.adopters[n]!.adopter.id}`;
const press = async (key: string) => {
  await blur();
  await app.page.keyboard.press(key);
};

describe('keyboard shortcuts', () => {
  it('? shows every shortcut and the DD’s terms', { timeout: 60_000 }, async () => {
    await app.show('#/');
    await app.page.getByRole('heading', { level: 2 }).first().waitFor();
    await press('?');
    const help = app.page.getByRole('dialog', { name: 'Keyboard shortcuts and terms' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    for (const { shortcuts } of SHORTCUT_GROUPS) {
      for (const { keys, what } of shortcuts) {
        for (const combination of keys.split(' or ')) expect(text).toContain(combination);
        expect(text).toContain(what);
      }
    }
    for (const term of ['Independent adopter', 'Direct or transitive adopter', 'The criterion', 'Usage levels', 'Anonymous', 'Allowance', 'Approval']) {
      expect(await help.getByRole('term').filter({ hasText: term }).count()).toBeGreaterThan(0);
    }
    expect(text).toContain('Evaluating, Dev/test, Pre-production, Production');
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'shortcuts-1-help-1280-light', { window: true });
    await app.page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);

    await app.page.setViewportSize({ width: 900, height: 700 });
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await press('?');
    await help.waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'shortcuts-2-help-900-dark', { window: true });
    await app.page.keyboard.press('Escape');
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await app.page.emulateMedia({ colorScheme: 'light' });
  });

  it('outside a project, a project key says what it needs', { timeout: 30_000 }, async () => {
    await press('j');
    await expect.poll(() => toast().textContent()).toContain('Open a project first');
    expect(await hash()).toBe('#/');
  });

  it('J and K move through the adopters, P previews, E reaches the export buttons', { timeout: 60_000 }, async () => {
    await app.show(`#/p/${app.seed.project.id}`);
    await app.page.getByRole('heading', { level: 2 }).first().waitFor();
    await press('j');
    await expect.poll(hash).toBe(adopterHash(0));
    await press('j');
    await expect.poll(hash).toBe(adopterHash(1));
    await press('k');
    await expect.poll(hash).toBe(adopterHash(0));
    await press('k');
    await expect.poll(() => toast().textContent()).toContain('Adopter 1 is the first adopter of this project.');
    expect(await hash()).toBe(adopterHash(0));

    await press('p');
    await expect.poll(hash).toBe(`#/p/${app.seed.project.id}/preview`);
    await press('e');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('[data-shortcut="export"]') !== null)).toBe(true);
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Copy Markdown');
  });

  it('C opens the new candidate field; letters typed there are text; Ctrl Z and Ctrl Shift Z undo and redo the addition', { timeout: 60_000 }, async () => {
    await press('c');
    await expect.poll(hash).toBe(`#/p/${app.seed.project.id}`);
    await expect.poll(focused).toBe('new-candidate');
    // Every letter key typed in the field stays text: no move, no dialog.
    await app.page.keyboard.type('Kestrel Jpeci?');
    expect(await app.page.locator('[data-shortcut="new-candidate"]').inputValue()).toBe('Kestrel Jpeci?');
    expect(await hash()).toBe(`#/p/${app.seed.project.id}`);
    expect(await app.page.getByRole('dialog').count()).toBe(0);
    await app.page.keyboard.press('Enter');
    const names = async () => {
      const rows = await services().pipeline({ projectId: app.seed.project.id });
      return rows.map((r) => r.organization);
    };
    await expect.poll(names).toContain('Kestrel Jpeci?');

    // Ctrl Z in the (now empty) field is the field's own; outside it, the app's Undo.
    await app.page.locator('[data-shortcut="new-candidate"]').focus();
    await app.page.keyboard.press('Control+z');
    expect(await names()).toContain('Kestrel Jpeci?');
    await press('Control+z');
    await expect.poll(names).not.toContain('Kestrel Jpeci?');
    await press('Control+Shift+z');
    await expect.poll(names).toContain('Kestrel Jpeci?');
  });

  it('I logs an interview of the adopter on screen; typing in notes fires nothing', { timeout: 60_000 }, async () => {
    const vandelay = app.seed.adopters[3]!;
    await app.show(adopterHash(3));
    await app.page.getByRole('button', { name: 'Log an interview' }).waitFor();
    const before = (await services().listInterviews({ adopterId: vandelay.adopter.id })).length;
    await press('i');
    await expect.poll(async () => (await services().listInterviews({ adopterId: vandelay.adopter.id })).length).toBe(before + 1);
    await expect.poll(hash).toMatch(new RegExp(`^${adopterHash(3)}/i/\\d+$`));
    const here = await hash();

    const notes = app.page.getByTestId('raw-notes');
    await notes.focus();
    await app.page.keyboard.type('j k p e c i / ?');
    expect(await notes.inputValue()).toBe('j k p e c i / ?');
    expect(await hash()).toBe(here);
    expect(await app.page.getByRole('dialog').count()).toBe(0);

    // Ctrl K opens the search even from a field; / does outside one.
    await app.page.keyboard.press('Control+k');
    await app.page.getByRole('dialog', { name: 'Search' }).waitFor();
    await app.page.keyboard.press('Escape');
    await press('/');
    await app.page.getByRole('dialog', { name: 'Search' }).waitFor();
    await app.page.keyboard.press('Escape');
  });
});
