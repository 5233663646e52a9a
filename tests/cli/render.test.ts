import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures', name);
const presetPath = (name: string) => join(root, 'presets', name);

interface Run { code: number; stdout: string; stderr: string }

/** Runs the real CLI as a child process, the way `npm run org --` does. */
function org(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/org-designer.mjs'), ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, INIT_CWD: cwd } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function loadPreset(name: string): OrgDocument {
  const result = parseDocument(readFileSync(presetPath(name), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

const oneLine = (run: Run) => {
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
};

describe('org render', () => {
  it('prints the SVG of a preset with every role title, exit 0', async () => {
    const doc = loadPreset('china-account-management.json');
    const run = await org(['render', presetPath('china-account-management.json'), '--svg']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^(<\?xml|<svg)/);
    expect(run.stdout.trimEnd()).toMatch(/<\/svg>$/);
    for (const role of doc.roles) expect(run.stdout).toContain(`<title>${xmlText(role.title)}</title>`);
    expect(run.stdout).toContain(xmlText(doc.name));
  });

  it('takes --lang zh-CN and --no-findings, and resolves relative paths from where it runs', async () => {
    const [zh, plain, withFindings] = await Promise.all([
      org(['render', 'china-account-management.json', '--svg', '--lang', 'zh-CN'], join(root, 'presets')),
      org(['render', presetPath('anti-patterns.json'), '--svg', '--no-findings']),
      org(['render', presetPath('anti-patterns.json'), '--svg']),
    ]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('<title>中国区客户管理负责人</title>');
    expect(zh.stdout).toContain('期间');
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('class="badge');
    expect(withFindings.code).toBe(0);
    expect(withFindings.stdout).toContain('class="badge');
    const badLang = await org(['render', presetPath('anti-patterns.json'), '--svg', '--lang', 'fr']);
    expect(badLang.code).toBe(2);
    oneLine(badLang);
  });

  it.each([
    ['bad/not-json.json', /not JSON/],
    ['bad/duplicate-id.json', /roles\[2\]\.id/],
    ['nowhere.json', /no such file/],
  ])('exits 2 with one line when %s cannot be loaded', async (file, pattern) => {
    const run = await org(['render', fixture(file), '--svg']);
    expect(run.code).toBe(2);
    oneLine(run);
    expect(run.stderr).toMatch(pattern);
  });

  it('exits 2 with a usage message without --svg (PNG is only in the browser)', async () => {
    const run = await org(['render', presetPath('china-account-management.json')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--svg/);
    expect(run.stderr).toMatch(/PNG.*browser/);
    expect(run.stderr).toMatch(/Usage: org/);
    const noFile = await org(['render', '--svg']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/render needs a file/);
  });

  it('lists render in the usage text', async () => {
    const run = await org(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/render <file> --svg/);
  });
});
