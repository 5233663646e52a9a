/**
 * The routes of reporting lines, as the layout plans them (docs/layout.md): down the
 * manager's centre line to its bus, along it, then into the report's top; for stacked
 * reports down a lane beside the column and into the card's side; for assistants,
 * straight across from the centre line. Shared by the canvas, its overview and the
 * SVG export, so every picture of the chart draws the same lines.
 */
import { HANG_INDENT } from './constants.ts';
import { Slot } from './types.ts';

export interface RouteOptions {
  readonly slot: number;
  /** Depth coordinate (y in TB, x in LR) of the manager's bus, or null to bend halfway. */
  readonly bus: number | null;
  readonly direction: 'TB' | 'LR';
}

/** The corner points of a reporting line from a manager's exit point to a report's entry point. */
export function routePoints(sx: number, sy: number, tx: number, ty: number, route: RouteOptions): [number, number][] {
  const lr = route.direction === 'LR';
  // Work in (depth, breadth) and map back: LR is TB turned on its side.
  const [sd, sb, td, tb] = lr ? [sx, sy, tx, ty] : [sy, sx, ty, tx];
  const bus = route.bus ?? (sd + td) / 2;
  let points: [number, number][];
  if (route.slot === Slot.hanging) {
    const lane = tb - HANG_INDENT / 2;
    points = [[sd, sb], [bus, sb], [bus, lane], [td, lane], [td, tb]];
  } else if (route.slot === Slot.assistantAfter || route.slot === Slot.assistantBefore) {
    points = [[sd, sb], [td, sb], [td, tb]];
  } else {
    points = [[sd, sb], [bus, sb], [bus, tb], [td, tb]];
  }
  return points.map(([d, b]) => (lr ? [d, b] : [b, d]));
}

/** The point where a report's line enters its card (top-left at x, y), by slot. */
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

/** An SVG path through points. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round2(x)},${round2(y)}`).join(' ');
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
