import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seedGlobexMesh } from '../helpers/seed';
import { tempDir } from '../helpers/temp-dir';
import { openBrowser, screenshot, type Browser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

let harness: Harness | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await harness?.close();
});

/** Relative luminance of the page background (0 black … 1 white). */
const backgroundLuminance = (page: Page) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number) as [number, number, number];
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });

async function open(colorScheme: 'light' | 'dark') {
  harness = await startHarness({ dbFile: path.join(tempDir(), 'appearance.sqlite') });
  const seeded = await seedGlobexMesh(harness.desk.services);
  browser = await openBrowser({ colorScheme });
  await harness.open(browser.page);
  await browser.page.getByRole('link', { name: 'Globex Mesh' }).waitFor();
  return { page: browser.page, seeded };
}

describe('appearance', () => {
  it('follows a dark system theme, and the Settings choice overrides it', async () => {
    const { page } = await open('dark');
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await screenshot(page, 'dark-projects');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('light');
    await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.8);
    await page.getByLabel('Theme').selectOption('system');
    await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.05);
  });

  it('stays readable at 200% zoom: no screen scrolls sideways', async () => {
    const { page, seeded } = await open('light');
    const project = seeded.project.id;
    const first = seeded.adopters[0]!;
    const screens = [
      '#/',
      `#/p/${project}`,
      `#/p/${project}/preview`,
      `#/p/${project}/a/${first.adopter.id}`,
      `#/p/${project}/a/${first.adopter.id}/i/${first.interview.id}`,
      '#/settings',
    ];
    // 200% zoom of a 1200 × 800 window is a 600 × 400 CSS-pixel viewport: that is what the page gets.
    await page.setViewportSize({ width: 600, height: 400 });
    for (const hash of screens) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${hash} scrolls sideways by ${overflow}px at 200%`).toBeLessThanOrEqual(1);
    }
    await screenshot(page, 'zoom-200-interview');
  });
});
