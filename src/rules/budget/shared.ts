/** What the budget rules share: budgets by place (BUD-001, BUD-002), the budget hierarchy (BUD-002) and the practices they cite. */
import { BUDGET_KINDS } from '../../schema/constants.ts';
import type { Budget, BudgetKind } from '../../schema/v1.ts';
import type { RuleContext } from '../context.ts';

export const NONE = -1;

export const BUDGET_PRACTICE = 'Budget hierarchy consistency (SAP, PeopleSoft); loaded cost = base × on-cost + variable (ChartHop)';
export const REVENUE_PRACTICE = 'Quota over-assignment practice (10–20% normal, 50% a concern)';

/** Budgets are told apart by their place (role, index), never by id. */
export interface Places {
  readonly owner: readonly number[];
  readonly budget: readonly Budget[];
  /** First place of each budget id, in document order. */
  readonly firstById: ReadonlyMap<string, number>;
}

const placesCache = new WeakMap<RuleContext, Places>();

/** Every budget place of the document, in document order (built once per check). */
export function placesOf(ctx: RuleContext): Places {
  let places = placesCache.get(ctx);
  if (places) return places;
  const owner: number[] = [];
  const budget: Budget[] = [];
  const firstById = new Map<string, number>();
  for (const r of ctx.withBudgets) {
    for (const b of ctx.roles[r]!.budgets) {
      if (!firstById.has(b.id)) firstById.set(b.id, budget.length);
      owner.push(r);
      budget.push(b);
    }
  }
  placesCache.set(ctx, (places = { owner, budget, firstById }));
  return places;
}

/** The parent place of every budget place (explicit or implicit), -1 when none; -2 for an explicit parent naming no other budget. */
export function parentsOf(ctx: RuleContext, places: Places): Int32Array {
  const { owner, budget, firstById } = places;
  const parent = new Int32Array(budget.length).fill(NONE);
  // The first budget of each kind on each in-scope role, and the nearest such owner up the walk.
  const firstOfKind = new Map<BudgetKind, Int32Array>();
  const nearest = new Map<BudgetKind, Int32Array>();
  for (let q = 0; q < budget.length; q++) {
    const b = budget[q]!;
    const r = owner[q]!;
    if (b.parent !== undefined || ctx.external[r]) continue;
    if (!firstOfKind.has(b.kind)) firstOfKind.set(b.kind, new Int32Array(ctx.n).fill(NONE));
  }
  for (let q = 0; q < budget.length; q++) {
    const first = firstOfKind.get(budget[q]!.kind);
    const r = owner[q]!;
    if (first && !ctx.external[r] && first[r] === NONE) first[r] = q;
  }
  for (const kind of BUDGET_KINDS) {
    const first = firstOfKind.get(kind);
    if (!first) continue;
    const has = new Uint8Array(ctx.n);
    for (let q = 0; q < budget.length; q++) if (first[owner[q]!] === q) has[owner[q]!] = 1;
    nearest.set(kind, ctx.topology.nearestUp(has, new Int32Array(ctx.n)));
  }
  for (let q = 0; q < budget.length; q++) {
    const b = budget[q]!;
    if (b.parent !== undefined) {
      const p = firstById.get(b.parent);
      parent[q] = p === undefined || p === q ? -2 : p;
      continue;
    }
    const near = nearest.get(b.kind);
    if (!near) continue;
    const above = ctx.topology.strictAbove(near, owner[q]!);
    if (above !== NONE) parent[q] = firstOfKind.get(b.kind)![above]!;
  }
  return parent;
}
