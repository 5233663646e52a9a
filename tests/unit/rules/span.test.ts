import { describe, expect, it } from 'vitest';
import type { RoleInput } from '../../../src/schema/v1.ts';
import { check, reports, role } from './helpers.ts';

/** A manager with `span` single-position reports (none when 0). */
const team = (span: number, manager: Partial<RoleInput> = {}, reportFields: Partial<RoleInput> = {}) => [
  role('m', { family: 'am-lead', level: 5, ...manager }),
  ...reports('m', span, { level: 3, ...reportFields }),
];
const warn = (rule: string, ...roles: string[]) => ({ rule, severity: 'warning', roles });

describe('SPAN-001 minimum span', () => {
  it('warns on a one-over-one and a micro team', () => {
    expect(check(team(1), 'SPAN-001')).toEqual([warn('SPAN-001', 'm')]);
    expect(check(team(2), 'SPAN-001')).toEqual([warn('SPAN-001', 'm')]);
  });

  it('is quiet at minSpan and for roles without reports', () => {
    expect(check(team(3), 'SPAN-001')).toEqual([]);
    expect(check(team(0), 'SPAN-001')).toEqual([]);
  });

  it('follows the comparison whatever minSpan is', () => {
    const rules = { 'SPAN-001': { params: { minSpan: 5 } } };
    expect(check(team(4), 'SPAN-001', { rules })).toEqual([warn('SPAN-001', 'm')]);
    expect(check(team(5), 'SPAN-001', { rules })).toEqual([]);
  });

  it('counts positions, not assistants, and skips external managers', () => {
    expect(check(team(1, {}, { headcount: 3 }), 'SPAN-001')).toEqual([]);
    expect(check([...team(3), role('ea', { reportsTo: 'm', assistant: true })], 'SPAN-001')).toEqual([]);
    expect(check(team(1, { external: true }), 'SPAN-001')).toEqual([]);
  });
});

describe('SPAN-002 maximum span', () => {
  it('is quiet at the archetype max and warns at max + 1 (supervisor 8–10)', () => {
    expect(check(team(10), 'SPAN-002')).toEqual([]);
    expect(check(team(11), 'SPAN-002')).toEqual([warn('SPAN-002', 'm')]);
  });

  it('errors above ceil(max × errorFactor): 15 warns, 16 errors', () => {
    expect(check(team(15), 'SPAN-002')).toEqual([warn('SPAN-002', 'm')]);
    expect(check(team(16), 'SPAN-002')).toEqual([{ rule: 'SPAN-002', severity: 'error', roles: ['m'] }]);
  });

  it('rounds max × errorFactor before the ceiling (25 × 2.2 is 55, not 55.00000000000001)', () => {
    const factor = Number('2.2'); // computed at run time, not folded by the compiler
    expect(25 * factor).toBeGreaterThan(55);
    const rules = { 'SPAN-002': { params: { errorFactor: 2.2 } } };
    expect(check(team(55, { archetype: 'coordinator' }), 'SPAN-002', { rules })).toEqual([warn('SPAN-002', 'm')]);
    expect(check(team(56, { archetype: 'coordinator' }), 'SPAN-002', { rules })).toEqual([{ rule: 'SPAN-002', severity: 'error', roles: ['m'] }]);
  });

  it('rounds 10 × 1.1 to 11: span 11 warns and 12 errors', () => {
    const rules = { 'SPAN-002': { params: { errorFactor: 1.1 } } };
    expect(check(team(11), 'SPAN-002', { rules })).toEqual([warn('SPAN-002', 'm')]);
    expect(check(team(12), 'SPAN-002', { rules })).toEqual([{ rule: 'SPAN-002', severity: 'error', roles: ['m'] }]);
  });

  it('uses the role archetype, else the family default, and the ranges of the parameters', () => {
    expect(check(team(8, { archetype: 'coach' }), 'SPAN-002')).toEqual([warn('SPAN-002', 'm')]);
    expect(check(team(6, { family: 'head-am' }), 'SPAN-002')).toEqual([warn('SPAN-002', 'm')]);
    expect(check(team(12, { archetype: 'facilitator' }), 'SPAN-002')).toEqual([]);
    const rules = { 'SPAN-002': { params: { ranges: { supervisor: [8, 12] } } } };
    expect(check(team(12), 'SPAN-002', { rules })).toEqual([]);
    expect(check(team(8, { archetype: 'coach' }), 'SPAN-002', { rules })).toEqual([warn('SPAN-002', 'm')]);
  });

  it('writes the message for a leader', () => {
    const found = check(team(16, { title: 'AM Lead East' }), 'SPAN-002');
    expect(found).toHaveLength(1);
  });
});

describe('SPAN-003 below the archetype', () => {
  it('notes a span between minSpan and the archetype min', () => {
    expect(check(team(7), 'SPAN-003')).toEqual([{ rule: 'SPAN-003', severity: 'info', roles: ['m'] }]);
    expect(check(team(3), 'SPAN-003')).toEqual([{ rule: 'SPAN-003', severity: 'info', roles: ['m'] }]);
  });

  it('is quiet at the archetype min and below minSpan (SPAN-001 speaks there)', () => {
    expect(check(team(8), 'SPAN-003')).toEqual([]);
    expect(check(team(2), 'SPAN-003')).toEqual([]);
  });
});

describe('SPAN-004 reports by family', () => {
  it('allows a Senior AM two reports and warns at three', () => {
    expect(check(team(2, { family: 'senior-am' }), 'SPAN-004')).toEqual([]);
    expect(check(team(3, { family: 'senior-am' }), 'SPAN-004')).toEqual([warn('SPAN-004', 'm')]);
  });

  it('allows an AM none, and families without a cap any number', () => {
    expect(check(team(1, { family: 'am' }), 'SPAN-004')).toEqual([warn('SPAN-004', 'm')]);
    expect(check(team(20, { family: 'other' }), 'SPAN-004')).toEqual([]);
    expect(check(team(4, { family: 'am' }), 'SPAN-004', { rules: { 'SPAN-004': { params: { maxReportsByFamily: { am: 4 } } } } })).toEqual([]);
  });
});

describe('SPAN-005 managers who own accounts', () => {
  const accounts = [{ tier: 'enterprise' as const, count: 2 }];

  it('warns when such a manager is not a player-coach', () => {
    expect(check(team(5, { accounts }), 'SPAN-005')).toEqual([warn('SPAN-005', 'm')]);
    expect(check(team(5, { accounts, archetype: 'coach' }), 'SPAN-005')).toEqual([warn('SPAN-005', 'm')]);
  });

  it('warns when a player-coach manages more than playerCoachMaxSpan', () => {
    expect(check(team(5, { accounts, archetype: 'player-coach' }), 'SPAN-005')).toEqual([]);
    expect(check(team(6, { accounts, archetype: 'player-coach' }), 'SPAN-005')).toEqual([warn('SPAN-005', 'm')]);
    expect(check(team(6, { accounts }), 'SPAN-005')).toEqual([warn('SPAN-005', 'm'), warn('SPAN-005', 'm')]);
  });

  it('ignores managers without accounts and zero counts', () => {
    expect(check(team(8), 'SPAN-005')).toEqual([]);
    expect(check(team(8, { accounts: [{ tier: 'smb', count: 0 }] }), 'SPAN-005')).toEqual([]);
  });
});

describe('SPAN-006 portfolio load', () => {
  const ic = (accounts: RoleInput['accounts'], fields: Partial<RoleInput> = {}) => [role('am', { family: 'am', level: 3, accounts, ...fields })];

  it('is quiet at capacity and warns above it (6 strategic accounts is a full portfolio)', () => {
    expect(check(ic([{ tier: 'strategic', count: 6 }]), 'SPAN-006')).toEqual([]);
    expect(check(ic([{ tier: 'strategic', count: 7 }]), 'SPAN-006')).toEqual([warn('SPAN-006', 'am')]);
  });

  it('errors above capacity × loadError: 9 is exactly 1.5, 10 is above', () => {
    expect(check(ic([{ tier: 'strategic', count: 9 }]), 'SPAN-006')).toEqual([warn('SPAN-006', 'am')]);
    expect(check(ic([{ tier: 'strategic', count: 10 }]), 'SPAN-006')).toEqual([{ rule: 'SPAN-006', severity: 'error', roles: ['am'] }]);
  });

  it('gives a role with reports managerCapacity', () => {
    const lead = (count: number) => [role('lead', { family: 'am-lead', level: 4, accounts: [{ tier: 'strategic', count }] }), ...reports('lead', 8)];
    expect(check(lead(3), 'SPAN-006')).toEqual([]);
    expect(check(lead(4), 'SPAN-006')).toEqual([warn('SPAN-006', 'lead')]);
    expect(check(lead(5), 'SPAN-006')).toEqual([{ rule: 'SPAN-006', severity: 'error', roles: ['lead'] }]);
  });

  it('sums tiers and compares after rounding (0.1 + 0.2 is 0.3)', () => {
    const rules = { 'SPAN-006': { params: { portfolioCap: { smb: 10, 'mid-market': 5 }, loadWarn: 0.3 } } };
    expect(Number('0.1') + Number('0.2')).not.toBe(0.3);
    expect(check(ic([{ tier: 'smb', count: 1 }, { tier: 'mid-market', count: 1 }]), 'SPAN-006', { rules })).toEqual([]);
    expect(check(ic([{ tier: 'smb', count: 2 }, { tier: 'mid-market', count: 1 }]), 'SPAN-006', { rules })).toEqual([warn('SPAN-006', 'am')]);
  });

  it('ignores external roles', () => {
    expect(check(ic([{ tier: 'strategic', count: 50 }], { external: true }), 'SPAN-006')).toEqual([]);
  });
});

describe('SPAN-007 strategic accounts need seniority', () => {
  it('warns below strategicMinLevel and is quiet at it', () => {
    const strategic = [{ tier: 'strategic' as const, count: 1 }];
    expect(check([role('am', { level: 2, accounts: strategic })], 'SPAN-007')).toEqual([warn('SPAN-007', 'am')]);
    expect(check([role('am', { level: 3, accounts: strategic })], 'SPAN-007')).toEqual([]);
  });

  it('ignores other tiers and zero counts', () => {
    expect(check([role('am', { level: 1, accounts: [{ tier: 'enterprise', count: 4 }, { tier: 'strategic', count: 0 }] })], 'SPAN-007')).toEqual([]);
  });
});
