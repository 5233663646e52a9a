import { describe, expect, it } from 'vitest';
import type { RoleInput } from '../../../src/schema/v1.ts';
import { check, reports, role } from './helpers.ts';

type B = NonNullable<RoleInput['budgets']>[number];
const b = (id: string, kind: B['kind'], amount: number, parent?: string): B => ({ id, kind, amount, ...(parent ? { parent } : {}) });
const err = (rule: string, ...roles: string[]) => ({ rule, severity: 'error', roles });
const warn = (rule: string, ...roles: string[]) => ({ rule, severity: 'warning', roles });
const info = (rule: string, ...roles: string[]) => ({ rule, severity: 'info', roles });
const head = (fields: Partial<RoleInput> = {}) => role('head', { family: 'head-am', level: 5, ...fields });
const lead = (id: string, fields: Partial<RoleInput> = {}) => role(id, { family: 'am-lead', level: 4, reportsTo: 'head', ...fields });

describe('BUD-001 one owner per budget', () => {
  it('errors on one id on two roles, naming the owners in document order', () => {
    expect(check([head({ budgets: [b('OPS', 'operating', 10)] }), lead('l1', { budgets: [b('OPS', 'operating', 5)] })], 'BUD-001')).toEqual([err('BUD-001', 'head', 'l1')]);
  });

  it('errors on one id twice on one role', () => {
    expect(check([head({ budgets: [b('OPS', 'operating', 10), b('OPS', 'training', 5)] })], 'BUD-001')).toEqual([err('BUD-001', 'head')]);
  });

  it('warns on a budget owned by a vacant role', () => {
    expect(check([head({ budgets: [b('P', 'personnel', 10)], vacancies: 1 })], 'BUD-001')).toEqual([warn('BUD-001', 'head')]);
  });

  it('is quiet on distinct ids with filled owners', () => {
    expect(check([head({ budgets: [b('P', 'personnel', 10)] }), lead('l1', { budgets: [b('O', 'operating', 5)] })], 'BUD-001')).toEqual([]);
  });
});

describe('BUD-002 budgets roll up', () => {
  it('errors on an explicit parent naming no budget, or itself', () => {
    expect(check([head({ budgets: [b('O', 'operating', 10, 'NOPE')] })], 'BUD-002')).toEqual([err('BUD-002', 'head')]);
    expect(check([head({ budgets: [b('O', 'operating', 10, 'O')] })], 'BUD-002')).toEqual([err('BUD-002', 'head')]);
  });

  it('errors when explicit children exceed the parent, naming parent owner then child owners', () => {
    const roles = [head({ budgets: [b('O', 'operating', 100)] }), lead('l1', { budgets: [b('T1', 'training', 60, 'O')] }), lead('l2', { budgets: [b('T2', 'training', 50, 'O')] })];
    expect(check(roles, 'BUD-002')).toEqual([err('BUD-002', 'head', 'l1', 'l2')]);
  });

  it('is quiet when children sum exactly to the parent', () => {
    const roles = [head({ budgets: [b('O', 'operating', 100)] }), lead('l1', { budgets: [b('O1', 'operating', 60)] }), lead('l2', { budgets: [b('O2', 'operating', 40)] })];
    expect(check(roles, 'BUD-002')).toEqual([]);
  });

  it('finds the implicit parent: the same kind at the nearest in-scope owner above', () => {
    const roles = [
      role('gm', { external: true, level: 6, budgets: [b('GM', 'operating', 1)] }),
      head({ reportsTo: 'gm', budgets: [b('HT', 'training', 1000), b('HO', 'operating', 100)] }),
      lead('l1', { budgets: [b('L1', 'client-programs', 5)] }),
      role('am', { reportsTo: 'l1', budgets: [b('AM', 'operating', 150)] }),
    ];
    expect(check(roles, 'BUD-002')).toEqual([err('BUD-002', 'head', 'am')]);
  });

  it('applies the tolerance after rounding: 100 × 1.1 allows 110', () => {
    const roles = (child: number) => [head({ budgets: [b('O', 'operating', 100)] }), lead('l1', { budgets: [b('O1', 'operating', child)] })];
    const rules = { 'BUD-002': { params: { tolerance: 0.1 } } };
    expect(check(roles(110), 'BUD-002', { rules })).toEqual([]);
    expect(check(roles(110.01), 'BUD-002', { rules })).toEqual([err('BUD-002', 'head', 'l1')]);
    expect(check(roles(101), 'BUD-002')).toEqual([err('BUD-002', 'head', 'l1')]);
  });

  it('takes the first budget with the parent id, and never a budget as its own parent', () => {
    const roles = [head({ budgets: [b('X', 'operating', 10), b('X', 'operating', 1000, 'X')] })];
    expect(check(roles, 'BUD-002')).toEqual([err('BUD-002', 'head')]);
  });
});

describe('BUD-003 budgets fit the role', () => {
  it('warns on a kind the family may not own', () => {
    expect(check([head({ budgets: [b('P', 'personnel', 1)] }), ...reports('head', 1), role('am', { family: 'am', reportsTo: 'head', budgets: [b('O', 'operating', 1)] })], 'BUD-003')).toEqual([warn('BUD-003', 'am')]);
  });

  it('warns on a personnel budget without reports', () => {
    expect(check([head({ budgets: [b('P', 'personnel', 1)] }), role('x', { reportsTo: 'head', budgets: [b('P2', 'personnel', 1)] })], 'BUD-003')).toEqual([warn('BUD-003', 'x')]);
  });

  it('warns on root when it owns no personnel budget while some role owns a budget', () => {
    expect(check([head(), lead('l1', { budgets: [b('O', 'operating', 1)] })], 'BUD-003')).toEqual([warn('BUD-003', 'head')]);
    expect(check([head(), lead('l1')], 'BUD-003')).toEqual([]);
  });

  it('allows head-am any kind and reads allowedKinds from the parameters', () => {
    expect(check([head({ budgets: [b('P', 'personnel', 1), b('T', 'tools', 1)] }), ...reports('head', 1)], 'BUD-003')).toEqual([]);
    const rules = { 'BUD-003': { params: { allowedKinds: { 'head-am': ['personnel'] } } } };
    expect(check([head({ budgets: [b('P', 'personnel', 1), b('T', 'tools', 1)] }), ...reports('head', 1)], 'BUD-003', { rules })).toEqual([warn('BUD-003', 'head')]);
  });
});

describe('BUD-004 headcount cost within the personnel budget', () => {
  // Salary 100 (min = max), no bonus: loaded cost 130 per position with loadFactor 1.3.
  const salary = { min: 100, max: 100 };
  const org = (budget: number, extra: RoleInput[] = []) => [head({ salary, budgets: [b('P', 'personnel', budget)] }), ...reports('head', 9, { salary }), ...extra];

  it('is quiet at a cost equal to the budget, warns above warnRatio, errors above errorRatio', () => {
    expect(check(org(1300), 'BUD-004')).toEqual([]);
    expect(check(org(1200), 'BUD-004')).toEqual([warn('BUD-004', 'head')]);
    expect(check(org(1100), 'BUD-004')).toEqual([err('BUD-004', 'head')]);
  });

  it('compares budget × ratio after rounding (1000 × 1.1 is 1100)', () => {
    const rules = { 'BUD-004': { params: { errorRatio: 1.1 } } };
    const roles = [head({ salary: { min: 1100 / 1.3, max: 1100 / 1.3 }, budgets: [b('P', 'personnel', 1000)] }), ...reports('head', 1)];
    expect(check(roles, 'BUD-004', { rules })).toEqual([warn('BUD-004', 'head')]);
  });

  it('counts headcount, bonus and nearer owners\' personnel budgets instead of their people', () => {
    const roles = [
      head({ salary, budgets: [b('P', 'personnel', 500)] }),
      lead('l1', { salary, budgets: [b('PL', 'personnel', 100)] }),
      ...reports('l1', 5, { salary: { min: 1000, max: 1000 } }),
      role('pool', { reportsTo: 'head', headcount: 2, salary: { min: 100, max: 100, bonusPct: 50 } }),
      role('gm-partner', { external: true, reportsTo: 'head', salary: { min: 1e9, max: 1e9 } }),
    ];
    // head: 130 + l1's budget 100 + pool 2 × 100 × 1.5 × 1.3 = 390 → 620 > 500 × 1.1 → error; l1: 130 + 5 × 1300 → error.
    expect(check(roles, 'BUD-004')).toEqual([err('BUD-004', 'head'), err('BUD-004', 'l1')]);
  });

  it('works around a reporting cycle', () => {
    const roles = [
      role('a', { reportsTo: 'b', salary, budgets: [b('PA', 'personnel', 1000)] }),
      role('b', { reportsTo: 'c', salary }),
      role('c', { reportsTo: 'a', salary, budgets: [b('PC', 'personnel', 140)] }),
      role('d', { reportsTo: 'b', salary }),
    ];
    // a: a, then down to c (an owner: its 140) → 270 < 1000. c: c, b, d, then a (owner: 1000) → 1390.
    expect(check(roles, 'BUD-004')).toEqual([err('BUD-004', 'c')]);
  });
});

describe('BUD-005 revenue targets roll up', () => {
  const org = (target: number | undefined, kids: number[], kidFields: Partial<RoleInput> = {}) => [
    lead('l1', { reportsTo: null, ...(target === undefined ? {} : { revenueTarget: target }) }),
    ...kids.map((t, i) => role(`k${i}`, { reportsTo: 'l1', revenueTarget: t, ...kidFields })),
  ];

  it('is quiet when the reports add up to the target or over-assign within overAssignWarn', () => {
    expect(check(org(100, [40, 40, 20]), 'BUD-005')).toEqual([]);
    expect(check(org(100, [60, 60]), 'BUD-005')).toEqual([]);
  });

  it('warns when the reports are under-assigned, and when the manager has no target', () => {
    expect(check(org(100, [30, 30, 30]), 'BUD-005')).toEqual([warn('BUD-005', 'l1')]);
    expect(check(org(undefined, [30]), 'BUD-005')).toEqual([warn('BUD-005', 'l1')]);
    expect(check(org(0, [30]), 'BUD-005')).toEqual([warn('BUD-005', 'l1')]);
  });

  it('warns above T × (1 + overAssignWarn) and errors above T × (1 + overAssignError), exact bounds quiet', () => {
    expect(check(org(100, [60, 61]), 'BUD-005')).toEqual([warn('BUD-005', 'l1')]);
    expect(check(org(100, [75, 75]), 'BUD-005')).toEqual([warn('BUD-005', 'l1')]);
    expect(check(org(100, [75, 76]), 'BUD-005')).toEqual([err('BUD-005', 'l1')]);
  });

  it('rounds: 100 × (1 + 0.1) is 110', () => {
    const rules = { 'BUD-005': { params: { overAssignWarn: 0.1 } } };
    expect(check(org(100, [55, 55]), 'BUD-005', { rules })).toEqual([]);
    expect(check(org(100, [55, 56]), 'BUD-005', { rules })).toEqual([warn('BUD-005', 'l1')]);
  });

  it('multiplies by headcount and skips reports without a target', () => {
    expect(check(org(100, [50], { headcount: 2 }), 'BUD-005')).toEqual([]);
    expect(check([...org(100, [100]), role('nt', { reportsTo: 'l1' }), role('zero', { reportsTo: 'l1', revenueTarget: 0 })], 'BUD-005')).toEqual([]);
    expect(check(org(100, []), 'BUD-005')).toEqual([]);
  });

  it('ignores external managers', () => {
    expect(check([role('gm', { external: true }), role('k', { reportsTo: 'gm', revenueTarget: 5 })], 'BUD-005')).toEqual([]);
  });
});

describe('BUD-006 targets and accounts go together', () => {
  const accounts = [{ tier: 'enterprise' as const, count: 3 }];
  it('warns on a target without accounts and on accounts without a target', () => {
    expect(check([role('am', { family: 'am', revenueTarget: 10 })], 'BUD-006')).toEqual([warn('BUD-006', 'am')]);
    expect(check([role('sam', { family: 'senior-am', accounts })], 'BUD-006')).toEqual([warn('BUD-006', 'sam')]);
    expect(check([role('sam', { family: 'senior-am', accounts, revenueTarget: 0 })], 'BUD-006')).toEqual([warn('BUD-006', 'sam')]);
  });

  it('is quiet with both, with neither, and for other families', () => {
    expect(check([role('am', { family: 'am', accounts, revenueTarget: 10 })], 'BUD-006')).toEqual([]);
    expect(check([role('am', { family: 'am' })], 'BUD-006')).toEqual([]);
    expect(check([role('lead', { family: 'am-lead', revenueTarget: 10 })], 'BUD-006')).toEqual([]);
  });
});

describe('BUD-007 salary bands', () => {
  it('errors when min is above max', () => {
    expect(check([role('a', { salary: { min: 2, max: 1 } })], 'BUD-007')).toEqual([err('BUD-007', 'a')]);
  });

  it('warns when a report\'s min is above its manager\'s max, naming the report then the manager', () => {
    expect(check([head({ salary: { min: 100, max: 200 } }), role('x', { reportsTo: 'head', salary: { min: 201, max: 300 } })], 'BUD-007')).toEqual([warn('BUD-007', 'x', 'head')]);
    expect(check([head({ salary: { min: 100, max: 200 } }), role('x', { reportsTo: 'head', salary: { min: 200, max: 300 } })], 'BUD-007')).toEqual([]);
  });

  it('notes a bonus outside the reference band, inclusive bounds quiet', () => {
    expect(check([head({ salary: { min: 1, max: 2, bonusPct: 21 } })], 'BUD-007')).toEqual([info('BUD-007', 'head')]);
    expect(check([head({ salary: { min: 1, max: 2, bonusPct: 20 } })], 'BUD-007')).toEqual([]);
    expect(check([role('sam', { family: 'senior-am', salary: { min: 1, max: 2, bonusPct: 4 } })], 'BUD-007')).toEqual([info('BUD-007', 'sam')]);
    expect(check([role('am', { family: 'am', salary: { min: 1, max: 2, bonusPct: 90 } })], 'BUD-007')).toEqual([]);
  });

  it('notes a base band not overlapping the reference only in a USD document', () => {
    const low = [head({ salary: { min: 50000, max: 119999 } })];
    expect(check(low, 'BUD-007', { currency: 'USD' })).toEqual([info('BUD-007', 'head')]);
    expect(check(low, 'BUD-007')).toEqual([]);
    expect(check([head({ salary: { min: 50000, max: 120000 } })], 'BUD-007', { currency: 'USD' })).toEqual([]);
  });

  it('leaves external roles\' band checks alone but still checks min > max', () => {
    expect(check([role('gm', { external: true, family: 'head-am', salary: { min: 1, max: 2, bonusPct: 99 } })], 'BUD-007')).toEqual([]);
    expect(check([role('gm', { external: true, salary: { min: 3, max: 2 } })], 'BUD-007')).toEqual([err('BUD-007', 'gm')]);
  });
});
