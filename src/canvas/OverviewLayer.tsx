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
import type { Layout, Rect } from '../layout/types.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { RoleFindings } from '../store/derived.ts';
import { FAMILY_COLOURS, SEVERITY_COLOURS } from '../layout/colours.ts';
import { useBitmap } from './bitmap.ts';
import { cardAt, drawReportingLines } from './draw.ts';

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

/**
 * Draws the roles `inView` of `content` into `ctx`, already transformed to flow coordinates.
 * `quick` (while the zoom still moves): the cards alone, without lines, borders or text,
 * about a third of the cost; the full drawing follows once the zoom rests.
 */
function drawRoles(ctx: CanvasRenderingContext2D, { doc, index, layout, byRole, selection }: OverviewContent, inView: ArrayLike<number>, zoom: number, quick: boolean): void {
  if (!quick) drawReportingLines(ctx, doc, index, layout, inView, zoom);
  drawCards(ctx, { doc, layout, byRole, selection }, inView, zoom, quick);
}

function drawCards(ctx: CanvasRenderingContext2D, { doc, layout, byRole, selection }: Pick<OverviewContent, 'doc' | 'layout' | 'byRole' | 'selection'>, inView: ArrayLike<number>, zoom: number, quick: boolean): void {
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  const showText = !quick && h * zoom >= 14;
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
    if (quick && !selected) continue;
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
  const canvas = useBitmap([doc, index, layout, byRole, selection, query], viewport, screen, (ctx, rect, zoom, quick) => drawRoles(ctx, { doc, index, layout, byRole, selection }, query(rect), zoom, quick));
  return (
    <div className="overview-clip" aria-hidden="true">
      <canvas ref={canvas} className="overview-layer" />
    </div>
  );
}

export const OverviewLayer = memo(OverviewLayerView);
