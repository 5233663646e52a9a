/** The automatic layout of the org chart (docs/layout.md). */
export { layoutDocument, positionOf } from './layout.ts';
export { createSpatialIndex, type SpatialIndex } from './spatial.ts';
export { Slot, type Layout, type LayoutOptions, type Rect } from './types.ts';
export * from './constants.ts';
