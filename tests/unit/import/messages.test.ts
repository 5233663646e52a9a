import { describe, expect, it } from 'vitest';
import { planImport, readTable, type ImportLanguage, type Mapping, type Table } from '../../../src/import/index.ts';
import { MESSAGES, messagesIn, type MessageId, type Messages } from '../../../src/import/messages.ts';
import { tableOf } from './helpers.ts';

const CJK = /[\u4e00-\u9fff]/;

/** Words of the English templates that must not be left in a Chinese message. */
const ENGLISH = /\b(rows?|columns?|file|imported?|managers?|title|family|level|function|roles?|top|sheets?|workbook|problems?|dotted|line|left|out|taken|the|is|not|and|of|in|a|no|has|from|with|more)\b/i;

/** A Chinese message without what is not words of the template: quoted values, options (`--map manager=`) and codes. */
const templateText = (message: string): string => message.replace(/“[^”]*”/g, '').replace(/--\w+(\s+[\w-]+=)?/g, '');

/** Data for every message (typed: a new message without a sample does not typecheck). Values are neutral, so any English left in a Chinese message is the template's. */
const SAMPLES: { readonly [K in MessageId]: Parameters<Messages[K]>[0] } = {
  fileTooLarge: { mb: 20 },
  oldExcel: undefined,
  unreadable: { reason: '—' },
  unclosedQuote: { row: 3 },
  noRows: undefined,
  unnamedColumn: { column: 3 },
  notText: undefined,
  badMarkedText: { encoding: 'utf-16le', detail: '—' },
  notZip: undefined,
  workbookUnreadable: { reason: '—' },
  noSheets: undefined,
  noSuchSheet: { sheet: '员工', sheets: ['人员', '备注'] },
  emptySheet: { sheet: '人员', sheets: ['人员', '备注'] },
  tooManyRows: { rows: '50,001', max: '50,000' },
  missingId: { row: 2 },
  duplicateId: { row: 3, id: 'E1', first: 1 },
  ambiguousManager: { row: 3, count: 2, ref: '李伟' },
  managerNotFound: { row: 6, kind: 'email', ref: 'x@y.cn', external: false },
  cycle: { row: 4, path: 'E4 → E5 → E4' },
  mixedCurrency: { codes: ['CNY', 'USD'], currency: 'CNY' },
  badNumber: { row: 2, column: '年薪', cell: '很多', kind: 'level', min: 1, max: 8 },
  badFlag: { row: 2, column: '外部', cell: '也许' },
  badFamily: { row: 2, cell: 'xx', families: ['head-am', 'am'] },
  ambiguousDottedLine: { row: 3, count: 2, ref: '李伟' },
  dottedLineNotFound: { row: 3, kind: 'id', ref: 'E9' },
  importerBug: undefined,
  untitled: { title: '未命名岗位' },
  familyFromTitle: { matched: '客户经理', family: 'am', level: 2 },
  levelOfFamily: { level: 4, family: 'am-lead' },
  functionFrom: { matched: '销售', source: 'department', fn: 'sales' },
  salaryBand: undefined,
  externalManagers: undefined,
  notKept: { field: 'costCenter' },
  noIdentityColumn: { headers: ['姓名', '部门'] },
  noManagerColumn: { headers: ['工号', '姓名'] },
  badCurrencyOption: { value: 'RMB1' },
  needsCurrency: undefined,
  summary: { roles: 3, rows: 3, kind: 'id', top: 1, problems: 0 },
  moreProblems: { count: 5 },
  badMapOption: { pair: 'boss=x', fields: ['id', 'salary'] },
  mapNoColumn: { pair: 'id=工号', name: '工号', headers: ['编号', '姓名'] },
};

const ids = Object.keys(MESSAGES) as MessageId[];
const say = (language: ImportLanguage, id: MessageId): string => (messagesIn(language)[id] as (data: unknown) => string)(SAMPLES[id]);

describe('import messages', () => {
  it('every message has English and Chinese, and the Chinese is Chinese', () => {
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) {
      expect(Object.keys(MESSAGES[id]).sort(), id).toEqual(['en', 'zh-CN']);
      const en = say('en', id);
      const zh = say('zh-CN', id);
      expect(en, id).not.toBe('');
      expect(zh, id).toMatch(CJK);
      expect(templateText(zh), `${id}: ${zh}`).not.toMatch(ENGLISH);
    }
  });

  it('English is the default language', () => {
    expect(messagesIn().missingId({ row: 2 })).toBe('Row 2 has no id; it is imported with a new one.');
  });

  it('says the example problem the way a Chinese HR user reads it', () => {
    expect(messagesIn('zh-CN').managerNotFound({ row: 6, kind: 'email', ref: 'x', external: false })).toBe('第 6 行：文件中没有邮箱为“x”的行作为其上级；该行作为顶层岗位导入。');
  });
});

/** A table whose rows have most of the problems and inferences a plan can report. */
const TABLE: Table = {
  headers: ['工号', '姓名', '职位', '上级', '部门', '职级', '年薪', '外部', '岗位族', '虚线上级', '币种', '邮箱'],
  rows: [
    ['E1', '李伟', '', '', '销售部', '', '100', '也许', '', '', 'CNY', 'a@x.cn'],
    ['E1', '张敏', 'Account Manager', 'E1', '', '9', '很多', '', 'xx', '', 'USD', ''],
    ['', '王芳', '总监', 'E9', '', '', '', '', 'am-lead', 'E8', '', ''],
    ['E4', '赵强', '客户经理', 'E5', '', '', '', '', '', '', '', ''],
    ['E5', '钱静', 'Engineer', 'E4', '', '', '', '', '', '', '', ''],
  ],
  encoding: 'utf-8',
};
const MAPPING: Mapping = { columns: ['id', 'name', 'title', 'manager', 'department', 'level', 'salary', 'external', 'family', 'dotted', 'currency', 'email'], managerKind: 'id' };

const BY_NAME: Table = {
  headers: ['工号', '姓名', '上级', '虚线上级'],
  rows: [
    ['1', '李伟', '', ''],
    ['2', '李伟', '', ''],
    ['3', '张敏', '李伟', '李伟'],
    ['4', '王芳', '陈杰', ''],
  ],
  encoding: 'utf-8',
};
const BY_NAME_MAPPING: Mapping = { columns: ['id', 'name', 'manager', 'dotted'], managerKind: 'name' };

describe('a plan in Chinese', () => {
  for (const [label, table, mapping, outsideManagers] of [
    ['by id', TABLE, MAPPING, 'top'],
    ['by name, with external managers', BY_NAME, BY_NAME_MAPPING, 'external'],
  ] as const) {
    it(`has Chinese problems and inferences, with the same kinds, fields and rows as in English (${label})`, () => {
      const en = planImport(table, mapping, { name: '导入', outsideManagers });
      const zh = planImport(table, mapping, { name: '导入', outsideManagers, language: 'zh-CN' });
      expect(zh.problems.length).toBeGreaterThanOrEqual(3);
      expect(zh.problems.map((p) => [p.row, p.kind])).toEqual(en.problems.map((p) => [p.row, p.kind]));
      expect(zh.inferences.map((i) => [i.field, i.count])).toEqual(en.inferences.map((i) => [i.field, i.count]));
      expect(zh.doc).toEqual(en.doc);
      for (const { message } of [...zh.problems, ...zh.inferences]) {
        expect(message).toMatch(CJK);
        expect(templateText(message), message).not.toMatch(ENGLISH);
      }
    });
  }

  it('covers the problems of the table', () => {
    const zh = planImport(TABLE, MAPPING, { name: '导入', language: 'zh-CN' });
    expect(new Set(zh.problems.map((p) => p.kind))).toEqual(new Set(['duplicate-id', 'missing-id', 'manager-not-found', 'cycle', 'mixed-currency', 'bad-number', 'bad-value', 'dotted-line-not-found']));
    expect(zh.problems.find((p) => p.kind === 'missing-id')?.message).toBe('第 3 行没有工号；该行以新编号导入。');
    expect(new Set(zh.inferences.map((i) => i.field))).toEqual(new Set(['title', 'family', 'level', 'function', 'salary', 'department', 'email']));
    expect(zh.inferences.find((i) => i.field === 'title')?.message).toBe('没有职位名称的行，职位名称记为“未命名岗位”。');
    // The untitled role carries that Chinese title, which the Chinese UI shows.
    expect(zh.doc.roles[0]).toMatchObject({ title: 'Untitled role', titles: { 'zh-CN': '未命名岗位' } });
  });

  it('reads with refusals in Chinese', async () => {
    expect(await readTable(new Uint8Array(0), 'empty.csv', { language: 'zh-CN' })).toEqual({ ok: false, message: '文件中没有任何行：第一行应为列名。' });
    expect(await readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls', { language: 'zh-CN' })).toEqual({ ok: false, message: expect.stringContaining('旧版 Excel') });
    const unnamed = await readTable(new TextEncoder().encode('工号,,上级\n1,a,\n'), 'x.csv', { language: 'zh-CN' });
    expect(unnamed.ok && unnamed.table.headers).toEqual(['工号', '第 2 列', '上级']);
    expect((await tableOf('id,,manager\n1,a,\n')).headers).toEqual(['id', 'Column 2', 'manager']);
  });
});
