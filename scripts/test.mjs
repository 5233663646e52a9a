#!/usr/bin/env node
// `npm test`: every test — unit, property, CLI, then end-to-end in a real headless Chromium.
// The browser tests are never skipped: without a Chromium this installs one (as root) or stops.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const chromium = ensureChromium();
const reports = mkdtempSync(join(tmpdir(), 'org-designer-tests-'));
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const extra = process.argv.slice(2);

const suites = [
  { name: 'unit, property and CLI', args: [] },
  { name: 'end-to-end (Chromium)', args: ['--config', 'tests/e2e/vitest.config.ts'] },
];

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const [i, suite] of suites.entries()) {
  console.log(`\n▶ ${suite.name} tests`);
  const report = join(reports, `${i}.json`);
  const run = spawnSync(process.execPath, [vitest, 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
  if (run.status !== 0) exitCode = 1;
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    if (result.numTotalTests === 0) {
      console.error(`The ${suite.name} suite ran no test.`);
      exitCode = 1;
    }
  } catch {
    console.error(`The ${suite.name} suite wrote no report.`);
    exitCode = 1;
  }
}
rmSync(reports, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
