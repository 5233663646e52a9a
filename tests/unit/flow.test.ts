/**
 * FlowCache (src/canvas/flow.ts): cards mount and unmount at most `budget` of each per
 * build, those on screen first, until the wanted set is reached (issue 17); roles that
 * are gone from the document leave at once; an unchanged build hands out the same lists.
 */
import { describe, expect, it } from 'vitest';
import { FlowCache, NOWHERE, type FlowInput } from '../../src/canvas/flow.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { removeRoles } from '../../src/model/commands.ts';
import type { Rect } from '../../src/layout/types.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { derive } from '../../src/store/derived.ts';
import { layoutOf } from '../../src/store/layout.ts';

const shared = { labels: { collapse: 'Collapse', expand: 'Expand', vacant: 'vacant', level: 'Level' }, onToggleCollapse: () => {} };

function input(doc: OrgDocument, view: Rect, screen: Rect, budget?: number): FlowInput {
  const { index, byRole } = derive(doc);
  const placed = layoutOf(doc);
  return { doc, index, layout: placed.layout, query: placed.query, view, screen, budget, byRole, selection: new Set(), titleOf: (r) => r.title, drag: null, dropTarget: null, shared };
}

describe('FlowCache', () => {
  const doc = generateOrg({ roles: 120, seed: 5 });
  const { bounds } = layoutOf(doc).layout;
  const whole: Rect = bounds;
  const corner: Rect = { minX: bounds.minX, minY: bounds.minY, maxX: bounds.minX + 600, maxY: bounds.minY + 300 };

  it('mounts at most the budget per build, the roles on screen first, until all are mounted', () => {
    const cache = new FlowCache();
    const all = layoutOf(doc).query(whole).length;
    const onScreen = new Set(Array.from(layoutOf(doc).query(corner), (i) => doc.roles[i]!.id));
    const first = cache.build(input(doc, whole, corner, 16));
    expect(first.nodes).toHaveLength(16);
    expect(first.remaining).toBeGreaterThan(0);
    // The first builds take the roles on screen.
    expect(first.nodes.filter((n) => onScreen.has(n.id))).toHaveLength(Math.min(16, onScreen.size));
    let build = first;
    let builds = 1;
    while (build.remaining > 0 && builds < 100) {
      build = cache.build(input(doc, whole, corner, 16));
      builds++;
    }
    expect(build.remaining).toBe(0);
    expect(build.missingOnScreen).toBe(0);
    expect(build.nodes.length).toBeGreaterThanOrEqual(all);
    expect(builds).toBe(Math.ceil(build.nodes.length / 16));
    // Nothing changed: the same lists, so React Flow skips its update.
    const again = cache.build(input(doc, whole, corner, 16));
    expect(again.nodes).toBe(build.nodes);
    expect(again.edges).toBe(build.edges);
  });

  it('unmounts at most the budget per build when the view leaves, but a removed role at once', () => {
    const cache = new FlowCache();
    const full = cache.build(input(doc, whole, whole));
    expect(full.remaining).toBe(0);
    const leaving = cache.build(input(doc, NOWHERE, NOWHERE, 16));
    expect(leaving.nodes).toHaveLength(full.nodes.length - 16);
    expect(leaving.remaining).toBe(full.nodes.length - 16);
    expect(leaving.missingOnScreen).toBe(0);

    const fresh = new FlowCache();
    fresh.build(input(doc, whole, whole));
    const leaf = doc.roles.find((r) => r.reportsTo !== null && !doc.roles.some((o) => o.reportsTo === r.id))!;
    const result = removeRoles(doc, [leaf.id]);
    if (!result.ok) throw new Error(result.reason);
    const after = fresh.build(input(result.doc, whole, whole, 16));
    expect(after.nodes.some((n) => n.id === leaf.id)).toBe(false);
  });
});
