import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import type { OrgDocument, Role } from '../../src/schema/v1.ts';

const PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));

/** The presets of docs/spec/presets.md with the name each shows on its button. */
const PRESETS: Record<string, string> = {
  'china-account-management.json': 'China Account Management',
  'lean-player-coach-pod.json': 'Lean Player-Coach Pod',
  'global-matrix.json': 'Global Matrix',
  'tiered-coverage-pods.json': 'Tiered Coverage Pods',
  'anti-patterns.json': 'Anti-Patterns',
};

const read = (file: string): string => readFileSync(`${PRESETS_DIR}${file}`, 'utf8');

function load(file: string): OrgDocument {
  const result = parseDocument(read(file));
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.doc;
}

function role(doc: OrgDocument, id: string): Role {
  const found = doc.roles.find((r) => r.id === id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
}

describe('presets', () => {
  it('are exactly the five files of presets.md', () => {
    const files = readdirSync(PRESETS_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(Object.keys(PRESETS).sort());
  });

  describe.each(Object.entries(PRESETS))('%s', (file, name) => {
    const text = read(file);
    const result = parseDocument(text);

    it('loads with no load error and no notes', () => {
      expect(result.ok ? [] : [result.error.message]).toEqual([]);
      expect(result.ok && result.notes).toEqual([]);
    });

    it('is canonical: byte-identical to its export', () => {
      if (!result.ok) throw new Error('did not load');
      expect(serializeDocument(result.doc)).toBe(text);
    });

    it('has unique role ids', () => {
      if (!result.ok) throw new Error('did not load');
      const ids = result.doc.roles.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('shows its name, in CNY for FY2026, with a Chinese title on every role', () => {
      if (!result.ok) throw new Error('did not load');
      const doc = result.doc;
      expect(doc.name).toBe(name);
      expect(doc.currency).toBe('CNY');
      expect(doc.period).toBe('FY2026');
      for (const r of doc.roles) expect(r.titles['zh-CN'], r.id).toMatch(/\p{Script=Han}/u);
    });
  });
});

describe('china-account-management.json', () => {
  const doc = load('china-account-management.json');
  const head = role(doc, 'head-cn');

  it('has the Head under the external APAC GM', () => {
    expect(head.family).toBe('head-am');
    expect(head.level).toBe(5);
    expect(head.reportsTo).toBe('apac-gm');
    const gm = role(doc, 'apac-gm');
    expect(gm.external).toBe(true);
    expect(gm.level).toBe(6);
  });

  it('gives the Head an indirect-manager line to the global head and partner lines with product, marketing and operations', () => {
    const indirect = head.dottedLines.filter((d) => d.kind === 'indirect-manager').map((d) => d.to);
    expect(indirect).toEqual(['global-head-am']);
    const global = role(doc, 'global-head-am');
    expect(global.external).toBe(true);
    expect(global.level).toBe(7);

    const partnerFunctions = head.dottedLines
      .filter((d) => d.kind === 'partner')
      .map((d) => role(doc, d.to))
      .map((r) => {
        expect(r.external, r.id).toBe(true);
        return r.function;
      });
    expect(partnerFunctions.sort()).toEqual(['marketing', 'operations', 'product']);
  });

  it('has 3 supervisor leads of 3 Senior AMs and 6 AMs each, and an assistant', () => {
    const kidsOf = (id: string): Role[] => doc.roles.filter((r) => r.reportsTo === id && !r.external);
    const headKids = kidsOf('head-cn');
    expect(headKids.filter((r) => r.assistant).map((r) => r.id)).toEqual(['ea-head-cn']);
    const leads = headKids.filter((r) => !r.assistant);
    expect(leads.map((r) => r.family)).toEqual(['am-lead', 'am-lead', 'am-lead']);
    for (const lead of leads) {
      const team = kidsOf(lead.id);
      expect(team.filter((r) => r.family === 'senior-am')).toHaveLength(3);
      expect(team.filter((r) => r.family === 'am')).toHaveLength(6);
      expect(team.every((r) => r.headcount === 1)).toBe(true);
    }
  });
});

/** Every rule id of docs/spec/rules.md (the contract, written out rather than taken from the engine). */
const CATALOGUE = [
  'STR-001', 'STR-002', 'STR-003', 'STR-004', 'STR-005', 'STR-006', 'STR-007',
  'SPAN-001', 'SPAN-002', 'SPAN-003', 'SPAN-004', 'SPAN-005', 'SPAN-006', 'SPAN-007',
  'DEC-001', 'DEC-002', 'DEC-003', 'DEC-004', 'DEC-005', 'DEC-006', 'DEC-007', 'DEC-008', 'DEC-009',
  'BUD-001', 'BUD-002', 'BUD-003', 'BUD-004', 'BUD-005', 'BUD-006', 'BUD-007',
  'QUAL-001', 'QUAL-002',
];

// The expected findings of presets.md. The engine is imported lazily so that a broken
// engine fails these tests only, not the load checks above.
describe('expected findings (presets.md)', () => {
  const findingsOf = async (file: string) => (await import('../../src/rules/engine.ts')).checkDocument(load(file));
  const brief = (f: { rule: string; severity: string; roles: readonly string[] }): string => `${f.severity} ${f.rule} ${f.roles.join(',')}`;

  it.each(['china-account-management.json', 'lean-player-coach-pod.json', 'global-matrix.json'])('%s gives no finding', async (file) => {
    expect((await findingsOf(file)).map(brief)).toEqual([]);
  });

  it('tiered-coverage-pods.json gives only the accepted SPAN-003 info on the strategic lead', async () => {
    const findings = await findingsOf('tiered-coverage-pods.json');
    expect(findings.map(brief)).toEqual(['info SPAN-003 lead-strategic']);
    expect(findings[0]!.message).toContain('kept at five Senior AMs on purpose');
  });

  it('anti-patterns.json gives at least one finding of every rule id', async () => {
    const rules = new Set((await findingsOf('anti-patterns.json')).map((f) => f.rule));
    expect(CATALOGUE.filter((id) => !rules.has(id))).toEqual([]);
  });
});
