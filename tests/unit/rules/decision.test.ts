import { describe, expect, it } from 'vitest';
import type { RoleInput } from '../../../src/schema/v1.ts';
import { check, makeDoc, role, run } from './helpers.ts';

type Right = NonNullable<RoleInput['decisions']>[number];
type Rights = Partial<Record<string, Right[]>>;

/**
 * gm (external) → head → leadA → a1, a2 ; head → leadB → b1. `rights` gives each role its
 * decisions; `extra` adds roles; `fields` changes roles.
 */
function org(rights: Rights = {}, extra: RoleInput[] = [], fields: Partial<Record<string, Partial<RoleInput>>> = {}): RoleInput[] {
  const base: RoleInput[] = [
    role('gm', { external: true, level: 6 }),
    role('head', { family: 'head-am', level: 5, reportsTo: 'gm' }),
    role('leadA', { family: 'am-lead', level: 4, reportsTo: 'head' }),
    role('a1', { family: 'am', level: 3, reportsTo: 'leadA' }),
    role('a2', { family: 'am', level: 3, reportsTo: 'leadA' }),
    role('leadB', { family: 'am-lead', level: 4, reportsTo: 'head' }),
    role('b1', { family: 'senior-am', level: 3, reportsTo: 'leadB' }),
  ];
  return [...base, ...extra].map((r) => ({ ...r, ...fields[r.id], decisions: rights[r.id] ?? r.decisions ?? [] }));
}
const d = (area: Right['area'], more: Partial<Right> = {}): Right => ({ area, ...more });
const pct = (percent: number) => ({ limit: { percent } });
const amt = (amount: number) => ({ limit: { amount } });
const only = (dept: string[], account: string[]) => ({ rules: { 'DEC-002': { params: { requiredDepartmentAreas: dept, requiredAccountAreas: account } } } });
const err = (rule: string, ...roles: string[]) => ({ rule, severity: 'error', roles });
const warn = (rule: string, ...roles: string[]) => ({ rule, severity: 'warning', roles });

describe('DEC-001 one decider', () => {
  it('errors once when a role lists an area as decide twice (or more)', () => {
    expect(check(org({ head: [d('pricing-discount'), d('account-plan'), d('pricing-discount', pct(5)), d('pricing-discount')] }), 'DEC-001')).toEqual([err('DEC-001', 'head')]);
  });

  it('errors when two roles decide an area department-wide, naming them in document order', () => {
    const rights = { leadA: [d('pricing-discount', { scope: 'department' })], head: [d('pricing-discount', { scope: 'department' })] };
    expect(check(org(rights), 'DEC-001')).toEqual([err('DEC-001', 'head', 'leadA')]);
  });

  it('counts an external holder, whose default scope is the department', () => {
    const rights = { gm: [d('pricing-discount')], head: [d('pricing-discount', { scope: 'department' })] };
    expect(check(org(rights), 'DEC-001')).toEqual([err('DEC-001', 'gm', 'head')]);
  });

  it('is quiet for team rights down a line, and for agree rights', () => {
    const rights = { head: [d('pricing-discount')], leadA: [d('pricing-discount'), d('pricing-discount', { authority: 'agree' })], gm: [d('pricing-discount', { authority: 'agree' })] };
    expect(check(org(rights), 'DEC-001')).toEqual([]);
  });
});

describe('DEC-002 required decisions have an owner', () => {
  it('errors on root for a department area nobody decides for it', () => {
    expect(check(org({ head: [d('target-setting')] }), 'DEC-002', only(['target-setting'], []))).toEqual([]);
    expect(check(org({ head: [d('account-plan')] }), 'DEC-002', only(['target-setting'], []))).toEqual([err('DEC-002', 'head')]);
  });

  it('accepts an external department right and a team right of root\'s external manager', () => {
    expect(check(org({ gm: [d('target-setting')] }), 'DEC-002', only(['target-setting'], []))).toEqual([]);
    expect(check(org({ gm: [d('target-setting', { scope: 'team' })] }), 'DEC-002', only(['target-setting'], []))).toEqual([]);
    expect(check(org({ leadA: [d('target-setting', { scope: 'department' })] }), 'DEC-002', only(['target-setting'], []))).toEqual([]);
  });

  it('names the uncovered account owners of an account area in document order', () => {
    expect(check(org({ head: [d('pricing-discount')] }), 'DEC-002', only([], ['pricing-discount']))).toEqual([]);
    const partial = org({ leadA: [d('pricing-discount')] }, [], { leadB: { accounts: [{ tier: 'enterprise', count: 1 }] } });
    expect(check(partial, 'DEC-002', only([], ['pricing-discount']))).toEqual([err('DEC-002', 'leadB', 'b1')]);
  });

  it('counts own-scope rights only for their holder, and every senior-am and am as an owner', () => {
    const rights = { a1: [d('pricing-discount', { scope: 'own' })] };
    expect(check(org(rights), 'DEC-002', only([], ['pricing-discount']))).toEqual([err('DEC-002', 'a2', 'b1')]);
  });

  it('gives one finding per area, with the defaults', () => {
    const found = check(org({ head: [d('account-strategy'), d('target-setting'), d('budget-allocation'), d('headcount-hiring'), d('pricing-discount'), d('account-assignment')] }), 'DEC-002');
    expect(found).toEqual([err('DEC-002', 'a1', 'a2', 'b1'), err('DEC-002', 'a1', 'a2', 'b1')]);
  });

  it('covers roles in a cycle through team rights around it, and checks no department area without a root', () => {
    const roles = [role('x', { family: 'am', reportsTo: 'y', decisions: [d('pricing-discount', { scope: 'team' })] }), role('y', { family: 'am', reportsTo: 'x' }), role('z', { family: 'am', reportsTo: 'y' })];
    expect(check(roles, 'DEC-002', only(['target-setting'], ['pricing-discount']))).toEqual([]);
    expect(check(roles, 'DEC-002', only([], ['contract-negotiation']))).toEqual([err('DEC-002', 'x', 'y', 'z')]);
  });
});

describe('DEC-003 authority above level', () => {
  it('warns one tier above the holder\'s cap and errors two tiers above', () => {
    expect(check([role('am', { level: 2, decisions: [d('pricing-discount')] })], 'DEC-003')).toEqual([warn('DEC-003', 'am')]);
    expect(check([role('am', { level: 2, decisions: [d('account-strategy')] })], 'DEC-003')).toEqual([err('DEC-003', 'am')]);
    expect(check([role('lead', { level: 4, decisions: [d('target-setting', { authority: 'agree' })] })], 'DEC-003')).toEqual([warn('DEC-003', 'lead')]);
  });

  it('is quiet within the cap and for recommend, input or perform', () => {
    expect(check([role('head', { level: 5, decisions: [d('account-strategy')] })], 'DEC-003')).toEqual([]);
    expect(check([role('sam', { level: 3, decisions: [d('contract-negotiation')] })], 'DEC-003')).toEqual([]);
    expect(check([role('am', { level: 1, decisions: [d('day-to-day-service'), d('account-strategy', { authority: 'recommend' }), d('budget-allocation', { authority: 'input' })] })], 'DEC-003')).toEqual([]);
  });
});

describe('DEC-004 decisions reserved to the head', () => {
  it('warns when root\'s effective decider is another in-scope role', () => {
    expect(check(org({ leadA: [d('account-strategy', { scope: 'department' })] }), 'DEC-004')).toEqual([warn('DEC-004', 'head', 'leadA')]);
  });

  it('is quiet when root or an external role decides, or nobody does', () => {
    expect(check(org({ head: [d('account-strategy')], leadA: [d('account-strategy', { scope: 'department' })] }), 'DEC-004')).toEqual([]);
    expect(check(org({ gm: [d('account-strategy')] }), 'DEC-004')).toEqual([]);
    expect(check(org({}), 'DEC-004')).toEqual([]);
  });

  it('reads the effective decider most specific first: own, then team, then department', () => {
    const rights = { head: [d('target-setting', { scope: 'own' })], leadA: [d('target-setting', { scope: 'department' })] };
    expect(check(org(rights), 'DEC-004')).toEqual([]);
    expect(check(org({ head: [d('target-setting', { scope: 'own' })] }, [], {}), 'DEC-004', { rules: { 'DEC-004': { params: { reservedToHead: ['pricing-discount'] } } } })).toEqual([]);
  });
});

describe('DEC-005 no delegation beyond the delegator', () => {
  it('errors when a lower limit is larger than the next one up, naming lower then higher', () => {
    expect(check(org({ head: [d('pricing-discount', pct(10))], leadA: [d('pricing-discount', pct(20))] }), 'DEC-005')).toEqual([err('DEC-005', 'leadA', 'head')]);
  });

  it('errors when the lower right has no limit and the higher one has', () => {
    expect(check(org({ head: [d('pricing-discount', pct(10))], leadA: [d('pricing-discount')] }), 'DEC-005')).toEqual([err('DEC-005', 'leadA', 'head')]);
  });

  it('is quiet when limits shrink, are equal, differ in kind, or the higher one has none', () => {
    expect(check(org({ head: [d('pricing-discount', pct(20))], leadA: [d('pricing-discount', pct(10))] }), 'DEC-005')).toEqual([]);
    expect(check(org({ head: [d('pricing-discount', pct(10))], leadA: [d('pricing-discount', pct(10))] }), 'DEC-005')).toEqual([]);
    expect(check(org({ head: [d('contract-negotiation', pct(10))], leadA: [d('contract-negotiation', amt(1e6))] }), 'DEC-005')).toEqual([]);
    expect(check(org({ head: [d('pricing-discount')], leadA: [d('pricing-discount', pct(50))] }), 'DEC-005')).toEqual([]);
  });

  it('checks own rights against the nearest team right and a holder\'s own rights against each other', () => {
    expect(check(org({ leadA: [d('pricing-discount', pct(20))], a1: [d('pricing-discount', pct(30))] }), 'DEC-005')).toEqual([err('DEC-005', 'a1', 'leadA')]);
    expect(check(org({ head: [d('pricing-discount', { scope: 'own', ...pct(30) }), d('pricing-discount', { scope: 'team', ...pct(20) })] }), 'DEC-005')).toEqual([err('DEC-005', 'head')]);
  });

  it('checks the last team right against the first department right', () => {
    const rights = { leadA: [d('pricing-discount', pct(10))], gm: [d('pricing-discount', pct(5))] };
    expect(check(org(rights), 'DEC-005')).toEqual([err('DEC-005', 'leadA', 'gm')]);
  });

  it('follows chains around a reporting cycle to the department rights', () => {
    const roles = [
      role('gm', { external: true, level: 6, decisions: [d('pricing-discount', pct(5))] }),
      role('x', { reportsTo: 'y', decisions: [d('pricing-discount', { scope: 'team', ...pct(8) })] }),
      role('y', { reportsTo: 'x', decisions: [d('pricing-discount', { scope: 'team', ...pct(6) })] }),
    ];
    // chain(y) = y 6%, x 8%, gm 5%; chain(x) = x 8%, y 6%, gm 5%.
    expect(check(roles, 'DEC-005')).toEqual([err('DEC-005', 'x', 'y'), err('DEC-005', 'x', 'gm'), err('DEC-005', 'y', 'gm')]);
  });

  it('reports each pair once however many chains share it', () => {
    const rights = { head: [d('pricing-discount', pct(5))], leadA: [d('pricing-discount', pct(10))], leadB: [d('pricing-discount', pct(10))] };
    expect(check(org(rights), 'DEC-005')).toEqual([err('DEC-005', 'leadA', 'head'), err('DEC-005', 'leadB', 'head')]);
  });

  it('compares after rounding to 9 decimals', () => {
    const rights = { head: [d('spend-approval', amt(0.3))], leadA: [d('spend-approval', amt(Number('0.1') + Number('0.2')))] };
    expect(check(org(rights), 'DEC-005')).toEqual([]);
  });
});

describe('DEC-006 escalation paths', () => {
  const esc = (more: Partial<Right> = {}) => d('client-escalation', more);

  it('warns on an account owner whose escalation chain holds only themselves', () => {
    expect(check(org({ a1: [esc()] }), 'DEC-006')).toEqual([warn('DEC-006', 'a1')]);
    expect(check(org({ a1: [esc({ scope: 'team' })] }), 'DEC-006')).toEqual([warn('DEC-006', 'a1')]);
    expect(check(org({ a1: [esc({ scope: 'department' })] }), 'DEC-006')).toEqual([warn('DEC-006', 'a1')]);
  });

  it('is quiet when someone above holds it, when the chain is empty, and for root', () => {
    expect(check(org({ a1: [esc()], leadA: [esc()] }), 'DEC-006')).toEqual([]);
    expect(check(org({ a1: [esc()], gm: [esc()] }), 'DEC-006')).toEqual([]);
    expect(check(org({}), 'DEC-006')).toEqual([]);
    expect(check(org({ head: [esc({ scope: 'own' })] }, [], { head: { accounts: [{ tier: 'strategic', count: 1 }] } }), 'DEC-006')).toEqual([]);
  });

  it('warns on consecutive rights with equal limits of one kind', () => {
    expect(check(org({ head: [d('pricing-discount', pct(10))], leadA: [d('pricing-discount', pct(10))] }), 'DEC-006')).toEqual([warn('DEC-006', 'leadA', 'head')]);
    expect(check(org({ head: [d('pricing-discount', pct(10))], leadA: [d('pricing-discount', amt(10))] }), 'DEC-006')).toEqual([]);
    expect(check(org({ head: [d('pricing-discount')], leadA: [d('pricing-discount')] }), 'DEC-006')).toEqual([]);
  });
});

describe('DEC-007 vetoes', () => {
  const agree = (scope?: Right['scope']) => d('budget-allocation', { authority: 'agree', ...(scope ? { scope } : {}) });
  const partners = [role('fin', { external: true, level: 6 }), role('legal', { external: true, level: 6 })];

  it('warns when more than maxAgree distinct holders cover one role, naming them in document order', () => {
    expect(check(org({ fin: [agree()], legal: [agree()], head: [agree('team')] }, partners), 'DEC-007')).toEqual([warn('DEC-007', 'head', 'fin', 'legal')]);
  });

  it('is quiet at maxAgree and counts a holder once', () => {
    expect(check(org({ fin: [agree()], legal: [agree()] }, partners), 'DEC-007')).toEqual([]);
    expect(check(org({ fin: [agree()], head: [agree('team'), agree('department')] }, partners), 'DEC-007')).toEqual([]);
    expect(check(org({ fin: [agree()], legal: [agree()], head: [agree('team')] }, partners), 'DEC-007', { rules: { 'DEC-007': { params: { maxAgree: 3 } } } })).toEqual([]);
  });

  it('counts team rights along the up-walk and own rights of the role', () => {
    expect(check(org({ head: [agree('team')], leadA: [agree('team')], a1: [agree('own')] }), 'DEC-007')).toEqual([warn('DEC-007', 'head', 'leadA', 'a1')]);
    expect(check(org({ head: [agree('team')], leadA: [agree('team')], b1: [agree('own')] }), 'DEC-007')).toEqual([]);
  });
});

describe('DEC-008 people decisions on the solid line', () => {
  it('warns when an external role decides a people area', () => {
    expect(check(org({ gm: [d('headcount-hiring')] }), 'DEC-008')).toEqual([warn('DEC-008', 'gm')]);
  });

  it('warns on a department-wide people right held by someone other than root', () => {
    expect(check(org({ leadA: [d('performance-review', { scope: 'department' })] }), 'DEC-008')).toEqual([warn('DEC-008', 'leadA')]);
  });

  it('is quiet for root, for team rights and for agree rights', () => {
    expect(check(org({ head: [d('headcount-hiring', { scope: 'department' })], leadA: [d('performance-review')], gm: [d('headcount-hiring', { authority: 'agree' })] }), 'DEC-008')).toEqual([]);
  });

  it('reads peopleAreas from the parameters', () => {
    const rules = { 'DEC-008': { params: { peopleAreas: ['pricing-discount'] } } };
    expect(check(org({ gm: [d('headcount-hiring')], leadA: [d('pricing-discount', { scope: 'department' })] }), 'DEC-008', { rules })).toEqual([warn('DEC-008', 'leadA')]);
  });
});

describe('DEC-009 vacant deciders', () => {
  it('warns once on a vacant role holding decide rights', () => {
    expect(check(org({ leadA: [d('pricing-discount'), d('account-plan')] }, [], { leadA: { vacancies: 1 } }), 'DEC-009')).toEqual([warn('DEC-009', 'leadA')]);
  });

  it('is quiet for a filled role and a vacant role with only agree rights', () => {
    expect(check(org({ leadA: [d('pricing-discount')] }), 'DEC-009')).toEqual([]);
    expect(check(org({ leadA: [d('pricing-discount', { authority: 'agree' })] }, [], { leadA: { vacancies: 1 } }), 'DEC-009')).toEqual([]);
    expect(check(org({ leadA: [d('pricing-discount')] }, [], { leadA: { headcount: 3, vacancies: 2 } }), 'DEC-009')).toEqual([]);
  });
});

describe('decision chains are linear', () => {
  it('checks a 10,000-deep chain with rights at every level quickly', () => {
    const roles: RoleInput[] = [];
    for (let i = 0; i < 10_000; i++) {
      roles.push(role(`r${i}`, { family: 'am', reportsTo: i === 0 ? null : `r${i - 1}`, level: 5, decisions: [d('pricing-discount', { scope: 'team', ...pct(50 - (i % 50)) }), d('budget-allocation', { authority: 'agree', scope: 'team' })] }));
    }
    const t = performance.now();
    const doc = makeDoc(roles);
    const dec005 = run(doc, 'DEC-005');
    expect(dec005).toHaveLength(199);
    expect(run(doc, 'DEC-007')).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});
