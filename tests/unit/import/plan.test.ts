import { describe, expect, it } from 'vitest';
import { guessMapping, parseNumber, planImport, type ImportOptions } from '../../../src/import/index.ts';
import { documentCsv } from '../../../src/io/csv.ts';
import { serializeDocument } from '../../../src/io/serialize.ts';
import { parseDocument } from '../../../src/schema/parse.ts';
import { fixtureTable, tableOf } from './helpers.ts';

const OPTIONS: ImportOptions = { name: 'Imported' };

async function plan(csv: string, options: Partial<ImportOptions> = {}) {
  const table = await tableOf(csv);
  const result = planImport(table, guessMapping(table), { ...OPTIONS, ...options });
  // Every plan's document loads through the project's loader.
  const loaded = parseDocument(serializeDocument(result.doc));
  expect(loaded.ok, loaded.ok ? '' : loaded.error.message).toBe(true);
  return result;
}

const LAYOUT_FILES = ['bamboohr', 'bamboohr-api', 'hibob', 'hibob-email', 'personio', 'gusto', 'rippling', 'workday', 'drawio', 'orgchartnow', 'organimi', 'namely', 'd3-org-chart', 'common', 'chinese', 'chinese-name', 'export'];

describe('planImport', () => {
  for (const layout of LAYOUT_FILES) {
    it(`imports the ${layout} layout as a chain of three roles, with holders and no problems`, async () => {
      const table = await fixtureTable(`layouts/${layout}.csv`);
      const result = planImport(table, guessMapping(table), { ...OPTIONS, currency: 'CNY' });
      expect(parseDocument(serializeDocument(result.doc)).ok).toBe(true);
      expect(result.problems).toEqual([]);
      expect(result.roles).toBe(3);
      expect(result.topRoles).toHaveLength(1);
      const [a, b, c] = result.doc.roles;
      expect(b!.reportsTo).toBe(a!.id);
      expect(c!.reportsTo).toBe(b!.id);
      expect(a!.family).toBe('head-am');
      expect(a!.level).toBe(5);
      if (layout !== 'export') expect(c!.family).toBe('am');
      expect(a!.holder?.name).toMatch(/^(Wei Li|Li Wei|李伟)$/);
    });
  }

  it('joins first and last names, family name first for Chinese names', async () => {
    const result = await plan('id,First Name,Last Name\n1,Wei,Li\n2,伟,李\n');
    expect(result.doc.roles.map((r) => r.holder?.name)).toEqual(['Wei Li', '李伟']);
  });

  it('infers family and level from English and Chinese titles, and lists the inferences', async () => {
    const titles = ['Head of Account Management', '客户管理负责人', 'Account Management Lead', 'Team Lead', 'Senior Account Manager', 'Sr. Account Manager', '高级客户经理', 'Account Manager', '客户经理', 'AM Operations', 'Account Management Operations', 'Chief Revenue Officer', 'VP Sales', 'Sales Director', 'Marketing Manager', 'Sales Associate', 'Engineer'];
    const result = await plan(`id,title\n${titles.map((t, i) => `${i + 1},${t}`).join('\n')}\n`);
    expect(result.doc.roles.map((r) => `${r.family} ${r.level}`)).toEqual([
      'head-am 5', 'head-am 5', 'am-lead 4', 'am-lead 4', 'senior-am 3', 'senior-am 3', 'senior-am 3', 'am 2', 'am 2', 'am-ops 3', 'am-ops 3',
      'other 8', 'other 7', 'other 5', 'other 4', 'other 1', 'other 2',
    ]);
    expect(result.inferences).toContainEqual({ field: 'family', message: '"account manager" in the title → family am, level 2', count: 1 });
    expect(result.doc.roles[12]!.function).toBe('sales');
  });

  it('keeps family and level given in the file', async () => {
    const result = await plan('id,title,family,level\n1,Account Manager,senior-am,3\n2,Account Manager,,6\n');
    expect(result.doc.roles.map((r) => [r.family, r.level])).toEqual([['senior-am', 3], ['am', 6]]);
  });

  it('infers the function from department words', async () => {
    const result = await plan('id,title,department\n1,Director,Sales EMEA\n2,Manager,Product\n3,Manager,市场部\n4,Manager,Operations\n5,Manager,Finance\n6,Manager,Human Resources\n7,Manager,法务部\n8,Manager,Key Accounts\n');
    expect(result.doc.roles.map((r) => r.function)).toEqual(['sales', 'product', 'marketing', 'operations', 'finance', 'hr', 'legal', 'account-management']);
    expect(result.inferences.find((i) => i.field === 'function' && i.message.includes('sales'))).toBeDefined();
  });

  it('makes a salary band of one number, and needs a currency unless told one', async () => {
    const bare = await plan('id,salary\n1,"1,500,000"\n2,¥600000\n');
    expect(bare.doc.roles.map((r) => r.salary)).toEqual([{ min: 1500000, max: 1500000 }, { min: 600000, max: 600000 }]);
    expect(bare.needsCurrency).toBe(true);
    expect(bare.inferences.find((i) => i.field === 'salary')?.count).toBe(2);
    const told = await plan('id,salary\n1,100\n', { currency: 'usd' });
    expect([told.needsCurrency, told.doc.currency]).toEqual([false, 'USD']);
    const column = await plan('id,salary,currency\n1,100,EUR\n');
    expect([column.needsCurrency, column.doc.currency]).toEqual([false, 'EUR']);
    expect((await plan('id,title\n1,A\n')).needsCurrency).toBe(false);
  });

  it('flags numbers it cannot read and leaves them out', async () => {
    const result = await plan('id,salary,level\n1,lots,9\n');
    expect(result.problems.map((p) => [p.row, p.kind])).toEqual([[1, 'bad-number'], [1, 'bad-number']]);
    expect(result.problems.map((p) => p.message).join('\n')).toContain('"lots" is not an amount');
    expect(result.doc.roles[0]!.salary).toBeUndefined();
    expect(parseNumber('85000 USD')).toBe(85000);
    expect(parseNumber('15%', true)).toBe(15);
  });

  it('finds managers by id, by email (any case) and by name', async () => {
    expect((await plan('id,manager_id\n1,\n2,1\n')).doc.roles[1]!.reportsTo).toBe('1');
    const byEmail = await plan('email,manager email\nA@x.com,\nb@x.com,a@X.com\n');
    expect(byEmail.managerKind).toBe('email');
    expect(byEmail.doc.roles[1]!.reportsTo).toBe(byEmail.doc.roles[0]!.id);
    const byName = await plan('id,name,manager\n1,Li Wei,\n2,Zhang Min,li wei\n');
    expect([byName.managerKind, byName.doc.roles[1]!.reportsTo]).toEqual(['name', '1']);
  });

  it('flags a manager name that two rows share, and never picks one', async () => {
    const result = await plan('id,name,manager\n1,Li Wei,\n2,Li Wei,\n3,Zhang Min,Li Wei\n');
    expect(result.problems).toEqual([{ row: 3, kind: 'ambiguous-manager', message: expect.stringContaining('2 rows are named "Li Wei"') }]);
    expect(result.doc.roles[2]!.reportsTo).toBeNull();
    expect(result.topRoles).toEqual(['1', '2', '3']);
  });

  it('makes a row whose manager is outside the file a top role, or reports it to an external role', async () => {
    const csv = 'id,name,title,manager\n1,Li Wei,Head of Account Management,Chen Jie\n2,Zhang Min,Account Manager,Li Wei\n3,Wang Jing,Account Manager,Li Wei\n';
    const top = await plan(csv);
    expect(top.problems.map((p) => [p.row, p.kind])).toEqual([[1, 'manager-not-found']]);
    expect(top.topRoles).toEqual(['1']);
    const external = await plan(csv, { outsideManagers: 'external' });
    const outside = external.doc.roles[3]!;
    expect(outside).toMatchObject({ external: true, level: 6, holder: { name: 'Chen Jie' }, reportsTo: null });
    expect(external.doc.roles[0]!.reportsTo).toBe(outside.id);
    expect(external.roles).toBe(3);
  });

  it('imports rows with missing and duplicate ids under new ids, and says so', async () => {
    const result = await plan('id,name,manager\n1,A,\n,B,1\n1,C,1\n');
    expect(result.problems.map((p) => [p.row, p.kind])).toEqual([[2, 'missing-id'], [3, 'duplicate-id']]);
    expect(result.roleIds).toEqual(['1', 'row-2', '1-2']);
    expect(result.doc.roles.map((r) => r.reportsTo)).toEqual([null, '1', '1']);
  });

  it('imports a reporting cycle and lists every row on it', async () => {
    const result = await plan('id,manager\n1,3\n2,1\n3,2\n4,\n5,5\n');
    expect(result.problems.map((p) => [p.row, p.kind])).toEqual([[1, 'cycle'], [2, 'cycle'], [3, 'cycle'], [5, 'cycle']]);
    expect(result.doc.roles.map((r) => r.reportsTo)).toEqual(['3', '1', '2', null, '5']);
  });

  it('makes role ids the format accepts from ids it does not', async () => {
    const result = await plan('id,manager\nE 100,\nE/100,E 100\n李伟,E 100\n');
    expect(result.roleIds).toEqual(['E-100', 'E-100-2', 'row-3']);
    expect(result.doc.roles[1]!.reportsTo).toBe('E-100');
  });

  it('adds dotted lines from a column of ids or emails', async () => {
    const result = await plan('id,manager,dotted line ids\n1,,\n2,,\n3,1,"2;1"\n');
    expect(result.doc.roles[2]!.dottedLines).toEqual([{ to: '2', kind: 'indirect-manager' }, { to: '1', kind: 'indirect-manager' }]);
  });

  it('imports a document exported as CSV back to the same roles with no mapping step', async () => {
    const source = await plan('id,title\nx,y\n'); // any document; then the one of the fixture
    expect(source.doc.roles).toHaveLength(1);
    const table = await fixtureTable('layouts/export.csv');
    const first = planImport(table, guessMapping(table), { name: 'Round trip', currency: 'CNY' }).doc;
    const again = await tableOf(documentCsv(first));
    const second = planImport(again, guessMapping(again), { name: 'Round trip', currency: 'CNY' }).doc;
    expect(serializeDocument(second)).toBe(serializeDocument(first));
    expect(first.roles[0]).toMatchObject({ id: 'head', titles: { 'zh-CN': '客户管理负责人' }, salary: { min: 1200000, max: 1700000, bonusPct: 15 }, revenueTarget: 320000000, accounts: [{ tier: 'strategic', count: 2 }, { tier: 'enterprise', count: 0 }, { tier: 'mid-market', count: 0 }, { tier: 'smb', count: 0 }] });
    expect(first.roles[2]).toMatchObject({ headcount: 6, vacancies: 1 });
  });

  it('imports 50,000 rows', async () => {
    const lines = ['id,name,title,manager,salary'];
    for (let i = 1; i <= 50_000; i++) lines.push(`${i},Person ${i},${i === 1 ? 'Head of Account Management' : 'Account Manager'},${i === 1 ? '' : Math.ceil(i / 8) === i ? 1 : Math.floor(i / 8) || 1},${300000 + i}`);
    const started = performance.now();
    const table = await tableOf(`${lines.join('\n')}\n`);
    const result = planImport(table, guessMapping(table), { name: 'Big', currency: 'CNY' });
    expect(result.roles).toBe(50_000);
    expect(result.problems).toEqual([]);
    expect(result.topRoles).toEqual(['1']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
