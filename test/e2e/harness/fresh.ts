import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openBrowser, type Browser } from './browser';
import { startHarness, type Harness } from './server';

/**
 * The served app on an empty database of the test file's own (a first start), and one
 * Chromium window at 1280×800, started before the file's tests and closed after them. The
 * object is filled in `beforeAll`: read its fields inside tests.
 */
export function freshApp(name: string): { harness: Harness; browser: Browser } {
  const app = {} as { harness: Harness; browser: Browser };
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `adoption-desk-${name}-`));
    app.harness = await startHarness({ dbFile: path.join(dir, 'desk.sqlite') });
    app.browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return app;
}
