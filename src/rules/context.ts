/**
 * The per-check context every rule reads: the tree index, the merged parameters and
 * per-role numbers computed once in O(roles) (kids, span, accounts, assistants), plus
 * the topology and the rights table, built on first use.
 */
import type { TreeIndex } from '../model/tree.ts';
import type { Archetype, OrgDocument, Role } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import type { RuleParams } from './params.ts';
import { buildTopology, type Topology } from './topology.ts';
import { buildRights, type RightsTable } from './rights.ts';
import type { RuleId } from './ids.ts';

/**
 * A class rather than an object literal with getters: V8 keeps such a literal in
 * dictionary mode, which turns every `ctx.x` read in the rules' loops into a hash lookup.
 */
export class RuleContext {
  readonly roles: readonly Role[];
  readonly n: number;
  /** root of rules.md (the top role with the largest team), -1 when there is none. */
  readonly root: number;
  readonly external: Uint8Array;
  /** assistant(c): `assistant: true`, in scope, with an in-scope manager. */
  readonly assistant: Uint8Array;
  /** |kids(r)|: in-scope roles reporting to r. */
  readonly kidCount: Int32Array;
  /** span(r): headcount of the kids of r that are not assistants. */
  readonly span: Float64Array;
  /** Σ accounts[].count of each role. */
  readonly accountCount: Float64Array;
  /** Number of in-scope roles. */
  readonly inScopeCount: number;
  private topologyBuilt: Topology | undefined;
  private rightsBuilt: RightsTable | undefined;

  /** Computes the per-role numbers in O(roles). */
  constructor(
    readonly doc: OrgDocument,
    readonly index: TreeIndex,
    readonly params: RuleParams,
  ) {
    const roles = index.roles;
    const n = roles.length;
    const { managerOf, treeParent } = index;
    const external = new Uint8Array(n);
    let inScopeCount = 0;
    for (let i = 0; i < n; i++) {
      if (roles[i]!.external) external[i] = 1;
      else inScopeCount++;
    }
    const assistant = new Uint8Array(n);
    const kidCount = new Int32Array(n);
    const span = new Float64Array(n);
    const accountCount = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const role = roles[i]!;
      for (const a of role.accounts) accountCount[i]! += a.count;
      if (external[i]) continue;
      const m = managerOf[i]!;
      if (role.assistant && m !== -1 && !external[m]) assistant[i] = 1;
      const p = treeParent[i]!;
      if (p === -1) continue;
      kidCount[p]!++;
      if (!assistant[i]) span[p]! += role.headcount;
    }
    this.roles = roles;
    this.n = n;
    this.root = index.root;
    this.external = external;
    this.assistant = assistant;
    this.kidCount = kidCount;
    this.span = span;
    this.accountCount = accountCount;
    this.inScopeCount = inScopeCount;
  }

  get topology(): Topology {
    return (this.topologyBuilt ??= buildTopology(this.index));
  }

  /** Every decision right as small integers. */
  get rights(): RightsTable {
    return (this.rightsBuilt ??= buildRights(this.index, this.external, this.kidCount));
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
    const role = this.roles[r];
    return role !== undefined && role.vacancies >= role.headcount;
  }
}

/** A rule's check: pushes its findings (ids, severity, roles, message) onto `out`. */
export type RuleCheck = (ctx: RuleContext, out: Finding[]) => void;

export interface RuleImpl {
  readonly id: RuleId;
  readonly check: RuleCheck;
}
