import { describe, expect, it } from 'vitest';
import { guessMapping, normalizeHeader, type FieldId, type Mapping } from '../../../src/import/index.ts';
import { fixtureTable, tableOf } from './helpers.ts';

/** header → field, for the headers that must be mapped; every other header must stay unmapped. */
const LAYOUTS: Record<string, { fields: Record<string, FieldId>; managerKind: Mapping['managerKind'] }> = {
  'bamboohr.csv': {
    fields: { 'Employee #': 'id', 'First Name': 'firstName', 'Last Name': 'lastName', 'Job Title': 'title', Department: 'department', Location: 'location', 'Supervisor ID': 'manager', 'Pay Rate': 'salary' },
    managerKind: 'id',
  },
  'bamboohr-api.csv': {
    fields: { employeeNumber: 'id', firstName: 'firstName', lastName: 'lastName', jobTitle: 'title', department: 'department', location: 'location', supervisorEId: 'manager', payRate: 'salary' },
    managerKind: 'id',
  },
  'hibob.csv': {
    fields: { employee_id_in_company: 'id', 'First name': 'firstName', 'Last name': 'lastName', Email: 'email', 'Job Title': 'title', Department: 'department', Site: 'location', reports_to_id_in_company: 'manager' },
    managerKind: 'id',
  },
  'hibob-email.csv': {
    fields: { 'First name': 'firstName', 'Last name': 'lastName', Email: 'email', 'Job Title': 'title', Department: 'department', Site: 'location', 'Manager email': 'manager' },
    managerKind: 'email',
  },
  'personio.csv': {
    fields: { id: 'id', first_name: 'firstName', last_name: 'lastName', position: 'title', department: 'department', office: 'location', supervisor_id: 'manager' },
    managerKind: 'id',
  },
  'gusto.csv': { fields: { id: 'id', first_name: 'firstName', last_name: 'lastName', title: 'title', department: 'department', manager_id: 'manager' }, managerKind: 'id' },
  'rippling.csv': { fields: { 'Full name': 'name', 'Work email': 'email', Title: 'title', Department: 'department', 'Manager - Work email': 'manager' }, managerKind: 'email' },
  'workday.csv': {
    fields: { 'Employee ID': 'id', Worker: 'name', 'Business Title': 'title', 'Supervisory Organization': 'department', 'Cost Center': 'costCenter', Manager: 'manager' },
    managerKind: 'name',
  },
  'drawio.csv': { fields: { name: 'name', position: 'title', id: 'id', location: 'location', manager: 'manager', email: 'email' }, managerKind: 'id' },
  'orgchartnow.csv': { fields: { PersonID: 'id', SupervisorID: 'manager', Name: 'name', Title: 'title', Department: 'department' }, managerKind: 'id' },
  'organimi.csv': { fields: { ID: 'id', 'Boss ID': 'manager', 'First Name': 'firstName', 'Last Name': 'lastName', Title: 'title', 'Dotted Line IDs': 'dotted' }, managerKind: 'id' },
  'namely.csv': {
    fields: { 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Job Title': 'title', 'Reports To (Email)': 'manager', 'Dotted Line Reports To (Email)': 'dotted' },
    managerKind: 'email',
  },
  'd3-org-chart.csv': { fields: { name: 'name', area: 'department', office: 'location', positionName: 'title', id: 'id', parentId: 'manager' }, managerKind: 'id' },
  'common.csv': { fields: { id: 'id', parentId: 'manager', name: 'firstName', lastName: 'lastName', position: 'title', salary: 'salary' }, managerKind: 'id' },
  'chinese.csv': { fields: { 工号: 'id', 姓名: 'name', 职位: 'title', 部门: 'department', 上级工号: 'manager', 年薪: 'salary' }, managerKind: 'id' },
  'chinese-name.csv': { fields: { 工号: 'id', 姓名: 'name', 岗位: 'title', 部门: 'department', 直属上级: 'manager', 薪资: 'salary' }, managerKind: 'name' },
  'export.csv': {
    fields: {
      id: 'id', reportsTo: 'manager', title: 'title', 'title_zh-CN': 'titleZh', family: 'family', level: 'level', function: 'function', headcount: 'headcount',
      vacancies: 'vacancies', holder: 'name', salaryMin: 'salaryMin', salaryMax: 'salaryMax', bonusPct: 'bonusPct', revenueTarget: 'revenueTarget',
      accounts_strategic: 'accountsStrategic', accounts_enterprise: 'accountsEnterprise', 'accounts_mid-market': 'accountsMidMarket', accounts_smb: 'accountsSmb',
      external: 'external', assistant: 'assistant',
    },
    managerKind: 'id',
  },
};

describe('guessMapping', () => {
  for (const [file, expected] of Object.entries(LAYOUTS)) {
    it(`recognizes the ${file.replace('.csv', '')} layout`, async () => {
      const table = await fixtureTable(`layouts/${file}`);
      const mapping = guessMapping(table);
      const got = Object.fromEntries(table.headers.map((h, i) => [h, mapping.columns[i]]).filter(([, f]) => f !== null));
      expect(got).toEqual(expected.fields);
      expect(mapping.managerKind).toBe(expected.managerKind);
    });
  }

  it('ignores case, spaces, _ and - in header names, and reads # as number', () => {
    expect(normalizeHeader('Employee #')).toBe(normalizeHeader('employeeNumber'));
    expect(normalizeHeader(' Reports_To-ID ')).toBe('reportstoid');
  });

  it('finds an email column and a manager column by their content', async () => {
    const table = await tableOf('key,who,contact,boss\nk1,Li Wei,li@example.com,\nk2,Zhang Min,zhang@example.com,k1\nk3,Wang Jing,wang@example.com,k1\n');
    const mapping = guessMapping(table);
    expect(mapping.columns).toEqual(['id', null, 'email', 'manager']);
    expect(mapping.managerKind).toBe('id');
  });

  it('finds an unnamed manager column whose values are ids of the file', async () => {
    const table = await tableOf('id,name,x\n1,A,\n2,B,1\n3,C,1\n');
    expect(guessMapping(table).columns).toEqual(['id', 'name', 'manager']);
  });

  it('says a manager column of names holds names', async () => {
    const table = await tableOf('id,name,manager\n1,Li Wei,\n2,Zhang Min,li  wei\n');
    expect(guessMapping(table).managerKind).toBe('name');
  });

  it('has no manager kind without a manager column', async () => {
    const table = await tableOf('id,name\n1,A\n');
    expect(guessMapping(table)).toEqual({ columns: ['id', 'name'], managerKind: null });
  });
});
