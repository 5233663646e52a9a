/**
 * Room to work (issue 17, point 1) in Chromium at 1440 × 900 and 1280 × 720: the toolbar is
 * one row with nothing cut off (the rest in "More"), the canvas takes ≥ 60 % of the window by
 * default and ≥ 85 % with the panels hidden, hidden panels stay hidden after a reload, the
 * splitters resize by pointer and keyboard, and the hidden findings show their counts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

/** The canvas's share of the window's area. */
const canvasShare = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('.canvas-area')!.getBoundingClientRect();
    return (r.width * r.height) / (innerWidth * innerHeight);
  });
const separator = (page: Page, name: string) => page.getByRole('separator', { name, exact: true });
const widthOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!.width;

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  describe(`room at ${viewport.width} × ${viewport.height}`, () => {
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

    it('keeps the toolbar to one row with nothing cut off, the rest in "More"', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      for (const language of ['en', 'zh-CN']) {
        await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
        await expect.poll(() => page.locator('html').evaluate(() => document.querySelector('.toolbar .app-name')!.textContent)).toBe(language === 'en' ? 'Org Designer' : '组织架构设计器');
        const toolbar = (await page.locator('.toolbar').boundingBox())!;
        // In Chinese the name is the Chinese label, then the English hook ("新建 New": docs/spec/ui.md).
        const newButton = (await page.getByRole('button', { name: /(^| )New$/ }).boundingBox())!;
        // One row: the bar is as tall as one button and its padding.
        expect(toolbar.height).toBeLessThan(newButton.height * 1.8);
        const boxes = await page.locator('.toolbar button, .toolbar select, .toolbar input:not([type="file"]), .toolbar label').evaluateAll((els) =>
          els.map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent, ...el.getBoundingClientRect().toJSON() }) as { name: string; left: number; right: number; top: number; bottom: number }),
        );
        expect(boxes.length).toBeGreaterThan(8);
        for (const box of boxes) {
          expect(box.left, box.name).toBeGreaterThanOrEqual(0);
          expect(box.right, box.name).toBeLessThanOrEqual(viewport.width);
          expect(box.bottom, box.name).toBeLessThanOrEqual(toolbar.y + toolbar.height);
        }
      }
      await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
      const more = page.getByRole('button', { name: /^More/ });
      if (viewport.width === 1440) {
        // Everything fits at 1440 px: the names other tests click are plain toolbar buttons.
        expect(await more.count()).toBe(0);
        for (const name of ['Documents', 'Versions', 'New', 'Presets', 'Undo', 'Redo', 'Auto layout', 'Export JSON', 'Export PNG', 'Export SVG', 'Export CSV']) {
          await expect.poll(() => page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
        }
        // So at 1400 px (other browser tests' width), in either language.
        await page.setViewportSize({ width: 1400, height: viewport.height });
        for (const language of ['en', 'zh-CN']) {
          await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
          await expect.poll(() => page.getByRole('button', { name: /(^| )Export SVG$/ }).isVisible()).toBe(true);
          expect(await page.locator('.toolbar > [data-item="direction"]').isVisible()).toBe(true);
          expect(await more.count()).toBe(0);
        }
        return;
      }
      // At 1280 px the least used actions are in the menu: arrows move, Escape closes.
      expect(await more.getAttribute('aria-haspopup')).toBe('menu');
      await more.click();
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      const items = page.getByRole('menuitem');
      expect(await items.count()).toBeGreaterThan(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe(first);
      await page.keyboard.press('Escape');
      expect(await items.count()).toBe(0);
      expect(await more.getAttribute('aria-expanded')).toBe('false');
      // A menu item runs its action: Export SVG opens the export dialog.
      const named = await page.getByRole('button', { name: 'Export SVG', exact: true }).count();
      if (named === 0) {
        await more.click();
        await page.getByRole('menuitem', { name: 'Export SVG', exact: true }).click();
        await page.getByRole('dialog').first().waitFor();
      }
    });

    it('gives the canvas ≥ 60 % by default and ≥ 85 % with the panels hidden, remembered across a reload', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.6);
      // The hooks other tests use are there while the panels are shown.
      await page.getByRole('region', { name: 'Findings' }).waitFor();
      await page.getByRole('region', { name: 'Metrics' }).waitFor();
      await page.locator('aside.inspector h2').waitFor();
      for (const name of ['Hide palette', 'Hide inspector', 'Hide findings and metrics']) await page.getByRole('button', { name, exact: true }).click();
      expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.85);
      await page.reload();
      await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
      expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.85);
      expect(await page.locator('nav.palette').count()).toBe(0);
      // Each hidden panel leaves a bar that shows it again.
      // A hidden panel's bar is named by what it shows ("Show Role palette", "Show Findings and metrics 2 errors · …").
      for (const name of [/^Show Role palette$/, /^Show Inspector$/, /^Show Findings and metrics/]) await page.getByRole('button', { name }).click();
      await page.getByRole('region', { name: 'Findings' }).waitFor();
      await page.locator('aside.inspector h2').waitFor();
      expect(await page.locator('nav.palette').count()).toBe(1);
      expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.6);
    });

    it('resizes by dragging a splitter and from the keyboard (arrows, Enter hides and shows)', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      const splitter = separator(page, 'Resize palette');
      expect(await splitter.getAttribute('aria-orientation')).toBe('vertical');
      expect(await splitter.getAttribute('aria-controls')).toBe('panel-palette');
      const before = await widthOf(page, 'nav.palette');
      expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(Math.round(before));
      // Drag 60 px to the right: the palette is 60 px wider.
      const box = (await splitter.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2, { steps: 3 });
      await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 3 });
      await page.mouse.up();
      await expect.poll(() => widthOf(page, 'nav.palette')).toBeCloseTo(before + 60, 0);
      // Keyboard: the right arrow widens by a step, the left arrow narrows.
      await splitter.focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => widthOf(page, 'nav.palette')).toBeCloseTo(before + 44, 0);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('nav.palette').count()).toBe(0);
      expect(await splitter.getAttribute('aria-valuenow')).toBe('0');
      await page.keyboard.press('Enter');
      await expect.poll(() => widthOf(page, 'nav.palette')).toBeCloseTo(before + 44, 0);
      // The findings and metrics: a horizontal splitter; up makes them taller.
      const bottom = separator(page, 'Resize findings and metrics');
      expect(await bottom.getAttribute('aria-orientation')).toBe('horizontal');
      const height = (await page.locator('#panel-findings').boundingBox())!.height;
      await bottom.focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(async () => (await page.locator('#panel-findings').boundingBox())!.height).toBeCloseTo(height + 16, 0);
      // The inspector's splitter sits left of it: left makes it wider. The sizes survive a reload.
      const inspector = await widthOf(page, '.side-column');
      await separator(page, 'Resize inspector').focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => widthOf(page, '.side-column')).toBeCloseTo(inspector + 16, 0);
      await page.reload();
      await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
      expect(await widthOf(page, 'nav.palette')).toBeCloseTo(before + 44, 0);
      expect(await widthOf(page, '.side-column')).toBeCloseTo(inspector + 16, 0);
    });

    it('shows the hidden findings panel’s counts by severity on its bar', async () => {
      ({ context, page, errors } = await openApp(browser, viewport));
      await page.getByRole('button', { name: 'Presets', exact: true }).click();
      await page.getByRole('button', { name: 'Anti-Patterns', exact: true }).click();
      const findings = page.getByRole('region', { name: 'Findings' });
      await expect.poll(() => findings.locator('[data-severity="error"]').count()).toBeGreaterThan(0);
      const count = (severity: string) => findings.locator(`[data-severity="${severity}"]`).count();
      const [errorsCount, warnings] = [await count('error'), await count('warning')];
      await page.getByRole('button', { name: 'Hide findings and metrics', exact: true }).click();
      const bar = page.getByRole('button', { name: /^Show Findings and metrics/ });
      const text = await bar.textContent();
      expect(text).toContain(`${errorsCount} error${errorsCount === 1 ? '' : 's'}`);
      expect(text).toContain(`${warnings} warning${warnings === 1 ? '' : 's'}`);
      expect(await page.getByRole('region', { name: 'Findings' }).count()).toBe(0);
    });
  });
}
