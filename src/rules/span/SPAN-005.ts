/** SPAN-005: a manager who also owns accounts should be a player-coach with a small team (rules.md, "Span of control"). */
import { defineRule } from '../define.ts';
import { num, param } from '../param.ts';
import { QUOTES } from '../sources.ts';

export const SPAN_005 = defineRule({
  id: 'SPAN-005',
  family: 'span',
  title: 'Managers who sell are player-coaches',
  why: 'A manager who also owns client accounts has less time to lead, so they should be a player-coach with a small team.',
  quotes: [QUOTES.cSuite],
  practice: 'Player-coach managers need lower spans (Alexander Group)',
  severities: ['warning'],
  params: { playerCoachMaxSpan: param(num(), 5) },
  messages: {
    notPlayerCoach: '{role} owns {accounts|# account|# accounts} and manages {span|# direct report|# direct reports} as a {archetype}. A manager who sells is a player-coach: hand the accounts to the team, or set the archetype to player-coach.',
    tooMany: '{role} owns {accounts|# account|# accounts} and manages {span|# direct report|# direct reports}; a player-coach should manage at most {max}. Hand over the accounts or split the team.',
  },
  check(ctx, report, { playerCoachMaxSpan }) {
    const { managers, span: spans, accountCount } = ctx;
    for (let k = 0; k < managers.length; k++) {
      const r = managers[k]!;
      const span = spans[r]!;
      const accounts = accountCount[r]!;
      if (!(accounts > 0)) continue;
      const id = ctx.roles[r]!.id;
      const archetype = ctx.archetype(r);
      if (archetype !== 'player-coach') report('notPlayerCoach', 'warning', [id], { role: { role: id }, accounts, span, archetype: { term: 'archetype', value: archetype } });
      if (span > playerCoachMaxSpan) report('tooMany', 'warning', [id], { role: { role: id }, accounts, span, max: playerCoachMaxSpan });
    }
  },
});
