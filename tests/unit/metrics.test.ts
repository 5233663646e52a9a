import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument, RoleInput } from '../../src/schema/v1.ts';
import { buildTreeIndex } from '../../src/model/tree.ts';
import { SPAN_BUCKETS, computeMetrics, loadFactorOf, loadedCost, spanBucket } from '../../src/metrics/metrics.ts';

/** A document through the real load pipeline, so defaults are filled in as in the app. */
function makeDoc(roles: RoleInput[], rules: Record<string, unknown> = {}): OrgDocument {
  const result = parseDocument(
    JSON.stringify({ format: 'org-structure', version: 1, name: 'Test', currency: 'CNY', roles, settings: { rules } }),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

const histogram = (m: ReturnType<typeof computeMetrics>): Record<string, number> =>
  Object.fromEntries(m.spanHistogram.map((b) => [b.bucket, b.count]));

describe('computeMetrics on a small org', () => {
  // gm (external) → head → { ea (assistant), lead-a → { sam, am × 4 pooled (1 vacant) }, lead-b → am-b }
  // plus an external product partner.
  const doc = makeDoc([
    { id: 'gm', title: 'APAC GM', level: 6, external: true, salary: { min: 9_000_000, max: 9_000_000 }, revenueTarget: 999 },
    { id: 'product', title: 'Product China', function: 'product', level: 5, external: true, reportsTo: 'gm' },
    {
      id: 'head', title: 'Head', family: 'head-am', level: 5, reportsTo: 'gm',
      salary: { min: 1_000_000, max: 1_400_000, bonusPct: 15 }, revenueTarget: 100_000_000,
      budgets: [
        { id: 'PERS', kind: 'personnel', amount: 10_000_000 },
        { id: 'OPS', kind: 'operating', amount: 1_000_000 },
      ],
    },
    { id: 'ea', title: 'Executive Assistant', family: 'other', level: 2, reportsTo: 'head', assistant: true, salary: { min: 200_000, max: 200_000 } },
    {
      id: 'lead-a', title: 'Lead A', family: 'am-lead', level: 4, reportsTo: 'head',
      salary: { min: 600_000, max: 800_000, bonusPct: 10 }, revenueTarget: 60_000_000,
      budgets: [{ id: 'PERS-A', kind: 'personnel', amount: 4_000_000 }],
    },
    { id: 'sam', title: 'Senior AM', family: 'senior-am', level: 3, reportsTo: 'lead-a', salary: { min: 400_000, max: 600_000 }, revenueTarget: 20_000_000 },
    { id: 'am-pool', title: 'AM × 4', family: 'am', level: 2, reportsTo: 'lead-a', headcount: 4, vacancies: 1, salary: { min: 250_000, max: 350_000 }, revenueTarget: 11_000_000 },
    { id: 'lead-b', title: 'Lead B', family: 'am-lead', level: 4, reportsTo: 'head', revenueTarget: 30_000_000 },
    { id: 'am-b', title: 'AM B', family: 'am', level: 2, reportsTo: 'lead-b', vacancies: 3 },
  ]);
  const m = computeMetrics(doc);

  it('counts in-scope headcount, vacancies and roles', () => {
    // head 1 + ea 1 + lead-a 1 + sam 1 + am-pool 4 + lead-b 1 + am-b 1 = 10; externals left out.
    expect(m.headcount).toBe(10);
    // am-pool 1 + am-b min(3, 1) = 2
    expect(m.vacancies).toBe(2);
    expect(m.roleCount).toBe(7);
    expect(m.rootId).toBe('head');
  });

  it('counts layers without assistants and spans without assistants', () => {
    expect(m.layers).toBe(3);
    expect(m.spans).toEqual([
      { id: 'head', span: 2 },
      { id: 'lead-a', span: 5 },
      { id: 'lead-b', span: 1 },
    ]);
    expect(m.managers).toBe(3);
    expect(m.averageSpan).toBeCloseTo(8 / 3, 12);
    expect(histogram(m)).toEqual({ '1': 1, '2–3': 1, '4–7': 1, '8–12': 0, '13–16': 0, '17+': 0 });
    expect(m.spanHistogram.map((b) => b.bucket)).toEqual([...SPAN_BUCKETS]);
  });

  it('sums the loaded cost of in-scope roles with the default load factor', () => {
    const expected =
      1 * 1_200_000 * 1.15 * 1.3 + // head
      1 * 200_000 * 1.3 + // ea
      1 * 700_000 * 1.1 * 1.3 + // lead-a
      1 * 500_000 * 1.3 + // sam
      4 * 300_000 * 1.3; // am-pool (lead-b, am-b have no salary; gm is external)
    expect(m.loadFactor).toBe(1.3);
    expect(m.loadedCost).toBeCloseTo(expected, 6);
  });

  it('takes the root personnel budget, not the nested one, and the ratio', () => {
    expect(m.personnelBudget).toBe(10_000_000);
    expect(m.costBudgetRatio).toBeCloseTo(m.loadedCost / 10_000_000, 12);
  });

  it('gives target coverage per manager and the root target', () => {
    expect(m.targetCoverage).toEqual([
      { id: 'head', assigned: 90_000_000, target: 100_000_000, ratio: 0.9 },
      { id: 'lead-a', assigned: 64_000_000, target: 60_000_000, ratio: 64 / 60 },
    ]);
    expect(m.revenueTarget).toBe(100_000_000);
  });

  it('accepts a prebuilt index and gives the same figures', () => {
    expect(computeMetrics(doc, buildTreeIndex(doc))).toEqual(m);
  });
});

describe('computeMetrics on edge cases', () => {
  it('gives zeros and nulls for an empty document', () => {
    const m = computeMetrics(makeDoc([]));
    expect(m).toEqual({
      headcount: 0, vacancies: 0, roleCount: 0, layers: 0, managers: 0, averageSpan: null, spans: [],
      spanHistogram: SPAN_BUCKETS.map((bucket) => ({ bucket, count: 0 })),
      loadFactor: 1.3, loadedCost: 0, personnelBudget: 0, costBudgetRatio: null,
      targetCoverage: [], revenueTarget: null, rootId: null,
    });
  });

  it('is total on a reporting cycle and a dangling manager', () => {
    const doc = makeDoc([
      { id: 'a', title: 'A', level: 4, reportsTo: 'c', salary: { min: 100, max: 100 }, budgets: [{ id: 'P1', kind: 'personnel', amount: 50 }] },
      { id: 'b', title: 'B', level: 3, reportsTo: 'a', headcount: 2 },
      { id: 'c', title: 'C', level: 3, reportsTo: 'b' },
      { id: 'd', title: 'D', level: 2, reportsTo: 'missing', revenueTarget: 10 },
      { id: 'e', title: 'E', level: 1, reportsTo: 'd', revenueTarget: 5 },
      { id: 'f', title: 'F', level: 1, reportsTo: 'f' },
    ]);
    const m = computeMetrics(doc);
    expect(m.headcount).toBe(7);
    expect(m.roleCount).toBe(6);
    // No top role: no depth anywhere, no root.
    expect(m.layers).toBe(0);
    expect(m.rootId).toBeNull();
    expect(m.revenueTarget).toBeNull();
    // Spans still exist inside the cycle and below the dangling manager.
    expect(m.spans).toEqual([
      { id: 'a', span: 2 },
      { id: 'b', span: 1 },
      { id: 'c', span: 1 },
      { id: 'd', span: 1 },
    ]);
    expect(m.loadedCost).toBeCloseTo(130, 9);
    // The only personnel budget in the cycle has no parent: walking up returns to its owner.
    expect(m.personnelBudget).toBe(50);
    expect(m.targetCoverage).toEqual([{ id: 'd', assigned: 5, target: 10, ratio: 0.5 }]);
  });

  it("treats two personnel budgets in one cycle as each other's parents", () => {
    // Each owner's implicit parent is the other's budget, so neither is top-level.
    const doc = makeDoc([
      { id: 'a', title: 'A', level: 4, reportsTo: 'b', budgets: [{ id: 'PA', kind: 'personnel', amount: 5 }] },
      { id: 'b', title: 'B', level: 4, reportsTo: 'a', budgets: [{ id: 'PB', kind: 'personnel', amount: 7 }] },
    ]);
    expect(computeMetrics(doc).personnelBudget).toBe(0);
  });

  it('handles pooled nodes, an assistant with reports and a role with id "constructor"', () => {
    const doc = makeDoc([
      { id: 'constructor', title: 'Head', level: 5, revenueTarget: 40 },
      { id: 'chief', title: 'Chief of Staff', level: 4, reportsTo: 'constructor', assistant: true, revenueTarget: 10 },
      { id: 'analyst', title: 'Analyst', level: 2, reportsTo: 'chief' },
      { id: 'pool', title: 'AM × 12', family: 'am', level: 2, reportsTo: 'constructor', headcount: 12, vacancies: 20, revenueTarget: 3 },
      { id: 'loose', title: 'Loose', level: 2, reportsTo: 'toString' },
    ]);
    const m = computeMetrics(doc);
    expect(m.headcount).toBe(16);
    expect(m.vacancies).toBe(12);
    // The assistant is not a layer, but its report (depth 3) is.
    expect(m.layers).toBe(3);
    expect(m.spans).toEqual([
      { id: 'constructor', span: 12 },
      { id: 'chief', span: 1 },
    ]);
    expect(histogram(m)).toEqual({ '1': 1, '2–3': 0, '4–7': 0, '8–12': 1, '13–16': 0, '17+': 0 });
    // BUD-005 sums every kid with a target, assistants included: 10 + 3 × 12 = 46.
    expect(m.targetCoverage).toEqual([{ id: 'constructor', assigned: 46, target: 40, ratio: 1.15 }]);
    expect(m.revenueTarget).toBe(40);
  });

  it('counts an assistant without an in-scope manager as a layer and a span member', () => {
    const doc = makeDoc([
      { id: 'gm', title: 'GM', level: 6, external: true },
      { id: 'top', title: 'Top', level: 5, reportsTo: 'gm', assistant: true },
      { id: 'kid', title: 'Kid', level: 2, reportsTo: 'top', headcount: 17 },
    ]);
    const m = computeMetrics(doc);
    expect(m.layers).toBe(2);
    expect(m.spans).toEqual([{ id: 'top', span: 17 }]);
    expect(histogram(m)['17+']).toBe(1);
  });

  it('gives a null ratio to a manager without its own target', () => {
    const doc = makeDoc([
      { id: 'lead', title: 'Lead', level: 4, revenueTarget: 0 },
      { id: 'am', title: 'AM', level: 2, reportsTo: 'lead', revenueTarget: 7, headcount: 2 },
      { id: 'am0', title: 'AM', level: 2, reportsTo: 'lead', revenueTarget: 0 },
    ]);
    expect(computeMetrics(doc).targetCoverage).toEqual([{ id: 'lead', assigned: 14, target: null, ratio: null }]);
  });
});

describe('personnel budgets', () => {
  it('sums separate top-level budgets and skips nested and external ones', () => {
    const doc = makeDoc([
      { id: 'hq', title: 'HQ', level: 7, external: true, budgets: [{ id: 'HQ-P', kind: 'personnel', amount: 1000 }] },
      { id: 'head', title: 'Head', level: 5, reportsTo: 'hq', budgets: [{ id: 'P', kind: 'personnel', amount: 100 }] },
      // Implicit parent P (nearest ancestor's same-kind budget): nested.
      { id: 'lead', title: 'Lead', level: 4, reportsTo: 'head', budgets: [{ id: 'PL', kind: 'personnel', amount: 40 }] },
      // Explicit parent on an external role: not nested in the department.
      { id: 'lead2', title: 'Lead 2', level: 4, reportsTo: 'head', budgets: [{ id: 'PL2', kind: 'personnel', amount: 30, parent: 'HQ-P' }] },
      // Explicit parent of another kind: not nested under a personnel budget.
      { id: 'lead3', title: 'Lead 3', level: 4, reportsTo: 'head', budgets: [{ id: 'OP', kind: 'operating', amount: 1 }, { id: 'PL3', kind: 'personnel', amount: 20, parent: 'OP' }] },
      // Explicit parent naming no budget: top-level.
      { id: 'lead4', title: 'Lead 4', level: 4, reportsTo: 'head', budgets: [{ id: 'PL4', kind: 'personnel', amount: 8, parent: 'NOPE' }] },
      // Explicit personnel parent below: nested, wherever it is.
      { id: 'am', title: 'AM', level: 2, reportsTo: 'lead4', budgets: [{ id: 'PA', kind: 'personnel', amount: 2, parent: 'PL' }] },
      // A second hierarchy with its own budget.
      { id: 'loose', title: 'Loose', level: 4, budgets: [{ id: 'PX', kind: 'personnel', amount: 5 }] },
    ]);
    expect(computeMetrics(doc).personnelBudget).toBe(100 + 30 + 20 + 8 + 5);
  });

  it('passes over roles without budgets on the way up', () => {
    const doc = makeDoc([
      { id: 'head', title: 'Head', level: 5, budgets: [{ id: 'P', kind: 'personnel', amount: 100 }] },
      { id: 'lead', title: 'Lead', level: 4, reportsTo: 'head' },
      { id: 'sam', title: 'SAM', level: 3, reportsTo: 'lead', budgets: [{ id: 'PS', kind: 'personnel', amount: 10 }] },
      { id: 'sam2', title: 'SAM', level: 3, reportsTo: 'lead', budgets: [{ id: 'PS2', kind: 'personnel', amount: 10 }] },
    ]);
    expect(computeMetrics(doc).personnelBudget).toBe(100);
  });
});

describe('load factor and loaded cost', () => {
  const role = makeDoc([{ id: 'r', title: 'R', level: 2, headcount: 3, salary: { min: 100, max: 300, bonusPct: 10 } }]).roles[0]!;

  it('computes loaded(r)', () => {
    expect(loadedCost(role, 1.3)).toBeCloseTo(3 * 200 * 1.1 * 1.3, 9);
    const bare = makeDoc([{ id: 'r', title: 'R', level: 2 }]).roles[0]!;
    expect(loadedCost(bare, 1.3)).toBe(0);
  });

  it('reads a positive BUD-004 loadFactor and ignores anything else', () => {
    const withFactor = (value: unknown): number =>
      loadFactorOf(makeDoc([], { 'BUD-004': { params: { loadFactor: value } } }));
    expect(withFactor(1.5)).toBe(1.5);
    expect(withFactor(0)).toBe(1.3);
    expect(withFactor(-2)).toBe(1.3);
    expect(withFactor('2')).toBe(1.3);
    expect(loadFactorOf(makeDoc([], { 'BUD-004': { enabled: false } }))).toBe(1.3);
    const doc = makeDoc([{ id: 'r', title: 'R', level: 2, salary: { min: 100, max: 100 } }], { 'BUD-004': { params: { loadFactor: 2 } } });
    expect(computeMetrics(doc).loadedCost).toBe(200);
  });
});

describe('spanBucket', () => {
  it('puts each span in its bucket', () => {
    const cases: [number, string | null][] = [
      [0, null], [1, '1'], [2, '2–3'], [3, '2–3'], [4, '4–7'], [7, '4–7'], [8, '8–12'], [12, '8–12'],
      [13, '13–16'], [16, '13–16'], [17, '17+'], [400, '17+'],
    ];
    for (const [span, bucket] of cases) expect(spanBucket(span)).toBe(bucket);
  });
});

// Timing targets (10,000 roles in ≤ 5 ms) are read from `npm run bench`, not asserted here;
// these guards only catch quadratic behaviour, with bounds far above linear time.
describe('linear time', () => {
  it('handles a 10,000-role tree', () => {
    const roles: RoleInput[] = [{ id: 'r0', title: 'Head', level: 8, salary: { min: 1, max: 2 }, budgets: [{ id: 'B0', kind: 'personnel', amount: 1e9 }] }];
    for (let i = 1; i < 10_000; i++) {
      roles.push({
        id: `r${i}`, title: `Role ${i}`, level: 1, reportsTo: `r${Math.floor((i - 1) / 7)}`,
        salary: { min: 100, max: 200, bonusPct: 5 }, revenueTarget: 10,
        budgets: i % 50 === 0 ? [{ id: `B${i}`, kind: 'personnel', amount: 100 }] : [],
      });
    }
    const doc = makeDoc(roles);
    const index = buildTreeIndex(doc);
    const t0 = performance.now();
    const m = computeMetrics(doc, index);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(m.headcount).toBe(10_000);
    expect(m.layers).toBe(6);
    expect(m.personnelBudget).toBe(1e9);
    expect(m.managers).toBe(Math.ceil(9_999 / 7));
  });

  it('handles a 40,000-role reporting cycle with one personnel budget', () => {
    const roles: RoleInput[] = [];
    for (let i = 0; i < 40_000; i++) {
      const budgets = i === 0 ? [{ id: 'P0', kind: 'personnel' as const, amount: 1 }] : [];
      roles.push({ id: `c${i}`, title: 'C', level: 2, reportsTo: `c${(i + 1) % 40_000}`, budgets });
    }
    const doc = makeDoc(roles);
    const t0 = performance.now();
    const m = computeMetrics(doc);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(m.layers).toBe(0);
    // The walk from c0's manager goes round the whole cycle back to c0: no parent.
    expect(m.personnelBudget).toBe(1);
  });
});
