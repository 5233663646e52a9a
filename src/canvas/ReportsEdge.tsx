/**
 * The canvas's lines: reporting lines on the routes the layout planned and dotted lines
 * on their S-curves (src/layout/routes.ts). flow.ts routes both from the cards' boxes and
 * hands the path over, so the canvas, its overview and the SVG export draw the same lines
 * whatever sides React Flow measured the handles on.
 */
import { memo } from 'react';
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { pathOf, routePoints, type RouteOptions } from '../layout/routes.ts';
import { Slot } from '../layout/types.ts';
import type { DottedLine } from '../schema/v1.ts';

export interface ReportsEdgeData extends RouteOptions, Record<string, unknown> {
  /** The routed path (flow.ts); without it the route runs between React Flow's handle points. */
  readonly path?: string;
}

export type ReportsFlowEdge = Edge<ReportsEdgeData, 'reports'>;

export interface DottedEdgeData extends Record<string, unknown> {
  readonly kind: DottedLine['kind'];
  readonly path: string;
}

export type DottedFlowEdge = Edge<DottedEdgeData, 'dotted'>;

const FALLBACK: ReportsEdgeData = { slot: Slot.row, bus: null, direction: 'TB' };

function ReportsEdgeView({ sourceX, sourceY, targetX, targetY, data, style, markerEnd }: EdgeProps<ReportsFlowEdge>) {
  const path = data?.path ?? pathOf(routePoints(sourceX, sourceY, targetX, targetY, data ?? FALLBACK));
  return <BaseEdge path={path} style={style} markerEnd={markerEnd} />;
}

function DottedEdgeView({ sourceX, sourceY, targetX, targetY, data, style }: EdgeProps<DottedFlowEdge>) {
  return <BaseEdge path={data?.path ?? `M${sourceX},${sourceY} L${targetX},${targetY}`} style={style} />;
}

export const ReportsEdge = memo(ReportsEdgeView);
export const DottedEdge = memo(DottedEdgeView);
