import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGlobexMesh } from '../helpers/seed';
import { tempDir } from '../helpers/temp-dir';
import { seriousViolations } from './harness/axe';
import { isOwnOrigin, openBrowser, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/**
 * The previews show a summary as GitHub shows it, in the built app in Chromium: a quote, a
 * nested list, a table, code, tasks, links that are shown and never followed, a named
 * character reference decoded — and a summary's hostile markup as inert text.
 */
const SUMMARY = `Acme Corp runs Globex Mesh in production; the team at Nestl&eacute; Labs agreed.

> "We moved 40 clusters in a quarter and never looked back."

1. Control plane
   - three replicas per region
2. Data plane on \`3,000\` nodes

| Region | Clusters | Notes |
|:-------|---------:|-------|
| EU | 18 | upgraded_every_quarter_after_a_week_in_staging_with_canaries_in_each_region |

\`\`\`yaml
mesh: strict # a_long_line_of_configuration_that_would_push_the_window_sideways_if_it_did_not_wrap
\`\`\`

- [x] upgraded to 2.0

See [the case study](https://acme.example/mesh), [this](javascript:alert(1)) and <img src=x onerror="window.__pwned=1">.

<script>window.__pwned = 2</script>`;

let harness: Harness;
let browser: Browser;
let page: Page;
let seeded: Awaited<ReturnType<typeof seedGlobexMesh>>;

beforeAll(async () => {
  harness = await startHarness({ dbFile: path.join(tempDir('adoption-desk-preview-'), 'preview.sqlite') });
  seeded = await seedGlobexMesh(harness.desk.services);
  const first = seeded.adopters[0]!;
  const current = (await harness.desk.services.getInterview({ id: first.interview.id })).interview;
  await harness.desk.services.updateInterview({ id: current.id, version: current.version, summary: SUMMARY });
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** What a preview holds, read in the page. */
const inspect = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((root) => ({
    text: root.textContent ?? '',
    quote: root.querySelector('blockquote')?.textContent?.trim() ?? null,
    nested: root.querySelector('ol > li > ul > li')?.textContent ?? null,
    cells: [...root.querySelectorAll('table th, table td')].map((cell) => `${cell.textContent}${cell.className ? `:${cell.className}` : ''}`),
    code: root.querySelector('pre code')?.textContent ?? null,
    task: (root.querySelector('input[type=checkbox]') as HTMLInputElement | null)?.checked ?? null,
    links: [...root.querySelectorAll('.md-link')].map((a) => `${a.textContent} → ${a.getAttribute('title')}`),
    active: root.querySelectorAll('[href], [src], [onerror], script, img, iframe').length,
  }));

const EXPECTED = {
  quote: '"We moved 40 clusters in a quarter and never looked back."',
  nested: 'three replicas per region',
  cells: ['Region:align-left', 'Clusters:align-right', 'Notes', 'EU:align-left', '18:align-right', 'upgraded_every_quarter_after_a_week_in_staging_with_canaries_in_each_region'],
  code: 'mesh: strict # a_long_line_of_configuration_that_would_push_the_window_sideways_if_it_did_not_wrap',
  task: true,
  // A javascript: target is no link in the published section (templates/markdown/contain.ts): its text stays.
  links: ['the case study → https://acme.example/mesh'],
  active: 0,
};

describe('the Markdown previews', () => {
  it('show the summary as GitHub does on the adopter page and in the section', { timeout: 60_000 }, async () => {
    const first = seeded.adopters[0]!;
    await harness.open(page, `#/p/${seeded.project.id}/a/${first.adopter.id}`);
    await page.getByTestId('entry-preview').locator('blockquote').waitFor();
    const entry = await inspect(page, 'entry-preview');
    expect(entry).toMatchObject(EXPECTED);
    expect(entry.text).toContain('Nestlé Labs');
    expect(entry.text).not.toContain('&eacute;');
    expect(entry.text).toContain('<script>window.__pwned = 2</script>');
    await screenshot(page, 'markdown-entry-preview');

    await harness.open(page, `#/p/${seeded.project.id}/preview`);
    await page.getByTestId('section-preview').locator('blockquote').waitFor();
    expect(await inspect(page, 'section-preview')).toMatchObject(EXPECTED);
    // The section's heading sits under the screen's h2; entries under it.
    expect(await page.getByTestId('section-preview').locator('h3, h4').evaluateAll((hs) => hs.map((h) => `${h.tagName}:${h.textContent}`).slice(0, 2))).toEqual([
      'H3:Adoption',
      'H4:Adopter 1 - Acme Corp/Media',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'markdown-section-preview');

    // A link is reachable by keyboard and leads nowhere.
    const link = page.getByTestId('section-preview').locator('.md-link', { hasText: 'the case study' });
    await link.focus();
    await page.keyboard.press('Enter');
    await link.click();
    expect(page.url()).toContain(`#/p/${seeded.project.id}/preview`);

    // A long table cell or code line wraps: the window never scrolls sideways (200% zoom of 1200 × 800).
    await page.setViewportSize({ width: 600, height: 400 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1200, height: 800 });

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(browser.errors).toEqual([]);
    expect(browser.requests.filter((url) => !isOwnOrigin(url, harness.url))).toEqual([]);
  });

  it('follow the summary as it is typed', async () => {
    const first = seeded.adopters[0]!;
    await harness.open(page, `#/p/${seeded.project.id}/a/${first.adopter.id}/i/${first.interview.id}`);
    await page.getByTestId('summary').fill('Typed &amp; read:\n\n> a new quote\n\n- outer\n  1. inner');
    await expect.poll(() => inspect(page, 'entry-preview')).toMatchObject({ quote: 'a new quote', nested: null });
    expect(await page.getByTestId('entry-preview').locator('ul > li > ol > li').textContent()).toBe('inner');
    expect(await page.getByTestId('entry-preview').textContent()).toContain('Typed & read:');
  });
});
