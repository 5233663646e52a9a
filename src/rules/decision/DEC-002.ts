/** DEC-002: required decisions have an owner, for root and for every account owner (rules.md, "Decision authority"). */
import { DECISION_AREAS } from '../../schema/constants.ts';
import { defineRule } from '../define.ts';
import { listOf, oneOf, param } from '../param.ts';
import { areaAt, areaIndexes } from '../rights.ts';
import { QUOTES } from '../sources.ts';
import { NONE } from './shared.ts';

export const DEC_002 = defineRule({
  id: 'DEC-002',
  family: 'decision',
  title: 'Required decisions have an owner',
  why: 'The head decides department-wide goals, budgets and resources, and every account owner needs someone who decides pricing, contracts, assignment and escalations for their accounts.',
  quotes: [QUOTES.strategicAuthority],
  severities: ['error'],
  params: {
    requiredDepartmentAreas: param(listOf(oneOf(DECISION_AREAS)), ['account-strategy', 'target-setting', 'budget-allocation', 'headcount-hiring']),
    // Read by the decision model too (chains.ts): it finds the uncovered account owners of these areas only.
    requiredAccountAreas: param(listOf(oneOf(DECISION_AREAS)), ['account-assignment', 'pricing-discount', 'contract-negotiation', 'client-escalation']),
  },
  messages: {
    department: 'Nobody decides {area} for the department. Give {role} a decide right for it.',
    owner: 'Nobody decides {area} for {role}. Give them, or a manager above them, a decide right for it.',
    owners: 'Nobody decides {area} for {count|# account owner|# account owners} ({roles}). Give them, or a manager above them, a decide right for it.',
  },
  check(ctx, report, { requiredDepartmentAreas, requiredAccountAreas }) {
    const model = ctx.decisionModel;
    const root = ctx.root;
    if (root >= 0) {
      for (const a of areaIndexes(requiredDepartmentAreas)) {
        if (model[a]!.rootDecider !== NONE) continue;
        const id = ctx.roles[root]!.id;
        report('department', 'error', [id], { area: { term: 'area', value: areaAt(a) }, role: { role: id } });
      }
    }
    for (const a of areaIndexes(requiredAccountAreas)) {
      const uncovered = model[a]!.uncovered;
      if (uncovered.length === 0) continue;
      const ids = uncovered.map((u) => ctx.roles[u]!.id);
      const area = { term: 'area', value: areaAt(a) } as const;
      if (ids.length === 1) report('owner', 'error', ids, { area, role: { role: ids[0]! } });
      else report('owners', 'error', ids, { area, count: ids.length, roles: { roles: ids } });
    }
  },
});
