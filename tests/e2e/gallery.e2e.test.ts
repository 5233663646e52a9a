/**
 * The presets gallery (issue 21, docs/designer.md "Presets gallery") in Chromium, at
 * 1440×900 and 1280×720: a dialog of cards with each preset's name (the ui.md hook: a
 * button named exactly the preset's name), description, role count and a thumbnail
 * drawn from the model, and a blank document; Tab and the arrows move between cards,
 * Enter loads one, Escape closes; every preset loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

interface Preset {
  file: string;
  name: string;
  description: string;
  roles: number;
}

const PRESETS: Preset[] = readdirSync(new URL('../../presets/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const doc = JSON.parse(readFileSync(new URL(`../../presets/${f}`, import.meta.url), 'utf8')) as { name: string; description: string; roles: unknown[] };
    return { file: f.replace(/\.json$/, ''), name: doc.name, description: doc.description, roles: doc.roles.length };
  });

const presetsButton = (page: Page) => page.getByRole('button', { name: 'Presets', exact: true });
const gallery = (page: Page) => page.getByRole('dialog', { name: 'Presets', exact: true });
const docName = (page: Page) => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' });
const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? null);

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  describe(`the presets gallery at ${viewport.width}×${viewport.height}`, () => {
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

    it('shows a card per preset with its description, role count and a drawn thumbnail, and a blank document, inside the window', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      await presetsButton(page).click();
      const dialog = gallery(page);
      await dialog.waitFor();
      expect(await dialog.locator('h2').textContent()).toBe('Start from a preset');
      const cards = dialog.locator('.gallery-card');
      await expect.poll(() => cards.count()).toBe(PRESETS.length + 1);
      for (const preset of PRESETS) {
        const button = dialog.getByRole('button', { name: preset.name, exact: true });
        expect(await button.count()).toBe(1);
        const card = cards.filter({ has: page.getByRole('button', { name: preset.name, exact: true }) });
        expect(await card.locator('.gallery-desc').textContent()).toBe(preset.description);
        expect(await card.locator('.gallery-meta').textContent()).toBe(`${preset.roles} roles`);
        // The description and the count are the button's description, not its name.
        const described = await button.evaluate((el) =>
          (el.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' | '),
        );
        expect(described).toBe(`${preset.roles} roles | ${preset.description}`);
        // The thumbnail: drawn from the model (boxes and lines in an SVG), hidden from assistive tools.
        const thumb = card.locator('svg.gallery-thumb');
        expect(await thumb.getAttribute('aria-hidden')).toBe('true');
        expect(await thumb.locator('rect').count()).toBeGreaterThan(3);
        expect(await thumb.locator('rect').count()).toBeLessThanOrEqual(preset.roles);
        expect((await thumb.locator('path').first().getAttribute('d'))!.length).toBeGreaterThan(20);
        const fills = new Set(await thumb.locator('rect').evaluateAll((els) => els.map((e) => e.getAttribute('fill'))));
        expect(fills.size).toBeGreaterThan(1);
        // Drawn at a size one can see.
        const box = (await thumb.boundingBox())!;
        expect(box.width).toBeGreaterThan(150);
        expect(box.height).toBeGreaterThan(60);
      }
      expect(await dialog.getByRole('button', { name: 'Blank document', exact: true }).count()).toBe(1);
      expect(await cards.filter({ has: page.getByRole('button', { name: 'Blank document', exact: true }) }).locator('.gallery-meta').textContent()).toBe('1 role');
      expect(await cards.filter({ has: page.getByRole('button', { name: 'Blank document', exact: true }) }).locator('svg rect').count()).toBe(1);
      // Only one control per card (nothing nested in the button but its name).
      expect(await dialog.locator('.gallery-card button').count()).toBe(PRESETS.length + 1);
      expect(await dialog.locator('.gallery-open :is(button, a, input, svg)').count()).toBe(0);
      // Every card fits inside the window without scrolling the page.
      const dialogBox = (await dialog.boundingBox())!;
      expect(dialogBox.y).toBeGreaterThanOrEqual(0);
      expect(dialogBox.y + dialogBox.height).toBeLessThanOrEqual(viewport.height);
      expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(viewport.width);
      // The whole card is the click target: a click on the thumbnail loads that preset.
      const lean = PRESETS.find((p) => p.file === 'lean-player-coach-pod')!;
      await cards.filter({ has: page.getByRole('button', { name: lean.name, exact: true }) }).click({ position: { x: 40, y: 30 } });
      await expect.poll(() => docName(page).inputValue()).toBe(lean.name);
      await expect.poll(() => dialog.count()).toBe(0);
    });

    it('moves between cards with Tab and the arrows, loads with Enter, closes with Escape', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      await presetsButton(page).click();
      await gallery(page).locator('.gallery-card').nth(PRESETS.length).waitFor();
      // The first card has the focus once the presets are in.
      await expect.poll(() => focusedName(page)).toBe('China Account Management');
      await page.keyboard.press('ArrowRight');
      const second = await focusedName(page);
      expect(second).not.toBe('China Account Management');
      await page.keyboard.press('ArrowLeft');
      expect(await focusedName(page)).toBe('China Account Management');
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe(second);
      await page.keyboard.press('Shift+Tab');
      // Down: the card under it in the next row.
      const firstBox = (await page.locator(':focus').boundingBox())!;
      await page.keyboard.press('ArrowDown');
      const belowBox = (await page.locator(':focus').boundingBox())!;
      expect(belowBox.y).toBeGreaterThan(firstBox.y + 20);
      expect(Math.abs(belowBox.x - firstBox.x)).toBeLessThan(10);
      await page.keyboard.press('ArrowUp');
      expect(await focusedName(page)).toBe('China Account Management');
      await page.keyboard.press('End');
      expect(await focusedName(page)).toBe('Blank document');
      await page.keyboard.press('Home');
      expect(await focusedName(page)).toBe('China Account Management');

      // Escape closes, and the focus returns to "Presets".
      await page.keyboard.press('Escape');
      await expect.poll(() => gallery(page).count()).toBe(0);
      expect(await presetsButton(page).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await docName(page).inputValue()).toBe('China Account Management');

      // Enter loads the focused card.
      await page.keyboard.press('Enter');
      await gallery(page).locator('.gallery-card').nth(PRESETS.length).waitFor();
      await expect.poll(() => focusedName(page)).toBe('China Account Management');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await expect.poll(() => docName(page).inputValue()).toBe('New organization');
      await expect.poll(() => gallery(page).count()).toBe(0);
    });

    it('loads each preset from its card', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      for (const preset of [...PRESETS].reverse()) {
        await presetsButton(page).click();
        await gallery(page).getByRole('button', { name: preset.name, exact: true }).click();
        await expect.poll(() => docName(page).inputValue()).toBe(preset.name);
        await expect.poll(() => gallery(page).count()).toBe(0);
        await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);
      }
    });

    it('reads in Chinese: the dialog’s words, the count, the blank document; the presets keep their names', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await expect.poll(() => page.locator('.toolbar .app-name').textContent()).toMatch(/[\u4e00-\u9fff]/);
      await page.locator('.toolbar [data-item="presets"]').click();
      // Named by the English hook, after the Chinese heading (Modal): "从预设开始 Presets".
      const dialog = page.getByRole('dialog', { name: /(^| )Presets$/ });
      expect(await dialog.locator('h2').textContent()).toBe('从预设开始');
      await dialog.locator('.gallery-card').nth(PRESETS.length).waitFor();
      const china = PRESETS.find((p) => p.file === 'china-account-management')!;
      const card = dialog.locator('.gallery-card').filter({ has: page.getByRole('button', { name: china.name, exact: true }) });
      expect(await card.locator('.gallery-meta').textContent()).toBe(`${china.roles} 个岗位`);
      // The preset's own words are English, and marked so.
      expect(await card.locator('.gallery-desc').getAttribute('lang')).toBe('en');
      expect(await dialog.getByRole('button', { name: '空白文档', exact: true }).count()).toBe(1);
      const dialogBox = (await dialog.boundingBox())!;
      expect(dialogBox.y + dialogBox.height).toBeLessThanOrEqual(viewport.height);
    });
  });
}
