import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk } from '../../services/desk';
import { seriousViolations } from './harness/axe';
import { openBrowser, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/**
 * The day's automatic backup runs once the first screen is shown. When it cannot be written,
 * the window says so where the reviewer works (not only on a terminal): in words, with "Back up
 * now" that tries again once the folder is fixed, and a dismissal, since nothing was lost.
 */
let dir = '';
let harness: Harness;
let browser: Browser;
const backups = () => path.join(dir, 'backups');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-backup-notice-'));
  const dbFile = path.join(dir, 'desk.sqlite');
  // Data from an earlier start, without today's backup; then the backups folder is not a folder.
  const earlier = openDesk(dbFile, { autoBackup: false });
  await earlier.services.createProject({ name: 'Globex Mesh', level: 'incubation' });
  earlier.close();
  fs.rmSync(backups(), { recursive: true, force: true });
  fs.writeFileSync(backups(), 'a file where the backups folder should be');
  harness = await startHarness({ dbFile });
  browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the day’s backup that could not be written', () => {
  it('is shown in the window, in words, and can be dismissed', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    await harness.open(page);
    const notice = page.getByTestId('backup-notice');
    await expect.poll(() => notice.getByRole('alert').textContent()).toMatch(/^Today's automatic backup could not be written to .*backups: a file stands where a folder should be\. Your notes are safe/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 900, height: 700 });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'backup-notice-900-dark', { window: true });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
    await page.close();
  });

  it('Back up now says when it fails again, and writes the backup once the folder is fixed; then no window shows the notice', { timeout: 60_000 }, async () => {
    const { page } = browser;
    await harness.open(page);
    const notice = page.getByTestId('backup-notice');
    await notice.waitFor();
    await screenshot(page, 'backup-notice-1280-light', { window: true });

    await notice.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => notice.locator('.error').textContent()).toMatch(/^Backing up again failed too: /);

    fs.rmSync(backups());
    await notice.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Backup written' }).count()).toBe(1);
    expect(fs.readdirSync(backups()).some((name) => name.endsWith('.sqlite'))).toBe(true);

    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await (await harness.serving.desk.services.dailyBackupNotice({})).warning).toBeNull();
    expect(await notice.count()).toBe(0);
  });
});
