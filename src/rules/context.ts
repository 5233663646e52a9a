/**
 * The per-check context every rule reads: the tree index, the merged parameters, the
 * role columns (columns.ts) and the report facts of the tree index (kids, span,
 * assistants: model/facts.ts), plus the topology, the rights table and the decision
 * model, built on first use.
 */
import { archetypeOf } from '../model/facts.ts';
import type { TreeIndex } from '../model/tree.ts';
import type { Archetype, OrgDocument, Role } from '../schema/v1.ts';
import type { ParamHandle } from './param.ts';
import { SPAN_002 } from './span/SPAN-002.ts';
import { SPAN_006 } from './span/SPAN-006.ts';
import { RoleColumns } from './columns.ts';
import { buildTopology, type Topology } from './topology.ts';
import { buildRights, type RightsTable } from './rights.ts';
import { buildDecisionModel, type AreaModel } from './chains.ts';

/**
 * A class rather than an object literal with getters: V8 keeps such a literal as a
 * dictionary, which turns every `ctx.x` read in the rules' loops into a hash lookup. Kept
 * for the full rule check of docs/performance.md (5.3 ms at 10,000 roles, target ≤ 10 ms).
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
    /** Every rule's parameters in force, by rule id (read through `param`). */
    readonly params: ParamValues,
  ) {
    super(index.roles, valueOf(params, SPAN_006.param.portfolioCap));
    this.roles = index.roles;
    this.root = index.root;
    this.assistant = index.assistant;
    this.kidCount = index.kidCount;
    this.span = index.span;
    this.managers = listManagers(this);
    this.defaultArchetype = valueOf(params, SPAN_002.param.defaultArchetype);
  }

  private readonly defaultArchetype: (typeof SPAN_002)['defaults']['defaultArchetype'];
  /** The rule being checked, whose own and declared (`reads`) parameters `param` gives. */
  private reader: { readonly id: string; readonly reads?: readonly ParamHandle<unknown>[] } | undefined;

  /** Runs `body` as rule `rule`: `param` then gives only the rule's own parameters and those it declares in `reads`. */
  as<T>(rule: { readonly id: string; readonly reads?: readonly ParamHandle<unknown>[] }, body: () => T): T {
    const before = this.reader;
    this.reader = rule;
    try {
      return body();
    } finally {
      this.reader = before;
    }
  }

  /**
   * Another rule's parameter as the document sets it: `ctx.param(SPAN_001.param.minSpan)`.
   * A rule reads only what it declares in `reads` (define.ts), so who depends on whose
   * parameters is written down; an undeclared read throws (and the engine reports it).
   */
  param<T>(handle: ParamHandle<T>): T {
    const reader = this.reader;
    if (reader && handle.rule !== reader.id && !reader.reads?.some((h) => h.rule === handle.rule && h.key === handle.key)) {
      throw new Error(`${reader.id} reads ${handle.rule}'s parameter ${handle.key} without declaring it in reads`);
    }
    return valueOf(this.params, handle);
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
    return archetypeOf(this.roles[r] ?? { family: 'other', archetype: undefined }, this.defaultArchetype);
  }

  /** vacant(r) (model/facts.ts), from the column filled with it. */
  vacant(r: number): boolean {
    return this.isVacant[r] === 1;
  }
}

/** Every rule's parameters in force, by rule id and key. */
export type ParamValues = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/** A parameter's value in `values`, its default when the values lack it. */
export function valueOf<T>(values: ParamValues, handle: ParamHandle<T>): T {
  const own = values[handle.rule];
  return own && Object.hasOwn(own, handle.key) ? (own[handle.key] as T) : handle.value;
}

function listManagers(ctx: RuleContext): Int32Array {
  const { external, span } = ctx;
  const managers = new Int32Array(ctx.n);
  let count = 0;
  for (let r = 0; r < ctx.n; r++) if (span[r]! > 0 && !external[r]) managers[count++] = r;
  return managers.subarray(0, count);
}
