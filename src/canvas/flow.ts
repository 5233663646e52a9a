/**
 * Document → React Flow nodes and edges for what is on screen. React Flow's cost per
 * frame grows with the nodes it is given (design.md), so it gets only the roles whose
 * cards meet the viewport (and their managers, so lines into the view are drawn),
 * a few hundred at most, and an unchanged role keeps its node object across frames.
 */
import type { Edge } from '@xyflow/react';
import type { TreeIndex } from '../model/tree.ts';
import type { Layout, Rect } from '../layout/types.ts';
import { Slot } from '../layout/types.ts';
import { DOTTED_STYLES } from '../layout/colours.ts';
import { curvePath, dottedRoute, reportingPath, type CardBox } from '../layout/routes.ts';
import type { OrgDocument, Role } from '../schema/v1.ts';
import type { RoleFindings } from '../store/derived.ts';
import type { RoleFlowNode, RoleNodeData } from './RoleNode.tsx';

/** At most this many role elements are mounted, whatever the zoom (issue 9's bound). */
export const MAX_MOUNTED = 450;

/**
 * With more roles than this on screen the overview canvas draws the chart (OrgCanvas):
 * cards are mounted for the screen and a margin of half a screen on every side, four
 * times its area, so a quarter of MAX_MOUNTED keeps that whole margin under the bound.
 * Nearer the bound a zoom step swapped hundreds of cards in and out of the cut-off
 * margin, and cost 50–100 ms a frame (issue 17). At this count a card is ~90 px wide,
 * too small to read.
 */
export const MAX_ON_SCREEN = Math.floor(MAX_MOUNTED / 4);

/**
 * At most this many role elements are mounted, and this many unmounted, per build (one
 * frame). A React Flow node costs about a millisecond to mount on a slow machine, and
 * the level-of-detail switch swaps a few hundred of them: spread over frames, a wheel
 * zoom across the switch keeps its frames short (issue 17). The canvas builds again on
 * the next frame until nothing is left (`FlowBuild.remaining`). 8, not 16: with 16 a
 * wheel zoom at 2,000 roles missed a frame at p95 (33 ms); with 8 it keeps 16.8 ms, and
 * the 450 cards of a screen are all mounted within about a second (docs/performance.md).
 */
export const CHANGES_PER_FRAME = 8;

/** A rectangle no role meets: the view while the overview draws the chart. */
export const NOWHERE: Rect = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

export interface FlowInput {
  readonly doc: OrgDocument;
  readonly index: TreeIndex;
  readonly layout: Layout;
  /** Roles in this rectangle (flow coordinates) get nodes. */
  readonly view: Rect;
  /** The part of `view` on screen: its roles are mounted first. `view` when not given. */
  readonly screen?: Rect;
  /** New role elements mounted, and old ones unmounted, at most (each), by this build; all when not given. */
  readonly budget?: number;
  readonly query: (rect: Rect) => ArrayLike<number>;
  readonly byRole: ReadonlyMap<string, RoleFindings>;
  readonly selection: ReadonlySet<string>;
  readonly titleOf: (role: Role) => string;
  /** Live positions of the roles being dragged, and how far they moved (their teams follow on drop). */
  readonly drag: DragState | null;
  readonly dropTarget: string | null;
  readonly shared: Pick<RoleNodeData, 'onToggleCollapse' | 'labels'>;
}

export interface DragState {
  readonly positions: ReadonlyMap<string, { x: number; y: number }>;
  /** Offset of the first dragged role since the drag began. */
  readonly dx: number;
  readonly dy: number;
  readonly roots: readonly number[];
}

interface CachedNode {
  readonly node: RoleFlowNode;
}

export interface FlowBuild {
  readonly nodes: RoleFlowNode[];
  readonly edges: Edge[];
  /** Roles wanted but not mounted yet, or mounted but no longer wanted, left for later builds. */
  readonly remaining: number;
  /** Of those, roles on screen not mounted yet: the picture has holes until they are. */
  readonly missingOnScreen: number;
}

/** Keeps node and edge objects between frames, so unchanged roles are the same objects. */
export class FlowCache {
  private nodes = new Map<string, CachedNode>();
  private edges = new Map<string, Edge>();
  // The last lists handed out: a build with the same objects in the same order returns them
  // again, so React Flow (which compares the lists by identity) skips its update and does not
  // notify every mounted card's subscriptions; a zoom or pan frame often changes nothing.
  private lastNodes: RoleFlowNode[] = [];
  private lastEdges: Edge[] = [];

  /** Nodes and edges of the roles in view. */
  build(input: FlowInput): FlowBuild {
    const { doc, index, layout, byRole, selection, drag, dropTarget } = input;
    const positions = doc.view.positions;
    // The roles wanted, those on screen first (so the cap never leaves a hole on screen).
    const wanted = new Set<number>();
    const onScreen = input.query(input.screen ?? input.view);
    for (let k = 0; k < onScreen.length && wanted.size < MAX_MOUNTED; k++) wanted.add(onScreen[k]!);
    const screenCount = wanted.size;
    const inView = input.query(input.view);
    for (let k = 0; k < inView.length && wanted.size < MAX_MOUNTED; k++) wanted.add(inView[k]!);
    // Roles placed by hand are few; check them directly.
    for (const id of Object.keys(positions)) {
      const at = index.indexOf.get(id);
      if (at === undefined || layout.hidden[at] || wanted.size >= MAX_MOUNTED) continue;
      const p = positions[id]!;
      if (p.x + layout.nodeWidth >= input.view.minX && p.x <= input.view.maxX && p.y + layout.nodeHeight >= input.view.minY && p.y <= input.view.maxY) wanted.add(at);
    }
    // The manager of every role in view, so its reporting line is drawn.
    for (const i of [...wanted]) {
      const m = index.managerOf[i]!;
      if (m >= 0 && !layout.hidden[m] && wanted.size < MAX_MOUNTED + 50) wanted.add(m);
    }

    // Within the budget: new roles mounted in that order, and roles that only left the view
    // (not deleted, not hidden under a collapsed manager) unmounted; the rest waits a frame.
    const picked = new Set<number>();
    let mounts = input.budget ?? Infinity;
    let remaining = 0;
    let missingOnScreen = 0;
    let k = 0;
    for (const i of wanted) {
      if (this.nodes.has(doc.roles[i]!.id) || mounts-- > 0) picked.add(i);
      else {
        remaining++;
        if (k < screenCount) missingOnScreen++;
      }
      k++;
    }
    let unmounts = input.budget ?? Infinity;
    for (const id of this.nodes.keys()) {
      const at = index.indexOf.get(id);
      if (at === undefined || picked.has(at) || layout.hidden[at] || unmounts-- > 0) continue;
      picked.add(at);
      remaining++;
    }
    if (drag) for (const [id] of drag.positions) { const at = index.indexOf.get(id); if (at !== undefined) picked.add(at); }

    const nextNodes = new Map<string, CachedNode>();
    const nodes: RoleFlowNode[] = [];
    // Where each mounted card is drawn: lines are routed from these boxes, not from React
    // Flow's measured handles (measured once per card, they would keep the sides of the
    // direction the card was first drawn in).
    const boxes = new Map<number, CardBox>();
    const ordered = [...picked].sort((a, b) => a - b);
    for (const i of ordered) {
      const role = doc.roles[i]!;
      const manual = Object.hasOwn(positions, role.id) ? positions[role.id] : undefined;
      let x = manual?.x ?? layout.x[i]!;
      let y = manual?.y ?? layout.y[i]!;
      // Only the dragged cards follow the pointer: their teams stay put, so a manager can be
      // dropped onto one of its own reports (and refused), and move with it on an empty-canvas drop.
      const live = drag?.positions.get(role.id);
      if (live) ({ x, y } = live);
      boxes.set(i, { x, y, w: layout.nodeWidth, h: layout.nodeHeight });
      const findings = byRole.get(role.id);
      const selected = selection.has(role.id);
      const collapsed = layout.hiddenCount[i]! > 0 || doc.view.collapsed.includes(role.id);
      const data: RoleNodeData = {
        role,
        title: input.titleOf(role),
        assistant: index.assistant[i] === 1,
        findings,
        hiddenCount: layout.hiddenCount[i]!,
        hasReports: index.kids(i).length > 0,
        collapsed,
        direction: layout.direction,
        dropTarget: dropTarget === role.id,
        ...input.shared,
      };
      const cached = this.nodes.get(role.id)?.node;
      // A card the edit only moved keeps its data object: React Flow moves it without
      // rendering the card again (an edit that re-packs a row moves dozens of cards).
      const sameContent = cached !== undefined && sameData(cached.data, data);
      const same = sameContent && cached.position.x === x && cached.position.y === y && cached.selected === selected;
      const node: RoleFlowNode = same
        ? cached
        : {
            id: role.id,
            type: 'role',
            position: { x, y },
            data: sameContent ? cached.data : data,
            width: layout.nodeWidth,
            height: layout.nodeHeight,
            // Cards have a fixed size. Without `measured`, React Flow takes every new node
            // object for a re-initialized node: it drops the measured handle positions, so the
            // card's edges vanish for a frame and the card is measured again (a forced layout)
            // after every edit and on every drag frame.
            measured: { width: layout.nodeWidth, height: layout.nodeHeight },
            selected,
            className: role.external ? 'external-node' : undefined,
          };
      nextNodes.set(role.id, { node });
      nodes.push(node);
    }
    this.nodes = nextNodes;

    const edges: Edge[] = [];
    const nextEdges = new Map<string, Edge>();
    const keep = (edge: Edge) => {
      const cached = this.edges.get(edge.id);
      const reuse =
        cached &&
        cached.source === edge.source &&
        cached.target === edge.target &&
        cached.targetHandle === edge.targetHandle &&
        cached.type === edge.type &&
        cached.className === edge.className &&
        cached.data?.path === edge.data?.path;
      const out = reuse ? cached : edge;
      nextEdges.set(out.id, out);
      edges.push(out);
    };
    for (const i of ordered) {
      const role = doc.roles[i]!;
      const m = index.managerOf[i]!;
      if (m >= 0 && picked.has(m) && !role.external) {
        const manager = doc.roles[m]!;
        const slot = layout.slot[i]!;
        // The planned route holds while both cards are where the layout put them.
        const planned = !Object.hasOwn(positions, role.id) && !Object.hasOwn(positions, manager.id) && !drag?.positions.has(role.id) && !drag?.positions.has(manager.id);
        const bus = planned && Number.isFinite(layout.bus[m]!) ? layout.bus[m]! : null;
        const route = { slot: planned ? slot : Slot.row, bus, direction: layout.direction };
        keep({
          id: `reports:${role.id}`,
          source: manager.id,
          sourceHandle: 'out',
          target: role.id,
          targetHandle: slot === Slot.hanging || slot === Slot.assistantAfter ? 'start' : slot === Slot.assistantBefore ? 'end' : 'main',
          type: 'reports',
          selectable: false,
          data: { ...route, path: reportingPath(boxes.get(m)!, boxes.get(i)!, route) },
        });
      }
      for (const line of role.dottedLines) {
        const to = index.indexOf.get(line.to);
        if (to === undefined || !picked.has(to) || to === i) continue;
        keep({
          id: `dotted:${role.id}:${line.to}`,
          source: role.id,
          target: line.to,
          type: 'dotted',
          sourceHandle: 'dotted-out',
          targetHandle: 'end',
          selectable: false,
          // A modifier class per kind, and its dash and colour (the same in the legend and the SVG export).
          className: `dotted-${line.kind}`,
          style: DOTTED_STYLE[line.kind],
          data: { kind: line.kind, path: curvePath(dottedRoute(boxes.get(i)!, boxes.get(to)!)) },
        });
      }
    }
    this.edges = nextEdges;
    if (!sameList(nodes, this.lastNodes)) this.lastNodes = nodes;
    if (!sameList(edges, this.lastEdges)) this.lastEdges = edges;
    return { nodes: this.lastNodes, edges: this.lastEdges, remaining, missingOnScreen };
  }
}

/** Inline styles of dotted lines by kind, made once so that edges keep equal objects. */
const DOTTED_STYLE = {
  'indirect-manager': { stroke: DOTTED_STYLES['indirect-manager'].colour, strokeDasharray: DOTTED_STYLES['indirect-manager'].dash },
  partner: { stroke: DOTTED_STYLES.partner.colour, strokeDasharray: DOTTED_STYLES.partner.dash },
} as const;

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, k) => item === b[k]);
}

function sameData(a: RoleNodeData, b: RoleNodeData): boolean {
  return (
    a.role === b.role &&
    a.title === b.title &&
    a.assistant === b.assistant &&
    a.findings?.count === b.findings?.count &&
    a.findings?.worst === b.findings?.worst &&
    a.hiddenCount === b.hiddenCount &&
    a.hasReports === b.hasReports &&
    a.collapsed === b.collapsed &&
    a.direction === b.direction &&
    a.dropTarget === b.dropTarget &&
    a.labels === b.labels &&
    a.onToggleCollapse === b.onToggleCollapse
  );
}
