/** SPAN-003: a span between SPAN-001's minSpan and the archetype's minimum (rules.md, "Span of control"). */
import { defineRule } from '../define.ts';
import { fittingArchetype, SPANS } from './practice.ts';
import { SPAN_001 } from './SPAN-001.ts';
import { SPAN_002 } from './SPAN-002.ts';

export const SPAN_003 = defineRule({
  id: 'SPAN-003',
  family: 'span',
  title: 'Span below the archetype\'s range',
  why: 'A team smaller than its manager\'s archetype expects suggests the archetype is wrong or the team could be merged.',
  practice: SPANS,
  severities: ['info'],
  reads: [SPAN_001.param.minSpan, SPAN_002.param.ranges],
  messages: {
    belowBetter: '{role} has {span|# direct report|# direct reports}, below a {archetype}\'s range of {min}–{max}. Re-classify the role as a {better}, or merge teams.',
    below: '{role} has {span|# direct report|# direct reports}, below a {archetype}\'s range of {min}–{max}. Re-classify the archetype or merge teams.',
  },
  check(ctx, report) {
    const minSpan = ctx.param(SPAN_001.param.minSpan);
    const ranges = ctx.param(SPAN_002.param.ranges);
    const { managers, span: spans } = ctx;
    for (let k = 0; k < managers.length; k++) {
      const r = managers[k]!;
      const span = spans[r]!;
      const archetype = ctx.archetype(r);
      const min = ranges[archetype][0];
      if (!(span >= minSpan && span < min)) continue;
      const id = ctx.roles[r]!.id;
      const better = fittingArchetype(ranges, span);
      const data = { role: { role: id }, span, archetype: { term: 'archetype', value: archetype }, min, max: ranges[archetype][1] } as const;
      if (better) report('belowBetter', 'info', [id], { ...data, better: { term: 'archetype', value: better } });
      else report('below', 'info', [id], data);
    }
  },
});
