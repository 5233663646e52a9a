/** DEC-004: root's reserved decisions are decided by root, or from outside the department (rules.md, "Decision authority"). */
import { DECISION_AREAS } from '../../schema/constants.ts';
import { defineRule } from '../define.ts';
import { listOf, oneOf, param } from '../param.ts';
import { areaAt, areaIndexes } from '../rights.ts';
import { QUOTES } from '../sources.ts';
import { NONE } from './shared.ts';

export const DEC_004 = defineRule({
  id: 'DEC-004',
  family: 'decision',
  title: 'Strategic decisions stay with the head',
  why: 'Account strategy, targets and budget allocation are the head\'s to decide; others should recommend rather than decide them.',
  quotes: [QUOTES.strategicAuthority],
  severities: ['warning'],
  params: { reservedToHead: param(listOf(oneOf(DECISION_AREAS)), ['account-strategy', 'target-setting', 'budget-allocation']) },
  messages: {
    notHead: '{holder} decides {area} for {head}, a decision reserved to the head. Give the decide right to {head}; others can recommend.',
  },
  check(ctx, report, { reservedToHead }) {
    const root = ctx.root;
    if (root < 0) return;
    const model = ctx.decisionModel;
    for (const a of areaIndexes(reservedToHead)) {
      const decider = model[a]!.rootDecider;
      if (decider === NONE) continue;
      const holder = ctx.rights.holder[decider]!;
      if (holder === root || ctx.external[holder]) continue;
      const head = ctx.roles[root]!.id;
      const id = ctx.roles[holder]!.id;
      report('notHead', 'warning', [head, id], { holder: { role: id }, area: { term: 'area', value: areaAt(a) }, head: { role: head } });
    }
  },
});
