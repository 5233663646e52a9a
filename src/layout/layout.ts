/**
 * The automatic layout (docs/layout.md): positions of every visible role's card for the
 * canvas, in O(roles) with typed arrays and no recursion. Passes: the layout forest
 * (cycles opened), visibility under collapsed roles, blocks bottom-up, roots packed in
 * areas, then absolute positions top-down, mapped from (breadth, depth) to (x, y).
 */
import type { TreeIndex } from '../model/tree.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { arrangeBlocks } from './arrange.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './constants.ts';
import { buildForest, markHidden } from './forest.ts';
import { geometryOf } from './geometry.ts';
import { packRoots } from './pack.ts';
import { Slot, type Layout, type LayoutOptions } from './types.ts';

/** Lays out the document's roles: a card position for every role not inside a collapsed subtree. */
export function layoutDocument(doc: OrgDocument, index: TreeIndex, options: LayoutOptions = {}): Layout {
  const direction = options.direction ?? doc.view.direction;
  const forest = buildForest(index);
  const vis = markHidden(forest, index.indexOf, options.collapsed ?? doc.view.collapsed);
  const geo = geometryOf(direction);
  const blocks = arrangeBlocks(index, forest, vis, geo);
  packRoots(index, forest, blocks, geo);

  const { parent, order } = forest;
  const { hidden } = vis;
  const { offB, offD, rootB, slot, busD } = blocks;
  const n = order.length;
  const x = new Float64Array(n).fill(NaN);
  const y = new Float64Array(n).fill(NaN);
  const visible = new Int32Array(n);
  let count = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const tb = direction === 'TB';
  for (let q = 0; q < n; q++) {
    const r = order[q]!;
    if (hidden[r]) {
      slot[r] = Slot.hidden;
      continue;
    }
    const p = parent[r]!;
    // Offsets become absolute block origins in place: a parent comes before its reports.
    if (p !== -1) {
      offB[r]! += offB[p]!;
      offD[r]! += offD[p]!;
    }
    const b = offB[r]! + rootB[r]!;
    const d = offD[r]!;
    busD[r]! += d; // NaN stays NaN
    const px = tb ? b : d;
    const py = tb ? d : b;
    x[r] = px;
    y[r] = py;
    visible[count++] = r;
    if (px < minX) minX = px;
    if (py < minY) minY = py;
    if (px + NODE_WIDTH > maxX) maxX = px + NODE_WIDTH;
    if (py + NODE_HEIGHT > maxY) maxY = py + NODE_HEIGHT;
  }
  const bounds = count > 0 ? { minX, minY, maxX, maxY } : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return {
    direction,
    nodeWidth: NODE_WIDTH,
    nodeHeight: NODE_HEIGHT,
    x,
    y,
    slot,
    hidden,
    hiddenCount: vis.hiddenCount,
    bus: busD,
    visible: visible.slice(0, count),
    bounds,
    indexOf: index.indexOf,
  };
}

/** The top-left corner of a role's card by id; undefined for an unknown or hidden role. */
export function positionOf(layout: Layout, id: string): { x: number; y: number } | undefined {
  const i = layout.indexOf.get(id);
  if (i === undefined || layout.hidden[i]) return undefined;
  return { x: layout.x[i]!, y: layout.y[i]! };
}
