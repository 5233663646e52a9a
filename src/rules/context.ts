/**
 * The per-check context every rule reads: the tree index, the merged parameters, the
 * role fields the rules compare as typed columns, filled in one pass over the roles,
 * and derived per-role numbers (kids, span, assistants, accounts), plus the topology,
 * the rights table and the decision model, built on first use.
 *
 * Rules scan the columns and touch a role object only to word a finding: a pass over
 * a typed column is several times cheaper than one over 10,000 role objects.
 */
import type { TreeIndex } from '../model/tree.ts';
import type { Archetype, OrgDocument, Role } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import type { RuleParams } from './params.ts';
import { buildTopology, type Topology } from './topology.ts';
import { buildRights, type RightsTable } from './rights.ts';
import { buildDecisionModel, type AreaModel } from './chains.ts';
import type { RuleId } from './ids.ts';

const NONE = -1;

/**
 * A class rather than an object literal with getters: V8 keeps such a literal in
 * dictionary mode, which turns every `ctx.x` read in the rules' loops into a hash lookup.
 */
export class RuleContext {
  readonly roles: readonly Role[];
  readonly n: number;
  /** root of rules.md (the top role with the largest team), -1 when there is none. */
  readonly root: number;
  /** Number of in-scope roles. */
  readonly inScopeCount: number;

  // Columns of the roles' own fields.
  readonly external: Uint8Array;
  readonly level: Float64Array;
  readonly headcount: Float64Array;
  readonly vacancies: Float64Array;
  /** vacant(r): vacancies ≥ headcount. */
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
  /** Roles with at least one dotted line, and with at least one budget, in document order. */
  readonly withLines: readonly number[];
  readonly withBudgets: readonly number[];

  // Derived from the reporting lines.
  /** assistant(c): `assistant: true`, in scope, with an in-scope manager. */
  readonly assistant: Uint8Array;
  /** |kids(r)|: in-scope roles reporting to r. */
  readonly kidCount: Int32Array;
  /** span(r): headcount of the kids of r that are not assistants. */
  readonly span: Float64Array;

  private topologyBuilt: Topology | undefined;
  private rightsBuilt: RightsTable | undefined;
  private decisionModelBuilt: readonly AreaModel[] | undefined;

  /** Fills the columns and the derived numbers in O(roles + accounts). */
  constructor(
    readonly doc: OrgDocument,
    readonly index: TreeIndex,
    readonly params: RuleParams,
  ) {
    const roles = index.roles;
    const n = roles.length;
    const { strategic, enterprise, smb, 'mid-market': midMarket } = params['SPAN-006'].portfolioCap;
    const external = new Uint8Array(n);
    const level = new Float64Array(n);
    const headcount = new Float64Array(n);
    const vacancies = new Float64Array(n);
    const isVacant = new Uint8Array(n);
    const revenueTarget = new Float64Array(n);
    const hasSalary = new Uint8Array(n);
    const salaryMin = new Float64Array(n);
    const salaryMax = new Float64Array(n);
    const bonusPct = new Float64Array(n);
    const accountCount = new Float64Array(n);
    const strategicCount = new Float64Array(n);
    const portfolioLoad = new Float64Array(n);
    const withLines: number[] = [];
    const withBudgets: number[] = [];
    const assistant = new Uint8Array(n); // `assistant: true` first; narrowed below
    let inScopeCount = 0;
    for (let i = 0; i < n; i++) {
      const role = roles[i]!;
      if (role.external) external[i] = 1;
      else inScopeCount++;
      if (role.assistant) assistant[i] = 1;
      level[i] = role.level;
      headcount[i] = role.headcount;
      vacancies[i] = role.vacancies;
      if (role.vacancies >= role.headcount) isVacant[i] = 1;
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
    }

    const kidCount = new Int32Array(n);
    const span = new Float64Array(n);
    const { managerOf, treeParent } = index;
    for (let i = 0; i < n; i++) {
      if (external[i]) {
        assistant[i] = 0;
        continue;
      }
      const m = managerOf[i]!;
      if (assistant[i] && (m === NONE || external[m])) assistant[i] = 0;
      const p = treeParent[i]!;
      if (p === NONE) continue;
      kidCount[p]!++;
      if (!assistant[i]) span[p]! += headcount[i]!;
    }

    this.roles = roles;
    this.n = n;
    this.root = index.root;
    this.inScopeCount = inScopeCount;
    this.external = external;
    this.level = level;
    this.headcount = headcount;
    this.vacancies = vacancies;
    this.isVacant = isVacant;
    this.revenueTarget = revenueTarget;
    this.hasSalary = hasSalary;
    this.salaryMin = salaryMin;
    this.salaryMax = salaryMax;
    this.bonusPct = bonusPct;
    this.accountCount = accountCount;
    this.strategicCount = strategicCount;
    this.portfolioLoad = portfolioLoad;
    this.withLines = withLines;
    this.withBudgets = withBudgets;
    this.assistant = assistant;
    this.kidCount = kidCount;
    this.span = span;
  }

  get topology(): Topology {
    return (this.topologyBuilt ??= buildTopology(this.index));
  }

  /** Every decision right as small integers. */
  get rights(): RightsTable {
    return (this.rightsBuilt ??= buildRights(this.index, this.external, this.kidCount));
  }

  /** The per-area decision chains, shared by the DEC rules. */
  get decisionModel(): readonly AreaModel[] {
    return (this.decisionModelBuilt ??= buildDecisionModel(this));
  }

  /** The role's title for messages. */
  title(r: number): string {
    return this.roles[r]?.title ?? '(unknown role)';
  }

  /** archetype(r): the role's own, else the family default of SPAN-002's parameters. */
  archetype(r: number): Archetype {
    return this.roles[r]?.archetype ?? this.params['SPAN-002'].defaultArchetype[this.roles[r]?.family ?? 'other'];
  }

  /** vacancies ≥ headcount. */
  vacant(r: number): boolean {
    return this.isVacant[r] === 1;
  }
}

/** A rule's check: pushes its findings (ids, severity, roles, message) onto `out`. */
export type RuleCheck = (ctx: RuleContext, out: Finding[]) => void;

export interface RuleImpl {
  readonly id: RuleId;
  readonly check: RuleCheck;
}
