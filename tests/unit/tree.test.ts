import { describe, expect, it } from 'vitest';
import { buildTreeIndex } from '../../src/model/tree.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { chainOf, docOf } from '../helpers/doc.ts';

const ids = (ix: ReturnType<typeof buildTreeIndex>, list: Iterable<number>) => [...list].map((i) => ix.roles[i]!.id);

describe('buildTreeIndex', () => {
  const doc = docOf([
    { id: 'gm', external: true, level: 6 },
    { id: 'head', reportsTo: 'gm', level: 5 },
    { id: 'lead-a', reportsTo: 'head', level: 4 },
    { id: 'lead-b', reportsTo: 'head', level: 4, headcount: 1 },
    { id: 'am-1', reportsTo: 'lead-a', level: 2, headcount: 3 },
    { id: 'am-2', reportsTo: 'lead-b', level: 2 },
    { id: 'hq', external: true, reportsTo: 'head', level: 7 },
    { id: 'loose', level: 3 },
  ]);
  const ix = buildTreeIndex(doc);
  const at = (id: string) => ix.indexOf.get(id)!;

  it('lists kids in document order, in scope only', () => {
    expect(ids(ix, ix.kids(at('head')))).toEqual(['lead-a', 'lead-b']);
    expect(ids(ix, ix.kids(at('gm')))).toEqual(['head']);
    expect(ix.kids(at('am-1'))).toEqual([]);
  });

  it('finds top roles (null manager or an external one) and the root with the largest team', () => {
    expect(ids(ix, ix.tops)).toEqual(['head', 'loose']);
    expect(ix.roles[ix.root]!.id).toBe('head');
  });

  it('gives depths from top roles, none to externals', () => {
    expect([at('head'), at('lead-a'), at('am-2'), at('loose'), at('gm'), at('hq')].map((i) => ix.depth[i])).toEqual([1, 2, 3, 1, 0, 0]);
  });

  it('answers "u in sub(h)" in O(1), with externals ending a branch', () => {
    expect(ix.isUnder(at('am-1'), at('head'))).toBe(true);
    expect(ix.isUnder(at('am-1'), at('lead-b'))).toBe(false);
    expect(ix.isUnder(at('head'), at('gm'))).toBe(true);
    expect(ix.isUnder(at('am-1'), at('gm'))).toBe(true);
    expect(ix.isUnder(at('hq'), at('head'))).toBe(false);
    expect(ix.isUnder(at('head'), at('head'))).toBe(true);
  });

  it('walks up, stopping after the first external role', () => {
    expect(ids(ix, ix.upWalk(at('am-1')))).toEqual(['am-1', 'lead-a', 'head', 'gm']);
    expect(ids(ix, ix.upWalk(at('hq')))).toEqual(['hq']);
  });

  it('sums team headcount', () => {
    expect(ix.teamHeadcount[at('head')]).toBe(1 + 1 + 1 + 3 + 1);
  });
});

describe('buildTreeIndex on broken documents', () => {
  it('is total on cycles, self-reports and dangling managers', () => {
    const ix = buildTreeIndex(docOf([
      { id: 'a', reportsTo: 'b' },
      { id: 'b', reportsTo: 'a' },
      { id: 'below', reportsTo: 'a' },
      { id: 'self', reportsTo: 'self' },
      { id: 'orphan', reportsTo: 'ghost' },
      { id: 'kid', reportsTo: 'orphan' },
    ]));
    const at = (id: string) => ix.indexOf.get(id)!;
    expect(ix.tops).toEqual([]);
    expect(ix.root).toBe(-1);
    expect([...ix.depth]).toEqual([0, 0, 0, 0, 0, 0]);
    // In a cycle each member is under the other (up-walk semantics).
    expect(ix.isUnder(at('a'), at('b'))).toBe(true);
    expect(ix.isUnder(at('b'), at('a'))).toBe(true);
    expect(ix.isUnder(at('below'), at('b'))).toBe(true);
    expect(ix.isUnder(at('b'), at('below'))).toBe(false);
    expect(ix.isUnder(at('kid'), at('orphan'))).toBe(true);
    expect(ix.upWalk(at('below')).map((i) => ix.roles[i]!.id)).toEqual(['below', 'a', 'b']);
    expect(ix.managerOf[at('self')]).toBe(-1);
  });

  it('handles a 10,000-deep chain without recursion', () => {
    const ix = buildTreeIndex(chainOf(10_000));
    expect(ix.depth[9_999]).toBe(10_000);
    expect(ix.isUnder(9_999, 0)).toBe(true);
    expect(ix.isUnder(0, 9_999)).toBe(false);
    expect(ix.teamHeadcount[0]).toBe(10_000);
  });

  it('handles a 10,000-deep cycle', () => {
    const doc = chainOf(10_000);
    const roles = doc.roles.slice();
    roles[0] = { ...roles[0]!, reportsTo: 'r9999' };
    const ix = buildTreeIndex({ ...doc, roles });
    expect(ix.preorder.length).toBe(0);
    expect(ix.isUnder(5, 9_000)).toBe(true);
  });

  it('indexes 50,000 roles', () => {
    const ix = buildTreeIndex(generateOrg({ roles: 50_000, seed: 2 }));
    expect(ix.preorder.length).toBe(50_000);
    expect(ix.roles[ix.root]!.family).toBe('head-am');
  });
});
