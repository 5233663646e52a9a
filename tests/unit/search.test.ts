/** Live search's matching (src/ui/search.ts): fields, case, ranking, the cap and the count, speed at 10,000 roles. */
import { describe, expect, it } from 'vitest';
import { roleWithDefaults } from '../../src/schema/constants.ts';
import { generateOrg } from '../../src/model/generate.ts';
import type { Role } from '../../src/schema/v1.ts';
import { managerOf, Rank, searchRoles, SEARCH_LIMIT, splitMatch } from '../../src/ui/search.ts';

const role = (fields: Partial<Role> & Pick<Role, 'id' | 'title'>): Role => roleWithDefaults({ level: 1, ...fields });

const roles: readonly Role[] = [
  role({ id: 'head', title: 'Head of Account Management', titles: { 'zh-CN': '客户管理负责人' }, holder: { name: 'Zhang Wei' } }),
  role({ id: 'lead-east', title: 'Regional Lead', titles: { 'zh-CN': '区域主管' }, reportsTo: 'head', holder: { name: 'Li Na' } }),
  role({ id: 'lead-north', title: 'Regional Lead', titles: { 'zh-CN': '区域主管' }, reportsTo: 'head' }),
  role({ id: 'am-1', title: 'Account Manager', titles: { 'zh-CN': '客户经理' }, reportsTo: 'lead-east', holder: { name: 'Wang Fang' } }),
  role({ id: 'am-2', title: 'Account Manager', reportsTo: 'lead-north' }),
  role({ id: 'manager', title: 'Ops partner', reportsTo: 'missing' }),
];
const doc = { roles };
const ids = (query: string) => searchRoles(doc, query).shown.map((i) => roles[i]!.id);

describe('searchRoles', () => {
  it('matches titles in both languages, holder names and ids, ignoring case and surrounding spaces', () => {
    expect(ids('regional')).toEqual(['lead-east', 'lead-north']);
    expect(ids('  REGIONAL lead ')).toEqual(['lead-east', 'lead-north']);
    expect(ids('客户经理')).toEqual(['am-1']);
    expect(ids('区域')).toEqual(['lead-east', 'lead-north']);
    expect(ids('li na')).toEqual(['lead-east']);
    expect(ids('LEAD-NORTH')).toEqual(['lead-north']);
  });

  it('finds nothing for a blank query or a query that matches nothing, with a count of 0', () => {
    expect(searchRoles(doc, '   ')).toEqual({ query: '', total: 0, shown: [] });
    expect(searchRoles(doc, 'nobody here').total).toBe(0);
  });

  it('never matches across two fields', () => {
    // "am-1" then "Account Manager": the joined fields must not make "1account" match.
    expect(ids('1account')).toEqual([]);
  });

  it('ranks an exact field first, then a field starting with the query, then one containing it, each in document order', () => {
    // "manager": the exact id of the last role, inside the AMs' titles.
    expect(ids('manager')).toEqual(['manager', 'am-1', 'am-2']);
    expect(searchRoles(doc, 'manager').total).toBe(3);
    // "manag": the start of that id, inside the other titles.
    expect(ids('manag')).toEqual(['manager', 'head', 'am-1', 'am-2']);
    // "account": a prefix of the AMs' titles, inside the head's.
    expect(ids('account')).toEqual(['am-1', 'am-2', 'head']);
    expect(Rank.exact).toBeLessThan(Rank.prefix);
  });

  it('shows at most the limit and counts every match', () => {
    const many = { roles: Array.from({ length: 120 }, (_, i) => role({ id: `am-${i}`, title: 'Account Manager' })) };
    const outcome = searchRoles(many, 'account');
    expect(outcome.total).toBe(120);
    expect(outcome.shown).toHaveLength(SEARCH_LIMIT);
    expect(outcome.shown).toEqual(Array.from({ length: SEARCH_LIMIT }, (_, i) => i));
    // The exact id comes first even when it is the last role.
    expect(searchRoles(many, 'am-119', 5).shown[0]).toBe(119);
    expect(searchRoles(many, 'am-1', 3).shown).toEqual([1, 10, 11]);
  });

  it('sees the roles of a new roles array (an edit), not the old haystack', () => {
    expect(ids('renamed')).toEqual([]);
    const edited = { roles: roles.map((r) => (r.id === 'am-2' ? { ...r, title: 'Renamed AM' } : r)) };
    expect(searchRoles(edited, 'renamed').shown.map((i) => edited.roles[i]!.id)).toEqual(['am-2']);
  });

  it('is fast at 10,000 roles: a first search builds the haystack, later keystrokes one pass each', () => {
    const big = generateOrg({ roles: 10_000, seed: 7 });
    searchRoles(big, 'a');
    const start = performance.now();
    for (const query of ['a', 'ac', 'acc', 'acco', 'accou', 'account', 'account m', 'wang', '客户', 'lead']) {
      const outcome = searchRoles(big, query);
      expect(outcome.shown.length).toBeLessThanOrEqual(SEARCH_LIMIT);
    }
    // Ten keystrokes; each well under a frame on a slow machine.
    expect((performance.now() - start) / 10).toBeLessThan(30);
    // The count is every match, as a plain filter finds them.
    const naive = big.roles.filter((r) => [r.id, r.title, ...Object.values(r.titles), r.holder?.name ?? ''].some((f) => f.toLowerCase().includes('account'))).length;
    expect(naive).toBeGreaterThan(1000);
    expect(searchRoles(big, 'account').total).toBe(naive);
  });
});

describe('managerOf', () => {
  it('gives the manager role, or nothing for a top role or a manager not in the document', () => {
    expect(managerOf(doc, roles[1]!)?.id).toBe('head');
    expect(managerOf(doc, roles[0]!)).toBeUndefined();
    expect(managerOf(doc, roles[5]!)).toBeUndefined();
  });
});

describe('splitMatch', () => {
  it('splits a text around the query, ignoring case', () => {
    expect(splitMatch('Regional Lead', 'lead')).toEqual(['Regional ', 'Lead', '']);
    expect(splitMatch('客户经理', '经理')).toEqual(['客户', '经理', '']);
    expect(splitMatch('Regional Lead', 'x')).toBeNull();
    expect(splitMatch('Regional Lead', ' ')).toBeNull();
  });
});
