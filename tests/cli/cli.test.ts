import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures', name);

interface Run { code: number; stdout: string; stderr: string }

/** Runs the real CLI as a child process, the way `npm run org --` does. */
function org(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/org-designer.mjs'), ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, INIT_CWD: cwd } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('org check', () => {
  it('exits 0 with no error finding and prints the JSON shape', async () => {
    const run = await org(['check', join(root, 'presets/china-account-management.json'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    expect(Object.keys(out.summary)).toEqual(['error', 'warning', 'info']);
    expect(out.summary.error).toBe(0);
    for (const f of out.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'roles', 'message']);
  });

  it('exits 1 when there are error findings, and lists them', async () => {
    const run = await org(['check', fixture('good/semantic-problems.json'), '--json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.summary.error).toBeGreaterThan(0);
    expect(out.summary.error).toBe(out.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    expect(out.findings.some((f: { rule: string; roles: string[] }) => f.rule === 'STR-001' && f.roles.includes('c'))).toBe(true);
  });

  it('groups human output by severity', async () => {
    const run = await org(['check', fixture('good/semantic-problems.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Work in progress: \d+ errors?, \d+ warnings?, \d+ info/);
    expect(run.stdout).toMatch(/\nErrors \(\d+\)\n {2}STR-001/);
    const errors = run.stdout.indexOf('\nErrors');
    const warnings = run.stdout.indexOf('\nWarnings');
    expect(warnings === -1 || warnings > errors).toBe(true);
  });

  it.each([
    ['bad/not-json.json', /not JSON/],
    ['bad/newer-version.json', /version 7.*version 1/],
    ['bad/out-of-range.json', /roles\[1\]\.level/],
    ['bad/duplicate-id.json', /roles\[2\]\.id/],
  ])('exits 2 on %s with one line naming the problem', async (file, pattern) => {
    const run = await org(['check', fixture(file), '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    noStackTrace(run.stderr);
  });

  it('exits 2 for a missing file and resolves relative paths from where it was run', async () => {
    const missing = await org(['check', 'nowhere.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.json: no such file/);
    const relative = await org(['check', 'minimal.json', '--json'], join(root, 'tests/fixtures/good'));
    expect([0, 1]).toContain(relative.code);
    expect(JSON.parse(relative.stdout).summary).toBeDefined();
  });
});

describe('org format, new, generate, stats', () => {
  it('format prints the canonical export', async () => {
    const run = await org(['format', fixture('good/unknown-fields.json')]);
    expect(run.code).toBe(0);
    const doc = parseDocument(run.stdout);
    expect(doc.ok && doc.notes).toEqual([]);
    expect(run.stdout).not.toContain('colour');
    const bad = await org(['format', fixture('bad/array.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not an org document/);
  });

  it('new prints a preset or a blank document', async () => {
    const preset = await org(['new', 'china-account-management']);
    expect(preset.code).toBe(0);
    expect(preset.stdout).toBe(readFileSync(join(root, 'presets/china-account-management.json'), 'utf8'));
    const blank = await org(['new', 'blank']);
    const doc = parseDocument(blank.stdout);
    expect(doc.ok && doc.doc.roles.map((r) => r.family)).toEqual(['head-am']);
    const unknown = await org(['new', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no preset "nope"/);
  });

  it('generate prints a deterministic document of N roles', async () => {
    const [a, b, c] = await Promise.all([org(['generate', '--roles', '40', '--seed', '3']), org(['generate', '--roles=40', '--seed=3']), org(['generate', '--roles', '40', '--seed', '4'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const doc = parseDocument(a.stdout);
    expect(doc.ok && doc.doc.roles.length).toBe(40);
    const bad = await org(['generate', '--roles', 'many']);
    expect(bad.code).toBe(2);
  });

  it('stats --json prints the metrics', async () => {
    const run = await org(['stats', join(root, 'presets/china-account-management.json'), '--json']);
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats.headcount).toBeGreaterThan(30);
    expect(stats.layers).toBeGreaterThanOrEqual(3);
  });

  it('rejects an unknown command with usage, exit 2', async () => {
    const run = await org(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
    expect(run.stderr).toMatch(/Usage: org/);
  });

  it('checks a file written by generate (round trip through the shell)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-cli-'));
    const gen = await org(['generate', '--roles', '500']);
    writeFileSync(join(dir, 'big.json'), gen.stdout);
    const run = await org(['check', join(dir, 'big.json'), '--json']);
    expect([0, 1]).toContain(run.code);
    expect(JSON.parse(run.stdout).summary).toBeDefined();
  });
});

describe('--lang zh-CN (issue 20)', () => {
  it('org check prints the anti-patterns preset\'s findings in Chinese, text and JSON alike', async () => {
    const preset = join(root, 'presets/anti-patterns.json');
    const english = await org(['check', preset, '--json']);
    const chinese = await org(['check', preset, '--json', '--lang', 'zh-CN']);
    expect(chinese.stderr).toBe('');
    expect(chinese.code).toBe(english.code);
    const en = JSON.parse(english.stdout) as { findings: { rule: string; roles: string[]; message: string }[] };
    const zh = JSON.parse(chinese.stdout) as typeof en;
    // The same findings, worded in Chinese.
    expect(zh.findings.map((f) => [f.rule, f.roles])).toEqual(en.findings.map((f) => [f.rule, f.roles]));
    for (const f of zh.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    const text = await org(['check', preset, '--lang', 'zh-CN']);
    expect(text.stdout).toMatch(/错误 \d+ 条，警告 \d+ 条，提示 \d+ 条/);
    expect(text.stdout).toContain('直接下属');
  });

  it('org render --lang zh-CN words the finding badges in Chinese', async () => {
    const run = await org(['render', join(root, 'presets/anti-patterns.json'), '--svg', '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/<title>\d+ 条发现（最严重：(错误|警告|提示)）<\/title>/);
  });

  it('org stats names its figures in Chinese', async () => {
    const run = await org(['stats', join(root, 'presets/china-account-management.json'), '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/编制人数：\d+/);
    expect(run.stdout).toMatch(/平均管理跨度：/);
  });

  it('refuses a language it does not have', async () => {
    const run = await org(['check', join(root, 'presets/anti-patterns.json'), '--lang', 'fr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang must be en or zh-CN, not "fr"');
  });
});
