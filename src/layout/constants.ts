/**
 * Card size and spacing of the automatic layout, in canvas pixels. Every card has the
 * same size in both directions; gaps are given for the TB direction and reused as they
 * are in LR, where the breadth axis is vertical and the depth axis horizontal.
 */

/** Card width in pixels (both directions). */
export const NODE_WIDTH = 240;
/** Card height in pixels (both directions). */
export const NODE_HEIGHT = 96;

/** Between neighbouring subtrees of one row, along the breadth axis. */
export const SIBLING_GAP = 40;
/** Between a manager's card (or its assistants) and its reports, along the depth axis. */
export const LEVEL_GAP = 56;
/** Between cards stacked in one column of leaves. */
export const STACK_GAP = 16;
/** Empty lane before a hanging column: its trunk line runs in the middle of it. */
export const HANG_INDENT = 40;
/** Between one hanging column and the next one's lane. */
export const COLUMN_GAP = 24;
/** From the manager's trunk line to an assistant's card. */
export const ASSIST_OFFSET = 24;
/** From the bottom of a manager's card to its first band of assistants. */
export const ASSIST_GAP = 32;
/** Between separate trees, and between the areas (partners, hierarchy, problems). */
export const AREA_GAP = 160;

/** Leaf reports per column, while the columns fit in WRAP_UNITS sibling widths. */
export const MAX_STACK = 6;
/** A row of subtrees wider than this many card pitches may wrap into hanging columns... */
export const WRAP_UNITS = 24;
/** ...when it is also wider than this (width / height on screen, TB). */
export const WRAP_ASPECT = 3;
/** The width / height that wrapped blocks and packed areas aim for (TB, on screen). */
export const TARGET_ASPECT = 1.6;
