/**
 * One chart of the compare view: read-only, drawn on one Canvas2D at every zoom with the
 * editor's overview technique (canvas/bitmap.ts: a bitmap of the screen and a margin, moved
 * while panning, scaled while zooming, drawn again once the zoom rests), with the
 * differences marked. Only the roles near the screen are drawn (the layout's spatial
 * index), so a frame costs what is on screen, not the document. Card text appears once a
 * card is large enough to read.
 *
 * Gestures are reported, not applied: the view moves every chart by the same gesture, so
 * side-by-side charts stay in step (each keeps its own offset, as the same role sits at
 * different places in the two layouts).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { useBitmap } from '../../canvas/bitmap.ts';
import { cardAt, drawReportingLines } from '../../canvas/draw.ts';
import { FAMILY_COLOURS } from '../../layout/colours.ts';
import { entryPoint, exitPoint } from '../../layout/routes.ts';
import { Slot, type Layout, type Rect } from '../../layout/types.ts';
import { familyLabel, localTitle } from '../../model/labels.ts';
import { derive } from '../../store/derived.ts';
import { layoutOf } from '../../store/layout.ts';
import { CHANGE_COLOURS, type Scene } from '../../compare/scene.ts';
import type { ChangeKind } from '../../compare/diff.ts';
import type { Language } from '../strings.ts';

export interface ChartViewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** A pan by screen pixels, or a zoom by a factor around a point of the chart's screen. */
export type Gesture = { readonly dx: number; readonly dy: number } | { readonly factor: number; readonly px: number; readonly py: number };

/** The marks' badges: a sign as well as a colour, so no one needs to tell colours apart (the exported picture's signs). */
const BADGES: Readonly<Record<ChangeKind, string>> = { added: '+', removed: '−', moved: '↪', changed: '~' };

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 2;
/** Cuts a text to fit a width, with an ellipsis. */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

interface DrawInput {
  readonly scene: Scene;
  readonly layout: Layout;
  readonly inView: ArrayLike<number>;
  readonly zoom: number;
  readonly focus: string | null;
  readonly language: Language;
  /** While the zoom moves (canvas/bitmap.ts): cards and marks only; the lines and text once it rests. */
  readonly quick: boolean;
}

function draw(ctx: CanvasRenderingContext2D, { scene, layout, inView, zoom, focus, language, quick }: DrawInput): void {
  if (!quick) drawLines(ctx, scene, layout, inView, zoom);
  drawCards(ctx, { scene, layout, inView, zoom, focus, language, quick });
}

/** The reporting lines, and the old lines of moved roles (faint, dashed). */
function drawLines(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout, inView: ArrayLike<number>, zoom: number): void {
  const { doc } = scene;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  drawReportingLines(ctx, doc, derive(doc).index, layout, inView, zoom);

  // Old lines of moved roles: faint and dashed, from the old manager to the role.
  if (scene.oldLines.length > 0) {
    ctx.save();
    ctx.beginPath();
    ctx.strokeStyle = CHANGE_COLOURS.moved;
    ctx.globalAlpha = 0.45;
    ctx.setLineDash([10 / Math.max(zoom, 0.2), 8 / Math.max(zoom, 0.2)]);
    ctx.lineWidth = Math.max(1 / zoom, 2);
    for (const line of scene.oldLines) {
      const i = layout.indexOf.get(line.id);
      const m = layout.indexOf.get(line.from);
      if (i === undefined || m === undefined || !Number.isFinite(layout.x[i]!) || !Number.isFinite(layout.x[m]!)) continue;
      const a = cardAt(doc, layout, m);
      const b = cardAt(doc, layout, i);
      const [sx, sy] = exitPoint(a.x, a.y, w, h, layout.direction);
      const [tx, ty] = entryPoint(b.x, b.y, w, h, Slot.row, layout.direction);
      ctx.moveTo(sx, sy);
      ctx.bezierCurveTo(sx, (sy + ty) / 2, tx, (sy + ty) / 2, tx, ty);
    }
    ctx.stroke();
    ctx.restore();
  }
}

function drawCards(ctx: CanvasRenderingContext2D, { scene, layout, inView, zoom, focus, language, quick }: DrawInput): void {
  const { doc, marks } = scene;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  const showText = !quick && h * zoom >= 14;
  const detail = h * zoom >= 40;
  for (let k = 0; k < inView.length; k++) {
    const i = inView[k]!;
    const role = doc.roles[i]!;
    const p = cardAt(doc, layout, i);
    const mark = marks.get(role.id);
    const ghost = scene.ghosts.has(role.id);
    ctx.globalAlpha = ghost ? 0.55 : 1;
    ctx.fillStyle = role.external || ghost ? '#f1f3f5' : '#ffffff';
    ctx.fillRect(p.x, p.y, w, h);
    ctx.fillStyle = FAMILY_COLOURS[role.family] ?? '#adb5bd';
    ctx.fillRect(p.x, p.y, 12, h);
    if (mark) {
      const colour = CHANGE_COLOURS[mark];
      ctx.strokeStyle = colour;
      ctx.lineWidth = Math.max(4, 2.5 / zoom);
      if (ghost) ctx.setLineDash([12, 8]);
      ctx.strokeRect(p.x, p.y, w, h);
      ctx.setLineDash([]);
      // The badge: a disc with the kind's sign at the card's top-right corner.
      const r = Math.max(16, 9 / zoom);
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(p.x + w - 4, p.y + 4, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.font = `700 ${Math.round(r * 1.4)}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(BADGES[mark], p.x + w - 4, p.y + 5);
      ctx.textAlign = 'start';
      ctx.textBaseline = 'alphabetic';
    } else {
      ctx.strokeStyle = '#ced4da';
      ctx.lineWidth = 1 / zoom;
      ctx.strokeRect(p.x, p.y, w, h);
    }
    if (focus === role.id) {
      ctx.strokeStyle = '#1d2733';
      ctx.lineWidth = Math.max(3, 3 / zoom);
      ctx.strokeRect(p.x - 8, p.y - 8, w + 16, h + 16);
    }
    if (showText) {
      ctx.fillStyle = ghost ? '#6c757d' : '#1d2733';
      ctx.font = detail ? '600 15px system-ui, sans-serif' : '600 22px system-ui, sans-serif';
      const title = fitText(ctx, localTitle(role, language), w - 44);
      ctx.fillText(title, p.x + 22, p.y + (detail ? 30 : 40));
      if (ghost) ctx.fillRect(p.x + 22, p.y + (detail ? 25 : 33), ctx.measureText(title).width, 1.5);
      if (detail) {
        ctx.font = '12px system-ui, sans-serif';
        ctx.fillStyle = '#495057';
        ctx.fillText(fitText(ctx, `${familyLabel(role.family, language)} · L${role.level}`, w - 36), p.x + 22, p.y + 52);
        ctx.fillText(fitText(ctx, role.holder?.name ?? '—', w - 36), p.x + 22, p.y + 76);
      }
    }
    ctx.globalAlpha = 1;
  }
}

export interface CompareChartProps {
  readonly scene: Scene;
  readonly viewport: ChartViewport;
  readonly onGesture: (gesture: Gesture) => void;
  readonly onSize: (size: { width: number; height: number }) => void;
  readonly onPick: (id: string) => void;
  readonly focus: string | null;
  readonly language: Language;
  /** The accessible name (the chart is an image: the change list is its text). */
  readonly label: string;
  readonly title: string;
}

export function CompareChart({ scene, viewport, onGesture, onSize, onPick, focus, language, label, title }: CompareChartProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const next = { width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) };
      setSize(next);
      onSize(next);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [onSize]);

  // The chart area on screen, in chart coordinates; the bitmap (canvas/bitmap.ts) covers it and a margin.
  const screen: Rect = useMemo(() => {
    const left = -viewport.x / viewport.zoom;
    const top = -viewport.y / viewport.zoom;
    return { minX: left, minY: top, maxX: left + size.width / viewport.zoom, maxY: top + size.height / viewport.zoom };
  }, [viewport, size]);
  const canvas = useBitmap([scene, focus, language], viewport, screen, (ctx, rect, zoom, quick) => {
    const placed = layoutOf(scene.doc);
    draw(ctx, { scene, layout: placed.layout, inView: placed.query(rect), zoom, focus, language, quick });
  });

  const toChart = (clientX: number, clientY: number) => {
    const box = wrap.current!.getBoundingClientRect();
    return { px: clientX - box.left, py: clientY - box.top };
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: true };
    onGesture({ dx, dy });
  };
  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    // A click: the role under the pointer.
    const { px, py } = toChart(e.clientX, e.clientY);
    const fx = (px - viewport.x) / viewport.zoom;
    const fy = (py - viewport.y) / viewport.zoom;
    const placed = layoutOf(scene.doc);
    const hits = placed.query({ minX: fx, minY: fy, maxX: fx, maxY: fy });
    for (let k = 0; k < hits.length; k++) {
      const i = hits[k]!;
      const p = cardAt(scene.doc, placed.layout, i);
      if (fx >= p.x && fx <= p.x + placed.layout.nodeWidth && fy >= p.y && fy <= p.y + placed.layout.nodeHeight) {
        onPick(scene.doc.roles[i]!.id);
        return;
      }
    }
  };
  const onWheel = (e: WheelEvent) => {
    const { px, py } = toChart(e.clientX, e.clientY);
    // Pinch arrives as a wheel with Ctrl; a mouse wheel zooms too, as on the editor's canvas.
    const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002));
    onGesture({ factor, px, py });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = 60;
    const gestures: Record<string, Gesture> = {
      ArrowLeft: { dx: step, dy: 0 },
      ArrowRight: { dx: -step, dy: 0 },
      ArrowUp: { dx: 0, dy: step },
      ArrowDown: { dx: 0, dy: -step },
      '+': { factor: 1.2, px: size.width / 2, py: size.height / 2 },
      '=': { factor: 1.2, px: size.width / 2, py: size.height / 2 },
      '-': { factor: 1 / 1.2, px: size.width / 2, py: size.height / 2 },
    };
    const gesture = gestures[e.key];
    if (!gesture) return;
    e.preventDefault();
    onGesture(gesture);
  };

  return (
    <figure className="compare-chart" aria-label={label}>
      <figcaption className="compare-chart-title">{title}</figcaption>
      <div
        ref={wrap}
        className="compare-chart-surface"
        // Focusable so the arrows and + / - move it from the keyboard.
        tabIndex={0}
        role="img"
        aria-label={label}
        // The zoom, for tests and tools (the bitmap's transform does not show it).
        data-zoom={viewport.zoom.toFixed(3)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvas} data-roles={scene.doc.roles.length} />
      </div>
    </figure>
  );
}
