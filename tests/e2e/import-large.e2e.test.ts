/**
 * Large spreadsheets through the import dialog in Chromium, under the app's
 * Content-Security-Policy (issue 19): a 20,000-person .xlsx whose sheet is big enough that
 * fflate would inflate it in a blob: worker (which script-src 'self' refuses; xlsx.ts
 * unzips the workbook itself), and a 50,000-row CSV, the most a document holds.
 * Each is previewed, imported as a new document and found in the Documents dialog.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';
import { workbook } from '../fixtures/import/make-xlsx.ts';

/** fflate inflates a zip entry of at least this many bytes in a Web Worker (unless it barely compresses). */
const FFLATE_WORKER_BYTES = 524_288;

const TITLES = ['Head of Account Management', 'Account Management Lead', 'Senior Account Manager', 'Account Manager'];

/**
 * `count` people in one tree: person 1 at the top, each other person reporting to the
 * person before them in breadth-first order, eight to a manager. Ids are numbers, as an
 * HR export writes employee numbers.
 */
function people(count: number): [number, string, string, number | ''][] {
  const rows: [number, string, string, number | ''][] = [];
  const depth: number[] = [0];
  for (let i = 1; i <= count; i++) {
    const manager = i === 1 ? 0 : Math.floor((i - 2) / 8) + 1;
    depth[i] = i === 1 ? 0 : depth[manager]! + 1;
    rows.push([100_000 + i, `Person ${i}`, TITLES[Math.min(depth[i]!, TITLES.length - 1)]!, manager === 0 ? '' : 100_000 + manager]);
  }
  return rows;
}

const HEADERS = ['Employee ID', 'Name', 'Job Title', 'Manager ID'];
const docName = (page: Page) => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import spreadsheet' });

describe('large spreadsheets through the import dialog in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const dir = mkdtempSync(join(tmpdir(), 'org-import-large-'));

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });

  /** Imports the file through the toolbar's Import control and checks the preview, the new document and the library entry. */
  async function importAndOpen(path: string, name: string, roles: string) {
    ({ context, page, errors } = await openApp(browser, { width: 1440, height: 900 }));
    await page.locator('input[type="file"]').setInputFiles(path);
    await dialog(page).waitFor();
    await expect.poll(() => dialog(page).locator('[data-preview="roles"]').textContent(), { timeout: 120_000 }).toBe(`${roles} roles, 1 top roles`);
    await dialog(page).getByRole('button', { name: 'Import as a new document' }).click();
    await expect.poll(() => dialog(page).count(), { timeout: 60_000 }).toBe(0);
    expect(await docName(page).inputValue()).toBe(name);
    // The chart shows the new document: the preset's head role is gone, and roles (or the overview drawing them) are there.
    await expect.poll(() => page.locator('.react-flow__node[data-id="head-cn"]').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__node, canvas.overview-layer').count()).toBeGreaterThan(0);
    // The library holds it, open, with every role. (The role query is scoped to the toolbar:
    // over the whole page, with a chart this size, it outlasts the click's timeout.)
    await page.locator('.toolbar').getByRole('button', { name: 'Documents', exact: true }).click();
    const entry = page.locator('[data-document-id]').filter({ hasText: name });
    await expect.poll(() => entry.textContent()).toContain(`${roles} roles`);
    expect(await entry.locator('.document-open-badge').count()).toBe(1);
    await page.keyboard.press('Escape');
  }

  it('imports a 20,000-person .xlsx whose sheet fflate would inflate in a worker', { timeout: 180_000 }, async () => {
    const bytes = workbook([{ name: 'People', rows: [HEADERS, ...people(20_000)] }]);
    // The sheet takes fflate's worker path: over its size threshold, and compressing well.
    const sizes = new Map<string, { size: number; originalSize: number }>();
    unzipSync(bytes, { filter: (file) => (sizes.set(file.name, file), false) });
    const sheet = sizes.get('xl/worksheets/sheet1.xml')!;
    expect(sheet.originalSize).toBeGreaterThan(FFLATE_WORKER_BYTES);
    expect(sheet.size).toBeLessThan(0.8 * sheet.originalSize);
    const file = join(dir, 'people-20000.xlsx');
    writeFileSync(file, bytes);
    await importAndOpen(file, 'people-20000', '20,000');
  });

  it('imports a 50,000-row CSV, the most roles a document holds', { timeout: 180_000 }, async () => {
    const csv = [HEADERS, ...people(50_000)].map((row) => row.join(',')).join('\r\n');
    const file = join(dir, 'people-50000.csv');
    writeFileSync(file, csv);
    await importAndOpen(file, 'people-50000', '50,000');
  });
});
