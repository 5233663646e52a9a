/**
 * The per-check context every rule reads: the tree index, the merged parameters, the
 * role columns (columns.ts) and the report facts of the tree index (kids, span,
 * assistants: model/facts.ts), plus the topology, the rights table and the decision
 * model, built on first use.
 */
import { archetypeOf } from '../model/facts.ts';
import type { TreeIndex } from '../model/tree.ts';
import type { Archetype, OrgDocument, Role } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import type { RuleParams } from './params.ts';
import { RoleColumns } from './columns.ts';
import { buildTopology, type Topology } from './topology.ts';
import { buildRights, type RightsTable } from './rights.ts';
import { buildDecisionModel, type AreaModel } from './chains.ts';
import type { RuleId } from './ids.ts';

/**
 * A class rather than an object literal with getters: V8 keeps such a literal as a
 * dictionary, which turns every `ctx.x` read in the rules' loops into a hash lookup. Kept
 * for the full rule check of docs/performance.md (5.6 ms at 10,000 roles, target ≤ 10 ms).
 */
export class RuleContext extends RoleColumns {
  readonly roles: readonly Role[];
  /** root of rules.md (the top role with the largest team), -1 when there is none. */
  readonly root: number;
  /** The tree index's report facts (defined in model/facts.ts), at hand for the rules' loops. */
  readonly assistant: Uint8Array;
  readonly kidCount: Int32Array;
  readonly span: Float64Array;
  /** Managers: in-scope roles with span > 0, in document order. */
  readonly managers: Int32Array;

  private topologyBuilt: Topology | undefined;
  private rightsBuilt: RightsTable | undefined;
  private decisionModelBuilt: readonly AreaModel[] | undefined;

  /** Fills the columns in O(roles + accounts). */
  constructor(
    readonly doc: OrgDocument,
    readonly index: TreeIndex,
    readonly params: RuleParams,
  ) {
    super(index.roles, params['SPAN-006'].portfolioCap);
    this.roles = index.roles;
    this.root = index.root;
    this.assistant = index.assistant;
    this.kidCount = index.kidCount;
    this.span = index.span;
    this.managers = listManagers(this);
  }

  get topology(): Topology {
    return (this.topologyBuilt ??= buildTopology(this.index));
  }

  /** Every decision right as small integers. */
  get rights(): RightsTable {
    return (this.rightsBuilt ??= buildRights(this));
  }

  /** The per-area decision chains, shared by the DEC rules. */
  get decisionModel(): readonly AreaModel[] {
    return (this.decisionModelBuilt ??= buildDecisionModel(this));
  }

  /** The role's title for messages. */
  title(r: number): string {
    return this.roles[r]?.title ?? '(unknown role)';
  }

  /** archetype(r) (model/facts.ts) with the document's SPAN-002 parameters; 'other''s for an unknown role. */
  archetype(r: number): Archetype {
    return archetypeOf(this.roles[r] ?? { family: 'other', archetype: undefined }, this.params['SPAN-002'].defaultArchetype);
  }

  /** vacant(r) (model/facts.ts), from the column filled with it. */
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

function listManagers(ctx: RuleContext): Int32Array {
  const { external, span } = ctx;
  const managers = new Int32Array(ctx.n);
  let count = 0;
  for (let r = 0; r < ctx.n; r++) if (span[r]! > 0 && !external[r]) managers[count++] = r;
  return managers.subarray(0, count);
}
