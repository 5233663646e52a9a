import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';
import { compactDocumentJson, serializeDocument } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { normalizeRole, roleWithDefaults } from '../../src/schema/constants.ts';
import type { OrgDocument, Role } from '../../src/schema/v1.ts';
import { arbDocumentJson } from '../helpers/arbitraries.ts';
import { deepFreeze } from '../helpers/freeze.ts';
import { referenceDocumentToJson, referenceSerialize } from '../helpers/serialize-reference.ts';

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

/** Both writers against the implementation before the fast path: the same bytes, the same value. */
function expectSameAsReference(doc: OrgDocument): void {
  const expected = referenceSerialize(doc);
  expect(serializeDocument(doc)).toBe(expected);
  // The compact text feeds autosave: the same value without whitespace.
  expect(compactDocumentJson(doc)).toBe(JSON.stringify(referenceDocumentToJson(doc)));
}

describe('serializeDocument writes what the previous implementation wrote', () => {
  const presets = new URL('../../presets/', import.meta.url);
  it.each(readdirSync(presets).filter((f) => f.endsWith('.json')))('preset %s', (name) => {
    const doc = load(readFileSync(new URL(name, presets), 'utf8'));
    expectSameAsReference(doc);
    expect(serializeDocument(doc)).toBe(referenceSerialize(deepFreeze(doc)));
  });

  it.each(['minimal.json', 'hostile-keys.json', 'semantic-problems.json', 'unknown-fields.json'])('fixture %s', (name) => {
    expectSameAsReference(load(fixture(`good/${name}`)));
  });

  it.each([
    [1, 1, undefined], [40, 7, undefined], [2_000, 42, undefined], [3_000, 5, 'lean'],
  ] as const)('generated organization of %i roles (seed %i, %s)', (roles, seed, detail) => {
    const doc = generateOrg({ roles, seed, ...(detail ? { detail } : {}) });
    expectSameAsReference(doc);
    expectSameAsReference(load(serializeDocument(doc)));
  });

  it('on any document a file may hold', () => {
    fc.assert(fc.property(arbDocumentJson, (json) => {
      const parsed = parseDocument(JSON.stringify(json));
      if (parsed.ok) expectSameAsReference(parsed.doc);
    }), { numRuns: 300 });
  });

  it('on documents no parser made: odd shapes, null sub-objects, extra and undefined keys', () => {
    const odd = {
      ...roleWithDefaults({ id: 'odd', title: 'Odd', level: 3 }),
      family: undefined, reportsTo: undefined, headcount: 3, vacancies: 1, external: true, assistant: true, archetype: 'coach',
      holder: null, salary: { bonusPct: 5, max: 2, min: 1, extra: 'x' }, requirements: {},
      dottedLines: [{ kind: 'partner', to: 'a', note: undefined }, { to: 'b', kind: 'indirect-manager', note: 'n' }],
      accounts: [{ count: 2, tier: 'smb', more: true }],
      budgets: [{ amount: 5, id: 'B', kind: 'tools', parent: undefined }, { id: 'C', kind: 'training', amount: 0, parent: 'B' }],
      decisions: [
        { area: 'account-plan', authority: 'decide', limit: null },
        { limit: { amount: 3, percent: undefined }, area: 'pricing-discount', authority: 'agree', scope: undefined },
        { area: 'spend-approval', authority: undefined, limit: { percent: 0 } },
        { area: 'client-escalation', authority: 'input', limit: { percent: undefined } },
      ],
      exceptions: [{ reason: 'r', rule: 'SPAN-003' }],
    } as unknown as Role;
    const sparse = { id: 'sparse', title: 'S', titles: {}, level: 2, dottedLines: [], accounts: [], budgets: [], decisions: [], exceptions: [],
      holder: { name: undefined, languages: [] }, salary: { min: 1, max: 2 }, requirements: { languages: ['zh'], minYearsManagement: 0 } } as unknown as Role;
    const base = generateOrg({ roles: 30, seed: 9 });
    expectSameAsReference({ ...base, description: undefined, period: 'FY', roles: [odd, sparse, normalizeRole(odd), ...base.roles] } as unknown as OrgDocument);
    expectSameAsReference({ ...base, roles: [], view: { positions: {}, collapsed: [], direction: undefined } } as unknown as OrgDocument);
  });

  it('keeps dynamic keys as data: __proto__ in titles, params, rule ids and positions never reaches a prototype', () => {
    // JSON.parse makes `__proto__` an own key, as a hostile file would.
    const records = JSON.parse(`{
      "titles": { "__proto__": "t", "zh-CN": "负责人", "1": "one" },
      "rules": { "__proto__": { "enabled": false }, "9": { "severity": "info" }, "SPAN-001": { "params": { "__proto__": { "polluted": 1 }, "minSpan": 2 } } },
      "positions": { "__proto__": { "x": 1, "y": 2 }, "constructor": { "x": 3, "y": 4, "z": 5 }, "7": { "x": 0, "y": -1 } }
    }`);
    const base = generateOrg({ roles: 5, seed: 2 });
    const doc = {
      ...base,
      roles: base.roles.map((r, i) => (i === 0 ? { ...r, titles: records.titles } : r)),
      settings: { rules: records.rules },
      view: { positions: records.positions, collapsed: ['x'], direction: 'LR' },
    } as unknown as OrgDocument;
    expectSameAsReference(doc);
    const out = JSON.parse(serializeDocument(doc));
    expect(Object.keys(out.roles[0].titles)).toEqual(['1', '__proto__', 'zh-CN']);
    expect(Object.keys(out.settings.rules)).toEqual(['9', '__proto__', 'SPAN-001']);
    expect(Object.keys(out.view.positions)).toEqual(['7', '__proto__', 'constructor']);
    expect(Object.keys(JSON.parse(compactDocumentJson(doc)).view.positions)).toEqual(['7', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves the document untouched and can run inside itself (scratch state is per call)', () => {
    const inner = generateOrg({ roles: 12, seed: 4 });
    const innerText = serializeDocument(inner);
    let nested = '';
    // A params value whose toJSON serializes another document while the outer call is mid-way.
    const params = { probe: { toJSON: () => { nested = serializeDocument(inner); return 1; } } };
    const outer = deepFreeze({ ...generateOrg({ roles: 20, seed: 8 }), settings: { rules: { 'SPAN-001': { params } } } }) as unknown as OrgDocument;
    expect(serializeDocument(outer)).toBe(referenceSerialize(outer));
    expect(nested).toBe(innerText);
  });
});
