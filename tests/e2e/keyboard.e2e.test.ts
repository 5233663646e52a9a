/**
 * Issue 17, points 3 and 4 in Chromium at 1440×900 and 1280×720: connecting by handles
 * from a manager (its collapse toggle clear of the handle), palette clicks building a
 * team, and the canvas from the keyboard (Tab, Enter, arrows on stacked reports, typing
 * a title, Escape, the zoom keys and the shortcuts sheet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspectorHeading = (page: Page) => page.locator('.inspector h2').first().textContent();
const activeCard = (page: Page) => page.evaluate(() => (document.activeElement?.classList.contains('react-flow__node') ? document.activeElement.getAttribute('data-id') : null));
/** Reporting lines drawn from a manager (React Flow names each edge "Edge from <source> to <target>"). */
const linesFrom = (page: Page, id: string) => page.locator(`.react-flow__edge-reports[aria-label^="Edge from ${id} to "]`);

/** Leaves the focus to the page, where the canvas's plain keys act. */
async function focusPage(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Zooms out with the `-` key until every named card lies inside the canvas, clear of the minimap. */
async function showCards(page: Page, ids: readonly string[]) {
  await focusPage(page);
  for (let step = 0; step < 12; step++) {
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    // The minimap folds away while Fit shows only the top levels.
    const minimap = (await page.locator('.minimap').count()) > 0 ? await page.locator('.minimap').boundingBox() : null;
    let all = true;
    for (const id of ids) {
      const box = (await node(page, id).count()) > 0 ? await node(page, id).boundingBox() : null;
      const inside = box && box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
      const underMinimap = box && minimap && box.x + box.width > minimap.x && box.y + box.height > minimap.y;
      if (!inside || underMinimap) all = false;
    }
    if (all) return;
    await page.keyboard.press('-');
    await page.waitForTimeout(250);
  }
  throw new Error(`could not bring ${ids.join(', ')} on screen`);
}

/** Drags from a handle of one card to a handle of another, as a person connects two roles. */
async function connect(page: Page, from: string, fromHandle: 'bottom' | 'right', to: string, toHandle: 'top' | 'left') {
  const a = (await node(page, from).locator(`.react-flow__handle-${fromHandle}.source`).boundingBox())!;
  const b = (await node(page, to).locator(`.react-flow__handle-${toHandle}`).first().boundingBox())!;
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  // The handle itself is what the pointer meets there (no collapse toggle on top of it).
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.className.toString() ?? '', start);
  expect(hit).toContain('react-flow__handle');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  describe(`the canvas by hand and by keyboard at ${viewport.width}×${viewport.height}`, () => {
    let browser: Browser;
    let context: BrowserContext | undefined;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });
    const open = async () => {
      await context?.close();
      ({ context, page, errors } = await openApp(browser, viewport));
    };

    it("connects from a manager's bottom handle to another role's top handle, and refuses a cycle", async () => {
      await open();
      await showCards(page, ['head-cn', 'lead-east', 'lead-south']);
      // A cycle: the head would report to one of its own leads.
      await connect(page, 'lead-east', 'bottom', 'head-cn', 'top');
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/cannot report to .*already reports/);
      await node(page, 'head-cn').click();
      await expect.poll(() => page.getByLabel('Reports to').inputValue()).toBe('apac-gm');
      // From the manager lead-east (which has a collapse toggle) to lead-south: it now reports there.
      await showCards(page, ['lead-east', 'lead-south']);
      await connect(page, 'lead-east', 'bottom', 'lead-south', 'top');
      await expect.poll(() => linesFrom(page, 'lead-east').and(page.locator('[aria-label$=" to lead-south"]')).count()).toBe(1);
      await node(page, 'lead-south').click();
      await expect.poll(() => page.getByLabel('Reports to').inputValue()).toBe('lead-east');
      expect(errors).toEqual([]);
    });

    it('three palette clicks with a manager selected give that manager three new reports', async () => {
      await open();
      await showCards(page, ['lead-east']);
      await node(page, 'lead-east').click();
      for (let k = 0; k < 3; k++) await page.locator('[data-palette="am"]').click();
      // The manager stays selected.
      await expect.poll(() => inspectorHeading(page)).toContain('lead-east');
      // 9 reports before, 12 now: zoom out until all of them are drawn.
      await focusPage(page);
      for (let step = 0; step < 12 && (await page.locator('.react-flow__node').count()) < 40; step++) {
        await page.keyboard.press('-');
        await page.waitForTimeout(250);
      }
      await expect.poll(() => linesFrom(page, 'lead-east').count()).toBe(12);
      expect(errors).toEqual([]);
    });

    it('reaches a card with Tab (a visible focus ring), selects it with Enter, and Escape clears', async () => {
      await open();
      await page.locator('[data-palette="external"]').focus();
      let card: string | null = null;
      for (let k = 0; k < 40 && card === null; k++) {
        await page.keyboard.press('Tab');
        card = await activeCard(page);
      }
      expect(card).not.toBeNull();
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      const mounted = await page.locator('.react-flow__node').count();
      await page.keyboard.press('Enter');
      await expect.poll(() => inspectorHeading(page)).toContain(card!);
      // Enter on a focused card that is not selected selects it, and adds no role.
      expect(await page.locator('.react-flow__node').count()).toBe(mounted);
      expect(await activeCard(page)).toBe(card);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('#inspector-title').count()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('moves between stacked reports with the arrows, the focus following the selection', async () => {
      await open();
      await showCards(page, ['sam-east-1', 'sam-east-2']);
      await node(page, 'sam-east-1').click();
      // lead-east's reports hang in columns: Down is the report drawn below, Up comes back.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => inspectorHeading(page)).toContain('sam-east-2');
      await expect.poll(() => activeCard(page)).toBe('sam-east-2');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => inspectorHeading(page)).toContain('sam-east-1');
      await expect.poll(() => activeCard(page)).toBe('sam-east-1');
      // Right goes to the next column of the same team; Up from the top of a column to the manager.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByLabel('Reports to').inputValue()).toBe('lead-east');
      expect(await inspectorHeading(page)).not.toContain('sam-east-1');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => inspectorHeading(page)).toContain('lead-east');
      // Escape clears the selection.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('#inspector-title').count()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('builds a named team the mind-map way: Tab, type the title, Enter, Tab again', async () => {
      await open();
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await node(page, 'head').click();
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
      const first = await page.locator('.inspector h2 code').textContent();
      await page.keyboard.type('Regional lead');
      await page.keyboard.press('Enter');
      await expect.poll(() => node(page, first!).textContent()).toContain('Regional lead');
      // Enter kept the title and gave the focus back to the card: Tab adds its report.
      await expect.poll(() => activeCard(page)).toBe(first);
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
      await expect.poll(() => page.getByLabel('Reports to').inputValue()).toBe(first);
      expect(errors).toEqual([]);
    });

    it('zooms with + and -, fits with 0, and lists every key in the sheet opened with ?', async () => {
      await open();
      await focusPage(page);
      const zoom = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
      await page.keyboard.press('0');
      await page.waitForTimeout(300);
      const before = await zoom();
      await page.keyboard.press('+');
      await expect.poll(zoom).toBeGreaterThan(before);
      await page.keyboard.press('-');
      await page.keyboard.press('-');
      await expect.poll(zoom).toBeLessThan(before);
      await page.keyboard.press('0');
      await expect.poll(zoom).toBeCloseTo(before, 2);
      // Shift+1: the whole chart, smaller than the readable fit of the China preset; Shift+2 the selection.
      await page.keyboard.press('Shift+Digit1');
      await expect.poll(zoom).toBeLessThan(before);
      await page.locator('.react-flow__node[data-id="head-cn"]').click();
      await focusPage(page);
      await page.keyboard.press('Shift+Digit2');
      await expect.poll(zoom).toBeGreaterThan(before);
      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await sheet.waitFor();
      const keys = await sheet.locator('kbd').allTextContents();
      for (const key of ['Tab', 'Enter', 'Space', '↑', '↓', '←', '→', 'F2', 'Esc', 'Delete', 'Ctrl/⌘+C', 'Ctrl/⌘+V', 'Ctrl/⌘+/', 'Ctrl/⌘+Z', 'Ctrl/⌘+Y', '+', '-', '0', 'Shift+1', 'Shift+2', '?']) {
        expect(keys).toContain(key);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => sheet.count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
}
