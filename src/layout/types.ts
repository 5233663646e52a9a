/** The layout's result types: plain data (typed arrays indexed by role index), cheap to keep and to post to a worker. */
import type { Direction } from '../schema/v1.ts';

/**
 * How a visible card hangs from its manager, so that the canvas can pick edge handles.
 * "Breadth side" is the left side in TB and the top side in LR.
 */
export const Slot = {
  /** Inside a collapsed subtree: no position. */
  hidden: 0,
  /** Top of a tree: the root of the hierarchy, an external manager, or a problem tree (cycle, missing manager). */
  root: 1,
  /** In the row under its manager: its edge enters the card's top (TB) or left (LR) side. */
  row: 2,
  /** Stacked in a hanging column: its edge comes down the trunk lane and enters the card's breadth side. */
  hanging: 3,
  /** Assistant after the manager's trunk (right in TB, below in LR): the edge enters its breadth side. */
  assistantAfter: 4,
  /** Assistant before the manager's trunk (left in TB, above in LR): the edge enters the opposite side. */
  assistantBefore: 5,
  /** External role without in-scope reports (dotted-line partner, HQ), in the partners grid. */
  partner: 6,
  /** A loose role (top role without reports) or a lone problem role, in a grid without edges. */
  loose: 7,
} as const;
export type Slot = (typeof Slot)[keyof typeof Slot];

/** An axis-aligned rectangle in canvas pixels. */
export interface Rect {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Options of `layoutDocument`; each defaults to the document's `view`. */
export interface LayoutOptions {
  readonly direction?: Direction;
  /** Ids of collapsed roles (their descendants are hidden). */
  readonly collapsed?: ReadonlySet<string>;
}

/**
 * Positions of every visible role's card. Arrays have one entry per role of
 * `doc.roles` (the role index of the tree index).
 */
export interface Layout {
  readonly direction: Direction;
  /** Card size (NODE_WIDTH × NODE_HEIGHT in both directions). */
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Top-left corner of role i's card; NaN when the role is hidden. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Slot of role i (Slot.hidden when it is inside a collapsed subtree). */
  readonly slot: Uint8Array;
  /** 1 when role i is hidden because a role above it is collapsed. */
  readonly hidden: Uint8Array;
  /** For a collapsed role, the number of roles hidden below it (the "+N" badge); 0 otherwise. */
  readonly hiddenCount: Int32Array;
  /** Indices of the visible roles, each after its manager (a reporting cycle is opened at one member). */
  readonly visible: Int32Array;
  /**
   * For a role with visible reports other than assistants: where the connector to them
   * runs (y in TB, x in LR), halfway across the empty gap above them; NaN otherwise. A
   * line from the card's centre down to it passes between its assistants.
   */
  readonly bus: Float64Array;
  /** Bounds of all visible cards (all zero when none is visible). */
  readonly bounds: Rect;
  /** Role index by id (the tree index's map). */
  readonly indexOf: ReadonlyMap<string, number>;
}
