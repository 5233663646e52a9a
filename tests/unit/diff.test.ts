/**
 * The comparison of two documents (issue 18, src/compare/diff.ts): an equal pair is empty,
 * every Role field (and every key of its nested shapes) is reported, the order rules,
 * defaults and key order are no change, and the metrics, findings, deciders, budgets and
 * change-list CSV.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHANGE_COLUMNS, changesCsv } from '../../src/compare/csv.ts';
import { DOCUMENT_FIELDS, ROLE_FIELDS, diffDocuments, diffJson, same, type DocumentDiff } from '../../src/compare/diff.ts';
import { CSV_BOM } from '../../src/io/csv.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { computeMetrics } from '../../src/metrics/index.ts';
import { addRole, moveRole, removeRoles } from '../../src/model/commands.ts';
import { updateRole } from '../../src/model/field-commands.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { checkDocument } from '../../src/rules/engine.ts';
import { FIELDS } from '../../src/schema/constants.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { DocumentSchema, RoleSchema, type OrgDocument, type Role } from '../../src/schema/v1.ts';
import { applyDiff, structureOf } from '../helpers/apply-diff.ts';
import { docOf, type RoleSketch } from '../helpers/doc.ts';

const parse = (text: string): OrgDocument => {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};
const preset = (name: string): OrgDocument => parse(readFileSync(new URL(`../../presets/${name}.json`, import.meta.url), 'utf8'));
const done = (result: { ok: true; doc: OrgDocument } | { ok: false; reason: string }): OrgDocument => {
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
};

/** A role with every field of format.md set. */
const FULL: RoleSketch = {
  id: 'r',
  title: 'Lead',
  titles: { 'zh-CN': '主管', en: 'Lead' },
  family: 'am-lead',
  function: 'account-management',
  level: 4,
  reportsTo: 'top',
  dottedLines: [{ to: 'top', kind: 'partner', note: 'weekly' }],
  external: false,
  assistant: false,
  archetype: 'coach',
  headcount: 2,
  vacancies: 1,
  holder: { name: 'Li', yearsExperience: 5, yearsManagement: 2, languages: ['zh'] },
  salary: { min: 100, max: 200, bonusPct: 10 },
  revenueTarget: 1000,
  accounts: [{ tier: 'smb', count: 3 }],
  budgets: [{ id: 'B1', kind: 'training', amount: 5, parent: 'B0' }],
  decisions: [
    { area: 'pricing-discount', authority: 'decide', scope: 'team', limit: { percent: 5 } },
    { area: 'spend-approval', authority: 'agree', scope: 'own', limit: { amount: 7 } },
  ],
  requirements: { minYearsManagement: 1, minYearsExperience: 2, languages: ['en'] },
  exceptions: [{ rule: 'SPAN-003', reason: 'kept small' }],
};
const baseDoc = (): OrgDocument => docOf([{ id: 'top', level: 6, budgets: [{ id: 'B0', kind: 'training', amount: 50 }] }, { id: 'other-top', level: 6 }, FULL]);

/** The base with role `r` replaced by `change(r)`. */
function withRole(doc: OrgDocument, change: (r: Role) => Role): OrgDocument {
  return { ...doc, roles: doc.roles.map((r) => (r.id === 'r' ? change(r) : r)) };
}

const isEmpty = (d: DocumentDiff) => {
  expect(d.added).toEqual([]);
  expect(d.removed).toEqual([]);
  expect(d.moved).toEqual([]);
  expect(d.changed).toEqual([]);
  expect(d.roles).toEqual([]);
  expect(d.findings.new).toEqual([]);
  expect(d.findings.resolved).toEqual([]);
  expect(d.decisions.every((e) => e.role === null && !e.changed)).toBe(true);
  expect(d.budgets.every((b) => !b.changed)).toBe(true);
  expect(d.document).toEqual([]);
  expect(d.equal).toBe(true);
};

describe('diffDocuments: equal documents', () => {
  it('diff(a, a) is empty, for every preset and a generated organization', () => {
    const docs = ['anti-patterns', 'china-account-management', 'global-matrix', 'lean-player-coach-pod', 'tiered-coverage-pods'].map(preset);
    docs.push(generateOrg({ roles: 300, seed: 3 }), baseDoc());
    for (const doc of docs) {
      const d = diffDocuments(doc, doc);
      isEmpty(d);
      expect(d.findings.unchanged).toEqual(checkDocument(doc));
      expect(d.metrics.before).toEqual(computeMetrics(doc));
      expect(d.decisions.map((e) => e.area)).toHaveLength(13);
      // Two loads of the same text: no role is shared, every field is compared.
      isEmpty(diffDocuments(doc, parse(serializeDocument(doc))));
    }
  });

  it('counts defaults spelled out or left out, and the key order of objects, as no change', () => {
    const terse = `{"format":"org-structure","version":1,"name":"A","currency":"CNY","roles":[
      {"id":"a","title":"A","level":5,"titles":{"zh-CN":"甲","en":"A"},"salary":{"min":1,"max":2},"decisions":[{"area":"account-plan"}]},
      {"id":"b","title":"B","level":3,"reportsTo":"a"}]}`;
    const verbose = `{"version":1,"format":"org-structure","currency":"CNY","name":"A","settings":{"rules":{}},"view":{"direction":"TB","positions":{},"collapsed":[]},"roles":[
      {"level":5,"title":"A","id":"a","titles":{"en":"A","zh-CN":"甲"},"family":"other","function":"account-management","reportsTo":null,
       "dottedLines":[],"external":false,"assistant":false,"headcount":1,"vacancies":0,"salary":{"max":2,"min":1},
       "accounts":[],"budgets":[],"decisions":[{"authority":"decide","area":"account-plan"}],"exceptions":[]},
      {"id":"b","title":"B","level":3,"reportsTo":"a","family":"other"}]}`;
    isEmpty(diffDocuments(parse(terse), parse(verbose)));
    // The schema's own parse (optional keys absent, not undefined) against the loader's (every key present).
    isEmpty(diffDocuments(DocumentSchema.parse(JSON.parse(terse)) as OrgDocument, parse(terse)));
  });

  it('ignores the view (positions, collapsed, direction)', () => {
    const doc = baseDoc();
    isEmpty(diffDocuments(doc, { ...doc, view: { positions: { r: { x: 1, y: 2 } }, collapsed: ['top'], direction: 'LR' } }));
  });
});

describe('diffDocuments: every field kind', () => {
  it('ROLE_FIELDS are the Role fields of the format, in its order', () => {
    expect(ROLE_FIELDS).toEqual(Object.keys(RoleSchema.shape));
  });

  /** A different value of each field of FULL. */
  const CHANGES: { [F in Exclude<(typeof ROLE_FIELDS)[number], 'id'>]: Role[F] } = {
    title: 'Senior Lead',
    titles: { 'zh-CN': '高级主管', en: 'Lead' },
    family: 'am',
    function: 'sales',
    level: 5,
    reportsTo: 'other-top',
    dottedLines: [],
    external: true,
    assistant: true,
    archetype: 'supervisor',
    headcount: 3,
    vacancies: 0,
    holder: undefined,
    salary: { min: 100, max: 250, bonusPct: 10 },
    revenueTarget: undefined,
    accounts: [{ tier: 'smb', count: 4 }],
    budgets: [{ id: 'B1', kind: 'training', amount: 6, parent: 'B0' }],
    decisions: [{ area: 'pricing-discount', authority: 'decide', scope: 'team', limit: { percent: 5 } }],
    requirements: { minYearsManagement: 1, minYearsExperience: 2 },
    exceptions: [{ rule: 'SPAN-003', reason: 'kept small on purpose' }],
  };

  it.each(ROLE_FIELDS.filter((f) => f !== 'id'))('reports a change of %s, before and after', (field) => {
    const base = baseDoc();
    const proposed = withRole(base, (r) => ({ ...r, [field]: CHANGES[field as keyof typeof CHANGES] }));
    const d = diffDocuments(base, proposed);
    const old = base.roles[2]![field];
    const now = proposed.roles[2]![field];
    if (field === 'reportsTo') {
      expect(d.moved).toEqual([{ id: 'r', from: 'top', to: 'other-top' }]);
      expect(d.changed).toEqual([]);
      expect(d.roles).toEqual([{ id: 'r', kinds: ['moved'], before: base.roles[2], after: proposed.roles[2], fields: [{ field, before: 'top', after: 'other-top' }] }]);
    } else {
      expect(d.moved).toEqual([]);
      expect(d.changed).toEqual([{ id: 'r', fields: [field] }]);
      expect(d.roles[0]!.kinds).toEqual(['changed']);
      expect(d.roles[0]!.fields).toEqual([{ field, before: old, after: now }]);
    }
    expect(d.equal).toBe(false);
    expect(structureOf(applyDiff(base, d))).toEqual(structureOf(proposed));
  });

  /** The nested shapes of FIELDS and where each sits in FULL. */
  const NESTED: { shape: keyof typeof FIELDS; field: keyof Role; at: (r: Role) => Record<string, unknown> }[] = [
    { shape: 'dottedLine', field: 'dottedLines', at: (r) => r.dottedLines[0]! },
    { shape: 'holder', field: 'holder', at: (r) => r.holder! },
    { shape: 'salary', field: 'salary', at: (r) => r.salary! },
    { shape: 'accounts', field: 'accounts', at: (r) => r.accounts[0]! },
    { shape: 'budget', field: 'budgets', at: (r) => r.budgets[0]! },
    { shape: 'decision', field: 'decisions', at: (r) => r.decisions[0]! },
    { shape: 'percentLimit', field: 'decisions', at: (r) => r.decisions[0]!.limit! },
    { shape: 'amountLimit', field: 'decisions', at: (r) => r.decisions[1]!.limit! },
    { shape: 'requirements', field: 'requirements', at: (r) => r.requirements! },
    { shape: 'exception', field: 'exceptions', at: (r) => r.exceptions[0]! },
  ];
  const other = (value: unknown): unknown => (typeof value === 'number' ? value + 1 : typeof value === 'string' ? `${value}x` : Array.isArray(value) ? [...value, 'x'] : { other: 1 });

  it.each(NESTED.flatMap(({ shape, field, at }) => FIELDS[shape].map((key) => ({ shape, key, field, at }))))('reports a change of $shape.$key as $field', ({ key, field, at }) => {
    const base = baseDoc();
    for (const value of [other(at(base.roles[2]!)[key]), undefined]) {
      // Rebuild the role with the one nested key changed (or left out), through a deep copy.
      const copy = structuredClone(base.roles[2]!) as Role;
      const target = at(copy);
      if (value === undefined) delete target[key];
      else target[key] = value;
      const d = diffDocuments(base, withRole(base, () => copy));
      expect(d.changed).toEqual([{ id: 'r', fields: [field] }]);
    }
  });

  it('lists a role both moved and changed once, reportsTo first, then the fields in format order', () => {
    const base = baseDoc();
    const proposed = withRole(base, (r) => ({ ...r, salary: undefined, title: 'T', reportsTo: null }));
    const d = diffDocuments(base, proposed);
    expect(d.moved).toEqual([{ id: 'r', from: 'top', to: null }]);
    expect(d.changed).toEqual([{ id: 'r', fields: ['title', 'salary'] }]);
    expect(d.roles[0]!.kinds).toEqual(['moved', 'changed']);
    expect(d.roles[0]!.fields.map((f) => f.field)).toEqual(['reportsTo', 'title', 'salary']);
  });
});

describe('diffDocuments: order', () => {
  it('added, moved and changed follow the proposal, removed the base', () => {
    const base = docOf([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }, { id: 'x' }, { id: 'y' }]);
    const proposed = docOf([
      { id: 'n2' },
      { id: 'e', reportsTo: 'a' },
      { id: 'c', title: 'C2' },
      { id: 'n1' },
      { id: 'a', title: 'A2' },
      { id: 'b', reportsTo: 'a' },
    ]);
    const d = diffDocuments(base, proposed);
    expect(d.added).toEqual(['n2', 'n1']);
    expect(d.removed).toEqual(['d', 'x', 'y']);
    expect(d.moved.map((m) => m.id)).toEqual(['e', 'b']);
    expect(d.changed.map((c) => c.id)).toEqual(['c', 'a']);
    expect(d.roles.map((r) => `${r.kinds.join('+')}:${r.id}`)).toEqual(['added:n2', 'moved:e', 'changed:c', 'added:n1', 'changed:a', 'moved:b', 'removed:d', 'removed:x', 'removed:y']);
    expect(structureOf(applyDiff(base, d))).toEqual(structureOf(proposed));
  });

  it('a role order change alone is no change', () => {
    const base = docOf([{ id: 'a' }, { id: 'b', reportsTo: 'a' }]);
    isEmpty(diffDocuments(base, { ...base, roles: [...base.roles].reverse() }));
  });
});

describe('diffDocuments: the China preset, edited as in the issue', () => {
  const base = preset('china-account-management');
  let proposed = done(moveRole(base, 'am-east-1', 'lead-north'));
  proposed = done(addRole(proposed, { role: { id: 'lead-west', title: 'AM Lead West', family: 'am-lead', level: 4 }, reportsTo: 'head-cn' }));
  proposed = done(removeRoles(proposed, ['am-south-6']));
  proposed = done(updateRole(proposed, 'sam-east-2', { salary: { min: 600000, max: 800000 } }));
  const d = diffDocuments(base, proposed);

  it('one of each kind', () => {
    expect(d.added).toEqual(['lead-west']);
    expect(d.removed).toEqual(['am-south-6']);
    expect(d.moved).toEqual([{ id: 'am-east-1', from: 'lead-east', to: 'lead-north' }]);
    expect(d.changed).toEqual([{ id: 'sam-east-2', fields: ['salary'] }]);
    expect(d.equal).toBe(false);
  });

  it('metrics before and after are those of org stats', () => {
    expect(d.metrics).toEqual({ before: computeMetrics(base), after: computeMetrics(proposed) });
    expect(d.metrics.after.headcount).toBe(d.metrics.before.headcount);
    expect(d.metrics.after.roleCount).toBe(d.metrics.before.roleCount);
  });

  it('findings: new, resolved and unchanged partition both lists by rule, severity and roles', () => {
    const before = checkDocument(base);
    const after = checkDocument(proposed);
    expect(d.findings.unchanged.length + d.findings.new.length).toBe(after.length);
    expect(d.findings.unchanged.length + d.findings.resolved.length).toBe(before.length);
    // The moved AM's target lands on the North lead's team, over its own target.
    expect(d.findings.new.map((f) => `${f.rule}:${f.roles.join()}`)).toContain('BUD-005:lead-north');
  });

  it('the moved AM is decided for by its new lead', () => {
    const pricing = d.decisions.filter((e) => e.area === 'pricing-discount');
    expect(pricing[0]).toMatchObject({ role: null, changed: false, before: { holder: 'head-cn' }, after: { holder: 'head-cn' } });
    const am = pricing.find((e) => e.role === 'am-east-1');
    expect(am).toMatchObject({ changed: true, before: { holder: 'lead-east', scope: 'team' }, after: { holder: 'lead-north', scope: 'team' } });
    expect(d.decisions.filter((e) => e.role !== null).every((e) => e.role === 'am-east-1')).toBe(true);
  });

  it('the JSON of --json has exactly the keys of the issue', () => {
    const json = JSON.parse(JSON.stringify(diffJson(d)));
    expect(Object.keys(json)).toEqual(['added', 'removed', 'moved', 'changed', 'metrics', 'findings']);
    expect(Object.keys(json.metrics)).toEqual(['before', 'after']);
    expect(Object.keys(json.findings)).toEqual(['new', 'resolved']);
    expect(Object.keys(json.metrics.before)).toEqual(Object.keys(computeMetrics(base)));
    for (const f of [...json.findings.new, ...json.findings.resolved]) expect(Object.keys(f)).toEqual(['rule', 'severity', 'roles', 'message']);
  });

  it('uses the findings and metrics it is given', () => {
    const findings = checkDocument(proposed);
    const metrics = computeMetrics(proposed);
    const known = diffDocuments(base, proposed, { proposed: { findings, metrics } });
    expect(known.metrics.after).toBe(metrics);
    expect(known).toEqual(d);
  });
});

describe('diffDocuments: deciders, budgets, document fields', () => {
  it("reports the root's decider per area", () => {
    const base = preset('china-account-management');
    const head = base.roles.find((r) => r.id === 'head-cn')!;
    const proposed = done(updateRole(base, 'head-cn', { decisions: head.decisions.filter((x) => x.area !== 'account-strategy') }));
    const d = diffDocuments(base, proposed);
    const strategy = d.decisions.find((e) => e.area === 'account-strategy' && e.role === null)!;
    expect(strategy).toEqual({ area: 'account-strategy', role: null, before: { holder: 'head-cn', scope: 'department', limit: null }, after: null, changed: true });
    expect(d.findings.new.map((f) => f.rule)).toContain('DEC-002');
    expect(d.decisions.filter((e) => e.role === null && e.changed)).toHaveLength(1);
  });

  it('reports each budget by owner and amount, added and removed ones included', () => {
    const base = docOf([
      { id: 'a', budgets: [{ id: 'P', kind: 'personnel', amount: 10 }, { id: 'Q', kind: 'tools', amount: 1 }] },
      { id: 'b', reportsTo: 'a' },
    ]);
    const proposed = docOf([
      { id: 'a', budgets: [{ id: 'Q', kind: 'tools', amount: 2 }] },
      { id: 'b', reportsTo: 'a', budgets: [{ id: 'P', kind: 'personnel', amount: 10 }, { id: 'R', kind: 'training', amount: 3 }] },
    ]);
    expect(diffDocuments(base, proposed).budgets).toEqual([
      { id: 'Q', before: { owner: 'a', kind: 'tools', amount: 1, parent: null }, after: { owner: 'a', kind: 'tools', amount: 2, parent: null }, changed: true },
      { id: 'P', before: { owner: 'a', kind: 'personnel', amount: 10, parent: null }, after: { owner: 'b', kind: 'personnel', amount: 10, parent: null }, changed: true },
      { id: 'R', before: null, after: { owner: 'b', kind: 'training', amount: 3, parent: null }, changed: true },
    ]);
  });

  it('names the document fields that differ, without counting them as a change of the organization', () => {
    const base = baseDoc();
    const proposed = { ...base, name: 'Proposal', period: 'FY2027' };
    const d = diffDocuments(base, proposed);
    expect(d.document).toEqual([
      { field: 'name', before: 'Test', after: 'Proposal' },
      { field: 'period', before: undefined, after: 'FY2027' },
    ]);
    expect(d.equal).toBe(true);
    expect(DOCUMENT_FIELDS).not.toContain('view');
  });

  it('a rule setting that changes findings makes the documents differ', () => {
    const base = preset('anti-patterns');
    const proposed = { ...base, settings: { rules: { ...base.settings.rules, 'SPAN-001': { enabled: false } } } };
    const d = diffDocuments(base, proposed);
    expect(d.document.map((f) => f.field)).toEqual(['settings']);
    expect(d.findings.resolved.length).toBeGreaterThan(0);
    expect(d.findings.resolved.every((f) => f.rule === 'SPAN-001')).toBe(true);
    expect(d.equal).toBe(false);
  });
});

describe('findings matching', () => {
  it('counts equal findings: two before and one after leave the later one resolved', () => {
    // Two roles each listing the same decision twice give DEC-001 once per role; the messages differ by title.
    const right = { area: 'account-plan' as const, scope: 'own' as const };
    const base = docOf([{ id: 'a', decisions: [right, right] }, { id: 'b', title: 'B', decisions: [right, right] }]);
    const proposed = docOf([{ id: 'a', decisions: [right, right] }, { id: 'b', title: 'B renamed', decisions: [right] }]);
    const d = diffDocuments(base, proposed);
    const dec = (list: readonly { rule: string; roles: readonly string[] }[]) => list.filter((f) => f.rule === 'DEC-001').map((f) => f.roles.join());
    expect(dec(d.findings.resolved)).toEqual(['b']);
    expect(dec(d.findings.unchanged)).toEqual(['a']);
    expect(dec(d.findings.new)).toEqual([]);
  });
});

describe('same', () => {
  it('compares JSON-like values structurally, an undefined key as an absent one', () => {
    expect(same({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(same([1, { x: [2] }], [1, { x: [2] }])).toBe(true);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(same({}, [])).toBe(false);
    expect(same({ toString: 'x' }, {})).toBe(false);
    expect(same({}, { toString: 'x' })).toBe(false);
    expect(same(null, {})).toBe(false);
  });
});

describe('changesCsv', () => {
  const base = preset('china-account-management');
  let proposed = done(moveRole(base, 'am-east-1', 'lead-north'));
  proposed = done(addRole(proposed, { role: { id: 'lead-west', title: 'AM Lead West', titles: { 'zh-CN': '西区主管' }, level: 4 }, reportsTo: 'head-cn' }));
  proposed = done(removeRoles(proposed, ['am-south-6']));
  proposed = done(updateRole(proposed, 'sam-east-2', { salary: { min: 600000, max: 800000 }, title: '=SUM(A1)' }));
  const d = diffDocuments(base, proposed);
  const rows = (csv: string) => Papa.parse<string[]>(csv.slice(CSV_BOM.length), { skipEmptyLines: true }).data;

  it('one row per changed field, in the order of the change list, with a BOM and CRLF', () => {
    const csv = changesCsv(d);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toContain('\r\n');
    const sam = base.roles.find((r) => r.id === 'sam-east-2')!;
    expect(rows(csv)).toEqual([
      [...CHANGE_COLUMNS.en],
      // Document order: the Senior AMs of a lead come before its AMs in the preset.
      // A title a spreadsheet would run as a formula is escaped, as in every CSV export.
      ['changed', 'sam-east-2', "'=SUM(A1)", 'title', sam.title, "'=SUM(A1)"],
      ['changed', 'sam-east-2', "'=SUM(A1)", 'salary', JSON.stringify(sam.salary), '{"min":600000,"max":800000}'],
      ['moved', 'am-east-1', base.roles.find((r) => r.id === 'am-east-1')!.title, 'reportsTo', 'lead-east', 'lead-north'],
      ['added', 'lead-west', 'AM Lead West', '', '', ''],
      ['removed', 'am-south-6', base.roles.find((r) => r.id === 'am-south-6')!.title, '', '', ''],
    ]);
  });

  it('in Chinese: the headers, the kinds and the Chinese titles', () => {
    const table = rows(changesCsv(d, 'zh-CN'));
    expect(table[0]).toEqual(['类型', '编号', '职位', '字段', '变更前', '变更后']);
    expect(table.map((r) => r[0]).slice(1)).toEqual(['变更', '变更', '调动', '新增', '删除']);
    expect(table[4]![2]).toBe('西区主管');
  });

  it('an equal pair has the header only', () => {
    expect(rows(changesCsv(diffDocuments(base, base)))).toEqual([[...CHANGE_COLUMNS.en]]);
  });
});
