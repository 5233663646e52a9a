/** Holder-qualification rules QUAL-001..002 (rules.md, "Holder qualifications"). */
import type { Finding } from './types.ts';
import type { RuleContext, RuleImpl } from './context.ts';
import { fmt, names } from './numbers.ts';
import { FAMILY } from './columns.ts';

/** The family defaults of QUAL-001 (rules.md; not parameters). */
export const HEAD_MIN_YEARS_MANAGEMENT = 10;
export const SENIOR_MIN_YEARS_EXPERIENCE = 5;

const years = (x: number): string => `${fmt(x)} ${x === 1 ? 'year' : 'years'}`;

/** QUAL-001: without own requirements, a holder meets the family's default. */
function qual001(ctx: RuleContext, out: Finding[]): void {
  const { external, family } = ctx;
  for (let r = 0; r < ctx.n; r++) {
    if (external[r] || (family[r] !== FAMILY['head-am'] && family[r] !== FAMILY['senior-am'])) continue;
    const role = ctx.roles[r]!;
    const holder = role.holder;
    if (!holder || role.requirements) continue;
    if (role.family === 'head-am' && holder.yearsManagement !== undefined && holder.yearsManagement < HEAD_MIN_YEARS_MANAGEMENT) {
      out.push({ rule: 'QUAL-001', severity: 'warning', roles: [role.id], message: `${holder.name || 'The holder'} of ${role.title} has ${years(holder.yearsManagement)} of people management; a Head of Account Management usually needs ${HEAD_MIN_YEARS_MANAGEMENT}+. Plan support or set the role's own requirements.` });
    } else if (role.family === 'senior-am' && holder.yearsExperience !== undefined && holder.yearsExperience < SENIOR_MIN_YEARS_EXPERIENCE) {
      out.push({ rule: 'QUAL-001', severity: 'warning', roles: [role.id], message: `${holder.name || 'The holder'} of ${role.title} has ${years(holder.yearsExperience)} of experience; a Senior Account Manager usually has ${SENIOR_MIN_YEARS_EXPERIENCE}–8. Plan support or set the role's own requirements.` });
    }
  }
}

/** Whether a holder's languages include a required one ("zh-CN" satisfies "zh"; case is ignored). */
function speaks(languages: readonly string[], required: string): boolean {
  const want = required.toLowerCase();
  for (const l of languages) {
    const have = l.toLowerCase();
    if (have === want || have.startsWith(want + '-')) return true;
  }
  return false;
}

/** The required languages a holder lacks. */
function missingLanguages(required: readonly string[], languages: readonly string[]): string[] {
  return required.filter((l) => !speaks(languages, l));
}

/** QUAL-002: a holder meets the role's own requirements. */
function qual002(ctx: RuleContext, out: Finding[]): void {
  for (const r of ctx.withRequirements) {
    if (ctx.external[r]) continue;
    const role = ctx.roles[r]!;
    const req = role.requirements!;
    const holder = role.holder;
    if (!holder) continue;
    const gaps: string[] = [];
    if (req.minYearsManagement !== undefined && holder.yearsManagement !== undefined && holder.yearsManagement < req.minYearsManagement) {
      gaps.push(`${years(holder.yearsManagement)} of people management (the role asks ${fmt(req.minYearsManagement)})`);
    }
    if (req.minYearsExperience !== undefined && holder.yearsExperience !== undefined && holder.yearsExperience < req.minYearsExperience) {
      gaps.push(`${years(holder.yearsExperience)} of experience (the role asks ${fmt(req.minYearsExperience)})`);
    }
    if (req.languages && holder.languages) {
      // A helper, not a closure over `holder` (a scope per role of the loop); kept for the rule-check figure, docs/performance.md.
      const missing = missingLanguages(req.languages, holder.languages);
      if (missing.length > 0) gaps.push(`no ${names(missing)} (required)`);
    }
    if (gaps.length === 0) continue;
    out.push({ rule: 'QUAL-002', severity: 'warning', roles: [role.id], message: `${holder.name || 'The holder'} of ${role.title} has ${names(gaps, 3)}. Plan development, or revisit the requirements.` });
  }
}

export const QUALIFICATION_RULES: readonly RuleImpl[] = [
  { id: 'QUAL-001', check: qual001 },
  { id: 'QUAL-002', check: qual002 },
];
