/**
 * Rules are pure and total: on documents with cycles, self-reports, dangling references,
 * externals everywhere and very deep chains, every rule returns (no internal-error
 * finding), in linear time, and names only roles that exist.
 */
import { describe, expect, it } from 'vitest';
import type { OrgDocument, RoleInput } from '../../../src/schema/v1.ts';
import { checkDocument } from '../../../src/rules/engine.ts';
import type { Finding } from '../../../src/rules/types.ts';
import { makeDoc, role } from './helpers.ts';

/** Checks the document; every rule returned and named only existing roles. Returns the findings. */
function expectTotal(doc: OrgDocument): Finding[] {
  const found = checkDocument(doc);
  const ids = new Set(doc.roles.map((r) => r.id));
  const bad: string[] = [];
  for (const f of found) {
    if (f.message.includes('internal error')) bad.push(`${f.rule}: ${f.message}`);
    for (const id of f.roles) if (!ids.has(id)) bad.push(`${f.rule} names ${id}`);
  }
  expect(bad).toEqual([]);
  return found;
}

/** Every field a rule reads, so that every rule has work to do on every role. */
const busy = (i: number, fields: Partial<RoleInput> = {}): Partial<RoleInput> => ({
  family: (['head-am', 'am-lead', 'senior-am', 'am'] as const)[i % 4],
  level: 1 + (i % 8),
  headcount: 1 + (i % 3 === 0 ? 1 : 0),
  vacancies: i % 7 === 0 ? 1 : 0,
  assistant: i % 11 === 0,
  salary: { min: 100 + (i % 5), max: 120, bonusPct: i % 30 },
  revenueTarget: i % 4 === 0 ? 0 : 100,
  accounts: [{ tier: 'strategic', count: i % 9 }],
  budgets: [{ id: `P${i}`, kind: i % 2 ? 'personnel' : 'operating', amount: 1000, ...(i % 5 === 0 ? { parent: `P${i + 1}` } : {}) }],
  decisions: [
    { area: 'pricing-discount', scope: (['own', 'team', 'department'] as const)[i % 3], limit: { percent: i % 40 } },
    { area: 'client-escalation', ...(i % 2 ? { limit: { amount: i % 13 } } : {}) },
    { area: 'budget-allocation', authority: 'agree', scope: 'team' },
  ],
  dottedLines: [{ to: `c${(i * 7) % 50}`, kind: 'indirect-manager' }, { to: 'nowhere', kind: 'partner' }],
  holder: { name: `H${i}`, yearsManagement: i % 12, yearsExperience: i % 6, languages: ['en'] },
  requirements: i % 2 ? { languages: ['zh'] } : undefined,
  exceptions: i % 10 === 0 ? [{ rule: 'SPAN-001', reason: 'accepted' }] : [],
  ...fields,
});

describe('totality', () => {
  it('handles cycles, self-reports, dangling references and externals everywhere', () => {
    const roles: RoleInput[] = [
      role('constructor', busy(0, { reportsTo: 'prototype' })),
      role('prototype', busy(1, { reportsTo: 'constructor' })),
      role('toString', busy(2, { reportsTo: 'toString' })),
      role('valueOf', busy(3, { reportsTo: 'hasOwnProperty' })),
      role('ext-a', busy(4, { external: true, reportsTo: 'ext-b' })),
      role('ext-b', busy(5, { external: true, reportsTo: 'c1' })),
      role('c1', busy(6, { reportsTo: 'ext-a' })),
      role('c2', busy(7, { reportsTo: 'c1' })),
      role('c3', busy(8, { reportsTo: 'c4' })),
      role('c4', busy(9, { reportsTo: 'c5' })),
      role('c5', busy(10, { reportsTo: 'c3' })),
      role('c6', busy(11, { reportsTo: 'c5', budgets: [{ id: 'X', kind: 'personnel', amount: 1, parent: 'Y' }, { id: 'Y', kind: 'operating', amount: 1, parent: 'X' }] })),
      role('ext-c', busy(12, { external: true })),
      role('c7', busy(13, { reportsTo: 'ext-c' })),
    ];
    const found = expectTotal(makeDoc(roles));
    expect(found.some((f) => f.rule === 'STR-001' && f.roles.includes('constructor'))).toBe(true);
    expectTotal(makeDoc(roles.map((r) => ({ ...r, external: true }))));
    expectTotal(makeDoc(roles.map((r) => ({ ...r, reportsTo: null }))));
  });

  it('checks an empty document and a document of one role', () => {
    expect([...expectTotal(makeDoc([]))]).toEqual([]);
    expectTotal(makeDoc([role('solo', busy(0))]));
  });

  // No wall-clock assertions (they flake on a busy machine): a quadratic pass over these
  // chains is billions of steps and would not finish within the generous test timeout.
  it('checks a 10,000-deep chain in linear time', { timeout: 60_000 }, () => {
    const roles = Array.from({ length: 10_000 }, (_, i) => role(`c${i}`, busy(i, { reportsTo: i === 0 ? null : `c${i - 1}` })));
    const found = expectTotal(makeDoc(roles));
    expect(found.some((f) => f.rule === 'STR-005')).toBe(true);
  });

  it('checks a 50,000-deep chain below a cycle, and a 20,000-role cycle, in linear time', { timeout: 60_000 }, () => {
    const below = Array.from({ length: 50_000 }, (_, i) => role(`c${i}`, busy(i, { reportsTo: i === 0 ? 'c1' : i === 1 ? 'c0' : `c${i - 1}` })));
    expectTotal(makeDoc(below));

    const ring = Array.from({ length: 20_000 }, (_, i) => role(`c${i}`, busy(i, { reportsTo: `c${(i + 1) % 20_000}` })));
    const found = expectTotal(makeDoc(ring));
    expect(found.filter((f) => f.rule === 'STR-001')).toHaveLength(1);
  });

  it('checks a flat 50,000-role department', () => {
    const roles = [role('head', busy(0)), ...Array.from({ length: 49_999 }, (_, i) => role(`c${i}`, busy(i + 1, { reportsTo: 'head' })))];
    const found = expectTotal(makeDoc(roles));
    expect(found.some((f) => f.rule === 'SPAN-002' && f.severity === 'error')).toBe(true);
  });
});
