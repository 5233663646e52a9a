/**
 * The zoomed-out level of detail: when more roles are in view than the DOM should
 * hold, the chart is drawn on one Canvas2D — cards as boxes coloured by family, a bar
 * in the colour of the worst finding, reporting lines — and no role element is
 * mounted. Clicks are handled by the canvas component (hit test on the layout).
 *
 * The drawing is a bitmap of the screen and a margin around it, cached while only the
 * viewport changes: a pan frame moves the bitmap with a CSS transform and draws
 * nothing; while the zoom changes (a wheel turn is many frames) the bitmap is scaled,
 * and drawn again sharp once the zoom has rested. It is drawn again at once when what
 * it shows changes, or when the screen leaves the drawn area; a drawing covers only
 * what is near the screen, so its cost follows the viewport, not the document.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { Viewport } from '@xyflow/react';
import type { TreeIndex } from '../model/tree.ts';
import { Slot, type Layout, type Rect } from '../layout/types.ts';
import { entryPoint, exitPoint, routePoints } from '../layout/routes.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { RoleFindings } from '../store/derived.ts';
import { FAMILY_COLOURS, SEVERITY_COLOURS } from '../layout/colours.ts';

interface OverviewContent {
  readonly doc: OrgDocument;
  readonly index: TreeIndex;
  readonly layout: Layout;
  readonly byRole: ReadonlyMap<string, RoleFindings>;
  readonly selection: ReadonlySet<string>;
}

interface Props extends OverviewContent {
  /** The roles whose cards meet a rectangle (flow coordinates). */
  readonly query: (rect: Rect) => ArrayLike<number>;
  readonly viewport: Viewport;
  /** The chart area on screen (flow coordinates), as the canvas computed it from the viewport. */
  readonly screen: Rect;
}

/** The drawn margin beyond each side of the screen, as a share of the screen. */
const MARGIN = 0.5;
/** The bitmap's largest side and area in device pixels (memory, and canvas limits). */
const MAX_SIDE = 4096;
const MAX_AREA = 12_000_000;
/** How long the zoom must rest before the scaled bitmap is drawn again sharp. */
const ZOOM_REST_MS = 150;

interface Drawing extends OverviewContent {
  readonly zoom: number;
  readonly ratio: number;
  /** The chart area the bitmap covers (flow coordinates). */
  readonly rect: Rect;
}

/** Where a role's card is: its manual position, else the layout's. */
function cardAt(doc: OrgDocument, layout: Layout, i: number): { x: number; y: number } {
  const id = doc.roles[i]!.id;
  const manual = Object.hasOwn(doc.view.positions, id) ? doc.view.positions[id] : undefined;
  return { x: manual?.x ?? layout.x[i]!, y: manual?.y ?? layout.y[i]! };
}

const contains = (outer: Rect, inner: Rect): boolean =>
  outer.minX <= inner.minX && outer.minY <= inner.minY && outer.maxX >= inner.maxX && outer.maxY >= inner.maxY;

/** The screen grown by the margin on every side, less where the bitmap would be too large. */
function drawnRect(screen: Rect, zoom: number, ratio: number): Rect {
  const w = screen.maxX - screen.minX;
  const h = screen.maxY - screen.minY;
  const scale = zoom * ratio;
  let grow = 1 + 2 * MARGIN;
  grow = Math.min(grow, MAX_SIDE / (w * scale), MAX_SIDE / (h * scale), Math.sqrt(MAX_AREA / (w * h * scale * scale)));
  const mx = (Math.max(1, grow) - 1) * w / 2;
  const my = (Math.max(1, grow) - 1) * h / 2;
  return { minX: screen.minX - mx, minY: screen.minY - my, maxX: screen.maxX + mx, maxY: screen.maxY + my };
}

/** Draws the roles `inView` of `content` into `ctx`, already transformed to flow coordinates. */
function drawRoles(ctx: CanvasRenderingContext2D, { doc, index, layout, byRole, selection }: OverviewContent, inView: ArrayLike<number>, zoom: number): void {
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  ctx.beginPath();
  ctx.strokeStyle = '#98a2ad';
  ctx.lineWidth = Math.max(1 / zoom, 1.5);
  const manual = doc.view.positions;
  for (let k = 0; k < inView.length; k++) {
    const i = inView[k]!;
    const m = index.managerOf[i]!;
    if (m < 0 || layout.hidden[m] || doc.roles[i]!.external) continue;
    const a = cardAt(doc, layout, m);
    const b = cardAt(doc, layout, i);
    // The same routes as the reporting-line edges, while both cards are where the layout put them.
    const planned = !Object.hasOwn(manual, doc.roles[i]!.id) && !Object.hasOwn(manual, doc.roles[m]!.id);
    const slot = planned ? layout.slot[i]! : Slot.row;
    const [sx, sy] = exitPoint(a.x, a.y, w, h, layout.direction);
    const [tx, ty] = entryPoint(b.x, b.y, w, h, slot, layout.direction);
    const points = routePoints(sx, sy, tx, ty, { slot, bus: planned && Number.isFinite(layout.bus[m]!) ? layout.bus[m]! : null, direction: layout.direction });
    points.forEach(([x, y], n) => (n === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  }
  ctx.stroke();

  const showText = h * zoom >= 14;
  for (let k = 0; k < inView.length; k++) {
    const i = inView[k]!;
    const role = doc.roles[i]!;
    const p = cardAt(doc, layout, i);
    ctx.fillStyle = role.external ? '#f1f3f5' : '#ffffff';
    ctx.fillRect(p.x, p.y, w, h);
    ctx.fillStyle = FAMILY_COLOURS[role.family] ?? '#adb5bd';
    ctx.fillRect(p.x, p.y, 12, h);
    const finding = byRole.get(role.id);
    if (finding) {
      ctx.fillStyle = SEVERITY_COLOURS[finding.worst];
      ctx.fillRect(p.x + w - 48, p.y, 48, 28);
    }
    const selected = selection.has(role.id);
    ctx.strokeStyle = selected ? '#1f4e79' : '#ced4da';
    ctx.lineWidth = (selected ? 3 : 1) / zoom;
    ctx.strokeRect(p.x, p.y, w, h);
    if (showText) {
      ctx.fillStyle = '#1d2733';
      ctx.font = '600 22px system-ui, sans-serif';
      ctx.fillText(role.title.length > 18 ? `${role.title.slice(0, 17)}…` : role.title, p.x + 20, p.y + 34, w - 76);
    }
  }
}

function OverviewLayerView({ doc, index, layout, byRole, selection, query, viewport, screen }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<Drawing | null>(null);
  // The zoom of the last frame and when it changed; a timer bumps `rested` to draw sharp once it rests.
  const zoomSeen = useRef({ zoom: 0, at: 0 });
  const [rested, setRested] = useState(0);
  // Before paint, so the bitmap moves in the same frame as React Flow's viewport.
  useLayoutEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const { zoom } = viewport;
    const last = drawing.current;
    const sameContent = last !== null && last.doc === doc && last.index === index && last.layout === layout && last.byRole === byRole && last.selection === selection && last.ratio === ratio;
    const now = performance.now();
    if (zoomSeen.current.zoom !== zoom) zoomSeen.current = { zoom, at: now };
    // Zooming: scale the last bitmap while it still covers the screen, until the zoom rests.
    if (sameContent && last.zoom !== zoom && contains(last.rect, screen) && now - zoomSeen.current.at < ZOOM_REST_MS) {
      const timer = setTimeout(() => setRested((n) => n + 1), ZOOM_REST_MS);
      el.style.transform = `translate(${last.rect.minX * zoom + viewport.x}px, ${last.rect.minY * zoom + viewport.y}px) scale(${zoom / last.zoom})`;
      return () => clearTimeout(timer);
    }
    if (!sameContent || last.zoom !== zoom || !contains(last.rect, screen)) {
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
      drawRoles(ctx, { doc, index, layout, byRole, selection }, query(rect), zoom);
      drawing.current = { doc, index, layout, byRole, selection, zoom, ratio, rect };
    }
    const { rect } = drawing.current!;
    el.style.transform = `translate(${rect.minX * zoom + viewport.x}px, ${rect.minY * zoom + viewport.y}px)`;
  }, [doc, index, layout, byRole, selection, query, viewport, screen, rested]);
  return (
    <div className="overview-clip" aria-hidden="true">
      <canvas ref={canvas} className="overview-layer" />
    </div>
  );
}

export const OverviewLayer = memo(OverviewLayerView);
