/** DEC-001: one decider per decision (rules.md, "Decision authority"). */
import { defineRule } from '../define.ts';
import { AREA_COUNT, RIGHT_CODES, areaAt } from '../rights.ts';
import { NONE } from './shared.ts';

const { DECIDE, DEPARTMENT } = RIGHT_CODES;

export const DEC_001 = defineRule({
  id: 'DEC-001',
  family: 'decision',
  title: 'One decider per decision',
  why: 'When two people both decide the same thing, nobody does; each decision needs exactly one decider.',
  practice: 'Bain RAPID: one D per decision',
  severities: ['error'],
  messages: {
    listedTwice: '{role} lists the {area} decision more than once. Keep one decide right and put its scope and limit there.',
    department: '{roles} each decide {area} for the whole department; a decision has one decider. Keep one, and make the others agree or give input.',
  },
  check(ctx, report) {
    const t = ctx.rights;
    const { roles } = ctx;
    const seenBy = new Int32Array(AREA_COUNT).fill(NONE); // last role that listed the area as decide
    const reportedFor = new Int32Array(AREA_COUNT).fill(NONE);
    const deptHolders: number[][] = Array.from({ length: AREA_COUNT }, () => []);
    for (let i = 0; i < t.count; i++) {
      if (t.authority[i] !== DECIDE) continue;
      const h = t.holder[i]!;
      const a = t.area[i]!;
      if (seenBy[a] === h && reportedFor[a] !== h) {
        reportedFor[a] = h;
        const id = roles[h]!.id;
        report('listedTwice', 'error', [id], { role: { role: id }, area: { term: 'area', value: areaAt(a) } });
      }
      seenBy[a] = h;
      if (t.scope[i] === DEPARTMENT) {
        const list = deptHolders[a]!;
        if (list[list.length - 1] !== h) list.push(h);
      }
    }
    for (let a = 0; a < AREA_COUNT; a++) {
      const holders = deptHolders[a]!;
      if (holders.length < 2) continue;
      const ids = holders.map((h) => roles[h]!.id);
      report('department', 'error', ids, { roles: { roles: ids }, area: { term: 'area', value: areaAt(a) } });
    }
  },
});
