/** DEC-007: too many vetoes (agree holders) over one person's decisions (rules.md, "Decision authority"). */
import { defineRule } from '../define.ts';
import { agreeHoldersOverMax } from '../chains.ts';
import { num, param } from '../param.ts';
import { areaAt } from '../rights.ts';
import { NONE } from './shared.ts';

export const DEC_007 = defineRule({
  id: 'DEC-007',
  family: 'decision',
  title: 'Few vetoes per decision',
  why: 'Every agree right is a veto; when many people can block the same decision, decisions stall.',
  practice: 'Bain RAPID: "watch for a proliferation of A\'s"',
  severities: ['warning'],
  params: { maxAgree: param(num({ min: 0 }), 2) },
  messages: {
    tooMany: '{count|# role holds|# roles hold} a veto (agree) on {area} for {role}; at most {max} is workable. Vetoes over roles with too many are held by {holders}. Turn some into input.',
  },
  check(ctx, report, { maxAgree }) {
    for (const m of ctx.decisionModel) {
      if (m.agreeRole === NONE || !(m.agreeMax > maxAgree)) continue;
      const ids = agreeHoldersOverMax(ctx, m.area, maxAgree).map((h) => ctx.roles[h]!.id);
      report('tooMany', 'warning', ids, {
        count: m.agreeMax,
        area: { term: 'area', value: areaAt(m.area) },
        role: { role: ctx.roles[m.agreeRole]!.id },
        max: maxAgree,
        holders: { roles: ids },
      });
    }
  },
});
