import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';

const PRESETS = ['china-account-management', 'lean-player-coach-pod', 'tiered-coverage-pods', 'global-matrix', 'anti-patterns'];
const presetDoc = (file: string): OrgDocument => {
  const result = parseDocument(readFileSync(new URL(`../../presets/${file}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('picture export in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await context?.close();
    ({ context, page } = await openApp(browser, { width: 1400, height: 900 }));
  });

  async function importText(name: string, text: string) {
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Clicks a toolbar export button and confirms the dialog with its defaults (or the given scale). */
  async function exportFile(format: 'PNG' | 'SVG', scale?: string, confirm = 'Export'): Promise<{ name: string; data: Buffer }> {
    await page.getByRole('button', { name: `Export ${format}`, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (scale) await dialog.getByRole('combobox').first().selectOption(scale);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: confirm, exact: true }).click()]);
    return { name: download.suggestedFilename(), data: readFileSync(await download.path()) };
  }

  /** Parses SVG text in the page: the text of every element, and whether it parsed. */
  function inspectSvg(svg: string) {
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        texts: [...doc.querySelectorAll('text, tspan, title')].map((e) => e.textContent ?? ''),
        scripts: doc.querySelectorAll('script, foreignObject, img, image').length,
        dashed: doc.querySelectorAll('[stroke-dasharray]').length,
        root: doc.documentElement.nodeName,
      };
    }, svg);
  }

  /** Decodes a PNG in the page and counts distinct colours on a grid of samples. */
  function pngColours(png: Buffer) {
    return page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(200, 200);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0, 200, 200);
      const data = ctx.getImageData(0, 0, 200, 200).data;
      const colours = new Set<string>();
      for (let i = 0; i < data.length; i += 4 * 7) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
      return { width: bitmap.width, height: bitmap.height, colours: colours.size };
    }, png.toString('base64'));
  }

  it('exports every preset as SVG with every visible role title as text, and as a sharp, non-blank PNG at 2×', async () => {
    for (const file of PRESETS) {
      const doc = presetDoc(file);
      await page.getByRole('button', { name: 'Presets', exact: true }).click();
      await page.getByRole('button', { name: doc.name, exact: true }).click();
      const svg = await exportFile('SVG');
      expect(svg.name).toBe(`${doc.name}.svg`);
      const text = svg.data.toString('utf8');
      const parsed = await inspectSvg(text);
      expect(parsed.error).toBeNull();
      expect(parsed.root).toBe('svg');
      const all = parsed.texts.join('\n');
      for (const role of doc.roles) expect(all).toContain(role.title);
      const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(text)?.[1]);
      const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(text)?.[1]);

      const png = await exportFile('PNG');
      expect(png.name).toBe(`${doc.name}.png`);
      const size = pngSize(png.data);
      expect(size.width).toBe(Math.round(width * 2));
      expect(size.height).toBe(Math.round(height * 2));
      const decoded = await pngColours(png.data);
      expect(decoded.width).toBe(size.width);
      expect(decoded.colours).toBeGreaterThan(5);
    }
  });

  it('draws dotted lines dashed and Chinese titles in Chinese', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    const svg = (await exportFile('SVG', undefined, '导出')).data.toString('utf8');
    const parsed = await inspectSvg(svg);
    expect(parsed.dashed).toBeGreaterThanOrEqual(4);
    expect(parsed.texts.join('\n')).toContain('中国区客户管理负责人');
  });

  it('keeps hostile strings as text in the SVG', async () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
    const doc = {
      format: 'org-structure',
      version: 1,
      name: 'Hostile <b>names</b>',
      currency: 'CNY',
      roles: [
        { id: 'a', title: hostile[0], level: 5, family: 'head-am', holder: { name: '</text><script>x</script>' } },
        { id: 'b', title: hostile[1], level: 4, reportsTo: 'a' },
      ],
    };
    await importText('hostile.json', JSON.stringify(doc));
    await page.locator('.react-flow__node[data-id="a"]').waitFor();
    const svg = (await exportFile('SVG')).data.toString('utf8');
    const parsed = await inspectSvg(svg);
    expect(parsed.error).toBeNull();
    expect(parsed.scripts).toBe(0);
    const all = parsed.texts.join('\n');
    for (const text of hostile) expect(all).toContain(text);
  });

  it('scales an over-limit PNG down to fit, says so, and never delivers a blank picture', async () => {
    await importText('big.json', serializeDocument(generateOrg({ roles: 10_000, seed: 3 })));
    await page.waitForFunction(() => !document.querySelector('.react-flow__node[data-id="head-cn"]'));
    const png = await exportFile('PNG', '3');
    const size = pngSize(png.data);
    expect(size.width).toBeLessThanOrEqual(16_384);
    expect(size.height).toBeLessThanOrEqual(16_384);
    await expect.poll(() => page.locator('.message-info').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/too large for that scale/)]));
    expect((await pngColours(png.data)).colours).toBeGreaterThan(3);
  });
});
