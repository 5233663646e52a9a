import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp, showWholeChart } from './browser.ts';

const presetText = (name: string) => readFileSync(new URL(`../../presets/${name}.json`, import.meta.url), 'utf8');
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const findings = (page: Page) => page.getByRole('region', { name: 'Findings' });
const docName = (page: Page) => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' });

async function centre(page: Page, id: string) {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`role ${id} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a card onto another; `whileOver` runs with the pointer resting there, before the
 * drop. The view may then move (200 ms) to bring the dropped role into sight: wait for it.
 */
async function dragOnto(page: Page, fromId: string, toId: string, whileOver?: () => Promise<void>) {
  const from = await centre(page, fromId);
  const to = await centre(page, toId);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 12, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await whileOver?.();
  await page.mouse.up();
  await page.waitForTimeout(350);
}

describe('the designer in Chromium', () => {
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
  beforeEach(async () => {
    await context?.close();
    ({ context, page, errors } = await openApp(browser, { width: 1600, height: 1000 }));
    await showWholeChart(page);
  });

  it('opens the China preset with every hook of ui.md and no finding', async () => {
    await expect.poll(() => docName(page).inputValue()).toBe('China Account Management');
    for (const name of ['New', 'Presets', 'Undo', 'Redo', 'Auto layout', 'Export JSON', 'Export PNG', 'Export SVG']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    expect(await page.locator('input[type="file"]').getAttribute('aria-label')).toBe('Import');
    for (const family of ['head-am', 'am-lead', 'senior-am', 'am', 'am-ops', 'other', 'external']) {
      expect(await page.locator(`[data-palette="${family}"]`).count()).toBe(1);
    }
    expect(await page.locator('.react-flow__edge-reports').count()).toBeGreaterThan(30);
    expect(await page.locator('.react-flow__edge-dotted').count()).toBe(4);
    expect(await findings(page).locator('[data-rule]').count()).toBe(0);
    await expect.poll(() => node(page, 'head-cn').textContent()).toContain('Head of Account Management, China');
    expect(errors).toEqual([]);
  });

  it('loads each preset from the gallery, and the anti-patterns show every rule', async () => {
    for (const [file, name] of [
      ['lean-player-coach-pod', undefined],
      ['tiered-coverage-pods', undefined],
      ['global-matrix', undefined],
      ['anti-patterns', undefined],
      ['china-account-management', 'China Account Management'],
    ] as const) {
      const expected = name ?? (JSON.parse(presetText(file)) as { name: string }).name;
      await page.getByRole('button', { name: 'Presets', exact: true }).click();
      await page.getByRole('button', { name: expected, exact: true }).click();
      await expect.poll(() => docName(page).inputValue()).toBe(expected);
      if (file === 'anti-patterns') {
        const rules = await findings(page).locator('[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
        for (const id of ['STR-001', 'STR-007', 'SPAN-002', 'SPAN-007', 'DEC-001', 'DEC-009', 'BUD-001', 'BUD-007', 'QUAL-002']) expect(rules).toContain(id);
        expect(await findings(page).locator('[data-severity="error"]').count()).toBeGreaterThan(0);
      }
      if (file === 'tiered-coverage-pods') {
        expect(await findings(page).locator('[data-rule="SPAN-003"][data-severity="info"]').count()).toBe(1);
      }
    }
    // Loading a preset is one undoable step.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => docName(page).inputValue()).toBe((JSON.parse(presetText('anti-patterns')) as { name: string }).name);
  });

  it('adds a report by dragging a palette card onto a role, and the rules react', async () => {
    const before = await page.locator('.react-flow__node').count();
    await page.locator('[data-palette="am"]').dragTo(node(page, 'am-east-1'));
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(before + 1);
    // An Account Manager with a report: SPAN-004 (AMs have no reports) on am-east-1.
    await expect.poll(() => findings(page).locator('[data-rule="SPAN-004"][data-roles^="am-east-1"]').count()).toBe(1);
  });

  it('re-parents by drag and drop, shows the findings change, and undoes and redoes it', async () => {
    await dragOnto(page, 'am-east-1', 'sam-east-1', async () => {
      // Before the drop: the target is highlighted and the preview says what the drop does.
      await expect.poll(() => node(page, 'sam-east-1').locator('.role-card').getAttribute('class')).toContain('drop-target');
      await expect.poll(() => page.locator('.drop-preview').textContent()).toBe("Drop to report to Senior Account Manager, East China (Shanghai): span 0 → 1 (player-coach 3–5) · errors 0 → 1 · warnings 0 → 2");
    });
    // A Senior AM with one report is a one-over-one: SPAN-001 on sam-east-1.
    const oneOverOne = findings(page).locator('[data-rule="SPAN-001"][data-roles="sam-east-1"]');
    await expect.poll(() => oneOverOne.count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => oneOverOne.count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => oneOverOne.count()).toBe(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => oneOverOne.count()).toBe(0);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => oneOverOne.count()).toBe(1);
  });

  it('keeps an opened explanation with its finding when a new finding is listed above it', async () => {
    await dragOnto(page, 'am-south-1', 'sam-south-1');
    const south = findings(page).locator('[data-rule="SPAN-001"][data-roles="sam-south-1"]');
    await expect.poll(() => south.count()).toBe(1);
    await south.locator('summary').click();
    expect(await south.locator('details').getAttribute('open')).not.toBeNull();
    // SPAN-001 on sam-east-1 comes first in document order: it is listed above the opened one.
    // (The drop kept sam-south-1 in its place while its team grew: the East team went left, out of sight.)
    await showWholeChart(page);
    await dragOnto(page, 'am-east-1', 'sam-east-1');
    const east = findings(page).locator('[data-rule="SPAN-001"][data-roles="sam-east-1"]');
    await expect.poll(() => east.count()).toBe(1);
    expect(await findings(page).locator('[data-rule="SPAN-001"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-roles')))).toEqual(['sam-east-1', 'sam-south-1']);
    expect(await south.locator('details').getAttribute('open')).not.toBeNull();
    expect(await east.locator('details').getAttribute('open')).toBeNull();
  });

  it('draws every card on the minimap, and a click there moves the view', async () => {
    const opaque = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.minimap canvas')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] === 255) count++;
      return count;
    });
    // The China preset's cards, at least a pixel each.
    expect(opaque).toBeGreaterThan(40);
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    const box = (await page.locator('.minimap canvas').last().boundingBox())!;
    await page.mouse.click(box.x + 8, box.y + 8);
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
  });

  it('refuses a drop that would create a reporting cycle, with an alert, and changes nothing', async () => {
    await dragOnto(page, 'lead-east', 'am-east-2', async () => {
      await expect.poll(() => page.locator('.drop-preview').textContent()).toMatch(/cannot report to/);
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/cannot report to/);
    expect(await findings(page).locator('[data-rule]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
  });

  it('edits a field in the inspector, and refuses a wrong value at the field', async () => {
    await node(page, 'lead-east').click();
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('AM Lead, Shanghai');
    await title.press('Enter');
    await expect.poll(() => node(page, 'lead-east').textContent()).toContain('AM Lead, Shanghai');
    const level = page.getByLabel('Level', { exact: true });
    await level.fill('9');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toMatch(/8/);
    await level.press('Enter');
    await expect.poll(() => node(page, 'lead-east').textContent()).toContain('Level 4');
  });

  it('re-parents from the Reports to field, with suggestions, and refuses a cycle at the field', async () => {
    await node(page, 'lead-east').click();
    const reportsTo = page.getByLabel('Reports to', { exact: true });
    expect(await reportsTo.inputValue()).toBe('head-cn');
    await reportsTo.fill('am-east');
    // Suggestions: the roles whose id or title starts with what is typed, then those that contain it.
    const suggested = await page.locator(`datalist#${await reportsTo.getAttribute('list')} option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(suggested).toEqual(['am-east-1', 'am-east-2', 'am-east-3', 'am-east-4', 'am-east-5', 'am-east-6', 'sam-east-1', 'sam-east-2', 'sam-east-3']);
    await reportsTo.fill('am-east-2');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toMatch(/already reports/);
    await reportsTo.press('Enter');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
    await reportsTo.fill('lead-north');
    await reportsTo.press('Enter');
    await expect.poll(() => reportsTo.inputValue()).toBe('lead-north');
    await page.keyboard.press('Control+z');
    await expect.poll(() => reportsTo.inputValue()).toBe('head-cn');
  });

  it('imports a good file as a new document of the library, and refuses a bad one without changing anything', async () => {
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"org-structure","version":1,"name":"x","currency":"CNY","roles":[{"id":"a","title":"A","level":12}]}') });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/roles\[0\]\.level/);
    expect(await docName(page).inputValue()).toBe('China Account Management');
    await input.setInputFiles({ name: 'lean.json', mimeType: 'application/json', buffer: Buffer.from(presetText('lean-player-coach-pod')) });
    const leanName = (JSON.parse(presetText('lean-player-coach-pod')) as { name: string }).name;
    await expect.poll(() => docName(page).inputValue()).toBe(leanName);
    // The document open before stays in the library.
    await page.getByRole('button', { name: 'Documents', exact: true }).click();
    const library = page.getByRole('dialog', { name: 'Documents' });
    await expect.poll(() => library.locator('[data-document-id]').allTextContents()).toEqual([expect.stringContaining(leanName), expect.stringContaining('China Account Management')]);
    await page.keyboard.press('Escape');
    // Undo goes back to it (the import goes to the trash).
    await page.keyboard.press('Control+z');
    await expect.poll(() => docName(page).inputValue()).toBe('China Account Management');
  });

  it('exports JSON that re-imports unchanged', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('China Account Management.json');
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(presetText('china-account-management'));
    await page.locator('input[type="file"]').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON', exact: true }).click()]);
    expect(readFileSync(await again.path(), 'utf8')).toBe(text);
  });

  it('keeps the document across a reload, and undo right after the reload does nothing', async () => {
    const name = docName(page);
    await name.fill('China AM, draft 2');
    await name.press('Enter');
    await page.waitForTimeout(500);
    await page.reload();
    await node(page, 'head-cn').waitFor();
    await expect.poll(() => docName(page).inputValue()).toBe('China AM, draft 2');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
  });

  it('switches to Simplified Chinese, with the Chinese titles on the canvas', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect.poll(() => node(page, 'head-cn').textContent()).toContain('中国区客户管理负责人');
    await expect.poll(() => findings(page).textContent()).toContain('检查结果');
    await page.reload();
    await node(page, 'head-cn').waitFor();
    // The Chinese catalogue is a chunk of its own, loaded before the first render: no English first.
    expect(await findings(page).locator('h2').textContent()).toContain('检查结果');
    await expect.poll(() => node(page, 'head-cn').textContent()).toContain('中国区客户管理负责人');
  });

  it('builds an organization with the keyboard: Tab adds a report, Enter a peer, Delete removes', async () => {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await node(page, 'head').click();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
  });

  it('copies a manager with its team and pastes it under another role with fresh ids', async () => {
    await node(page, 'lead-east').click();
    await page.keyboard.press('Control+c');
    await node(page, 'head-cn').click();
    const before = await page.locator('.react-flow__node').count();
    await page.keyboard.press('Control+v');
    // The pasted lead is selected and centred; its team of 9 comes with it.
    await expect.poll(() => page.locator('.react-flow__node[data-id="lead-east-2"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThanOrEqual(Math.min(before, 30));
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node[data-id="lead-east-2"]').count()).toBe(0);
  });

  it('collapses and expands a team, moves the selection with the arrow keys, and F2 edits the title', async () => {
    await page.getByRole('button', { name: 'Collapse Account Management Lead, East China (Shanghai)' }).click();
    await expect.poll(() => node(page, 'sam-east-1').count()).toBe(0);
    await expect.poll(() => node(page, 'lead-east').textContent()).toContain('+9');
    await page.getByRole('button', { name: 'Expand Account Management Lead, East China (Shanghai)' }).click();
    await expect.poll(() => node(page, 'sam-east-1').count()).toBe(1);
    await node(page, 'lead-north').click();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('.inspector h2').textContent()).toContain('head-cn');
    // Down goes into the reports drawn below (lead-north), Left to the lead drawn on its left.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.inspector h2').textContent()).toContain('lead-east');
    await page.keyboard.press('F2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inspector-title');
  });

  it('adds a dotted line from the inspector, drawn dashed', async () => {
    await node(page, 'lead-south').click();
    const before = await page.locator('.react-flow__edge-dotted').count();
    // Issue 21: the new line asks for its target first (tests/e2e/inspector.e2e.test.ts).
    await page.locator('.inspector details[data-section="lines"] > summary').click();
    await page.getByRole('button', { name: 'Add Dotted lines' }).click();
    expect(await page.locator('.react-flow__edge-dotted').count()).toBe(before);
    const target = page.getByLabel('Dotted line to', { exact: true });
    await target.fill('lead-east');
    await target.press('Enter');
    await expect.poll(() => page.locator('.react-flow__edge-dotted').count()).toBe(before + 1);
  });

  it("sets a reporting line by dragging from a role's bottom handle to another's top handle", async () => {
    const from = (await node(page, 'sam-south-1').locator('.react-flow__handle-bottom').boundingBox())!;
    const to = (await node(page, 'am-south-6').locator('.react-flow__handle-top').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => findings(page).locator('[data-rule="SPAN-001"][data-roles="sam-south-1"]').count()).toBe(1);
    await node(page, 'am-south-6').click();
    await expect.poll(() => page.getByLabel('Reports to').inputValue()).toBe('sam-south-1');
  });
});
