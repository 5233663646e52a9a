/**
 * The zoomed-out level of detail: when more roles are in view than the DOM should
 * hold, the chart is drawn on one Canvas2D — cards as boxes coloured by family, a bar
 * in the colour of the worst finding, reporting lines — and no role element is
 * mounted. It draws only what is in view, so a frame follows the viewport, not the
 * document. Clicks are handled by the canvas component (hit test on the layout).
 */
import { memo, useEffect, useRef } from 'react';
import type { Viewport } from '@xyflow/react';
import type { TreeIndex } from '../model/tree.ts';
import { Slot, type Layout } from '../layout/types.ts';
import { entryPoint, exitPoint, routePoints } from '../layout/routes.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { RoleFindings } from '../store/derived.ts';
import { FAMILY_COLOURS, SEVERITY_COLOURS } from '../layout/colours.ts';


interface Props {
  readonly doc: OrgDocument;
  readonly index: TreeIndex;
  readonly layout: Layout;
  /** The roles whose cards are on screen (the canvas queried them once for this frame). */
  readonly inView: ArrayLike<number>;
  readonly byRole: ReadonlyMap<string, RoleFindings>;
  readonly selection: ReadonlySet<string>;
  readonly viewport: Viewport;
  readonly size: { readonly width: number; readonly height: number };
}

/** Where a role's card is: its manual position, else the layout's. */
function cardAt(doc: OrgDocument, layout: Layout, i: number): { x: number; y: number } {
  const id = doc.roles[i]!.id;
  const manual = Object.hasOwn(doc.view.positions, id) ? doc.view.positions[id] : undefined;
  return { x: manual?.x ?? layout.x[i]!, y: manual?.y ?? layout.y[i]! };
}

function OverviewLayerView({ doc, index, layout, inView, byRole, selection, viewport, size }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    if (el.width !== Math.round(size.width * ratio) || el.height !== Math.round(size.height * ratio)) {
      el.width = Math.round(size.width * ratio);
      el.height = Math.round(size.height * ratio);
    }
    const { x: tx, y: ty, zoom } = viewport;
    ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
    ctx.clearRect(-tx / zoom, -ty / zoom, size.width / zoom, size.height / zoom);
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
    ctx.lineWidth = 1 / zoom;
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
      ctx.strokeStyle = selection.has(role.id) ? '#1f4e79' : '#ced4da';
      ctx.lineWidth = (selection.has(role.id) ? 3 : 1) / zoom;
      ctx.strokeRect(p.x, p.y, w, h);
      if (showText) {
        ctx.fillStyle = '#1d2733';
        ctx.font = '600 22px system-ui, sans-serif';
        ctx.fillText(role.title.length > 18 ? `${role.title.slice(0, 17)}…` : role.title, p.x + 20, p.y + 34, w - 76);
      }
    }
  }, [doc, index, layout, inView, byRole, selection, viewport, size]);
  return <canvas ref={canvas} className="overview-layer" style={{ width: size.width, height: size.height }} aria-hidden="true" />;
}

export const OverviewLayer = memo(OverviewLayerView);
