/** DEC-009: a vacant role holds decide rights (rules.md, "Decision authority"). */
import type { DecisionArea } from '../../schema/v1.ts';
import { defineRule } from '../define.ts';
import { RIGHT_CODES, areaAt } from '../rights.ts';

const { DECIDE } = RIGHT_CODES;

export const DEC_009 = defineRule({
  id: 'DEC-009',
  family: 'decision',
  title: 'No decisions held by a vacant role',
  why: 'A decision held by an empty position has nobody to make it; name an acting holder until the position is filled.',
  practice: 'One accountable owner per cost center; acting holders for vacancies',
  severities: ['warning'],
  messages: {
    vacant: '{role} is vacant but decides {areas}. Name an acting holder until the position is filled.',
  },
  check(ctx, report) {
    const t = ctx.rights;
    let i = 0;
    while (i < t.count) {
      const h = t.holder[i]!;
      let end = i;
      let decides = false;
      while (end < t.count && t.holder[end] === h) decides = t.authority[end++] === DECIDE || decides;
      if (decides && ctx.vacant(h)) {
        const areas = new Set<DecisionArea>(); // each area once, in the order the role lists them
        for (let k = i; k < end; k++) if (t.authority[k] === DECIDE) areas.add(areaAt(t.area[k]!));
        const id = ctx.roles[h]!.id;
        report('vacant', 'warning', [id], { role: { role: id }, areas: { list: [...areas].map((value) => ({ term: 'area', value }) as const) } });
      }
      i = end;
    }
  },
});
