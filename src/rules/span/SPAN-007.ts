/** SPAN-007: strategic accounts owned below the strategic minimum level (rules.md, "Span of control"). */
import { defineRule } from '../define.ts';
import { num, param } from '../param.ts';
import { QUOTES } from '../sources.ts';
import { COVERAGE } from './SPAN-006.ts';

export const SPAN_007 = defineRule({
  id: 'SPAN-007',
  family: 'span',
  title: 'Strategic accounts with senior people',
  why: 'Strategic clients expect senior counterparts; owners below the strategic level lack the standing and authority these accounts need.',
  quotes: [QUOTES.portfolio],
  practice: COVERAGE,
  severities: ['warning'],
  params: { strategicMinLevel: param(num(), 3) },
  messages: {
    tooJunior: '{role} (level {level}) owns {count|# strategic account|# strategic accounts}; strategic accounts need level {min} or above. Move them to a Senior AM or a lead.',
  },
  check(ctx, report, { strategicMinLevel }) {
    const { external, level, strategicCount } = ctx;
    for (let r = 0; r < ctx.n; r++) {
      if (external[r] || !(level[r]! < strategicMinLevel) || strategicCount[r]! <= 0) continue;
      const role = ctx.roles[r]!;
      report('tooJunior', 'warning', [role.id], { role: { role: role.id }, level: role.level, count: strategicCount[r]!, min: strategicMinLevel });
    }
  },
});
