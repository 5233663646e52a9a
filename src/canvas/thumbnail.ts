/**
 * A small picture of a document for the presets gallery (docs/designer.md, "Presets
 * gallery"): drawn from the model, not from the DOM. The document is laid out as the
 * canvas lays it out (src/layout, its direction and collapsed teams, manual positions
 * kept); each card becomes a box in its family's colour, each reporting line the
 * layout's route, each dotted line its curve in its kind's colour. Plain data for an
 * inline SVG whose viewBox is the chart's own coordinates.
 */
import { buildTreeIndex } from '../model/tree.ts';
import { layoutDocument, Slot } from '../layout/index.ts';
import { curvePath, dottedRoute, entryPoint, exitPoint, pathOf, routePoints } from '../layout/routes.ts';
import { DOTTED_STYLES, FAMILY_COLOURS, LINE_COLOUR } from '../layout/colours.ts';
import type { OrgDocument } from '../schema/v1.ts';

export interface ThumbnailCard {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  readonly external: boolean;
}

export interface Thumbnail {
  /** The chart's bounds with a margin: `minX minY width height`. */
  readonly viewBox: string;
  readonly width: number;
  readonly height: number;
  readonly cardWidth: number;
  readonly cardHeight: number;
  readonly cards: readonly ThumbnailCard[];
  /** Every reporting line in one path. */
  readonly lines: string;
  readonly lineColour: string;
  readonly dotted: readonly { readonly d: string; readonly colour: string; readonly dash: string }[];
}

/** A thumbnail draws no more cards than this (a preset has a few dozen; a large document is cut to its first ones in layout order). */
const MAX_CARDS = 2000;

/** The least a thumbnail shows, in cards: a small chart is drawn at this scale, centred. */
const MIN_CARDS_ACROSS = 6;
const MIN_CARDS_DOWN = 4;

export function thumbnailOf(doc: OrgDocument): Thumbnail {
  const index = buildTreeIndex(doc);
  const layout = layoutDocument(doc, index);
  const { nodeWidth: w, nodeHeight: h, direction } = layout;
  const roles = doc.roles;
  const n = roles.length;
  // Where each card is drawn: its manual position (as on the canvas), else the layout's.
  const px = new Float64Array(n).fill(NaN);
  const py = new Float64Array(n).fill(NaN);
  const manual = new Uint8Array(n);
  const positions = doc.view.positions;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const cards: ThumbnailCard[] = [];
  for (const i of layout.visible.subarray(0, MAX_CARDS)) {
    const role = roles[i]!;
    const p = Object.hasOwn(positions, role.id) ? positions[role.id] : undefined;
    const manualOk = p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);
    px[i] = manualOk ? p.x : layout.x[i]!;
    py[i] = manualOk ? p.y : layout.y[i]!;
    manual[i] = manualOk ? 1 : 0;
    if (!Number.isFinite(px[i]!) || !Number.isFinite(py[i]!)) continue;
    minX = Math.min(minX, px[i]!);
    minY = Math.min(minY, py[i]!);
    maxX = Math.max(maxX, px[i]! + w);
    maxY = Math.max(maxY, py[i]! + h);
    cards.push({ id: role.id, x: px[i]!, y: py[i]!, fill: FAMILY_COLOURS[role.family] ?? FAMILY_COLOURS.other!, external: role.external });
  }
  const shown = (i: number): boolean => i >= 0 && Number.isFinite(px[i]!);

  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = index.managerOf[i]!;
    // An external role sits with the partners, never under its manager (as on the canvas).
    if (!shown(i) || !shown(m) || roles[i]!.external) continue;
    const planned = !manual[i] && !manual[m];
    const slot = planned ? layout.slot[i]! : Slot.row;
    const bus = planned && Number.isFinite(layout.bus[m]!) ? layout.bus[m]! : null;
    const [sx, sy] = exitPoint(px[m]!, py[m]!, w, h, direction);
    const [ex, ey] = entryPoint(px[i]!, py[i]!, w, h, slot, direction);
    paths.push(pathOf(routePoints(sx, sy, ex, ey, { slot, bus, direction })));
  }

  const dotted: { d: string; colour: string; dash: string }[] = [];
  for (let i = 0; i < n; i++) {
    if (!shown(i)) continue;
    for (const line of roles[i]!.dottedLines) {
      const t = index.indexOf.get(line.to);
      if (t === undefined || t === i || !shown(t)) continue;
      const style = DOTTED_STYLES[line.kind];
      dotted.push({ d: curvePath(dottedRoute({ x: px[i]!, y: py[i]!, w, h }, { x: px[t]!, y: py[t]!, w, h })), colour: style.colour, dash: style.dash });
    }
  }

  if (cards.length === 0) {
    minX = minY = 0;
    maxX = w;
    maxY = h;
  }
  // A margin of half a card's height all round, so the outer cards are not cut; a small
  // chart is not blown up past a few cards' size (a blank document is one card, not a banner).
  const margin = h / 2;
  const width = Math.max(maxX - minX + 2 * margin, MIN_CARDS_ACROSS * w);
  const height = Math.max(maxY - minY + 2 * margin, MIN_CARDS_DOWN * h);
  const left = (minX + maxX) / 2 - width / 2;
  const top = (minY + maxY) / 2 - height / 2;
  return {
    viewBox: `${left} ${top} ${width} ${height}`,
    width,
    height,
    cardWidth: w,
    cardHeight: h,
    cards,
    lines: paths.join(' '),
    lineColour: LINE_COLOUR,
    dotted,
  };
}
