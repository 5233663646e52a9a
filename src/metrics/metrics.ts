/**
 * Org metrics for the Metrics panel (ui.md): headcount, layers, spans, loaded cost
 * against the personnel budget, and revenue target coverage. Pure and total: cycles,
 * dangling references and empty documents give figures, never an exception. Every
 * pass is linear in roles + budgets; the tree comes from `buildTreeIndex`.
 *
 * Terms follow rules.md ("Terms"); docs/metrics.md explains each figure and the
 * choices made where the spec leaves room.
 */
import type { Budget, OrgDocument, Role } from '../schema/v1.ts';
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';

/** The span buckets of the histogram, in order (OrgVue's buckets; en dashes). */
export const SPAN_BUCKETS = ['1', '2–3', '4–7', '8–12', '13–16', '17+'] as const;
export type SpanBucketLabel = (typeof SPAN_BUCKETS)[number];

/** BUD-004's default on-cost multiplier (rules.md, "Default parameters"). */
export const DEFAULT_LOAD_FACTOR = 1.3;

export interface ManagerSpan {
  readonly id: string;
  readonly span: number;
}

export interface SpanBucket {
  readonly bucket: SpanBucketLabel;
  readonly count: number;
}

export interface TargetCoverage {
  /** The manager. */
  readonly id: string;
  /** S: Σ kid target × kid headcount over the kids that have a target. */
  readonly assigned: number;
  /** T: the manager's own (team) target, null when it has none. */
  readonly target: number | null;
  /** S / T, null without T. */
  readonly ratio: number | null;
}

export interface OrgMetrics {
  /** N: Σ headcount over in-scope roles. */
  readonly headcount: number;
  /** Σ min(vacancies, headcount) over in-scope roles. */
  readonly vacancies: number;
  /** In-scope roles (nodes, not positions). */
  readonly roleCount: number;
  /** L: the largest depth of a non-assistant role; 0 when no role has a depth. */
  readonly layers: number;
  /** In-scope roles with span > 0. */
  readonly managers: number;
  /** Mean span over managers; null when there is no manager. */
  readonly averageSpan: number | null;
  /** Span of each manager, in document order. */
  readonly spans: readonly ManagerSpan[];
  /** Managers per span bucket, every bucket present, in SPAN_BUCKETS order. */
  readonly spanHistogram: readonly SpanBucket[];
  /** The on-cost multiplier used for `loadedCost`. */
  readonly loadFactor: number;
  /** Σ loaded(r) over in-scope roles. */
  readonly loadedCost: number;
  /** Σ amount of the in-scope personnel budgets not nested under another in-scope personnel budget. */
  readonly personnelBudget: number;
  /** loadedCost / personnelBudget; null when the budget is 0. */
  readonly costBudgetRatio: number | null;
  /** One entry per in-scope manager with at least one kid that has a target, in document order. */
  readonly targetCoverage: readonly TargetCoverage[];
  /** The root's revenue target × its headcount; null without a root or a target. */
  readonly revenueTarget: number | null;
  /** The root's id (rules.md), null when there is no top role. */
  readonly rootId: string | null;
}

/** The bucket a span falls in (spans below 1 belong to no bucket). */
export function spanBucket(span: number): SpanBucketLabel | null {
  if (!(span >= 1)) return null;
  if (span < 2) return '1';
  if (span < 4) return '2–3';
  if (span < 8) return '4–7';
  if (span < 13) return '8–12';
  if (span < 17) return '13–16';
  return '17+';
}

/** BUD-004's `loadFactor` from the document settings when it is a positive number, else 1.3. */
export function loadFactorOf(doc: OrgDocument): number {
  const rules = doc.settings.rules;
  if (!Object.hasOwn(rules, 'BUD-004')) return DEFAULT_LOAD_FACTOR;
  const params = rules['BUD-004']?.params;
  if (!params || !Object.hasOwn(params, 'loadFactor')) return DEFAULT_LOAD_FACTOR;
  const value = params.loadFactor;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_LOAD_FACTOR;
}

/** loaded(r) = headcount × (min + max) / 2 × (1 + bonusPct / 100) × loadFactor; 0 without a salary. */
export function loadedCost(role: Role, loadFactor: number): number {
  const s = role.salary;
  if (!s) return 0;
  return role.headcount * ((s.min + s.max) / 2) * (1 + (s.bonusPct ?? 0) / 100) * loadFactor;
}

const isPersonnel = (b: Budget): boolean => b.kind === 'personnel';

/** Computes every figure of the Metrics panel in one linear pass over the document. */
export function computeMetrics(doc: OrgDocument, index: TreeIndex = buildTreeIndex(doc)): OrgMetrics {
  const roles = index.roles;
  const n = roles.length;
  const managerOf = index.managerOf;
  const depth = index.depth;
  const inScope = index.inScope;
  // span(r) and assistant(c) are the tree index's (model/facts.ts).
  const { span, assistant } = index;
  const loadFactor = loadFactorOf(doc);

  let headcount = 0;
  let vacancies = 0;
  let roleCount = 0;
  let layers = 0;
  let loaded = 0;
  // Owners of personnel budgets, found in the same pass (each property is read once per role).
  const personnelOwners: number[] = [];
  // S(r) accumulated from the kids' side: one pass, no kid lists needed.
  const assigned = new Float64Array(n);
  const hasTargetKid = new Uint8Array(n);

  for (let i = 0; i < n; i++) {
    if (!inScope(i)) continue;
    const r = roles[i]!;
    roleCount++;
    const hc = r.headcount;
    headcount += hc;
    vacancies += r.vacancies < hc ? r.vacancies : hc;
    const salary = r.salary;
    if (salary !== undefined) loaded += hc * ((salary.min + salary.max) / 2) * (1 + (salary.bonusPct ?? 0) / 100) * loadFactor;
    const budgets = r.budgets;
    if (budgets.length > 0 && budgets.some(isPersonnel)) personnelOwners.push(i);
    if (!assistant[i] && depth[i]! > layers) layers = depth[i]!;
    const m = managerOf[i]!;
    if (m === -1 || !inScope(m)) continue;
    // BUD-005 sums every kid with a target, assistants included.
    const target = r.revenueTarget;
    if (target !== undefined && target > 0) {
      hasTargetKid[m] = 1;
      assigned[m]! += target * hc;
    }
  }

  const spans: ManagerSpan[] = [];
  const bucketCounts = [0, 0, 0, 0, 0, 0];
  const targetCoverage: TargetCoverage[] = [];
  let spanSum = 0;
  for (let i = 0; i < n; i++) {
    const s = span[i]!;
    // Only in-scope roles have entries: kids of an external role add to nothing here.
    if (s > 0 && inScope(i)) {
      spans.push({ id: roles[i]!.id, span: s });
      spanSum += s;
      const b = spanBucket(s);
      if (b) bucketCounts[SPAN_BUCKETS.indexOf(b)]!++;
    }
    if (hasTargetKid[i] && inScope(i)) {
      const own = roles[i]!.revenueTarget ?? 0;
      const target = own > 0 ? own : null;
      targetCoverage.push({ id: roles[i]!.id, assigned: assigned[i]!, target, ratio: target === null ? null : assigned[i]! / target });
    }
  }

  const personnelBudget = personnelOwners.length > 0 ? totalPersonnelBudget(index, personnelOwners) : 0;
  const rootRole = index.root === -1 ? undefined : roles[index.root];
  const rootTarget = rootRole?.revenueTarget ?? 0;

  return {
    headcount,
    vacancies,
    roleCount,
    layers,
    managers: spans.length,
    averageSpan: spans.length > 0 ? spanSum / spans.length : null,
    spans,
    spanHistogram: SPAN_BUCKETS.map((bucket, k) => ({ bucket, count: bucketCounts[k]! })),
    loadFactor,
    loadedCost: loaded,
    personnelBudget,
    costBudgetRatio: personnelBudget > 0 ? loaded / personnelBudget : null,
    targetCoverage,
    revenueTarget: rootRole && rootTarget > 0 ? rootTarget * rootRole.headcount : null,
    rootId: rootRole ? rootRole.id : null,
  };
}

/**
 * The department's personnel budget: Σ amount of the personnel budgets of in-scope
 * roles whose parent budget (explicit `parent`, else the implicit parent of rules.md)
 * is not an in-scope personnel budget. Nested budgets are parts of their parent, so
 * adding them would count money twice; in the usual design this is the root's budget.
 */
function totalPersonnelBudget(index: TreeIndex, owners: readonly number[]): number {
  const roles = index.roles;
  const n = roles.length;
  const ownsPersonnel = new Uint8Array(n);
  const wanted = new Set<string>();
  for (const i of owners) {
    ownsPersonnel[i] = 1;
    for (const b of roles[i]!.budgets) if (b.kind === 'personnel' && b.parent !== undefined) wanted.add(b.parent);
  }
  // The first budget with each explicitly named id, in document order (format.md).
  const firstBudget = new Map<string, { role: number; personnel: boolean }>();
  if (wanted.size > 0) {
    for (let i = 0; i < n; i++) {
      for (const b of roles[i]!.budgets) {
        if (wanted.has(b.id) && !firstBudget.has(b.id)) firstBudget.set(b.id, { role: i, personnel: b.kind === 'personnel' });
      }
    }
  }

  const nearest = nearestOwnerAtOrAbove(index, ownsPersonnel);
  let total = 0;
  for (const i of owners) {
    const m = index.managerOf[i]!;
    const above = m === -1 ? -1 : nearest(m);
    // Walking up a cycle can come back to the owner: up-walk stops there, so no parent.
    const implicitParent = above !== i ? above : -1;
    for (const b of roles[i]!.budgets) {
      if (b.kind !== 'personnel') continue;
      let nested: boolean;
      if (b.parent !== undefined) {
        const p = firstBudget.get(b.parent);
        // A parent id naming this very budget (its first occurrence) is no parent.
        const self = p !== undefined && p.role === i && b.parent === b.id;
        nested = p !== undefined && !self && p.personnel && !roles[p.role]!.external;
      } else {
        nested = implicitParent !== -1;
      }
      if (!nested) total += b.amount;
    }
  }
  return total;
}

/**
 * For each in-scope role r, the nearest role at or above r along up-walk(r), among
 * in-scope roles, that owns a personnel budget (-1 when none). Memoized path
 * compression, so all queries together are linear even on cycles.
 */
function nearestOwnerAtOrAbove(index: TreeIndex, owns: Uint8Array): (r: number) => number {
  const n = index.roles.length;
  const UNKNOWN = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(n);
  const memo = new Int32Array(n).fill(-1);
  const path: number[] = [];
  return (start: number): number => {
    let cur = start;
    while (cur !== -1 && index.inScope(cur) && state[cur] === UNKNOWN && !owns[cur]) {
      state[cur] = ON_PATH;
      path.push(cur);
      cur = index.managerOf[cur]!;
    }
    let result: number;
    if (cur === -1 || !index.inScope(cur)) result = -1;
    else if (state[cur] === DONE) result = memo[cur]!;
    else if (owns[cur]) result = cur;
    else result = -1; // back on the current path: a cycle without an owner
    for (const r of path) {
      state[r] = DONE;
      memo[r] = result;
    }
    path.length = 0;
    return result;
  };
}
