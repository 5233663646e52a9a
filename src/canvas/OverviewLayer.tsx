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
import { memo } from 'react';
import type { Viewport } from '@xyflow/react';
import type { TreeIndex } from '../model/tree.ts';
import { Slot, type Layout, type Rect } from '../layout/types.ts';
import { entryPoint, exitPoint, routePoints } from '../layout/routes.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { RoleFindings } from '../store/derived.ts';
import { FAMILY_COLOURS, SEVERITY_COLOURS } from '../layout/colours.ts';
import { useBitmap } from './bitmap.ts';

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

/** Where a role's card is: its manual position, else the layout's. */
function cardAt(doc: OrgDocument, layout: Layout, i: number): { x: number; y: number } {
  const id = doc.roles[i]!.id;
  const manual = Object.hasOwn(doc.view.positions, id) ? doc.view.positions[id] : undefined;
  return { x: manual?.x ?? layout.x[i]!, y: manual?.y ?? layout.y[i]! };
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
  const canvas = useBitmap([doc, index, layout, byRole, selection, query], viewport, screen, (ctx, rect, zoom) => drawRoles(ctx, { doc, index, layout, byRole, selection }, query(rect), zoom));
  return (
    <div className="overview-clip" aria-hidden="true">
      <canvas ref={canvas} className="overview-layer" />
    </div>
  );
}

export const OverviewLayer = memo(OverviewLayerView);
