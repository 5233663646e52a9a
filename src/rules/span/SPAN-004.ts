/** SPAN-004: more reports than the family allows: a Senior AM mentors, an AM manages nobody (rules.md, "Span of control"). */
import { FAMILIES } from '../../schema/constants.ts';
import { defineRule } from '../define.ts';
import { mapOf, num, param } from '../param.ts';
import { QUOTES } from '../sources.ts';

export const SPAN_004 = defineRule({
  id: 'SPAN-004',
  family: 'span',
  title: 'Senior AMs and AMs keep small teams',
  why: 'A Senior Account Manager mentors but focuses on their own portfolio, and an Account Manager manages nobody; larger teams belong with a lead.',
  quotes: [QUOTES.seniorLimitedReports],
  severities: ['warning'],
  params: { maxReportsByFamily: param(mapOf(FAMILIES, num()), { 'senior-am': 2, am: 0 }) },
  messages: {
    tooMany: '{role} ({family}) has {span|# direct report|# direct reports}; this family should have at most {cap}. Move the reports to a lead, or change the role\'s family.',
  },
  check(ctx, report, { maxReportsByFamily: caps }) {
    const { managers, span: spans } = ctx;
    for (let k = 0; k < managers.length; k++) {
      const r = managers[k]!;
      const span = spans[r]!;
      const role = ctx.roles[r]!;
      const cap = Object.hasOwn(caps, role.family) ? caps[role.family] : undefined;
      if (cap === undefined || !(span > cap)) continue;
      report('tooMany', 'warning', [role.id], { role: { role: role.id }, family: { term: 'family', value: role.family }, span, cap });
    }
  },
});
