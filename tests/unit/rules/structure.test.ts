import { describe, expect, it } from 'vitest';
import { check, makeDoc, reports, role, run } from './helpers.ts';
import { minLayers } from '../../../src/rules/structure/STR-005.ts';

const head = (fields = {}) => role('head', { family: 'head-am', level: 5, ...fields });

describe('STR-001 reporting lines', () => {
  it('flags a reportsTo naming a missing role', () => {
    expect(check([head(), role('a', { reportsTo: 'ghost' })], 'STR-001')).toEqual([{ rule: 'STR-001', severity: 'error', roles: ['a'] }]);
  });

  it('flags a role reporting to itself', () => {
    expect(check([head(), role('a', { reportsTo: 'a' })], 'STR-001')).toEqual([{ rule: 'STR-001', severity: 'error', roles: ['a'] }]);
  });

  it('gives one finding per cycle naming its roles in document order', () => {
    const roles = [head(), role('b', { reportsTo: 'c' }), role('a', { reportsTo: 'b' }), role('c', { reportsTo: 'a' }), role('below', { reportsTo: 'a' })];
    const found = run(makeDoc(roles), 'STR-001');
    expect(found.map((f) => [f.severity, f.roles])).toEqual([['error', ['b', 'a', 'c']]]);
    expect(found[0]!.message).toContain('b → c → a → b');
  });

  it('orders findings by their first role and counts a cycle through an external role', () => {
    const roles = [
      role('x', { reportsTo: 'y' }),
      role('gm', { external: true, reportsTo: 'head' }),
      head({ reportsTo: 'gm' }),
      role('y', { reportsTo: 'x' }),
      role('lost', { reportsTo: 'nobody' }),
    ];
    expect(check(roles, 'STR-001')).toEqual([
      { rule: 'STR-001', severity: 'error', roles: ['x', 'y'] },
      { rule: 'STR-001', severity: 'error', roles: ['gm', 'head'] },
      { rule: 'STR-001', severity: 'error', roles: ['lost'] },
    ]);
  });

  it('is quiet on a sound tree, external managers included', () => {
    expect(check([role('gm', { external: true }), head({ reportsTo: 'gm' }), ...reports('head', 3)], 'STR-001')).toEqual([]);
  });
});

describe('STR-002 one top role', () => {
  it('is quiet with exactly one top role (a top may report to an external role)', () => {
    expect(check([role('gm', { external: true }), head({ reportsTo: 'gm' }), ...reports('head', 2)], 'STR-002')).toEqual([]);
  });

  it('flags each further top role, root being the one with the largest team', () => {
    const roles = [role('loose'), head(), ...reports('head', 2), role('other'), ...reports('other', 1)];
    expect(check(roles, 'STR-002')).toEqual([
      { rule: 'STR-002', severity: 'warning', roles: ['loose'] },
      { rule: 'STR-002', severity: 'warning', roles: ['other'] },
    ]);
  });

  it('breaks ties of team size by document order and counts headcount, not roles', () => {
    expect(check([role('a'), role('b')], 'STR-002')).toEqual([{ rule: 'STR-002', severity: 'warning', roles: ['b'] }]);
    expect(check([role('a'), role('b', { headcount: 2 })], 'STR-002')).toEqual([{ rule: 'STR-002', severity: 'warning', roles: ['a'] }]);
  });

  it('is an error when no top role exists, and quiet on an empty document', () => {
    expect(check([role('a', { reportsTo: 'b' }), role('b', { reportsTo: 'a' })], 'STR-002')).toEqual([{ rule: 'STR-002', severity: 'error', roles: [] }]);
    expect(check([role('a', { reportsTo: 'ghost' })], 'STR-002')).toEqual([{ rule: 'STR-002', severity: 'error', roles: [] }]);
    expect(check([], 'STR-002')).toEqual([]);
    expect(check([role('x', { external: true })], 'STR-002')).toEqual([]);
  });

  it('does not count a role with a dangling or self reportsTo as a top role', () => {
    expect(check([head(), role('a', { reportsTo: 'ghost' }), role('b', { reportsTo: 'b' })], 'STR-002')).toEqual([]);
  });
});

describe('STR-003 dotted lines', () => {
  const base = [role('gm', { external: true }), head({ reportsTo: 'gm' }), role('lead', { reportsTo: 'head', level: 4 }), role('am', { reportsTo: 'lead' }), role('peer', { reportsTo: 'head', level: 4 })];
  const withLines = (id: string, dottedLines: object[]) => base.map((r) => (r.id === id ? { ...r, dottedLines } : r)) as typeof base;

  it('errors on a line to a missing role, to itself or to a subordinate', () => {
    expect(check(withLines('lead', [{ to: 'ghost', kind: 'partner' }]), 'STR-003')).toEqual([{ rule: 'STR-003', severity: 'error', roles: ['lead'] }]);
    expect(check(withLines('lead', [{ to: 'lead', kind: 'partner' }]), 'STR-003')).toEqual([{ rule: 'STR-003', severity: 'error', roles: ['lead'] }]);
    expect(check(withLines('head', [{ to: 'am', kind: 'indirect-manager' }]), 'STR-003')).toEqual([{ rule: 'STR-003', severity: 'error', roles: ['head', 'am'] }]);
  });

  it('warns on a line to its own manager, and on the same target twice', () => {
    expect(check(withLines('am', [{ to: 'lead', kind: 'indirect-manager' }]), 'STR-003')).toEqual([{ rule: 'STR-003', severity: 'warning', roles: ['am', 'lead'] }]);
    expect(check(withLines('am', [{ to: 'peer', kind: 'partner' }, { to: 'peer', kind: 'indirect-manager' }]), 'STR-003')).toEqual([{ rule: 'STR-003', severity: 'warning', roles: ['am', 'peer'] }]);
  });

  it('warns above maxIndirectManagers indirect managers, not at it', () => {
    const one = withLines('am', [{ to: 'peer', kind: 'indirect-manager' }, { to: 'gm', kind: 'partner' }]);
    expect(check(one, 'STR-003')).toEqual([]);
    const two = withLines('am', [{ to: 'peer', kind: 'indirect-manager' }, { to: 'gm', kind: 'indirect-manager' }]);
    expect(check(two, 'STR-003')).toEqual([{ rule: 'STR-003', severity: 'warning', roles: ['am', 'peer', 'gm'] }]);
    expect(check(two, 'STR-003', { rules: { 'STR-003': { params: { maxIndirectManagers: 2 } } } })).toEqual([]);
  });

  it('is quiet on lines to peers and to external roles', () => {
    expect(check(withLines('lead', [{ to: 'peer', kind: 'partner' }, { to: 'gm', kind: 'indirect-manager' }]), 'STR-003')).toEqual([]);
  });

  it('sees subordinates of roles in a cycle', () => {
    const roles = [role('a', { reportsTo: 'b', dottedLines: [{ to: 'c', kind: 'partner' }] }), role('b', { reportsTo: 'a' }), role('c', { reportsTo: 'a' })];
    expect(check(roles, 'STR-003')).toEqual([{ rule: 'STR-003', severity: 'error', roles: ['a', 'c'] }]);
    const up = [role('a', { reportsTo: 'b' }), role('b', { reportsTo: 'a' }), role('c', { reportsTo: 'a', dottedLines: [{ to: 'b', kind: 'partner' }] })];
    expect(check(up, 'STR-003')).toEqual([]);
  });
});

describe('STR-004 positions and reports', () => {
  it('errors when vacancies exceed headcount, and not when they equal it', () => {
    expect(check([head(), role('a', { reportsTo: 'head', headcount: 2, vacancies: 3 })], 'STR-004')).toEqual([{ rule: 'STR-004', severity: 'error', roles: ['a'] }]);
    expect(check([head(), role('a', { reportsTo: 'head', headcount: 2, vacancies: 2 })], 'STR-004')).toEqual([]);
  });

  it('errors on a pooled node with reports', () => {
    expect(check([head(), role('pool', { reportsTo: 'head', headcount: 3 }), role('x', { reportsTo: 'pool' })], 'STR-004')).toEqual([{ rule: 'STR-004', severity: 'error', roles: ['pool'] }]);
  });

  it('warns on a vacant role with reports and on an assistant with reports', () => {
    expect(check([head({ vacancies: 1 }), role('x', { reportsTo: 'head' })], 'STR-004')).toEqual([{ rule: 'STR-004', severity: 'warning', roles: ['head'] }]);
    expect(check([head(), role('ea', { reportsTo: 'head', assistant: true }), role('x', { reportsTo: 'ea' })], 'STR-004')).toEqual([{ rule: 'STR-004', severity: 'warning', roles: ['ea'] }]);
  });

  it('leaves external managers alone, and an assistant needs an in-scope manager', () => {
    expect(check([role('gm', { external: true, headcount: 3, vacancies: 3 }), head({ reportsTo: 'gm' })], 'STR-004')).toEqual([]);
    expect(check([role('gm', { external: true }), role('ea', { reportsTo: 'gm', assistant: true }), role('x', { reportsTo: 'ea' })], 'STR-004')).toEqual([]);
  });
});

describe('STR-005 layers', () => {
  it('computes minLayers by adding powers of the span', () => {
    expect(minLayers(1, 7)).toBe(1);
    expect(minLayers(8, 7)).toBe(2);
    expect(minLayers(9, 7)).toBe(3);
    expect(minLayers(57, 7)).toBe(3);
    expect(minLayers(58, 7)).toBe(4);
    expect(minLayers(5, 1)).toBe(5);
    expect(minLayers(5, 0.5)).toBe(5);
    expect(minLayers(1e12, 7, 4)).toBe(4);
  });

  const chain = (length: number) => Array.from({ length }, (_, i) => role(`c${i}`, { reportsTo: i === 0 ? null : `c${i - 1}`, level: 8 - Math.min(i, 7) }));

  it('warns when L > minLayers(N) + layerSlack, on root', () => {
    // N = 4: minLayers = 2, +1 slack = 3.
    expect(check(chain(4), 'STR-005')).toEqual([{ rule: 'STR-005', severity: 'warning', roles: ['c0'] }]);
    expect(check(chain(3), 'STR-005')).toEqual([]);
    expect(check(chain(4), 'STR-005', { rules: { 'STR-005': { params: { layerSlack: 2 } } } })).toEqual([]);
  });

  it('does not count an assistant as a layer, but counts its headcount', () => {
    const roles = [...chain(3), role('ea', { reportsTo: 'c2', assistant: true })];
    expect(check(roles, 'STR-005')).toEqual([]);
    const withReport = [...roles, role('x', { reportsTo: 'ea' })];
    expect(check(withReport, 'STR-005')).toEqual([{ rule: 'STR-005', severity: 'warning', roles: ['c0'] }]);
  });

  it('gives nothing without a root', () => {
    expect(check([role('a', { reportsTo: 'b' }), role('b', { reportsTo: 'a' })], 'STR-005')).toEqual([]);
  });
});

describe('STR-006 levels', () => {
  it('errors on an inversion and warns on equal levels, naming the report then the manager', () => {
    expect(check([head({ level: 4 }), role('a', { reportsTo: 'head', level: 5 })], 'STR-006')).toEqual([{ rule: 'STR-006', severity: 'error', roles: ['a', 'head'] }]);
    expect(check([head({ level: 4 }), role('a', { reportsTo: 'head', level: 4 })], 'STR-006')).toEqual([{ rule: 'STR-006', severity: 'warning', roles: ['a', 'head'] }]);
    expect(check([head({ level: 4 }), role('a', { reportsTo: 'head', level: 3 })], 'STR-006')).toEqual([]);
  });

  it('ignores external managers', () => {
    expect(check([role('gm', { external: true, level: 2 }), head({ reportsTo: 'gm' })], 'STR-006')).toEqual([]);
  });
});

describe('STR-007 the head', () => {
  const partners = [
    role('product', { external: true, function: 'product', level: 6, dottedLines: [{ to: 'head', kind: 'partner' }] }),
    role('marketing', { external: true, function: 'marketing', level: 6 }),
    role('ops', { external: true, function: 'operations', level: 6 }),
  ];
  const lines = [{ to: 'marketing', kind: 'partner' as const }, { to: 'ops', kind: 'partner' as const }];

  it('is quiet with one head at the top partnered with each function (either direction)', () => {
    expect(check([head({ dottedLines: lines }), ...partners], 'STR-007')).toEqual([]);
  });

  it('warns once per missing partner function; an indirect-manager line does not count', () => {
    const found = check([head({ dottedLines: [{ to: 'marketing', kind: 'indirect-manager' }] }), ...partners], 'STR-007');
    expect(found).toEqual([
      { rule: 'STR-007', severity: 'warning', roles: ['head'] },
      { rule: 'STR-007', severity: 'warning', roles: ['head'] },
    ]);
  });

  it('warns when there is no head, and notes that root is not a head', () => {
    const params = { rules: { 'STR-007': { params: { partnerFunctions: [] } } } };
    expect(check([role('top'), role('x', { reportsTo: 'top' })], 'STR-007', params)).toEqual([
      { rule: 'STR-007', severity: 'warning', roles: ['top'] },
      { rule: 'STR-007', severity: 'info', roles: ['top'] },
    ]);
    expect(check([role('a', { reportsTo: 'b' }), role('b', { reportsTo: 'a' })], 'STR-007', params)).toEqual([{ rule: 'STR-007', severity: 'warning', roles: [] }]);
  });

  it('warns on each extra head; root is the head when it is one', () => {
    const params = { rules: { 'STR-007': { params: { partnerFunctions: [] } } } };
    const roles = [role('deputy', { family: 'head-am', reportsTo: 'head', level: 4 }), head(), role('h3', { family: 'head-am', reportsTo: 'head', level: 4 })];
    expect(check(roles, 'STR-007', params)).toEqual([
      { rule: 'STR-007', severity: 'warning', roles: ['deputy'] },
      { rule: 'STR-007', severity: 'warning', roles: ['h3'] },
    ]);
    const notAtTop = [role('top', { level: 6 }), role('h', { family: 'head-am', reportsTo: 'top', level: 5 })];
    expect(check(notAtTop, 'STR-007', params)).toEqual([{ rule: 'STR-007', severity: 'info', roles: ['top'] }]);
  });

  it('says nothing about an empty department', () => {
    expect(check([], 'STR-007')).toEqual([]);
    expect(check([role('x', { external: true })], 'STR-007')).toEqual([]);
  });

  it('ignores external head-am roles', () => {
    const params = { rules: { 'STR-007': { params: { partnerFunctions: [] } } } };
    expect(check([role('global', { family: 'head-am', external: true, level: 7 }), head({ reportsTo: 'global' })], 'STR-007', params)).toEqual([]);
  });
});
