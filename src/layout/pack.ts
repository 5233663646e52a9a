/**
 * Places the roots of the layout forest, in three areas that never overlap:
 * - partners: external roles without in-scope reports (dotted-line partners, HQ), a grid
 *   before the hierarchy (left in TB, above in LR);
 * - hierarchy: the tree holding the index's root first (under its external manager when
 *   it has one, so the APAC GM sits above the head), other trees, then a grid of loose
 *   roles, packed in shelves;
 * - problems: trees and lone roles under a missing manager, on themselves, or in a
 *   reporting cycle, packed in shelves after everything (below in TB, right in LR).
 * Roots' block origins are written to offB/offD; grid cards are their own blocks.
 */
import type { TreeIndex } from '../model/tree.ts';
import type { Blocks } from './arrange.ts';
import { AREA_GAP, SIBLING_GAP, STACK_GAP } from './constants.ts';
import type { Forest } from './forest.ts';
import { stackRows, type Geometry } from './geometry.ts';
import { Slot } from './types.ts';

const NONE = -1;

interface Area {
  breadth: number;
  depth: number;
}

/** Gives every root of the forest its block origin and slot. */
export function packRoots(index: TreeIndex, forest: Forest, blocks: Blocks, geo: Geometry): void {
  const { parent, kidCount, opensCycle } = forest;
  const { slot } = blocks;
  const n = parent.length;
  const partners: number[] = [];
  const trees: number[] = [];
  const loose: number[] = [];
  const problemTrees: number[] = [];
  const problemLoose: number[] = [];
  const first = index.root === NONE ? NONE : index.treeParent[index.root] !== NONE ? index.treeParent[index.root]! : index.root;
  if (first !== NONE) trees.push(first);
  for (let i = 0; i < n; i++) {
    if (parent[i] !== NONE || i === first) continue;
    const role = index.roles[i]!;
    if (role.external) (kidCount[i]! > 0 ? trees : partners).push(i);
    else if (role.reportsTo !== null || opensCycle[i]) (kidCount[i]! > 0 ? problemTrees : problemLoose).push(i);
    else (kidCount[i]! > 0 ? trees : loose).push(i);
  }

  const side = grid(partners, Slot.partner, blocks, geo); // at the origin: nothing comes before it
  const mainAt = side.breadth > 0 ? side.breadth + AREA_GAP : 0;
  const main = shelves(trees, loose, mainAt, 0, blocks, geo);
  const problemAt = Math.max(side.depth, main.depth);
  shelves(problemTrees, problemLoose, 0, problemAt > 0 ? problemAt + AREA_GAP : 0, blocks, geo);
  for (const t of trees) slot[t] = Slot.root;
  for (const t of problemTrees) slot[t] = Slot.root;
}

/** Lays out lone cards in a grid at the origin (offsets in offB/offD), returning its size. */
function grid(cards: readonly number[], kind: Slot, blocks: Blocks, geo: Geometry): Area {
  const { offB, offD, slot } = blocks;
  const count = cards.length;
  if (count === 0) return { breadth: 0, depth: 0 };
  const pitchB = geo.sb + SIBLING_GAP;
  const pitchD = geo.sd + STACK_GAP;
  const per = stackRows(count, pitchB, pitchD, geo);
  for (let i = 0; i < count; i++) {
    const r = cards[i]!;
    offB[r] = Math.floor(i / per) * pitchB;
    offD[r] = (i % per) * pitchD;
    slot[r] = kind;
  }
  const cols = Math.ceil(count / per);
  return { breadth: cols * pitchB - SIBLING_GAP, depth: Math.min(count, per) * pitchD - STACK_GAP };
}

/** Moves grid cards (already at grid offsets) to a grid origin. */
function place(cards: readonly number[], atB: number, atD: number, blocks: Blocks): void {
  for (const r of cards) {
    blocks.offB[r]! += atB;
    blocks.offD[r]! += atD;
  }
}

/**
 * Packs trees, then a grid of lone cards, in shelves along breadth: a shelf ends before
 * an item that would make it wider than about the target aspect of the whole area.
 */
function shelves(trees: readonly number[], lone: readonly number[], atB: number, atD: number, blocks: Blocks, geo: Geometry): Area {
  const { blockB, blockD, offB, offD } = blocks;
  const lonely = grid(lone, Slot.loose, blocks, geo);
  const count = trees.length + (lone.length > 0 ? 1 : 0);
  if (count === 0) return { breadth: 0, depth: 0 };
  const sizeB = (i: number): number => (i < trees.length ? blockB[trees[i]!]! : lonely.breadth);
  const sizeD = (i: number): number => (i < trees.length ? blockD[trees[i]!]! : lonely.depth);
  let area = 0;
  let widest = 0;
  for (let i = 0; i < count; i++) {
    area += (sizeB(i) + AREA_GAP) * (sizeD(i) + AREA_GAP);
    widest = Math.max(widest, sizeB(i));
  }
  const limit = Math.max(widest, geo.wrapBreadth, Math.sqrt(area * geo.target));
  let b = 0;
  let d = 0;
  let shelfD = 0;
  let breadth = 0;
  for (let i = 0; i < count; i++) {
    if (b > 0 && b + sizeB(i) > limit) {
      d += shelfD + AREA_GAP;
      b = 0;
      shelfD = 0;
    }
    if (i < trees.length) {
      offB[trees[i]!] = atB + b;
      offD[trees[i]!] = atD + d;
    } else {
      place(lone, atB + b, atD + d, blocks);
    }
    breadth = Math.max(breadth, b + sizeB(i));
    shelfD = Math.max(shelfD, sizeD(i));
    b += sizeB(i) + AREA_GAP;
  }
  return { breadth, depth: d + shelfD };
}
