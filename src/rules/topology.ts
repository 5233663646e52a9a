/**
 * What the rules need from the reporting lines beyond the tree index: reporting cycles,
 * and passes along up-walk(u) that also cover roles in or below a cycle (which the
 * index's preorder does not reach). Everything is O(roles) and iterative.
 *
 * Below a cycle, up-walk(u) runs up the tree path to the cycle, then once around it;
 * for a role on a cycle it runs once around. So a "nearest along up-walk" value of a
 * cycle role is found by going twice around the cycle backwards, and the roles hanging
 * below get theirs top-down from the cycle, like the roles of the index's preorder.
 */
import type { TreeIndex } from '../model/tree.ts';

const NONE = -1;
const EMPTY = new Int32Array(0);

/**
 * A class, so that nearestUp and the others are single functions that stay optimized
 * from check to check, where closures made per check would each start unoptimized. Kept
 * for the full rule check of docs/performance.md (5.3 ms at 10,000 roles, target ≤ 10 ms).
 */
export class Topology {
  /** Cycles of the raw `reportsTo` graph (externals included), each in reportsTo order. */
  readonly cycles: readonly (readonly number[])[];
  /** Per role: the id of the unreached cycle it lies on, or -1 (cycles through an external are reached). */
  readonly cycleOf: Int32Array;
  /** Unreached cycles (every role in scope), ids as in `cycleOf`, each in reportsTo order. */
  readonly loops: readonly (readonly number[])[];
  /** Unreached roles not on a cycle, each after its manager. */
  readonly below: Int32Array;
  private readonly index: TreeIndex;
  /** The cycle each unreached role hangs from, and Euler intervals below the cycles, for isUnder (empty without cycles). */
  private comp = EMPTY;
  private enter2 = EMPTY;
  private exit2 = EMPTY;

  /** Builds the topology of a document's reporting lines in O(roles). */
  constructor(index: TreeIndex) {
    const n = index.roles.length;
    this.index = index;
    this.cycles = findCycles(index);
    const cycleOf = new Int32Array(n).fill(NONE);
    const loops: number[][] = [];
    for (const cycle of this.cycles) {
      if (index.enter[cycle[0]!] !== NONE) continue; // reached: it passes through an external role
      for (const c of cycle) cycleOf[c] = loops.length;
      loops.push(cycle as number[]);
    }
    this.cycleOf = cycleOf;
    this.loops = loops;
    this.below = loops.length > 0 ? this.hangBelow() : EMPTY;
  }

  /**
   * Roles hanging below the unreached cycles: preorder from each cycle role, with Euler
   * intervals and the cycle each hangs from, for isUnder.
   */
  private hangBelow(): Int32Array {
    const { index, loops, cycleOf } = this;
    const n = cycleOf.length;
    const comp = (this.comp = new Int32Array(n).fill(NONE));
    const enter2 = (this.enter2 = new Int32Array(n).fill(NONE));
    const exit2 = (this.exit2 = new Int32Array(n).fill(NONE));
    const belowList: number[] = [];
    const stack: number[] = [];
    const pos: number[] = [];
    for (let id = 0; id < loops.length; id++) {
      for (const c of loops[id]!) {
        comp[c] = id;
        stack.push(c);
        pos.push(0);
        while (stack.length > 0) {
          const top = stack.length - 1;
          const r = stack[top]!;
          const kids = index.kids(r);
          let k = pos[top]!;
          while (k < kids.length && cycleOf[kids[k]!] !== NONE) k++;
          if (k < kids.length) {
            pos[top] = k + 1;
            const child = kids[k]!;
            comp[child] = id;
            enter2[child] = belowList.length;
            belowList.push(child);
            stack.push(child);
            pos.push(0);
          } else {
            if (r !== c) exit2[r] = belowList.length;
            stack.pop();
            pos.pop();
          }
        }
      }
    }
    return Int32Array.from(belowList);
  }

  /** For every role: the first role of up-walk(u), u included, with `has` set; -1 when none. */
  nearestUp(has: Uint8Array, out: Int32Array): Int32Array {
    const { preorder, treeParent } = this.index;
    for (let k = 0; k < preorder.length; k++) {
      const r = preorder[k]!;
      const p = treeParent[r]!;
      out[r] = has[r] ? r : p === NONE ? NONE : out[p]!;
    }
    if (this.loops.length > 0) this.nearestUpInLoops(has, out);
    return out;
  }

  private nearestUpInLoops(has: Uint8Array, out: Int32Array): void {
    const { treeParent } = this.index;
    for (const loop of this.loops) {
      const len = loop.length;
      let cur = NONE;
      for (let step = 2 * len - 1; step >= 0; step--) {
        const c = loop[step % len]!;
        if (has[c]) cur = c;
        out[c] = cur;
      }
    }
    const below = this.below;
    for (let k = 0; k < below.length; k++) {
      const r = below[k]!;
      out[r] = has[r] ? r : out[treeParent[r]!]!;
    }
  }

  /** For every role: the sum of `w` over up-walk(u), u included. */
  sumUp(w: Float64Array, out: Float64Array): Float64Array {
    const { preorder, treeParent } = this.index;
    for (let k = 0; k < preorder.length; k++) {
      const r = preorder[k]!;
      const p = treeParent[r]!;
      out[r] = w[r]! + (p === NONE ? 0 : out[p]!);
    }
    if (this.loops.length > 0) this.sumUpInLoops(w, out);
    return out;
  }

  private sumUpInLoops(w: Float64Array, out: Float64Array): void {
    const { treeParent } = this.index;
    for (const loop of this.loops) {
      let total = 0;
      for (const c of loop) total += w[c]!;
      for (const c of loop) out[c] = total;
    }
    const below = this.below;
    for (let k = 0; k < below.length; k++) {
      const r = below[k]!;
      out[r] = w[r]! + out[treeParent[r]!]!;
    }
  }

  /** The first role of up-walk(u) above u with `has` set, given `nearest` from nearestUp. */
  strictAbove(nearest: Int32Array, u: number): number {
    if (u < 0 || u >= this.cycleOf.length) return NONE;
    const p = this.index.treeParent[u]!;
    if (p === NONE) return NONE; // also for an external role, whose up-walk is itself
    const r = nearest[p]!;
    return r === u ? NONE : r; // on a cycle the walk stops before coming back to u
  }

  /** Whether u ∈ sub(h), in O(1) for every role (the index walks up for roles in a cycle). */
  isUnder(u: number, h: number): boolean {
    const n = this.cycleOf.length;
    if (u < 0 || h < 0 || u >= n || h >= n) return false;
    if (u === h) return true;
    const { enter } = this.index;
    if (enter[u] !== NONE) return this.index.isUnder(u, h);
    if (enter[h] !== NONE) return false; // an unreached role's walk never leaves its cycle region
    const { cycleOf, comp, enter2, exit2 } = this;
    if (cycleOf[h] !== NONE) return comp[u] === cycleOf[h];
    return enter2[u] !== NONE && enter2[h]! <= enter2[u]! && enter2[u]! < exit2[h]!;
  }
}

/** Builds the topology of a document's reporting lines in O(roles). */
export function buildTopology(index: TreeIndex): Topology {
  return new Topology(index);
}

/**
 * Cycles of a functional graph: walk up from each unvisited role, marking the walk. A
 * function of its own, like each pass of the tree index (see buildTreeIndex).
 *
 * Walks start only at forest roots and unreached roles: a reached in-scope role walks up
 * through in-scope managers to its forest root, so a cycle through it passes that root,
 * an external role. (A cycle found from an external may start at another of its roles
 * than a walk from its first role would; STR-001 words it from its first role anyway.)
 */
function findCycles(index: TreeIndex): number[][] {
  const { managerOf, treeParent, enter } = index;
  const cycles: number[][] = [];
  const mark = new Int32Array(managerOf.length); // 0 unvisited, i + 1 on the walk from i, -1 done
  for (let i = 0; i < managerOf.length; i++) {
    if (mark[i] !== 0 || (enter[i] !== NONE && treeParent[i] !== NONE)) continue;
    let r = i;
    while (r !== NONE && mark[r] === 0) {
      mark[r] = i + 1;
      r = managerOf[r]!;
    }
    if (r !== NONE && mark[r] === i + 1) {
      const cycle = [r];
      for (let c = managerOf[r]!; c !== r; c = managerOf[c]!) cycle.push(c);
      cycles.push(cycle);
    }
    for (let c = i; c !== NONE && mark[c] === i + 1; c = managerOf[c]!) mark[c] = -1;
  }
  return cycles;
}
