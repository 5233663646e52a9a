/**
 * The tree index: built once per document, read by rules, metrics, layout and the
 * canvas. Total on cycles, dangling references and 10,000-deep chains: every walk is
 * iterative, and roles are addressed by their index in `doc.roles`.
 *
 * Terms (rules.md): in scope = not external; kids(r) = in-scope roles whose
 * `reportsTo` is r; a top role is in scope with `reportsTo` null or naming an external
 * role; sub(r) = r and the in-scope roles below it through in-scope roles only.
 *
 * sub() is represented by a forest: every in-scope role hangs under its existing
 * manager (other than itself); an external role is always a forest root (an external
 * role ends a branch upward). A preorder walk gives each reached role an Euler
 * interval [enter, exit), so "u ∈ sub(h)" is O(1). Roles that no forest root reaches
 * are in or below a reporting cycle; queries about them walk up with a visited set.
 */
import type { OrgDocument, Role } from '../schema/v1.ts';
import { reportFacts, type ReportFacts } from './facts.ts';

const NONE = -1;
const EMPTY: readonly number[] = Object.freeze([]);

/** The report facts (facts.ts: kidCount, assistant, span) are columns of the index, filled while it links roles. */
export interface TreeIndex extends ReportFacts {
  readonly doc: OrgDocument;
  readonly roles: readonly Role[];
  /** Role index by id (the first role with that id). Built on first use. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** indexOf.get(id), without building indexOf for an id that a reportsTo or a dotted line names. */
  roleIndex(id: string): number | undefined;
  /** Solid-line manager of each role: the index, or -1 when null, missing or itself. */
  readonly managerOf: Int32Array;
  /** Parent in the forest that defines sub(): -1 for external roles and roles without a valid manager. */
  readonly treeParent: Int32Array;
  /** Depth (top role = 1), 0 for roles under no top role and for external roles. */
  readonly depth: Int32Array;
  /** Euler interval of each reached role (enter = -1 when unreached: in or below a cycle). */
  readonly enter: Int32Array;
  readonly exit: Int32Array;
  /** Reached roles in preorder: every role comes after its forest parent (top-down passes). */
  readonly preorder: Int32Array;
  /** Top roles in document order. */
  readonly tops: readonly number[];
  /** The top role with the largest team (headcount of sub), first in the document on ties; -1 when none. */
  readonly root: number;
  /** Sum of headcount over sub(r), r included when in scope. */
  readonly teamHeadcount: Float64Array;
  /** kids(r): in-scope roles reporting to r, in document order. */
  kids(r: number): readonly number[];
  /** Whether role r is in scope (not external). */
  inScope(r: number): boolean;
  /** Whether u ∈ sub(h). */
  isUnder(u: number, h: number): boolean;
  /** up-walk(u): u, its manager, … stopping after the first external role, before a missing role or a repeat. */
  upWalk(u: number): number[];
}

/**
 * Builds the tree index of a document in O(roles). Each pass is a function of its own:
 * V8 optimizes a hot loop while its function runs, and code after the loop, not yet run,
 * would be optimized without feedback and thrown away at its first use. Kept for the
 * full rule check of docs/performance.md (5.3 ms at 10,000 roles, index included,
 * target ≤ 10 ms).
 */
export function buildTreeIndex(doc: OrgDocument): TreeIndex {
  const roles = doc.roles;
  const n = roles.length;
  const lines = readLines(roles);
  const namedRole = findNamed(roles, lines.named);
  const { managerOf, treeParent, kidCount, assistant, span, tops } = link(roles, lines, namedRole);
  const offset = childOffsets(kidCount);
  const flat = childList(treeParent, offset);
  const walk = preorderWalk(treeParent, lines.external, tops, offset, flat);
  const teamHeadcount = teamHeadcounts(walk.preorder, treeParent, lines.external, lines.headcount);
  let root = NONE;
  for (const t of tops) if (root === NONE || teamHeadcount[t]! > teamHeadcount[root]!) root = t;

  const { external, named } = lines;
  const { enter, exit } = walk;
  let kidLists: (readonly number[] | undefined)[] | undefined; // made on first use: most checks never ask
  const kids = (r: number): readonly number[] => {
    if (r < 0 || r >= n || kidCount[r] === 0) return EMPTY;
    kidLists ??= new Array(n);
    let list = kidLists[r];
    if (!list) kidLists[r] = list = Array.from(flat.subarray(offset[r]!, offset[r + 1]!));
    return list;
  };

  const upWalk = (u: number): number[] => {
    const walk: number[] = [];
    const seen = new Set<number>();
    for (let r = u; r !== NONE && !seen.has(r); r = managerOf[r]!) {
      walk.push(r);
      seen.add(r);
      if (external[r]) break;
    }
    return walk;
  };

  const isUnder = (u: number, h: number): boolean => {
    if (u < 0 || h < 0 || u >= n || h >= n) return false;
    if (u === h) return true;
    if (external[u]) return false;
    if (enter[u] !== NONE && enter[h] !== NONE) return enter[h]! <= enter[u]! && enter[u]! < exit[h]!;
    if (enter[u] !== NONE) return false; // a reached role is never under an unreached one
    return upWalk(u).includes(h);
  };

  let indexOf: Map<string, number> | undefined;
  const byId = (): ReadonlyMap<string, number> => (indexOf ??= mapIds(roles));
  const roleIndex = (id: string): number | undefined => {
    const k = named.get(id);
    if (k === undefined) return byId().get(id);
    return namedRole[k] === NONE ? undefined : namedRole[k];
  };

  const index: Omit<TreeIndex, 'indexOf'> = {
    doc,
    roles,
    roleIndex,
    managerOf,
    treeParent,
    depth: walk.depth,
    enter,
    exit,
    preorder: walk.preorder,
    tops,
    root,
    teamHeadcount,
    kidCount,
    assistant,
    span,
    kids,
    inScope: (r) => r >= 0 && r < n && !external[r],
    isUnder,
    upWalk,
  };
  // defineProperty, not a getter in the literal, which V8 keeps as a slower dictionary; kept for the rule-check figure (docs/performance.md).
  return Object.defineProperty(index, 'indexOf', { get: byId, enumerable: true }) as TreeIndex;
}

/** Role index by id, the first role with each id. */
function mapIds(roles: readonly Role[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  for (let i = 0; i < roles.length; i++) if (!indexOf.has(roles[i]!.id)) indexOf.set(roles[i]!.id, i);
  return indexOf;
}

interface Lines {
  readonly external: Uint8Array;
  readonly headcount: Float64Array;
  /** `assistant: true` as written (assistant(c) of facts.ts adds its conditions). */
  readonly marked: Uint8Array;
  /** The ids that reportsTo and dotted lines name, numbered. */
  readonly named: Map<string, number>;
  /** Per role, the number of the id its reportsTo names, -1 for null. */
  readonly reportsTo: Int32Array;
}

/**
 * Lines name few distinct ids (about one per manager). Numbering those, finding the
 * first role with each and resolving reportsTo by number is far cheaper than a map of
 * every id, which `indexOf` builds on first use.
 */
function readLines(roles: readonly Role[]): Lines {
  const n = roles.length;
  const named = new Map<string, number>();
  const external = new Uint8Array(n);
  const headcount = new Float64Array(n);
  const marked = new Uint8Array(n);
  const reportsTo = new Int32Array(n).fill(NONE);
  let lastTo: string | null = null;
  let lastNumber = NONE;
  for (let i = 0; i < n; i++) {
    const role = roles[i]!;
    external[i] = role.external ? 1 : 0;
    headcount[i] = role.headcount;
    if (role.assistant) marked[i] = 1;
    const to = role.reportsTo;
    if (to !== null) {
      // Reports are usually listed together: most roles name the manager the previous one named.
      if (to !== lastTo) lastNumber = numberOf(named, (lastTo = to));
      reportsTo[i] = lastNumber;
    }
    for (const line of role.dottedLines) numberOf(named, line.to);
  }
  return { external, headcount, marked, named, reportsTo };
}

/** The number of a named id, numbering it when new. */
function numberOf(named: Map<string, number>, id: string): number {
  let k = named.get(id);
  if (k === undefined) named.set(id, (k = named.size));
  return k;
}

/** The first role with each named id, -1 when none has it. */
function findNamed(roles: readonly Role[], named: ReadonlyMap<string, number>): Int32Array {
  const namedRole = new Int32Array(named.size).fill(NONE);
  for (let i = 0; i < roles.length; i++) {
    const k = named.get(roles[i]!.id);
    if (k !== undefined && namedRole[k] === NONE) namedRole[k] = i;
  }
  return namedRole;
}

/** Managers, forest parents, the report facts (facts.ts) and top roles. */
function link(roles: readonly Role[], lines: Lines, namedRole: Int32Array) {
  const n = roles.length;
  const { external, headcount, marked, reportsTo } = lines;
  const managerOf = new Int32Array(n).fill(NONE);
  const treeParent = new Int32Array(n).fill(NONE);
  const facts: ReportFacts = { kidCount: new Int32Array(n), assistant: new Uint8Array(n), span: new Float64Array(n) };
  const tops: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = reportsTo[i] === NONE ? NONE : namedRole[reportsTo[i]!]!;
    if (m !== NONE && m !== i) managerOf[i] = m;
    if (external[i]) continue;
    if (m !== NONE && m !== i) {
      treeParent[i] = m;
      reportFacts(i, m, marked[i] === 1, headcount[i]!, external[m] === 1, facts);
      if (external[m]) tops.push(i);
    } else if (reportsTo[i] === NONE) {
      tops.push(i);
    }
  }
  return { managerOf, treeParent, ...facts, tops };
}

/** Where the children of each role start in the child list (offset[r] .. offset[r + 1]). */
function childOffsets(kidCount: Int32Array): Int32Array {
  const n = kidCount.length;
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + kidCount[i]!;
  return offset;
}

/** Every role's children in document order, one flat list. */
function childList(treeParent: Int32Array, offset: Int32Array): Int32Array {
  const n = treeParent.length;
  const flat = new Int32Array(offset[n]!);
  const fill = offset.slice(0, n);
  for (let i = 0; i < n; i++) {
    const p = treeParent[i]!;
    if (p !== NONE) flat[fill[p]!++] = i;
  }
  return flat;
}

/** Preorder walk of the forest from every root (explicit stack, children in document order). */
function preorderWalk(treeParent: Int32Array, external: Uint8Array, tops: readonly number[], offset: Int32Array, flat: Int32Array) {
  const n = treeParent.length;
  const enter = new Int32Array(n).fill(NONE);
  const exit = new Int32Array(n).fill(NONE);
  const depth = new Int32Array(n);
  const preorder = new Int32Array(n);
  let reached = 0;
  const stack = new Int32Array(n);
  const next = new Int32Array(n); // next child position to visit, per role
  const isTop = new Uint8Array(n);
  for (const t of tops) isTop[t] = 1;
  for (let start = 0; start < n; start++) {
    if (treeParent[start] !== NONE) continue;
    let sp = 0;
    stack[sp++] = start;
    enter[start] = reached;
    preorder[reached++] = start;
    depth[start] = isTop[start] ? 1 : 0;
    next[start] = offset[start]!;
    while (sp > 0) {
      const r = stack[sp - 1]!;
      if (next[r]! < offset[r + 1]!) {
        const c = flat[next[r]!++]!;
        enter[c] = reached;
        preorder[reached++] = c;
        depth[c] = depth[r]! > 0 && !external[r] ? depth[r]! + 1 : isTop[c] ? 1 : 0;
        next[c] = offset[c]!;
        stack[sp++] = c;
      } else {
        exit[r] = reached;
        sp--;
      }
    }
  }
  return { enter, exit, depth, preorder: preorder.subarray(0, reached) };
}

/** Team headcount bottom-up: reverse preorder visits children before parents. */
function teamHeadcounts(preorder: Int32Array, treeParent: Int32Array, external: Uint8Array, headcount: Float64Array): Float64Array {
  const teamHeadcount = new Float64Array(treeParent.length);
  for (let k = preorder.length - 1; k >= 0; k--) {
    const r = preorder[k]!;
    if (!external[r]) teamHeadcount[r]! += headcount[r]!;
    const p = treeParent[r]!;
    if (p !== NONE) teamHeadcount[p]! += teamHeadcount[r]!;
  }
  return teamHeadcount;
}
