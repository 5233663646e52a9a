/** STR-007: one head of account management at the top, with partner lines to each partner function (rules.md, "Structure"). */
import { FUNCTIONS } from '../../schema/constants.ts';
import type { RoleFunction } from '../../schema/v1.ts';
import { FAMILY } from '../columns.ts';
import { defineRule } from '../define.ts';
import { listOf, oneOf, param } from '../param.ts';
import { QUOTES } from '../sources.ts';

export const STR_007 = defineRule({
  id: 'STR-007',
  family: 'structure',
  title: 'One head with cross-functional partners',
  why: 'The department is led by one Head of Account Management, who works with product, marketing and operations; missing partner lines leave client needs without a channel.',
  quotes: [QUOTES.buildTeam, QUOTES.crossFunctional],
  severities: ['warning', 'info'],
  params: { partnerFunctions: param(listOf(oneOf(FUNCTIONS)), ['product', 'marketing', 'operations']) },
  messages: {
    noHead: 'The department has no Head of Account Management (a role of family head-am). Add one, or set the family of the top role.',
    secondHead: '{role} is a second Head of Account Management besides {head}. Keep one head; make the other a lead or a deputy of another family.',
    topNotHead: 'The top of the department, {role}, is not a Head of Account Management (family {family}).',
    noPartner: '{role} has no partner dotted line with {function}. Add a partner line with the {function} lead the department works with.',
  },
  check(ctx, report, { partnerFunctions }) {
    const { roles } = ctx;
    const root = ctx.root;
    const heads: number[] = [];
    const { external, family } = ctx;
    for (let r = 0; r < ctx.n; r++) if (!external[r] && family[r] === FAMILY['head-am']) heads.push(r);
    if (heads.length === 0 && ctx.inScopeCount > 0) report('noHead', 'warning', root >= 0 ? [roles[root]!.id] : [], {});
    // The head is root when root is a head-am, else the first head-am in the document.
    const head = heads.length === 0 ? -1 : root >= 0 && roles[root]!.family === 'head-am' ? root : heads[0]!;
    for (const h of heads) {
      if (h === head) continue;
      report('secondHead', 'warning', [roles[h]!.id], { role: { role: roles[h]!.id }, head: { role: roles[head]!.id } });
    }
    if (root >= 0 && roles[root]!.family !== 'head-am') {
      const top = roles[root]!;
      report('topNotHead', 'info', [top.id], { role: { role: top.id }, family: { term: 'family', value: top.family } });
    }
    if (head < 0) return;
    const headId = roles[head]!.id;
    const partnered = new Set<RoleFunction>();
    for (const r of ctx.withLines) {
      for (const line of roles[r]!.dottedLines) {
        if (line.kind !== 'partner') continue;
        if (r === head) {
          const t = ctx.index.roleIndex(line.to);
          if (t !== undefined && t !== head) partnered.add(roles[t]!.function);
        } else if (line.to === headId) {
          partnered.add(roles[r]!.function);
        }
      }
    }
    for (const fn of new Set(partnerFunctions)) {
      if (partnered.has(fn)) continue;
      report('noPartner', 'warning', [headId], { role: { role: headId }, function: { term: 'function', value: fn } });
    }
  },
});
