/**
 * Viewport culling: which visible cards intersect a rectangle. A uniform grid over the
 * layout's bounds, buckets in one flat array (counting sort), cells at least as large
 * as a card so a card sits in at most 2 × 2 cells, and about one cell per card.
 * A query reads only the cells under the rectangle.
 */
import type { Layout, Rect } from './types.ts';

export interface SpatialIndex {
  /**
   * Role indices of the visible cards that intersect `rect` (touching edges do not
   * count), in no particular order; at most `limit` of them (a cheap "more than N?").
   */
  query(rect: Rect, limit?: number): number[];
}

const BASE_CELL = 512;

/** Builds a uniform-grid index of the layout's visible cards in O(visible roles). */
export function createSpatialIndex(layout: Layout): SpatialIndex {
  const { x, y, visible, bounds, nodeWidth: w, nodeHeight: h } = layout;
  const count = visible.length;
  const spanX = bounds.maxX - bounds.minX;
  const spanY = bounds.maxY - bounds.minY;
  let cellW = Math.max(BASE_CELL, w);
  let cellH = Math.max(BASE_CELL / 2, h);
  // Keep the cell count near the card count, so sparse charts do not cost memory.
  const cells = (Math.floor(spanX / cellW) + 1) * (Math.floor(spanY / cellH) + 1);
  const budget = count + 64;
  if (cells > budget) {
    const grow = Math.sqrt(cells / budget);
    cellW *= grow;
    cellH *= grow;
  }
  const cols = Math.floor(spanX / cellW) + 1;
  const rows = Math.floor(spanY / cellH) + 1;
  const colOf = (px: number): number => Math.min(cols - 1, Math.max(0, Math.floor((px - bounds.minX) / cellW)));
  const rowOf = (py: number): number => Math.min(rows - 1, Math.max(0, Math.floor((py - bounds.minY) / cellH)));

  // Counting sort of (card, cell) pairs: counts, prefix sums, then fill.
  const cellCount = cols * rows;
  const start = new Int32Array(cellCount + 1);
  const first = new Int32Array(count); // each card's top-left cell
  const spans = new Uint8Array(count); // bit 1: it reaches the next column; bit 0: the next row
  for (let i = 0; i < count; i++) {
    const r = visible[i]!;
    const c0 = colOf(x[r]!);
    const g0 = rowOf(y[r]!);
    const wide = colOf(x[r]! + w) - c0;
    const tall = rowOf(y[r]! + h) - g0;
    first[i] = g0 * cols + c0;
    spans[i] = (wide << 1) | tall;
    for (let gy = 0; gy <= tall; gy++) for (let gx = 0; gx <= wide; gx++) start[first[i]! + gy * cols + gx + 1]!++;
  }
  for (let c = 0; c < cellCount; c++) start[c + 1]! += start[c]!;
  const cards = new Int32Array(start[cellCount]!);
  const fill = start.slice(0, cellCount);
  for (let i = 0; i < count; i++) {
    const wide = spans[i]! >> 1;
    const tall = spans[i]! & 1;
    for (let gy = 0; gy <= tall; gy++) for (let gx = 0; gx <= wide; gx++) cards[fill[first[i]! + gy * cols + gx]!++] = visible[i]!;
  }

  return {
    query(rect: Rect, limit = Infinity): number[] {
      const out: number[] = [];
      if (count === 0 || !(rect.maxX > bounds.minX && rect.minX < bounds.maxX && rect.maxY > bounds.minY && rect.minY < bounds.maxY)) return out;
      const q0 = colOf(rect.minX);
      const q1 = colOf(rect.maxX);
      const p0 = rowOf(rect.minY);
      const p1 = rowOf(rect.maxY);
      for (let gy = p0; gy <= p1; gy++) {
        for (let gx = q0; gx <= q1; gx++) {
          const cell = gy * cols + gx;
          for (let k = start[cell]!; k < start[cell + 1]!; k++) {
            const r = cards[k]!;
            const rx = x[r]!;
            const ry = y[r]!;
            if (!(rx < rect.maxX && rx + w > rect.minX && ry < rect.maxY && ry + h > rect.minY)) continue;
            // A card in several cells is reported once: from the first cell both it and the rectangle cover.
            if (gx !== Math.max(colOf(rx), q0) || gy !== Math.max(rowOf(ry), p0)) continue;
            if (out.push(r) >= limit) return out;
          }
        }
      }
      return out;
    },
  };
}
