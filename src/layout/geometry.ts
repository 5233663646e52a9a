/**
 * Direction-neutral geometry. The layout works on two axes: depth (manager → reports:
 * down in TB, right in LR) and breadth (across siblings). Only the card's extent along
 * each axis changes with the direction; the final pass maps (breadth, depth) to (x, y).
 */
import type { Direction } from '../schema/v1.ts';
import { LEVEL_GAP, MAX_STACK, NODE_HEIGHT, NODE_WIDTH, SIBLING_GAP, TARGET_ASPECT, WRAP_ASPECT, WRAP_UNITS } from './constants.ts';

export interface Geometry {
  readonly direction: Direction;
  /** Card extent along the breadth axis. */
  readonly sb: number;
  /** Card extent along the depth axis. */
  readonly sd: number;
  /** Breadth / depth that wrapped blocks and packed areas aim for, in this direction's pixels. */
  readonly target: number;
  /** A row of subtrees may wrap when its breadth / depth is above this... */
  readonly wrapAspect: number;
  /** ...and its breadth above this. */
  readonly wrapBreadth: number;
}

/** The geometry of a direction; aspect limits are set on screen for TB and carried to LR in card pitches, so LR is TB's layout transposed. */
export function geometryOf(direction: Direction): Geometry {
  const sb = direction === 'TB' ? NODE_WIDTH : NODE_HEIGHT;
  const sd = direction === 'TB' ? NODE_HEIGHT : NODE_WIDTH;
  // TB pixels → card pitches → this direction's pixels.
  const scale = ((NODE_HEIGHT + LEVEL_GAP) / (NODE_WIDTH + SIBLING_GAP)) * ((sb + SIBLING_GAP) / (sd + LEVEL_GAP));
  return {
    direction,
    sb,
    sd,
    target: TARGET_ASPECT * scale,
    wrapAspect: WRAP_ASPECT * scale,
    wrapBreadth: WRAP_UNITS * (sb + SIBLING_GAP),
  };
}

/**
 * Cards per column for a grid of `count` cards: up to MAX_STACK, columns balanced; when
 * that many columns would be wider than the wrap limit, taller columns that keep the
 * grid near the target aspect.
 */
export function stackRows(count: number, pitchB: number, pitchD: number, geo: Geometry): number {
  if (count <= 0) return 0;
  let cols = Math.ceil(count / MAX_STACK);
  if (cols * pitchB > geo.wrapBreadth) {
    const rows = Math.max(MAX_STACK, Math.ceil(Math.sqrt((count * pitchB) / (geo.target * pitchD))));
    cols = Math.ceil(count / rows);
  }
  return Math.ceil(count / cols);
}
