/** BUD-001: one owner per budget id; no budget on a vacant role (rules.md, "Budget ownership"). */
import { defineRule } from '../define.ts';
import { placesOf } from './shared.ts';

export const BUD_001 = defineRule({
  id: 'BUD-001',
  family: 'budget',
  title: 'One owner per budget',
  why: 'A budget with two owners, or an owner who is not there, has nobody accountable for it.',
  practice: 'One accountable owner per cost center; acting holders for vacancies',
  severities: ['error', 'warning'],
  messages: {
    repeated: '{role} lists budget {id} {count} times. Merge them into one budget.',
    shared: 'Budget {id} is owned by {owners}; a budget has one accountable owner. Keep it on one role, or split it into budgets with ids of their own.',
    vacant: 'Budget {id} is owned by {role}, which is vacant. Name an acting owner until the position is filled.',
  },
  check(ctx, report) {
    const { owner, budget, firstById } = placesOf(ctx);
    const extra = new Map<string, number[]>(); // id → every place, for ids used more than once
    for (let q = 0; q < budget.length; q++) {
      const id = budget[q]!.id;
      const first = firstById.get(id)!;
      if (first === q) continue;
      let list = extra.get(id);
      if (!list) extra.set(id, (list = [first]));
      list.push(q);
    }
    for (const [id, list] of extra) {
      const holders = [...new Set(list.map((q) => owner[q]!))].sort((a, b) => a - b);
      const ids = holders.map((h) => ctx.roles[h]!.id);
      if (ids.length === 1) report('repeated', 'error', ids, { role: { role: ids[0]! }, id, count: list.length });
      else report('shared', 'error', ids, { id, owners: { roles: ids } });
    }
    for (let q = 0; q < budget.length; q++) {
      const r = owner[q]!;
      if (!ctx.vacant(r)) continue;
      const id = ctx.roles[r]!.id;
      report('vacant', 'warning', [id], { id: budget[q]!.id, role: { role: id } });
    }
  },
});
