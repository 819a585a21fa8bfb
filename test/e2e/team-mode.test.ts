import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareRemote } from '../helpers/git-sandbox';
import { seedGlobexMesh } from '../helpers/seed';
import { seriousViolations } from './harness/axe';
import { openBrowser, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/**
 * Team mode in the app, end to end: two reviewers, each with Adoption Desk in a browser on a
 * data folder of their own and a Git identity of their own, share one DD through a bare
 * repository on this machine. Ana shares it, Ben joins it, both change the same summary, both
 * Sync; Ben sees the conflict, compares the texts and keeps Git's combined proposal (with an
 * Undo that opens the conflict again); after one more Sync each, both hold the same summary.
 */
interface Reviewer {
  name: string;
  home: string;
  config: string;
  harness: Harness;
  page: Page;
}

const ENV_KEYS = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

let dir = '';
let remote = '';
let browser: Browser;
let ana: Reviewer;
let ben: Reviewer;
let seed: Awaited<ReturnType<typeof seedGlobexMesh>>;

/** Both servers run in this process: the Git they start reads the identity of whoever acts next. */
function actAs(who: Pick<Reviewer, 'home' | 'config'>): void {
  process.env.HOME = who.home;
  process.env.XDG_CONFIG_HOME = who.home;
  process.env.GIT_CONFIG_GLOBAL = who.config;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
}

function identity(name: string): { home: string; config: string } {
  const home = path.join(dir, `${name.toLowerCase()}-home`);
  fs.mkdirSync(home);
  const config = path.join(home, 'gitconfig');
  fs.writeFileSync(config, `[user]\n\tname = ${name}\n\temail = ${name.toLowerCase()}@globex.example\n`);
  return { home, config };
}

const BASE = 'Vandelay Industries tests the mesh in dev/test clusters.\n\nThey route two internal services through it.\n\nThey plan production next year.';
const ANAS = BASE.replace('tests the mesh in dev/test clusters.', 'tests the mesh in three dev/test clusters.');
const BENS = BASE.replace('They plan production next year.', 'They plan production for the spring.');
const BOTH = ANAS.replace('They plan production next year.', 'They plan production for the spring.');

const card = (page: Page) => page.getByTestId('team-card');

/** Presses Sync and waits for the report of this Sync (not the one on screen before). */
async function sync(page: Page): Promise<Locator> {
  const report = page.getByTestId('sync-report');
  const before = (await report.count()) > 0 ? await report.getAttribute('data-at') : null;
  await card(page).getByRole('button', { name: 'Sync', exact: true }).click();
  await expect.poll(async () => ((await report.count()) > 0 ? await report.getAttribute('data-at') : null), { timeout: 30_000 }).not.toBe(before);
  return report;
}

async function summaryOf(who: Reviewer, projectId: number): Promise<{ id: number; version: number; summary: string }> {
  const { services } = who.harness.desk;
  const adopter = (await services.listAdopters({ projectId })).find((a) => a.number === 4)!;
  const [interview] = await services.listInterviews({ adopterId: adopter.id });
  return interview!;
}

async function shots(page: Page, name: string, within?: string): Promise<void> {
  expect(await seriousViolations(page, within)).toEqual([]);
  await screenshot(page, `${name}-1280-light`, { window: true });
  await page.setViewportSize({ width: 900, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page, within)).toEqual([]);
  await screenshot(page, `${name}-900-dark`, { window: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-team-'));
  const anaId = identity('Ana');
  const benId = identity('Ben');
  actAs(anaId);
  remote = bareRemote(dir);
  fs.mkdirSync(path.join(dir, 'ana'));
  fs.mkdirSync(path.join(dir, 'ben'));
  const anaHarness = await startHarness({ dbFile: path.join(dir, 'ana', 'desk.sqlite') });
  const benHarness = await startHarness({ dbFile: path.join(dir, 'ben', 'desk.sqlite') });
  seed = await seedGlobexMesh(anaHarness.desk.services);
  // Adopter 4's summary in three paragraphs: Ana and Ben each change a different one.
  const interview = seed.adopters[3]!.interview;
  const current = await anaHarness.desk.services.getInterview({ id: interview.id });
  await anaHarness.desk.services.updateInterview({ id: interview.id, version: current.interview.version, summary: BASE });
  browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
  ana = { name: 'Ana', ...anaId, harness: anaHarness, page: browser.page };
  ben = { name: 'Ben', ...benId, harness: benHarness, page: await browser.context.newPage() };
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await ana?.harness.close();
  await ben?.harness.close();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('two reviewers share a DD through one private repository', () => {
  let benProjectId = 0;

  it('Ana shares the project from its Team card; a cncf address is refused in words, with the address kept', { timeout: 60_000 }, async () => {
    actAs(ana);
    await ana.harness.open(ana.page, `#/p/${seed.project.id}`);
    await card(ana.page).getByText('Only on this computer').waitFor();
    await card(ana.page).getByRole('button', { name: 'Share with teammates…' }).click();
    const dialog = ana.page.getByRole('dialog', { name: 'Share Globex Mesh with teammates' });
    const address = dialog.getByLabel('Address of the team’s private repository');
    await address.fill('https://github.com/cncf/globex-mesh-dd.git');
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/cncf/i);
    expect(await address.inputValue()).toBe('https://github.com/cncf/globex-mesh-dd.git');
    await shots(ana.page, 'team-share-dialog', '.dialog');

    await address.fill(remote);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => card(ana.page).getByTestId('sync-report').textContent()).toContain('The project is shared');
    expect(await card(ana.page).getByTestId('team-line').textContent()).toMatch(/^Synced \d\d:\d\d/);
    await card(ana.page).scrollIntoViewIfNeeded();
    await shots(ana.page, 'team-card-shared');
  });

  it('Ben joins it from the projects screen and lands on the joined project', { timeout: 60_000 }, async () => {
    actAs(ben);
    await ben.harness.open(ben.page, '#/');
    await ben.page.getByRole('button', { name: 'Join a shared project…' }).click();
    const dialog = ben.page.getByRole('dialog', { name: 'Join a shared project' });
    await dialog.getByLabel('Address of the team’s private repository').fill(remote);
    await dialog.getByRole('button', { name: 'Join', exact: true }).click();
    await ben.page.waitForURL(/#\/p\/\d+$/, { timeout: 30_000 });
    benProjectId = Number(/#\/p\/(\d+)$/.exec(ben.page.url())![1]);
    await expect.poll(() => ben.page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Globex Mesh');
    expect((await summaryOf(ben, benProjectId)).summary).toBe(BASE);
  });

  it('both change the same summary and Sync: Ben sees the conflict, with its Compare', { timeout: 90_000 }, async () => {
    const anas = await summaryOf(ana, seed.project.id);
    await ana.harness.desk.services.updateInterview({ id: anas.id, version: anas.version, summary: ANAS });
    const bens = await summaryOf(ben, benProjectId);
    await ben.harness.desk.services.updateInterview({ id: bens.id, version: bens.version, summary: BENS });

    actAs(ana);
    expect(await (await sync(ana.page)).textContent()).toMatch(/sent to the team/);

    actAs(ben);
    const report = await sync(ben.page);
    expect(await report.textContent()).toMatch(/Conflict: Adopter 4's interview — summary was changed by you and by Ana/);
    const waiting = card(ben.page).getByRole('region', { name: 'Waiting for you' });
    await expect.poll(() => waiting.textContent()).toMatch(/Conflict: Adopter 4's interview — summary, changed by you and by Ana\./);
    expect(await waiting.textContent()).toContain('Public exports wait');
    await shots(ben.page, 'team-sync-report');
    // Until Ben chooses, his own text stays.
    expect((await summaryOf(ben, benProjectId)).summary).toBe(BENS);
  });

  it('Ben compares the texts on the interview, keeps Git’s combined proposal, can undo it, and keeps it again', { timeout: 90_000 }, async () => {
    actAs(ben);
    const bens = await summaryOf(ben, benProjectId);
    const adopter = (await ben.harness.desk.services.listAdopters({ projectId: benProjectId })).find((a) => a.number === 4)!;
    // The adopter says it has a conflict too; its interview leads to the field.
    await ben.page.evaluate((h) => (window.location.hash = h), `#/p/${benProjectId}/a/${adopter.id}`);
    await expect.poll(() => ben.page.getByRole('button', { name: /^Conflict: 1 text from Ana — Compare$/ }).count()).toBe(1);
    await ben.page.evaluate((h) => (window.location.hash = h), `#/p/${benProjectId}/a/${adopter.id}/i/${bens.id}`);
    const summaryCard = ben.page.getByRole('region', { name: 'Summary' });
    const badge = summaryCard.getByRole('button', { name: /^Conflict: 1 text from Ana/ });
    await badge.scrollIntoViewIfNeeded();
    await shots(ben.page, 'team-conflict-badge');
    await badge.click();
    const dialog = ben.page.getByRole('dialog', { name: 'Compare the two texts' });
    await expect.poll(() => dialog.getByRole('region', { name: 'Ana’s' }).textContent()).toContain('three dev/test clusters');
    expect(await dialog.getByRole('region', { name: 'Yours' }).textContent()).toContain('for the spring');
    expect(await dialog.getByRole('region', { name: 'Where you both started' }).textContent()).toContain('next year');
    const proposal = dialog.getByLabel(/Both changes combined/);
    expect(await proposal.inputValue()).toBe(BOTH);
    await shots(ben.page, 'team-compare', '.dialog');

    await dialog.getByRole('button', { name: 'Keep this text' }).click();
    const toast = ben.page.getByTestId('toast');
    await expect.poll(() => toast.textContent()).toContain('Resolved Adopter 4\'s interview — summary: the combined text kept.');
    expect((await summaryOf(ben, benProjectId)).summary).toBe(BOTH);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast.textContent()).toContain('The conflict is open again');
    await expect.poll(async () => (await summaryOf(ben, benProjectId)).summary).toBe(BENS);

    await badge.click();
    await dialog.getByRole('button', { name: 'Keep this text' }).click();
    await expect.poll(() => toast.textContent()).toContain('Resolved');
    await expect.poll(() => badge.count()).toBe(0);
    expect((await summaryOf(ben, benProjectId)).summary).toBe(BOTH);
  });

  it('after one more Sync each, both hold the same summary and nothing waits', { timeout: 90_000 }, async () => {
    actAs(ben);
    await ben.page.evaluate((h) => (window.location.hash = h), `#/p/${benProjectId}`);
    await card(ben.page).getByTestId('team-line').waitFor();
    await sync(ben.page);
    actAs(ana);
    const report = await sync(ana.page);
    expect(await report.textContent()).toMatch(/arrived from Ben/);
    expect((await summaryOf(ana, seed.project.id)).summary).toBe(BOTH);
    expect((await summaryOf(ben, benProjectId)).summary).toBe(BOTH);
    expect(await card(ana.page).getByRole('region', { name: 'Waiting for you' }).count()).toBe(0);
  });

  it('Ana turns anonymity off for Adopter 2: Ben’s Sync says so, and public exports wait until he acknowledges it', { timeout: 90_000 }, async () => {
    actAs(ana);
    const { adopter } = await ana.harness.desk.services.getAdopter({ id: seed.adopters[1]!.adopter.id });
    await ana.harness.desk.services.updateAdopter({ id: adopter.id, version: adopter.version, anonymous: false });
    await sync(ana.page);

    actAs(ben);
    const report = await sync(ben.page);
    expect(await report.textContent()).toMatch(/Ana turned anonymity off for Adopter 2: public exports wait until someone acknowledges it/);
    const waiting = card(ben.page).getByRole('region', { name: 'Waiting for you' });
    await expect.poll(() => waiting.textContent()).toMatch(/^Waiting for youAna turned off anonymity of Adopter 2\./);
    await shots(ben.page, 'team-acknowledge');
    const exportRefusal = async (): Promise<string | null> => {
      try {
        await ben.harness.desk.services.exportAdoptionMarkdown({ projectId: benProjectId });
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(await exportRefusal()).toMatch(/acknowledge/);
    await waiting.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => waiting.count()).toBe(0);
    expect(await ben.page.getByTestId('toast').textContent()).toMatch(/^Acknowledged: Ana turned off anonymity of Adopter 2\./);
    expect(await exportRefusal()).toBeNull();
  });

  it('a Sync that cannot reach the repository says so in words, and the next one works', { timeout: 60_000 }, async () => {
    actAs(ana);
    const away = `${remote}-moved`;
    fs.renameSync(remote, away);
    try {
      await card(ana.page).getByRole('button', { name: 'Sync', exact: true }).click();
      const alert = card(ana.page).getByRole('alert');
      await expect.poll(() => (alert.count().then((n) => (n > 0 ? alert.textContent() : ''))), { timeout: 30_000 }).toMatch(/^The Sync did not finish: \S/);
      expect(await card(ana.page).getByRole('button', { name: 'Sync', exact: true }).isEnabled()).toBe(true);
    } finally {
      fs.renameSync(away, remote);
    }
    await sync(ana.page);
    expect(await card(ana.page).getByRole('alert').count()).toBe(0);
  });
});
