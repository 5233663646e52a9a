/**
 * The role fields the rules compare, as typed columns filled in one pass over the roles.
 * Rules scan the columns and touch a role object only to word a finding: a pass over a
 * typed column is several times cheaper than one over 10,000 role objects.
 */
import { isVacant as isVacantRole } from '../model/facts.ts';
import type { AccountTier, Family, Role } from '../schema/v1.ts';

/** Codes of the `family` column; a family outside the schema gets none of them. */
export const FAMILY = { 'head-am': 1, 'am-lead': 2, 'senior-am': 3, am: 4, 'am-ops': 5, other: 6 } as const satisfies Record<Family, number>;

/** A role's family code: a switch, several times faster than a keyed lookup per role. */
function familyCode(family: string): number {
  switch (family) {
    case 'head-am':
      return FAMILY['head-am'];
    case 'am-lead':
      return FAMILY['am-lead'];
    case 'senior-am':
      return FAMILY['senior-am'];
    case 'am':
      return FAMILY.am;
    case 'am-ops':
      return FAMILY['am-ops'];
    case 'other':
      return FAMILY.other;
    default:
      return 0;
  }
}

export class RoleColumns {
  readonly n: number;
  readonly external: Uint8Array;
  /** FAMILY codes. */
  readonly family: Uint8Array;
  readonly level: Float64Array;
  readonly headcount: Float64Array;
  /** vacancies > headcount (STR-004's error). */
  readonly overVacant: Uint8Array;
  /** vacant(r) of model/facts.ts. */
  readonly isVacant: Uint8Array;
  /** revenueTarget, 0 when there is none. */
  readonly revenueTarget: Float64Array;
  /** Salary band: `hasSalary`, then min, max and bonusPct (NaN when not given). */
  readonly hasSalary: Uint8Array;
  readonly salaryMin: Float64Array;
  readonly salaryMax: Float64Array;
  readonly bonusPct: Float64Array;
  /** Σ accounts[].count, and the part of it in strategic accounts. */
  readonly accountCount: Float64Array;
  readonly strategicCount: Float64Array;
  /**
   * SPAN-006's portfolio load: Σ count / portfolioCap[tier] in account order. Summed
   * here because this pass reads every account anyway.
   */
  readonly portfolioLoad: Float64Array;
  /** Number of decision rights of each role. */
  readonly decisionCount: Int32Array;
  /** Roles with at least one dotted line, budget or requirement, in document order. */
  readonly withLines: number[] = [];
  readonly withBudgets: number[] = [];
  readonly withRequirements: number[] = [];
  /** Number of decision rights. */
  readonly rightCount: number;
  /** Number of in-scope roles. */
  readonly inScopeCount: number;

  constructor(roles: readonly Role[], portfolioCap: Readonly<Record<AccountTier, number>>) {
    const n = roles.length;
    this.n = n;
    this.external = new Uint8Array(n);
    this.family = new Uint8Array(n);
    this.decisionCount = new Int32Array(n);
    this.level = new Float64Array(n);
    this.headcount = new Float64Array(n);
    this.overVacant = new Uint8Array(n);
    this.isVacant = new Uint8Array(n);
    this.revenueTarget = new Float64Array(n);
    this.hasSalary = new Uint8Array(n);
    this.salaryMin = new Float64Array(n);
    this.salaryMax = new Float64Array(n);
    this.bonusPct = new Float64Array(n);
    this.accountCount = new Float64Array(n);
    this.strategicCount = new Float64Array(n);
    this.portfolioLoad = new Float64Array(n);
    const counts = fill(this, roles, portfolioCap);
    this.inScopeCount = counts.inScope;
    this.rightCount = counts.rights;
  }
}

/**
 * Fills the columns; returns the numbers of in-scope roles and of decision rights. The loop has a function of its
 * own, as have the other passes of the check: V8 optimizes a hot loop while its function
 * runs, and code after the loop, not yet run, would be optimized without feedback and
 * thrown away at its first use. Kept for the full rule check of docs/performance.md
 * (5.3 ms at 10,000 roles, target ≤ 10 ms).
 */
function fill(c: RoleColumns, roles: readonly Role[], portfolioCap: Readonly<Record<AccountTier, number>>): { inScope: number; rights: number } {
  const { strategic, enterprise, smb, 'mid-market': midMarket } = portfolioCap;
  const { external, family, level, headcount, overVacant, isVacant, revenueTarget, hasSalary, salaryMin, salaryMax, bonusPct } = c;
  const { accountCount, strategicCount, portfolioLoad, decisionCount, withLines, withBudgets, withRequirements } = c;
  let rights = 0;
  let inScope = 0;
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i]!;
    if (role.external) external[i] = 1;
    else inScope++;
    family[i] = familyCode(role.family);
    level[i] = role.level;
    headcount[i] = role.headcount;
    if (role.vacancies > role.headcount) overVacant[i] = 1;
    if (isVacantRole(role)) isVacant[i] = 1;
    revenueTarget[i] = role.revenueTarget ?? 0;
    const salary = role.salary;
    if (salary) {
      hasSalary[i] = 1;
      salaryMin[i] = salary.min;
      salaryMax[i] = salary.max;
      bonusPct[i] = salary.bonusPct ?? NaN;
    }
    const accounts = role.accounts;
    if (accounts.length > 0) {
      let count = 0;
      let inStrategic = 0;
      let load = 0;
      for (let k = 0; k < accounts.length; k++) {
        const { tier, count: c } = accounts[k]!;
        count += c;
        if (tier === 'strategic') inStrategic += c;
        load += c / (tier === 'strategic' ? strategic : tier === 'enterprise' ? enterprise : tier === 'smb' ? smb : midMarket);
      }
      accountCount[i] = count;
      strategicCount[i] = inStrategic;
      portfolioLoad[i] = load;
    }
    if (role.dottedLines.length > 0) withLines.push(i);
    if (role.budgets.length > 0) withBudgets.push(i);
    decisionCount[i] = role.decisions.length;
    rights += role.decisions.length;
    if (role.requirements) withRequirements.push(i);
  }
  return { inScope, rights };
}
