/**
 * A reporting line routed the way the layout planned it (docs/layout.md): down the
 * manager's centre line to the manager's bus, along it, then into the report's top —
 * or, for stacked reports, down a lane beside the column and into the card's side;
 * for assistants, straight across from the centre line. These routes cross no card.
 */
import { memo } from 'react';
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { HANG_INDENT } from '../layout/constants.ts';
import { Slot } from '../layout/types.ts';

export interface ReportsEdgeData extends Record<string, unknown> {
  readonly slot: number;
  /** Depth coordinate (y in TB, x in LR) of the manager's bus, or null to bend halfway. */
  readonly bus: number | null;
  readonly direction: 'TB' | 'LR';
}

export type ReportsFlowEdge = Edge<ReportsEdgeData, 'reports'>;

/** The corner points of a reporting line between two handle points. */
export function reportsPoints(sx: number, sy: number, tx: number, ty: number, data: ReportsEdgeData): [number, number][] {
  const lr = data.direction === 'LR';
  // Work in (depth, breadth) and map back: LR is TB turned on its side.
  const [sd, sb, td, tb] = lr ? [sx, sy, tx, ty] : [sy, sx, ty, tx];
  const bus = data.bus ?? (sd + td) / 2;
  let points: [number, number][];
  if (data.slot === Slot.hanging) {
    const lane = tb - HANG_INDENT / 2;
    points = [[sd, sb], [bus, sb], [bus, lane], [td, lane], [td, tb]];
  } else if (data.slot === Slot.assistantAfter || data.slot === Slot.assistantBefore) {
    points = [[sd, sb], [td, sb], [td, tb]];
  } else {
    points = [[sd, sb], [bus, sb], [bus, tb], [td, tb]];
  }
  return points.map(([d, b]) => (lr ? [d, b] : [b, d]));
}

/** The SVG path of a reporting line between two handle points. */
export function reportsPath(sx: number, sy: number, tx: number, ty: number, data: ReportsEdgeData): string {
  return reportsPoints(sx, sy, tx, ty, data)
    .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`)
    .join(' ');
}

/** The handle point where a report's line enters its card (top-left at x, y), by slot. */
export function entryPoint(x: number, y: number, w: number, h: number, slot: number, direction: 'TB' | 'LR'): [number, number] {
  const lr = direction === 'LR';
  if (slot === Slot.hanging || slot === Slot.assistantAfter) return lr ? [x + w / 2, y] : [x, y + h / 2];
  if (slot === Slot.assistantBefore) return lr ? [x + w / 2, y + h] : [x + w, y + h / 2];
  return lr ? [x, y + h / 2] : [x + w / 2, y];
}

/** The point where a manager's lines leave its card. */
export function exitPoint(x: number, y: number, w: number, h: number, direction: 'TB' | 'LR'): [number, number] {
  return direction === 'LR' ? [x + w, y + h / 2] : [x + w / 2, y + h];
}

function ReportsEdgeView({ sourceX, sourceY, targetX, targetY, data, style, markerEnd }: EdgeProps<ReportsFlowEdge>) {
  const path = reportsPath(sourceX, sourceY, targetX, targetY, data ?? { slot: Slot.row, bus: null, direction: 'TB' });
  return <BaseEdge path={path} style={style} markerEnd={markerEnd} />;
}

export const ReportsEdge = memo(ReportsEdgeView);
