/**
 * The metrics panel (issue 21, point 7): the span of each manager, sortable by span and by
 * title both ways (sortable headers with aria-sort), each row selecting and centring its
 * manager; and a panel that fits in English and Chinese at 1440×900 and 1280×720: it
 * scrolls, takes the focus when it does (named like its heading), scrolls from the keyboard,
 * and nothing in it is cut off — the span histogram's 17+ row included.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

const antiPatterns = (JSON.parse(readFileSync(new URL('../../presets/anti-patterns.json', import.meta.url), 'utf8')) as { name: string }).name;
const panel = (page: Page) => page.locator('section.metrics');
const table = (page: Page) => panel(page).locator('table.span-list');
const spans = (page: Page) => table(page).locator('tbody td[data-span]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-span'))));
const titles = (page: Page) => table(page).locator('tbody th button').allTextContents();
const sortOf = async (page: Page) => ({
  manager: await table(page).locator('thead th').nth(0).getAttribute('aria-sort'),
  span: await table(page).locator('thead th').nth(1).getAttribute('aria-sort'),
});

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

describe('the metrics panel', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lists the span of each manager, sorted by span or by title, both ways', async () => {
    await context?.close();
    ({ context, page, errors } = await openApp(browser, { width: 1440, height: 900 }));
    await page.getByRole('button', { name: 'Presets', exact: true }).click();
    await page.getByRole('button', { name: antiPatterns, exact: true }).click();
    await expect.poll(() => table(page).locator('tbody tr').count()).toBe(6);
    // The rules are in: each manager's archetype range.
    await expect.poll(() => table(page).locator('tbody tr[data-role="lead-east"] .span-range').textContent()).toBe('8–10');
    expect(await table(page).getAttribute('aria-labelledby')).toBeTruthy();
    expect(await table(page).locator('thead th[scope="col"]').count()).toBe(3);
    expect(await table(page).locator('tbody th[scope="row"]').count()).toBe(6);

    // By span, largest first.
    expect(await sortOf(page)).toEqual({ manager: 'none', span: 'descending' });
    const descending = await spans(page);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBe(11);
    // Out of the range is said in words, not colour alone.
    expect(await table(page).locator('tbody tr[data-role="lead-east"] td[data-span]').textContent()).toContain('above the range');

    await table(page).getByRole('button', { name: 'Span', exact: true }).click();
    expect(await sortOf(page)).toEqual({ manager: 'none', span: 'ascending' });
    const ascending = await spans(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    await table(page).getByRole('button', { name: 'Manager', exact: true }).click();
    expect(await sortOf(page)).toEqual({ manager: 'ascending', span: 'none' });
    const az = await titles(page);
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    expect(az).toEqual([...az].sort(collator.compare));
    await table(page).getByRole('button', { name: 'Manager', exact: true }).click();
    expect(await sortOf(page)).toEqual({ manager: 'descending', span: 'none' });
    expect(await titles(page)).toEqual([...az].reverse());
    expect(errors).toEqual([]);
  });

  it('selects and centres a manager from its row', async () => {
    await context?.close();
    ({ context, page, errors } = await openApp(browser, { width: 1440, height: 900 }));
    const row = table(page).locator('tbody tr[data-role="lead-south"]');
    await row.getByRole('button', { name: 'Account Management Lead, South China (Shenzhen)', exact: true }).click();
    await expect.poll(() => page.locator('.inspector h2').first().textContent()).toContain('lead-south');
    await expect.poll(() => row.getAttribute('class')).toContain('is-selected');
    // Centred on the canvas (the view moves for 300 ms).
    const canvas = await box(page.locator('.react-flow'));
    await expect
      .poll(async () => {
        const card = await box(page.locator('.react-flow__node[data-id="lead-south"]'));
        return Math.hypot(card.x + card.width / 2 - (canvas.x + canvas.width / 2), card.y + card.height / 2 - (canvas.y + canvas.height / 2));
      })
      .toBeLessThan(4);
    expect(errors).toEqual([]);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1440, height: 900 },
    ]) {
      it(`fits in ${lang} at ${viewport.width}×${viewport.height}: scrolls, takes the focus, nothing cut off, 17+ visible`, async () => {
        await context?.close();
        ({ context, page, errors } = await openApp(browser, viewport));
        if (lang === 'zh-CN') {
          await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
          await expect.poll(() => panel(page).locator('h2').textContent()).toBe('指标');
        }
        const metrics = panel(page);
        await expect.poll(() => table(page).locator('tbody tr').count()).toBe(4);
        const size = await metrics.evaluate((e) => ({ scrollHeight: e.scrollHeight, clientHeight: e.clientHeight, scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
        // Nothing runs out sideways.
        expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
        // It scrolls at these sizes, so it takes the focus, with a name (its heading's).
        expect(size.scrollHeight).toBeGreaterThan(size.clientHeight);
        await expect.poll(() => metrics.getAttribute('tabindex')).toBe('0');
        expect(await metrics.getAttribute('aria-label')).toBe(lang === 'zh-CN' ? '指标' : 'Metrics');
        expect(await page.getByRole('region', { name: lang === 'zh-CN' ? '指标' : 'Metrics', exact: true }).count()).toBe(1);

        // The keyboard scrolls it.
        await metrics.focus();
        await page.keyboard.press('PageDown');
        await expect.poll(() => metrics.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);

        // Each bucket, 17+ too, shows whole when scrolled to: its label, bar and count inside the panel.
        const outer = await box(metrics);
        for (const bucket of ['1', '2–3', '4–7', '8–12', '13–16', '17+']) {
          const row = metrics.locator(`[data-bucket="${bucket}"]`);
          await row.evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
          for (const part of [row.locator('.bucket-label'), row.locator('.bucket-count')]) {
            const b = await box(part);
            expect(b.x, bucket).toBeGreaterThanOrEqual(outer.x);
            expect(b.x + b.width, bucket).toBeLessThanOrEqual(outer.x + outer.width);
            expect(b.y, bucket).toBeGreaterThanOrEqual(outer.y - 0.5);
            expect(b.y + b.height, bucket).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
          }
          expect(await row.locator('.bucket-label').textContent()).toBe(bucket);
          // Nothing covers it.
          expect(await row.locator('.bucket-label').evaluate((el) => {
            const r = el.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return !!hit && el.contains(hit);
          })).toBe(true);
        }

        // No label, value, title or header is cut: none is wider than its box.
        const clipped = await metrics.evaluate((root) =>
          [...root.querySelectorAll('dt, dd, h2, h3, .hint, th, td, button')]
            .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > root.getBoundingClientRect().right + 0.5)
            .map((e) => e.textContent),
        );
        expect(clipped).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
});
