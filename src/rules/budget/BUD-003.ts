/** BUD-003: the budget kind fits the role; personnel budgets sit with managers and the head (rules.md, "Budget ownership"). */
import { BUDGET_KINDS, FAMILIES } from '../../schema/constants.ts';
import { defineRule } from '../define.ts';
import { either, listOf, mapOf, oneOf, param } from '../param.ts';
import { QUOTES } from '../sources.ts';
import { BUDGET_PRACTICE } from './shared.ts';

export const BUD_003 = defineRule({
  id: 'BUD-003',
  family: 'budget',
  title: 'Budgets fit the role',
  why: 'The head oversees department budgets; each kind of budget belongs with the role that spends it, and personnel budgets with the people\'s manager.',
  quotes: [QUOTES.budgets],
  practice: BUDGET_PRACTICE,
  severities: ['warning'],
  params: {
    allowedKinds: param(mapOf(FAMILIES, either(oneOf(['*']), listOf(oneOf(BUDGET_KINDS)))), {
      'head-am': '*',
      'am-lead': ['operating', 'client-programs', 'training'],
      'senior-am': ['client-programs'],
      am: ['client-programs'],
      'am-ops': ['tools', 'training'],
      other: '*',
    }),
  },
  messages: {
    kind: '{role} owns budget {id} ({kind}); {family} roles own {allowed} budgets. Move it to the role that spends it.',
    kindNone: '{role} owns budget {id} ({kind}); {family} roles own no budgets. Move it to the role that spends it.',
    personnel: '{role} owns a personnel budget ({id}) but has no reports. Personnel budgets belong to the manager of the people they pay.',
    rootPersonnel: '{role}, at the top, owns no personnel budget. Give the head the department\'s personnel budget.',
  },
  check(ctx, report, { allowedKinds }) {
    let rootPersonnel = false;
    for (const r of ctx.withBudgets) {
      const role = ctx.roles[r]!;
      const allowed = Object.hasOwn(allowedKinds, role.family) ? allowedKinds[role.family] : '*';
      for (const b of role.budgets) {
        if (b.kind === 'personnel' && r === ctx.root) rootPersonnel = true;
        if (allowed !== undefined && allowed !== '*' && !allowed.includes(b.kind)) {
          const data = { role: { role: role.id }, kind: { term: 'budgetKind', value: b.kind }, id: b.id, family: { term: 'family', value: role.family } } as const;
          if (allowed.length > 0) report('kind', 'warning', [role.id], { ...data, allowed: { list: allowed.map((k) => ({ term: 'budgetKind', value: k }) as const), max: 10 } });
          else report('kindNone', 'warning', [role.id], data);
        }
        if (b.kind === 'personnel' && ctx.kidCount[r] === 0) {
          report('personnel', 'warning', [role.id], { role: { role: role.id }, id: b.id });
        }
      }
    }
    if (ctx.withBudgets.length > 0 && !rootPersonnel && ctx.root >= 0) {
      const id = ctx.roles[ctx.root]!.id;
      report('rootPersonnel', 'warning', [id], { role: { role: id } });
    }
  },
});
