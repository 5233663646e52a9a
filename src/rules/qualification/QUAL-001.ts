/** QUAL-001: without own requirements, a holder meets the family's default (rules.md, "Holder qualifications"). */
import { FAMILY } from '../columns.ts';
import { defineRule } from '../define.ts';
import { QUOTES } from '../sources.ts';

/** The family defaults of QUAL-001 (rules.md; not parameters). */
export const HEAD_MIN_YEARS_MANAGEMENT = 10;
export const SENIOR_MIN_YEARS_EXPERIENCE = 5;

/** "The holder" when the holder has no name. */
const THE_HOLDER = { message: 'holder', data: {} } as const;

export const QUAL_001 = defineRule({
  id: 'QUAL-001',
  family: 'qualification',
  title: 'Holders meet the family\'s bar',
  why: 'A Head of Account Management usually brings 10+ years of people management and a Senior Account Manager 5–8 years of experience; a holder below that needs a plan.',
  quotes: [QUOTES.peopleManagement, QUOTES.seniorYears],
  severities: ['warning'],
  messages: {
    head: '{holder} of {role} has {years|# year|# years} of people management; a Head of Account Management usually needs {min}+. Plan support or set the role\'s own requirements.',
    senior: '{holder} of {role} has {years|# year|# years} of experience; a Senior Account Manager usually has {min}–8. Plan support or set the role\'s own requirements.',
    holder: 'The holder',
  },
  check(ctx, report) {
    const { external, family } = ctx;
    for (let r = 0; r < ctx.n; r++) {
      if (external[r] || (family[r] !== FAMILY['head-am'] && family[r] !== FAMILY['senior-am'])) continue;
      const role = ctx.roles[r]!;
      const holder = role.holder;
      if (!holder || role.requirements) continue;
      if (role.family === 'head-am' && holder.yearsManagement !== undefined && holder.yearsManagement < HEAD_MIN_YEARS_MANAGEMENT) {
        report('head', 'warning', [role.id], { holder: holder.name || THE_HOLDER, role: { role: role.id }, years: holder.yearsManagement, min: HEAD_MIN_YEARS_MANAGEMENT });
      } else if (role.family === 'senior-am' && holder.yearsExperience !== undefined && holder.yearsExperience < SENIOR_MIN_YEARS_EXPERIENCE) {
        report('senior', 'warning', [role.id], { holder: holder.name || THE_HOLDER, role: { role: role.id }, years: holder.yearsExperience, min: SENIOR_MIN_YEARS_EXPERIENCE });
      }
    }
  },
});
