import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.ADOPTION_DESK_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS_DIR = path.resolve(__dirname, '../../../test-results/e2e');

// Without the networking flags Chromium floods this closed network with connection attempts.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /**
   * Every URL the page requested, in order; a message sent over a WebSocket counts as a
   * request to the socket's URL (the harness answers window.desk that way).
   */
  requests: string[];
  /** Console errors and uncaught page errors (CSP violations show up here). */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install the Debian package "chromium" (.ci/run does).`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: options.viewport ?? { width: 1200, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => {
    requests.push(socket.url());
    socket.on('framesent', () => requests.push(socket.url()));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    requests,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Whether `url` stays on the page's own origin: the same host and port, over http(s), or
 * ws(s) for the socket that stands in for IPC.
 */
export function isOwnOrigin(url: string, pageUrl: string): boolean {
  const target = new URL(url);
  const page = new URL(pageUrl);
  const scheme = target.protocol.replace(/^ws/, 'http');
  return scheme === page.protocol && target.host === page.host;
}

/** The whole page, or (`window`) only what the window shows: where a popup sits beside the text, as the reviewer sees it. */
export async function screenshot(page: Page, name: string, { window = false } = {}): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: !window });
  return file;
}
