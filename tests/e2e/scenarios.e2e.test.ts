/**
 * Scenarios in the library (issue 18, point 1), in Chromium at 1440×900: from the China
 * preset, New scenario; it is listed under its base; a salary changed in it; Make current
 * gives the base the change in one step that Undo takes back, the base's old content is in
 * Versions; the tree survives a reload.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';

const BASE = 'China Account Management';
const SCENARIO = `${BASE} — scenario 1`;

const docName = (page: Page) => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' });
const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /saved|saving|paused/i });
const library = (page: Page) => page.getByRole('dialog', { name: 'Documents' });
const salaryMin = (page: Page) => page.getByLabel('Salary min (CNY)', { exact: true });

async function waitSaved(page: Page) {
  await expect.poll(() => saveState(page).textContent(), { timeout: 30_000 }).toMatch(/^Saved/);
}

async function openDocuments(page: Page) {
  await page.getByRole('button', { name: 'Documents', exact: true }).click();
  await library(page).waitFor();
  await expect.poll(() => library(page).locator('ul').first().getAttribute('aria-busy')).toBe('false');
}

/** The rows of the Documents list as "level name", in the order shown. */
async function tree(page: Page): Promise<string[]> {
  const rows = library(page).locator('[data-document-id]');
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push(`${await row.getAttribute('aria-level')} ${await row.locator('.document-name').textContent()}`);
  }
  return out;
}

/** The Head of Account Management's minimum salary, as the inspector shows it. */
async function headSalary(page: Page): Promise<string> {
  await page.locator('.react-flow__node[data-id="head-cn"]').click();
  return salaryMin(page).inputValue();
}

describe('scenarios in the library', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(errors).toEqual([]);
    errors = [];
  });

  it('branches the China preset, edits the scenario, makes it current (undoable, old content in Versions), and keeps the tree across a reload', async () => {
    const app = await openApp(browser, { width: 1440, height: 900 });
    ({ context, errors } = app);
    const page = app.page;
    await waitSaved(page);
    expect(await headSalary(page)).toBe('1300000');

    // New scenario: a copy named after its base opens at once.
    await openDocuments(page);
    await library(page).getByRole('button', { name: `New scenario ${BASE}`, exact: true }).click();
    await expect.poll(() => docName(page).inputValue()).toBe(SCENARIO);
    await expect.poll(() => library(page).count()).toBe(0);

    // Listed under its base, a level deeper, saying whose scenario it is.
    await openDocuments(page);
    await expect.poll(() => tree(page)).toEqual([`1 ${BASE}`, `2 ${SCENARIO}`]);
    const scenarioRow = library(page).locator('[data-document-id][aria-level="2"]');
    expect(await scenarioRow.locator('.document-meta').textContent()).toContain(`Scenario of “${BASE}”`);
    expect(await scenarioRow.getByRole('button', { name: `Make current ${SCENARIO}`, exact: true }).isVisible()).toBe(true);
    expect(await scenarioRow.getByRole('button', { name: `Compare with base ${SCENARIO}`, exact: true }).isVisible()).toBe(true);
    // The base row has no base to compare with or replace.
    const baseRow = library(page).locator('[data-document-id][aria-level="1"]');
    expect(await baseRow.getByRole('button', { name: /^Make current|^Compare with base/ }).count()).toBe(0);
    // The scenario's row sits indented under its base.
    const [baseBox, scenarioBox] = await Promise.all([baseRow.locator('.document-name').boundingBox(), scenarioRow.locator('.document-name').boundingBox()]);
    expect(scenarioBox!.x).toBeGreaterThan(baseBox!.x + 10);
    await page.keyboard.press('Escape');

    // Edit the scenario: the head's salary.
    await page.locator('.react-flow__node[data-id="head-cn"]').click();
    await salaryMin(page).fill('1350000');
    await salaryMin(page).press('Enter');
    await waitSaved(page);

    // Make current: the base opens with the scenario's content, under its own name.
    await openDocuments(page);
    await library(page).getByRole('button', { name: `Make current ${SCENARIO}`, exact: true }).click();
    await expect.poll(() => docName(page).inputValue()).toBe(BASE);
    await expect.poll(() => page.getByText(`“${BASE}” now has the content of “${SCENARIO}”`).count()).toBe(1);
    expect(await headSalary(page)).toBe('1350000');
    await waitSaved(page);

    // The base's old content is a version: restoring the newest one brings it back (a step of its own).
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    const versions = page.getByRole('dialog', { name: 'Versions' });
    await expect.poll(() => versions.locator('li').count()).toBeGreaterThanOrEqual(1);
    await versions.locator('li').first().getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => headSalary(page)).toBe('1300000');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => headSalary(page)).toBe('1350000');

    // Undo takes Make current back: the old content, in the base, saved.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => headSalary(page)).toBe('1300000');
    expect(await docName(page).inputValue()).toBe(BASE);
    await waitSaved(page);

    // A reload keeps the base, its old content, and the tree.
    await page.reload();
    await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
    await expect.poll(() => docName(page).inputValue()).toBe(BASE);
    expect(await headSalary(page)).toBe('1300000');
    await openDocuments(page);
    await expect.poll(() => tree(page)).toEqual([`1 ${BASE}`, `2 ${SCENARIO}`]);
  });

  it('branches a scenario, compares any two documents through "Compare…", and lists a scenario of a trashed base at the top', async () => {
    const app = await openApp(browser, { width: 1440, height: 900 });
    ({ context, errors } = app);
    const page = app.page;
    await waitSaved(page);
    await openDocuments(page);
    await library(page).getByRole('button', { name: `New scenario ${BASE}`, exact: true }).click();
    await expect.poll(() => docName(page).inputValue()).toBe(SCENARIO);
    await openDocuments(page);
    await library(page).getByRole('button', { name: `New scenario ${SCENARIO}`, exact: true }).click();
    await expect.poll(() => docName(page).inputValue()).toBe(`${SCENARIO} — scenario 1`);
    await openDocuments(page);
    await expect.poll(() => tree(page)).toEqual([`1 ${BASE}`, `2 ${SCENARIO}`, `3 ${SCENARIO} — scenario 1`]);

    // "Compare…" starts from the open scenario against its base; two selects pick any two.
    await library(page).getByRole('button', { name: 'Compare…', exact: true }).click();
    const form = library(page).getByRole('form', { name: 'Compare two documents' });
    const base = form.getByLabel('Base', { exact: true });
    const proposal = form.getByLabel('Proposal', { exact: true });
    const ids = await library(page).locator('[data-document-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-document-id')!));
    expect([await base.inputValue(), await proposal.inputValue()]).toEqual([ids[1], ids[2]]);
    await proposal.selectOption(ids[1]!);
    await form.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Choose two different documents.');
    await base.selectOption(ids[0]!);
    expect(await form.getByRole('alert').count()).toBe(0);

    // The base to the trash: its scenario stays, at the top, with nothing to make current.
    await library(page).locator(`[data-document-id="${ids[0]}"]`).getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => tree(page)).toEqual([`1 ${SCENARIO}`, `2 ${SCENARIO} — scenario 1`]);
    const orphan = library(page).locator(`[data-document-id="${ids[1]}"]`);
    expect(await orphan.locator('.document-meta').textContent()).toContain(`Scenario of “${BASE}”, which is in the trash`);
    expect(await orphan.getByRole('button', { name: /^Make current/ }).count()).toBe(0);
    // Undo of the delete brings the tree back.
    await library(page).getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => tree(page)).toEqual([`1 ${BASE}`, `2 ${SCENARIO}`, `3 ${SCENARIO} — scenario 1`]);

    // Compare with base hands the pair to the compare view, base first, and makes way for it.
    await library(page).getByRole('button', { name: `Compare with base ${SCENARIO}`, exact: true }).click();
    await expect.poll(() => library(page).count()).toBe(0);
    const compare = page.getByRole('dialog', { name: 'Compare' });
    await compare.waitFor();
    const title = (await compare.getByRole('heading').first().textContent())!;
    expect(title.indexOf(BASE)).toBeGreaterThanOrEqual(0);
    expect(title.indexOf(SCENARIO)).toBeGreaterThan(title.indexOf(BASE));
  });
});
