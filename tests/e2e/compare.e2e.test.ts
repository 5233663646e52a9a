/**
 * The compare view (issue 18, points 2 and 3) in Chromium at 1440×900 and 1280×720: branch
 * the China preset, move an AM, add a lead, remove a role, change a salary; "Compare with
 * base" shows one change of each kind on the charts and in the change list, the metrics and
 * findings before → after, filters and the overlay; the change list centres a role; the
 * changes export as CSV (UTF-8 with BOM) and JSON, the marked chart as PNG.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp, showWholeChart } from './browser.ts';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Selects a role on the whole chart. */
async function select(page: Page, id: string) {
  await showWholeChart(page);
  await node(page, id).click();
}

async function branchAndEdit(page: Page) {
  await page.getByRole('button', { name: 'Documents', exact: true }).click();
  await page.getByRole('dialog', { name: 'Documents' }).getByRole('button', { name: /^New scenario/ }).first().click();
  await expect.poll(() => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' }).inputValue()).toMatch(/scenario 1$/);
  // Moved: an East China AM now reports to the North China lead.
  await select(page, 'am-east-1');
  const reportsTo = page.getByLabel('Reports to', { exact: true });
  await reportsTo.fill('lead-north');
  await reportsTo.press('Enter');
  await expect.poll(() => reportsTo.inputValue()).toBe('lead-north');
  // Added: a new lead under the head, from the palette.
  await select(page, 'head-cn');
  await page.locator('[data-palette="am-lead"]').click();
  // Removed: a South China AM.
  await select(page, 'am-south-2');
  await page.keyboard.press('Delete');
  await expect.poll(() => node(page, 'am-south-2').count()).toBe(0);
  // Changed: a North China AM's salary.
  await select(page, 'am-north-1');
  const max = page.getByLabel('Salary max (CNY)', { exact: true });
  await max.fill('480000');
  await max.press('Enter');
  await expect.poll(() => max.inputValue()).toBe('480000');
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  describe(`the compare view at ${viewport.width}×${viewport.height}`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      browser = await launchBrowser();
      ({ context, page, errors } = await openApp(browser, viewport));
    });
    afterAll(async () => {
      expect(errors).toEqual([]);
      await context?.close();
      await browser?.close();
    });

    it('branches the preset, makes one change of each kind, and opens Compare with base', async () => {
      await branchAndEdit(page);
      await page.getByRole('button', { name: 'Documents', exact: true }).click();
      await page.getByRole('dialog', { name: 'Documents' }).getByRole('button', { name: /^Compare with base/ }).first().click();
      await page.getByRole('dialog', { name: 'Compare' }).waitFor();
    });

    it('shows one change of each kind, field by field, on two charts', async () => {
      const view = page.getByRole('dialog', { name: 'Compare' });
      await expect.poll(() => view.getByRole('heading').first().textContent()).toMatch(/China Account Management → China Account Management — scenario 1/);
      for (const kind of ['added', 'removed', 'moved', 'changed']) {
        expect(await view.locator(`.compare-kind[data-kind="${kind}"] .kind-count`).textContent(), kind).toBe('1');
      }
      const changes = view.locator('.compare-change');
      expect(await changes.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-id')} ${li.getAttribute('data-kinds')}`))).toEqual(['am-east-1 moved', 'am-north-1 changed', 'account-management-lead added', 'am-south-2 removed']);
      expect(await changes.nth(0).locator('[data-field="reportsTo"] .before').textContent()).toContain('lead-east');
      expect(await changes.nth(0).locator('[data-field="reportsTo"] .after').textContent()).toContain('lead-north');
      expect(await changes.nth(1).locator('[data-field="salary"] .after').textContent()).toContain('480');
      // Two charts, before and after, each drawn.
      expect(await view.getByRole('img').count()).toBe(2);
      expect(await view.locator('.compare-chart canvas').evaluateAll((els) => els.every((c) => (c as HTMLCanvasElement).width > 0))).toBe(true);
    });

    it('centres a role from the change list, filters kinds and overlays the changes on one chart', async () => {
      const view = page.getByRole('dialog', { name: 'Compare' });
      const canvas = view.locator('.compare-chart canvas').last();
      const zoom = () => view.getByRole('img').last().getAttribute('data-zoom');
      // At the fit the whole chart is small; centring a role zooms to where its card reads.
      expect(Number(await zoom())).toBeLessThan(0.8);
      await view.locator('.compare-change[data-id="am-north-1"] .compare-change-role').click();
      await expect.poll(async () => Number(await zoom())).toBeGreaterThanOrEqual(0.8);
      expect(await view.locator('.compare-change[data-id="am-north-1"] .compare-change-role').getAttribute('aria-current')).toBe('true');
      // Hide the changed roles: the list keeps the other three.
      await view.locator('.compare-kind[data-kind="changed"] input').uncheck();
      await expect.poll(() => view.locator('.compare-change').count()).toBe(3);
      await view.locator('.compare-kind[data-kind="changed"] input').check();
      const proposed = await canvas.evaluate((c) => Number(c.getAttribute('data-roles')));
      await view.getByRole('button', { name: 'One chart, changes overlaid' }).click();
      await expect.poll(() => view.getByRole('img').count()).toBe(1);
      // The proposal and the removed role as a ghost.
      expect(await view.locator('.compare-chart canvas').evaluate((c) => Number(c.getAttribute('data-roles')))).toBe(proposed + 1);
      await view.getByRole('button', { name: 'Side by side' }).click();
      await expect.poll(() => view.getByRole('img').count()).toBe(2);
    });

    it('shows the metrics and findings before → after', async () => {
      const view = page.getByRole('dialog', { name: 'Compare' });
      await view.getByRole('tab', { name: 'Metrics' }).click();
      const cost = view.locator('[data-metric="loaded-cost"]');
      expect(await cost.locator('td').nth(2).textContent()).toMatch(/^−/);
      expect(await view.locator('[data-metric="headcount"] td').allTextContents()).toEqual(['32', '32', '']);
      expect(await view.locator('.compare-histogram li').count()).toBe(6);
      await view.getByRole('tab', { name: 'Findings' }).click();
      const added = view.locator('[data-group="new"] li');
      await expect.poll(() => added.count()).toBeGreaterThan(0);
      expect(await added.first().getAttribute('data-rule')).toBe('BUD-005');
      await view.getByRole('tab', { name: 'Decisions' }).click();
      await expect.poll(() => view.locator('[data-area]').count()).toBeGreaterThan(0);
      await view.getByRole('tab', { name: 'Changes' }).click();
    });

    it('exports the change list as CSV and JSON, and the marked chart as PNG', async () => {
      const view = page.getByRole('dialog', { name: 'Compare' });
      const [csv] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Export changes CSV' }).click()]);
      expect(csv.suggestedFilename()).toBe('China Account Management → China Account Management — scenario 1.csv');
      const text = readFileSync(await csv.path(), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      for (const id of ['am-east-1', 'am-north-1', 'account-management-lead', 'am-south-2']) expect(text).toContain(id);
      const [json] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Export changes JSON' }).click()]);
      const diff = JSON.parse(readFileSync(await json.path(), 'utf8')) as { added: string[]; removed: string[]; moved: { id: string; from: string; to: string }[]; changed: { id: string; fields: string[] }[] };
      expect(diff.added).toEqual(['account-management-lead']);
      expect(diff.removed).toEqual(['am-south-2']);
      expect(diff.moved).toEqual([{ id: 'am-east-1', from: 'lead-east', to: 'lead-north' }]);
      expect(diff.changed).toEqual([{ id: 'am-north-1', fields: ['salary'] }]);
      await view.getByRole('button', { name: 'Export comparison PNG' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export picture' });
      await dialog.waitFor();
      const [png] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      expect([...readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      // The export dialog closes once its file is delivered; then Escape closes the view.
      await expect.poll(() => dialog.count()).toBe(0);
      // The focus goes back to the button that opened it, inside the view (Modal), before Escape.
      await expect.poll(() => view.evaluate((v) => v.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog', { name: 'Compare' }).count()).toBe(0);
    });
  });
}
