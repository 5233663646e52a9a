/**
 * The decision rights of a document as one flat table of small integers (holder, area,
 * authority, effective scope), built once per check: the decision rules then compare
 * numbers instead of looking strings up per right.
 */
import { DECISION_AREAS, DECISION_AREA_TIERS, type DecisionArea } from '../schema/constants.ts';
import type { DecisionRight } from '../schema/v1.ts';
import type { RuleContext } from './context.ts';

export const AREA_COUNT = DECISION_AREAS.length;
/** Area id → its position in DECISION_AREAS. */
export const AREA_INDEX: ReadonlyMap<string, number> = new Map(DECISION_AREAS.map((a, i) => [a, i]));
/** Positions in DECISION_AREAS of the given area ids, each once, unknown ones left out. */
export const areaIndexes = (areas: readonly string[]): number[] => [...new Set(areas)].map((a) => AREA_INDEX.get(a)).filter((a) => a !== undefined);
/** Tier rank of each area (operational 0, tactical 1, strategic 2), by area position. */
export const AREA_TIER_RANK: Uint8Array = Uint8Array.from(DECISION_AREAS, (a) => ({ operational: 0, tactical: 1, strategic: 2 })[DECISION_AREA_TIERS[a]]);

/**
 * Authority, scope and limit codes. Modules destructure this object once at load, so hot
 * loops read local constants (imported bindings may compile to getters under a loader).
 */
export const RIGHT_CODES = Object.freeze({ DECIDE: 0, AGREE: 1, OTHER: 2, OWN: 0, TEAM: 1, DEPARTMENT: 2, NO_LIMIT: 0, PERCENT: 1, AMOUNT: 2 } as const);
const { DECIDE, AGREE, OTHER, OWN, TEAM, DEPARTMENT, PERCENT, AMOUNT } = RIGHT_CODES;

export interface RightsTable {
  readonly count: number;
  readonly holder: Int32Array;
  readonly area: Uint8Array;
  /** DECIDE, AGREE or another authority (2). */
  readonly authority: Uint8Array;
  /** OWN, TEAM or DEPARTMENT: the right's scope with the default of format.md. */
  readonly scope: Uint8Array;
  /** NO_LIMIT, PERCENT or AMOUNT, and the limit's number (0 without a limit). */
  readonly limitKind: Uint8Array;
  readonly limitValue: Float64Array;
  /** The right's position in its holder's `decisions` (see rightAt). */
  readonly slot: Int32Array;
  /** Rights of area a in document order: byArea[areaStart[a] .. areaStart[a + 1]). */
  readonly areaStart: Int32Array;
  readonly byArea: Int32Array;
}

/** Builds the rights table in O(rights); the number of reports decides the default scope. */
export function buildRights(ctx: RuleContext): RightsTable {
  const count = ctx.rightCount;
  const table: RightsTable = {
    count,
    holder: new Int32Array(count),
    area: new Uint8Array(count),
    authority: new Uint8Array(count),
    scope: new Uint8Array(count),
    limitKind: new Uint8Array(count),
    limitValue: new Float64Array(count),
    slot: new Int32Array(count),
    areaStart: new Int32Array(AREA_COUNT + 1),
    byArea: new Int32Array(count),
  };
  // One function per pass, like the tree index's (see buildTreeIndex).
  fillRights(table, ctx);
  sortByArea(table);
  return table;
}

/** Everything but byArea; areaStart holds the count of each area, shifted by one. */
function fillRights(table: RightsTable, ctx: RuleContext): void {
  const { holder, slot, area, authority, scope, limitKind, limitValue, areaStart } = table;
  const { roles, external, kidCount, decisionCount } = ctx;
  let k = 0;
  for (let r = 0; r < ctx.n; r++) {
    if (decisionCount[r] === 0) continue;
    const decisions = roles[r]!.decisions;
    for (let j = 0; j < decisions.length; j++, k++) {
      const d = decisions[j]!;
      holder[k] = r;
      slot[k] = j;
      const a = AREA_INDEX.get(d.area) ?? 0;
      area[k] = a;
      areaStart[a + 1]!++;
      authority[k] = d.authority === 'decide' ? DECIDE : d.authority === 'agree' ? AGREE : OTHER;
      const s = d.scope;
      scope[k] = s === 'own' ? OWN : s === 'team' ? TEAM : s === 'department' ? DEPARTMENT : external[r] ? DEPARTMENT : kidCount[r]! > 0 ? TEAM : OWN;
      const limit = d.limit;
      if (limit) {
        const percent = 'percent' in limit;
        limitKind[k] = percent ? PERCENT : AMOUNT;
        limitValue[k] = percent ? limit.percent : limit.amount;
      }
    }
  }
}

/** areaStart as offsets, and byArea: the rights of each area in document order. */
function sortByArea(table: RightsTable): void {
  const { area, areaStart, byArea } = table;
  for (let a = 0; a < AREA_COUNT; a++) areaStart[a + 1]! += areaStart[a]!;
  const fill = areaStart.slice(0, AREA_COUNT);
  for (let i = 0; i < table.count; i++) byArea[fill[area[i]!]!++] = i;
}

/** Right i of the table as written in the document (for messages). */
export function rightAt(ctx: RuleContext, i: number): DecisionRight {
  const t = ctx.rights;
  return ctx.roles[t.holder[i]!]!.decisions[t.slot[i]!]!;
}

/** The area id at a position of DECISION_AREAS. */
export function areaAt(a: number): DecisionArea {
  return DECISION_AREAS[a] ?? DECISION_AREAS[0]!;
}
