/**
 * The rules speak the UI language (issue 20): in Chinese, the findings panel words every
 * finding, rule title and explanation in Chinese, with the source quote in its English
 * original and a Chinese rendering beside it; the rule settings list the rules by their
 * Chinese titles. Switching back words the same findings in English again.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, openApp } from './browser.ts';

const HAN = /[\u4e00-\u9fff]/;
const antiPatterns = (JSON.parse(readFileSync(new URL('../../presets/anti-patterns.json', import.meta.url), 'utf8')) as { name: string }).name;

describe('rules in the UI language', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    it(`words findings, explanations and rule settings in Chinese at ${viewport.width}×${viewport.height}`, async () => {
      await context?.close();
      ({ context, page } = await openApp(browser, viewport));
      await page.getByRole('button', { name: 'Presets', exact: true }).click();
      await page.getByRole('button', { name: antiPatterns, exact: true }).click();
      const panel = page.locator('section.findings');
      await expect.poll(() => panel.locator('[data-rule="SPAN-002"]').count()).toBeGreaterThan(0);
      const englishMessages = await panel.locator('.finding-message').allTextContents();

      await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await expect.poll(() => panel.locator('.finding-message').first().textContent()).toMatch(HAN);
      const messages = await panel.locator('.finding-message').allTextContents();
      expect(messages.length).toBe(englishMessages.length);
      for (const message of messages) expect(message).toMatch(HAN);

      // "Why this rule": the title and explanation in Chinese, the quote in English with its Chinese rendering.
      const why = panel.locator('[data-rule="STR-002"] details.rule-why').first();
      await why.locator('summary').click();
      expect(await why.locator('summary').textContent()).toMatch(HAN);
      expect(await why.locator('p').first().textContent()).toMatch(HAN);
      const quote = why.locator('blockquote q[lang="en"]').first();
      expect(await quote.textContent()).toContain('The Head of Account Management is a senior leadership position');
      expect(await why.locator('.quote-rendering').first().textContent()).toMatch(/客户管理负责人/);

      // The rule settings of the document: Chinese titles, Chinese severities.
      await page.keyboard.press('Escape');
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      const settings = page.locator('fieldset.rule-settings');
      await settings.waitFor();
      const row = settings.locator('tr', { has: page.locator('code', { hasText: 'SPAN-002' }) });
      expect(await row.textContent()).toContain('管理跨度在原型范围内');
      expect(await row.locator('select option').allTextContents()).toEqual(expect.arrayContaining(['错误', '警告', '提示']));

      // Back in English: the same findings, worded as the engine wrote them.
      await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
      await expect.poll(() => panel.locator('.finding-message').allTextContents()).toEqual(englishMessages);
    });
  }

  it('paints the chart before the rules load, says so, and says when they cannot load', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    page = await context.newPage();
    // The rules' chunk held back for a second: the chart is there, the findings say they are coming.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/api-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(inject('baseUrl'));
    await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
    const panel = page.locator('section.findings');
    await expect.poll(() => panel.textContent()).toContain('Checking the rules…');
    expect(await panel.textContent()).not.toContain('No findings');
    release();
    // The China preset follows every rule: once checked, the panel says so.
    await expect.poll(() => panel.textContent()).toContain('No findings: the design follows every rule.');
    expect(await panel.textContent()).not.toContain('Checking the rules…');

    // A chunk that cannot load (the app was updated on the server meanwhile): said, and the chart still works.
    const broken = await context.newPage();
    await broken.route(/\/assets\/api-[^/]*\.js$/, (route) => route.abort());
    await broken.goto(inject('baseUrl'));
    await broken.locator('.react-flow__node[data-id="head-cn"]').waitFor();
    await expect.poll(() => broken.locator('section.findings [role="alert"]').textContent()).toContain('The rules could not load');
    await broken.locator('.react-flow__node[data-id="head-cn"]').click();
    await expect.poll(() => broken.locator('.react-flow__node.selected').count()).toBe(1);
  });
});
