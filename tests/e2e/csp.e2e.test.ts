/**
 * The Content-Security-Policy of the built app (vite.config.ts): what the served page
 * declares, that the app runs under it, and that the watch every browser test runs under
 * (browser.ts, setup.ts) sees and blocks what the policy forbids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { assertNoCspViolations, expectCspViolations, launchBrowser, openApp, showWholeChart } from './browser.ts';

/** The policy's directives, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Adds an element to the page from outside its scripts, as an injected attack would. */
function injectInlineScript(page: Page): Promise<void> {
  return page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true;';
    document.head.append(script);
  });
}

describe('the Content-Security-Policy', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is served in index.html before anything it governs, without unsafe-inline or unsafe-eval, and the page has no inline script or style', async () => {
    const html = await (await fetch(inject('baseUrl'))).text();
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)];
    expect(metas).toHaveLength(1);
    const policy = directives(metas[0]![1]!);
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    expect(metas[0]![1]).not.toMatch(/unsafe-|\*|data:/);
    // A <meta> policy governs only the elements after it.
    const at = metas[0]!.index;
    expect(html.search(/<script|<link|<style/i)).toBeGreaterThan(at);
    for (const script of html.matchAll(/<script\b[^>]*>/gi)) expect(script[0]).toMatch(/\ssrc="/);
    expect(html).not.toMatch(/<style|\sstyle="|\son[a-z]+="/i);
  });

  it('lets the app run, with zod jitless: a refusal zod words and the inspector raise no violation', async () => {
    const { context, page, errors } = await openApp(browser, { width: 1400, height: 900 });
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("script-src 'self'");
    // The fast validator doubts a level out of range, so zod validates and words the refusal.
    const bad = '{"format":"org-structure","version":1,"name":"x","currency":"CNY","roles":[{"id":"a","title":"A","level":12}]}';
    await page.locator('input[type="file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/roles\[0\]\.level/);
    // The inspector's field commands validate through zod too.
    await showWholeChart(page);
    await page.locator('.react-flow__node[data-id="lead-east"]').click();
    const level = page.getByLabel('Level', { exact: true });
    await level.fill('9');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toMatch(/8/);
    expect(errors).toEqual([]);
    await assertNoCspViolations();
    await context.close();
  });

  it('blocks and reports an inline script, an inline style and eval', async () => {
    const { context, page } = await openApp(browser, { width: 1400, height: 900 });
    const violations = expectCspViolations(page);
    await injectInlineScript(page);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.append(style);
      document.body.setAttribute('style', 'display: none');
    });
    // A script from the app's own origin that tries eval and new Function: its file is allowed, what it runs is not.
    await page.route('**/csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: [
          "try { eval('window.__evalRan = true'); } catch (e) { window.__evalRefused = e.name; }",
          "try { new Function('window.__functionRan = true')(); } catch (e) { window.__functionRefused = e.name; }",
        ].join('\n'),
      }),
    );
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.src = './csp-probe.js';
          script.onload = resolve;
          script.onerror = () => reject(new Error('csp-probe.js did not load'));
          document.head.append(script);
        }),
    );

    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { inline: w.__inlineScriptRan, eval: w.__evalRan, evalRefused: w.__evalRefused, function: w.__functionRan, functionRefused: w.__functionRefused };
    });
    expect(ran).toEqual({ inline: undefined, eval: undefined, evalRefused: 'EvalError', function: undefined, functionRefused: 'EvalError' });
    expect(await page.locator('.react-flow__node[data-id="head-cn"]').isVisible()).toBe(true);

    const reported = () => violations.map((v) => v.report);
    await expect.poll(reported).toEqual(
      expect.arrayContaining([
        'script-src-elem refused inline',
        'style-src-elem refused inline',
        'style-src-attr refused inline',
        expect.stringMatching(/^script-src refused eval at .*\/csp-probe\.js:1:/),
        expect.stringMatching(/^script-src refused eval at .*\/csp-probe\.js:2:/),
        expect.stringMatching(/^console: Executing inline script violates the following Content Security Policy directive 'script-src 'self''/),
        expect.stringMatching(/^console: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/),
      ]),
    );
    await context.close();
  });

  it('fails the test for a violation no test claimed, on a page opened with browser.newPage too', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(inject('baseUrl'));
    await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
    await injectInlineScript(page);
    // What setup.ts runs after each test; it also empties the list, so this test passes.
    await expect(assertNoCspViolations()).rejects.toThrow(/Content-Security-Policy was violated[^]*script-src-elem refused inline/);
    await assertNoCspViolations();
    await page.close();
  });

  it('watches every browser test: no test file starts a browser or opens a page but through browser.ts', () => {
    const dir = new URL('./', import.meta.url);
    const files = readdirSync(dir).filter((file) => file.endsWith('.ts') && file !== 'browser.ts');
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(text, `${file} imports playwright-core for more than types: launch the browser with launchBrowser (browser.ts)`).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'playwright-core'/m);
    }
  });
});
