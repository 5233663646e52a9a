/** The layout of a document and its viewport query, memoized per roles and view settings. */
import { layoutDocument, createSpatialIndex } from '../layout/index.ts';
import type { Layout, Rect } from '../layout/types.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from './derived.ts';

export interface PlacedLayout {
  readonly layout: Layout;
  /** Indices of the roles whose cards meet a rectangle (at most `limit` of them). */
  readonly query: (rect: Rect, limit?: number) => ArrayLike<number>;
}

// Keyed by the roles array: editing a position or the name keeps the layout.
const cache = new WeakMap<OrgDocument['roles'], { direction: string; collapsed: OrgDocument['view']['collapsed']; placed: PlacedLayout }>();

/** The automatic layout of a document (manual positions are applied by the canvas). */
export function layoutOf(doc: OrgDocument): PlacedLayout {
  const hit = cache.get(doc.roles);
  if (hit && hit.direction === doc.view.direction && hit.collapsed === doc.view.collapsed) return hit.placed;
  const layout = layoutDocument(doc, derive(doc).index, { direction: doc.view.direction, collapsed: new Set(doc.view.collapsed) });
  const spatial = createSpatialIndex(layout);
  const placed: PlacedLayout = { layout, query: (rect, limit) => spatial.query(rect, limit) };
  cache.set(doc.roles, { direction: doc.view.direction, collapsed: doc.view.collapsed, placed });
  return placed;
}
