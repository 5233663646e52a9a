/**
 * `org diff BASE PROPOSED` (issue 18, point 4): exit 0 when equal, 1 when they differ, 2
 * (one line) when a file cannot be loaded; the JSON object of the issue; the readable
 * summary in English and Chinese; the change-list CSV. The real CLI as a child process, and
 * `main` with an Io of our own for standard input.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.ts';
import { changesCsv } from '../../src/compare/csv.ts';
import { diffDocuments } from '../../src/compare/diff.ts';
import { renderCompareSvg } from '../../src/compare/svg.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { computeMetrics } from '../../src/metrics/index.ts';
import { addRole, moveRole, removeRoles } from '../../src/model/commands.ts';
import { updateRole } from '../../src/model/field-commands.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { elements, hasClass, parseXml, textOf } from '../helpers/xml.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const presetPath = join(root, 'presets', 'china-account-management.json');

interface Run { code: number; stdout: string; stderr: string }

/** Runs the real CLI as a child process, the way `npm run org --` does. */
function org(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/org-designer.mjs'), ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, INIT_CWD: cwd } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const oneLine = (run: Run) => {
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(2);
};

const done = (result: { ok: true; doc: OrgDocument } | { ok: false; reason: string }): OrgDocument => {
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
};

const baseText = readFileSync(presetPath, 'utf8');
const parsed = parseDocument(baseText);
if (!parsed.ok) throw new Error(parsed.error.message);
const base = parsed.doc;
// The scenario: move an AM, add a lead, remove a role, change a salary.
let edited = done(moveRole(base, 'am-east-1', 'lead-north'));
edited = done(addRole(edited, { role: { id: 'lead-west', title: 'AM Lead West', titles: { 'zh-CN': '西区主管' }, family: 'am-lead', level: 4 }, reportsTo: 'head-cn' }));
edited = done(removeRoles(edited, ['am-south-6']));
edited = done(updateRole(edited, 'sam-east-2', { salary: { min: 600000, max: 800000 } }));
const proposed = { ...edited, name: 'China AM — proposal' };

const dir = mkdtempSync(join(tmpdir(), 'org-diff-'));
const proposedPath = join(dir, 'proposal.json');
writeFileSync(proposedPath, serializeDocument(proposed));
// The same document written another way: defaults spelled out, keys in another order, one line.
const verbosePath = join(dir, 'verbose.json');
writeFileSync(verbosePath, JSON.stringify({ ...base, view: { direction: 'LR', positions: {}, collapsed: [] } }));

describe('org diff', () => {
  it('exits 0 for equal documents, however they are written', async () => {
    const same = await org(['diff', presetPath, presetPath]);
    expect(same.code).toBe(0);
    expect(same.stderr).toBe('');
    expect(same.stdout.split('\n')[0]).toBe('China Account Management → China Account Management: no difference in roles, metrics or findings');
    const rewritten = await org(['diff', presetPath, verbosePath, '--json']);
    expect(rewritten.code).toBe(0);
    expect(JSON.parse(rewritten.stdout)).toMatchObject({ added: [], removed: [], moved: [], changed: [], findings: { new: [], resolved: [] } });
  });

  it('exits 1 and prints the summary and the change list when they differ', async () => {
    const run = await org(['diff', presetPath, proposedPath]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const text = run.stdout;
    expect(text.split('\n')[0]).toBe('China Account Management → China AM — proposal: 1 added, 1 removed, 1 moved, 1 changed');
    expect(text).toContain('  + lead-west  AM Lead West  (reports to head-cn)');
    expect(text).toContain('  - am-south-6  ');
    expect(text).toContain(': lead-east → lead-north');
    expect(text).toMatch(/ {6}salary: \{"min":450000,"max":650000,"bonusPct":12\} → \{"min":600000,"max":800000\}/);
    expect(text).toContain('Findings: ');
    expect(text).toContain('pricing-discount, am-east-1: lead-east (team, 10%) → lead-north (team, 10%)');
  });

  it('--json prints the object of the issue', async () => {
    const run = await org(['diff', presetPath, proposedPath, '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['added', 'removed', 'moved', 'changed', 'metrics', 'findings']);
    expect(json.added).toEqual(['lead-west']);
    expect(json.removed).toEqual(['am-south-6']);
    expect(json.moved).toEqual([{ id: 'am-east-1', from: 'lead-east', to: 'lead-north' }]);
    expect(json.changed).toEqual([{ id: 'sam-east-2', fields: ['salary'] }]);
    // The same keys as `org stats --json`.
    const stats = await org(['stats', presetPath, '--json']);
    expect(json.metrics.before).toEqual(JSON.parse(stats.stdout));
    expect(json.metrics.after).toEqual(JSON.parse(JSON.stringify(computeMetrics(proposed))));
    expect(Object.keys(json.findings)).toEqual(['new', 'resolved']);
    const d = diffDocuments(base, proposed);
    expect(json.findings.new).toEqual(d.findings.new.map((f) => ({ rule: f.rule, severity: f.severity, roles: f.roles, message: f.message })));
    expect(json.findings.new.length).toBeGreaterThan(0);
  });

  it('--lang zh-CN: Chinese headings and titles', async () => {
    const run = await org(['diff', presetPath, proposedPath, '--lang', 'zh-CN']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('China Account Management → China AM — proposal: 新增 1, 删除 1, 调动 1, 变更 1');
    expect(run.stdout).toContain('  + lead-west  西区主管  (汇报给 head-cn)');
    expect(run.stdout).toContain('检查结果：');
  });

  it('--csv prints the change list as changesCsv writes it', async () => {
    const run = await org(['diff', presetPath, proposedPath, '--csv', '--lang=zh-CN']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(changesCsv(diffDocuments(base, proposed), 'zh-CN'));
    expect(run.stdout.startsWith('\uFEFF类型,编号,职位,字段,变更前,变更后\r\n')).toBe(true);
  });

  it('exits 2 with one line when a file cannot be loaded, naming which', async () => {
    const missing = await org(['diff', presetPath, join(dir, 'missing.json')]);
    oneLine(missing);
    expect(missing.stderr).toContain('missing.json: no such file.');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"org-structure","version":1,"name":"x","currency":"CNY","roles":[{"id":"a","title":"A","level":9}]}');
    const invalid = await org(['diff', bad, presetPath]);
    oneLine(invalid);
    expect(invalid.stderr).toMatch(/^org: cannot load .*bad\.json: roles\[0\]\.level/);
    // A missing argument gets the usage after its line, as every command's does.
    const usage = await org(['diff', presetPath]);
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')[0]).toBe('org: diff needs two files, the base and the proposal.');
    expect(usage.stderr).toContain('diff <base> <proposed>');
    oneLine(await org(['diff', presetPath, presetPath, '--lang', 'fr']));
    oneLine(await org(['diff', '-', '-']));
  });
});

describe('org diff with standard input', () => {
  it('reads one of the two files from standard input', async () => {
    const written: string[] = [];
    const errors: string[] = [];
    async function* stdin(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(serializeDocument(proposed));
    }
    const io: Io = { out: (t) => void written.push(t), err: (t) => void errors.push(t), cwd: root, stdin, flushed: () => Promise.resolve() };
    const code = await main(['diff', 'presets/china-account-management.json', '-', '--json'], io);
    expect(errors).toEqual([]);
    expect(code).toBe(1);
    expect(JSON.parse(written.join('')).added).toEqual(['lead-west']);
  });
});

describe('org diff --svg', () => {
  it('prints the proposal with the changes marked, as renderCompareSvg draws it', async () => {
    const run = await org(['diff', presetPath, proposedPath, '--svg']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const svg = run.stdout;
    // Well-formed, and the marked chart: each kind's mark, the ghost, the legend's counts.
    const all = elements(parseXml(svg));
    const card = (id: string) => all.find((el) => el.name === 'g' && hasClass(el, 'role') && el.attrs.get('data-id') === id)!;
    expect(hasClass(card('lead-west'), 'change-added')).toBe(true);
    expect(hasClass(card('am-east-1'), 'change-moved')).toBe(true);
    expect(hasClass(card('sam-east-2'), 'change-changed')).toBe(true);
    expect(hasClass(card('am-south-6'), 'ghost')).toBe(true);
    expect(all.filter((el) => hasClass(el, 'legend-entry')).map((el) => [el.attrs.get('data-kind'), el.attrs.get('data-count')])).toEqual([
      ['added', '1'],
      ['removed', '1'],
      ['moved', '1'],
      ['changed', '1'],
    ]);
    expect(textOf(all.find((el) => hasClass(el, 'legend'))!)).toContain('Changes from China Account Management');
    // The same picture as the function's, but for the date in the title block (the day the command runs).
    const date = /Date: (\d{4}-\d{2}-\d{2})</.exec(svg)![1]!;
    expect(svg).toBe(renderCompareSvg(base, proposed, diffDocuments(base, proposed), { date }).svg);
  });

  it('--svg --lang zh-CN: the Chinese legend; equal documents exit 0', async () => {
    const zh = await org(['diff', presetPath, proposedPath, '--svg', '--lang', 'zh-CN']);
    expect(zh.code).toBe(1);
    expect(textOf(elements(parseXml(zh.stdout)).find((el) => hasClass(el, 'legend'))!)).toContain('新增: 1');
    const same = await org(['diff', presetPath, presetPath, '--svg']);
    expect(same.code).toBe(0);
    expect(same.stdout).not.toContain('change-ring');
    expect(() => parseXml(same.stdout)).not.toThrow();
  });
});
