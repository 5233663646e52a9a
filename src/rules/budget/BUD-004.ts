/** BUD-004: loaded headcount cost within each personnel budget (rules.md, "Budget ownership"). */
import type { RuleContext } from '../context.ts';
import { defineRule } from '../define.ts';
import { gt } from '../numbers.ts';
import { num, param } from '../param.ts';
import { QUOTES } from '../sources.ts';
import { BUDGET_PRACTICE, NONE } from './shared.ts';

export const BUD_004 = defineRule({
  id: 'BUD-004',
  family: 'budget',
  title: 'Headcount cost within the personnel budget',
  why: 'The loaded cost of the positions (salary, bonus and on-costs) must fit in the personnel budget that pays for them.',
  quotes: [QUOTES.budgets],
  practice: BUDGET_PRACTICE,
  severities: ['error', 'warning'],
  params: {
    loadFactor: param(num({ min: 0 }), 1.3),
    warnRatio: param(num({ min: 0 }), 1.0),
    errorRatio: param(num({ min: 0 }), 1.1),
  },
  messages: {
    over: 'The people under {role}\'s personnel budget of {budget} cost {cost} loaded ({share} of it). Raise the budget, or cut or re-grade positions.',
    overNoBudget: 'The people under {role}\'s personnel budget of {budget} cost {cost} loaded. Raise the budget, or cut or re-grade positions.',
  },
  check(ctx, report, { loadFactor, warnRatio, errorRatio }) {
    const { n, roles } = ctx;
    const personnel = new Float64Array(n);
    const isOwner = new Uint8Array(n);
    const owners: number[] = [];
    for (const r of ctx.withBudgets) {
      for (const b of roles[r]!.budgets) {
        if (b.kind !== 'personnel') continue;
        if (!isOwner[r]) owners.push(r);
        isOwner[r] = 1;
        personnel[r]! += b.amount;
      }
    }
    if (owners.length === 0) return;
    // acc[r]: loaded cost of r and the roles below it up to (not through) other owners, whose budgets count instead.
    const acc = loadedCosts(ctx, loadFactor);
    const { below, loops } = ctx.topology;
    rollUp(ctx.index.preorder, ctx.index.treeParent, isOwner, personnel, acc);
    rollUp(below, ctx.index.treeParent, isOwner, personnel, acc);
    const cost = new Float64Array(n);
    for (const r of owners) cost[r] = acc[r]!;
    for (const loop of loops) {
      // Down a cycle is against reportsTo: from loop[j] to loop[j - 1], until the next owner.
      const len = loop.length;
      for (let j = 0; j < len; j++) {
        const h = loop[j]!;
        if (!isOwner[h]) continue;
        let total = acc[h]!;
        for (let step = 1; step < len; step++) {
          const c = loop[(j - step + len) % len]!;
          if (isOwner[c]) {
            total += personnel[c]!;
            break;
          }
          total += acc[c]!;
        }
        cost[h] = total;
      }
    }
    for (const h of owners) {
      const budget = personnel[h]!;
      const c = cost[h]!;
      const error = gt(c, budget * errorRatio);
      if (!error && !gt(c, budget * warnRatio)) continue;
      const id = roles[h]!.id;
      const data = { role: { role: id }, budget: { money: budget }, cost: { money: c } };
      if (budget > 0) report('over', error ? 'error' : 'warning', [id], { ...data, share: { percent: c / budget } });
      else report('overNoBudget', error ? 'error' : 'warning', [id], data);
    }
  },
});

/** The loaded cost of each in-scope role with a salary band: headcount × midpoint × (1 + bonus) × loadFactor. */
function loadedCosts(ctx: RuleContext, loadFactor: number): Float64Array {
  const { external, hasSalary, headcount, salaryMin, salaryMax, bonusPct } = ctx;
  const acc = new Float64Array(ctx.n);
  for (let r = 0; r < ctx.n; r++) {
    if (external[r] || !hasSalary[r]) continue;
    const bonus = bonusPct[r]!;
    acc[r] = headcount[r]! * ((salaryMin[r]! + salaryMax[r]!) / 2) * (1 + (Number.isNaN(bonus) ? 0 : bonus) / 100) * loadFactor;
  }
  return acc;
}

/** Adds each role's cost (its personnel budget for an owner) to its parent's, children before parents: `order` backwards. */
function rollUp(order: Int32Array, treeParent: Int32Array, isOwner: Uint8Array, personnel: Float64Array, acc: Float64Array): void {
  for (let k = order.length - 1; k >= 0; k--) {
    const r = order[k]!;
    const p = treeParent[r]!;
    if (p !== NONE) acc[p]! += isOwner[r] ? personnel[r]! : acc[r]!;
  }
}
