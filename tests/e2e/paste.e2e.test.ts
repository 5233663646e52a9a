/**
 * Copy and paste copy positions, not people (issue 21, point 6): a copy says what it took,
 * a paste says how many roles it added and what stayed with the originals (holders,
 * budgets), the pasted roles have no holder, and the paste adds no finding of one person,
 * budget or department-wide right in two places. Undo takes the paste back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp, showWholeChart } from './browser.ts';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const notice = (page: Page) => page.locator('.status-line .message-info');
const ruleIds = (page: Page) => page.locator('section.findings [data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));

/** Findings that would mean one thing in two places: a person, a budget id, a department-wide right. */
const DUPLICATION = ['BUD-001', 'BUD-002', 'DEC-001', 'DEC-007', 'DEC-008', 'QUAL-001', 'QUAL-002'];

describe('copy and paste copy positions (issue 21)', () => {
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
  beforeEach(async () => {
    await context?.close();
    ({ context, page, errors } = await openApp(browser, { width: 1440, height: 900 }));
    await showWholeChart(page);
    // The rules have loaded: the China preset follows every rule.
    await page.locator('section.findings .all-clear').waitFor();
  });

  it('says what a copy took, and pastes the team without its holders and budgets', async () => {
    await node(page, 'lead-east').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => notice(page).textContent()).toContain('Copied “Account Management Lead, East China (Shanghai)” and the 9 roles under it.');
    // The notice is spoken: a polite live region.
    expect(await notice(page).getAttribute('aria-live')).toBe('polite');

    await node(page, 'head-cn').click();
    const before = await ruleIds(page);
    await page.keyboard.press('Control+v');
    await expect.poll(() => node(page, 'lead-east-2').count()).toBe(1);
    expect(await notice(page).textContent()).toContain('Pasted 10 roles as positions, without their holders and budgets.');

    // The pasted lead is selected: no holder, no budgets in the inspector; its card names nobody.
    await expect.poll(() => page.locator('.inspector h2').first().textContent()).toContain('lead-east-2');
    expect(await node(page, 'lead-east-2').locator('.role-holder').textContent()).toBe('');
    expect(await page.locator('.inspector').getByLabel('Name', { exact: true }).inputValue()).toBe('');
    // The original keeps its holder.
    await showWholeChart(page);
    expect(await node(page, 'lead-east').locator('.role-holder').textContent()).toBe('Zhang Min');
    expect(await node(page, 'sam-east-1').locator('.role-holder').textContent()).toBe('Liu Yang');
    expect(await node(page, 'sam-east-1-2').locator('.role-holder').textContent()).toBe('');

    // New findings may judge the bigger team (span, cost, targets), never a duplicate.
    await page.waitForTimeout(300);
    const after = await ruleIds(page);
    for (const rule of DUPLICATION) expect(after.filter((r) => r === rule).length, rule).toBe(before.filter((r) => r === rule).length);

    await page.keyboard.press('Control+z');
    await expect.poll(() => node(page, 'lead-east-2').count()).toBe(0);
    await expect.poll(() => ruleIds(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('says a role copied alone left its team, and a single paste names the role', async () => {
    await node(page, 'lead-north').click();
    await page.keyboard.press('Control+Shift+c');
    await expect.poll(() => notice(page).textContent()).toContain('Copied “Account Management Lead, North China (Beijing)” without the roles under it.');
    await node(page, 'head-cn').click();
    await page.keyboard.press('Control+v');
    await expect.poll(() => node(page, 'lead-north-2').count()).toBe(1);
    expect(await notice(page).textContent()).toContain('Pasted “Account Management Lead, North China (Beijing)” as a position, without its holder and budgets.');
    expect(await node(page, 'lead-north-2').locator('.role-holder').textContent()).toBe('');

    // A leaf copied with "its team" is the role alone.
    await node(page, 'am-east-1').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => notice(page).textContent()).toContain('Copied “Account Manager, East China (Shanghai)”.');
  });

  it('speaks Chinese in Chinese', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect.poll(() => node(page, 'lead-east').textContent()).toContain('华东区（上海）客户管理主管');
    await node(page, 'lead-east').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => notice(page).textContent()).toContain('已复制“华东区（上海）客户管理主管”及其下的 9 个职位。');
    await node(page, 'head-cn').click();
    await page.keyboard.press('Control+v');
    await expect.poll(() => node(page, 'lead-east-2').count()).toBe(1);
    expect(await notice(page).textContent()).toContain('已粘贴 10 个职位（仅职位），不含任职者和预算。');
  });
});
