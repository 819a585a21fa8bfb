import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { seriousViolations } from './harness/axe';
import { isOwnOrigin, openBrowser, RESULTS_DIR, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/**
 * A reviewer's whole due diligence in real Chromium: five candidates, one declined,
 * four interviews (an anonymous organization, an anonymous interviewee), notes, quotes,
 * summaries, approvals, the preview and the exports — then a planted leak, a dead back
 * end in the middle of typing, and axe-core on every screen on the way.
 */
let harness: Harness;
let browser: Browser;
let page: Page;
let dbFile: string;
const axeFindings: Record<string, string[]> = {};
// The tutorial's pictures (tutorial-*) are the window as the reviewer sees it at 1280×800, not the whole page.

const CLI = path.resolve(__dirname, '../../out/cli/adoption-desk.js');

async function saved() {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
}

async function axe(screen: string) {
  axeFindings[screen] = await seriousViolations(page);
}

async function addCandidate(organization: string, industry: string) {
  await page.getByLabel('Organization', { exact: true }).fill(organization);
  await page.getByLabel('Industry', { exact: true }).fill(industry);
  await page.getByRole('button', { name: 'Add candidate', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`– ${organization}$`) }).waitFor();
}

async function interview(options: {
  number: number;
  organization: string;
  usage: string;
  anonymousOrganization?: boolean;
  person: string;
  role: string;
  anonymousPerson?: boolean;
  date: string;
  summary: string;
  notes?: [string, string][];
  quotes?: [string, string][];
  shots?: boolean;
}) {
  await page.getByRole('link', { name: 'Adopters' }).first().click();
  await page.getByRole('link', { name: `Adopter ${options.number} – ${options.organization}` }).click();
  await page.getByLabel('Usage level').selectOption({ label: options.usage });
  if (options.anonymousOrganization) await page.getByLabel('The organization stays anonymous in public documents').check();
  await saved();
  if (options.shots) {
    await screenshot(page, 'tutorial-3-adopter', { window: true });
    await axe('adopter');
  }
  await page.getByRole('button', { name: 'Log an interview' }).click();
  await page.getByTestId('interview-date').fill(options.date);
  await page.getByTestId('interview-date').press('Enter');
  await saved();
  await page.getByLabel('Name', { exact: true }).fill(options.person);
  await page.getByLabel('Role', { exact: true }).fill(options.role);
  if (options.anonymousPerson) await page.getByLabel('Keeps their name private').check();
  await page.getByRole('button', { name: 'Add interviewee' }).click();
  await page.getByLabel(`Name of ${options.person}`).waitFor();
  for (const [question, text] of options.notes ?? []) {
    await page.getByTestId(`notes-${question}`).fill(text);
  }
  await saved();
  for (const [question, quote] of options.quotes ?? []) {
    const box = page.getByTestId(`notes-${question}`);
    await box.evaluate((el: HTMLTextAreaElement, q: string) => {
      const at = el.value.indexOf(q);
      el.focus();
      el.setSelectionRange(at, at + q.length);
      el.dispatchEvent(new Event('select', { bubbles: true }));
    }, quote);
    await page.getByTestId('quote-action').click();
    await page.getByTestId('quote').filter({ hasText: quote }).waitFor();
  }
  await page.getByTestId('summary').fill(options.summary);
  await saved();
  await expect.poll(() => page.getByTestId('entry-preview').textContent()).toContain(options.summary.slice(0, 30));
  if (options.shots) {
    // The summary being written, with the live "In the DD" panel beside it.
    await page.getByTestId('summary').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'tutorial-4-interview', { window: true });
    await axe('interview');
  }
  await page.getByRole('button', { name: 'Mark summary sent' }).click();
  await page.getByText(/^Sent on /).waitFor();
  await page.getByRole('button', { name: 'Mark approved' }).click();
  await page.getByText(/^Approved on /).waitFor();
}

beforeAll(async () => {
  dbFile = path.join(tempDir('adoption-desk-journey-'), 'journey.sqlite');
  harness = await startHarness({ dbFile });
  // Dates as the tutorial shows them, whatever the browser's locale would choose.
  await harness.desk.services.updateSettings({ dateFormat: 'day-month-year' });
  // 1280×800: the window the tutorial's screenshots (docs/images/tutorial-*.png) show.
  browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('a due diligence from start to export', () => {
  it('runs the whole journey', { timeout: 240_000 }, async () => {
    await harness.open(page);
    await axe('projects (empty)');
    await page.getByLabel('Project name').fill('Globex Mesh');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('link', { name: 'Globex Mesh' }).click();
    await page.getByRole('heading', { name: /Globex Mesh/ }).waitFor();

    for (const [org, industry] of [
      ['Acme Corp', 'Media'],
      ['Initech', 'Finance'],
      ['Umbrella Logistics', 'Logistics'],
      ['Vandelay Industries', 'Manufacturing'],
      ['Hooli', 'Software'],
    ] as const) {
      await addCandidate(org, industry);
    }
    await page.getByLabel('Stage of Adopter 5').selectOption('declined');
    await expect.poll(() => page.getByLabel('Stage of Adopter 5').inputValue()).toBe('declined');
    await screenshot(page, 'tutorial-2-pipeline', { window: true });
    await axe('pipeline');

    await interview({
      number: 1,
      organization: 'Acme Corp',
      usage: 'Production',
      person: 'Ada Example',
      role: 'Platform Lead',
      date: '2024-06-10',
      notes: [
        ['q1', 'About two years, since the 1.0 release.'],
        ['q2', 'We wanted mutual TLS everywhere without touching application code.'],
        ['q4', 'Production, 40 clusters.'],
      ],
      quotes: [
        ['q2', 'mutual TLS everywhere'],
        ['q4', '40 clusters'],
      ],
      summary: 'Acme Corp has run Globex Mesh in production for two years across 40 clusters.\n\nThe team values mutual TLS without code changes.',
      shots: true,
    });
    await interview({
      number: 2,
      organization: 'Initech',
      usage: 'Production',
      anonymousOrganization: true,
      person: 'Bo Sample',
      role: 'SRE',
      date: '2024-07-02',
      summary: 'Adopter 2 moved its payment services onto the mesh last year.',
    });
    await interview({
      number: 3,
      organization: 'Umbrella Logistics',
      usage: 'Pre-production',
      person: 'Cy Hidden',
      role: 'Engineer',
      anonymousPerson: true,
      date: '2024-08-05',
      summary: 'Umbrella Logistics runs it in pre-production for its routing services.',
    });
    await interview({
      number: 4,
      organization: 'Vandelay Industries',
      usage: 'Dev/test',
      person: 'Dee Example',
      role: 'CTO',
      date: '2024-09-09',
      summary: 'Vandelay Industries uses it in dev/test clusters.',
    });

    // The preview: the criterion is met and the section is what the CLI exports.
    await page.getByRole('link', { name: 'Adopters' }).first().click();
    await page.getByRole('link', { name: 'Preview & export' }).click();
    await expect.poll(() => page.getByTestId('criterion').textContent()).toBe('✔ Met');
    const preview = await page.getByTestId('section-preview').textContent();
    expect(preview).toContain('Adopter 2 - Anonymous Finance');
    expect(preview).toContain('The interviewee is anonymous');
    expect(preview).not.toMatch(/Initech|Bo Sample|Cy Hidden/);
    await screenshot(page, 'tutorial-5-preview', { window: true });
    await axe('preview');

    const [mdDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save .md' }).click()]);
    const exported = fs.readFileSync((await mdDownload.path())!, 'utf8');
    const cli = spawnSync(process.execPath, [CLI, 'export', 'adoption-md', '--project', 'globex-mesh', '--db', dbFile], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(exported).toBe(cli.stdout);
    expect(mdDownload.suggestedFilename()).toBe('globex-mesh-adoption.md');

    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save .docx' }).click()]);
    const docx = fs.readFileSync((await docxDownload.path())!);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByRole('link', { name: 'Outreach' }).click();
    await page.getByLabel('Interview request for').selectOption({ label: 'Adopter 5 – Hooli' });
    await expect.poll(() => page.getByTestId('outreach-email').textContent()).toContain('Globex Mesh has applied to move to Incubation');
    await axe('outreach');
  });

  it('refuses an export that names an anonymous adopter, and the report leads to the spot', { timeout: 60_000 }, async () => {
    await page.getByRole('link', { name: 'Adopters' }).first().click();
    await page.getByRole('link', { name: 'Adopter 1 – Acme Corp' }).click();
    await page.getByRole('link', { name: /Interview 10 Jun 2024/ }).click();
    const summary = page.getByTestId('summary');
    await summary.fill(`${await summary.inputValue()}\n\nThey first heard of it from Initech.`);
    await saved();
    await page.getByRole('link', { name: 'Adopters' }).first().click();
    await page.getByRole('link', { name: 'Preview & export' }).click();
    await page.getByRole('button', { name: 'Save .md' }).click();
    const message = await page.getByTestId('export-message').textContent();
    expect(message).toContain('The export was refused');
    expect(message).toContain("'Initech', the organization of Adopter 2, in Adopter 1's entry");
    await page.getByTestId('leak').getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('summary');
    const selected = await summary.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected).toBe('Initech');
  });

  it('keeps what is typed when the back end dies, says "Not saved", and saves it when it is back', { timeout: 60_000 }, async () => {
    const raw = page.getByLabel('Anything else said in the call');
    await raw.fill('Typed before the outage. ');
    await saved();
    await harness.stop();
    await raw.pressSequentially('Typed during the outage.');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/^Not saved: .*could not reach/);
    expect(await raw.inputValue()).toBe('Typed before the outage. Typed during the outage.');
    await harness.start();
    await saved();
    const interviewId = Number(new URL(page.url()).hash.match(/\/i\/(\d+)/)![1]);
    expect((await harness.desk.services.getInterview({ id: interviewId })).interview.rawNotes).toBe('Typed before the outage. Typed during the outage.');

    // Leaving the field before its autosave, during an outage: the edit follows the reviewer
    // to the next screen, says it is not saved, and is saved once the back end is back.
    await harness.stop();
    await raw.pressSequentially(' Then left at once.');
    await page.getByRole('link', { name: 'Adopters' }).first().click();
    const unsaved = page.getByTestId('unsaved-edits');
    await expect.poll(() => unsaved.textContent(), { timeout: 10_000 }).toMatch(/Your edit to Anything else said in the call was not saved: .*could not reach/);
    expect(await page.getByTestId('save-status').textContent()).toMatch(/^Not saved: /);
    await axe('unsaved-edit');
    await harness.start();
    await expect.poll(() => unsaved.count(), { timeout: 10_000 }).toBe(0);
    await saved();
    expect((await harness.desk.services.getInterview({ id: interviewId })).interview.rawNotes).toBe(
      'Typed before the outage. Typed during the outage. Then left at once.',
    );
  });

  it('search, settings, trash, import and help are reachable and accessible', { timeout: 60_000 }, async () => {
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox', { name: 'Search summaries, notes, quotes and organizations' }).fill('mutual');
    await page.getByTestId('search-hit').first().waitFor();
    await axe('search');
    await page.keyboard.press('Escape');
    for (const [name, screen] of [
      ['Settings', 'settings'],
      ['Trash', 'trash'],
      ['Import', 'import'],
      ['Projects', 'projects'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await page.getByRole('heading', { name, level: 2 }).waitFor();
      await axe(screen);
    }
    await screenshot(page, 'tutorial-1-projects', { window: true });
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await axe('help');
    await page.keyboard.press('Escape');
  });

  it('found no serious or critical accessibility problem on any screen', () => {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'axe.json'), JSON.stringify(axeFindings, null, 2));
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(10);
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((k) => [k, []])));
  });

  it('never sent a request outside its own origin', () => {
    expect(browser.requests.length).toBeGreaterThan(50);
    expect(browser.requests.filter((url) => !url.startsWith('blob:') && !isOwnOrigin(url, harness.url))).toEqual([]);
  });
});
