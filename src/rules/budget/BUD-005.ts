/** BUD-005: the revenue targets of a manager's reports add up to the manager's target (rules.md, "Budget ownership" and "Precise readings"). */
import { defineRule } from '../define.ts';
import { gt, lt } from '../numbers.ts';
import { num, param } from '../param.ts';
import { QUOTES } from '../sources.ts';
import { NONE, REVENUE_PRACTICE } from './shared.ts';

export const BUD_005 = defineRule({
  id: 'BUD-005',
  family: 'budget',
  title: 'Revenue targets roll up',
  why: 'A team\'s targets should add up to its manager\'s target with a modest cushion; under-assigned targets leave the goal uncovered, heavily over-assigned ones demotivate.',
  quotes: [QUOTES.revenueGoals],
  practice: REVENUE_PRACTICE,
  severities: ['error', 'warning'],
  params: {
    overAssignWarn: param(num({ min: -1 }), 0.2),
    overAssignError: param(num({ min: -1 }), 0.5),
  },
  messages: {
    noTarget: '{role}\'s reports carry targets of {sum}, but {role} has no revenue target. Set the team target the reports roll up to.',
    under: '{role}\'s reports carry targets of {sum}, less than the team target of {target} (under-assigned by {under}). Raise the reports\' targets or lower the team target.',
    overError: '{role}\'s reports carry targets of {sum}, {over} above the team target of {target}; over-assigning more than {limit} is a concern. Lower the reports\' targets or raise the team target.',
    overWarn: '{role}\'s reports carry targets of {sum}, {over} above the team target of {target}; {cushion} is the usual cushion. Check the reports\' targets.',
  },
  check(ctx, report, { overAssignWarn, overAssignError }) {
    const { n, roles, index, external, revenueTarget, headcount } = ctx;
    const sum = new Float64Array(n);
    const kidsWithTarget = new Int32Array(n);
    for (let c = 0; c < n; c++) {
      if (external[c]) continue;
      const m = index.managerOf[c]!;
      const target = revenueTarget[c]!;
      if (m === NONE || external[m] || !(target > 0)) continue;
      sum[m]! += target * headcount[c]!;
      kidsWithTarget[m]!++;
    }
    for (let m = 0; m < n; m++) {
      if (kidsWithTarget[m] === 0) continue;
      const s = sum[m]!;
      const t = revenueTarget[m]!;
      const id = roles[m]!.id;
      if (!(t > 0)) {
        report('noTarget', 'warning', [id], { role: { role: id }, sum: { money: s } });
      } else if (lt(s, t)) {
        report('under', 'warning', [id], { role: { role: id }, sum: { money: s }, target: { money: t }, under: { percent: (t - s) / t } });
      } else if (gt(s, t * (1 + overAssignError))) {
        report('overError', 'error', [id], { role: { role: id }, sum: { money: s }, over: { percent: (s - t) / t }, target: { money: t }, limit: { percent: overAssignError } });
      } else if (gt(s, t * (1 + overAssignWarn))) {
        report('overWarn', 'warning', [id], { role: { role: id }, sum: { money: s }, over: { percent: (s - t) / t }, target: { money: t }, cushion: { percent: overAssignWarn } });
      }
    }
  },
});
