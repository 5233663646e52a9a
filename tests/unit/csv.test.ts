/**
 * CSV export (issue 19, item 5; docs/export.md "CSV"): encoding (BOM, CRLF, quoting), formula
 * escaping, every column, the findings CSV, the browser actions, and a round trip that parses
 * the CSV back with papaparse and finds the document's roles and lines.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessMapping, readTable } from '../../src/import/index.ts';
import { CSV_BOM, DOTTED_KIND_SEPARATOR, documentCsv, FINDING_COLUMNS, findingsCsv, LIST_SEPARATOR, ROLE_COLUMNS, unescapeCell } from '../../src/io/csv.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { checkDocument } from '../../src/rules/engine.ts';
import type { Finding } from '../../src/rules/types.ts';
import { ACCOUNT_TIERS } from '../../src/schema/constants.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { DocumentSchema, type OrgDocument, type Role } from '../../src/schema/v1.ts';
import { createOrgStore } from '../../src/store/orgStore.ts';
import { CSV_TYPE, exportCsv, exportFindingsCsv } from '../../src/ui/exportCsv.ts';
import { loadLanguage } from '../../src/ui/strings.ts';
import { arbDocumentJson } from '../helpers/arbitraries.ts';
import { docOf } from '../helpers/doc.ts';

const PRESETS = ['anti-patterns', 'china-account-management', 'global-matrix', 'lean-player-coach-pod', 'tiered-coverage-pods'];
const preset = (name: string): OrgDocument => {
  const result = parseDocument(readFileSync(new URL(`../../presets/${name}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};

/** The rows of a CSV this module wrote, parsed by papaparse as the importer does (the BOM checked and dropped). */
function rowsOf(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(CSV_BOM.length), { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  // The text ends with CRLF, which papaparse reads as one last empty line.
  expect(parsed.data.at(-1)).toEqual(['']);
  return parsed.data.slice(0, -1);
}

/** The header and the records of a roles CSV, each record keyed by column. */
function recordsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = rowsOf(csv);
  expect(header).toEqual([...ROLE_COLUMNS]);
  return rows.map((row) => {
    expect(row).toHaveLength(ROLE_COLUMNS.length);
    return Object.fromEntries(ROLE_COLUMNS.map((column, i) => [column, row[i]!]));
  });
}

/** What the CSV holds of a role, read from a document role. */
function fromRole(role: Role) {
  const accounts = Object.fromEntries(ACCOUNT_TIERS.map((tier) => {
    const of = role.accounts.filter((a) => a.tier === tier);
    return [tier, of.length ? of.reduce((sum, a) => sum + a.count, 0) : null];
  }));
  return {
    id: role.id,
    reportsTo: role.reportsTo,
    title: role.title,
    titleZh: role.titles['zh-CN'] ?? '',
    family: role.family,
    level: role.level,
    function: role.function,
    headcount: role.headcount,
    vacancies: role.vacancies,
    holder: role.holder?.name ?? '',
    salaryMin: role.salary?.min ?? null,
    salaryMax: role.salary?.max ?? null,
    bonusPct: role.salary?.bonusPct ?? null,
    revenueTarget: role.revenueTarget ?? null,
    accounts,
    external: role.external,
    assistant: role.assistant,
    dottedLines: role.dottedLines.map((l) => ({ to: l.to, kind: l.kind })),
  };
}

const numberOrNull = (cell: string): number | null => (cell === '' ? null : Number(cell));
const bool = (cell: string): boolean => {
  expect(['true', 'false']).toContain(cell);
  return cell === 'true';
};

/** The same, read back from a CSV record the way an importer would (text cells unescaped). */
function fromRecord(r: Record<string, string>): ReturnType<typeof fromRole> {
  const text = (column: (typeof ROLE_COLUMNS)[number]) => unescapeCell(r[column]!);
  return {
    id: text('id'),
    reportsTo: text('reportsTo') === '' ? null : text('reportsTo'),
    title: text('title'),
    titleZh: text('title_zh-CN'),
    family: text('family') as Role['family'],
    level: Number(r.level),
    function: text('function') as Role['function'],
    headcount: Number(r.headcount),
    vacancies: Number(r.vacancies),
    holder: text('holder'),
    salaryMin: numberOrNull(r.salaryMin!),
    salaryMax: numberOrNull(r.salaryMax!),
    bonusPct: numberOrNull(r.bonusPct!),
    revenueTarget: numberOrNull(r.revenueTarget!),
    accounts: Object.fromEntries(ACCOUNT_TIERS.map((tier) => [tier, numberOrNull(r[`accounts_${tier}`]!)])),
    external: bool(r.external!),
    assistant: bool(r.assistant!),
    dottedLines: r.dottedLines === '' ? [] : r.dottedLines!.split(LIST_SEPARATOR).map((entry) => {
      const at = entry.lastIndexOf(DOTTED_KIND_SEPARATOR);
      return { to: entry.slice(0, at), kind: entry.slice(at + 1) as Role['dottedLines'][number]['kind'] };
    }),
  };
}

function expectRoundTrip(doc: OrgDocument): void {
  const records = recordsOf(documentCsv(doc));
  expect(records.map(fromRecord)).toEqual(doc.roles.map(fromRole));
}

/** A cell's text in the raw CSV (the second line is the first role). */
const firstRoleLine = (csv: string): string => csv.split('\r\n')[1]!;

describe('documentCsv: encoding', () => {
  const doc = docOf([{ id: 'a', title: 'Head, China', titles: { 'zh-CN': '中国区客户管理负责人' }, level: 5 }]);
  const csv = documentCsv(doc);

  it('starts with a UTF-8 byte-order mark and ends every line, the last too, with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('writes the header exactly, one accounts column per tier in the format\'s order', () => {
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(
      'id,reportsTo,title,title_zh-CN,family,level,function,headcount,vacancies,holder,salaryMin,salaryMax,bonusPct,revenueTarget,accounts_strategic,accounts_enterprise,accounts_mid-market,accounts_smb,external,assistant,dottedLines',
    );
  });

  it('keeps Chinese titles intact and encodes as UTF-8 with the BOM bytes EF BB BF', () => {
    expect(firstRoleLine(csv)).toContain(',中国区客户管理负责人,');
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)).toBe(csv.slice(1));
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling quotes inside', () => {
    const tricky = docOf([
      { id: 'a', title: 'Head, China' },
      { id: 'b', title: 'The "lead"' },
      { id: 'c', title: 'two\nlines' },
      { id: 'd', title: 'cr\rinside' },
      { id: 'e', title: 'crlf\r\ninside' },
      { id: 'f', title: 'plain' },
    ]);
    const lines = documentCsv(tricky);
    expect(lines).toContain('\r\na,,"Head, China",');
    expect(lines).toContain('\r\nb,,"The ""lead""",');
    expect(lines).toContain('\r\nc,,"two\nlines",');
    expect(lines).toContain('\r\nd,,"cr\rinside",');
    expect(lines).toContain('\r\ne,,"crlf\r\ninside",');
    expect(lines).toContain('\r\nf,,plain,');
    expect(recordsOf(lines).map((r) => r.title)).toEqual(['Head, China', 'The "lead"', 'two\nlines', 'cr\rinside', 'crlf\r\ninside', 'plain']);
  });

  it('quotes text holding another delimiter (; tab |) or spaces at its ends, so a delimiter guess is not misled', () => {
    const spaced = docOf([{ id: 'a', title: 'A; B', holder: { name: ' Li Wei ' } }, { id: 'b', title: 'x|y' }, { id: 'c', title: 'tab\there' }]);
    const csv2 = documentCsv(spaced);
    expect(csv2).toContain('\r\na,,"A; B",');
    expect(csv2).toContain(',0," Li Wei ",');
    expect(csv2).toContain('\r\nb,,"x|y",');
    expect(csv2).toContain('\r\nc,,"tab\there",');
    expect(Papa.parse(csv2.slice(1)).meta.delimiter).toBe(',');
  });
});

describe('documentCsv: formula escaping', () => {
  const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

  it.each(TRIGGERS.map((c) => [JSON.stringify(c), c]))('prefixes text starting with %s with an apostrophe, in every text column', (_, c) => {
    const payload = `${c}HYPERLINK("http://x","y")`;
    const doc = docOf([{ id: 'a', title: payload, titles: { 'zh-CN': payload }, holder: { name: payload } }]);
    const [record] = recordsOf(documentCsv(doc));
    expect(record!.title).toBe(`'${payload}`);
    expect(record!['title_zh-CN']).toBe(`'${payload}`);
    expect(record!.holder).toBe(`'${payload}`);
    // The raw cell is quoted as well, so no cell of the file starts with the trigger.
    expect(firstRoleLine(documentCsv(doc))).toContain(`,"'${payload.replace(/"/g, '""')}",`);
    expect(unescapeCell(record!.title!)).toBe(payload);
  });

  it('escapes text that looks like a negative number: in a title it is text', () => {
    const [record] = recordsOf(documentCsv(docOf([{ id: 'a', title: '-5' }])));
    expect(record!.title).toBe("'-5");
  });

  it('leaves text with a trigger character later on, and an apostrophe before other text, as it is', () => {
    const [a, b, c] = recordsOf(documentCsv(docOf([{ id: 'a', title: 'A=B' }, { id: 'b', title: "'Tis" }, { id: 'c', title: 'Sales - East' }])));
    expect([a!.title, b!.title, c!.title]).toEqual(['A=B', "'Tis", 'Sales - East']);
    expect([a!.title!, b!.title!, c!.title!].map(unescapeCell)).toEqual(['A=B', "'Tis", 'Sales - East']);
  });

  it('adds one more apostrophe to text that starts with apostrophes before a trigger, so unescaping is exact', () => {
    const titles = ["'=1+1", "''-x", "'@a"];
    const records = recordsOf(documentCsv(docOf(titles.map((title, i) => ({ id: `r${i}`, title })))));
    expect(records.map((r) => r.title)).toEqual(["''=1+1", "'''-x", "''@a"]);
    expect(records.map((r) => unescapeCell(r.title!))).toEqual(titles);
  });

  it('never escapes number fields', () => {
    const doc = docOf([{ id: 'a', level: 4, headcount: 3, vacancies: 1, salary: { min: 0, max: 1.5e6, bonusPct: 12.5 }, revenueTarget: 1e21 }]);
    const [record] = recordsOf(documentCsv(doc));
    expect(record).toMatchObject({ level: '4', headcount: '3', vacancies: '1', salaryMin: '0', salaryMax: '1500000', bonusPct: '12.5', revenueTarget: '1e+21' });
    expect(firstRoleLine(documentCsv(doc))).not.toContain("'");
  });
});

describe('documentCsv: columns', () => {
  it('writes every column of a full role', () => {
    const doc = docOf([
      { id: 'apac', title: 'APAC GM', level: 6, external: true, function: 'executive' },
      {
        id: 'head-cn',
        title: 'Head of Account Management, China',
        titles: { 'zh-CN': '中国区客户管理负责人', ja: 'ignored' },
        family: 'head-am',
        level: 5,
        function: 'account-management',
        reportsTo: 'apac',
        headcount: 1,
        vacancies: 0,
        holder: { name: 'Li Wei', yearsExperience: 15 },
        salary: { min: 1200000, max: 1700000, bonusPct: 15 },
        revenueTarget: 320000000,
        accounts: [{ tier: 'smb', count: 4 }, { tier: 'strategic', count: 2 }, { tier: 'smb', count: 1 }],
        dottedLines: [{ to: 'global:head.am', kind: 'indirect-manager', note: 'not in the CSV' }, { to: 'apac', kind: 'partner' }],
      },
      { id: 'ea', title: 'Executive Assistant', level: 2, reportsTo: 'head-cn', assistant: true, headcount: 2, vacancies: 2 },
    ]);
    const records = recordsOf(documentCsv(doc));
    expect(records.map((r) => r.id)).toEqual(['apac', 'head-cn', 'ea']);
    expect(records[0]).toEqual({
      id: 'apac', reportsTo: '', title: 'APAC GM', 'title_zh-CN': '', family: 'other', level: '6', function: 'executive',
      headcount: '1', vacancies: '0', holder: '', salaryMin: '', salaryMax: '', bonusPct: '', revenueTarget: '',
      accounts_strategic: '', accounts_enterprise: '', 'accounts_mid-market': '', accounts_smb: '',
      external: 'true', assistant: 'false', dottedLines: '',
    });
    expect(records[1]).toEqual({
      id: 'head-cn', reportsTo: 'apac', title: 'Head of Account Management, China', 'title_zh-CN': '中国区客户管理负责人', family: 'head-am', level: '5',
      function: 'account-management', headcount: '1', vacancies: '0', holder: 'Li Wei', salaryMin: '1200000', salaryMax: '1700000', bonusPct: '15',
      revenueTarget: '320000000', accounts_strategic: '2', accounts_enterprise: '', 'accounts_mid-market': '', accounts_smb: '5',
      external: 'false', assistant: 'false', dottedLines: 'global:head.am:indirect-manager;apac:partner',
    });
    expect(records[2]).toMatchObject({ reportsTo: 'head-cn', headcount: '2', vacancies: '2', assistant: 'true', external: 'false' });
  });

  it('writes a band without bonus with an empty bonus cell, and a tier listed with 0 accounts as 0', () => {
    const [record] = recordsOf(documentCsv(docOf([{ id: 'a', salary: { min: 5, max: 6 }, accounts: [{ tier: 'enterprise', count: 0 }] }])));
    expect(record).toMatchObject({ salaryMin: '5', salaryMax: '6', bonusPct: '', accounts_enterprise: '0', accounts_strategic: '' });
  });

  it('writes only the header for a document without roles', () => {
    expect(rowsOf(documentCsv(docOf([])))).toEqual([[...ROLE_COLUMNS]]);
  });
});

describe('documentCsv: round trip through papaparse', () => {
  it.each(PRESETS)('gives back the roles and lines of the %s preset', (name) => {
    expectRoundTrip(preset(name));
  });

  it('gives back hostile text: quotes, newlines, formula triggers, Chinese, apostrophes', () => {
    const hostile = ['=1+1', '+A1', '-5', '@SUM(A1)', '\tx', '\rx', "'=x", "''+y", '"', 'a,b', 'a\r\nb', ' pad ', '客户经理, 上海', '🙂 emoji', '\uFEFFbom', 'x;y|z'];
    expectRoundTrip(docOf(hostile.map((title, i) => ({ id: `r${i}`, title, titles: { 'zh-CN': title }, holder: { name: title }, reportsTo: i ? `r${i - 1}` : null }))));
  });

  it('gives back a generated organization of 2,000 roles', () => {
    expectRoundTrip(generateOrg({ roles: 2000, seed: 3 }));
  });

  it('gives back any valid document (property)', () => {
    fc.assert(
      fc.property(arbDocumentJson, (json) => {
        expectRoundTrip(DocumentSchema.parse(json) as OrgDocument);
      }),
      { numRuns: 150 },
    );
  });
});

describe('documentCsv: read by the importer (src/import)', () => {
  /** Every column mapped to its field, with no mapping step. */
  const FIELD_OF_COLUMN = [
    'id', 'manager', 'title', 'titleZh', 'family', 'level', 'function', 'headcount', 'vacancies', 'name', 'salaryMin', 'salaryMax', 'bonusPct',
    'revenueTarget', 'accountsStrategic', 'accountsEnterprise', 'accountsMidMarket', 'accountsSmb', 'external', 'assistant', 'dotted',
  ];

  async function expectReadBack(doc: OrgDocument): Promise<void> {
    const csv = documentCsv(doc);
    const read = await readTable(new TextEncoder().encode(csv), `${doc.name}.csv`);
    if (!read.ok) throw new Error(read.message);
    expect(read.table).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(read.table.headers).toEqual([...ROLE_COLUMNS]);
    // The reader trims cells; the documents here have no text with spaces at its ends.
    expect(read.table.rows).toEqual(rowsOf(csv).slice(1));
    const mapping = guessMapping(read.table);
    expect(mapping.columns).toEqual(FIELD_OF_COLUMN);
    expect(ROLE_COLUMNS).toHaveLength(FIELD_OF_COLUMN.length);
    if (doc.roles.some((r) => r.reportsTo !== null)) expect(mapping.managerKind).toBe('id');
  }

  it.each(PRESETS)('reads the %s preset as a comma-separated UTF-8 table and maps every column', async (name) => {
    await expectReadBack(preset(name));
  });

  it('keeps the comma as the delimiter when cells hold ; tab and | (dotted-line lists on every row)', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    await expectReadBack(docOf(ids.map((id, i) => ({
      id,
      title: `T${i}; x | y\tz`,
      reportsTo: i ? 'a' : null,
      dottedLines: ids.filter((other) => other !== id).map((to) => ({ to, kind: 'partner' as const })),
    }))));
  });
});

describe('findingsCsv', () => {
  const doc = docOf([
    { id: 'a', title: 'Head', titles: { 'zh-CN': '负责人' } },
    { id: 'b', title: '=cmd', reportsTo: 'a' },
  ]);
  const findings: Finding[] = [
    { rule: 'STR-001', severity: 'error', roles: ['b', 'gone'], message: 'Line, with "quotes"\nand a break' },
    { rule: 'SPAN-001', severity: 'warning', roles: ['a'], message: '-1 report' },
    { rule: 'SETTINGS', severity: 'info', roles: [], message: 'Unknown rule' },
  ];

  it('writes the header, one row per finding with the rule title, role ids and titles, and the message', () => {
    const [header, ...rows] = rowsOf(findingsCsv(doc, findings));
    expect(header).toEqual([...FINDING_COLUMNS]);
    expect(header).toEqual(['severity', 'rule', 'ruleTitle', 'roles', 'roleTitles', 'message']);
    expect(rows).toEqual([
      ['error', 'STR-001', 'Valid reporting lines', 'b;gone', "'=cmd; gone", 'Line, with "quotes"\nand a break'],
      ['warning', 'SPAN-001', 'No one-over-ones or micro teams', 'a', 'Head', "'-1 report"],
      ['info', 'SETTINGS', 'Rule settings', '', '', 'Unknown rule'],
    ]);
  });

  it('names the roles in Chinese when asked', () => {
    const [, , second] = rowsOf(findingsCsv(doc, findings, 'zh-CN'));
    expect(second![4]).toBe('负责人');
  });

  it('is the header alone without findings, with the BOM and CRLF', () => {
    expect(findingsCsv(doc, [])).toBe('\uFEFFseverity,rule,ruleTitle,roles,roleTitles,message\r\n');
  });

  it('writes the engine\'s findings of a preset', () => {
    const anti = preset('anti-patterns');
    const all = checkDocument(anti);
    expect(all.length).toBeGreaterThan(0);
    const rows = rowsOf(findingsCsv(anti, all)).slice(1);
    expect(rows.map((r) => [r[0], r[1], r[3], unescapeCell(r[5]!)])).toEqual(all.map((f) => [f.severity, f.rule, f.roles.join(';'), f.message]));
    expect(rows.every((r) => r[2] !== '')).toBe(true);
  });
});

describe('Export CSV in the browser', () => {
  const failing = () => {
    throw new RangeError('Invalid string length');
  };

  it('downloads the roles CSV under the document name, as text/csv', async () => {
    const doc = docOf([{ id: 'a', title: '客户经理' }], { name: 'China: AM' });
    const store = createOrgStore(doc);
    const saved: [string, string, string][] = [];
    await exportCsv(store, { save: (text, name, type) => saved.push([text, name, type]) });
    expect(saved).toEqual([[documentCsv(doc), 'China- AM.csv', 'text/csv;charset=utf-8']]);
    expect(CSV_TYPE).toBe('text/csv;charset=utf-8');
    expect(store.getState().alert).toBeNull();
  });

  it('downloads the findings CSV beside it, in the UI language', async () => {
    await loadLanguage('zh-CN');
    const doc = preset('anti-patterns');
    const store = createOrgStore(doc, 'zh-CN');
    const saved: [string, string][] = [];
    await exportFindingsCsv(store, { save: (text, name) => saved.push([text, name]) });
    expect(saved).toEqual([[findingsCsv(doc, checkDocument(doc), 'zh-CN'), `${doc.name} 检查结果.csv`]]);
    expect(store.getState().alert).toBeNull();
  });

  it('shows an alert and downloads nothing when writing fails, and never rejects', async () => {
    const store = createOrgStore(docOf([{ id: 'a' }]));
    const saved: string[] = [];
    await expect(exportCsv(store, { documentCsv: failing, save: (text) => saved.push(text) })).resolves.toBeUndefined();
    expect(store.getState().alert?.text).toBe('Export CSV failed (Invalid string length). Nothing was downloaded.');
    await expect(exportFindingsCsv(store, { findingsCsv: failing, save: (text) => saved.push(text) })).resolves.toBeUndefined();
    expect(store.getState().alert?.text).toBe('Export of the findings as CSV failed (Invalid string length). Nothing was downloaded.');
    expect(saved).toEqual([]);
  });

  it('says so in Chinese too, also when the download itself fails', async () => {
    await loadLanguage('zh-CN');
    const store = createOrgStore(docOf([{ id: 'a' }]), 'zh-CN');
    await exportCsv(store, { save: failing });
    expect(store.getState().alert?.text).toBe('导出 CSV 失败（Invalid string length）。未下载任何文件。');
  });
});
