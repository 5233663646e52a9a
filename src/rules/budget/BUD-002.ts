/** BUD-002: explicit parents exist and child budgets fit in their parent (rules.md, "Budget ownership"). */
import { defineRule } from '../define.ts';
import { gt } from '../numbers.ts';
import { num, param } from '../param.ts';
import { QUOTES } from '../sources.ts';
import { BUDGET_PRACTICE, NONE, parentsOf, placesOf } from './shared.ts';

export const BUD_002 = defineRule({
  id: 'BUD-002',
  family: 'budget',
  title: 'Budgets roll up',
  why: 'Budgets handed down the line must fit inside the budget they come from; otherwise the department plans to spend more than it has.',
  quotes: [QUOTES.budgets],
  practice: BUDGET_PRACTICE,
  severities: ['error'],
  params: { tolerance: param(num({ min: -1 }), 0) },
  messages: {
    parentSelf: 'Budget {id} of {role} names itself as its parent. Choose an existing parent budget, or clear the parent.',
    parentMissing: 'Budget {id} of {role} names "{parent}" as its parent, which is not a budget in this document. Choose an existing parent budget, or clear the parent.',
    over: 'Budget {id} of {role} is {amount}, but the budgets under it ({children}) add up to {sum}. Raise the parent budget or cut the ones under it.',
  },
  check(ctx, report, { tolerance }) {
    const places = placesOf(ctx);
    const { owner, budget } = places;
    const parent = parentsOf(ctx, places);
    const children = new Map<number, number[]>();
    for (let q = 0; q < budget.length; q++) {
      const p = parent[q]!;
      if (p === -2) {
        const b = budget[q]!;
        const id = ctx.roles[owner[q]!]!.id;
        if (b.parent === b.id) report('parentSelf', 'error', [id], { id: b.id, role: { role: id } });
        else report('parentMissing', 'error', [id], { id: b.id, role: { role: id }, parent: b.parent ?? '' });
        continue;
      }
      if (p === NONE) continue;
      let list = children.get(p);
      if (!list) children.set(p, (list = []));
      list.push(q);
    }
    for (let p = 0; p < budget.length; p++) {
      const kids = children.get(p);
      if (!kids) continue;
      let sum = 0;
      for (const q of kids) sum += budget[q]!.amount;
      const amount = budget[p]!.amount;
      if (!gt(sum, amount * (1 + tolerance))) continue;
      const holders = [...new Set(kids.map((q) => owner[q]!))].filter((h) => h !== owner[p]).sort((a, b) => a - b);
      const id = ctx.roles[owner[p]!]!.id;
      report('over', 'error', [id, ...holders.map((h) => ctx.roles[h]!.id)], {
        id: budget[p]!.id,
        role: { role: id },
        amount: { money: amount },
        children: { list: kids.map((q) => budget[q]!.id), max: Infinity },
        sum: { money: sum },
      });
    }
  },
});
