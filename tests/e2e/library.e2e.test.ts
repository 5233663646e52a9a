/**
 * Never lose work (issue 16), in Chromium: documents in IndexedDB across reloads (50,000
 * roles too), the library, a save state that never lies under blocked or full storage,
 * beforeunload, unreadable and legacy data, versions, drafts and two tabs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { compactDocumentJson } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { launchBrowser } from './browser.ts';

const LEGACY_KEY = 'org-designer:document';
const presetText = readFileSync(new URL('../../presets/china-account-management.json', import.meta.url), 'utf8');

const docName = (page: Page) => page.locator('.toolbar').getByRole('textbox', { name: 'Document name' });
const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /saved|saving|paused/i });
const banner = (page: Page) => page.locator('.save-banner[role="alert"]');
const library = (page: Page) => page.getByRole('dialog', { name: 'Documents' });

async function rename(page: Page, name: string) {
  await docName(page).fill(name);
  await docName(page).press('Enter');
}

async function waitSaved(page: Page) {
  await expect.poll(() => saveState(page).textContent(), { timeout: 30_000 }).toMatch(/^Saved/);
}

async function openDocuments(page: Page) {
  await page.getByRole('button', { name: 'Documents', exact: true }).click();

  await library(page).waitFor();
  await expect.poll(() => library(page).locator('ul').first().getAttribute('aria-busy')).toBe('false');
}

describe('never lose work', () => {
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

  /** A fresh context (empty storage); `init` runs in every page before the app. */
  async function open(init?: () => void, viewport = { width: 1440, height: 900 }): Promise<Page> {
    context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'en-US' });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(inject('baseUrl'));
    await page.locator('.react-flow__node').first().waitFor();
    return page;
  }

  it('keeps two documents across reloads, opens the one the tab had, and lists them newest first', async () => {
    const page = await open();
    await waitSaved(page);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => docName(page).inputValue()).toBe('New organization');
    await rename(page, 'Pilot team');
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => docName(page).inputValue()).toBe('Pilot team');
    await openDocuments(page);
    const items = library(page).locator('[data-document-id]');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('Pilot team');
    expect(await items.nth(1).textContent()).toContain('China Account Management');
    expect(await items.nth(1).textContent()).toContain('37 roles');
    await items.nth(1).getByRole('button', { name: /^Open/ }).click();
    await expect.poll(() => docName(page).inputValue()).toBe('China Account Management');
    await page.reload();
    await expect.poll(() => docName(page).inputValue()).toBe('China Account Management');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
  });

  it('renames, duplicates and deletes in the library; delete goes to a trash and can be undone', async () => {
    const page = await open();
    await waitSaved(page);
    await openDocuments(page);
    const items = library(page).locator('[data-document-id]');
    await items.first().getByRole('button', { name: /^Duplicate/ }).click();
    await expect.poll(() => items.count()).toBe(2);
    const copy = library(page).locator('[data-document-id]', { hasText: '(copy)' });
    await copy.getByRole('button', { name: /^Rename/ }).click();
    await library(page).getByRole('textbox', { name: 'Rename' }).fill('Proposal A');
    await library(page).getByRole('textbox', { name: 'Rename' }).press('Enter');
    await expect.poll(() => library(page).locator('[data-document-id]', { hasText: 'Proposal A' }).count()).toBe(1);
    await library(page).locator('[data-document-id]', { hasText: 'Proposal A' }).getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => items.count()).toBe(1);
    await library(page).getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => items.count()).toBe(2);
    await library(page).locator('[data-document-id]', { hasText: 'Proposal A' }).getByRole('button', { name: /^Delete/ }).click();
    await library(page).getByText(/^Trash/).click();
    await library(page).getByRole('button', { name: 'Empty trash' }).click();
    await expect.poll(() => library(page).getByText(/^Trash/).count()).toBe(0);
    await library(page).locator('[data-document-id]', { hasText: 'China' }).getByRole('button', { name: /^Open|^Duplicate/ }).first().waitFor();
    // The copy opened from the library has the name it was given.
    await page.keyboard.press('Escape');
    await expect.poll(() => library(page).count()).toBe(0);
  });

  it('saves a 50,000-role document and gets it back after a reload', async () => {
    const page = await open();
    await waitSaved(page);
    const file = join(mkdtempSync(join(tmpdir(), 'org-library-')), 'fifty-thousand.json');
    writeFileSync(file, compactDocumentJson({ ...generateOrg({ roles: 50_000, seed: 16 }), name: 'Fifty thousand' }));
    await page.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(() => docName(page).inputValue(), { timeout: 60_000 }).toBe('Fifty thousand');
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => docName(page).inputValue(), { timeout: 60_000 }).toBe('Fifty thousand');
    await openDocuments(page);
    expect(await library(page).locator('[data-document-id]', { hasText: 'Fifty thousand' }).textContent()).toContain('50,000 roles');
    // The stored text is the document's, whole.
    const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
    })()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { roles: unknown[] };
    expect(exported.roles.length).toBe(50_000);
  }, 180_000);

  it('with storage blocked never says "Saved", keeps the banner through edits, and asks before closing', async () => {
    const page = await open(() => {
      for (const name of ['localStorage', 'sessionStorage', 'indexedDB'] as const) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The user denied permission to access the database.', 'SecurityError');
          },
        });
      }
    });
    await expect.poll(() => saveState(page).textContent()).toBe('Not saved');
    await expect.poll(() => banner(page).textContent()).toMatch(/does not let this page store data/);
    for (const name of ['One', 'Two', 'Three']) {
      await rename(page, name);
      await expect.poll(() => docName(page).inputValue()).toBe(name);
      expect(await banner(page).count()).toBe(1);
      expect(await saveState(page).textContent()).toBe('Not saved');
    }
    expect(await page.getByText(/^Saved/).count()).toBe(0);
    // Documents still coexist for the session.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await openDocuments(page);
    await expect.poll(() => library(page).locator('[data-document-id]').count()).toBe(2);
    await page.keyboard.press('Escape');
    // Reloading asks first (and, accepted, loses the session's documents, as it said).
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
  });

  it('keeps "Not saved" while storage is full, until a save succeeds', async () => {
    const page = await open(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
        if ((window as unknown as { diskFull?: boolean }).diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await waitSaved(page);
    await page.evaluate(() => ((window as unknown as { diskFull?: boolean }).diskFull = true));
    await rename(page, 'Full one');
    await expect.poll(() => saveState(page).textContent()).toBe('Not saved');
    await expect.poll(() => banner(page).textContent()).toMatch(/storage for this page is full/);
    await rename(page, 'Full two');
    await page.waitForTimeout(600);
    expect(await saveState(page).textContent()).toBe('Not saved');
    expect(await banner(page).count()).toBe(1);
    // beforeunload is armed while unsaved.
    expect(await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    })).toBe(true);
    await page.evaluate(() => ((window as unknown as { diskFull?: boolean }).diskFull = false));
    await banner(page).getByRole('button', { name: 'Try again' }).click();
    await waitSaved(page);
    expect(await banner(page).count()).toBe(0);
    expect(await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    })).toBe(false);
    await page.reload();
    await expect.poll(() => docName(page).inputValue()).toBe('Full two');
  });

  it('moves the old localStorage document into the library, whole', async () => {
    const page = await open();
    const legacy = presetText.replace('"name": "China Account Management"', '"name": "Saved by the old version"');
    await page.evaluate(([key, text]) => {
      indexedDB.deleteDatabase('org-designer');
      localStorage.setItem(key!, text!);
    }, [LEGACY_KEY, legacy]);
    await page.reload();
    await expect.poll(() => docName(page).inputValue()).toBe('Saved by the old version');
    expect(await page.evaluate((key) => localStorage.getItem(key), LEGACY_KEY)).toBeNull();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON', exact: true }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(legacy);
    await page.reload();
    await expect.poll(() => docName(page).inputValue()).toBe('Saved by the old version');
  });

  it('keeps a corrupt saved document once across five reloads, lists it, and downloads its exact text', async () => {
    const corrupt = '{"format":"org-structure", this is not JSON';
    const page = await open();
    for (let i = 0; i < 5; i++) {
      await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [LEGACY_KEY, corrupt]);
      await page.reload();
      await page.locator('.react-flow__node').first().waitFor();
    }
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/could not be opened/);
    await openDocuments(page);
    const broken = library(page).locator('[data-document-id].is-broken');
    await expect.poll(() => broken.count()).toBe(1);
    expect(await broken.textContent()).toContain('Could not be opened');
    const [download] = await Promise.all([page.waitForEvent('download'), broken.getByRole('button', { name: /^Download/ }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(corrupt);
    await broken.getByRole('button', { name: /^Delete forever/ }).click();
    await expect.poll(() => broken.count()).toBe(0);
  });

  it('lists a document from a newer version and never overwrites it', async () => {
    const newer = '{"format":"org-structure","version":9,"name":"From the future","currency":"CNY","roles":[]}';
    const page = await open();
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [LEGACY_KEY, newer]);
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await rename(page, 'Edited here');
    await waitSaved(page);
    await openDocuments(page);
    const item = library(page).locator('[data-document-id].is-broken');
    expect(await item.textContent()).toContain('newer version');
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: /^Download/ }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(newer);
  });

  it('restores a version as one step, and undo brings the edits back', async () => {
    const page = await open();
    await waitSaved(page);
    await page.reload();
    await rename(page, 'After the pilot');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    const versions = page.getByRole('dialog', { name: 'Versions' });
    await expect.poll(() => versions.locator('li').count()).toBeGreaterThanOrEqual(1);
    expect(await versions.locator('li').last().textContent()).toContain('China Account Management');
    await versions.locator('li').last().getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => docName(page).inputValue()).toBe('China Account Management');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => docName(page).inputValue()).toBe('After the pilot');
  });

  it('keeps a draft typed into the name field when the page is reloaded', async () => {
    const page = await open();
    await waitSaved(page);
    await docName(page).fill('Typed, never confirmed');
    await page.reload();
    await expect.poll(() => docName(page).inputValue()).toBe('Typed, never confirmed');
  });

  it('commits a title typed into the inspector when the page is reloaded', async () => {
    const page = await open();
    await waitSaved(page);
    await page.locator('.react-flow__node[data-id="head-cn"]').click();
    await page.locator('#inspector-title').fill('Head of AM, China (typed)');
    await page.reload();
    await expect.poll(() => page.locator('.react-flow__node[data-id="head-cn"]').textContent()).toContain('Head of AM, China (typed)');
  });

  it('two tabs: a clean tab follows the other’s saves; when both edit, the first save wins and the other keeps its edits as a copy', async () => {
    const a = await open();
    await waitSaved(a);
    const b = await context!.newPage();
    await b.goto(inject('baseUrl'));
    await b.locator('.react-flow__node').first().waitFor();
    await rename(a, 'Edited in A');
    await waitSaved(a);
    await expect.poll(() => docName(b).inputValue()).toBe('Edited in A');
    // Both edit the same document before either hears of the other: B saves second.
    await b.evaluate(() => {
      // B stops hearing A, as when the message arrives late.
      BroadcastChannel.prototype.postMessage = () => {};
    });
    await a.evaluate(() => {
      BroadcastChannel.prototype.postMessage = () => {};
    });
    await rename(a, 'A wins');
    await waitSaved(a);
    await rename(b, 'B comes second');
    await expect.poll(() => saveState(b).textContent()).toBe('Saving paused');
    await expect.poll(() => banner(b).textContent()).toMatch(/another tab saved “A wins”/);
    await banner(b).getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect.poll(() => docName(b).inputValue()).toBe('B comes second (copy)');
    await waitSaved(b);
    await a.reload();
    await openDocuments(a);
    const names = await library(a).locator('[data-document-id] .document-name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['A wins', 'B comes second (copy)']));
  });
});
