/**
 * Every document that loads can be written (issue 16): a file whose rule parameter is
 * nested 20,000 deep (JSON.parse reads it, JSON.stringify cannot write it) is refused
 * on Import with an alert naming the path, and the open document stays as it was.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

const preset = readFileSync(new URL('../../presets/china-account-management.json', import.meta.url), 'utf8');

describe('Import refuses what could not be saved', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page, errors } = await openApp(browser, { width: 1400, height: 900 }));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('refuses a 20,000-deep rule parameter with an alert naming its path, and keeps the document', async () => {
    const depth = 20_000;
    const text = `{"format":"org-structure","version":1,"name":"Too deep","currency":"CNY","roles":[{"id":"a","title":"A","level":4}],"settings":{"rules":{"SPAN-001":{"params":{"minSpan":2,"x":${'['.repeat(depth)}1${']'.repeat(depth)}}}}}}`;
    await page.locator('input[type="file"]').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/deep\.json: settings\.rules\["SPAN-001"\]\.params\.x(\[0\])+: arrays and objects nest more than 32 levels deep/);

    const docName = page.locator('.toolbar').getByRole('textbox', { name: 'Document name' });
    expect(await docName.inputValue()).toBe('China Account Management');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
    expect(await page.locator('.react-flow__node[data-id="head-cn"]').count()).toBe(1);
    // The document as it was, and still writable: Export JSON gives the preset's text.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON', exact: true }).click()]);
    expect(readFileSync(await download.path(), 'utf8')).toBe(preset);
    expect(errors).toEqual([]);
  });
});
