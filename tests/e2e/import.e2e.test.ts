/**
 * Spreadsheet import and CSV export (issue 19) in Chromium: a CSV and an .xlsx through
 * the Import control, the guessed mapping adjusted, the preview's counts, Import as a
 * new document with the right reporting lines, and Export CSV read back in.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

const CSV = [
  'Employee #,First Name,Last Name,Job Title,Department,Work Email,Supervisor email',
  'e1,Li,Wei,Head of Account Management,Account Management,li.wei@example.com,',
  'e2,Wang,Fang,Account Management Lead,Account Management,wang.fang@example.com,li.wei@example.com',
  'e3,Zhang,Min,Senior Account Manager,Account Management,zhang.min@example.com,wang.fang@example.com',
  'e4,Chen,Jie,Account Manager,Account Management,chen.jie@example.com,wang.fang@example.com',
  'e5,Liu,Yang,客户经理,客户管理,liu.yang@example.com,zhang.min@example.com',
].join('\r\n');

const fixtures = new URL('../fixtures/import/', import.meta.url);
const docName = (page: Page) => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import spreadsheet' });
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

describe('spreadsheet import in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const dir = mkdtempSync(join(tmpdir(), 'org-import-'));

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });

  async function importFile(path: string) {
    await page.locator('input[type="file"]').setInputFiles(path);
    await dialog(page).waitFor();
  }

  it('imports a CSV: the guessed mapping, one mapping changed, the preview, and the reporting lines', async () => {
    ({ context, page, errors } = await openApp(browser, { width: 1440, height: 900 }));
    const file = join(dir, 'team.csv');
    writeFileSync(file, CSV);
    await importFile(file);
    const select = (column: string) => dialog(page).getByRole('combobox', { name: `Field: ${column}` });
    await expect.poll(() => select('Job Title').inputValue()).toBe('title');
    expect(await select('Employee #').inputValue()).toBe('id');
    expect(await select('Supervisor email').inputValue()).toBe('manager');
    // Adjust one mapping: the department is not imported.
    await select('Department').selectOption('');
    await expect.poll(() => dialog(page).locator('[data-preview="roles"]').textContent()).toContain('5 roles, 1 top roles');
    await dialog(page).getByRole('button', { name: 'Import as a new document' }).click();
    await expect.poll(() => docName(page).inputValue()).toBe('team');
    await expect.poll(() => dialog(page).count()).toBe(0);
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5']) await node(page, id).waitFor();
    await expect.poll(() => node(page, 'e5').textContent()).toContain('Liu Yang');
    // Four reporting lines: e2 → e1, e3 and e4 → e2, e5 → e3.
    await expect.poll(() => page.locator('.react-flow__edge-reports').count()).toBe(4);

    // Export CSV, and read it back in: no mapping step needed, the same roles and lines.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('team.csv');
    const exported = join(dir, 'exported.csv');
    await download.saveAs(exported);
    expect(readFileSync(exported).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await importFile(exported);
    await expect.poll(() => dialog(page).getByRole('combobox', { name: 'Field: reportsTo' }).inputValue()).toBe('manager');
    await expect.poll(() => dialog(page).locator('[data-preview="roles"]').textContent()).toContain('5 roles, 1 top roles');
    await dialog(page).getByRole('button', { name: 'Import as a new document' }).click();
    await expect.poll(() => docName(page).inputValue()).toBe('exported');
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5']) await node(page, id).waitFor();
    await expect.poll(() => page.locator('.react-flow__edge-reports').count()).toBe(4);
  });

  it('imports an .xlsx workbook through the same dialog', async () => {
    ({ context, page, errors } = await openApp(browser, { width: 1440, height: 900 }));
    const workbook = existsSync(fixtures) ? readdirSync(fixtures).find((f) => f.endsWith('.xlsx')) : undefined;
    expect(workbook, 'an .xlsx fixture in tests/fixtures/import/').toBeDefined();
    await importFile(new URL(workbook!, fixtures).pathname);
    await expect.poll(() => dialog(page).locator('[data-preview="roles"]').textContent()).toMatch(/^\d+ roles/);
    expect(await dialog(page).textContent()).toContain('xlsx');
    // Another sheet can be picked; the first is read first.
    const sheetPicker = dialog(page).getByRole('combobox', { name: 'Sheet' });
    expect(await sheetPicker.inputValue()).toBe('People');
    await sheetPicker.selectOption('Notes');
    await expect.poll(() => dialog(page).locator('.import-mapping tbody tr').count()).toBe(1);
    await sheetPicker.selectOption('People');
    await expect.poll(() => dialog(page).locator('[data-preview="roles"]').textContent()).toMatch(/^3 roles/);
    await dialog(page).getByRole('button', { name: 'Import as a new document' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(1);
    await expect.poll(() => page.locator('.react-flow__edge-reports').count()).toBeGreaterThan(0);
  });
});
