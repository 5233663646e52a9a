/**
 * `npm run bench`: figures of the core in Node, then of the app in headless Chromium
 * (scripts/bench-browser.ts), each the median of several runs after a warm-up, printed
 * beside a baseline measured in the same run on the same document, and written to
 * bench/results.json. `--node-only` skips the browser; BENCH_SIZES and
 * BENCH_BROWSER_SIZES (and the others in docs/performance.md) choose the sizes; an empty
 * list skips those figures.
 * Targets are checked here by a person reading the figures, never by timed unit tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { generateOrg } from '../src/model/generate.ts';
import { buildTreeIndex } from '../src/model/tree.ts';
import { parseDocument } from '../src/schema/parse.ts';
import { serializeDocument } from '../src/io/serialize.ts';
import { checkDocument } from '../src/rules/engine.ts';
import { computeMetrics } from '../src/metrics/index.ts';
import { layoutDocument } from '../src/layout/index.ts';
import { diffDocuments } from '../src/compare/diff.ts';
import { proposalPair } from '../bench/proposal.ts';
import { canvasFigures, runBrowserBench, zoomFigures } from './bench-browser.ts';

const RUNS = 7;
const WARMUP = 3;
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000,50000').split(',').filter(Boolean).map(Number);

/** Median milliseconds of `fn` over RUNS runs after WARMUP untimed ones. */
function median(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

interface Figure { name: string; roles: number; ms: number; baseline: string; baselineMs: number; target?: string }
const figures: Figure[] = [];
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

console.log(`Node ${process.version} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; median of ${RUNS} runs after ${WARMUP} warm-up runs\n`);
for (const roles of SIZES) {
  const text = serializeDocument(generateOrg({ roles, seed: 42 }));
  // Measure on the document as the app and the CLI hold it: loaded through the pipeline.
  const loaded = parseDocument(text);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const doc = loaded.doc;
  const jsonParse = median(() => JSON.parse(text));
  const parse = median(() => parseDocument(text));
  const index = buildTreeIndex(doc);
  const plain: unknown = JSON.parse(text);
  const rows: Omit<Figure, 'roles'>[] = [
    { name: 'parse + validate (parseDocument)', ms: parse, baseline: 'JSON.parse', baselineMs: jsonParse, target: roles === 10_000 ? '≤ 60 ms' : undefined },
    { name: 'tree index', ms: median(() => buildTreeIndex(doc)), baseline: 'parseDocument', baselineMs: parse },
    { name: 'full rule check (index included)', ms: median(() => checkDocument(doc)), baseline: 'parseDocument', baselineMs: parse, target: roles === 10_000 ? '≤ 20 ms (issue 3), ≤ 10 ms (issue 9)' : undefined },
    { name: 'rule check on a built index', ms: median(() => checkDocument(doc, index)), baseline: 'parseDocument', baselineMs: parse },
    { name: 'metrics', ms: median(() => computeMetrics(doc, index)), baseline: 'parseDocument', baselineMs: parse, target: roles === 10_000 ? '≤ 5 ms' : undefined },
    { name: 'layout', ms: median(() => layoutDocument(doc, index)), baseline: 'parseDocument', baselineMs: parse, target: roles === 10_000 ? '≤ 15 ms' : undefined },
    // The floor for a writer built on JSON.stringify: the file's own plain JSON value, indented.
    { name: 'serialize (Export JSON)', ms: median(() => serializeDocument(doc)), baseline: 'JSON.stringify', baselineMs: median(() => JSON.stringify(plain, null, 2)), target: roles === 10_000 ? '≤ 20 ms' : undefined },
  ];
  console.log(`${roles.toLocaleString('en-US')} roles (${(text.length / 1e6).toFixed(1)} MB, ${checkDocument(doc).length} findings)`);
  for (const row of rows) {
    figures.push({ ...row, roles });
    const ratio = row.ms / row.baselineMs;
    console.log(`  ${row.name.padEnd(36)} ${ms(row.ms)}   ${row.baseline.padEnd(14)} ${ms(row.baselineMs)}   ratio ${ratio.toFixed(2).padStart(6)}${row.target ? `   target ${row.target}` : ''}`);
  }
  console.log('');
}

// The comparison of two documents (issue 18), BENCH_DIFF_SIZES: a base and a proposal with 1%
// of the roles moved, changed, removed and added (bench/proposal.ts). Baselines: JSON.stringify
// of both documents (the floor of comparing them as text), and one JSON.stringify per role
// compared by id.
const diffSizes = (process.env.BENCH_DIFF_SIZES ?? '10000,50000').split(',').filter(Boolean).map(Number);
for (const roles of diffSizes) {
  const { base, proposed } = proposalPair(roles);
  const stringifyBoth = median(() => JSON.stringify(base) === JSON.stringify(proposed));
  const perRole = median(() => {
    const before = new Map(base.roles.map((r) => [r.id, JSON.stringify(r)]));
    let differ = 0;
    for (const r of proposed.roles) if (before.get(r.id) !== JSON.stringify(r)) differ++;
    return differ;
  });
  const derived = (doc: typeof base) => {
    const index = buildTreeIndex(doc);
    return { index, findings: checkDocument(doc, index), metrics: computeMetrics(doc, index) };
  };
  const known = { base: derived(base), proposed: derived(proposed) };
  const d = diffDocuments(base, proposed);
  const rows: Omit<Figure, 'roles'>[] = [
    { name: 'diff (findings and metrics included)', ms: median(() => diffDocuments(base, proposed)), baseline: 'JSON.stringify ×2', baselineMs: stringifyBoth, target: roles === 10_000 ? '≤ 50 ms (issue 18)' : undefined },
    { name: 'diff, findings and metrics known', ms: median(() => diffDocuments(base, proposed, known)), baseline: 'JSON per role', baselineMs: perRole },
  ];
  console.log(`Diff at ${roles.toLocaleString('en-US')} roles (${d.added.length} added, ${d.removed.length} removed, ${d.moved.length} moved, ${d.changed.length} changed; ${d.findings.new.length} new and ${d.findings.resolved.length} resolved findings)`);
  for (const row of rows) {
    figures.push({ ...row, roles });
    console.log(`  ${row.name.padEnd(36)} ${ms(row.ms)}   ${row.baseline.padEnd(17)} ${ms(row.baselineMs)}   ratio ${(row.ms / row.baselineMs).toFixed(2).padStart(6)}${row.target ? `   target ${row.target}` : ''}`);
  }
  console.log('');
}

const browserSizes = (process.env.BENCH_BROWSER_SIZES ?? '1000,10000').split(',').filter(Boolean).map(Number);
const browser = process.argv.includes('--node-only') ? [] : await (async () => {
  console.log('Headless Chromium');
  return runBrowserBench(browserSizes, (line) => console.log(line));
})();

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, figures, browser, canvas: canvasFigures, zoom: zoomFigures }, null, 2)}\n`);
console.log('Written to bench/results.json');
