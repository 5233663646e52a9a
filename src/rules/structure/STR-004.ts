/** STR-004: vacancies above headcount; pooled, vacant or assistant roles with reports (rules.md, "Structure"). */
import { defineRule } from '../define.ts';

export const STR_004 = defineRule({
  id: 'STR-004',
  family: 'structure',
  title: 'Open positions and pooled nodes',
  why: 'A team needs a person who manages it: a pooled node or an open position cannot, so name an acting manager or split out the manager.',
  practice: 'Open positions and acting managers (delegation-of-authority practice)',
  severities: ['error', 'warning'],
  messages: {
    overVacant: '{role} has {vacancies} vacancies but only {headcount|# position|# positions}. Lower the vacancies or raise the headcount.',
    pooled: '{role} stands for {headcount} positions and has {reports|# direct report|# direct reports}: a pooled node cannot manage. Split out the manager as a role of its own.',
    vacant: '{role} is vacant but has {reports|# direct report|# direct reports}. Name an acting manager until it is filled.',
    assistant: '{role} is marked as an assistant but has {reports|# direct report|# direct reports}; an assistant who manages is a manager. Clear "assistant" or move the reports.',
  },
  check(ctx, report) {
    const { headcount, overVacant, external, kidCount } = ctx;
    for (let r = 0; r < ctx.n; r++) {
      if (overVacant[r]) {
        const role = ctx.roles[r]!;
        report('overVacant', 'error', [role.id], { role: { role: role.id }, vacancies: role.vacancies, headcount: role.headcount });
      }
      if (external[r] || kidCount[r] === 0) continue;
      const role = ctx.roles[r]!;
      const reports = kidCount[r]!;
      if (headcount[r]! > 1) report('pooled', 'error', [role.id], { role: { role: role.id }, headcount: role.headcount, reports });
      if (ctx.isVacant[r]) report('vacant', 'warning', [role.id], { role: { role: role.id }, reports });
      if (ctx.assistant[r]) report('assistant', 'warning', [role.id], { role: { role: role.id }, reports });
    }
  },
});
