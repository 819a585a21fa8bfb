import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGlobexMesh } from '../helpers/seed';
import { tempDir } from '../helpers/temp-dir';
import { seriousViolations } from './harness/axe';
import { openBrowser, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/**
 * A false positive resolved as a reviewer would, in Chromium: anonymous Adopter 2 also
 * sells a product called Beacon, and Adopter 1's summary uses "beacon" as the ordinary
 * word. The export is refused; the refusal's own action allows the word in that entry;
 * Undo takes it back; allowed again, the section exports.
 */
let harness: Harness;
let browser: Browser;
let page: Page;
let seed: Awaited<ReturnType<typeof seedGlobexMesh>>;

const ALLOW_IN_ENTRY = "Allow ‘Beacon’ for Adopter 2 — only in Adopter 1's entry";

beforeAll(async () => {
  harness = await startHarness({ dbFile: path.join(tempDir('adoption-desk-allow-'), 'allow.sqlite') });
  const { services } = harness.desk;
  seed = await seedGlobexMesh(services);
  const initech = seed.orgs.initech;
  await services.updateOrganization({ id: initech.id, version: initech.version, aliases: ['Initrode', 'Beacon'] });
  const interview = (await services.getInterview({ id: seed.adopters[0]!.interview.id })).interview;
  await services.updateInterview({ id: interview.id, version: interview.version, summary: 'Acme Corp runs Globex Mesh behind a beacon service for its streaming stack.' });
  browser = await openBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/**
 * Opens a screen of the app. The harness's address carries the launch secret in its
 * fragment and works once: sign in with it first, then move by the hash as links do.
 */
async function show(hash: string) {
  if (!page.url().startsWith('http')) {
    await harness.open(page);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
  }
  await page.evaluate((h) => (window.location.hash = h), hash);
}

const allowances = () => harness.desk.services.listAllowances({ adopterId: seed.adopters[1]!.adopter.id });
const toast = () => page.getByTestId('toast');
const exportMessage = () => page.getByTestId('export-message');

async function saveMarkdown() {
  await page.getByRole('button', { name: 'Save .md' }).click();
  await exportMessage().waitFor();
  return (await exportMessage().textContent()) ?? '';
}

describe('allowing a false positive from the warning', () => {
  it('refused, allowed from the warning, undone, allowed again, exported', { timeout: 120_000 }, async () => {
    await show(`#/p/${seed.project.id}/preview`);
    const leak = page.getByTestId('leak');
    await leak.waitFor();

    // The refusal says how to release a false positive, here and on the command line.
    const refused = await saveMarkdown();
    expect(refused).toContain('The export was refused');
    expect(refused).toContain(`adoption-desk allow --project ${seed.project.slug} --adopter 2 --text 'Beacon'`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'allow-1-refused');

    await leak.getByRole('button', { name: ALLOW_IN_ENTRY }).click();
    await expect.poll(() => toast().textContent()).toContain("Allowed ‘Beacon’ for Adopter 2 — only in Adopter 1's entry.");
    await expect.poll(() => leak.count()).toBe(0);
    // The refusal above no longer holds, so it is gone too.
    await expect.poll(() => exportMessage().count()).toBe(0);
    expect(await allowances()).toEqual([expect.objectContaining({ term: 'Beacon', entryNumber: 1 })]);
    await screenshot(page, 'allow-2-allowed');

    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast().textContent()).toContain('Withdrawn: ‘Beacon’ for Adopter 2; the guard refuses it again.');
    await leak.waitFor();
    expect(await allowances()).toEqual([]);
    expect(await saveMarkdown()).toContain('The export was refused');

    await leak.getByRole('button', { name: ALLOW_IN_ENTRY }).click();
    await expect.poll(() => leak.count()).toBe(0);
    const download = page.waitForEvent('download');
    expect(await saveMarkdown()).toBe('Downloaded globex-mesh-adoption.md: your browser keeps it with its downloads.');
    expect((await download).suggestedFilename()).toBe('globex-mesh-adoption.md');

    // The adopter screen lists the allowance, and beside the term where it applies.
    await show(`#/p/${seed.project.id}/a/${seed.adopters[1]!.adopter.id}`);
    const listed = page.getByRole('list', { name: 'Allowances' }).getByTestId('allowance');
    await listed.waitFor();
    expect(await listed.textContent()).toContain("only in Adopter 1's entry");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'allow-3-adopter');
    expect(browser.errors).toEqual([]);
  });
});
