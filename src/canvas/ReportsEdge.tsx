/** A reporting line on the canvas, routed as the layout planned it (src/layout/routes.ts). */
import { memo } from 'react';
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { pathOf, routePoints, type RouteOptions } from '../layout/routes.ts';
import { Slot } from '../layout/types.ts';

export interface ReportsEdgeData extends RouteOptions, Record<string, unknown> {}

export type ReportsFlowEdge = Edge<ReportsEdgeData, 'reports'>;

const FALLBACK: ReportsEdgeData = { slot: Slot.row, bus: null, direction: 'TB' };

function ReportsEdgeView({ sourceX, sourceY, targetX, targetY, data, style, markerEnd }: EdgeProps<ReportsFlowEdge>) {
  return <BaseEdge path={pathOf(routePoints(sourceX, sourceY, targetX, targetY, data ?? FALLBACK))} style={style} markerEnd={markerEnd} />;
}

export const ReportsEdge = memo(ReportsEdgeView);
