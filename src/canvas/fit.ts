/**
 * Where "fit" puts the view (issue 17, point 2). The whole chart when it fits at a zoom
 * where a card's title can be read (≥ 11 px on screen); otherwise the top of the chart
 * around its first root at that zoom, the overview being one zoom-out away. The minimap
 * covers the canvas's bottom-right corner: the chart is fitted beside it or above it,
 * whichever leaves it larger; when only the top levels are shown, cards run under that
 * corner, so the canvas folds the minimap away (`whole: false`). Pure: the canvas passes
 * sizes in, gets a viewport out.
 */

/** The card title's font size on the canvas at zoom 1 (app.css, `.role-title`). */
export const TITLE_PX = 13;
/** The smallest title size on screen that a person reads without effort. */
export const READABLE_PX = 11;
export const READABLE_ZOOM = READABLE_PX / TITLE_PX;

export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  /** False when only the top levels are shown (the chart is larger than the screen, under the minimap too). */
  readonly whole: boolean;
}

export interface FitOptions {
  /** The canvas's size on screen. */
  readonly screen: { readonly width: number; readonly height: number };
  /** What covers the bottom-right corner (the minimap with its margin). */
  readonly corner: { readonly width: number; readonly height: number };
  /** Space kept around the chart, in screen pixels. */
  readonly margin: number;
  readonly maxZoom: number;
  /** The first root's card, for the readable fallback. */
  readonly root: Box | null;
  readonly direction: 'TB' | 'LR';
  /** Never zoom out below this, e.g. when fitting a selection (READABLE_ZOOM) or the whole chart (a minimum of the canvas). */
  readonly minZoom?: number;
}

/** The viewport that shows `bounds` (see the module comment). */
export function fitViewport(bounds: Box, options: FitOptions): Viewport {
  const { screen, corner, margin, maxZoom, root, direction } = options;
  const bw = Math.max(1, bounds.maxX - bounds.minX);
  const bh = Math.max(1, bounds.maxY - bounds.minY);
  // Two areas clear of the corner: beside it (narrower) or above it (lower).
  const areas = [
    { width: screen.width - corner.width, height: screen.height },
    { width: screen.width, height: screen.height - corner.height },
  ].map((a) => ({ width: Math.max(1, a.width - 2 * margin), height: Math.max(1, a.height - 2 * margin) }));
  let best = { zoom: 0, area: areas[0]! };
  for (const area of areas) {
    const zoom = Math.min(area.width / bw, area.height / bh, maxZoom);
    if (zoom > best.zoom) best = { zoom, area };
  }
  if (best.zoom >= READABLE_ZOOM || !root) {
    const zoom = Math.max(best.zoom, options.minZoom ?? 0);
    return {
      zoom,
      whole: true,
      x: margin + (best.area.width - bw * zoom) / 2 - bounds.minX * zoom,
      y: margin + (best.area.height - bh * zoom) / 2 - bounds.minY * zoom,
    };
  }
  // Too large to read whole: the root's top levels, readable, from the top (TB) or the left (LR).
  const zoom = Math.min(READABLE_ZOOM, maxZoom);
  const rootCentreX = (root.minX + root.maxX) / 2;
  const rootCentreY = (root.minY + root.maxY) / 2;
  return direction === 'TB'
    ? { zoom, whole: false, x: screen.width / 2 - rootCentreX * zoom, y: margin - root.minY * zoom }
    : { zoom, whole: false, x: margin - root.minX * zoom, y: screen.height / 2 - rootCentreY * zoom };
}
