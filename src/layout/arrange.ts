/**
 * Bottom-up pass: the block (bounding rectangle of all its visible cards) of every
 * visible role, with its card at the top of the block, and the offset of each report's
 * block inside its manager's block. Blocks never overlap, so neither do cards.
 *
 * A manager's block, along depth: its card; its assistants in bands of two on either
 * side of its trunk line; then its reports:
 * - row mode: leaf reports (no visible reports of their own) stacked in hanging columns
 *   (up to MAX_STACK per column), then the manager reports' blocks side by side;
 * - hanging mode, when that row would be both wider than the wrap limit and much wider
 *   than deep: every report stacked in hanging columns, as many columns as brings the
 *   block closest to the target aspect.
 * The card is centred between the first and last anchor below it (a column's trunk
 * lane or a row report's card).
 */
import type { TreeIndex } from '../model/tree.ts';
import { ASSIST_GAP, ASSIST_OFFSET, COLUMN_GAP, HANG_INDENT, LEVEL_GAP, SIBLING_GAP, STACK_GAP } from './constants.ts';
import type { Forest, Visibility } from './forest.ts';
import { stackRows, type Geometry } from './geometry.ts';
import { Slot } from './types.ts';

export interface Blocks {
  /** Extent of role r's block along breadth and depth. */
  readonly blockB: Float64Array;
  readonly blockD: Float64Array;
  /** Breadth offset of r's card in its block (its depth offset is 0). */
  readonly rootB: Float64Array;
  /** Offset of r's block in its layout parent's block (set for roots by the packing pass). */
  readonly offB: Float64Array;
  readonly offD: Float64Array;
  readonly slot: Uint8Array;
  /** Depth offset, in r's block, of the middle of the gap above its reports (NaN without reports). */
  readonly busD: Float64Array;
}

/** Computes every visible role's block in one reverse pass over the forest order (O(roles)). */
export function arrangeBlocks(index: TreeIndex, forest: Forest, vis: Visibility, geo: Geometry): Blocks {
  const { parent, order, kidCount } = forest;
  const { collapsed, hidden } = vis;
  const n = order.length;
  const { sb, sd } = geo;
  const blockB = new Float64Array(n);
  const blockD = new Float64Array(n);
  const rootB = new Float64Array(n);
  const offB = new Float64Array(n);
  const offD = new Float64Array(n);
  const slot = new Uint8Array(n);
  // Where each block's report section ends along breadth (0 without reports).
  const reportsEnd = new Float64Array(n);
  const busD = new Float64Array(n).fill(NaN);
  // One manager's reports at a time: assistants, then leaves followed by managers.
  const assistants = new Int32Array(n);
  const items = new Int32Array(n);

  // 1 for assistant(k) of model/facts.ts (marked, under an in-scope manager) placed under its manager.
  const staff = new Uint8Array(n);
  for (let k = 0; k < n; k++) if (index.assistant[k] === 1 && parent[k] !== -1) staff[k] = 1;
  const isLeaf = (k: number): boolean => collapsed[k] === 1 || kidCount[k] === 0;
  const gapAfter = (a: number, b: number): number => (isLeaf(a) && isLeaf(b) ? STACK_GAP : LEVEL_GAP);

  // Results of columns() and of the report section.
  let colsB = 0;
  let colsD = 0;
  let lastTrunk = 0;
  let secB = 0;
  let secD = 0;
  let anchorMin = 0;
  let anchorMax = 0;

  /** Stacks items[0, count) in hanging columns no deeper than `limit` (unless one item is); `write` places them. */
  const columns = (count: number, limit: number, write: boolean): void => {
    let left = 0;
    let widest = 0;
    let used = -1; // depth used in the current column; -1 when it is empty
    let deepest = 0;
    let prev = -1;
    for (let i = 0; i < count; i++) {
      const k = items[i]!;
      const d = blockD[k]!;
      let top = 0;
      if (used >= 0) {
        const gap = gapAfter(prev, k);
        const next = used + gap + d;
        // Start a new column when going on overshoots the limit more than stopping falls short.
        if (next > limit && next - limit > limit - used) {
          if (used > deepest) deepest = used;
          left += HANG_INDENT + widest + COLUMN_GAP;
          widest = 0;
        } else {
          top = used + gap;
        }
      }
      if (write) {
        offB[k] = left + HANG_INDENT;
        offD[k] = top;
        slot[k] = Slot.hanging;
      }
      used = top + d;
      if (blockB[k]! > widest) widest = blockB[k]!;
      prev = k;
    }
    colsB = left + HANG_INDENT + widest;
    colsD = Math.max(deepest, used);
    lastTrunk = left + HANG_INDENT / 2;
  };

  const row = (nl: number, nm: number): void => {
    let cursor = 0;
    secD = 0;
    if (nl > 0) {
      const per = stackRows(nl, HANG_INDENT + sb + COLUMN_GAP, sd + STACK_GAP, geo);
      columns(nl, per * sd + (per - 1) * STACK_GAP, true);
      anchorMin = HANG_INDENT / 2;
      anchorMax = lastTrunk;
      cursor = colsB + SIBLING_GAP;
      secD = colsD;
    }
    for (let i = nl; i < nl + nm; i++) {
      const k = items[i]!;
      offB[k] = cursor;
      offD[k] = 0;
      slot[k] = Slot.row;
      const anchor = cursor + rootB[k]! + sb / 2;
      if (i === 0) anchorMin = anchor;
      anchorMax = anchor;
      cursor += blockB[k]! + SIBLING_GAP;
      if (blockD[k]! > secD) secD = blockD[k]!;
    }
    secB = cursor - SIBLING_GAP;
  };

  /** Moves a block's card (and its assistants) to the block's breadth start, so a trunk lane beside the block reaches it directly. */
  const alignStart = (k: number): void => {
    let before = 0;
    for (const a of index.kids(k)) if (parent[a] === k && slot[a] === Slot.assistantBefore && blockB[a]! > before) before = blockB[a]!;
    const start = before > 0 ? Math.max(0, ASSIST_OFFSET + before - sb / 2) : 0;
    const delta = rootB[k]! - start;
    if (delta <= 0) return;
    rootB[k] = start;
    let right = Math.max(start + sb, reportsEnd[k]!);
    for (const a of index.kids(k)) {
      if (parent[a] !== k || (slot[a] !== Slot.assistantAfter && slot[a] !== Slot.assistantBefore)) continue;
      offB[a]! -= delta;
      right = Math.max(right, offB[a]! + blockB[a]!);
    }
    blockB[k] = right;
  };

  const hang = (count: number, head: number): void => {
    for (let i = 0; i < count; i++) if (!isLeaf(items[i]!)) alignStart(items[i]!);
    let one = 0;
    let tallest = 0;
    for (let i = 0; i < count; i++) {
      const k = items[i]!;
      one += blockD[k]! + (i > 0 ? gapAfter(items[i - 1]!, k) : 0);
      if (blockD[k]! > tallest) tallest = blockD[k]!;
    }
    let bestLimit = one;
    let bestScore = Infinity;
    for (let c = 1; c <= count; c = c < 12 ? c + 1 : Math.ceil(c * 1.25)) {
      const limit = Math.max(tallest, one / c);
      columns(count, limit, false);
      const aspect = colsB / (head + colsD);
      const score = Math.abs(Math.log(aspect / geo.target));
      if (score < bestScore) {
        bestScore = score;
        bestLimit = limit;
      }
      if (aspect >= geo.target) break; // more columns only get wider
    }
    columns(count, bestLimit, true);
    secB = colsB;
    secD = colsD;
    anchorMin = HANG_INDENT / 2;
    anchorMax = lastTrunk;
  };

  for (let q = n - 1; q >= 0; q--) {
    const r = order[q]!;
    if (hidden[r]) continue;
    if (isLeaf(r)) {
      blockB[r] = sb;
      blockD[r] = sd;
      continue;
    }
    const kids = index.kids(r);
    let na = 0;
    let nl = 0;
    for (const k of kids) {
      if (parent[k] !== r) continue;
      if (staff[k]) assistants[na++] = k;
      else if (isLeaf(k)) items[nl++] = k;
    }
    let nm = 0;
    for (const k of kids) {
      if (parent[k] !== r || staff[k] || isLeaf(k)) continue;
      items[nl + nm++] = k;
    }

    // Assistants in bands of two: after the trunk (right in TB), then before it.
    let head = sd;
    let before = 0;
    let after = 0;
    if (na > 0) {
      head += ASSIST_GAP;
      for (let j = 0; j < na; j += 2) {
        const a = assistants[j]!;
        const b = j + 1 < na ? assistants[j + 1]! : -1;
        if (j > 0) {
          const leaves = isLeaf(a) && (b === -1 || isLeaf(b)) && isLeaf(assistants[j - 1]!) && isLeaf(assistants[j - 2]!);
          head += leaves ? STACK_GAP : LEVEL_GAP;
        }
        offB[a] = ASSIST_OFFSET; // relative to the trunk until it is placed
        offD[a] = head;
        slot[a] = Slot.assistantAfter;
        if (blockB[a]! > after) after = blockB[a]!;
        let band = blockD[a]!;
        if (b !== -1) {
          offB[b] = -ASSIST_OFFSET - blockB[b]!;
          offD[b] = head;
          slot[b] = Slot.assistantBefore;
          if (blockB[b]! > before) before = blockB[b]!;
          if (blockD[b]! > band) band = blockD[b]!;
        }
        head += band;
      }
    }

    const reports = nl + nm;
    if (reports > 0) {
      row(nl, nm);
      if (nm > 0 && secB > geo.wrapBreadth && secB / (head + LEVEL_GAP + secD) > geo.wrapAspect) hang(reports, head + LEVEL_GAP);
    }

    // Centre the card over the anchors, then shift everything so the block starts at 0.
    const trunk = reports > 0 ? (anchorMin + anchorMax) / 2 : sb / 2;
    let left = trunk - sb / 2;
    let right = trunk + sb / 2;
    if (reports > 0) {
      left = Math.min(left, 0);
      right = Math.max(right, secB);
    }
    if (na > 0) right = Math.max(right, trunk + ASSIST_OFFSET + after);
    if (na > 1) left = Math.min(left, trunk - ASSIST_OFFSET - before);
    const shift = -left;
    rootB[r] = trunk - sb / 2 + shift;
    for (let j = 0; j < na; j++) offB[assistants[j]!]! += trunk + shift;
    const top = head + LEVEL_GAP;
    for (let i = 0; i < reports; i++) {
      const k = items[i]!;
      offB[k]! += shift;
      offD[k]! += top;
    }
    blockB[r] = right - left;
    reportsEnd[r] = reports > 0 ? secB + shift : 0;
    blockD[r] = reports > 0 ? top + secD : head;
    if (reports > 0) busD[r] = top - LEVEL_GAP / 2;
  }
  return { blockB, blockD, rootB, offB, offD, slot, busD };
}
