/** DEC-008: people decisions stay on the solid line (rules.md, "Decision authority"). */
import { DECISION_AREAS } from '../../schema/constants.ts';
import { defineRule } from '../define.ts';
import { listOf, oneOf, param } from '../param.ts';
import { AREA_COUNT, RIGHT_CODES, areaAt, areaIndexes } from '../rights.ts';

const { DECIDE, DEPARTMENT } = RIGHT_CODES;

export const DEC_008 = defineRule({
  id: 'DEC-008',
  family: 'decision',
  title: 'People decisions on the solid line',
  why: 'Hiring and performance reviews belong to the solid-line manager; people outside the line should give input, not decide.',
  practice: 'Solid-line managers review and hire; dotted-line leaders give input',
  severities: ['warning'],
  params: { peopleAreas: param(listOf(oneOf(DECISION_AREAS)), ['headcount-hiring', 'performance-review']) },
  messages: {
    external: '{role}, outside the department, decides {area}. People decisions belong to the solid-line manager; make this right input or agree.',
    department: '{role} decides {area} for the whole department, though most of those people are not on its solid line. Limit the right to its team, or leave it to the head.',
  },
  check(ctx, report, { peopleAreas }) {
    const t = ctx.rights;
    const people = new Uint8Array(AREA_COUNT);
    for (const a of areaIndexes(peopleAreas)) people[a] = 1;
    for (let i = 0; i < t.count; i++) {
      if (t.authority[i] !== DECIDE || !people[t.area[i]!]) continue;
      const h = t.holder[i]!;
      const external = ctx.external[h];
      if (!external && !(t.scope[i] === DEPARTMENT && h !== ctx.root)) continue;
      const id = ctx.roles[h]!.id;
      report(external ? 'external' : 'department', 'warning', [id], { role: { role: id }, area: { term: 'area', value: areaAt(t.area[i]!) } });
    }
  },
});
