/** The practice the span rules share, and the archetype ranges they read (SPAN-002's parameters). */
import { ARCHETYPES } from '../../schema/constants.ts';
import type { Archetype } from '../../schema/v1.ts';
import type { Range } from '../param.ts';

export const SPANS = 'McKinsey, "How to identify the right spans of control" (player-coach 3–5, coach 6–7, supervisor 8–10, facilitator 11–15, coordinator 15+); OrgVue span buckets (1:1, micro teams)';

/** An archetype whose range holds this span, for advice in messages. */
export function fittingArchetype(ranges: Readonly<Record<Archetype, Range>>, span: number): Archetype | undefined {
  for (const a of ARCHETYPES) {
    const [min, max] = ranges[a];
    if (span >= min && span <= max) return a;
  }
  return undefined;
}
