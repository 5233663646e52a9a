/** STR-006: a report above (inversion) or at (compression) its manager's level (rules.md, "Structure"). */
import { defineRule } from '../define.ts';
import { QUOTES } from '../sources.ts';
import { NONE } from './shared.ts';

export const STR_006 = defineRule({
  id: 'STR-006',
  family: 'structure',
  title: 'Levels rise up the line',
  why: 'People progress from Account Manager to Senior Account Manager to lead; a report at or above the manager\'s level leaves no room to grow and muddles authority.',
  quotes: [QUOTES.progression],
  practice: 'OrgVue on grade compression',
  severities: ['error', 'warning'],
  messages: {
    inversion: '{role} (level {level}) is above its manager {manager} (level {managerLevel}). Fix the levels or swap the reporting line.',
    compression: '{role} and its manager {manager} are both level {level} (grade compression). Give the manager a higher level, or the report a lower one.',
  },
  check(ctx, report) {
    const { roles, external, level } = ctx;
    const { managerOf } = ctx.index;
    for (let c = 0; c < ctx.n; c++) {
      if (external[c]) continue;
      const m = managerOf[c]!;
      if (m === NONE || external[m] || !(level[c]! >= level[m]!)) continue;
      const child = roles[c]!;
      const manager = roles[m]!;
      if (child.level > manager.level) {
        report('inversion', 'error', [child.id, manager.id], { role: { role: child.id }, level: child.level, manager: { role: manager.id }, managerLevel: manager.level });
      } else {
        report('compression', 'warning', [child.id, manager.id], { role: { role: child.id }, manager: { role: manager.id }, level: child.level });
      }
    }
  },
});
