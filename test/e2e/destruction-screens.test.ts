import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGlobexMesh } from '../helpers/seed';
import { seriousViolations } from './harness/axe';
import { openBrowser, RESULTS_DIR, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/**
 * The screens this work changed, at a laptop's size and a small window's, light and dark:
 * the confirmations fit the window with both buttons visible, the confidential group reads
 * apart from the public exports, the approval's state is legible, and none has a serious
 * accessibility fault. Screenshots are written for a person to look at.
 */
let harness: Harness;
let dir = '';
let seed: Awaited<ReturnType<typeof seedGlobexMesh>>;

beforeAll(async () => {
  // A folder for the whole file (helpers/temp-dir would remove it after the first test).
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-screens-'));
  harness = await startHarness({ dbFile: path.join(dir, 'desk.sqlite') });
  seed = await seedGlobexMesh(harness.desk.services);
  const { services } = harness.desk;
  const spare = await services.createProject({ name: 'Quillmesh', level: 'incubation' });
  const hooli = await services.createAdopter({ projectId: spare.id, organizationId: seed.orgs.hooli.id });
  await services.createInterview({ adopterId: hooli.id, date: '2024-10-01', summary: 'Hooli runs Quillmesh.' });
  await services.deleteProject({ id: spare.id });
  const { interview } = seed.adopters[3]!;
  const current = (await services.getInterview({ id: interview.id })).interview;
  await services.updateInterview({ id: current.id, version: current.version, summary: `${current.summary} Production is next.` });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const SIZES = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
];

/** The part of the page in view, for the parts a full-page picture shows too small. */
const inView = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });

/** Both buttons of an open confirmation are inside the window. */
async function fitsTheWindow(page: Page, viewport: { width: number; height: number }) {
  for (const name of ['Cancel']) {
    const box = await page.getByRole('dialog').getByRole('button', { name }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  }
  const confirm = await page.getByRole('dialog').locator('.dialog-actions button.danger').boundingBox();
  expect(confirm!.x + confirm!.width).toBeLessThanOrEqual(viewport.width);
}

let browser: Browser;
let page: Page;

describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
  describe.each(SIZES)('$width×$height', (viewport) => {
    const name = (what: string) => `screens-${what}-${colorScheme}-${viewport.width}`;

    beforeAll(async () => {
      // One browser signed in once (the launch secret works once); each case sets its own window and theme.
      if (!browser) {
        browser = await openBrowser();
        page = browser.page;
        await harness.open(page, '#/');
      }
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => (window.location.hash = '#/trash'));
      await page.getByRole('heading', { name: 'Trash' }).waitFor();
    });

    it('the trash confirmation, the confidential export, the approval states', { timeout: 60_000 }, async () => {
      await page.getByRole('button', { name: 'Empty the trash for good…' }).click();
      await page.getByRole('dialog').waitFor();
      await fitsTheWindow(page, viewport);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, name('empty-trash'));
      await page.keyboard.press('Escape');

      await page.evaluate((h) => (window.location.hash = h), `#/p/${seed.project.id}/preview`);
      const group = page.getByTestId('confidential-exports');
      await group.waitFor();
      // Set apart: a dashed border of its own colour, where the public toolbar has none.
      expect(await group.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
      expect(await seriousViolations(page)).toEqual([]);
      await inView(page, name('preview'));
      await group.getByRole('button').click();
      await fitsTheWindow(page, viewport);
      expect(await seriousViolations(page)).toEqual([]);
      await inView(page, name('dossier-ask'));
      await page.keyboard.press('Escape');

      const { adopter, interview } = seed.adopters[3]!;
      await page.evaluate((h) => (window.location.hash = h), `#/p/${seed.project.id}/a/${adopter.id}/i/${interview.id}`);
      const state = page.getByTestId('approval-state');
      await state.waitFor();
      await state.scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('region', { name: 'Approval' }).screenshot({ path: path.join(RESULTS_DIR, `${name('approval')}.png`) });

      // A removal's toast, with its Undo, over the interview screen.
      await page.getByRole('button', { name: 'Remove Dee Example' }).click();
      await page.getByTestId('toast').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await inView(page, name('toast'));
      await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => page.getByTestId('toast').textContent()).toContain('is back');
      expect(browser.errors).toEqual([]);
    });
  });
});
