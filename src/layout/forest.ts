/**
 * The layout forest: the tree index's forest (every in-scope role under its manager,
 * external roles as roots) made total. Roles the index does not reach sit in or below a
 * reporting cycle; each such component holds exactly one cycle, which is opened at its
 * member with the lowest index so that the component becomes a tree like any other.
 */
import type { TreeIndex } from '../model/tree.ts';

const NONE = -1;

export interface Forest {
  /** Layout parent: the tree index's `treeParent`, except -1 for the role that opens a cycle. */
  readonly parent: Int32Array;
  /** Every role once, each after its layout parent (top-down passes; reversed, bottom-up). */
  readonly order: Int32Array;
  /** Number of layout children of each role. */
  readonly kidCount: Int32Array;
  /** 1 for the role chosen to open a reporting cycle. */
  readonly opensCycle: Uint8Array;
}

/** Builds the layout forest in O(roles), without recursion. */
export function buildForest(index: TreeIndex): Forest {
  const n = index.roles.length;
  const parent = index.treeParent.slice();
  const opensCycle = new Uint8Array(n);
  const order = new Int32Array(n);
  order.set(index.preorder);
  let len = index.preorder.length;

  if (len < n) {
    // Unreached roles all have a parent, and it is unreached too: walking up ends in a cycle.
    const start = len;
    const seen = new Int32Array(n).fill(NONE);
    for (let i = 0; i < n; i++) {
      if (index.enter[i] !== NONE || seen[i] !== NONE) continue;
      let u = i;
      while (seen[u] === NONE) {
        seen[u] = i;
        u = parent[u]!;
      }
      if (seen[u] !== i) continue; // reached a component found from an earlier start
      let low = u;
      for (let v = parent[u]!; v !== u; v = parent[v]!) if (v < low) low = v;
      parent[low] = NONE;
      opensCycle[low] = 1;
      order[len++] = low;
    }
    // Breadth-first from the opened cycles: the index has no order for these roles.
    for (let q = start; q < len; q++) {
      const r = order[q]!;
      for (const k of index.kids(r)) if (parent[k] === r) order[len++] = k;
    }
  }

  const kidCount = new Int32Array(n);
  for (let i = 0; i < n; i++) if (parent[i] !== NONE) kidCount[parent[i]!]!++;
  return { parent, order, kidCount, opensCycle };
}

export interface Visibility {
  readonly collapsed: Uint8Array;
  readonly hidden: Uint8Array;
  readonly hiddenCount: Int32Array;
}

/** Marks the roles below a collapsed role as hidden and counts them per collapsed role. */
export function markHidden(forest: Forest, indexOf: ReadonlyMap<string, number>, collapsedIds: Iterable<string>): Visibility {
  const { parent, order } = forest;
  const n = order.length;
  const collapsed = new Uint8Array(n);
  for (const id of collapsedIds) {
    const i = indexOf.get(id);
    if (i !== undefined) collapsed[i] = 1;
  }
  const hidden = new Uint8Array(n);
  for (let q = 0; q < n; q++) {
    const r = order[q]!;
    const p = parent[r]!;
    if (p !== NONE && (hidden[p] || collapsed[p])) hidden[r] = 1;
  }
  const below = new Int32Array(n);
  for (let q = n - 1; q >= 0; q--) {
    const r = order[q]!;
    const p = parent[r]!;
    if (p !== NONE) below[p]! += below[r]! + 1;
  }
  const hiddenCount = new Int32Array(n);
  for (let i = 0; i < n; i++) if (collapsed[i]) hiddenCount[i] = below[i]!;
  return { collapsed, hidden, hiddenCount };
}
