/** DEC-005: nobody delegates more than they hold (rules.md, "Decision authority"). */
import { defineRule } from '../define.ts';
import { gt } from '../numbers.ts';
import { RIGHT_CODES, areaAt, rightAt } from '../rights.ts';
import { pairRoles } from './shared.ts';

const { NO_LIMIT } = RIGHT_CODES;

export const DEC_005 = defineRule({
  id: 'DEC-005',
  family: 'decision',
  title: 'No delegation beyond the delegator',
  why: 'Nobody can delegate more authority than they hold: a limit that grows down the line means a junior can approve what their manager cannot.',
  practice: 'Delegation of authority: no one delegates more authority than they hold',
  severities: ['error'],
  messages: {
    beyond: 'On {area}, {lower} may decide {lowerLimit}, more than {higher} above ({higherLimit}). Lower the delegated limit to at most the one above.',
  },
  check(ctx, report) {
    const t = ctx.rights;
    const { limitKind, limitValue } = t;
    for (const m of ctx.decisionModel) {
      const { pairs } = m;
      for (let k = 0; k < pairs.length; k += 2) {
        const c = pairs[k]!;
        const p = pairs[k + 1]!;
        // A finding when the higher right has a limit and the lower one has none, or a greater one of the same kind.
        if (limitKind[p] === NO_LIMIT) continue;
        if (limitKind[c] !== NO_LIMIT && !(limitKind[c] === limitKind[p] && gt(limitValue[c]!, limitValue[p]!))) continue;
        const child = t.holder[c]!;
        const parent = t.holder[p]!;
        report('beyond', 'error', pairRoles(ctx, child, parent), {
          area: { term: 'area', value: areaAt(m.area) },
          lower: { role: ctx.roles[child]!.id },
          lowerLimit: { limit: rightAt(ctx, c).limit ?? null },
          higher: { role: ctx.roles[parent]!.id },
          higherLimit: { limit: rightAt(ctx, p).limit ?? null },
        });
      }
    }
  },
});
