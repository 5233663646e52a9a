/**
 * axe-core (an npm dev dependency) inside Chromium, on every screen a person meets, in
 * English and in Chinese (issue 21, point 8): the main screen with and without a selection,
 * with findings (the anti-patterns preset), with every panel hidden, each dialog, the search
 * list and an import's problems. Zero violations, best practices included.
 *
 * axe runs through page.evaluate (DevTools evaluation), so the page's strict
 * Content-Security-Policy stays in force and is still watched (browser.ts).
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const antiPatterns = (JSON.parse(readFileSync(new URL('../../presets/anti-patterns.json', import.meta.url), 'utf8')) as { name: string }).name;

/** The violations axe finds on the page as it is, one line each (rule, count, first targets). */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? '').split('\n')[1]?.trim() ?? ''})`).join(' | ')}`);
  });
}

/** Switches the UI language from either language. */
async function language(page: Page, lang: 'en' | 'zh-CN') {
  await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.waitForTimeout(300);
}

/** Clicks a toolbar button by its English hook, whatever the UI language ("新建 New" holds "New"). */
const hook = (page: Page, english: string) => page.locator('.toolbar').getByRole('button', { name: new RegExp(`(^| )${english}$`) });

describe('accessibility: axe-core finds nothing, in English and in Chinese', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'org-a11y-'));

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      it(`the main screen, a selection, findings and hidden panels (${lang}, ${viewport.width}×${viewport.height})`, async () => {
        await context?.close();
        ({ context, page } = await openApp(browser, viewport));
        await language(page, lang);
        await page.locator('section.findings .all-clear').waitFor(); // the rules have loaded
        expect(await violations(page), 'main screen').toEqual([]);
        // axe does look: a button without a name is found.
        await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('button'), { id: 'axe-probe' })));
        expect((await violations(page)).join(' ')).toContain('button-name');
        await page.evaluate(() => document.getElementById('axe-probe')!.remove());

        await page.locator('.react-flow__node[data-id="head-cn"]').click();
        await page.locator('.inspector h2').first().waitFor();
        expect(await violations(page), 'a role selected').toEqual([]);

        await hook(page, 'Presets').click();
        await page.getByRole('button', { name: antiPatterns, exact: true }).click();
        await expect.poll(() => page.locator('section.findings [data-rule]').count()).toBeGreaterThan(10);
        expect(await violations(page), 'findings of the anti-patterns').toEqual([]);

        for (const name of [/Hide palette$/, /Hide inspector$/, /Hide findings and metrics$/]) await page.getByRole('button', { name }).click();
        expect(await violations(page), 'every panel hidden').toEqual([]);
      });
    }

    it(`each dialog, the search list and an import's problems (${lang})`, async () => {
      await context?.close();
      ({ context, page } = await openApp(browser, { width: 1440, height: 900 }));
      await language(page, lang);

      await hook(page, 'Documents').click();
      await page.getByRole('dialog', { name: 'Documents' }).waitFor();
      expect(await violations(page), 'Documents').toEqual([]);
      await page.keyboard.press('Escape');

      await hook(page, 'Versions').click();
      await page.getByRole('dialog', { name: 'Versions' }).waitFor();
      expect(await violations(page), 'Versions').toEqual([]);
      await page.keyboard.press('Escape');

      await hook(page, 'Export PNG').click();
      await page.getByRole('dialog', { name: 'Export picture' }).waitFor();
      expect(await violations(page), 'Export picture').toEqual([]);
      await page.keyboard.press('Escape');

      await hook(page, 'Presets').click();
      await page.getByRole('button', { name: antiPatterns, exact: true }).waitFor();
      expect(await violations(page), 'Presets').toEqual([]);
      await page.keyboard.press('Escape');

      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await violations(page), 'Keyboard shortcuts').toEqual([]);
      await page.keyboard.press('Escape');

      const search = page.getByRole('combobox', { name: /Search roles|查找/ });
      await search.fill('account');
      await page.waitForTimeout(300);
      expect(await violations(page), 'search results').toEqual([]);
      await search.press('Escape');

      const csv = join(dir, `team-${lang}.csv`);
      writeFileSync(csv, 'Employee #,Name,Job Title,Supervisor\n1,Wang Jun,Head of Account Management,\n2,Li Na,Account Manager,1\n');
      await page.locator('input[type="file"]').setInputFiles(csv);
      await page.getByRole('dialog', { name: 'Import spreadsheet' }).waitFor();
      expect(await violations(page), 'Import spreadsheet').toEqual([]);
      await page.keyboard.press('Escape');

      // The compare view of a scenario with its base.
      await hook(page, 'Documents').click();
      const documents = page.getByRole('dialog', { name: 'Documents' });
      await documents.getByRole('button', { name: /New scenario|新建方案/ }).first().click();
      await hook(page, 'Documents').click();
      await documents.getByRole('button', { name: /Compare with base|与基准比较/ }).first().click();
      const compare = page.getByRole('dialog', { name: 'Compare' });
      await compare.waitFor();
      for (let tab = 0; tab < (await compare.getByRole('tab').count()); tab++) {
        await compare.getByRole('tab').nth(tab).click();
        expect(await violations(page), `Compare, tab ${tab + 1}`).toEqual([]);
      }
      await page.keyboard.press('Escape');

      const broken = join(dir, `broken-${lang}.json`);
      const roles = Array.from({ length: 4 }, (_, i) => ({ id: `r${i}`, title: 'x', level: 0 }));
      writeFileSync(broken, JSON.stringify({ format: 'org-structure', version: 1, name: 'x', currency: 'CNY', roles }));
      await page.locator('input[type="file"]').setInputFiles(broken);
      await page.locator('[role="alert"] .message-details li').first().waitFor();
      expect(await page.locator('[role="alert"] .message-details li').count()).toBe(4);
      expect(await violations(page), 'an import refused').toEqual([]);
    });
  }
});
