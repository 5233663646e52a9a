/**
 * Guidance, not a wall of red (issue 21): New gives no error; a head, two leads and six AMs
 * built from the palette give none either; the findings group by severity, role or rule,
 * what to fix first first; a one-click remedy fixes a finding as one undo step; a warning
 * is accepted with the reason the person writes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const findings = (page: Page) => page.getByRole('region', { name: 'Findings' });
const severities = (page: Page) => findings(page).locator('[data-rule]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-severity')} ${e.getAttribute('data-rule')} ${e.getAttribute('data-roles')}`));

async function startNew(page: Page) {
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await node(page, 'head').waitFor();
  await expect.poll(() => findings(page).locator('[data-rule]').count()).toBe(3);
}

describe('guidance and remedies', () => {
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
  });

  it('New gives no error: three partner-line warnings, each with its remedy', async () => {
    await startNew(page);
    expect(await severities(page)).toEqual(['warning STR-007 head', 'warning STR-007 head', 'warning STR-007 head']);
    for (const fn of ['product', 'marketing', 'operations']) {
      expect(await findings(page).getByRole('button', { name: `Add the ${fn} lead as partner`, exact: true }).count()).toBe(1);
    }
    expect(await findings(page).getByRole('button', { name: 'Accept with a reason…', exact: true }).count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('a head, two leads and six AMs from the palette give no error, and group by severity, role or rule', async () => {
    await startNew(page);
    await node(page, 'head').click();
    await page.locator('[data-palette="am-lead"]').click();
    await page.locator('[data-palette="am-lead"]').click();
    for (const lead of ['account-management-lead', 'account-management-lead-2']) {
      await node(page, lead).click();
      for (let i = 0; i < 3; i++) await page.locator('[data-palette="am"]').click();
    }
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(9);
    await expect.poll(() => severities(page)).toEqual([
      'warning STR-007 head',
      'warning STR-007 head',
      'warning STR-007 head',
      'warning SPAN-001 head',
      'info SPAN-003 account-management-lead',
      'info SPAN-003 account-management-lead-2',
    ]);

    const headings = () => findings(page).locator('h3').allTextContents();
    expect(await headings()).toEqual(['Warnings (4)', 'Info (2)']);
    await findings(page).getByRole('radio', { name: 'Role', exact: true }).check();
    expect(await headings()).toEqual(['Head of Account Management (4)', 'Account Management Lead · account-management-lead (1)', 'Account Management Lead · account-management-lead-2 (1)']);
    await findings(page).getByRole('radio', { name: 'Rule', exact: true }).check();
    expect(await headings()).toEqual(['STR-007 · One head with cross-functional partners (3)', 'SPAN-001 · No one-over-ones or micro teams (1)', "SPAN-003 · Span below the archetype's range (2)"]);
    // The hooks stay on every finding whatever the grouping.
    expect((await severities(page)).length).toBe(6);
    await findings(page).getByRole('radio', { name: 'Severity', exact: true }).check();
    expect(await headings()).toEqual(['Warnings (4)', 'Info (2)']);
    expect(errors).toEqual([]);
  });

  it('puts errors first, and a remedy fixes them in one step that Undo takes back', async () => {
    await startNew(page);
    // A loose Account Manager: nobody decides its accounts (4 errors), and it is loose (a warning).
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.locator('[data-palette="am"]').click();
    await expect.poll(() => findings(page).locator('[data-severity="error"]').count()).toBe(4);
    const list = await severities(page);
    expect(list.slice(0, 4)).toEqual(Array(4).fill('error DEC-002 account-manager'));
    // The warnings about the top (the head) before the one about the loose role.
    expect(list.slice(4)).toEqual(['warning STR-007 head', 'warning STR-007 head', 'warning STR-007 head', 'warning STR-002 account-manager']);

    const loose = findings(page).locator('[data-rule="STR-002"]');
    expect(await loose.getByRole('button').allTextContents()).toEqual(expect.arrayContaining(['Report to Head of Account Management', 'Mark as external']));
    await loose.getByRole('button', { name: 'Report to Head of Account Management', exact: true }).click();
    // The head decides its team's accounts: the errors are gone with the loose role.
    await expect.poll(() => severities(page)).toEqual(['warning STR-007 head', 'warning STR-007 head', 'warning STR-007 head', 'warning SPAN-001 head']);
    await expect.poll(() => findings(page).getByRole('status').textContent()).toBe('Done: Report to Head of Account Management. Undo this fix');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => findings(page).locator('[data-severity="error"]').count()).toBe(4);
    expect(await findings(page).getByRole('status').textContent()).toBe('');

    // DEC-002 on a loose owner whose head decides for its team: under the head, it is covered.
    const first = findings(page).locator('[data-rule="DEC-002"]').first();
    await first.getByRole('button', { name: 'Report to Head of Account Management', exact: true }).click();
    await expect.poll(() => findings(page).locator('[data-severity="error"]').count()).toBe(0);
    await findings(page).getByRole('button', { name: 'Undo this fix', exact: true }).click();
    await expect.poll(() => findings(page).locator('[data-severity="error"]').count()).toBe(4);

    // STR-007: the partner is added beside the chart with its line; Undo removes both.
    await findings(page).getByRole('button', { name: 'Add the product lead as partner', exact: true }).click();
    await node(page, 'product-lead').waitFor();
    await expect.poll(() => findings(page).locator('[data-rule="STR-007"]').count()).toBe(2);
    expect(await page.locator('.react-flow__edge-dotted').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => node(page, 'product-lead').count()).toBe(0);
    await expect.poll(() => findings(page).locator('[data-rule="STR-007"]').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('accepts a warning with the reason the person writes, and never without one', async () => {
    await startNew(page);
    const first = findings(page).locator('[data-rule="STR-007"]').first();
    await first.getByRole('button', { name: 'Accept with a reason…', exact: true }).click();
    const reason = first.getByRole('textbox', { name: 'Why is this acceptable?' });
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await reason.inputValue()).toBe('');
    // One exception accepts the rule's findings about the role: the hint says so.
    expect(await first.locator('.accept-form .hint').textContent()).toBe('This accepts all 3 STR-007 findings about Head of Account Management; they stay listed, as info, with your reason.');
    await first.getByRole('button', { name: 'Accept', exact: true }).click();
    expect(await first.locator('.accept-form .hint').textContent()).toContain('Write the reason first.');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await findings(page).locator('[data-severity="warning"]').count()).toBe(3);

    // Escape closes the field and gives the focus back to its button.
    await reason.press('Escape');
    await expect.poll(() => first.locator('.accept-form').count()).toBe(0);
    await first.getByRole('button', { name: 'Accept with a reason…', exact: true }).click();
    await first.getByRole('textbox', { name: 'Why is this acceptable?' }).fill('Partners are named when the team launches.');
    await first.getByRole('textbox', { name: 'Why is this acceptable?' }).press('Enter');
    await expect.poll(() => findings(page).locator('[data-severity="info"][data-rule="STR-007"]').count()).toBe(3);
    expect(await findings(page).locator('.finding-message').first().textContent()).toContain('Accepted exception: Partners are named when the team launches.');
    // Accepted findings offer no fix and no second acceptance.
    expect(await findings(page).locator('.finding-actions').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => findings(page).locator('[data-severity="warning"]').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('words the remedies in Chinese', async () => {
    await startNew(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect.poll(() => findings(page).getByRole('button', { name: '添加产品负责人为合作伙伴', exact: true }).count()).toBe(1);
    expect(await findings(page).getByRole('button', { name: '说明理由后接受…', exact: true }).count()).toBe(3);
    expect(await findings(page).getByRole('radio', { name: '职位', exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
