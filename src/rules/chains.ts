/**
 * Decision chains (rules.md, "chain(area, u)") without building them. One top-down pass
 * per area gives every role its nearest holder of a `team` decide right along up-walk(u)
 * (topology.nearestUp); a role's effective decider, and the successor of every right in
 * any chain, follow from that in O(1), so each distinct (lower, higher) pair is produced
 * once. Agree holders are counted the same way (topology.sumUp). O(areas × roles + rights).
 */
import { valueOf, type RuleContext } from './context.ts';
import { FAMILY } from './columns.ts';
import { DEC_002 } from './decision/DEC-002.ts';
import { AREA_COUNT, AREA_INDEX, RIGHT_CODES, areaIndexes, type RightsTable } from './rights.ts';

const { DECIDE, AGREE, OWN, TEAM, DEPARTMENT } = RIGHT_CODES;
const NONE = -1;

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

/**
 * Buffers shared by the areas of one check, indexed by role (per-holder entries are reset
 * after each area), and the area's decide rights.
 */
class AreaScratch {
  readonly ownFirst: Int32Array;
  readonly ownLast: Int32Array;
  readonly teamFirst: Int32Array;
  readonly teamLast: Int32Array;
  readonly hasTeam: Uint8Array;
  /** Nearest holder of a team decide right along up-walk(u), valid when `anyTeam`. */
  readonly nearest: Int32Array;
  /** Team agree weights and their sums up the walk, made for the first area with team agree rights. */
  w: Float64Array | undefined;
  up: Float64Array | undefined;
  /** Agree rights held: bits 1 own, 2 team, 4 department. */
  readonly agreeMark: Uint8Array;
  /** The area's decide rights in document order: decide[0 .. count). */
  readonly decide: Int32Array;
  count = 0;
  anyTeam = false;
  /** The area's department decide rights in document order. */
  readonly dept: number[] = [];

  constructor(n: number, rights: number) {
    this.ownFirst = new Int32Array(n).fill(NONE);
    this.ownLast = new Int32Array(n).fill(NONE);
    this.teamFirst = new Int32Array(n).fill(NONE);
    this.teamLast = new Int32Array(n).fill(NONE);
    this.hasTeam = new Uint8Array(n);
    this.nearest = new Int32Array(n).fill(NONE);
    this.agreeMark = new Uint8Array(n);
    this.decide = new Int32Array(rights);
  }
}

/**
 * The per-area models of a check (`ctx.decisionModel` builds them once for all DEC rules).
 * Each pass is a function of its own, like the tree index's (see buildTreeIndex).
 */
export function buildDecisionModel(ctx: RuleContext): AreaModel[] {
  const owners = accountOwners(ctx);
  const scratch = new AreaScratch(ctx.n, ctx.rights.count);
  const accountArea = new Uint8Array(AREA_COUNT);
  // DEC-002's account areas, read past ctx.param's `reads` check: the model is built once, inside
  // whichever DEC rule first asks for it, and serves them all (DEC-002 reports on these areas).
  for (const a of areaIndexes(valueOf(ctx.params, DEC_002.param.requiredAccountAreas))) accountArea[a] = 1;
  const escalation = AREA_INDEX.get('client-escalation')!;
  const result: AreaModel[] = [];
  for (let a = 0; a < AREA_COUNT; a++) {
    scanDecideRights(ctx, scratch, a);
    if (scratch.anyTeam) ctx.topology.nearestUp(scratch.hasTeam, scratch.nearest);
    const pairs = chainPairs(ctx, scratch);
    // Account owners' chains, only where a rule reads them (required areas, client escalations).
    const uncovered: number[] = [];
    const selfOnly: number[] = [];
    if (accountArea[a] || a === escalation) ownerChains(ctx, scratch, owners, a === escalation, uncovered, selfOnly);
    const rootDecider = ctx.root >= 0 ? effectiveDecider(ctx, scratch, ctx.root) : NONE;
    const agree = mostAgree(ctx, scratch, a);
    result.push({ area: a, rootDecider, uncovered, selfOnly, pairs, agreeMax: agree.max, agreeRole: agree.role });
    resetArea(ctx.rights, scratch, a);
  }
  return result;
}

/** In-scope roles that own accounts or are (senior) account managers, in document order. */
export function accountOwners(ctx: RuleContext): Int32Array {
  const { external, accountCount, family } = ctx;
  // A typed list with room for all: growing a plain array of this size allocated more than the rest of the check
  // (kept for the rule-check figure, docs/performance.md).
  const owners = new Int32Array(ctx.n);
  let count = 0;
  for (let r = 0; r < ctx.n; r++) {
    if (external[r]) continue;
    if (accountCount[r]! > 0 || family[r] === FAMILY['senior-am'] || family[r] === FAMILY.am) owners[count++] = r;
  }
  return owners.subarray(0, count);
}

/**
 * The effective decider of each role of `roles` in every area (rules.md, "chain(area, u)"):
 * result[a][k] is a right of ctx.rights, or -1 when the chain of roles[k] is empty. The same
 * passes and rule as the root's decider of buildDecisionModel, for the comparison of two
 * documents (compare/diff.ts), which asks about the root and the account owners.
 */
export function effectiveDeciders(ctx: RuleContext, roles: ArrayLike<number>): Int32Array[] {
  const scratch = new AreaScratch(ctx.n, ctx.rights.count);
  const result: Int32Array[] = [];
  for (let a = 0; a < AREA_COUNT; a++) {
    scanDecideRights(ctx, scratch, a);
    if (scratch.anyTeam) ctx.topology.nearestUp(scratch.hasTeam, scratch.nearest);
    const deciders = new Int32Array(roles.length);
    for (let k = 0; k < roles.length; k++) deciders[k] = effectiveDecider(ctx, scratch, roles[k]!);
    result.push(deciders);
    resetArea(ctx.rights, scratch, a);
  }
  return result;
}

/** Each holder's first and last own and team decide right in area a, the department ones, and the area's decide rights. */
function scanDecideRights(ctx: RuleContext, s: AreaScratch, a: number): void {
  const t = ctx.rights;
  const { ownFirst, ownLast, teamFirst, teamLast, hasTeam, decide, dept } = s;
  let count = 0;
  let anyTeam = false;
  dept.length = 0;
  for (let k = t.areaStart[a]!; k < t.areaStart[a + 1]!; k++) {
    const i = t.byArea[k]!;
    if (t.authority[i] !== DECIDE) continue;
    const h = t.holder[i]!;
    const scope = t.scope[i]!;
    if (scope === OWN) {
      if (ownFirst[h] === NONE) ownFirst[h] = i;
      ownLast[h] = i;
    } else if (scope === TEAM) {
      if (teamFirst[h] === NONE) teamFirst[h] = i;
      teamLast[h] = i;
      hasTeam[h] = 1;
      anyTeam = true;
    } else {
      dept.push(i);
    }
    decide[count++] = i;
  }
  s.count = count;
  s.anyTeam = anyTeam;
}

const nearestOf = (s: AreaScratch, u: number): number => (s.anyTeam ? s.nearest[u]! : NONE);
const deptFirstOf = (s: AreaScratch): number => (s.dept.length > 0 ? s.dept[0]! : NONE);

/** The effective decider of u: its first own right, else the first team right of its nearest team holder, else the first department right (u in scope). */
function effectiveDecider(ctx: RuleContext, s: AreaScratch, u: number): number {
  if (s.ownFirst[u] !== NONE) return s.ownFirst[u]!;
  const near = nearestOf(s, u);
  if (near !== NONE) return s.teamFirst[near]!;
  return ctx.external[u] ? NONE : deptFirstOf(s);
}

/**
 * Consecutive entries of any chain, each distinct pair once, flattened. A holder's rights
 * are contiguous in document order, so the next right of the same holder and scope is
 * found by scanning on.
 */
function chainPairs(ctx: RuleContext, s: AreaScratch): Int32Array {
  const t = ctx.rights;
  const { topology, external } = ctx;
  const { decide, count, ownLast, teamLast, teamFirst, nearest, dept } = s;
  const deptFirst = deptFirstOf(s);
  // A right starts at most two pairs (a last team right: the team above and the department).
  const pairs = new Int32Array(4 * count);
  let end = 0;
  for (let p = 0; p < count; p++) {
    const i = decide[p]!;
    const h = t.holder[i]!;
    const scope = t.scope[i]!;
    if (scope === DEPARTMENT) continue;
    if (i !== (scope === OWN ? ownLast[h] : teamLast[h])) {
      let q = p + 1;
      while (t.scope[decide[q]!] !== scope) q++;
      pairs[end++] = i;
      pairs[end++] = decide[q]!;
      continue;
    }
    if (scope === OWN) {
      const near = nearestOf(s, h);
      const next = near !== NONE ? teamFirst[near]! : external[h] ? NONE : deptFirst;
      if (next !== NONE) {
        pairs[end++] = i;
        pairs[end++] = next;
      }
      continue;
    }
    const above = topology.strictAbove(nearest, h);
    if (above !== NONE) {
      pairs[end++] = i;
      pairs[end++] = teamFirst[above]!;
    }
    // On a cycle some chain also ends at h; an external h reaches in-scope roles only through its reports.
    const reachesDepartment = !external[h] || ctx.kidCount[h]! > 0;
    if ((above === NONE || topology.cycleOf[h] !== NONE) && deptFirst !== NONE && reachesDepartment) {
      pairs[end++] = i;
      pairs[end++] = deptFirst;
    }
  }
  if (ctx.inScopeCount > 0) {
    for (let d = 0; d + 1 < dept.length; d++) {
      pairs[end++] = dept[d]!;
      pairs[end++] = dept[d + 1]!;
    }
  }
  return pairs.subarray(0, end);
}

/** Account owners whose chain is empty, and (for client escalations) those whose chain only they hold. */
function ownerChains(ctx: RuleContext, s: AreaScratch, owners: Int32Array, escalation: boolean, uncovered: number[], selfOnly: number[]): void {
  const { ownFirst, nearest, anyTeam, dept } = s;
  const deptFirst = deptFirstOf(s);
  let deptSole = NONE; // the one holder of every department right, -2 when several
  for (const i of dept) {
    const h = ctx.rights.holder[i]!;
    deptSole = deptSole === NONE || deptSole === h ? h : -2;
  }
  for (let k = 0; k < owners.length; k++) {
    const u = owners[k]!;
    const near = anyTeam ? nearest[u]! : NONE;
    if (ownFirst[u] === NONE && near === NONE && deptFirst === NONE) {
      uncovered.push(u);
    } else if (escalation && u !== ctx.root) {
      const teamOnlySelf = near === NONE || (near === u && ctx.topology.strictAbove(nearest, u) === NONE);
      if (teamOnlySelf && (deptSole === NONE || deptSole === u)) selfOnly.push(u);
    }
  }
}

/** Distinct agree holders covering each in-scope role (department ones, team ones along up-walk(u), u's own): the most, and where. */
function mostAgree(ctx: RuleContext, s: AreaScratch, a: number): { max: number; role: number } {
  const t = ctx.rights;
  const { agreeMark } = s;
  let deptCount = 0;
  let anyAgree = false;
  let anyTeamAgree = false;
  for (let k = t.areaStart[a]!; k < t.areaStart[a + 1]!; k++) {
    const i = t.byArea[k]!;
    if (t.authority[i] !== AGREE) continue;
    const h = t.holder[i]!;
    const scope = t.scope[i]!;
    const bit = scope === OWN ? 1 : scope === TEAM ? 2 : 4;
    if (bit === 4 && !(agreeMark[h]! & 4)) deptCount++;
    if (bit === 2) anyTeamAgree = true;
    anyAgree = true;
    agreeMark[h]! |= bit;
  }
  if (!anyAgree) return { max: 0, role: NONE };
  if (anyTeamAgree) {
    const w = (s.w ??= new Float64Array(ctx.n));
    const up = (s.up ??= new Float64Array(ctx.n));
    for (let k = t.areaStart[a]!; k < t.areaStart[a + 1]!; k++) {
      const h = t.holder[t.byArea[k]!]!;
      w[h] = (agreeMark[h]! & 6) === 2 ? 1 : 0;
    }
    ctx.topology.sumUp(w, up);
  }
  return maxAgree(ctx, agreeMark, deptCount, anyTeamAgree ? s.up : undefined);
}

/** `up`: the team agree holders along each up-walk, when the area has team agree rights. */
function maxAgree(ctx: RuleContext, agreeMark: Uint8Array, deptCount: number, up: Float64Array | undefined): { max: number; role: number } {
  const { external } = ctx;
  let max = 0;
  let role = NONE;
  for (let u = 0; u < ctx.n; u++) {
    if (external[u]) continue;
    const c = deptCount + (up ? up[u]! : 0) + ((agreeMark[u]! & 7) === 1 ? 1 : 0);
    if (c > max) {
      max = c;
      role = u;
    }
  }
  return { max, role };
}

/** Clears the per-holder entries area a set. */
function resetArea(t: RightsTable, s: AreaScratch, a: number): void {
  const { ownFirst, ownLast, teamFirst, teamLast, hasTeam, agreeMark, w } = s;
  for (let k = t.areaStart[a]!; k < t.areaStart[a + 1]!; k++) {
    const h = t.holder[t.byArea[k]!]!;
    ownFirst[h] = ownLast[h] = teamFirst[h] = teamLast[h] = NONE;
    hasTeam[h] = agreeMark[h] = 0;
    if (w) w[h] = 0;
  }
}

/**
 * DEC-007's subjects: every holder of an `agree` right in area a that covers at least one
 * in-scope role covered by more than `maxAgree` distinct agree holders, in document order
 * (rules.md, "Precise readings"). Runs only for an area with a finding: the counts are
 * those of mostAgree, and the up-walks of the over-covered roles are marked once each
 * (a walk stops at a role already marked, whose up-walk is then marked too), so O(roles).
 */
export function agreeHoldersOverMax(ctx: RuleContext, a: number, maxAgree: number): number[] {
  const t = ctx.rights;
  const { n, external } = ctx;
  const mark = new Uint8Array(n); // per holder: 1 own, 2 team, 4 department
  let deptCount = 0;
  for (let k = t.areaStart[a]!; k < t.areaStart[a + 1]!; k++) {
    const i = t.byArea[k]!;
    if (t.authority[i] !== AGREE) continue;
    const h = t.holder[i]!;
    const scope = t.scope[i]!;
    const bit = scope === OWN ? 1 : scope === TEAM ? 2 : 4;
    if (bit === 4 && !(mark[h]! & 4)) deptCount++;
    mark[h]! |= bit;
  }
  const teamOnly = new Float64Array(n);
  for (let h = 0; h < n; h++) teamOnly[h] = (mark[h]! & 6) === 2 ? 1 : 0;
  const up = ctx.topology.sumUp(teamOnly, new Float64Array(n));
  const over = new Uint8Array(n);
  const onWalk = new Uint8Array(n); // roles on the up-walk of an over-covered role
  const managerOf = ctx.index.managerOf;
  let anyOver = false;
  for (let u = 0; u < n; u++) {
    if (external[u] || !(deptCount + up[u]! + ((mark[u]! & 7) === 1 ? 1 : 0) > maxAgree)) continue;
    over[u] = 1;
    anyOver = true;
    for (let r = u; r !== NONE && !onWalk[r]; r = managerOf[r]!) {
      onWalk[r] = 1;
      if (external[r]) break;
    }
  }
  const holders: number[] = [];
  for (let h = 0; h < n; h++) {
    const m = mark[h]!;
    if ((m & 4 && anyOver) || (m & 2 && onWalk[h]) || (m & 1 && over[h])) holders.push(h);
  }
  return holders;
}
