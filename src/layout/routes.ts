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

/** A card's box on the canvas: top-left corner and size. */
export interface CardBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A dotted line's curve: start, two control points, end. */
export type DottedCurve = readonly [start: readonly [number, number], c1: readonly [number, number], c2: readonly [number, number], end: readonly [number, number]];

/**
 * The route of a dotted line from one card to another, in either direction of the chart.
 * It leaves the source from the side facing the target (the axis with the wider gap
 * between the cards), enters the target on the side facing back, and bends as an S whose
 * control points stay in the gap: a cubic curve lies inside the hull of its four points,
 * and all four are beyond the source's side, so the line never crosses its own source
 * card (nor its target) and never loops. Overlapping cards (moved by hand onto each
 * other) get a straight line between their centres.
 */
export function dottedRoute(s: CardBox, t: CardBox): DottedCurve {
  const gaps = [t.x - (s.x + s.w), s.x - (t.x + t.w), t.y - (s.y + s.h), s.y - (t.y + t.h)] as const;
  let side = 0;
  for (let k = 1; k < 4; k++) if (gaps[k]! > gaps[side]!) side = k;
  const gap = gaps[side]!;
  if (gap <= 0) {
    const a: [number, number] = [s.x + s.w / 2, s.y + s.h / 2];
    const b: [number, number] = [t.x + t.w / 2, t.y + t.h / 2];
    return [a, a, b, b];
  }
  const k = gap / 2;
  switch (side) {
    case 0: { // target to the right
      const a = [s.x + s.w, s.y + s.h / 2] as const;
      const b = [t.x, t.y + t.h / 2] as const;
      return [a, [a[0] + k, a[1]], [b[0] - k, b[1]], b];
    }
    case 1: { // to the left
      const a = [s.x, s.y + s.h / 2] as const;
      const b = [t.x + t.w, t.y + t.h / 2] as const;
      return [a, [a[0] - k, a[1]], [b[0] + k, b[1]], b];
    }
    case 2: { // below
      const a = [s.x + s.w / 2, s.y + s.h] as const;
      const b = [t.x + t.w / 2, t.y] as const;
      return [a, [a[0], a[1] + k], [b[0], b[1] - k], b];
    }
    default: { // above
      const a = [s.x + s.w / 2, s.y] as const;
      const b = [t.x + t.w / 2, t.y + t.h] as const;
      return [a, [a[0], a[1] - k], [b[0], b[1] + k], b];
    }
  }
}

/** An SVG path of a dotted line's curve. */
export function curvePath([a, c1, c2, b]: DottedCurve): string {
  return `M${round2(a[0])},${round2(a[1])} C${round2(c1[0])},${round2(c1[1])} ${round2(c2[0])},${round2(c2[1])} ${round2(b[0])},${round2(b[1])}`;
}

/** The whole route of a reporting line between two cards (manager `m`, report `r`), as an SVG path. */
export function reportingPath(m: CardBox, r: CardBox, route: RouteOptions): string {
  const [sx, sy] = exitPoint(m.x, m.y, m.w, m.h, route.direction);
  const [ex, ey] = entryPoint(r.x, r.y, r.w, r.h, route.slot, route.direction);
  return pathOf(routePoints(sx, sy, ex, ey, route));
}
