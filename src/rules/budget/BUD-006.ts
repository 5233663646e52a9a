/** BUD-006: account managers with a target own accounts, and the other way round (rules.md, "Budget ownership"). */
import { FAMILY } from '../columns.ts';
import { defineRule } from '../define.ts';
import { QUOTES } from '../sources.ts';
import { REVENUE_PRACTICE } from './shared.ts';

export const BUD_006 = defineRule({
  id: 'BUD-006',
  family: 'budget',
  title: 'Targets and accounts go together',
  why: 'An account manager\'s revenue target comes from their accounts: a target without accounts, or accounts without a target, is a gap in the plan.',
  quotes: [QUOTES.revenueGoals],
  practice: REVENUE_PRACTICE,
  severities: ['warning'],
  messages: {
    noAccounts: '{role} has a revenue target but no accounts. Assign the accounts the target comes from.',
    noTarget: '{role} owns accounts but has no revenue target. Set a target for the portfolio.',
  },
  check(ctx, report) {
    const { external, family, revenueTarget, accountCount } = ctx;
    for (let r = 0; r < ctx.n; r++) {
      if (external[r] || (family[r] !== FAMILY['senior-am'] && family[r] !== FAMILY.am)) continue;
      const hasTarget = revenueTarget[r]! > 0;
      const hasAccounts = accountCount[r]! > 0;
      if (hasTarget === hasAccounts) continue;
      const id = ctx.roles[r]!.id;
      report(hasTarget ? 'noAccounts' : 'noTarget', 'warning', [id], { role: { role: id } });
    }
  },
});
