/**
 * Live search (issue 21, docs/designer.md "Search") in Chromium, at 1440×900 and 1280×720:
 * results as you type in a listbox under the field (the WAI-ARIA combobox pattern), the
 * manager's title telling roles of the same title apart, the count; arrows and Enter select
 * the highlighted role and centre it; Escape closes the list, a second clears the field; a
 * "no match" never stays once the query matches; titles in the UI language, matched in both.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

interface PresetRole {
  id: string;
  title: string;
  titles: Record<string, string>;
}

/** The China preset with a twin: sam-north-1 takes the East SAMs' title (English and Chinese), under another manager. */
function twinsDocument(): string {
  const doc = JSON.parse(readFileSync(new URL('../../presets/china-account-management.json', import.meta.url), 'utf8')) as { name: string; roles: PresetRole[] };
  doc.name = 'Twins';
  const east = doc.roles.find((r) => r.id === 'sam-east-1')!;
  const north = doc.roles.find((r) => r.id === 'sam-north-1')!;
  north.title = east.title;
  north.titles = { ...east.titles };
  return JSON.stringify(doc, null, 2);
}

const TWIN_TITLE = 'Senior Account Manager, East China (Shanghai)';

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search roles' });
const results = (page: Page) => page.getByRole('listbox');
const options = (page: Page) => results(page).getByRole('option');
const inspectorId = (page: Page) => page.locator('.inspector h2 code').first().textContent();

/** How far a role's card is from the centre of the canvas, in px. */
async function offCentre(page: Page, id: string): Promise<number> {
  const card = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  const pane = await page.locator('.react-flow').boundingBox();
  if (!card || !pane) return Infinity;
  return Math.hypot(card.x + card.width / 2 - (pane.x + pane.width / 2), card.y + card.height / 2 - (pane.y + pane.height / 2));
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  describe(`live search at ${viewport.width}×${viewport.height}`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let errors: string[];

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

    async function openTwins() {
      ({ context, page, errors } = await openApp(browser, viewport));
      await page.locator('input[type="file"]').setInputFiles({ name: 'twins.json', mimeType: 'application/json', buffer: Buffer.from(twinsDocument()) });
      await expect.poll(() => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' }).inputValue()).toBe('Twins');
    }

    it('shows results as you type, with the count, and the manager’s title tells twins apart', async () => {
      await openTwins();
      const box = searchBox(page);
      await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
      await box.click();
      await page.keyboard.type('senior account manager, east');
      // No Enter: the list is there, under the field, and the field controls it.
      await results(page).waitFor();
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      expect(await box.getAttribute('aria-controls')).toBe(await results(page).getAttribute('id'));
      await expect.poll(() => options(page).count()).toBe(4);
      expect(await page.locator('.search-summary').textContent()).toBe('4 roles match');
      const texts = await options(page).allTextContents();
      for (const text of texts) expect(text).toContain(TWIN_TITLE);
      // Twins read apart: id, holder and the manager's title.
      const north = options(page).filter({ hasText: 'sam-north-1' });
      expect(await north.textContent()).toContain('reports to Account Management Lead, North China (Beijing)');
      expect(await north.textContent()).toContain('Zhu Yan');
      const east = options(page).filter({ hasText: 'sam-east-2' });
      expect(await east.textContent()).toContain('reports to Account Management Lead, East China (Shanghai)');
      expect(await east.textContent()).toContain('Chen Jing');
      // The matched words are marked.
      expect(await options(page).first().locator('mark').first().textContent()).toBe('Senior Account Manager, East');
      // The list sits under the field and inside the window.
      const field = (await box.boundingBox())!;
      const list = (await page.locator('.search-popup').boundingBox())!;
      expect(list.y).toBeGreaterThanOrEqual(field.y + field.height);
      expect(list.x).toBeGreaterThanOrEqual(0);
      expect(list.x + list.width).toBeLessThanOrEqual(viewport.width);
      expect(list.y + list.height).toBeLessThanOrEqual(viewport.height);

      // Narrowing the query narrows the list at once; ids and holders match too.
      await page.keyboard.type(' china (shanghai)');
      await expect.poll(() => options(page).count()).toBe(4);
      await box.fill('zhu yan');
      await expect.poll(() => options(page).allTextContents()).toEqual([expect.stringContaining('sam-north-1')]);
      expect(await page.locator('.search-summary').textContent()).toBe('1 role matches');
      await box.fill('LEAD-SOUTH');
      await expect.poll(() => options(page).first().getAttribute('data-id')).toBe('lead-south');
    });

    it('arrows move, Enter selects the highlighted role and centres it; Escape closes the list, a second clears the field', async () => {
      await openTwins();
      const box = searchBox(page);
      await box.click();
      await page.keyboard.type(TWIN_TITLE);
      await expect.poll(() => options(page).count()).toBe(4);
      // The first result is highlighted as you type; the arrows make the highlighted option the active descendant.
      expect(await options(page).first().getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      const active = (await box.getAttribute('aria-activedescendant'))!;
      const highlighted = page.locator(`[id="${active}"]`);
      expect(await highlighted.getAttribute('aria-selected')).toBe('true');
      expect(await highlighted.getAttribute('data-index')).toBe('2');
      const id = (await highlighted.getAttribute('data-id'))!;
      expect(await page.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
      // The focus stays in the field throughout.
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.keyboard.press('Enter');
      await expect.poll(() => inspectorId(page)).toBe(id);
      await expect.poll(() => offCentre(page, id), { timeout: 5_000 }).toBeLessThan(40);
      expect(await results(page).isVisible()).toBe(false);
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(await box.inputValue()).toBe(TWIN_TITLE);

      // With the list closed, Enter goes on to the next result.
      await page.keyboard.press('Enter');
      const next = await page.locator('[role="option"]').nth(3).getAttribute('data-id');
      await expect.poll(() => inspectorId(page)).toBe(next);

      // Arrow down opens the list again; Escape closes it, keeping the text; a second Escape clears it.
      await page.keyboard.press('ArrowDown');
      await results(page).waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => results(page).isVisible()).toBe(false);
      expect(await box.inputValue()).toBe(TWIN_TITLE);
      // Escape in the field does not clear the canvas's selection.
      expect(await inspectorId(page)).toBe(next);
      await page.keyboard.press('Escape');
      expect(await box.inputValue()).toBe('');
    });

    it('a stale “no match” never stays, and a click picks a result', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      const box = searchBox(page);
      await box.click();
      await page.keyboard.type('zzz-nobody');
      await expect.poll(() => page.locator('.search-popup').textContent()).toContain('No role matches “zzz-nobody”.');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'No role matches' }).count()).toBe(1);
      // Enter on no match says so again, and selects nothing.
      await page.keyboard.press('Enter');
      // The next query that matches: the message is gone at once, everywhere on the page.
      await box.fill('li wei');
      await expect.poll(() => options(page).count()).toBeGreaterThan(0);
      expect(await page.getByText('No role matches').count()).toBe(0);
      await options(page).filter({ hasText: 'head-cn' }).click();
      await expect.poll(() => inspectorId(page)).toBe('head-cn');
      await expect.poll(() => offCentre(page, 'head-cn'), { timeout: 5_000 }).toBeLessThan(40);
      expect(await page.getByText('No role matches').count()).toBe(0);
      // Clicking elsewhere closes the list.
      await box.click();
      await results(page).waitFor();
      await page.locator('.status-line').click();
      await expect.poll(() => results(page).isVisible()).toBe(false);
    });

    it('in Chinese: titles in the language, matched in either; the name keeps the English hook', async () => {
      await openTwins();
      await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await expect.poll(() => page.locator('.toolbar .app-name').textContent()).toMatch(/[\u4e00-\u9fff]/);
      const box = searchBox(page);
      await box.click();
      await page.keyboard.type('华东区（上海）高级客户经理');
      await expect.poll(() => options(page).count()).toBe(4);
      expect(await page.locator('.search-summary').textContent()).toBe('4 个职位匹配');
      expect(await options(page).filter({ hasText: 'sam-north-1' }).textContent()).toContain('上级：华北区（北京）客户管理主管');
      // An English query finds the same roles, shown by their Chinese titles with the English title that matched.
      await box.fill('senior account manager, east');
      await expect.poll(() => options(page).count()).toBe(4);
      const first = (await options(page).first().textContent())!;
      expect(first).toContain('华东区（上海）高级客户经理');
      expect(first).toContain(TWIN_TITLE);
      await box.fill('不存在');
      await expect.poll(() => page.locator('.search-popup').textContent()).toContain('没有与“不存在”匹配的职位。');
    });
  });
}
