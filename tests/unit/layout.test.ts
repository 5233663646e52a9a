import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandom, generateOrg } from '../../src/model/generate.ts';
import { buildTreeIndex } from '../../src/model/tree.ts';
import { createSpatialIndex, layoutDocument, NODE_HEIGHT, NODE_WIDTH, positionOf, Slot, type Layout, type Rect } from '../../src/layout/index.ts';
import { HANG_INDENT, LEVEL_GAP, STACK_GAP } from '../../src/layout/constants.ts';
import { curvePath, dottedRoute, reportingPath, type CardBox, type DottedCurve } from '../../src/layout/routes.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { chainOf, docOf, type RoleSketch } from '../helpers/doc.ts';

type Direction = 'TB' | 'LR';

const layoutOf = (doc: OrgDocument, direction: Direction = 'TB', collapsed: readonly string[] = []) => {
  const index = buildTreeIndex(doc);
  return { index, layout: layoutDocument(doc, index, { direction, collapsed: new Set(collapsed) }) };
};

const at = (layout: Layout, id: string) => layout.indexOf.get(id)!;
const pos = (layout: Layout, id: string) => positionOf(layout, id)!;

/** The first pair of visible cards closer than `gap` on both axes (a uniform grid, so 10,000-deep chains stay fast). */
function crowded(layout: Layout, gap: number): [string, string] | null {
  const w = layout.nodeWidth + gap;
  const h = layout.nodeHeight + gap;
  const cells = new Map<number, number[]>();
  const { x, y, bounds } = layout;
  const id = (i: number) => [...layout.indexOf].find(([, v]) => v === i)?.[0] ?? String(i);
  for (const r of layout.visible) {
    const cx = Math.floor((x[r]! - bounds.minX) / w);
    const cy = Math.floor((y[r]! - bounds.minY) / h);
    for (let gx = cx - 1; gx <= cx + 1; gx++) {
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        for (const s of cells.get(gx * 1_000_003 + gy) ?? []) {
          if (Math.abs(x[r]! - x[s]!) < w && Math.abs(y[r]! - y[s]!) < h) return [id(s), id(r)];
        }
      }
    }
    const key = cx * 1_000_003 + cy;
    const list = cells.get(key);
    if (list) list.push(r);
    else cells.set(key, [r]);
  }
  return null;
}

/** Every visible role has a finite position, every hidden one none, and no two cards are closer than STACK_GAP. */
function expectSound(layout: Layout, roles: number): void {
  expect(layout.x.length).toBe(roles);
  let shown = 0;
  const wrong: number[] = [];
  for (let i = 0; i < roles; i++) {
    const placed = Number.isFinite(layout.x[i]) && Number.isFinite(layout.y[i]);
    if (layout.hidden[i] ? placed || layout.slot[i] !== Slot.hidden : !placed || layout.slot[i] === Slot.hidden) wrong.push(i);
    if (!layout.hidden[i]) shown++;
  }
  expect(wrong).toEqual([]);
  expect(layout.visible.length).toBe(shown);
  expect(crowded(layout, STACK_GAP)).toBeNull();
}

const teamOf = (lead: string, count: number, prefix = `${lead}-r`): RoleSketch[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, reportsTo: lead }));

describe('layoutDocument on generated orgs', () => {
  const docs = new Map([1, 10, 1_000, 10_000].map((n) => [n, generateOrg({ roles: n, seed: 7 })]));

  for (const [n, doc] of docs) {
    for (const direction of ['TB', 'LR'] as const) {
      it(`places all ${n} roles without overlap (${direction})`, () => {
        const { layout } = layoutOf(doc, direction);
        expectSound(layout, n);
        expect(layout.visible.length).toBe(n);
      });
    }
  }

  it('puts managers above their reports in TB and left of them in LR', () => {
    const doc = docs.get(1_000)!;
    const index = buildTreeIndex(doc);
    const tb = layoutDocument(doc, index, { direction: 'TB' });
    const lr = layoutDocument(doc, index, { direction: 'LR' });
    let pairs = 0;
    for (let r = 0; r < doc.roles.length; r++) {
      const m = index.treeParent[r]!;
      if (m === -1) continue;
      pairs++;
      expect(tb.y[r]).toBeGreaterThanOrEqual(tb.y[m]! + NODE_HEIGHT + STACK_GAP);
      expect(lr.x[r]).toBeGreaterThanOrEqual(lr.x[m]! + NODE_WIDTH + STACK_GAP);
    }
    expect(pairs).toBeGreaterThan(990);
  });

  it('puts the external APAC GM above the head, centred, and dotted-line partners beside the hierarchy', () => {
    const { layout } = layoutOf(docs.get(1_000)!);
    const gm = pos(layout, 'apac-gm');
    const head = pos(layout, 'head');
    expect(gm.y + NODE_HEIGHT).toBeLessThan(head.y);
    expect(gm.x).toBe(head.x);
    expect(layout.slot[at(layout, 'apac-gm')]).toBe(Slot.root);
    const partners = ['global-head-am', 'product-cn', 'marketing-cn', 'operations-cn'];
    let hierarchyLeft = Infinity;
    for (const r of layout.visible) if (layout.slot[r] !== Slot.partner) hierarchyLeft = Math.min(hierarchyLeft, layout.x[r]!);
    for (const id of partners) {
      expect(layout.slot[at(layout, id)]).toBe(Slot.partner);
      expect(pos(layout, id).x + NODE_WIDTH).toBeLessThan(hierarchyLeft);
    }
  });

  it('keeps the chart near landscape at 1,000 and 10,000 roles', () => {
    for (const n of [1_000, 10_000]) {
      for (const direction of ['TB', 'LR'] as const) {
        const { bounds } = layoutOf(docs.get(n)!, direction).layout;
        const aspect = (bounds.maxX - bounds.minX) / (bounds.maxY - bounds.minY);
        expect(aspect, `${n} ${direction}`).toBeGreaterThan(0.5);
        expect(aspect, `${n} ${direction}`).toBeLessThan(4);
      }
    }
  });

  it('leaves room for every reporting line to reach its card without crossing another (TB and LR)', () => {
    expect(blockedLines(docs.get(10_000)!, 'TB')).toEqual([]);
    expect(blockedLines(docs.get(1_000)!, 'LR', ['lead-30'])).toEqual([]);
  });

  it('leaves the lane beside every hanging card clear, so its edge reaches it without crossing a card', () => {
    const { layout } = layoutOf(docs.get(10_000)!);
    const spatial = createSpatialIndex(layout);
    let hanging = 0;
    for (const r of layout.visible) {
      if (layout.slot[r] !== Slot.hanging) continue;
      hanging++;
      const mid = layout.y[r]! + NODE_HEIGHT / 2;
      const lane = layout.x[r]! - HANG_INDENT / 2;
      // The stub from the lane into the card, and the lane from above the column down to it.
      expect(spatial.query({ minX: lane, maxX: layout.x[r]!, minY: mid - 1, maxY: mid + 1 })).toEqual([]);
      expect(spatial.query({ minX: lane - 1, maxX: lane + 1, minY: layout.y[r]! - LEVEL_GAP, maxY: mid })).toEqual([]);
    }
    expect(hanging).toBeGreaterThan(8_000);
  });

  it('is deterministic', () => {
    const doc = docs.get(1_000)!;
    const a = layoutOf(doc, 'TB', ['head']).layout;
    const b = layoutOf(doc, 'TB', ['head']).layout;
    const c = layoutOf(doc).layout;
    const d = layoutOf(doc).layout;
    expect(b.x).toEqual(a.x);
    expect(b.hiddenCount).toEqual(a.hiddenCount);
    expect(d.x).toEqual(c.x);
    expect(d.y).toEqual(c.y);
    expect(d.slot).toEqual(c.slot);
    expect(d.bounds).toEqual(c.bounds);
  });

  it('lays out 50,000 roles in linear time', () => {
    const doc = generateOrg({ roles: 50_000, seed: 3 });
    const index = buildTreeIndex(doc);
    layoutDocument(doc, index);
    const start = performance.now();
    const layout = layoutDocument(doc, index);
    expect(performance.now() - start).toBeLessThan(1_000); // a guard against quadratic passes; budgets in docs/layout.md
    expect(layout.visible.length).toBe(50_000);
    expect(crowded(layout, STACK_GAP)).toBeNull();
  });
});

/**
 * Every reporting line drawn as the docs suggest crosses no card: down the manager's
 * trunk to its bus, along the bus, then into the report's top (row), down the lane into
 * its side (hanging), or from the trunk into an assistant's side.
 */
function blockedLines(doc: OrgDocument, direction: Direction, collapsed: readonly string[] = []): string[] {
  const { index, layout } = layoutOf(doc, direction, collapsed);
  const spatial = createSpatialIndex(layout);
  const tb = direction === 'TB';
  const sb = tb ? NODE_WIDTH : NODE_HEIGHT;
  const sd = tb ? NODE_HEIGHT : NODE_WIDTH;
  const b = (r: number) => (tb ? layout.x[r]! : layout.y[r]!);
  const d = (r: number) => (tb ? layout.y[r]! : layout.x[r]!);
  const blocked: string[] = [];
  const segment = (what: string, b0: number, d0: number, b1: number, d1: number) => {
    const lo = { b: Math.min(b0, b1) - 0.5, d: Math.min(d0, d1) - 0.5 };
    const hi = { b: Math.max(b0, b1) + 0.5, d: Math.max(d0, d1) + 0.5 };
    const rect = tb ? { minX: lo.b, minY: lo.d, maxX: hi.b, maxY: hi.d } : { minX: lo.d, minY: lo.b, maxX: hi.d, maxY: hi.b };
    // Lines start and end on card edges; shrink along the line so touching does not count.
    if (d0 === d1) Object.assign(rect, tb ? { minX: rect.minX + 1, maxX: rect.maxX - 1 } : { minY: rect.minY + 1, maxY: rect.maxY - 1 });
    else Object.assign(rect, tb ? { minY: rect.minY + 1, maxY: rect.maxY - 1 } : { minX: rect.minX + 1, maxX: rect.maxX - 1 });
    const hits = spatial.query(rect);
    if (hits.length > 0) blocked.push(`${what} crosses ${hits.map((h) => doc.roles[h]!.id).join(', ')}`);
  };
  for (const r of layout.visible) {
    const m = index.treeParent[r]!;
    if (m === -1 || layout.hidden[m]) continue;
    const trunk = b(m) + sb / 2;
    const from = d(m) + sd;
    const mid = d(r) + sd / 2;
    const id = doc.roles[r]!.id;
    switch (layout.slot[r]) {
      case Slot.row:
        segment(`${id} trunk`, trunk, from, trunk, layout.bus[m]!);
        segment(`${id} bus`, trunk, layout.bus[m]!, b(r) + sb / 2, layout.bus[m]!);
        segment(`${id} drop`, b(r) + sb / 2, layout.bus[m]!, b(r) + sb / 2, d(r));
        break;
      case Slot.hanging: {
        const lane = b(r) - HANG_INDENT / 2;
        segment(`${id} trunk`, trunk, from, trunk, layout.bus[m]!);
        segment(`${id} bus`, trunk, layout.bus[m]!, lane, layout.bus[m]!);
        segment(`${id} lane`, lane, layout.bus[m]!, lane, mid);
        segment(`${id} stub`, lane, mid, b(r), mid);
        break;
      }
      case Slot.assistantAfter:
      case Slot.assistantBefore: {
        const side = layout.slot[r] === Slot.assistantAfter ? b(r) : b(r) + sb;
        segment(`${id} trunk`, trunk, from, trunk, mid);
        segment(`${id} stub`, trunk, mid, side, mid);
        break;
      }
      default:
        blocked.push(`${id} has slot ${layout.slot[r]} under a visible manager`);
    }
  }
  return blocked;
}

describe('layoutDocument arrangement', () => {
  it('stacks a manager\'s leaf reports in columns of at most 6 under it', () => {
    const { layout } = layoutOf(docOf([{ id: 'lead' }, ...teamOf('lead', 12)]));
    const lead = pos(layout, 'lead');
    const reports = Array.from({ length: 12 }, (_, i) => pos(layout, `lead-r${i}`));
    expect(new Set(reports.map((p) => p.y)).size).toBe(6);
    expect(new Set(reports.map((p) => p.x)).size).toBe(2);
    for (const p of reports) expect(p.y).toBeGreaterThan(lead.y + NODE_HEIGHT);
    for (let i = 0; i < 12; i++) expect(layout.slot[at(layout, `lead-r${i}`)]).toBe(Slot.hanging);
    // In document order, down the first column, then the second.
    expect(reports[5]!.x).toBe(reports[0]!.x);
    expect(reports[6]!.x).toBeGreaterThan(reports[0]!.x + NODE_WIDTH);
    expect(reports[1]!.y).toBe(reports[0]!.y + NODE_HEIGHT + STACK_GAP);
    // The manager sits between its columns.
    expect(lead.x).toBeGreaterThan(reports[0]!.x - HANG_INDENT);
    expect(lead.x + NODE_WIDTH).toBeLessThan(reports[6]!.x + NODE_WIDTH);
  });

  it('balances leaf columns (9 reports: 5 and 4) and keeps 3 in one column', () => {
    const nine = layoutOf(docOf([{ id: 'lead' }, ...teamOf('lead', 9)])).layout;
    const xs = Array.from({ length: 9 }, (_, i) => pos(nine, `lead-r${i}`).x);
    expect(xs.filter((x) => x === xs[0]).length).toBe(5);
    const three = layoutOf(docOf([{ id: 'lead' }, ...teamOf('lead', 3)])).layout;
    expect(new Set([0, 1, 2].map((i) => pos(three, `lead-r${i}`).x)).size).toBe(1);
  });

  it('lays reports that are managers out as subtrees side by side, after the leaf columns', () => {
    const { layout } = layoutOf(docOf([
      { id: 'head' },
      { id: 'solo', reportsTo: 'head' },
      { id: 'a', reportsTo: 'head' },
      { id: 'b', reportsTo: 'head' },
      ...teamOf('a', 4),
      ...teamOf('b', 2),
    ]));
    const [solo, a, b] = ['solo', 'a', 'b'].map((id) => pos(layout, id));
    expect(a!.y).toBe(b!.y);
    expect(solo!.y).toBe(a!.y);
    expect(solo!.x).toBeLessThan(a!.x);
    expect(a!.x).toBeLessThan(b!.x);
    expect(layout.slot[at(layout, 'a')]).toBe(Slot.row);
    expect(layout.slot[at(layout, 'solo')]).toBe(Slot.hanging);
    expect(crowded(layout, STACK_GAP)).toBeNull();
  });

  it('wraps a very wide row of subtrees into hanging columns', () => {
    const leads = Array.from({ length: 40 }, (_, i) => `lead${i}`);
    const doc = docOf([{ id: 'head' }, ...leads.map((id) => ({ id, reportsTo: 'head' })), ...leads.flatMap((id) => teamOf(id, 9))]);
    const { layout } = layoutOf(doc);
    expectSound(layout, doc.roles.length);
    const { bounds } = layout;
    expect((bounds.maxX - bounds.minX) / (bounds.maxY - bounds.minY)).toBeLessThan(3);
    for (const id of leads) {
      expect(layout.slot[at(layout, id)]).toBe(Slot.hanging);
      expect(pos(layout, id).y).toBeGreaterThan(pos(layout, 'head').y);
    }
  });

  it('draws assistants beside the manager, on either side of its trunk, above the row of its reports', () => {
    const { layout } = layoutOf(docOf([
      { id: 'head' },
      { id: 'ea', reportsTo: 'head', assistant: true },
      { id: 'cos', reportsTo: 'head', assistant: true },
      { id: 'a', reportsTo: 'head' },
      { id: 'b', reportsTo: 'head' },
      { id: 'solo', reportsTo: 'head' },
      ...teamOf('a', 3),
      ...teamOf('b', 3),
    ]));
    const head = pos(layout, 'head');
    const trunk = head.x + NODE_WIDTH / 2;
    const ea = pos(layout, 'ea');
    const cos = pos(layout, 'cos');
    expect(layout.slot[at(layout, 'ea')]).toBe(Slot.assistantAfter);
    expect(layout.slot[at(layout, 'cos')]).toBe(Slot.assistantBefore);
    expect(ea.x).toBeGreaterThan(trunk);
    expect(cos.x + NODE_WIDTH).toBeLessThan(trunk);
    expect(ea.y).toBe(cos.y);
    expect(ea.y).toBeGreaterThan(head.y + NODE_HEIGHT);
    for (const id of ['a', 'b', 'solo']) expect(pos(layout, id).y).toBeGreaterThan(ea.y + NODE_HEIGHT);
    expect(crowded(layout, STACK_GAP)).toBeNull();
  });

  it('stacks more assistants in further bands, and ignores "assistant" under an external or missing manager', () => {
    const { layout } = layoutOf(docOf([
      { id: 'gm', external: true },
      { id: 'head', reportsTo: 'gm', assistant: true },
      ...Array.from({ length: 5 }, (_, i) => ({ id: `as${i}`, reportsTo: 'head', assistant: true })),
      { id: 'helper', reportsTo: 'as0' },
      { id: 'lost', reportsTo: 'ghost', assistant: true },
    ]));
    expect(layout.slot[at(layout, 'head')]).toBe(Slot.row);
    expect(layout.slot[at(layout, 'lost')]).toBe(Slot.loose);
    const ys = [0, 1, 2, 3, 4].map((i) => pos(layout, `as${i}`).y);
    expect(ys[0]).toBe(ys[1]);
    expect(ys[2]).toBeGreaterThan(ys[0]! + NODE_HEIGHT);
    expect(ys[4]).toBeGreaterThan(ys[2]! + NODE_HEIGHT);
    expect(pos(layout, 'helper').y).toBeGreaterThan(ys[0]! + NODE_HEIGHT);
    expectSound(layout, 9);
  });

  it('leaves room for reporting lines around assistants, hanging columns and collapsed roles', () => {
    const leads = Array.from({ length: 14 }, (_, i) => `lead${i}`);
    const doc = docOf([
      { id: 'head' },
      { id: 'ea', reportsTo: 'head', assistant: true },
      { id: 'cos', reportsTo: 'head', assistant: true },
      ...teamOf('cos', 2),
      { id: 'ops', reportsTo: 'head', assistant: true },
      ...leads.map((id) => ({ id, reportsTo: 'head' })),
      ...leads.flatMap((id, j) => teamOf(id, 3 + (j % 8))),
      { id: 'l0-as', reportsTo: 'lead0', assistant: true },
      { id: 'l0-as2', reportsTo: 'lead0', assistant: true },
      ...teamOf('l0-as2', 3),
    ]);
    for (const direction of ['TB', 'LR'] as const) {
      const { layout } = layoutOf(doc, direction, ['lead5']);
      expectSound(layout, doc.roles.length);
      expect(layout.slot[at(layout, 'lead0')]).toBe(Slot.hanging);
      expect(blockedLines(doc, direction, ['lead5'])).toEqual([]);
    }
  });

  it('places second hierarchies, loose roles and externals side by side without overlap', () => {
    const doc = docOf([
      { id: 'hq', external: true },
      { id: 'partner', external: true, reportsTo: 'head' },
      { id: 'head', reportsTo: 'hq' },
      ...teamOf('head', 8),
      { id: 'other-head' },
      ...teamOf('other-head', 3),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `loose${i}` })),
    ]);
    const { layout } = layoutOf(doc);
    expectSound(layout, doc.roles.length);
    expect(layout.slot[at(layout, 'other-head')]).toBe(Slot.root);
    expect(layout.slot[at(layout, 'loose0')]).toBe(Slot.loose);
    expect(layout.slot[at(layout, 'partner')]).toBe(Slot.partner);
    expect(pos(layout, 'other-head').x).toBeGreaterThan(pos(layout, 'head').x);
  });
});

describe('layoutDocument on broken documents', () => {
  const broken = docOf([
    { id: 'top' },
    ...teamOf('top', 3),
    { id: 'a', reportsTo: 'b' },
    { id: 'b', reportsTo: 'a' },
    { id: 'below', reportsTo: 'a' },
    ...teamOf('below', 7),
    { id: 'self', reportsTo: 'self' },
    { id: 'orphan', reportsTo: 'ghost' },
    { id: 'kid', reportsTo: 'orphan' },
  ]);

  for (const direction of ['TB', 'LR'] as const) {
    it(`places roles in cycles, on themselves and under missing managers after the hierarchy (${direction})`, () => {
      const { layout } = layoutOf(broken, direction);
      expectSound(layout, broken.roles.length);
      const depthOf = (id: string) => (direction === 'TB' ? pos(layout, id).y : pos(layout, id).x);
      const hierarchyEnd = Math.max(...['top', 'top-r0', 'top-r1', 'top-r2'].map(depthOf));
      for (const id of ['a', 'b', 'below', 'self', 'orphan', 'kid']) expect(depthOf(id)).toBeGreaterThan(hierarchyEnd);
      // The cycle is opened at its first member, which heads a tree of the rest.
      expect(layout.slot[at(layout, 'a')]).toBe(Slot.root);
      expect(depthOf('b')).toBeGreaterThan(depthOf('a'));
      expect(depthOf('below-r0')).toBeGreaterThan(depthOf('below'));
    });
  }

  it('handles a 10,000-deep chain without recursion', () => {
    const doc = chainOf(10_000);
    const { layout } = layoutOf(doc);
    expectSound(layout, 10_000);
    expect(Array.from(layout.y).every((y, i) => i === 0 || y > layout.y[i - 1]!)).toBe(true);
    const lr = layoutOf(doc, 'LR', ['r5000']).layout;
    expect(lr.visible.length).toBe(5_001);
    expect(lr.hiddenCount[5_000]).toBe(4_999);
    expectSound(lr, 10_000);
  });

  it('handles a 10,000-deep cycle', () => {
    const doc = chainOf(10_000);
    const roles = doc.roles.slice();
    roles[0] = { ...roles[0]!, reportsTo: 'r9999' };
    const { layout } = layoutOf({ ...doc, roles });
    expectSound(layout, 10_000);
    expect(layout.slot[0]).toBe(Slot.root);
  });

  it('gives an empty document an empty layout', () => {
    const { layout } = layoutOf(docOf([]));
    expect(layout.visible.length).toBe(0);
    expect(layout.bounds).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
    expect(createSpatialIndex(layout).query({ minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9 })).toEqual([]);
  });

  it('lays out a document of external roles only', () => {
    const { layout } = layoutOf(docOf([{ id: 'x', external: true }, { id: 'y', external: true, reportsTo: 'x' }]));
    expectSound(layout, 2);
    expect(layout.slot[0]).toBe(Slot.partner);
  });
});

describe('layoutDocument on random documents', () => {
  const arbDoc = fc.integer({ min: 0, max: 60 }).chain((n) =>
    fc.record({
      roles: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            reportsTo: fc.oneof(fc.constant(null), fc.constant('ghost'), fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((j) => `r${j}`), fc.integer({ min: 0, max: Math.max(0, i - 1) }).map((j) => `r${j}`)),
            external: fc.integer({ min: 0, max: 5 }).map((k) => k === 0),
            assistant: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
          }),
        ),
      ),
      collapsed: fc.array(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { maxLength: 4 }),
      direction: fc.constantFrom<Direction>('TB', 'LR'),
    }).map(({ roles, collapsed, direction }) => ({
      doc: docOf(roles.map((r, i) => ({ id: `r${i}`, ...r }))),
      collapsed: n > 0 ? collapsed.map((j) => `r${j}`) : [],
      direction,
    })),
  );

  it('places every visible role, without overlap, and hides exactly what collapsed roles count', () => {
    fc.assert(
      fc.property(arbDoc, ({ doc, collapsed, direction }) => {
        const { layout } = layoutOf(doc, direction, collapsed);
        expectSound(layout, doc.roles.length);
        let counted = 0;
        for (const r of layout.visible) counted += layout.hiddenCount[r]!;
        expect(counted).toBe(doc.roles.length - layout.visible.length);
        const spatial = createSpatialIndex(layout);
        const b = layout.bounds;
        const all = { minX: b.minX - 1, minY: b.minY - 1, maxX: b.maxX + 1, maxY: b.maxY + 1 };
        expect(spatial.query(all).length).toBe(layout.visible.length);
        // A limit stops the query early: "more than N on screen?" costs N, not the document.
        const some = spatial.query(all, 3);
        expect(some.length).toBe(Math.min(3, layout.visible.length));
        expect(new Set(some).size).toBe(some.length);
        for (const r of some) expect(layout.hidden[r]).toBe(0);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('collapsed subtrees', () => {
  const doc = docOf([
    { id: 'head' },
    { id: 'a', reportsTo: 'head' },
    { id: 'b', reportsTo: 'head' },
    { id: 'c', reportsTo: 'head' },
    ...teamOf('a', 9),
    { id: 'a-lead', reportsTo: 'a' },
    ...teamOf('a-lead', 4),
    ...teamOf('b', 2),
    ...teamOf('c', 2),
  ]);

  it('hides the descendants of a collapsed role, counts them, and gives them no space', () => {
    const open = layoutOf(doc).layout;
    const { layout } = layoutOf(doc, 'TB', ['a']);
    expectSound(layout, doc.roles.length);
    expect(layout.hiddenCount[at(layout, 'a')]).toBe(14);
    expect(layout.hiddenCount[at(layout, 'head')]).toBe(0);
    for (const id of ['a-r0', 'a-lead', 'a-lead-r3']) {
      expect(layout.hidden[at(layout, id)]).toBe(1);
      expect(positionOf(layout, id)).toBeUndefined();
    }
    expect(positionOf(layout, 'a')).toBeDefined();
    expect(layout.visible.length).toBe(doc.roles.length - 14);
    // b and c move in next to the collapsed card.
    expect(pos(layout, 'b').x - pos(layout, 'a').x).toBe(NODE_WIDTH + 40);
    expect(pos(layout, 'b').x - pos(layout, 'a').x).toBeLessThan(pos(open, 'b').x - pos(open, 'a').x);
    expect(layout.bounds.maxY - layout.bounds.minY).toBeLessThan(open.bounds.maxY - open.bounds.minY);
  });

  it('counts nested collapsed roles and takes collapsed ids and direction from the document by default', () => {
    const viewed = { ...doc, view: { ...doc.view, collapsed: ['head', 'a-lead'], direction: 'LR' as const } };
    const index = buildTreeIndex(viewed);
    const layout = layoutDocument(viewed, index);
    expect(layout.direction).toBe('LR');
    expect(layout.visible).toEqual(Int32Array.from([at(layout, 'head')]));
    expect(layout.hiddenCount[at(layout, 'head')]).toBe(doc.roles.length - 1);
    expect(layout.hiddenCount[at(layout, 'a-lead')]).toBe(4);
    expect(layout.bounds).toEqual({ minX: 0, minY: 0, maxX: NODE_WIDTH, maxY: NODE_HEIGHT });
    const overridden = layoutDocument(viewed, index, { direction: 'TB', collapsed: new Set(['unknown']) });
    expect(overridden.direction).toBe('TB');
    expect(overridden.visible.length).toBe(doc.roles.length);
  });
});

describe('createSpatialIndex', () => {
  const brute = (layout: Layout, rect: Rect) =>
    Array.from(layout.visible)
      .filter((r) => layout.x[r]! < rect.maxX && layout.x[r]! + NODE_WIDTH > rect.minX && layout.y[r]! < rect.maxY && layout.y[r]! + NODE_HEIGHT > rect.minY)
      .sort((p, q) => p - q);

  const cases: [string, () => Layout][] = [
    ['1,000 roles TB', () => layoutOf(generateOrg({ roles: 1_000, seed: 5 })).layout],
    ['10,000 roles LR, collapsed', () => layoutOf(generateOrg({ roles: 10_000, seed: 5 }), 'LR', ['director-7', 'lead-30']).layout],
    ['a broken document', () => layoutOf(docOf([{ id: 'a', reportsTo: 'b' }, { id: 'b', reportsTo: 'a' }, { id: 'c' }])).layout],
    ['a 10,000-deep chain', () => layoutOf(chainOf(10_000)).layout],
  ];

  for (const [name, make] of cases) {
    it(`returns what a brute-force filter returns on random rectangles (${name})`, () => {
      const layout = make();
      const spatial = createSpatialIndex(layout);
      const rand = createRandom(11);
      const { minX, minY, maxX, maxY } = layout.bounds;
      const spanX = maxX - minX;
      const spanY = maxY - minY;
      for (let k = 0; k < 300; k++) {
        const w = rand() * spanX * (k % 10 === 0 ? 1.2 : 0.1);
        const h = rand() * spanY * (k % 10 === 0 ? 1.2 : 0.1);
        const x = minX - spanX * 0.1 + rand() * spanX * 1.2;
        const y = minY - spanY * 0.1 + rand() * spanY * 1.2;
        const rect = { minX: x, minY: y, maxX: x + w, maxY: y + h };
        expect(spatial.query(rect).sort((p, q) => p - q)).toEqual(brute(layout, rect));
      }
      expect(spatial.query({ minX: minX - 1, minY: minY - 1, maxX: maxX + 1, maxY: maxY + 1 }).length).toBe(layout.visible.length);
    });
  }

  it('does not count cards that only touch the rectangle', () => {
    const { layout } = layoutOf(docOf([{ id: 'a' }]));
    const spatial = createSpatialIndex(layout);
    const { x, y } = pos(layout, 'a');
    expect(spatial.query({ minX: x + NODE_WIDTH, minY: y, maxX: x + NODE_WIDTH + 10, maxY: y + 10 })).toEqual([]);
    expect(spatial.query({ minX: x + NODE_WIDTH - 1, minY: y, maxX: x + NODE_WIDTH + 10, maxY: y + 10 })).toEqual([0]);
  });
});

describe('line routes (routes.ts)', () => {
  const box = (layout: Layout, id: string): CardBox => ({ ...pos(layout, id), w: NODE_WIDTH, h: NODE_HEIGHT });
  const pointsOf = (path: string): [number, number][] => [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const team = docOf([{ id: 'head' }, { id: 'ea', reportsTo: 'head', assistant: true }, { id: 'a', reportsTo: 'head' }, { id: 'b', reportsTo: 'head' }, { id: 'a1', reportsTo: 'a' }, { id: 'b1', reportsTo: 'b' }]);

  for (const direction of ['TB', 'LR'] as const) {
    it(`leaves a manager from the side facing its reports and enters row reports on the facing side (${direction})`, () => {
      const { layout } = layoutOf(team, direction);
      const m = box(layout, 'head');
      for (const id of ['a', 'b']) {
        const r = box(layout, id);
        const i = at(layout, id);
        expect(layout.slot[i]).toBe(Slot.row);
        const points = pointsOf(reportingPath(m, r, { slot: Slot.row, bus: layout.bus[at(layout, 'head')]!, direction }));
        const [first, last] = [points[0]!, points.at(-1)!];
        if (direction === 'LR') {
          expect(first).toEqual([m.x + m.w, m.y + m.h / 2]);
          expect(last).toEqual([r.x, r.y + r.h / 2]);
          // Out horizontally, in horizontally.
          expect(points[1]![1]).toBe(first[1]);
          expect(points.at(-2)![1]).toBe(last[1]);
        } else {
          expect(first).toEqual([m.x + m.w / 2, m.y + m.h]);
          expect(last).toEqual([r.x + r.w / 2, r.y]);
          expect(points[1]![0]).toBe(first[0]);
          expect(points.at(-2)![0]).toBe(last[0]);
        }
        // Every segment is straight along one axis.
        for (let k = 1; k < points.length; k++) expect(points[k]![0] === points[k - 1]![0] || points[k]![1] === points[k - 1]![1]).toBe(true);
      }
    });

    it(`keeps the assistant clear of the trunk to the reports (${direction})`, () => {
      const { layout } = layoutOf(team, direction);
      const m = box(layout, 'head');
      const ea = box(layout, 'ea');
      const trunk = pointsOf(reportingPath(m, box(layout, 'a'), { slot: Slot.row, bus: layout.bus[at(layout, 'head')]!, direction })).slice(0, 2);
      const [[x1, y1], [x2, y2]] = trunk as [[number, number], [number, number]];
      // The trunk segment and the assistant's card do not meet (not even touching).
      const apart = Math.max(x1, x2) < ea.x || Math.min(x1, x2) > ea.x + ea.w || Math.max(y1, y2) < ea.y || Math.min(y1, y2) > ea.y + ea.h;
      expect(apart).toBe(true);
    });
  }

  /** Points along a dotted curve. */
  const sample = ([a, c1, c2, b]: DottedCurve, steps = 64): [number, number][] => {
    const out: [number, number][] = [];
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      const u = 1 - t;
      const f = (i: 0 | 1) => u * u * u * a[i] + 3 * u * u * t * c1[i] + 3 * u * t * t * c2[i] + t * t * t * b[i];
      out.push([f(0), f(1)]);
    }
    return out;
  };
  const inside = ([x, y]: [number, number], c: CardBox) => x > c.x + 0.01 && x < c.x + c.w - 0.01 && y > c.y + 0.01 && y < c.y + c.h - 0.01;

  it('routes a dotted line from the side of its source facing the target, clear of both cards and without loops', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }), (dx, dy) => {
        const s: CardBox = { x: 0, y: 0, w: NODE_WIDTH, h: NODE_HEIGHT };
        const t: CardBox = { x: dx, y: dy, w: NODE_WIDTH, h: NODE_HEIGHT };
        const overlap = dx < NODE_WIDTH && dx > -NODE_WIDTH && dy < NODE_HEIGHT && dy > -NODE_HEIGHT;
        fc.pre(!overlap);
        const curve = dottedRoute(s, t);
        const points = sample(curve);
        for (const p of points) {
          expect(inside(p, s)).toBe(false);
          expect(inside(p, t)).toBe(false);
        }
        // It starts on the source's border and ends on the target's.
        const [start, , , end] = curve;
        expect(start[0] === 0 || start[0] === NODE_WIDTH || start[1] === 0 || start[1] === NODE_HEIGHT).toBe(true);
        expect(end[0] === dx || end[0] === dx + NODE_WIDTH || end[1] === dy || end[1] === dy + NODE_HEIGHT).toBe(true);
        // No loop: it moves one way along the axis it leaves on.
        const axis = start[0] === 0 || start[0] === NODE_WIDTH ? 0 : 1;
        const sign = Math.sign(end[axis] - start[axis]);
        for (let k = 1; k < points.length; k++) expect(Math.sign(points[k]![axis] - points[k - 1]![axis]) * sign).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a dotted line from the Head towards a partner on its left, not from its right side', () => {
    const curve = dottedRoute({ x: 1000, y: 0, w: NODE_WIDTH, h: NODE_HEIGHT }, { x: 0, y: 300, w: NODE_WIDTH, h: NODE_HEIGHT });
    expect(curve[0]).toEqual([1000, NODE_HEIGHT / 2]);
    expect(curve[3]).toEqual([NODE_WIDTH, 300 + NODE_HEIGHT / 2]);
    expect(curvePath(curve)).toBe('M1000,48 C620,48 620,348 240,348');
  });
});
