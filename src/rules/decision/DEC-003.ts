/** DEC-003: a decide or agree right above the holder's tier (rules.md, "Decision authority"). */
import { defineRule } from '../define.ts';
import { AREA_TIER_RANK, RIGHT_CODES, rightAt } from '../rights.ts';
import { QUOTES } from '../sources.ts';
import { NO_DATA } from './shared.ts';

const { DECIDE, AGREE } = RIGHT_CODES;
/** The tier words by rank (operational 0, tactical 1, strategic 2): messages of this rule. */
const TIER_MESSAGES = ['operational', 'tactical', 'strategic'] as const;
/** The highest tier a level decides: strategic from level 5, tactical from 3, else operational. */
const tierCapRank = (level: number): number => (level >= 5 ? 2 : level >= 3 ? 1 : 0);

export const DEC_003 = defineRule({
  id: 'DEC-003',
  family: 'decision',
  title: 'Authority fits the level',
  why: 'Senior Account Managers make tactical decisions within their accounts; strategic decisions held low in the organization go beyond the holder\'s role.',
  quotes: [QUOTES.tacticalAuthority],
  severities: ['error', 'warning'],
  messages: {
    aboveLevel: '{role} (level {level}) holds the right to {authority} on {area}, which is a decision of {tier} scope; at level {level} decisions go up to {cap} matters. Move the right up, or make it recommend or input.',
    operational: 'operational',
    tactical: 'tactical',
    strategic: 'strategic',
  },
  check(ctx, report) {
    const t = ctx.rights;
    const tierOf = AREA_TIER_RANK;
    const { level } = ctx;
    for (let i = 0; i < t.count; i++) {
      if (t.authority[i] !== DECIDE && t.authority[i] !== AGREE) continue;
      const h = t.holder[i]!;
      const cap = tierCapRank(level[h]!);
      const tier = tierOf[t.area[i]!]!;
      const steps = tier - cap;
      if (steps < 1) continue;
      const role = ctx.roles[h]!;
      const right = rightAt(ctx, i);
      report('aboveLevel', steps >= 2 ? 'error' : 'warning', [role.id], {
        role: { role: role.id },
        level: role.level,
        authority: { term: 'authority', value: right.authority },
        area: { term: 'area', value: right.area },
        tier: { message: TIER_MESSAGES[tier]!, data: NO_DATA },
        cap: { message: TIER_MESSAGES[cap]!, data: NO_DATA },
      });
    }
  },
});
