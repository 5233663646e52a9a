/** STR-003: dotted lines to a missing role, to itself or to a subordinate; redundant or too many indirect managers (rules.md, "Structure"). */
import { defineRule } from '../define.ts';
import { num, param } from '../param.ts';
import { QUOTES } from '../sources.ts';

export const STR_003 = defineRule({
  id: 'STR-003',
  family: 'structure',
  title: 'Sound dotted lines',
  why: 'Dotted lines connect people with partners outside their own line; a dotted line into one\'s own team, to one\'s own manager or to several "second bosses" only blurs who leads.',
  quotes: [QUOTES.crossFunctional],
  practice: 'Solid vs dotted line practice (one indirect manager, ChartHop)',
  severities: ['error', 'warning'],
  params: { maxIndirectManagers: param(num({ min: 0 }), 1) },
  messages: {
    twice: '{role} has two dotted lines to {target}. Keep one.',
    twiceMissing: '{role} has two dotted lines to "{to}". Keep one.',
    missing: '{role} has a dotted line to "{to}", which is not a role in this document. Remove the line or point it at an existing role.',
    self: '{role} has a dotted line to itself. Remove it.',
    subordinate: '{role} has a dotted line to {target}, who is in its own reporting line below it. A dotted line goes to someone outside one\'s own team; remove it.',
    manager: '{role} has a dotted line to {target}, who is already its solid-line manager. Remove the dotted line.',
    tooManyIndirect: '{role} has {count} indirect managers ({targets}); at most {max} is recommended. Turn the others into partner lines.',
  },
  check(ctx, report, { maxIndirectManagers: max }) {
    const { roles, index } = ctx;
    const lastSeen = new Map<string, number>(); // target id → last role that drew a line to it
    const lastIndirect = new Map<string, number>();
    const topology = ctx.topology;
    const indirect: string[] = []; // the current role's indirect managers, emptied for each role
    for (const r of ctx.withLines) {
      const role = roles[r]!;
      const id = role.id;
      indirect.length = 0;
      for (const line of role.dottedLines) {
        const to = line.to;
        const t = index.roleIndex(to);
        // Counted before the repeat check: a target counts when any of the role's indirect-manager lines names it.
        if (line.kind === 'indirect-manager' && t !== undefined && t !== r && lastIndirect.get(to) !== r) {
          lastIndirect.set(to, r);
          indirect.push(to);
        }
        // The role with the line, then its target when that is another existing role.
        if (lastSeen.get(to) === r) {
          if (t === undefined) report('twiceMissing', 'warning', [id], { role: { role: id }, to });
          else if (t === r) report('twice', 'warning', [id], { role: { role: id }, target: { role: id } });
          else report('twice', 'warning', [id, to], { role: { role: id }, target: { role: to } });
          continue;
        }
        lastSeen.set(to, r);
        if (t === undefined) report('missing', 'error', [id], { role: { role: id }, to });
        else if (t === r) report('self', 'error', [id], { role: { role: id } });
        else if (topology.isUnder(t, r)) report('subordinate', 'error', [id, to], { role: { role: id }, target: { role: to } });
        else if (index.managerOf[r] === t) report('manager', 'warning', [id, to], { role: { role: id }, target: { role: to } });
      }
      if (indirect.length > max) {
        report('tooManyIndirect', 'warning', [id, ...indirect], { role: { role: id }, count: indirect.length, targets: { roles: indirect.slice() }, max });
      }
    }
  },
});
