/**
 * Issue 17, points 5 and 6, in Chromium at 1440×900 and 1280×720: reporting lines leave a
 * manager from the side facing its reports and enter each report on a side facing the line
 * (checked from the edge paths against the cards' boxes), in both directions; dotted lines
 * never cross their source card and the two kinds look different; the legend; the card's words.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp, showWholeChart } from './browser.ts';

interface PresetRole {
  readonly id: string;
  readonly reportsTo?: string | null;
}
const china = JSON.parse(readFileSync(new URL('../../presets/china-account-management.json', import.meta.url), 'utf8')) as { roles: PresetRole[] };
const managerOf = new Map(china.roles.map((r) => [r.id, r.reportsTo ?? null]));

type Side = 'left' | 'right' | 'top' | 'bottom' | 'inside' | 'off';

interface ReportingLine {
  readonly report: string;
  readonly manager: string;
  /** Where the path starts on the manager's card, and ends on the report's. */
  readonly starts: Side;
  readonly ends: Side;
  /** The side the last segment arrives from (the direction it travels). */
  readonly arrives: 'rightwards' | 'leftwards' | 'downwards' | 'upwards' | 'other';
  /** Whether the start point is the middle of its side and the end point clear of the corners. */
  readonly startCentred: boolean;
  readonly endClearOfCorners: boolean;
}

/** Every drawn reporting line between two mounted cards, measured on screen. */
async function reportingLines(page: Page): Promise<ReportingLine[]> {
  const raw = await page.evaluate(() => {
    const boxOf = (id: string) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.getBoundingClientRect() ?? null;
    const out: { report: string; start: number[]; end: number[]; before: number[]; box: number[][] | null }[] = [];
    for (const g of document.querySelectorAll<SVGGElement>('.react-flow__edge-reports')) {
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const report = (g.getAttribute('data-id') ?? '').replace(/^reports:/, '');
      if (!path) continue;
      const ctm = path.getScreenCTM()!;
      const at = (p: DOMPoint) => {
        const s = p.matrixTransform(ctm);
        return [s.x, s.y];
      };
      const length = path.getTotalLength();
      const start = at(path.getPointAtLength(0));
      const end = at(path.getPointAtLength(length));
      const before = at(path.getPointAtLength(Math.max(0, length - 4)));
      const b = boxOf(report);
      out.push({ report, start, end, before, box: b ? [[b.left, b.top, b.right, b.bottom]] : null });
    }
    const boxes: Record<string, number[]> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      boxes[el.dataset.id!] = [r.left, r.top, r.right, r.bottom];
    }
    return { lines: out, boxes };
  });
  const tolerance = 1.5;
  const sideOf = (point: number[], box: number[]): Side => {
    const [x, y] = point as [number, number];
    const [l, t, r, b] = box as [number, number, number, number];
    const within = (v: number, lo: number, hi: number) => v >= lo - tolerance && v <= hi + tolerance;
    if (Math.abs(x - l) <= tolerance && within(y, t, b)) return 'left';
    if (Math.abs(x - r) <= tolerance && within(y, t, b)) return 'right';
    if (Math.abs(y - t) <= tolerance && within(x, l, r)) return 'top';
    if (Math.abs(y - b) <= tolerance && within(x, l, r)) return 'bottom';
    return x > l && x < r && y > t && y < b ? 'inside' : 'off';
  };
  const lines: ReportingLine[] = [];
  for (const line of raw.lines) {
    const manager = managerOf.get(line.report);
    const mBox = manager ? raw.boxes[manager] : undefined;
    const rBox = raw.boxes[line.report];
    if (!manager || !mBox || !rBox) continue;
    const [dx, dy] = [line.end[0]! - line.before[0]!, line.end[1]! - line.before[1]!];
    const arrives = Math.abs(dy) < 0.5 ? (dx > 0 ? 'rightwards' : 'leftwards') : Math.abs(dx) < 0.5 ? (dy > 0 ? 'downwards' : 'upwards') : 'other';
    const [l, t, r, b] = rBox as [number, number, number, number];
    const corner = 8;
    const [ex, ey] = line.end as [number, number];
    const endClearOfCorners = !((ex < l + corner || ex > r - corner) && (ey < t + corner || ey > b - corner));
    const [sx, sy] = line.start as [number, number];
    const starts = sideOf(line.start, mBox);
    const startCentred = starts === 'right' || starts === 'left' ? Math.abs(sy - (mBox[1]! + mBox[3]!) / 2) <= tolerance : Math.abs(sx - (mBox[0]! + mBox[2]!) / 2) <= tolerance;
    lines.push({ report: line.report, manager, starts, ends: sideOf(line.end, rBox), arrives, startCentred, endClearOfCorners });
  }
  return lines;
}

/** Dotted lines, sampled along their paths, with their source card's box and kind class. */
async function dottedLines(page: Page) {
  return page.evaluate(() => {
    const out: { id: string; classes: string; stroke: string; dash: string; inside: number; samples: number }[] = [];
    for (const g of document.querySelectorAll<SVGGElement>('.react-flow__edge-dotted')) {
      const id = g.getAttribute('data-id') ?? '';
      const source = id.split(':')[1]!;
      const card = document.querySelector(`.react-flow__node[data-id="${CSS.escape(source)}"]`)?.getBoundingClientRect();
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      if (!card || !path) continue;
      const ctm = path.getScreenCTM()!;
      const length = path.getTotalLength();
      let inside = 0;
      const samples = 200;
      for (let k = 0; k <= samples; k++) {
        const p = path.getPointAtLength((length * k) / samples).matrixTransform(ctm);
        // Strictly inside, 1 px in from the border: touching the side it leaves from is fine.
        if (p.x > card.left + 1 && p.x < card.right - 1 && p.y > card.top + 1 && p.y < card.bottom - 1) inside++;
      }
      const style = getComputedStyle(path);
      out.push({ id, classes: g.getAttribute('class') ?? '', stroke: style.stroke, dash: style.strokeDasharray, inside, samples });
    }
    return out;
  });
}

/** Clicks the toolbar's direction toggle, in its "More" menu when the toolbar has no room for it. */
/** Toggles the layout direction, then shows the whole chart (a direction change fits the view, readable, to the top levels). */
async function toggleDirection(page: Page) {
  const inToolbar = page.getByRole('button', { name: /^Layout direction/ });
  if ((await inToolbar.count()) > 0) {
    await inToolbar.first().click();
  } else {
    await page.getByRole('button', { name: /^More/ }).click();
    await page.getByRole('menuitem', { name: /^Layout direction/ }).click();
  }
  // Let the fit of the new direction start before asking for the whole chart.
  await page.waitForTimeout(300);
  await showWholeChart(page);
}

/** Waits until the canvas draws its reporting lines leaving managers from this side. */
async function linesLeave(page: Page, side: Side) {
  await expect.poll(async () => (await reportingLines(page)).filter((l) => l.starts === side).length, { timeout: 10_000 }).toBeGreaterThan(30);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  describe(`lines and cards at ${viewport.width}×${viewport.height}`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      browser = await launchBrowser();
      ({ context, page, errors } = await openApp(browser, viewport));
      await showWholeChart(page);
    });
    afterAll(async () => {
      await context?.close();
      await browser?.close();
    });

    it('draws TB reporting lines from the manager’s bottom into each report’s top (stacked reports from their lane)', async () => {
      await expect.poll(async () => (await reportingLines(page)).length).toBeGreaterThan(30);
      const lines = await reportingLines(page);
      for (const line of lines) {
        expect(line.starts, `${line.manager} → ${line.report}`).toBe('bottom');
        expect(line.startCentred, `${line.manager} → ${line.report}`).toBe(true);
        expect(line.endClearOfCorners, `${line.manager} → ${line.report}`).toBe(true);
        // Into the top coming down, or into a side coming across from the lane (stacked reports and assistants).
        expect([['top', 'downwards'], ['left', 'rightwards'], ['right', 'leftwards']], `${line.manager} → ${line.report}`).toContainEqual([line.ends, line.arrives]);
      }
      // The head's leads sit in the row below it: their lines enter the top.
      const leads = lines.filter((l) => l.manager === 'head-cn' && l.report.startsWith('lead-'));
      expect(leads.length).toBeGreaterThan(0);
      for (const line of leads) expect(line.ends).toBe('top');
      expect(errors).toEqual([]);
    });

    it('draws LR reporting lines from the manager’s right side into each report’s left side (stacked reports from their lane)', async () => {
      await toggleDirection(page);
      await linesLeave(page, 'right');
      const lines = await reportingLines(page);
      for (const line of lines) {
        expect(line.starts, `${line.manager} → ${line.report}`).toBe('right');
        expect(line.startCentred, `${line.manager} → ${line.report}`).toBe(true);
        expect(line.endClearOfCorners, `${line.manager} → ${line.report}`).toBe(true);
        expect([['left', 'rightwards'], ['top', 'downwards'], ['bottom', 'upwards']], `${line.manager} → ${line.report}`).toContainEqual([line.ends, line.arrives]);
      }
      const leads = lines.filter((l) => l.manager === 'head-cn' && l.report.startsWith('lead-'));
      expect(leads.length).toBeGreaterThan(0);
      for (const line of leads) expect(line.ends).toBe('left');
      expect(errors).toEqual([]);
    });

    it('routes dotted lines clear of their source card, in both directions, each kind drawn its own way', async () => {
      for (const direction of ['LR', 'TB']) {
        const lines = await dottedLines(page);
        expect(lines, direction).toHaveLength(4);
        for (const line of lines) expect(line.inside, `${direction} ${line.id}`).toBe(0);
        const indirect = lines.filter((l) => l.classes.includes('dotted-indirect-manager'));
        const partner = lines.filter((l) => l.classes.includes('dotted-partner'));
        expect(indirect).toHaveLength(1);
        expect(partner).toHaveLength(3);
        expect(indirect[0]!.stroke).not.toBe(partner[0]!.stroke);
        expect(indirect[0]!.dash).not.toBe(partner[0]!.dash);
        if (direction === 'LR') {
          await toggleDirection(page);
          await linesLeave(page, 'bottom');
        }
      }
    });

    it('explains the lines, cards and badge in a legend', async () => {
      const legend = page.getByRole('region', { name: 'Legend' });
      await legend.getByRole('button', { name: 'Legend' }).click();
      const kinds = await legend.locator('li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-kind'), li.textContent]));
      expect(kinds.map(([kind]) => kind)).toEqual(['reports', 'indirect-manager', 'partner', 'external', 'assistant', 'findings']);
      const text = kinds.map(([, words]) => words).join('\n');
      for (const words of ['Reports to', 'indirect manager', 'partner', 'External role', 'Assistant', 'Findings']) expect(text).toContain(words);
      // Clear of the zoom controls and of the minimap.
      const box = (await legend.boundingBox())!;
      for (const other of ['.react-flow__controls', '.minimap']) {
        const o = (await page.locator(other).boundingBox())!;
        const apart = box.x + box.width <= o.x || o.x + o.width <= box.x || box.y + box.height <= o.y || o.y + o.height <= box.y;
        expect(apart, other).toBe(true);
      }
      await legend.getByRole('button', { name: 'Legend' }).click();
      expect(await legend.locator('li').count()).toBe(0);
    });

    it('shows the family by name, openings in words and the full title on hover', async () => {
      const card = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
      await expect.poll(() => card('am-south-6').locator('.role-meta').textContent()).toContain('Account Manager');
      expect(await card('am-south-6').locator('.role-meta .vacancy').textContent()).toBe('vacant');
      expect(await card('head-cn').locator('.role-meta .role-family').textContent()).toBe('Head of AM');
      // No raw family id on any card.
      const metas = await page.locator('.role-meta .role-family').allTextContents();
      expect(metas.length).toBeGreaterThan(30);
      for (const id of ['head-am', 'am-lead', 'senior-am', 'am-ops']) expect(metas).not.toContain(id);
      const title = card('head-cn').locator('.role-title');
      expect(await title.getAttribute('title')).toBe('Head of Account Management, China');
      // Two lines at most: the title's box is no taller than two lines of 13 px × 1.2.
      const height = await title.evaluate((el) => el.getBoundingClientRect().height / (el.closest('.react-flow__viewport') ? Number(new DOMMatrix(getComputedStyle(el.closest('.react-flow__viewport')!).transform).a) : 1));
      expect(height).toBeLessThanOrEqual(2 * 13 * 1.2 + 0.5);
      // In Chinese: the family and the openings in Chinese.
      await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await expect.poll(() => card('am-south-6').locator('.role-meta .role-family').textContent()).toBe('客户经理');
      expect(await card('am-south-6').locator('.role-meta .vacancy').textContent()).toBe('空缺');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
      expect(errors).toEqual([]);
    });
  });
}
