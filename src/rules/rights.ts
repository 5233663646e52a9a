/**
 * The decision rights of a document as one flat table of small integers (holder, area,
 * authority, effective scope), built once per check: the decision rules then compare
 * numbers instead of looking strings up per right.
 */
import { DECISION_AREAS, DECISION_AREA_TIERS, type DecisionArea, type DecisionRight } from '../schema/v1.ts';
import type { TreeIndex } from '../model/tree.ts';

export const AREA_COUNT = DECISION_AREAS.length;
/** Area id → its position in DECISION_AREAS. */
export const AREA_INDEX: ReadonlyMap<string, number> = new Map(DECISION_AREAS.map((a, i) => [a, i]));
/** Tier rank of each area (operational 0, tactical 1, strategic 2), by area position. */
export const AREA_TIER_RANK: Uint8Array = Uint8Array.from(DECISION_AREAS, (a) => ({ operational: 0, tactical: 1, strategic: 2 })[DECISION_AREA_TIERS[a]]);

/**
 * Authority and scope codes. Modules destructure this object once at load, so hot
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
  readonly right: readonly DecisionRight[];
  /** Rights of area a in document order: byArea[areaStart[a] .. areaStart[a + 1]). */
  readonly areaStart: Int32Array;
  readonly byArea: Int32Array;
}

/** Builds the rights table in O(roles + rights); `kidCount` decides the default scope. */
export function buildRights(index: TreeIndex, external: Uint8Array, kidCount: Int32Array): RightsTable {
  const roles = index.roles;
  let count = 0;
  for (let r = 0; r < roles.length; r++) count += roles[r]!.decisions.length;
  const holder = new Int32Array(count);
  const area = new Uint8Array(count);
  const authority = new Uint8Array(count);
  const scope = new Uint8Array(count);
  const limitKind = new Uint8Array(count);
  const limitValue = new Float64Array(count);
  const right: DecisionRight[] = new Array(count);
  const areaStart = new Int32Array(AREA_COUNT + 1);
  let k = 0;
  for (let r = 0; r < roles.length; r++) {
    const decisions = roles[r]!.decisions;
    for (let j = 0; j < decisions.length; j++, k++) {
      const d = decisions[j]!;
      holder[k] = r;
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
      right[k] = d;
    }
  }
  for (let a = 0; a < AREA_COUNT; a++) areaStart[a + 1]! += areaStart[a]!;
  const fill = areaStart.slice(0, AREA_COUNT);
  const byArea = new Int32Array(count);
  for (let i = 0; i < count; i++) byArea[fill[area[i]!]!++] = i;
  return { count, holder, area, authority, scope, limitKind, limitValue, right, areaStart, byArea };
}

/** The area id at a position of DECISION_AREAS. */
export function areaAt(a: number): DecisionArea {
  return DECISION_AREAS[a] ?? DECISION_AREAS[0]!;
}
