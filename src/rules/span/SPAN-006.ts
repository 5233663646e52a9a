/** SPAN-006: portfolio load against capacity; a manager has less time for accounts (rules.md, "Span of control"). */
import { ACCOUNT_TIERS } from '../../schema/constants.ts';
import { defineRule } from '../define.ts';
import { gt } from '../numbers.ts';
import { num, param, recordOf } from '../param.ts';
import { QUOTES } from '../sources.ts';

export const COVERAGE = 'Account-coverage norms per tier (practitioner benchmarks, warnings only)';

export const SPAN_006 = defineRule({
  id: 'SPAN-006',
  family: 'span',
  title: 'Portfolio load within capacity',
  why: 'Each tier of account needs a certain amount of attention; a portfolio above capacity means clients get less than they need, and managers have only part of their time.',
  quotes: [QUOTES.portfolio],
  practice: COVERAGE,
  severities: ['error', 'warning'],
  params: {
    // Read by the rule context too: it fills every role's portfolio load (columns.ts).
    portfolioCap: param(recordOf(ACCOUNT_TIERS, num({ above: 0 })), { strategic: 6, enterprise: 30, 'mid-market': 100, smb: 300 }),
    managerCapacity: param(num({ min: 0 }), 0.5),
    loadWarn: param(num({ min: 0 }), 1.0),
    loadError: param(num({ min: 0 }), 1.5),
  },
  messages: {
    manager: '{role} carries a portfolio load of {load} ({mix} accounts per position); as a manager its capacity is {capacity}. Move accounts to others or add headcount.',
    individual: '{role} carries a portfolio load of {load} ({mix} accounts per position); its capacity is {capacity}. Move accounts to others or add headcount.',
    tier: '{count} {tier} (cap {cap})',
  },
  check(ctx, report, { portfolioCap, managerCapacity, loadWarn, loadError }) {
    const { external, accountCount, kidCount, portfolioLoad } = ctx;
    for (let r = 0; r < ctx.n; r++) {
      if (external[r] || !(accountCount[r]! > 0)) continue;
      const load = portfolioLoad[r]!;
      const manages = kidCount[r]! > 0;
      const capacity = manages ? managerCapacity : 1;
      const error = gt(load, capacity * loadError);
      if (!error && !gt(load, capacity * loadWarn)) continue;
      const role = ctx.roles[r]!;
      const mix = role.accounts.filter((a) => a.count > 0).map((a) => ({ message: 'tier', data: { count: a.count, tier: { term: 'tier', value: a.tier }, cap: portfolioCap[a.tier] } }) as const);
      report(manages ? 'manager' : 'individual', error ? 'error' : 'warning', [role.id], { role: { role: role.id }, load: { percent: load }, mix: { list: mix, max: Infinity }, capacity: { percent: capacity } });
    }
  },
});
