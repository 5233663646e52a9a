/**
 * A chart drawn as a bitmap of the screen and a margin around it, for the editor's overview
 * (OverviewLayer.tsx) and the compare view's charts: while only the viewport moves, the
 * bitmap moves with a CSS transform and nothing is drawn; while the zoom changes it is
 * scaled, and drawn again sharp once the zoom has rested.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Rect } from '../layout/types.ts';

/** The drawn margin beyond each side of the screen, as a share of the screen. */
const MARGIN = 0.5;
/** The bitmap's largest side and area in device pixels (memory, and canvas limits). */
const MAX_SIDE = 4096;
const MAX_AREA = 12_000_000;
/** How long the zoom must rest before the scaled bitmap is drawn again sharp. */
export const ZOOM_REST_MS = 150;

export const contains = (outer: Rect, inner: Rect): boolean =>
  outer.minX <= inner.minX && outer.minY <= inner.minY && outer.maxX >= inner.maxX && outer.maxY >= inner.maxY;

/** The screen grown by the margin on every side, less where the bitmap would be too large. */
export function drawnRect(screen: Rect, zoom: number, ratio: number): Rect {
  const w = screen.maxX - screen.minX;
  const h = screen.maxY - screen.minY;
  const scale = zoom * ratio;
  let grow = 1 + 2 * MARGIN;
  grow = Math.min(grow, MAX_SIDE / (w * scale), MAX_SIDE / (h * scale), Math.sqrt(MAX_AREA / (w * h * scale * scale)));
  const mx = (Math.max(1, grow) - 1) * w / 2;
  const my = (Math.max(1, grow) - 1) * h / 2;
  return { minX: screen.minX - mx, minY: screen.minY - my, maxX: screen.maxX + mx, maxY: screen.maxY + my };
}


interface Drawn {
  readonly content: readonly unknown[];
  readonly zoom: number;
  readonly ratio: number;
  /** The chart area the bitmap covers (chart coordinates). */
  readonly rect: Rect;
  /** Drawn in a hurry while the zoom moved: drawn again in full once it rests. */
  readonly quick: boolean;
}

/**
 * A canvas (attach the returned ref) that shows the chart for this viewport, placed before
 * paint so it moves in the same frame as the rest: `draw` is called, with the context transformed to chart coordinates,
 * only when `content` changed (compared item by item), the zoom rested at a new value, or the
 * screen left the drawn area. `screen` is the chart area on screen, in chart coordinates.
 * A drawing needed while the zoom still moves (a wheel turn zooming out past the drawn
 * margin) is `quick` — `draw` should leave out what costs most and shows least — and is
 * drawn again in full once the zoom rests: at 10,000 roles a full drawing takes longer
 * than a frame on a slow machine (docs/performance.md, "Wheel zoom").
 */
export function useBitmap(content: readonly unknown[], viewport: { readonly x: number; readonly y: number; readonly zoom: number }, screen: Rect, draw: (ctx: CanvasRenderingContext2D, rect: Rect, zoom: number, quick: boolean) => void): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<Drawn | null>(null);
  // The zoom of the last frame and when it changed; a timer bumps `rested` to draw sharp once it rests.
  const zoomSeen = useRef({ zoom: 0, at: 0 });
  const [rested, setRested] = useState(0);
  useLayoutEffect(() => {
    const el = canvasRef.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || screen.maxX <= screen.minX || screen.maxY <= screen.minY) return;
    const ratio = window.devicePixelRatio || 1;
    const { zoom } = viewport;
    const last = drawing.current;
    const sameContent = last !== null && last.ratio === ratio && last.content.length === content.length && last.content.every((c, k) => c === content[k]);
    const now = performance.now();
    if (zoomSeen.current.zoom !== zoom) zoomSeen.current = { zoom, at: now };
    const zooming = now - zoomSeen.current.at < ZOOM_REST_MS;
    const rest = () => {
      const timer = setTimeout(() => setRested((n) => n + 1), ZOOM_REST_MS);
      return () => clearTimeout(timer);
    };
    // Zooming: scale the last bitmap while it still covers the screen, until the zoom rests.
    if (sameContent && last.zoom !== zoom && contains(last.rect, screen) && zooming) {
      el.style.transform = `translate(${last.rect.minX * zoom + viewport.x}px, ${last.rect.minY * zoom + viewport.y}px) scale(${zoom / last.zoom})`;
      return rest();
    }
    if (!sameContent || last.zoom !== zoom || !contains(last.rect, screen) || (last.quick && !zooming)) {
      const rect = drawnRect(screen, zoom, ratio);
      const width = Math.ceil((rect.maxX - rect.minX) * zoom * ratio);
      const height = Math.ceil((rect.maxY - rect.minY) * zoom * ratio);
      if (el.width !== width || el.height !== height) {
        el.width = width;
        el.height = height;
      } else {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, width, height);
      }
      el.style.width = `${width / ratio}px`;
      el.style.height = `${height / ratio}px`;
      ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, -rect.minX * zoom * ratio, -rect.minY * zoom * ratio);
      draw(ctx, rect, zoom, zooming);
      drawing.current = { content, zoom, ratio, rect, quick: zooming };
    }
    const { rect } = drawing.current!;
    el.style.transform = `translate(${rect.minX * zoom + viewport.x}px, ${rect.minY * zoom + viewport.y}px)`;
    if (drawing.current!.quick) return rest();
    // `draw` reads what `content` lists: a new closure alone is no reason to draw again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...content, viewport, screen, rested]);
  return canvasRef;
}
