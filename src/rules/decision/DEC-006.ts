/** DEC-006: escalation leads somewhere: not only to oneself, not to an equal limit (rules.md, "Decision authority"). */
import { defineRule } from '../define.ts';
import { eq9 } from '../numbers.ts';
import { AREA_INDEX, RIGHT_CODES, areaAt, rightAt } from '../rights.ts';
import { QUOTES } from '../sources.ts';
import { pairRoles } from './shared.ts';

const { NO_LIMIT } = RIGHT_CODES;

export const DEC_006 = defineRule({
  id: 'DEC-006',
  family: 'decision',
  title: 'Escalations lead somewhere',
  why: 'Resolving escalations is a core job of management; an escalation that goes nowhere, or to someone with the same limit, gains nothing for the client.',
  quotes: [QUOTES.escalations],
  severities: ['warning'],
  messages: {
    alone: '{role} handles client escalations alone: nobody above holds the decision. Give their manager (or the head) a team decide right on client escalations.',
    sameLimit: 'On {area}, {lower} escalates to {higher}, who has the same limit ({limit}); escalating gains nothing. Raise the limit above, or lower the one below.',
  },
  check(ctx, report) {
    const t = ctx.rights;
    const { limitKind, limitValue } = t;
    const model = ctx.decisionModel;
    for (const u of model[AREA_INDEX.get('client-escalation')!]!.selfOnly) {
      const id = ctx.roles[u]!.id;
      report('alone', 'warning', [id], { role: { role: id } });
    }
    for (const m of model) {
      const { pairs } = m;
      for (let k = 0; k < pairs.length; k += 2) {
        const c = pairs[k]!;
        const p = pairs[k + 1]!;
        if (limitKind[c] === NO_LIMIT || limitKind[c] !== limitKind[p] || !eq9(limitValue[c]!, limitValue[p]!)) continue;
        const child = t.holder[c]!;
        const parent = t.holder[p]!;
        report('sameLimit', 'warning', pairRoles(ctx, child, parent), {
          area: { term: 'area', value: areaAt(m.area) },
          lower: { role: ctx.roles[child]!.id },
          higher: { role: ctx.roles[parent]!.id },
          limit: { limit: rightAt(ctx, c).limit ?? null },
        });
      }
    }
  },
});
