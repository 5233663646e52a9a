import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { guessMapping, planImport, readTable } from '../../../src/import/index.ts';
import { fixtureBytes, fixtureTable } from './helpers.ts';

describe('readTable on .xlsx', () => {
  it('reads the first sheet by default and lists every sheet', async () => {
    const table = await fixtureTable('people.xlsx');
    expect(table).toMatchObject({ encoding: 'xlsx', sheets: ['People', 'Notes'], sheet: 'People' });
    expect(table.headers).toEqual(['工号', 'Name', 'Job Title', 'Manager ID', 'Salary']);
    expect(table.rows).toEqual([
      ['1001', 'Li Wei', 'Head of Account Management', '', '1500000'],
      ['1002', 'Zhang Min', 'Senior Account Manager', '1001', '600000'],
      ['1003', 'Wang Jing', 'Account Manager', '1002', '350000'],
    ]);
    const plan = planImport(table, guessMapping(table), { name: 'People', currency: 'CNY' });
    expect(plan.doc.roles.map((r) => [r.id, r.reportsTo, r.family])).toEqual([['1001', null, 'head-am'], ['1002', '1001', 'senior-am'], ['1003', '1002', 'am']]);
  });

  it('reads another sheet when asked, and names the sheets when the one asked for is not there', async () => {
    expect((await fixtureTable('people.xlsx', 'Notes')).headers).toEqual(['This workbook lists the team.']);
    const missing = await readTable(fixtureBytes('people.xlsx'), 'people.xlsx', { sheet: 'Staff' });
    expect(missing).toEqual({ ok: false, message: 'The workbook has no sheet "Staff"; its sheets are "People", "Notes".' });
  });

  it('refuses a file that is not a workbook with a message, never a throw', async () => {
    expect(await readTable(strToU8('not a zip'), 'x.xlsx')).toEqual({ ok: false, message: expect.stringContaining('not a readable .xlsx') });
    const zipWithoutWorkbook = zipSync({ 'a.xml': strToU8('<a/>') });
    expect(await readTable(zipWithoutWorkbook, 'x.xlsx')).toEqual({ ok: false, message: expect.stringContaining('could not be read') });
  });
});
