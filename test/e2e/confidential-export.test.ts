import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './harness/axe';
import { screenshot } from './harness/browser';
import { seededApp } from './harness/seeded';

/**
 * The TOC dossier names every anonymous adopter (Initech, Adopter 2, here). In the preview
 * it sits apart from the public exports, marked confidential, and each export of it asks
 * first, with Cancel focused; the public exports say what the browser did with the file.
 */
const app = seededApp('dossier');

const WARNING = 'This document names every anonymous adopter. Save it only where the TOC can read it.';

beforeAll(async () => {
  await app.show(`#/p/${app.seed.project.id}/preview`);
  await app.page.getByTestId('section-preview').waitFor();
});

const downloads: string[] = [];
const dialog = () => app.page.getByRole('dialog', { name: 'Save the confidential TOC dossier' });
const dossierButton = () => app.page.getByRole('region', { name: 'Confidential — for the TOC only' }).getByRole('button', { name: 'TOC dossier (.docx)…' });

describe('the confidential TOC dossier', () => {
  it('is not among the public exports, and sits in a group marked confidential', async () => {
    app.page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const publicExports = app.page.getByRole('toolbar', { name: 'Public exports: the Adoption section' });
    expect(await publicExports.getByRole('button').allTextContents()).toEqual(['Copy Markdown', 'Save .md', 'Save .docx']);
    expect(await dossierButton().count()).toBe(1);
    expect(await app.page.getByTestId('confidential-exports').textContent()).toContain('Names every adopter, the anonymous ones too.');
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('asks before each export; Cancel, focused, saves nothing', async () => {
    await dossierButton().click();
    expect(await dialog().getByTestId('confirm-question').textContent()).toBe(WARNING);
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await seriousViolations(app.page)).toEqual([]);
    await screenshot(app.page, 'confidential-ask');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    await app.page.waitForTimeout(500);
    expect(downloads).toEqual([]);
    expect(await app.page.getByTestId('export-message').count()).toBe(0);
  });

  it('saved once confirmed, and asked again the next time', async () => {
    await dossierButton().click();
    const download = app.page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Save the dossier' }).click();
    const fileName = (await download).suggestedFilename();
    expect(fileName).toMatch(/dossier.*\.docx$/);
    await expect.poll(() => app.page.getByTestId('export-message').textContent()).toBe(`Downloaded ${fileName}: your browser keeps it with its downloads.`);

    await dossierButton().click();
    expect(await dialog().getByTestId('confirm-question').textContent()).toBe(WARNING);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    expect(downloads).toEqual([fileName]);
  });

  it('a public Markdown export says it was downloaded, not "saved"', async () => {
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Save .md' }).click();
    expect((await download).suggestedFilename()).toBe('globex-mesh-adoption.md');
    await expect.poll(() => app.page.getByTestId('export-message').textContent()).toBe(
      'Downloaded globex-mesh-adoption.md: your browser keeps it with its downloads.',
    );
    expect(app.browser.errors).toEqual([]);
  });
});
