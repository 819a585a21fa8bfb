import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { isOwnOrigin, openBrowser, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

let harness: Harness;
let browser: Browser;

beforeEach(async () => {
  harness = await startHarness({ dbFile: path.join(tempDir(), 'e2e.sqlite') });
  browser = await openBrowser();
});

afterEach(async () => {
  await browser?.close();
  await harness?.close();
});

describe('smoke: the app in real Chromium', () => {
  it('creates a project, renames it, and the change survives a reload', async () => {
    const { page } = browser;
    await harness.open(page);
    await page.getByText('No projects yet').waitFor();

    await page.getByLabel('Project name').fill('Globex Mesh');
    await page.getByLabel('Applying for').selectOption('incubation');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-row').getByText('Globex Mesh').waitFor();

    await page.getByRole('button', { name: 'Rename Globex Mesh' }).click();
    const rename = page.getByLabel('New name for Globex Mesh');
    await rename.fill('Globex Service Mesh');
    await rename.press('Enter');
    await page.getByText('Globex Service Mesh').waitFor();

    await page.reload();
    await page.getByTestId('project-row').getByText('Globex Service Mesh').waitFor();
    expect(await page.getByTestId('project-row').count()).toBe(1);
    expect((await harness.desk.services.listProjects({}))[0]).toMatchObject({ name: 'Globex Service Mesh', slug: 'globex-mesh', version: 2 });

    const shot = await screenshot(page, 'smoke-projects');
    expect(fs.statSync(shot).size).toBeGreaterThan(1000);
  });

  it('runs under the shipped CSP with no errors and no request outside its own origin', async () => {
    const { page } = browser;
    await harness.open(page);
    await page.getByLabel('Project name').fill('Initech Proxy');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-row').waitFor();
    expect(browser.errors).toEqual([]);
    expect(browser.requests.filter((url) => !isOwnOrigin(url, harness.url))).toEqual([]);
    // window.desk's calls went over the harness's socket (the stand-in for IPC), and nowhere else.
    expect(browser.requests.filter((url) => url.startsWith('ws:')).length).toBeGreaterThan(1);
    expect(isOwnOrigin(harness.url.replace('http:', 'ws:'), harness.url)).toBe(true);
    expect(isOwnOrigin(`ws://127.0.0.1:${harness.port + 1}/`, harness.url)).toBe(false);
    expect(isOwnOrigin('https://example.com/', harness.url)).toBe(false);
    // The page cannot reach the network even if it tried: connect-src is 'self'.
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
  });

  it('keeps a refused rename in the field with the reason', async () => {
    const { page } = browser;
    await harness.open(page);
    await page.getByLabel('Project name').fill('Globex Mesh');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: 'Rename Globex Mesh' }).click();
    await page.getByLabel('New name for Globex Mesh').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('A project needs a name.');
    expect(await page.getByLabel('New name for Globex Mesh').inputValue()).toBe('');
  });
});
