/**
 * Decision chains (rules.md, "chain(area, u)") without building them. One top-down pass
 * per area gives every role its nearest holder of a `team` decide right along up-walk(u)
 * (topology.nearestUp); a role's effective decider, and the successor of every right in
 * any chain, follow from that in O(1), so each distinct (lower, higher) pair is produced
 * once. Agree holders are counted the same way (topology.sumUp). O(areas × roles + rights).
 */
import type { RuleContext } from './context.ts';
import { AREA_COUNT, AREA_INDEX, RIGHT_CODES, type RightsTable } from './rights.ts';

const { DECIDE, AGREE, OWN, TEAM, DEPARTMENT } = RIGHT_CODES;
const NONE = -1;

/** Positions in DECISION_AREAS of the given area ids, each once, unknown ones left out. */
export const areaIndexes = (areas: readonly string[]): number[] => [...new Set(areas)].map((a) => AREA_INDEX.get(a)).filter((a) => a !== undefined);

/** What the chains of one area give; right numbers index the rights table. */
export interface AreaModel {
  readonly area: number;
  /** Root's effective decider (a right), -1 when root's chain is empty or there is no root. */
  readonly rootDecider: number;
  /** Account owners whose chain is empty, in document order (computed for DEC-002's account areas). */
  readonly uncovered: readonly number[];
  /** Account owners other than root whose chain is non-empty and held only by themselves (client escalations). */
  readonly selfOnly: readonly number[];
  /** Distinct consecutive (lower, higher) entries of any chain, flattened: [lower0, higher0, lower1, …]. */
  readonly pairs: Int32Array;
  /** The most distinct `agree` holders covering one in-scope role, and that role (-1 when none). */
  readonly agreeMax: number;
  readonly agreeRole: number;
}

/** The per-area models of a check (`ctx.decisionModel` builds them once for all DEC rules). */
export function buildDecisionModel(ctx: RuleContext): AreaModel[] {
  const { n, roles, external, root, topology } = ctx;
  const t: RightsTable = ctx.rights;
  // Typed lists with room for all: growing plain arrays of this size allocated more than the rest of the check.
  const ownerList = new Int32Array(n);
  let ownerCount = 0;
  for (let r = 0; r < n; r++) {
    if (external[r]) continue;
    const family = roles[r]!.family;
    if (ctx.accountCount[r]! > 0 || family === 'senior-am' || family === 'am') ownerList[ownerCount++] = r;
  }
  const owners = ownerList.subarray(0, ownerCount);

  // Buffers shared by the areas; per-holder entries are reset after each area.
  const ownFirst = new Int32Array(n).fill(NONE);
  const ownLast = new Int32Array(n).fill(NONE);
  const teamFirst = new Int32Array(n).fill(NONE);
  const teamLast = new Int32Array(n).fill(NONE);
  const hasTeam = new Uint8Array(n);
  const nearest = new Int32Array(n).fill(NONE);
  const w = new Float64Array(n);
  const up = new Float64Array(n);
  const agreeMark = new Uint8Array(n); // bits: 1 own, 2 team, 4 department
  const decide = new Int32Array(t.count); // the area's decide rights, in document order
  const dept: number[] = [];
  const accountArea = new Uint8Array(AREA_COUNT);
  for (const a of areaIndexes(ctx.params['DEC-002'].requiredAccountAreas)) accountArea[a] = 1;
  const escalation = AREA_INDEX.get('client-escalation')!;

  const result: AreaModel[] = [];
  for (let a = 0; a < AREA_COUNT; a++) {
    const from = t.areaStart[a]!;
    const to = t.areaStart[a + 1]!;
    let count = 0;
    let anyTeam = false;
    dept.length = 0;
    for (let k = from; k < to; k++) {
      const i = t.byArea[k]!;
      if (t.authority[i] !== DECIDE) continue;
      const h = t.holder[i]!;
      const s = t.scope[i]!;
      if (s === OWN) {
        if (ownFirst[h] === NONE) ownFirst[h] = i;
        ownLast[h] = i;
      } else if (s === TEAM) {
        if (teamFirst[h] === NONE) teamFirst[h] = i;
        teamLast[h] = i;
        hasTeam[h] = 1;
        anyTeam = true;
      } else {
        dept.push(i);
      }
      decide[count++] = i;
    }
    if (anyTeam) topology.nearestUp(hasTeam, nearest);
    const nearestOf = (u: number): number => (anyTeam ? nearest[u]! : NONE);
    const deptFirst = dept.length > 0 ? dept[0]! : NONE;
    const effective = (u: number): number => {
      if (ownFirst[u] !== NONE) return ownFirst[u]!;
      const near = nearestOf(u);
      if (near !== NONE) return teamFirst[near]!;
      return external[u] ? NONE : deptFirst;
    };

    // Consecutive entries of any chain, each distinct pair once. A holder's rights are
    // contiguous in document order, so the next right of the same holder and scope is found by scanning on.
    // A right starts at most two pairs (a last team right: the team above and the department).
    const pairs = new Int32Array(4 * count);
    let end = 0;
    const pair = (lower: number, higher: number): void => {
      pairs[end++] = lower;
      pairs[end++] = higher;
    };
    for (let p = 0; p < count; p++) {
      const i = decide[p]!;
      const h = t.holder[i]!;
      const s = t.scope[i]!;
      if (s === DEPARTMENT) continue;
      if (i !== (s === OWN ? ownLast[h] : teamLast[h])) {
        let q = p + 1;
        while (t.scope[decide[q]!] !== s) q++;
        pair(i, decide[q]!);
        continue;
      }
      if (s === OWN) {
        const near = nearestOf(h);
        const next = near !== NONE ? teamFirst[near]! : external[h] ? NONE : deptFirst;
        if (next !== NONE) pair(i, next);
        continue;
      }
      const above = topology.strictAbove(nearest, h);
      if (above !== NONE) pair(i, teamFirst[above]!);
      // On a cycle some chain also ends at h; an external h reaches in-scope roles only through its reports.
      const reachesDepartment = !external[h] || ctx.kidCount[h]! > 0;
      if ((above === NONE || topology.cycleOf[h] !== NONE) && deptFirst !== NONE && reachesDepartment) pair(i, deptFirst);
    }
    if (ctx.inScopeCount > 0) for (let d = 0; d + 1 < dept.length; d++) pair(dept[d]!, dept[d + 1]!);

    let deptSole = NONE; // the one holder of every department right, -2 when several
    for (const i of dept) {
      const h = t.holder[i]!;
      deptSole = deptSole === NONE || deptSole === h ? h : -2;
    }
    // Account owners' chains, only where a rule reads them (required areas, client escalations).
    const uncovered: number[] = [];
    const selfOnly: number[] = [];
    if (accountArea[a] || a === escalation) {
      for (let k = 0; k < owners.length; k++) {
        const u = owners[k]!;
        const near = anyTeam ? nearest[u]! : NONE;
        if (ownFirst[u] === NONE && near === NONE && deptFirst === NONE) {
          uncovered.push(u);
        } else if (a === escalation && u !== root) {
          const teamOnlySelf = near === NONE || (near === u && topology.strictAbove(nearest, u) === NONE);
          if (teamOnlySelf && (deptSole === NONE || deptSole === u)) selfOnly.push(u);
        }
      }
    }
    const rootDecider = root >= 0 ? effective(root) : NONE;

    // Distinct agree holders covering each in-scope role: department ones, team ones along up-walk(u), u's own.
    let agreeMax = 0;
    let agreeRole = NONE;
    let deptCount = 0;
    let anyAgree = false;
    let anyTeamAgree = false;
    for (let k = from; k < to; k++) {
      const i = t.byArea[k]!;
      if (t.authority[i] !== AGREE) continue;
      const h = t.holder[i]!;
      const s = t.scope[i]!;
      const bit = s === OWN ? 1 : s === TEAM ? 2 : 4;
      if (bit === 4 && !(agreeMark[h]! & 4)) deptCount++;
      if (bit === 2) anyTeamAgree = true;
      anyAgree = true;
      agreeMark[h]! |= bit;
    }
    if (anyAgree) {
      if (anyTeamAgree) {
        for (let k = from; k < to; k++) {
          const h = t.holder[t.byArea[k]!]!;
          w[h] = (agreeMark[h]! & 6) === 2 ? 1 : 0;
        }
        topology.sumUp(w, up);
      }
      for (let u = 0; u < n; u++) {
        if (external[u]) continue;
        const mark = agreeMark[u]!;
        const c = deptCount + (anyTeamAgree ? up[u]! : 0) + ((mark & 7) === 1 ? 1 : 0);
        if (c > agreeMax) {
          agreeMax = c;
          agreeRole = u;
        }
      }
    }

    result.push({ area: a, rootDecider, uncovered, selfOnly, pairs: pairs.subarray(0, end), agreeMax, agreeRole });

    for (let k = from; k < to; k++) {
      const h = t.holder[t.byArea[k]!]!;
      ownFirst[h] = ownLast[h] = teamFirst[h] = teamLast[h] = NONE;
      hasTeam[h] = agreeMark[h] = 0;
      w[h] = 0;
    }
  }
  return result;
}

/** The holders of `agree` rights in area a covering role u, in document order. */
export function agreeHoldersCovering(ctx: RuleContext, a: number, u: number): number[] {
  const t = ctx.rights;
  const walk = new Set(ctx.index.upWalk(u));
  const holders = new Set<number>();
  for (let k = t.areaStart[a]!; k < t.areaStart[a + 1]!; k++) {
    const i = t.byArea[k]!;
    if (t.authority[i] !== AGREE) continue;
    const h = t.holder[i]!;
    const s = t.scope[i]!;
    if ((s === OWN && h === u) || (s === TEAM && walk.has(h)) || (s === DEPARTMENT && !ctx.external[u])) holders.add(h);
  }
  return [...holders].sort((x, y) => x - y);
}

