/**
 * Scale, by count rather than by time: with a generated 10,000-role document open,
 * the DOM holds at most 500 role elements at the fit-view zoom and at editing zoom,
 * and selecting, editing and dragging still work.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { serializeDocument } from '../../src/io/serialize.ts';

const MAX_MOUNTED = 500;
const mounted = (page: Page) => page.locator('.react-flow__node').count();

describe('a 10,000-role document in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(inject('baseUrl'));
    await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
    const text = serializeDocument(generateOrg({ roles: 10_000, seed: 9 }));
    await page.locator('input[type="file"]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => !document.querySelector('.react-flow__node[data-id="head-cn"]'), null, { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('mounts at most 500 role elements at the fit-view zoom, where the overview draws the chart', async () => {
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(300);
    expect(await mounted(page)).toBeLessThanOrEqual(MAX_MOUNTED);
    expect(await page.locator('canvas.overview-layer').count()).toBe(1);
  });

  it('selects a role by clicking it on the overview, and centres it with its card', async () => {
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const probe = await page.evaluate(() => {
      const canvas = document.querySelector('canvas.overview-layer') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const { width, height } = canvas;
      const data = ctx.getImageData(0, 0, width, height).data;
      // An opaque, near-white pixel: the inside of a card, to click.
      for (let y = Math.floor(height / 2), step = 1; y > 0 && y < height; y += step, step = -step + (step > 0 ? -1 : 1)) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i + 3] === 255 && data[i]! > 240 && data[i + 1]! > 240 && data[i + 2]! > 240) return { x: x / devicePixelRatio, y: y / devicePixelRatio };
        }
      }
      return null;
    });
    expect(probe).not.toBeNull();
    await page.mouse.click(pane.x + probe!.x, pane.y + probe!.y);
    await expect.poll(() => page.locator('.inspector h2').textContent()).toMatch(/^Role /);
    const id = (await page.locator('.inspector h2 code').textContent())!;
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${id}"]`).count()).toBe(1);
    expect(await mounted(page)).toBeLessThanOrEqual(MAX_MOUNTED);
  });

  it('edits and drags at editing zoom with at most 500 role elements mounted', async () => {
    const search = page.getByRole('searchbox', { name: 'Search roles' });
    await search.fill('Head of Account Management, China');
    await search.press('Enter');
    await page.locator('.react-flow__node[data-id="head"]').waitFor();
    expect(await mounted(page)).toBeLessThanOrEqual(MAX_MOUNTED);
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Head of AM, China (10k)');
    await title.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node[data-id="head"]').textContent()).toContain('Head of AM, China (10k)');

    // Drag a visible report card onto the head: one command, findings react.
    const headBox = (await page.locator('.react-flow__node[data-id="head"]').boundingBox())!;
    const other = page.locator('.react-flow__node:not([data-id="head"]):not([data-id="apac-gm"])').first();
    const otherId = (await other.getAttribute('data-id'))!;
    const box = (await other.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, { steps: 3 });
    await page.mouse.move(headBox.x + headBox.width / 2, headBox.y + headBox.height / 2, { steps: 10 });
    await page.mouse.up();
    await search.fill(otherId);
    await search.press('Enter');
    await expect.poll(() => page.locator('.inspector h2 code').textContent()).toBe(otherId);
    await expect.poll(() => page.getByLabel('Reports to').inputValue()).toBe('head');
    expect(await mounted(page)).toBeLessThanOrEqual(MAX_MOUNTED);
  });
});
