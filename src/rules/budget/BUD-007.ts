/** BUD-007: salary bands are consistent and near the reference bands (rules.md, "Budget ownership"). */
import { FAMILIES } from '../../schema/constants.ts';
import { FAMILY } from '../columns.ts';
import { defineRule } from '../define.ts';
import { mapOf, obj, param, range, type Shape } from '../param.ts';
import { QUOTES } from '../sources.ts';
import { NONE } from './shared.ts';

const referenceBand = obj({ base: range, bonusPct: range });

/** A family's usual salary band: base pay and bonus percent, each [min, max]. */
export type ReferenceBand = typeof referenceBand extends Shape<infer T> ? T : never;

export const BUD_007 = defineRule({
  id: 'BUD-007',
  family: 'budget',
  title: 'Salary bands are consistent',
  why: 'A band must run from low to high, a report should not earn more than the manager can, and bands far from the market are worth a second look.',
  quotes: [QUOTES.headSalary, QUOTES.headBonus, QUOTES.seniorSalary, QUOTES.seniorBonus],
  severities: ['error', 'warning', 'info'],
  params: {
    referenceBands: param(mapOf(FAMILIES, referenceBand), {
      'head-am': { base: [120000, 200000], bonusPct: [10, 20] },
      'senior-am': { base: [80000, 150000], bonusPct: [5, 15] },
    }),
  },
  messages: {
    minAboveMax: '{role}\'s salary band runs from {min} down to {max}: the minimum is above the maximum. Swap them.',
    aboveManager: '{role}\'s minimum salary ({min}) is above the maximum of its manager {manager} ({max}). Re-grade one of the two bands.',
    bonus: '{role}\'s bonus of {bonus}% is outside the usual {low}–{high}% for {family} roles.',
    // The reference bands are in US dollars (the sources' figures), so this one compares and speaks USD only.
    base: '{role}\'s base band ({min}–{max} USD) does not overlap the usual {low}–{high} USD for {family} roles.',
  },
  check(ctx, report, { referenceBands }) {
    const bandOf: (ReferenceBand | undefined)[] = []; // by family code
    for (const f of FAMILIES) bandOf[FAMILY[f]] = Object.hasOwn(referenceBands, f) ? referenceBands[f] : undefined;
    const usd = ctx.doc.currency === 'USD';
    const { roles, index, external, family, hasSalary, salaryMin, salaryMax, bonusPct } = ctx;
    for (let r = 0; r < ctx.n; r++) {
      if (!hasSalary[r]) continue;
      const min = salaryMin[r]!;
      const max = salaryMax[r]!;
      const id = roles[r]!.id;
      if (min > max) report('minAboveMax', 'error', [id], { role: { role: id }, min: { money: min }, max: { money: max } });
      if (external[r]) continue;
      const m = index.managerOf[r]!;
      if (m !== NONE && !external[m] && hasSalary[m] && min > salaryMax[m]!) {
        const manager = roles[m]!.id;
        report('aboveManager', 'warning', [id, manager], { role: { role: id }, min: { money: min }, manager: { role: manager }, max: { money: salaryMax[m]! } });
      }
      const band = bandOf[family[r]!];
      if (!band) continue;
      const role = roles[r]!;
      const bonus = bonusPct[r]!; // NaN when not given
      if (!Number.isNaN(bonus) && band.bonusPct && (bonus < band.bonusPct[0] || bonus > band.bonusPct[1])) {
        report('bonus', 'info', [id], { role: { role: id }, bonus, low: band.bonusPct[0], high: band.bonusPct[1], family: { term: 'family', value: role.family } });
      }
      if (usd && band.base && (min > band.base[1] || max < band.base[0])) {
        report('base', 'info', [id], { role: { role: id }, min, max, low: band.base[0], high: band.base[1], family: { term: 'family', value: role.family } });
      }
    }
  },
});
