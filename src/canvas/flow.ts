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

export interface FlowInput {
  readonly doc: OrgDocument;
  readonly index: TreeIndex;
  readonly layout: Layout;
  /** Roles in this rectangle (flow coordinates) get nodes. */
  readonly view: Rect;
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

/** Keeps node and edge objects between frames, so unchanged roles are the same objects. */
export class FlowCache {
  private nodes = new Map<string, CachedNode>();
  private edges = new Map<string, Edge>();

  /** Nodes and edges of the roles in view. */
  build(input: FlowInput): { nodes: RoleFlowNode[]; edges: Edge[] } {
    const { doc, index, layout, byRole, selection, drag, dropTarget } = input;
    const positions = doc.view.positions;
    const picked = new Set<number>();
    const inView = input.query(input.view);
    for (let k = 0; k < inView.length && picked.size < MAX_MOUNTED; k++) picked.add(inView[k]!);
    // Roles placed by hand are few; check them directly.
    for (const id of Object.keys(positions)) {
      const at = index.indexOf.get(id);
      if (at === undefined || layout.hidden[at] || picked.size >= MAX_MOUNTED) continue;
      const p = positions[id]!;
      if (p.x + layout.nodeWidth >= input.view.minX && p.x <= input.view.maxX && p.y + layout.nodeHeight >= input.view.minY && p.y <= input.view.maxY) picked.add(at);
    }
    if (drag) for (const [id] of drag.positions) { const at = index.indexOf.get(id); if (at !== undefined) picked.add(at); }
    // The manager of every role in view, so its reporting line is drawn.
    for (const i of [...picked]) {
      const m = index.managerOf[i]!;
      if (m >= 0 && !layout.hidden[m] && picked.size < MAX_MOUNTED + 50) picked.add(m);
    }

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
    return { nodes, edges };
  }
}

/** Inline styles of dotted lines by kind, made once so that edges keep equal objects. */
const DOTTED_STYLE = {
  'indirect-manager': { stroke: DOTTED_STYLES['indirect-manager'].colour, strokeDasharray: DOTTED_STYLES['indirect-manager'].dash },
  partner: { stroke: DOTTED_STYLES.partner.colour, strokeDasharray: DOTTED_STYLES.partner.dash },
} as const;

function sameData(a: RoleNodeData, b: RoleNodeData): boolean {
  return (
    a.role === b.role &&
    a.title === b.title &&
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
