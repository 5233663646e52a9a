/** STR-002: exactly one top role (rules.md, "Structure"). */
import { defineRule } from '../define.ts';
import { QUOTES } from '../sources.ts';
import { UNITY_OF_COMMAND } from './shared.ts';

export const STR_002 = defineRule({
  id: 'STR-002',
  family: 'structure',
  title: 'One top of the department',
  why: 'The head oversees the entire department, so every role should sit in one hierarchy under one top role; loose roles and parallel hierarchies escape that oversight.',
  quotes: [QUOTES.headOversees],
  practice: UNITY_OF_COMMAND,
  severities: ['error', 'warning'],
  messages: {
    noTop: 'No role is at the top of the department: every role reports into a cycle or to a missing manager. Give the head no manager (or an external one).',
    loose: '{role} is a loose role: it has no manager in the department besides {top} at the top. Make it report to someone in the hierarchy, or mark it external.',
    second: '{role} heads a second hierarchy ({positions|# position|# positions}) beside the one under {top}. Put it under {top}, or mark its top external.',
  },
  check(ctx, report) {
    const { tops } = ctx.index;
    if (tops.length === 0) {
      if (ctx.inScopeCount > 0) report('noTop', 'error', [], {});
      return;
    }
    const root = ctx.root;
    for (const t of tops) {
      if (t === root) continue;
      const id = ctx.roles[t]!.id;
      const top = { role: ctx.roles[root]!.id };
      if (ctx.kidCount[t] === 0) report('loose', 'warning', [id], { role: { role: id }, top });
      else report('second', 'warning', [id], { role: { role: id }, positions: ctx.index.teamHeadcount[t]!, top });
    }
  },
});
