import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';

const load = (text: string): OrgDocument => {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('serializeDocument (format.md, Exporting)', () => {
  it('writes two-space indentation and a final newline', () => {
    const text = serializeDocument(load(fixture('good/minimal.json')));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "org-structure",');
  });

  it('omits defaults, so a minimal file comes back as it was written', () => {
    expect(serializeDocument(load(fixture('good/minimal.json')))).toBe(fixture('good/minimal.json'));
  });

  it('writes fields in the order of the spec, whatever the input order', () => {
    const shuffled = {
      roles: [{ exceptions: [{ reason: 'on purpose', rule: 'SPAN-003' }], level: 4, title: 'Lead', id: 'lead', family: 'am-lead', archetype: 'coach',
        decisions: [{ limit: { percent: 10 }, scope: 'team', authority: 'agree', area: 'pricing-discount' }],
        budgets: [{ parent: 'P', amount: 5, kind: 'operating', id: 'B' }], salary: { bonusPct: 10, max: 2, min: 1 }, holder: { languages: ['zh'], name: 'A' } }],
      view: { direction: 'LR', collapsed: ['lead'], positions: { lead: { y: 2, x: 1 } } },
      settings: { rules: { 'SPAN-001': { params: { minSpan: 2 }, severity: 'info', enabled: true } } },
      currency: 'CNY', name: 'Order', version: 1, format: 'org-structure', period: 'FY2026', description: 'd',
    };
    const text = serializeDocument(load(JSON.stringify(shuffled)));
    const keys = (obj: object) => Object.keys(obj);
    const out = JSON.parse(text);
    expect(keys(out)).toEqual(['format', 'version', 'name', 'description', 'currency', 'period', 'roles', 'settings', 'view']);
    expect(keys(out.roles[0])).toEqual(['id', 'title', 'family', 'level', 'archetype', 'holder', 'salary', 'budgets', 'decisions', 'exceptions']);
    expect(keys(out.roles[0].decisions[0])).toEqual(['area', 'authority', 'scope', 'limit']);
    expect(keys(out.roles[0].budgets[0])).toEqual(['id', 'kind', 'amount', 'parent']);
    expect(keys(out.roles[0].salary)).toEqual(['min', 'max', 'bonusPct']);
    expect(keys(out.roles[0].holder)).toEqual(['name', 'languages']);
    expect(keys(out.roles[0].exceptions[0])).toEqual(['rule', 'reason']);
    expect(keys(out.settings.rules['SPAN-001'])).toEqual(['enabled', 'severity', 'params']);
    expect(keys(out.view)).toEqual(['positions', 'collapsed', 'direction']);
    expect(keys(out.view.positions.lead)).toEqual(['x', 'y']);
  });

  it('leaves out explicit defaults: authority decide, direction TB, empty settings and view', () => {
    const doc = load(JSON.stringify({
      format: 'org-structure', version: 1, name: 'x', currency: 'CNY',
      roles: [{ id: 'a', title: 'A', level: 1, family: 'other', function: 'account-management', reportsTo: null, headcount: 1, vacancies: 0,
        external: false, assistant: false, titles: {}, dottedLines: [], accounts: [], budgets: [], exceptions: [],
        decisions: [{ area: 'account-plan', authority: 'decide' }] }],
      settings: { rules: {} }, view: { positions: {}, collapsed: [], direction: 'TB' },
    }));
    expect(JSON.parse(serializeDocument(doc))).toEqual({
      format: 'org-structure', version: 1, name: 'x', currency: 'CNY',
      roles: [{ id: 'a', title: 'A', level: 1, decisions: [{ area: 'account-plan' }] }],
    });
  });

  it('round-trips a generated organization exactly, both ways', () => {
    const doc = generateOrg({ roles: 300, seed: 3 });
    const text = serializeDocument(doc);
    const again = load(text);
    expect(again).toEqual(doc);
    expect(serializeDocument(again)).toBe(text);
  });

  it('keeps hostile strings and odd ids as data', () => {
    const doc = load(fixture('good/hostile-keys.json'));
    const text = serializeDocument(doc);
    expect(load(text)).toEqual(doc);
    expect(JSON.parse(text).roles[0].id).toBe('constructor');
  });
});
