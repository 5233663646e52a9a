/**
 * PNG export of a large chart (issue 17, point 7): the default scale keeps it quick, the
 * dialog shows which step runs, Cancel stops it with nothing downloaded, and the PNG is
 * encoded in a worker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serializeDocument } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { launchBrowser, openApp } from './browser.ts';

describe('PNG export of a large chart', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows progress, can be cancelled, and encodes in a worker at the default scale', async () => {
    const { context, page, errors } = await openApp(browser, { width: 1440, height: 900 });
    const file = join(mkdtempSync(join(tmpdir(), 'org-export-')), 'thousand.json');
    writeFileSync(file, serializeDocument({ ...generateOrg({ roles: 1000, seed: 3 }), name: 'Thousand' }));
    await page.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(() => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' }).inputValue()).toBe('Thousand');
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    let downloads = 0;
    page.on('download', () => downloads++);

    await page.getByRole('button', { name: 'Export PNG', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export picture' });
    expect(await dialog.getByRole('combobox').first().inputValue()).toBe('auto');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.locator('.export-progress').waitFor();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => dialog.locator('.export-progress').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);
    expect(await dialog.isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('Thousand.png');
    // "Auto" is 1× for a chart this large: the picture is the chart's own size.
    expect(workers.some((url) => /encodePng/.test(url))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
