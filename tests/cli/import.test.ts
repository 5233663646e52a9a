import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures/import', name);

interface Run { code: number; stdout: string; stderr: string }

/** Runs the real CLI as a child process, the way `npm run org --` does. */
function org(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [join(root, 'bin/org-designer.mjs'), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, INIT_CWD: root } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input ?? '');
  });
}

const loaded = (stdout: string) => {
  const result = parseDocument(stdout);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};

describe('org import', () => {
  it('prints the org document of a CSV, named after the file, and a summary on stderr', async () => {
    const run = await org(['import', fixture('layouts/personio.csv')]);
    expect(run.code).toBe(0);
    const doc = loaded(run.stdout);
    expect(doc.name).toBe('personio');
    expect(doc.roles.map((r) => [r.id, r.reportsTo])).toEqual([['11', null], ['12', '11'], ['13', '12']]);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(run.stderr).toBe('org: imported 3 roles from 3 rows (the manager column holds ids), 1 top roles, 0 problems.\n');
  });

  it('reads an .xlsx, with --currency and --name', async () => {
    const run = await org(['import', fixture('people.xlsx'), '--currency', 'CNY', '--name', 'China AM']);
    expect(run.code).toBe(0);
    const doc = loaded(run.stdout);
    expect([doc.name, doc.currency, doc.roles[1]!.salary]).toEqual(['China AM', 'CNY', { min: 600000, max: 600000 }]);
  });

  it('exits 2 with one line when amounts have no currency', async () => {
    const run = await org(['import', fixture('people.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^org: cannot import .*people\.xlsx: the file has salaries .* --currency .*\n$/);
  });

  it('exits 2 naming what it looked for when there is no manager column, and --map fixes it', async () => {
    const csv = 'id,name,chef\n1,A,\n2,B,x1\n';
    const run = await org(['import', '-'], csv);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toContain('no manager column found: looked for "reportsTo", "parentId"');
    expect(run.stderr).toContain('--map manager=COLUMN');
    const mapped = await org(['import', '-', '--map', 'manager=chef', '--map=id=name'], 'id,name,chef\n1,A,\n2,B,A\n');
    expect(mapped.code).toBe(0);
    expect(loaded(mapped.stdout).roles.map((r) => [r.id, r.reportsTo])).toEqual([['A', null], ['B', 'A']]);
  });

  it('exits 2 on a bad --map, a file it cannot read, and a missing file', async () => {
    expect((await org(['import', fixture('layouts/gusto.csv'), '--map', 'boss=manager_id'])).stderr).toMatch(/--map takes field=Column/);
    expect((await org(['import', fixture('layouts/gusto.csv'), '--map', 'manager=Chef'])).stderr).toMatch(/no column "Chef"/);
    const bad = await org(['import', '-'], '');
    expect([bad.code, bad.stderr]).toEqual([2, 'org: cannot import standard input: The file has no rows: the first row must name the columns.\n']);
    expect((await org(['import', 'nope.csv'])).stderr).toBe('org: cannot read nope.csv: no such file.\n');
  });

  it('lists problems on stderr and still imports; --external-managers makes outside managers external roles', async () => {
    const csv = 'id,name,manager\n1,Li Wei,Chen Jie\n2,Zhang Min,Li Wei\n';
    const run = await org(['import', '-', '--external-managers'], csv);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('manager-not-found: Row 1: no row has the name "Chen Jie"');
    const doc = loaded(run.stdout);
    expect(doc.roles).toHaveLength(3);
    expect(doc.roles[2]).toMatchObject({ external: true, holder: { name: 'Chen Jie' } });
  });

  it('--lang zh-CN writes the summary, the problems and the refusals in Chinese; the document is the same', async () => {
    const csv = '工号,姓名,上级\n1,李伟,\n2,张敏,9\n';
    const [en, zh] = await Promise.all([org(['import', '-'], csv), org(['import', '-', '--lang', 'zh-CN'], csv)]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(en.stdout);
    expect(zh.stderr).toBe('org: 已从 2 行导入 2 个岗位（上级列为工号），2 个顶层岗位，1 个问题。\norg:   manager-not-found: 第 2 行：文件中没有工号为“9”的行作为其上级；该行作为顶层岗位导入。\n');
    expect((await org(['import', '-', '--lang', 'zh-CN'], '工号,姓名\n1,李伟\n')).stderr).toMatch(/^org: cannot import standard input: 没有找到上级列：.*现有列：工号、姓名。\n$/);
    expect((await org(['import', '-', '--lang', 'fr'], csv)).stderr).toBe('org: --lang must be en or zh-CN, not "fr".\n');
  });
});
