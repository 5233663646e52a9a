/** SPAN-002: span above the archetype's maximum, an error above ceil(max × errorFactor) (rules.md, "Span of control"). */
import { ARCHETYPES, FAMILIES } from '../../schema/constants.ts';
import { defineRule } from '../define.ts';
import { ceil9 } from '../numbers.ts';
import { num, oneOf, param, range, recordOf } from '../param.ts';
import { fittingArchetype, SPANS } from './practice.ts';

export const SPAN_002 = defineRule({
  id: 'SPAN-002',
  family: 'span',
  title: 'Span within the archetype\'s range',
  why: 'How many people a manager can lead depends on how they work: a player-coach manages few, a facilitator many. Beyond the range, coaching and reviews suffer.',
  practice: SPANS,
  severities: ['error', 'warning'],
  params: {
    errorFactor: param(num({ min: 0 }), 1.5),
    // The archetype ranges and the default archetype by family are read by every rule that needs an archetype (ctx.archetype).
    ranges: param(recordOf(ARCHETYPES, range), { 'player-coach': [3, 5], coach: [6, 7], supervisor: [8, 10], facilitator: [11, 15], coordinator: [15, 25] }),
    defaultArchetype: param(recordOf(FAMILIES, oneOf(ARCHETYPES)), { 'head-am': 'player-coach', 'am-lead': 'supervisor', 'senior-am': 'player-coach', am: 'player-coach', 'am-ops': 'coach', other: 'coach' }),
  },
  messages: {
    overBetter: '{role} has {span|# direct report|# direct reports}; a {archetype}\'s range is {min}–{max} (error above {limit}). Split the team, or make the role a {better} if that is how it works.',
    over: '{role} has {span|# direct report|# direct reports}; a {archetype}\'s range is {min}–{max} (error above {limit}). Split the team or add a lead.',
  },
  check(ctx, report, { errorFactor, ranges }) {
    const { managers, span: spans } = ctx;
    for (let k = 0; k < managers.length; k++) {
      const r = managers[k]!;
      const span = spans[r]!;
      const archetype = ctx.archetype(r);
      const max = ranges[archetype][1];
      if (!(span > max)) continue;
      const limit = ceil9(max * errorFactor);
      const id = ctx.roles[r]!.id;
      const better = fittingArchetype(ranges, span);
      const data = { role: { role: id }, span, archetype: { term: 'archetype', value: archetype }, min: ranges[archetype][0], max, limit } as const;
      if (better && better !== archetype) report('overBetter', span > limit ? 'error' : 'warning', [id], { ...data, better: { term: 'archetype', value: better } });
      else report('over', span > limit ? 'error' : 'warning', [id], data);
    }
  },
});
