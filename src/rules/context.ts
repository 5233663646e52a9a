/**
 * The per-check context every rule reads: the tree index, the merged parameters and
 * per-role numbers computed once in O(roles) (kids, span, accounts, assistants), plus
 * the topology, built on first use.
 */
import type { TreeIndex } from '../model/tree.ts';
import type { Archetype, OrgDocument, Role } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import type { RuleParams } from './params.ts';
import { buildTopology, type Topology } from './topology.ts';
import { buildRights, type RightsTable } from './rights.ts';
import type { RuleId } from './ids.ts';

export interface RuleContext {
  readonly doc: OrgDocument;
  readonly index: TreeIndex;
  readonly roles: readonly Role[];
  readonly n: number;
  readonly params: RuleParams;
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
  readonly topology: Topology;
  /** Every decision right as small integers (built on first use). */
  readonly rights: RightsTable;
  /** The role's title for messages. */
  title(r: number): string;
  /** archetype(r): the role's own, else the family default of SPAN-002's parameters. */
  archetype(r: number): Archetype;
  /** vacancies ≥ headcount. */
  vacant(r: number): boolean;
}

/** A rule's check: pushes its findings (ids, severity, roles, message) onto `out`. */
export type RuleCheck = (ctx: RuleContext, out: Finding[]) => void;

export interface RuleImpl {
  readonly id: RuleId;
  readonly check: RuleCheck;
}

/** Builds the context of one check in O(roles). */
export function createContext(doc: OrgDocument, index: TreeIndex, params: RuleParams): RuleContext {
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

  let topology: Topology | undefined;
  let rights: RightsTable | undefined;
  const { defaultArchetype } = params['SPAN-002'];
  return {
    doc,
    index,
    roles,
    n,
    params,
    root: index.root,
    external,
    assistant,
    kidCount,
    span,
    accountCount,
    inScopeCount,
    get topology() {
      return (topology ??= buildTopology(index));
    },
    get rights() {
      return (rights ??= buildRights(index, external, kidCount));
    },
    title: (r) => roles[r]?.title ?? '(unknown role)',
    archetype: (r) => roles[r]?.archetype ?? defaultArchetype[roles[r]?.family ?? 'other'],
    vacant: (r) => {
      const role = roles[r];
      return role !== undefined && role.vacancies >= role.headcount;
    },
  };
}
