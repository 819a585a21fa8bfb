import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { seedGlobexMesh } from '../../helpers/seed';
import { openBrowser, type Browser } from './browser';
import { startHarness, type Harness } from './server';

export interface SeededApp {
  harness: Harness;
  browser: Browser;
  page: Page;
  seed: Awaited<ReturnType<typeof seedGlobexMesh>>;
}

/**
 * The served app on a Globex Mesh database of the test file's own, and one Chromium window
 * at 1280×800, started before the file's tests and closed after them. The object is filled
 * in `beforeAll`: read its fields inside tests.
 */
export function seededApp(name: string): SeededApp & { show(hash: string): Promise<void> } {
  const app = {} as SeededApp & { show(hash: string): Promise<void> };
  // The folder lives as long as the file's tests (helpers/temp-dir removes its folders after each test,
  // which would pull the database and its backups away from under the later tests).
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `adoption-desk-${name}-`));
    app.harness = await startHarness({ dbFile: path.join(dir, 'desk.sqlite') });
    app.seed = await seedGlobexMesh(app.harness.desk.services);
    app.browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    app.page = app.browser.page;
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  /** Signs in on the first visit (the launch secret works once), then moves by the hash as links do. */
  app.show = async (hash: string) => {
    if (!app.page.url().startsWith('http')) await app.harness.open(app.page, hash);
    else await app.page.evaluate((h) => (window.location.hash = h), hash);
  };
  return app;
}
