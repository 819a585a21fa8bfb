import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { openBrowser, screenshot, type Browser } from './harness/browser';

/**
 * `adoption-desk serve` as a reviewer runs it (the built command, a data folder of its own):
 * the printed address opens the app; without its secret, with a spent one, or from another
 * origin's page, the same browser gets nothing; Ctrl+C stops it cleanly and says so.
 */
const CLI = path.resolve(__dirname, '../../out/cli/adoption-desk.js');

let child: ChildProcess;
let output = '';
let url: string;
let base: string;
const browsers: Browser[] = [];

beforeAll(async () => {
  child = spawn(process.execPath, [CLI, 'serve', '--no-open', '--data-dir', tempDir('adoption-desk-serve-')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!output.includes('Press Ctrl+C to stop.')) {
    if (Date.now() - started > 20_000 || child.exitCode !== null) throw new Error(`serve did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  url = output.match(/http:\/\/127\.0\.0\.1:\d+\/#key=\S+/)![0];
  base = url.split('#')[0]!;
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  if (child.exitCode === null) child.kill('SIGKILL');
});

async function browser(): Promise<Browser> {
  const opened = await openBrowser({ viewport: { width: 1280, height: 800 } });
  browsers.push(opened);
  return opened;
}

/** What a page of another origin can get from the server: a fetch with credentials, and a socket call. */
const probe = (page: Page, target: string) =>
  page.evaluate(async (target) => {
    const fetched = await fetch(target, { credentials: 'include' }).then(
      async (r) => `status ${r.status}: ${(await r.text()).slice(0, 40)}`,
      () => 'failed',
    );
    const socket = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${target.replace('http', 'ws')}__desk/socket`);
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, name: 'listProjects', input: {} }));
      ws.onmessage = (m) => resolve(`answered: ${String(m.data).slice(0, 40)}`);
      ws.onerror = () => resolve('refused');
    });
    return { fetched, socket };
  }, target);

describe('adoption-desk serve in Chromium', () => {
  it('the printed address opens the projects screen, and the secret leaves the address bar', async () => {
    const { page, errors } = await browser();
    await page.goto(url);
    await page.getByText('No projects yet').waitFor();
    expect(page.url()).toBe(`${base}#/`);
    await page.getByLabel('Project name').fill('Globex Mesh');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-row').getByText('Globex Mesh').waitFor();
    await screenshot(page, 'serve-projects');
    expect(errors).toEqual([]);

    // From the same browser, a page of another origin, and one on another port of this computer, get nothing.
    const other = await page.context().newPage();
    await other.route('http://evil.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<p>a page on the web</p>' }));
    await other.goto('http://evil.example/');
    expect(await probe(other, base)).toEqual({ fetched: 'failed', socket: 'refused' });
    const local = http.createServer((_req, res) => res.end('<p>another program on this computer</p>'));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    await other.goto(`http://127.0.0.1:${(local.address() as AddressInfo).port}/`);
    expect(await probe(other, base)).toEqual({ fetched: 'failed', socket: 'refused' });
    local.close();
  });

  it('in the browser, Settings says how the app runs, and closing the tab with an unsaved edit asks first', async () => {
    const page = browsers[0]!.page;
    // A window where nothing was edited says nothing about saving, and closes without asking.
    const fresh = await browsers[0]!.context.newPage();
    const asked: string[] = [];
    fresh.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await fresh.goto(url);
    await fresh.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await fresh.getByTestId('save-status').textContent()).toBe('');
    await fresh.close({ runBeforeUnload: true });
    await expect.poll(() => fresh.isClosed()).toBe(true);
    expect(asked).toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    expect(await page.getByTestId('browser-host').textContent()).toContain('closing this tab does not stop it');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.getByLabel('Author name in Word documents').pressSequentially('Ada Reviewer');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(dialogs).toEqual(['beforeunload']);
  });

  it('without the fragment, another browser gets the sign-in page and nothing else', async () => {
    const { page, requests } = await browser();
    await page.goto(base);
    await page.getByRole('heading', { name: 'Adoption Desk' }).waitFor();
    expect(await page.textContent('body')).toContain('Open Adoption Desk with the address that adoption-desk serve printed');
    expect(await page.textContent('body')).not.toContain('Globex Mesh');
    expect(await probe(page, base)).toMatchObject({ socket: 'refused' });
    const asset = await page.evaluate(async (b) => (await fetch(`${b}__desk/bridge.js`)).status, base);
    expect(asset).toBe(403);
    // The sign-in page has the app's icon (no data in it): the browser asks for no /favicon.ico.
    expect(await page.evaluate(async (b) => (await fetch(`${b}icon.svg`)).status, base)).toBe(200);
    expect(requests.some((r) => r.endsWith('/favicon.ico'))).toBe(false);
    expect(requests.some((r) => r.includes('/assets/'))).toBe(false);
    await screenshot(page, 'serve-without-key');
  });

  it('the same address a second time (a stolen copy) opens nothing', async () => {
    const { page } = await browser();
    await page.goto(url);
    await expect.poll(() => page.textContent('#status')).toContain('This address was already used');
    expect(page.url()).toBe(base);
    await screenshot(page, 'serve-spent-key');
  });

  it('Ctrl+C closes the data cleanly and says so', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toMatch(/Stopping Adoption Desk…\nAdoption Desk stopped: .*every change is written into the database file, and .*adoption-desk\.sqlite is closed\.\n$/);
  });
});
