import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { serve, type Serving } from '../../../server/serve';
import type { Desk } from '../../../services/desk';

export const RENDERER_DIR = path.resolve(__dirname, '../../../out/renderer');
const AXE_SCRIPT = path.resolve(__dirname, '../../../node_modules/axe-core/axe.min.js');
export const AXE_PATH = '/__test/axe.js';

export interface Harness {
  /** The address `adoption-desk serve` prints: the launch secret in its fragment. */
  url: string;
  port: number;
  desk: Desk;
  serving: Serving;
  /**
   * Opens the app at `hash` as the reviewer does with the printed address, and returns once
   * the app itself is on screen: the first visit shows the sign-in page, which trades the
   * secret and reloads, so a bare `page.goto` returns before the app is there.
   */
  open(page: Page, hash?: string): Promise<void>;
  /** Stops answering (as if the server died); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The shipped `adoption-desk serve` (server/serve.ts, its module API) on a database of the
 * test's own, with what only the tests add: axe-core served to the signed-in page (same origin,
 * so the shipped CSP stays on) and a switch that makes the server stop answering.
 */
export async function startHarness(options: { dbFile: string; rendererDir?: string }): Promise<Harness> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run npm run build first.`);
  let answering = true;
  const serving = await serve({
    databaseFile: options.dbFile,
    rendererDir,
    hooks: {
      answering: () => answering,
      files: { [AXE_PATH]: { type: 'text/javascript; charset=utf-8', body: () => fs.readFileSync(AXE_SCRIPT) } },
    },
  });
  return {
    url: serving.url,
    port: serving.port,
    desk: serving.desk,
    serving,
    open: async (page, hash = '') => {
      await page.goto(serving.url + hash);
      await page.waitForFunction(() => 'desk' in window && (document.getElementById('root')?.childElementCount ?? 0) > 0);
    },
    stop: async () => {
      answering = false;
    },
    start: async () => {
      answering = true;
    },
    close: async () => {
      await serving.close();
    },
  };
}
