/**
 * Starts Debian's Chromium through playwright-core with the flags this machine needs, and
 * watches every page the tests open for Content-Security-Policy violations.
 *
 * Every browser comes from `launchBrowser`, and every context it opens — by
 * `browser.newContext`, `browser.newPage` or `openApp` — records the violations of its
 * pages; `setup.ts` fails the test during which one was recorded. A test that provokes
 * violations on purpose claims the page's reports with `expectCspViolations(page)`.
 */
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** One Content-Security-Policy violation reported by a page. */
export interface CspViolation {
  /** The page's URL when the report arrived. */
  readonly page: string;
  /** What was refused: the directive, what it blocked and where, or the browser's console line. */
  readonly report: string;
}

/** The name of the function the init script calls in the page for each violation. */
const BINDING = '__reportCspViolation';

/** Violations not claimed by a test, since the last `assertNoCspViolations`. */
const unclaimed: CspViolation[] = [];
/** Pages whose violations a test expects, with the violations they reported. */
const claimed = new WeakMap<Page, CspViolation[]>();
/** Every watched page still open, to settle their reports before a verdict. */
const openPages = new Set<Page>();

function record(page: Page | null, report: string): void {
  const violation = { page: page?.url() ?? '(no page)', report };
  ((page && claimed.get(page)) ?? unclaimed).push(violation);
}

/**
 * Runs in every frame before its own scripts. `securitypolicyviolation` names the directive
 * and the blocked source even when the page catches the error (as zod's eval probe did).
 */
function listenForViolations(binding: string): void {
  addEventListener(
    'securitypolicyviolation',
    (event) => {
      const blocked = event.blockedURI || '(unknown)';
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '';
      const report = (window as unknown as Record<string, (report: string) => Promise<void>>)[binding];
      void report?.(`${event.effectiveDirective} refused ${blocked}${where}`);
    },
    true,
  );
}

/** Starts recording the violations of every page of the context (before any page loads). */
async function watchContentSecurityPolicy(context: BrowserContext): Promise<void> {
  await context.exposeBinding(BINDING, ({ page }, report: string) => record(page, report));
  await context.addInitScript(listenForViolations, BINDING);
  // A second net: Chromium's own console lines, which also name a policy it could not apply
  // ("Unrecognized Content-Security-Policy directive", a directive ignored in a <meta>).
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) record(message.page(), `console: ${message.text()}`);
  });
  context.on('page', (page) => {
    openPages.add(page);
    page.once('close', () => openPages.delete(page));
  });
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run the browser tests with `npm test`.');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // Every context is watched, however a test opens it: `browser.newPage` opens its context
  // through `browser.newContext` (csp.e2e.test.ts checks both ways).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    if (options?.bypassCSP) throw new Error('bypassCSP: the browser tests run under the app\'s Content-Security-Policy.');
    const context = await newContext(options);
    await watchContentSecurityPolicy(context);
    return context;
  };
  return browser;
}

/**
 * A fresh context (empty storage, so the app starts from the China preset) with the app
 * open and its first document drawn; page errors are collected.
 */
export async function openApp(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
  return { context, page, errors };
}

/**
 * For a test that provokes violations on purpose: from now on the page's violations go to
 * the returned list (which fills as reports arrive) instead of failing the test.
 */
export function expectCspViolations(page: Page): readonly CspViolation[] {
  let list = claimed.get(page);
  if (!list) claimed.set(page, (list = []));
  return list;
}

/** Lets every open page deliver the reports it has queued: a task in each page, after theirs. */
async function settleReports(): Promise<void> {
  const settled = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0))).catch(() => undefined);
  const atMost = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all([...openPages].map((page) => Promise.race([settled(page), atMost(2_000)])));
}

/** Throws, naming each one, when a page reported a violation no test claimed since the last call. */
export async function assertNoCspViolations(): Promise<void> {
  await settleReports();
  const found = unclaimed.splice(0);
  if (found.length === 0) return;
  const lines = found.map((v) => `  ${v.page}: ${v.report}`);
  throw new Error(
    `The app's Content-Security-Policy was violated ${found.length} time${found.length > 1 ? 's' : ''}:\n${lines.join('\n')}\n` +
      '(a test that provokes violations on purpose claims them with expectCspViolations(page), tests/e2e/browser.ts)',
  );
}

/**
 * Shows the whole chart (Shift+1), minimap included. Fit opens a chart too large to read
 * whole at its top levels (issue 17); tests about the whole chart or the overview start here.
 */
export async function showWholeChart(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Digit1');
  await page.locator('.minimap').waitFor();
  // Fit animates for 200 ms.
  await page.waitForTimeout(400);
}
