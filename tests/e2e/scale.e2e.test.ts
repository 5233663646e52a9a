/**
 * Scale, by count rather than by time: with a generated 10,000-role document open,
 * the DOM holds at most 500 role elements at the fit-view zoom (the root's top levels,
 * readable), with the whole chart on screen (the overview) and at editing zoom,
 * and selecting, editing and dragging still work.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, showWholeChart } from './browser.ts';
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

  it('mounts at most 500 role elements at the fit-view zoom and with the whole chart on screen, where the overview draws it', async () => {
    // Fit: too large to read whole, the root's top levels at a readable zoom, as cards.
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(400);
    expect(await mounted(page)).toBeLessThanOrEqual(MAX_MOUNTED);
    expect(await mounted(page)).toBeGreaterThan(0);
    expect(await page.locator('canvas.overview-layer').count()).toBe(0);
    await showWholeChart(page);
    expect(await mounted(page)).toBeLessThanOrEqual(MAX_MOUNTED);
    expect(await page.locator('canvas.overview-layer').count()).toBe(1);
  });

  it('redraws the overview sharp once a wheel zoom rests (the bitmap is only scaled meanwhile)', async () => {
    await showWholeChart(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -60);
    const canvas = page.locator('canvas.overview-layer');
    await expect.poll(() => canvas.evaluate((el) => (el as HTMLCanvasElement).style.transform)).not.toContain('scale');
    const sharp = await canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      return Math.abs(c.width - c.getBoundingClientRect().width * devicePixelRatio) <= 1;
    });
    expect(sharp).toBe(true);
    await showWholeChart(page);
  });

  it('selects a role by clicking it on the overview, and centres it with its card', async () => {
    const probe = await page.evaluate(() => {
      const canvas = document.querySelector('canvas.overview-layer') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      // The bitmap may reach beyond the pane (a margin for panning): look at what is on screen.
      const box = canvas.getBoundingClientRect();
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const pixel = (cx: number, cy: number) => (Math.floor((cy - box.top) * (canvas.height / box.height)) * canvas.width + Math.floor((cx - box.left) * (canvas.width / box.width))) * 4;
      // An opaque, near-white pixel: the inside of a card, to click; from the middle row outwards.
      const mid = Math.floor((pane.top + pane.bottom) / 2);
      for (let d = 0; d < pane.height / 2; d++) {
        for (const cy of [mid - d, mid + d]) {
          for (let cx = Math.ceil(pane.left); cx < pane.right - 240; cx++) {
            const i = pixel(cx, cy);
            if (data[i + 3] === 255 && data[i]! > 240 && data[i + 1]! > 240 && data[i + 2]! > 240) return { x: cx, y: cy };
          }
        }
      }
      return null;
    });
    expect(probe).not.toBeNull();
    await page.mouse.click(probe!.x, probe!.y);
    await expect.poll(() => page.locator('.inspector h2').textContent()).toMatch(/^Role /);
    const id = (await page.locator('.inspector h2 code').textContent())!;
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${id}"]`).count()).toBe(1);
    expect(await mounted(page)).toBeLessThanOrEqual(MAX_MOUNTED);
  });

  it('edits and drags at editing zoom with at most 500 role elements mounted', async () => {
    const search = page.getByRole('combobox', { name: 'Search roles' });
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
