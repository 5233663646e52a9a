/** QUAL-002: a holder meets the role's own requirements (rules.md, "Holder qualifications"). */
import { defineRule } from '../define.ts';
import type { Arg } from '../message.ts';
import { QUOTES } from '../sources.ts';

/** Whether a holder's languages include a required one ("zh-CN" satisfies "zh"; case is ignored). */
function speaks(languages: readonly string[], required: string): boolean {
  const want = required.toLowerCase();
  for (const l of languages) {
    const have = l.toLowerCase();
    if (have === want || have.startsWith(want + '-')) return true;
  }
  return false;
}

/** Whether a holder lacks any of the required languages. */
function lacksAny(required: readonly string[], languages: readonly string[]): boolean {
  for (const l of required) if (!speaks(languages, l)) return true;
  return false;
}

/** The required languages a holder lacks. */
function missingLanguages(required: readonly string[], languages: readonly string[]): string[] {
  return required.filter((l) => !speaks(languages, l));
}

/** "The holder" when the holder has no name. */
const THE_HOLDER = { message: 'holder', data: {} } as const;

export const QUAL_002 = defineRule({
  id: 'QUAL-002',
  family: 'qualification',
  title: 'Holders meet the role\'s requirements',
  why: 'When a role states what it asks of its holder (years, languages such as Mandarin and English), the holder should meet it or have a development plan.',
  quotes: [QUOTES.peopleManagement, QUOTES.languages],
  severities: ['warning'],
  messages: {
    gaps: '{holder} of {role} has {gaps}. Plan development, or revisit the requirements.',
    holder: 'The holder',
    management: '{years|# year|# years} of people management (the role asks {min})',
    experience: '{years|# year|# years} of experience (the role asks {min})',
    languages: 'no {languages} (required)',
  },
  check(ctx, report) {
    for (const r of ctx.withRequirements) {
      if (ctx.external[r]) continue;
      const role = ctx.roles[r]!;
      const req = role.requirements!;
      const holder = role.holder;
      if (!holder) continue;
      const lowManagement = req.minYearsManagement !== undefined && holder.yearsManagement !== undefined && holder.yearsManagement < req.minYearsManagement;
      const lowExperience = req.minYearsExperience !== undefined && holder.yearsExperience !== undefined && holder.yearsExperience < req.minYearsExperience;
      // A helper, not a closure over `holder` (a scope per role of the loop); kept for the rule-check figure, docs/performance.md.
      const lacksLanguage = req.languages !== undefined && holder.languages !== undefined && lacksAny(req.languages, holder.languages);
      if (!lowManagement && !lowExperience && !lacksLanguage) continue;
      // The gaps are built for a finding only.
      const gaps: Arg[] = [];
      if (lowManagement) gaps.push({ message: 'management', data: { years: holder.yearsManagement!, min: req.minYearsManagement! } });
      if (lowExperience) gaps.push({ message: 'experience', data: { years: holder.yearsExperience!, min: req.minYearsExperience! } });
      if (lacksLanguage) gaps.push({ message: 'languages', data: { languages: { list: missingLanguages(req.languages!, holder.languages!) } } });
      report('gaps', 'warning', [role.id], { holder: holder.name || THE_HOLDER, role: { role: role.id }, gaps: { list: gaps, max: 3 } });
    }
  },
});
