/**
 * Drawing a chart on a Canvas2D, shared by the editor's overview (OverviewLayer.tsx) and the
 * compare view's charts: where a card is, and the reporting lines on the routes the canvas's
 * edges take.
 */
import type { TreeIndex } from '../model/tree.ts';
import { entryPoint, exitPoint, routePoints } from '../layout/routes.ts';
import { Slot, type Layout } from '../layout/types.ts';
import type { OrgDocument } from '../schema/v1.ts';

/** Where a role's card is: its manual position, else the layout's. */
export function cardAt(doc: OrgDocument, layout: Layout, i: number): { x: number; y: number } {
  const id = doc.roles[i]!.id;
  const manual = Object.hasOwn(doc.view.positions, id) ? doc.view.positions[id] : undefined;
  return { x: manual?.x ?? layout.x[i]!, y: manual?.y ?? layout.y[i]! };
}

/** The reporting lines of the roles `inView`, on the routes of the canvas's edges (layout/routes.ts). */
export function drawReportingLines(ctx: CanvasRenderingContext2D, doc: OrgDocument, index: TreeIndex, layout: Layout, inView: ArrayLike<number>, zoom: number): void {
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
}
