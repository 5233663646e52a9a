/**
 * A first view you can read (issue 17, point 2), at 1440×900 and 1280×720: the China
 * preset opens with readable card titles and no role under the minimap; New, then a
 * role dropped onto it, keeps it on screen; toggling the direction fits again; "Fit
 * selection" zooms to the selected roles; Shift+1 shows the whole chart; undoing New fits
 * the preset again; after an edit the edited role keeps its place on screen, and a role
 * added or moved out of view is brought into it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { READABLE_ZOOM } from '../../src/canvas/fit.ts';
import { launchBrowser, openApp, showWholeChart } from './browser.ts';

const zoomOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => {
    const m = /scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform);
    return m ? Number(m[1]) : NaN;
  });

type BoxLike = { x: number; y: number; width: number; height: number };
const boxOf = async (page: Page, id: string) => (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
const cardBoxes = (page: Page) => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }));
const overlaps = (a: BoxLike, b: BoxLike) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: BoxLike, b: BoxLike) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;

/** A toolbar action, from the "More" menu when the toolbar's row has no room for it. */
async function toolbarAction(page: Page, name: RegExp) {
  const button = page.locator('.toolbar').getByRole('button', { name });
  if ((await button.count()) > 0 && (await button.first().isVisible())) return button.first().click();
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function settle(page: Page) {
  // Fit animates for 200 ms.
  await page.waitForTimeout(400);
}

describe.each([
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
])('the first view at $width×$height', (viewport) => {
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

  it('opens the China preset with readable titles and no role under the minimap', async () => {
    ({ context, page, errors } = await openApp(browser, viewport));
    await settle(page);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
    // The title's rendered text is at least 11 px tall.
    const title = await page.locator('.react-flow__node[data-id="head-cn"] .role-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(title * (await zoomOf(page))).toBeGreaterThanOrEqual(11 - 1e-6);
    // The chart is larger than the screen at a readable zoom: only its top levels are shown and
    // the minimap is folded away, so it covers no role; it comes back with its button.
    const minimapBox = (await page.locator('.minimap').count()) > 0 ? await page.locator('.minimap').boundingBox() : null;
    const minimap = minimapBox ?? { x: 0, y: 0, width: 0, height: 0 };
    for (const box of await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }))) {
      expect(overlaps(box, minimap)).toBe(false);
    }
    if (!minimapBox) {
      await page.getByRole('button', { name: 'Minimap', exact: true }).click();
      await page.locator('.minimap').waitFor();
    }
    // The root is on screen.
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    expect(inside((await page.locator('.react-flow__node[data-id="head-cn"]').boundingBox())!, canvas)).toBe(true);
  });

  it('New, then a role dropped onto it: both on screen; toggling the direction fits again', async () => {
    ({ context, page, errors } = await openApp(browser, viewport));
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.locator('.react-flow__node[data-id="head"]').waitFor();
    await settle(page);
    await page.locator('[data-palette="am-lead"]').dragTo(page.locator('.react-flow__node[data-id="head"]'));
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    await settle(page);
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    for (const box of await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }))) {
      expect(inside(box, canvas)).toBe(true);
    }
    const before = await page.locator('.react-flow__viewport').getAttribute('style');
    await toolbarAction(page, /^Layout direction/);
    await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(before);
    await settle(page);
    for (const box of await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }))) {
      expect(inside(box, canvas)).toBe(true);
    }
  });

  it('"Fit selection" zooms to the selected role', async () => {
    ({ context, page, errors } = await openApp(browser, viewport));
    await settle(page);
    await page.locator('.react-flow__node[data-id="head-cn"]').click();
    await page.getByRole('button', { name: 'Fit selection' }).click();
    await settle(page);
    const card = (await page.locator('.react-flow__node[data-id="head-cn"]').boundingBox())!;
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    expect(inside(card, canvas)).toBe(true);
    // One card fills a good part of the canvas: the zoom is the fit's maximum.
    expect(await zoomOf(page)).toBeGreaterThan(1);
  });

  it('Shift+1 shows the whole chart, minimap back; undoing New fits the preset again', async () => {
    ({ context, page, errors } = await openApp(browser, viewport));
    await settle(page);
    await showWholeChart(page);
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    const cards = await cardBoxes(page);
    expect(cards.length).toBeGreaterThan(30);
    for (const box of cards) expect(inside(box, canvas)).toBe(true);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.locator('.react-flow__node[data-id="head"]').waitFor();
    await settle(page);
    // One role, not blown up: at most the fit's largest zoom.
    expect(await zoomOf(page)).toBeLessThanOrEqual(1.25 + 1e-6);
    await page.keyboard.press('Control+z');
    await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
    await settle(page);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
    expect(inside(await boxOf(page, 'head-cn'), canvas)).toBe(true);
  });

  it('keeps a collapsed manager in its place on screen, and brings a role moved out of view into it', async () => {
    ({ context, page, errors } = await openApp(browser, viewport));
    await settle(page);
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    // Collapsing a lead's team shrinks the chart around it: the lead stays where it was.
    const lead = page.locator('.react-flow__node[data-id="lead-east"]');
    await showWholeChart(page);
    await lead.click();
    // Shift+2 zooms to the selection; one step out shows the team around it.
    await page.keyboard.press('Shift+Digit2');
    await settle(page);
    await page.keyboard.press('-');
    await settle(page);
    const before = await boxOf(page, 'lead-east');
    expect(inside(before, canvas)).toBe(true);
    await lead.locator('.collapse-toggle').click();
    await expect.poll(() => lead.locator('.collapse-toggle').textContent()).toMatch(/^\+/);
    await settle(page);
    const after = await boxOf(page, 'lead-east');
    expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);
    await lead.locator('.collapse-toggle').click();
    await settle(page);
    // A report moved under another manager from the inspector is brought into view.
    await showWholeChart(page);
    await page.locator('.react-flow__node[data-id="am-south-1"]').click();
    await page.getByRole('button', { name: 'Fit selection' }).click();
    await settle(page);
    const reportsTo = page.getByLabel('Reports to', { exact: true });
    await reportsTo.fill('lead-north');
    await reportsTo.press('Enter');
    await expect.poll(() => reportsTo.inputValue()).toBe('lead-north');
    await settle(page);
    expect(inside(await boxOf(page, 'am-south-1'), canvas)).toBe(true);
  });

  it('three palette clicks add three reports, each brought into view', async () => {
    ({ context, page, errors } = await openApp(browser, viewport));
    await settle(page);
    await page.locator('.react-flow__node[data-id="head-cn"]').click();
    // The head's reports, by the reporting lines drawn from it.
    const linesFromHead = () => page.locator('.react-flow__edge-reports[aria-label^="Edge from head-cn to "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!.replace('Edge from head-cn to ', '')));
    const before = new Set(await linesFromHead());
    for (let k = 0; k < 3; k++) {
      await page.locator('[data-palette="am-lead"]').click();
      await settle(page);
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      const fresh = (await linesFromHead()).filter((id) => !before.has(id));
      expect(fresh).toHaveLength(k + 1);
      for (const id of fresh) expect(inside(await boxOf(page, id), canvas), id).toBe(true);
    }
  });
});
