/**
 * The browser half of `npm run bench`: builds the app and the baseline page, serves
 * them on a free port, and times in headless Chromium what a person waits for.
 * Each figure is the median of several runs after a warm-up, printed beside its
 * baseline from the same run.
 */
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { generateOrg } from '../src/model/generate.ts';
import { serializeDocument } from '../src/io/serialize.ts';
import { ensureChromium } from './chromium.mjs';

export interface BrowserFigure {
  readonly name: string;
  readonly roles: number;
  readonly ms: number | null;
  readonly baseline: string;
  readonly baselineMs: number | null;
  readonly note?: string;
  readonly target?: string;
}

const OUT = 'dist-bench';

async function median(runs: number, fn: () => Promise<number>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Opens the app with a document imported, ready to export. */
async function openWithDocument(page: Page, url: string, file: string): Promise<void> {
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.waitForFunction(() => !document.querySelector('.react-flow__node[data-id="head-cn"]'), null, { timeout: 120_000 });
}

/** Milliseconds from confirming the export dialog to the PNG download. */
async function timePngExport(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Export PNG', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').first().selectOption('1');
  const start = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const ms = Date.now() - start;
  await download.delete();
  return ms;
}

/** Runs the browser figures for these sizes. */
export async function runBrowserBench(sizes: readonly number[], log: (line: string) => void): Promise<BrowserFigure[]> {
  const executablePath = ensureChromium();
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, rollupOptions: { input: { main: 'index.html', baseline: 'bench/baseline.html' } } } });
  const server = await preview({ logLevel: 'warn', build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'org-bench-'));
  const figures: BrowserFigure[] = [];
  try {
    for (const roles of sizes) {
      const file = join(dir, `org-${roles}.json`);
      writeFileSync(file, serializeDocument(generateOrg({ roles, seed: 42 })));
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
      const page = await context.newPage();
      await openWithDocument(page, base, file);
      const ours = await median(roles > 5_000 ? 3 : 5, () => timePngExport(page));
      await context.close();

      // The baseline takes ~35 s at 1,000 roles and fails from 5,000 (design.md): one run, bounded.
      let baselineMs: number | null = null;
      let note: string | undefined;
      if (roles <= 2_000) {
        const basePage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await basePage.goto(`${base}bench/baseline.html`);
        const text = readFileSync(file, 'utf8');
        const start = Date.now();
        try {
          await basePage.evaluate((t) => window.baselineExport(t), text);
          baselineMs = Date.now() - start;
        } catch (cause) {
          note = `baseline failed: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`;
        }
        await basePage.close();
      } else {
        note = 'baseline not run: html-to-image fails on DOM charts above ~5,000 roles (design.md)';
      }
      const figure: BrowserFigure = {
        name: 'PNG export (1×), click to download',
        roles,
        ms: ours,
        baseline: 'html-to-image of the DOM chart (1 run)',
        baselineMs,
        note,
        target: roles === 1_000 ? '≤ 1 s' : roles === 10_000 ? '≤ 8 s' : undefined,
      };
      figures.push(figure);
      const ratio = baselineMs ? `ratio ${(ours / baselineMs).toFixed(3)}` : '';
      log(`  ${roles.toLocaleString('en-US').padStart(6)} roles  ${figure.name.padEnd(36)} ${`${ours} ms`.padStart(9)}   baseline ${baselineMs === null ? '—' : `${baselineMs} ms`}  ${ratio}${figure.target ? `   target ${figure.target}` : ''}${note ? `   (${note})` : ''}`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(OUT, { recursive: true, force: true });
  }
  return figures;
}
