import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTreeIndex } from '../../../src/model/tree.ts';
import { parseDocument } from '../../../src/schema/parse.ts';
import type { OrgDocument } from '../../../src/schema/v1.ts';
import { DEFAULT_PARAMS, RULE_IDS, SETTINGS_RULE_ID, checkDocument, effectiveParams } from '../../../src/rules/engine.ts';
import { RULES as RULE_CHECKS } from '../../../src/rules/all.ts';
import { RULES_INFO as RULES, ruleInfo } from '../../../src/rules/catalogue.ts';
import { SOURCE_FILES } from '../../../src/rules/sources.ts';
import { mergeRuleParams } from '../../../src/rules/engine.ts';
import { brief, makeDoc, reports, role, run } from './helpers.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** A small org with a one-over-one lead (SPAN-001, SPAN-003) and a grade compression (STR-006). */
const roles = [
  role('head', { family: 'head-am', level: 5 }),
  role('lead', { family: 'am-lead', level: 4, reportsTo: 'head' }),
  role('am', { family: 'am', level: 4, reportsTo: 'lead' }),
  ...reports('head', 7, { level: 3 }),
];

describe('catalogue', () => {
  it('lists every rule of rules.md once, in catalogue order, each with a check', () => {
    const spec = read('docs/spec/rules.md');
    const inSpec = [...new Set([...spec.matchAll(/^\| ((?:STR|SPAN|DEC|BUD|QUAL)-\d{3}) \|/gm)].map((m) => m[1]))];
    expect(RULE_IDS).toEqual(inSpec);
    expect(RULES.map((r) => r.id)).toEqual(RULE_IDS);
    expect(RULE_CHECKS.map((r) => r.id)).toEqual(RULE_IDS);
  });

  it('gives each rule a family, a title, a why and a source', () => {
    const families: Record<string, string> = { STR: 'structure', SPAN: 'span', DEC: 'decision', BUD: 'budget', QUAL: 'qualification' };
    for (const r of RULES) {
      expect(r.family).toBe(families[r.id.split('-')[0]!]);
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.title.length).toBeLessThan(60);
      expect(r.why.length).toBeGreaterThan(40);
      expect(r.source.length).toBeGreaterThan(10);
      expect(r.sourceDocument === undefined).toBe(r.quotes.length === 0);
      expect(ruleInfo(r.id)).toBe(r);
    }
    expect(ruleInfo('STR-999')).toBeUndefined();
  });

  it('quotes its sources verbatim from docs/sources', () => {
    const texts = Object.fromEntries(Object.entries(SOURCE_FILES).map(([doc, file]) => [doc, read(`docs/sources/${file}`)]));
    let quotes = 0;
    for (const r of RULES) {
      for (const q of r.quotes) {
        expect(texts[q.document], `${r.id}: ${q.text}`).toContain(q.text);
        expect(r.source).toContain(q.text);
        quotes++;
      }
    }
    expect(quotes).toBeGreaterThan(20);
    expect(ruleInfo('SPAN-004')!.sourceDocument).toBe('Head vs Senior');
    expect(ruleInfo('DEC-006')!.sourceDocument).toBe('China JD');
    expect(ruleInfo('DEC-001')!.source).toContain('RAPID');
  });

  it('has the default parameters of rules.md', () => {
    const spec = read('docs/spec/rules.md');
    const json = spec.slice(spec.indexOf('## Default parameters')).match(/```json\n([\s\S]*?)```/)![1]!;
    expect(DEFAULT_PARAMS).toEqual(JSON.parse(json));
    expect(Object.isFrozen(DEFAULT_PARAMS['SPAN-002'].ranges)).toBe(true);
  });
});

describe('settings', () => {
  it('runs every rule by default', () => {
    const found = brief(checkDocument(makeDoc(roles)));
    expect(found).toEqual(
      expect.arrayContaining([
        { rule: 'SPAN-001', severity: 'warning', roles: ['lead'] },
        { rule: 'STR-006', severity: 'warning', roles: ['am', 'lead'] },
      ]),
    );
  });

  it('skips a disabled rule', () => {
    const doc = makeDoc(roles, { rules: { 'SPAN-001': { enabled: false } } });
    expect(run(doc, 'SPAN-001')).toEqual([]);
    expect(run(doc, 'STR-006')).toHaveLength(1);
    expect(run(makeDoc(roles, { rules: { 'SPAN-001': { enabled: true } } }), 'SPAN-001')).toHaveLength(1);
  });

  it('overrides the severity of every finding of a rule', () => {
    const doc = makeDoc([...roles, role('x', { reportsTo: 'head', level: 5 })], { rules: { 'STR-006': { severity: 'info' } } });
    expect(run(doc, 'STR-006').map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it('merges params over the defaults deeply, replacing numbers and arrays', () => {
    const doc = makeDoc(roles, {
      rules: {
        'SPAN-002': { params: { ranges: { supervisor: [8, 12] }, defaultArchetype: { am: 'coach' } } },
        'DEC-002': { params: { requiredDepartmentAreas: ['account-strategy'] } },
        'SPAN-001': { params: { minSpan: 1 } },
      },
    });
    const p = effectiveParams(doc);
    expect(p['SPAN-002'].ranges).toEqual({ ...DEFAULT_PARAMS['SPAN-002'].ranges, supervisor: [8, 12] });
    expect(p['SPAN-002'].defaultArchetype).toEqual({ ...DEFAULT_PARAMS['SPAN-002'].defaultArchetype, am: 'coach' });
    expect(p['SPAN-002'].errorFactor).toBe(1.5);
    expect(p['DEC-002']).toEqual({ requiredDepartmentAreas: ['account-strategy'], requiredAccountAreas: DEFAULT_PARAMS['DEC-002'].requiredAccountAreas });
    expect(run(doc, 'SPAN-001')).toEqual([]);
    expect(DEFAULT_PARAMS['SPAN-002'].ranges.supervisor).toEqual([8, 10]);
  });

  it('lets a disabled rule\'s params still serve the rules that read them', () => {
    const doc = makeDoc(roles, { rules: { 'SPAN-001': { enabled: false, params: { minSpan: 1 } } } });
    expect(run(doc, 'SPAN-003').map((f) => f.roles)).toEqual([['lead']]);
    expect(run(makeDoc(roles), 'SPAN-003')).toEqual([]);
  });

  it('adds new map entries that fit, such as a reference band for another family', () => {
    const p = mergeRuleParams('BUD-007', { referenceBands: { am: { base: [50000, 90000] }, 'senior-am': { bonusPct: [0, 30] } } });
    expect(p.referenceBands.am).toEqual({ base: [50000, 90000] });
    expect(p.referenceBands['senior-am']).toEqual({ base: [80000, 150000], bonusPct: [0, 30] });
  });

  it('falls back to the default for garbage, and never reaches a prototype', () => {
    const garbage: unknown[] = [
      'x',
      42,
      null,
      [],
      { ranges: 'x', errorFactor: 'big', defaultArchetype: { am: 'wizard', __proto__: { polluted: true } } },
      { ranges: { supervisor: 'x', coach: [1], facilitator: [5, 2], coordinator: [1, Number.NaN] } },
      JSON.parse('{"__proto__": {"errorFactor": 99}, "constructor": {"prototype": {"x": 1}}, "prototype": 1}'),
    ];
    for (const g of garbage) {
      expect(mergeRuleParams('SPAN-002', g)).toEqual(DEFAULT_PARAMS['SPAN-002']);
    }
    expect(mergeRuleParams('DEC-002', { requiredDepartmentAreas: ['not-an-area'], requiredAccountAreas: 'pricing-discount' })).toEqual(DEFAULT_PARAMS['DEC-002']);
    expect(mergeRuleParams('SPAN-006', { portfolioCap: { strategic: 0, smb: -1, enterprise: 10 } }).portfolioCap).toEqual({ ...DEFAULT_PARAMS['SPAN-006'].portfolioCap, enterprise: 10 });
    expect(mergeRuleParams('BUD-003', { allowedKinds: { am: '*', 'am-lead': ['personnel', 'bogus'], other: 7 } }).allowedKinds).toEqual({ ...DEFAULT_PARAMS['BUD-003'].allowedKinds, am: '*' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const hostile = { get maxAgree(): number { throw new Error('boom'); } };
    expect(mergeRuleParams('DEC-007', hostile)).toEqual(DEFAULT_PARAMS['DEC-007']);
  });

  it('never throws on garbage settings in a loaded document', () => {
    const text = JSON.stringify({
      format: 'org-structure', version: 1, name: 'G', currency: 'CNY',
      roles: [{ id: 'constructor', title: 'C', level: 5 }, { id: 'prototype', title: 'P', level: 3, reportsTo: 'constructor' }],
      settings: { rules: { 'SPAN-002': { params: { ranges: 'nope', errorFactor: { a: 1 } } }, 'STR-005': { params: { targetSpan: -3, layerSlack: 'x' } }, 'BUD-007': { params: { referenceBands: [1, 2] } } } },
    });
    const parsed = parseDocument(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(() => checkDocument(parsed.doc)).not.toThrow();
    const raw = { ...parsed.doc, settings: { rules: { 'SPAN-001': 'off', 'SPAN-002': { enabled: 'no', severity: 'fatal', params: 7 }, __proto__: { enabled: false } } } } as unknown as OrgDocument;
    expect(() => checkDocument(raw)).not.toThrow();
    expect(checkDocument({ ...parsed.doc, settings: undefined } as unknown as OrgDocument)).toEqual(checkDocument(parsed.doc));
    expect(checkDocument(raw).some((f) => f.message.includes('internal error'))).toBe(false);
  });

  it('reports each unknown rule id in settings as one SETTINGS info finding, last', () => {
    const found = checkDocument(makeDoc(roles, { rules: { 'SPAN-099': { enabled: false }, 'SPAN-001': { severity: 'error' }, custom: {} } }));
    const settings = found.filter((f) => f.rule === SETTINGS_RULE_ID);
    expect(brief(settings)).toEqual([
      { rule: 'SETTINGS', severity: 'info', roles: [] },
      { rule: 'SETTINGS', severity: 'info', roles: [] },
    ]);
    expect(settings[0]!.message).toContain('SPAN-099');
    expect(found.slice(-2)).toEqual(settings);
  });
});

describe('exceptions', () => {
  const withException = (id: string, rule: string, reason = 'kept small on purpose') => roles.map((r) => (r.id === id ? { ...r, exceptions: [{ rule, reason }] } : r));

  it('turn the main subject\'s findings of that rule into info, with the reason', () => {
    const found = run(makeDoc(withException('lead', 'SPAN-001')), 'SPAN-001');
    expect(brief(found)).toEqual([{ rule: 'SPAN-001', severity: 'info', roles: ['lead'] }]);
    expect(found[0]!.message).toContain('kept small on purpose');
  });

  it('apply only to the main subject and only to that rule', () => {
    expect(run(makeDoc(withException('lead', 'STR-006')), 'STR-006').map((f) => f.severity)).toEqual(['warning']);
    expect(run(makeDoc(withException('am', 'STR-006')), 'STR-006').map((f) => f.severity)).toEqual(['info']);
    expect(run(makeDoc(withException('lead', 'SPAN-002')), 'SPAN-001').map((f) => f.severity)).toEqual(['warning']);
  });

  it('win over a severity override', () => {
    const doc = makeDoc(withException('lead', 'SPAN-001'), { rules: { 'SPAN-001': { severity: 'error' } } });
    expect(run(doc, 'SPAN-001').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('order and index', () => {
  const mixed = makeDoc([
    ...roles,
    role('ghost-report', { reportsTo: 'nobody', salary: { min: 3, max: 1 } }),
    role('vacant', { reportsTo: 'head', vacancies: 1, decisions: [{ area: 'pricing-discount' }] }),
  ]);

  it('returns findings in catalogue order, then in the order each rule gives them', () => {
    const found = checkDocument(mixed);
    const position = (id: string) => RULE_IDS.indexOf(id as (typeof RULE_IDS)[number]);
    for (let i = 1; i < found.length; i++) expect(position(found[i - 1]!.rule)).toBeLessThanOrEqual(position(found[i]!.rule));
    expect(new Set(found.map((f) => f.rule)).size).toBeGreaterThan(5);
  });

  it('is deterministic and does not change the document', () => {
    const before = JSON.stringify(mixed);
    expect(checkDocument(mixed)).toEqual(checkDocument(mixed));
    expect(JSON.stringify(mixed)).toBe(before);
  });

  it('uses a given index, and rebuilds one built for another document', () => {
    const index = buildTreeIndex(mixed);
    expect(checkDocument(mixed, index)).toEqual(checkDocument(mixed));
    expect(checkDocument(mixed, buildTreeIndex(makeDoc(roles)))).toEqual(checkDocument(mixed));
  });

  it('checks an empty document without findings', () => {
    expect(checkDocument(makeDoc([]))).toEqual([]);
  });
});
