/** SPAN-001: a manager with fewer than minSpan reports (rules.md, "Span of control"). */
import { defineRule } from '../define.ts';
import { num, param } from '../param.ts';
import { SPANS } from './practice.ts';

export const SPAN_001 = defineRule({
  id: 'SPAN-001',
  family: 'span',
  title: 'No one-over-ones or micro teams',
  why: 'A manager with one or two reports adds a layer without adding leverage; merge small teams or remove the layer.',
  practice: SPANS,
  severities: ['warning'],
  params: { minSpan: param(num(), 3) },
  messages: {
    oneOverOne: '{role} manages {span|# direct report|# direct reports}, a one-over-one (at least {min} recommended). Merge the team with another, or remove this layer.',
    micro: '{role} manages {span|# direct report|# direct reports}, a micro team (at least {min} recommended). Merge the team with another, or remove this layer.',
    small: '{role} manages {span|# direct report|# direct reports}, a very small team (at least {min} recommended). Merge the team with another, or remove this layer.',
  },
  check(ctx, report, { minSpan }) {
    const { managers, span: spans } = ctx;
    for (let k = 0; k < managers.length; k++) {
      const r = managers[k]!;
      const span = spans[r]!;
      if (!(span < minSpan)) continue;
      const id = ctx.roles[r]!.id;
      report(span === 1 ? 'oneOverOne' : span === 2 ? 'micro' : 'small', 'warning', [id], { role: { role: id }, span, min: minSpan });
    }
  },
});
