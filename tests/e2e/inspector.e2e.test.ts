/**
 * The inspector in plain words (issue 21, points 1 and 2): every value of the format's
 * lists shown by its name in the UI language (the id in its tooltip), values never cut,
 * sections that fold and keep their state, the role profile one click away, field
 * messages said for a person, Escape putting the last valid value back; and new rows
 * that start sensibly: a decision right that creates no DEC-001, a dotted line and an
 * accepted exception that ask for what they need before anything is added.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp, showWholeChart } from './browser.ts';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.locator('aside.inspector');
const findings = (page: Page) => page.getByRole('region', { name: 'Findings' });
const section = (page: Page, id: string) => inspector(page).locator(`details[data-section="${id}"]`);
const fieldError = (page: Page) => inspector(page).locator('.field-error');
const presetText = (name: string) => readFileSync(new URL(`../../presets/${name}.json`, import.meta.url), 'utf8');

/** Selects a role by clicking its card, with the whole chart shown. */
async function select(page: Page, id: string): Promise<void> {
  await node(page, id).click();
  await expect.poll(() => inspector(page).locator('h2 code').textContent()).toBe(id);
}

/** Opens every folded section of the inspector. */
async function openAll(page: Page): Promise<void> {
  const folded = inspector(page).locator('details.inspector-section:not([open]) > summary');
  while ((await folded.count()) > 0) await folded.first().click();
}

/** The selects of the inspector (visible ones): the chosen option's text, value and the select's tooltip. */
function selects(page: Page) {
  return inspector(page)
    .locator('select')
    .evaluateAll((list) =>
      (list as HTMLSelectElement[])
        .filter((s) => s.checkVisibility())
        .map((s) => ({ label: s.labels?.[0]?.textContent ?? s.getAttribute('aria-label') ?? '', text: s.selectedOptions[0]?.text ?? '', value: s.value, title: s.title, options: [...s.options].map((o) => ({ text: o.text, value: o.value, title: o.title })) })),
    );
}

/** The visible fields of the inspector whose value does not fit: a select's chosen text, an input's or a textarea's text. */
function cutValues(page: Page) {
  return inspector(page).evaluate((root) => {
    const cut: string[] = [];
    const context = document.createElement('canvas').getContext('2d')!;
    for (const el of root.querySelectorAll<HTMLElement>('select, input[type="text"], textarea')) {
      if (!el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      if (el instanceof HTMLSelectElement) {
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = el.selectedOptions[0]?.text ?? '';
        // The room for the text: the inner width less the drop-down arrow (about 20 px).
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        if (context.measureText(text).width > room) cut.push(`select "${text}" (${Math.round(context.measureText(text).width)} > ${room})`);
      } else if (el instanceof HTMLTextAreaElement) {
        if (el.scrollHeight > el.clientHeight + 1) cut.push(`textarea "${el.value}"`);
      } else if (el.scrollWidth > el.clientWidth + 1) cut.push(`input "${(el as HTMLInputElement).value}"`);
    }
    return cut;
  });
}

describe('the inspector in plain words', () => {
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

  async function open(viewport = { width: 1440, height: 900 }) {
    await context?.close();
    ({ context, page, errors } = await openApp(browser, viewport));
    await showWholeChart(page);
  }

  it('names every value of the format’s lists in the UI language, the id in its tooltip', async () => {
    await open();
    await select(page, 'head-cn');
    await openAll(page);
    const english = await selects(page);
    const chosen = (label: string) => english.filter((s) => s.label === label).map((s) => s.text);
    expect(chosen('Family')).toEqual(['Head of AM']);
    expect(chosen('Function')).toEqual(['Account management']);
    expect(chosen('Area')).toContain('Account strategy');
    expect(chosen('Area')).toContain('Cross-functional priorities');
    expect(chosen('Authority')).toContain('Decide');
    expect(chosen('Scope')).toContain('Department');
    expect(chosen('Kind')).toEqual(expect.arrayContaining(['Personnel', 'Client programs', 'Indirect manager', 'Partner']));
    // No option shows a raw id; each one's id is its tooltip, and the chosen one's the select's.
    for (const s of english) {
      expect(s.title, s.label).toBe(s.value);
      for (const o of s.options.filter((o) => o.value !== '')) {
        expect(o.text, `${s.label}: ${o.value}`).not.toBe(o.value);
        expect(o.title).toBe(o.value);
      }
    }
    expect(english.find((s) => s.label === 'Manager archetype')?.text).toBe('by family (Player-coach)');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect.poll(async () => (await selects(page)).find((s) => s.label === '职位族')?.text).toBe('客户管理负责人');
    // The rules' Chinese words arrive with the rules' Chinese texts.
    await expect.poll(async () => (await selects(page)).filter((s) => s.label === '决策领域').map((s) => s.text)).toContain('客户战略');
    const chinese = await selects(page);
    const zh = (label: string) => chinese.filter((s) => s.label === label).map((s) => s.text);
    expect(zh('职能')).toEqual(['客户管理']);
    expect(zh('权限')).toContain('决定');
    expect(zh('范围')).toContain('部门');
    expect(zh('类型')).toEqual(expect.arrayContaining(['人员', '间接上级', '合作伙伴']));
    for (const s of chinese) for (const o of s.options.filter((o) => o.value !== '')) expect(o.text, `${s.label}: ${o.value}`).not.toBe(o.value);

    // The document's rule settings name the severities too.
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => inspector(page).locator('h2').textContent()).toBe('文档');
    const severity = inspector(page).locator('select[aria-label$="SPAN-002"]');
    expect(await severity.locator('option').allTextContents()).toEqual(['默认', '错误', '警告', '提示']);
    expect(errors).toEqual([]);
  });

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    it(`never cuts a value at ${viewport.width}×${viewport.height}, in English and Chinese`, async () => {
      await open(viewport);
      for (const language of ['en', 'zh-CN']) {
        await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
        for (const id of ['head-cn', 'lead-east']) {
          await select(page, id);
          await openAll(page);
          expect(await cutValues(page), `${language} ${id}`).toEqual([]);
        }
      }
      // A long title wraps onto more lines instead of being cut.
      await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
      const title = page.getByLabel('Title', { exact: true });
      const oneLine = (await title.boundingBox())!.height;
      await title.fill('Account Management Lead for the strategic merchants of East China, Shanghai and the Yangtze River Delta');
      await title.press('Enter');
      expect((await title.boundingBox())!.height).toBeGreaterThan(oneLine + 10);
      expect(await cutValues(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('folds its sections, keeps them as they were from one role to the next, and shows the role profile in one click', async () => {
    await open();
    await select(page, 'head-cn');
    const names = await inspector(page).locator('details.inspector-section > summary').allTextContents();
    expect(names.map((n) => n.replace(/\s*\(\d+\)$/, ''))).toEqual(['Role', 'Holder', 'Pay and revenue target', 'Accounts', 'Decision rights', 'Budgets', 'Dotted lines', 'Accepted exceptions', 'Role profile']);
    expect(names).toContain('Decision rights (11)');
    // The title stays at the top, whatever is folded.
    await section(page, 'role').locator(':scope > summary').click();
    await expect.poll(() => section(page, 'role').getAttribute('open')).toBeNull();
    expect(await page.getByLabel('Level', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByLabel('Title', { exact: true }).isVisible()).toBe(true);
    await section(page, 'decisions').locator(':scope > summary').click();
    await select(page, 'lead-east');
    expect(await section(page, 'role').getAttribute('open')).toBeNull();
    expect(await section(page, 'decisions').getAttribute('open')).toBe('');
    await section(page, 'role').locator(':scope > summary').click();
    expect(await page.getByLabel('Level', { exact: true }).isVisible()).toBe(true);

    // The profile: a link at the top opens its section and brings it into view.
    await select(page, 'head-cn');
    expect(await section(page, 'profile').getAttribute('open')).toBeNull();
    const link = inspector(page).getByRole('link', { name: 'See the role profile' });
    const top = (await inspector(page).boundingBox())!;
    expect((await link.boundingBox())!.y).toBeLessThan(top.y + 60);
    await link.click();
    await expect.poll(() => section(page, 'profile').getAttribute('open')).toBe('');
    const profile = section(page, 'profile').locator(':scope > summary');
    await expect.poll(async () => (await profile.boundingBox())!.y).toBeLessThan(top.y + top.height - 40);
    expect((await profile.boundingBox())!.y).toBeGreaterThanOrEqual(top.y - 1);
    expect(await section(page, 'profile').textContent()).toContain('Responsibilities');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    expect(errors).toEqual([]);
  });

  it('says what a field accepts in plain words, in English and Chinese, and Escape puts the last valid value back', async () => {
    await open();
    await select(page, 'lead-east');
    const level = page.getByLabel('Level', { exact: true });
    await level.fill('9');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('Level is 1 to 8');
    await level.fill('2.5');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('Level is a whole number, 1 to 8');
    // Escape: the document's value again, no message, and the focus has left the field.
    await level.press('Escape');
    expect(await level.inputValue()).toBe('4');
    expect(await fieldError(page).count()).toBe(0);
    expect(await level.evaluate((el) => el === document.activeElement)).toBe(false);
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
    // A valid draft is dropped by Escape too: nothing is committed.
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Lead, Shanghai');
    await title.press('Escape');
    expect(await title.inputValue()).toBe('Account Management Lead, East China (Shanghai)');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    await title.fill('');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('Title has 1 to 120 characters');
    await title.press('Escape');
    const headcount = page.getByLabel('Headcount', { exact: true });
    await headcount.fill('0');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('Headcount is a whole number, at least 1');
    await headcount.press('Escape');
    const bonus = page.getByLabel('Bonus %', { exact: true });
    await bonus.fill('120');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('Bonus % is 0 to 100');
    // Leaving a wrong value puts the document's value back as well.
    await bonus.blur();
    expect(await fieldError(page).count()).toBe(0);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    const levelZh = page.getByLabel('职级', { exact: true });
    await levelZh.fill('0');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('职级应为 1 到 8');
    await levelZh.press('Escape');
    const headcountZh = page.getByLabel('编制人数', { exact: true });
    await headcountZh.fill('1.5');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('编制人数应为整数，至少为 1');
    await headcountZh.press('Escape');
    const titleZh = page.getByLabel('职位名称', { exact: true });
    await titleZh.fill('');
    await expect.poll(() => fieldError(page).first().textContent()).toBe('职位名称应有 1 到 120 个字符');
    await titleZh.press('Escape');
    expect(await titleZh.inputValue()).toBe('Account Management Lead, East China (Shanghai)');
    expect(errors).toEqual([]);
  });

  it('adds a decision right for an area the role does not hold yet, with no new finding', async () => {
    await open();
    await select(page, 'lead-east');
    await section(page, 'decisions').locator(':scope > summary').click();
    const areas = async () => (await selects(page)).filter((s) => s.label === 'Area').map((s) => s.value);
    const before = await areas();
    expect(before).toHaveLength(9);
    const add = inspector(page).getByRole('button', { name: 'Add Decision rights', exact: true });
    for (let n = 1; n <= 4; n++) {
      await add.click();
      await expect.poll(async () => (await areas()).length).toBe(before.length + n);
      const now = await areas();
      expect(new Set(now).size, now.join(' ')).toBe(now.length);
    }
    expect(await findings(page).locator('[data-rule="DEC-001"]').count()).toBe(0);
    expect(await findings(page).locator('[data-rule]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('asks for a new dotted line’s target before adding it, offering neither the role, its manager nor a role it has a line to', async () => {
    await open();
    await select(page, 'lead-south');
    await section(page, 'lines').locator(':scope > summary').click();
    const edges = () => page.locator('.react-flow__edge-dotted').count();
    const before = await edges();
    await inspector(page).getByRole('button', { name: 'Add Dotted lines', exact: true }).click();
    const target = inspector(page).getByLabel('Dotted line to', { exact: true });
    const addLine = inspector(page).getByRole('button', { name: 'Add line', exact: true });
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await addLine.isDisabled()).toBe(true);
    expect(await edges()).toBe(before);
    // Suggestions leave out the role itself and its manager.
    await target.fill('lead');
    // Text on its way to a role is not an error yet: the hint stays.
    expect(await fieldError(page).count()).toBe(0);
    const listId = await target.getAttribute('list');
    const options = await page.locator(`datalist[id="${listId}"] option`).evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['lead-east', 'lead-north']);
    await target.fill('head-cn');
    await expect.poll(() => fieldError(page).first().textContent()).toMatch(/manager/);
    expect(await addLine.isDisabled()).toBe(true);
    await target.press('Enter');
    expect(await edges()).toBe(before);
    // Escape gives up: nothing added, the focus back on "Add".
    await target.press('Escape');
    expect(await target.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Add Dotted lines');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    await inspector(page).getByRole('button', { name: 'Add Dotted lines', exact: true }).click();
    await target.fill('lead-east');
    await expect.poll(() => target.getAttribute('aria-describedby')).toMatch(/hint$/);
    expect(await addLine.isDisabled()).toBe(false);
    await target.press('Enter');
    await expect.poll(edges).toBe(before + 1);
    await expect.poll(() => section(page, 'lines').locator(':scope > summary').textContent()).toBe('Dotted lines (1)');
    expect(await findings(page).locator('[data-rule]').count()).toBe(0);
    // The next one is not offered the role it has a line to now.
    await inspector(page).getByRole('button', { name: 'Add Dotted lines', exact: true }).click();
    await target.fill('lead');
    const next = await page.locator(`datalist[id="${await target.getAttribute('list')}"] option`).evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(next).toEqual(['lead-north']);
    await target.fill('lead-east');
    await expect.poll(() => fieldError(page).first().textContent()).toMatch(/already/);
    expect(errors).toEqual([]);
  });

  it('asks for a new exception’s rule, the role’s findings first, and a reason written by the person', async () => {
    await open();
    await page.locator('input[type="file"]').setInputFiles({ name: 'anti-patterns.json', mimeType: 'application/json', buffer: Buffer.from(presetText('anti-patterns')) });
    await node(page, 'sam-east-2').waitFor();
    await showWholeChart(page);
    await select(page, 'sam-east-2');
    const own = await findings(page)
      .locator('[data-roles~="sam-east-2"]:not([data-severity="info"])')
      .evaluateAll((list) => [...new Set(list.map((f) => f.getAttribute('data-rule')!))]);
    expect(own.length).toBeGreaterThan(0);
    await section(page, 'exceptions').locator(':scope > summary').click();
    await inspector(page).getByRole('button', { name: 'Add Accepted exceptions', exact: true }).click();
    const form = inspector(page).getByRole('group', { name: 'New accepted exception' });
    const first = form.getByRole('group', { name: 'Rules with findings on this role' }).getByRole('radio');
    expect((await first.evaluateAll((list) => list.map((r) => (r as HTMLInputElement).value))).sort()).toEqual([...own].sort());
    const checked = await form.getByRole('radio', { checked: true }).getAttribute('value');
    expect(own).toContain(checked);
    // No reason is written for the person: nothing can be added until they write one.
    const reason = form.getByLabel('Reason', { exact: true });
    expect(await reason.inputValue()).toBe('');
    const accept = form.getByRole('button', { name: 'Add exception', exact: true });
    expect(await accept.isDisabled()).toBe(true);
    await reason.press('Enter');
    expect(await section(page, 'exceptions').locator(':scope > summary').textContent()).toBe('Accepted exceptions');
    // The other rules are there too, folded.
    await form.getByText('Other rules').click();
    expect(await form.getByRole('radio').count()).toBeGreaterThan(own.length + 10);
    await form.getByRole('radio', { checked: true }).waitFor();
    await reason.fill('Covers escalations for the Shanghai pilot until the lead is hired.');
    expect(await accept.isDisabled()).toBe(false);
    await reason.press('Enter');
    await expect.poll(() => section(page, 'exceptions').locator(':scope > summary').textContent()).toBe('Accepted exceptions (1)');
    expect(await section(page, 'exceptions').locator('.exception-rule code').textContent()).toBe(checked);
    await expect.poll(() => findings(page).locator(`[data-rule="${checked}"][data-roles^="sam-east-2"]`).first().getAttribute('data-severity')).toBe('info');
    expect(errors).toEqual([]);
  });
});
