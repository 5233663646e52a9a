/**
 * The sizes and collapsed state of the screen's panels (palette, inspector, findings and
 * metrics), remembered across reloads in localStorage. Storage may be blocked (private
 * windows, site data refused): the layout then lives for the tab only.
 */
import { useCallback, useEffect, useState } from 'react';

export type PanelId = 'palette' | 'inspector' | 'findings';

export interface PanelState {
  /** Width (palette, inspector column) or height (findings and metrics), in CSS pixels. */
  readonly size: number;
  readonly collapsed: boolean;
}

export type PanelLayout = Readonly<Record<PanelId, PanelState>>;

/** Each panel's size limits; `initial` is its size before the user chose one. */
export const PANEL_LIMITS: Readonly<Record<PanelId, { min: number; max: number; initial: (window: { width: number; height: number }) => number }>> = {
  palette: { min: 120, max: 360, initial: () => 140 },
  // The right column (inspector over findings and metrics): about a fifth of the window, so
  // the canvas keeps at least 60 % of a 1280 × 720 or 1440 × 900 window.
  inspector: { min: 240, max: 640, initial: (w) => Math.round(Math.min(340, Math.max(270, w.width * 0.22))) },
  findings: { min: 120, max: 640, initial: (w) => Math.round(Math.min(420, Math.max(200, w.height * 0.42))) },
};

export const LAYOUT_KEY = 'org-designer:layout';

const clamp = (id: PanelId, size: number) => Math.min(PANEL_LIMITS[id].max, Math.max(PANEL_LIMITS[id].min, Math.round(size)));

function initialLayout(): PanelLayout {
  const w = { width: window.innerWidth, height: window.innerHeight };
  const of = (id: PanelId): PanelState => ({ size: clamp(id, PANEL_LIMITS[id].initial(w)), collapsed: false });
  return { palette: of('palette'), inspector: of('inspector'), findings: of('findings') };
}

/** The stored layout, each panel checked on its own: a bad or missing entry keeps its default. */
function readLayout(): PanelLayout {
  const layout = initialLayout();
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? 'null');
  } catch {
    return layout; // storage blocked or the entry is not JSON
  }
  if (typeof stored !== 'object' || stored === null) return layout;
  const read = (id: PanelId): PanelState => {
    const entry = (stored as Record<string, unknown>)[id];
    if (typeof entry !== 'object' || entry === null) return layout[id];
    const { size, collapsed } = entry as Record<string, unknown>;
    return {
      size: typeof size === 'number' && Number.isFinite(size) ? clamp(id, size) : layout[id].size,
      collapsed: typeof collapsed === 'boolean' ? collapsed : layout[id].collapsed,
    };
  };
  return { palette: read('palette'), inspector: read('inspector'), findings: read('findings') };
}

function writeLayout(layout: PanelLayout): void {
  try {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // Storage blocked or full: the layout is kept for this tab only.
  }
}

export interface PanelLayoutControls {
  readonly layout: PanelLayout;
  /** Sets a panel's size (clamped to its limits) and expands it. */
  readonly resize: (id: PanelId, size: number) => void;
  readonly toggle: (id: PanelId) => void;
}

export function usePanelLayout(): PanelLayoutControls {
  const [layout, setLayout] = useState<PanelLayout>(readLayout);
  useEffect(() => writeLayout(layout), [layout]);
  const resize = useCallback((id: PanelId, size: number) => setLayout((l) => ({ ...l, [id]: { size: clamp(id, size), collapsed: false } })), []);
  const toggle = useCallback((id: PanelId) => setLayout((l) => ({ ...l, [id]: { ...l[id], collapsed: !l[id].collapsed } })), []);
  return { layout, resize, toggle };
}
