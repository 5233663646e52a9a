import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

describe('the app shell in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('baseUrl'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with the China preset as the first document', async () => {
    await expect.poll(() => page.getByTestId('document-name').textContent()).toBe('China Account Management');
    await expect.poll(() => page.locator('[data-id="head-cn"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
