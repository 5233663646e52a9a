/**
 * The canvas: React Flow over the document. It turns React Flow events into commands
 * (one per gesture) and derives its nodes from the document, the layout and the
 * findings, giving React Flow only what is on screen (flow.ts).
 */
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type FocusEvent } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  ReactFlow,
  useReactFlow,
  useViewport,
  type Connection,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './interaction.css';
import { addRole, moveRole, setPositions, toggleCollapsed } from '../model/commands.ts';
import { roleTemplate, type TemplateKey, TEMPLATE_KEYS } from '../model/templates.ts';
import type { Layout, Rect } from '../layout/types.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import { layoutOf } from '../store/layout.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useT } from '../ui/context.tsx';
import { localTitle } from '../ui/labels.ts';
import { PALETTE_MIME } from '../ui/Palette.tsx';
import { focusCard, useViewKeys, type ViewAction } from '../ui/useShortcuts.ts';
import { CHANGES_PER_FRAME, FlowCache, MAX_ON_SCREEN, NOWHERE, type DragState } from './flow.ts';
import { fitViewport, type Box } from './fit.ts';
import { OverviewLayer } from './OverviewLayer.tsx';
import { Minimap } from './Minimap.tsx';
import { dropPreview, dropResult, PREVIEW_DELAY_MS, type DropPreview } from './preview.ts';
import { DottedEdge, ReportsEdge } from './ReportsEdge.tsx';
import { Legend } from './Legend.tsx';
import { RoleNode, type RoleFlowNode } from './RoleNode.tsx';

// The shortcuts sheet loads when it is first opened (? or its button).
const ShortcutsSheet = lazy(() => import('../ui/ShortcutsSheet.tsx').then((m) => ({ default: m.ShortcutsSheet })));

// Defined once at module scope: React Flow re-mounts every node when these change.
const nodeTypes = { role: RoleNode };
const edgeTypes = { reports: ReportsEdge, dotted: DottedEdge };
const defaultEdgeOptions = { focusable: false };

const selectDoc = (s: OrgState) => s.doc;
const selectSelection = (s: OrgState) => s.selection;

/** What the minimap covers in the canvas's bottom-right corner (app.css: 200 × 140 at 12 px), kept clear by Fit. */
const MINIMAP_CORNER = { width: 224, height: 164 };
const FIT_MARGIN = 24;
/** Fit never zooms in past this: a small chart is shown at a comfortable size, not blown up. */
const FIT_MAX_ZOOM = 1.25;
const MIN_ZOOM = 0.02;

/** How far beyond the screen nodes are mounted, as a share of the screen. */
const MARGIN = 0.5;

export function OrgCanvas() {
  const t = useT();
  const store = useOrgStore();
  const doc = useOrg(selectDoc);
  const selection = useOrg(selectSelection);
  const language = useOrg((s) => s.language);
  const focusRequest = useOrg((s) => s.focusRequest);
  const generation = useOrg((s) => s.generation);
  // The rules load after the first paint: when they are in, the cards get their finding badges.
  useOrg((s) => s.rules);
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  // The viewport as React Flow holds it: programmatic moves (fit, centre) included.
  const viewport = useViewport();
  const [size, setSize] = useState({ width: 1200, height: 800 });
  const [drag, setDrag] = useState<DragState | null>(null);
  // The card under a dragged one (highlighted at once), and what dropping there would do
  // (computed once the pointer rests on it: at 50,000 roles a rule check is not free).
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [preview, setPreview] = useState<DropPreview | null>(null);
  const previewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // One cache per canvas: it keeps node objects between frames.
  const [cache] = useState(() => new FlowCache());

  const { index, byRole } = derive(doc);
  const layout = layoutOf(doc);
  const selectionSet = useMemo(() => new Set(selection), [selection]);

  const labels = useMemo(() => ({ collapse: t('collapse'), expand: t('expand'), vacant: t('vacancies').toLowerCase(), level: t('level') }), [t]);
  // Collapsing selects the manager: the selected role is the one the view keeps in place after an edit (below).
  const onToggleCollapse = useCallback(
    (id: string) => {
      const state = store.getState();
      if (state.selection.length !== 1 || state.selection[0] !== id) state.select([id]);
      state.run((d) => toggleCollapsed(d, id));
    },
    [store],
  );
  const shared = useMemo(() => ({ labels, onToggleCollapse }), [labels, onToggleCollapse]);

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setSize({ width: entry.contentRect.width, height: entry.contentRect.height }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The chart area on screen (flow coordinates), and the same with a margin for mounting.
  const screen: Rect = useMemo(() => {
    const minX = -viewport.x / viewport.zoom;
    const minY = -viewport.y / viewport.zoom;
    return { minX, minY, maxX: minX + size.width / viewport.zoom, maxY: minY + size.height / viewport.zoom };
  }, [viewport, size]);
  const view: Rect = useMemo(() => {
    const w = screen.maxX - screen.minX;
    const h = screen.maxY - screen.minY;
    return { minX: screen.minX - w * MARGIN, minY: screen.minY - h * MARGIN, maxX: screen.maxX + w * MARGIN, maxY: screen.maxY + h * MARGIN };
  }, [screen]);

  // Level of detail: with more roles on screen than the DOM should hold, draw the chart on
  // one canvas and mount no role element (counting stops there: a pan frame costs no more).
  const overview = useMemo(() => layout.query(screen, MAX_ON_SCREEN + 1).length > MAX_ON_SCREEN, [layout, screen]);

  // Cards mount and unmount a few dozen per frame (flow.ts): `catchUp` builds again on the
  // next frame until none is left, the overview covering the screen while cards on it are missing.
  const [catchUp, setCatchUp] = useState(0);
  const { nodes, edges, remaining, missingOnScreen } = useMemo(
    () =>
      cache.build({
        doc,
        index,
        layout: layout.layout,
        query: layout.query,
        view: overview ? NOWHERE : view,
        screen: overview ? NOWHERE : screen,
        budget: CHANGES_PER_FRAME,
        byRole,
        selection: selectionSet,
        titleOf: (role) => localTitle(role, language),
        drag,
        dropTarget,
        shared,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- catchUp: build again for what is left
    [overview, cache, doc, index, layout, view, screen, byRole, selectionSet, language, drag, dropTarget, shared, catchUp],
  );
  useEffect(() => {
    if (remaining === 0) return;
    const id = requestAnimationFrame(() => setCatchUp((n) => n + 1));
    return () => cancelAnimationFrame(id);
  }, [remaining, catchUp]);

  const centreOn = useCallback(
    (id: string) => {
      const at = index.indexOf.get(id);
      if (at === undefined) return;
      const manual = Object.hasOwn(doc.view.positions, id) ? doc.view.positions[id] : undefined;
      const x = manual?.x ?? layout.layout.x[at]!;
      const y = manual?.y ?? layout.layout.y[at]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      void flow.setCenter(x + layout.layout.nodeWidth / 2, y + layout.layout.nodeHeight / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
    },
    [flow, index, layout, doc],
  );

  useEffect(() => {
    if (focusRequest) centreOn(focusRequest.id);
    // Only a new request centres; later document changes must not move the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const [minimapOpen, setMinimapOpen] = useState(true);
  /** Fits `bounds` (fit.ts): whole when readable, else the top levels from `root`; clear of the minimap. */
  const fitTo = useCallback(
    (bounds: Box, root: Box | null) => {
      const el = wrapper.current;
      const screenSize = el && el.clientWidth > 0 ? { width: el.clientWidth, height: el.clientHeight } : size;
      const direction = store.getState().doc.view.direction === 'LR' ? 'LR' : 'TB';
      const fitted = fitViewport(bounds, { screen: screenSize, corner: MINIMAP_CORNER, margin: FIT_MARGIN, maxZoom: FIT_MAX_ZOOM, root, direction, minZoom: MIN_ZOOM });
      // Only the top levels shown: cards run under the minimap's corner, so it folds away (a button brings it back).
      setMinimapOpen(fitted.whole);
      void flow.setViewport(fitted, { duration: 200 });
    },
    [flow, store, size],
  );

  const fitAll = useCallback(() => {
    const l = layoutOf(store.getState().doc).layout;
    const first = l.visible.length > 0 ? l.visible[0]! : -1;
    const root = first >= 0 ? { minX: l.x[first]!, minY: l.y[first]!, maxX: l.x[first]! + l.nodeWidth, maxY: l.y[first]! + l.nodeHeight } : null;
    fitTo(l.bounds, root);
  }, [fitTo, store]);

  /** The whole chart however small (Shift+1): the overview, where large charts are drawn on one canvas. */
  const fitWhole = useCallback(() => fitTo(layoutOf(store.getState().doc).layout.bounds, null), [fitTo, store]);

  /** Zooms to the selected roles (as large as fits, at most the usual editing zoom). */
  const fitSelection = useCallback(() => {
    const { doc: current, selection } = store.getState();
    const box = cardsBox(current, layoutOf(current).layout, selection);
    if (box) fitTo(box, null);
  }, [fitTo, store]);
  const hasSelection = useOrg((s) => s.selection.length > 0);

  // The view keys (+ / - / 0 / ?) and the shortcuts sheet.
  const [sheetOpen, setSheetOpen] = useState(false);
  const onViewKey = useCallback(
    (action: ViewAction) => {
      if (action === 'zoomIn') void flow.zoomIn({ duration: 150 });
      else if (action === 'zoomOut') void flow.zoomOut({ duration: 150 });
      else if (action === 'fit') fitAll();
      else if (action === 'whole') fitWhole();
      else if (action === 'fitSelection') fitSelection();
      else setSheetOpen(true);
    },
    [flow, fitAll, fitWhole, fitSelection],
  );
  useViewKeys(onViewKey);

  // The focus follows the selection (arrows, Tab, Enter, a click in the findings): the
  // selected card takes it once mounted — when the focus was on the canvas or nowhere, so
  // a field or a button being used keeps it.
  useEffect(() => {
    const id = selection.length === 1 ? selection[0]! : undefined;
    const active = document.activeElement;
    if (id === undefined || !(active === null || active === document.body || wrapper.current?.contains(active))) return;
    // The card may mount a few frames later (React Flow renders nodes after its store
    // updates; a centred role comes on screen as the view moves): try for about a second.
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      if (focusCard(id) || ++frames > 60) return;
      handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [selection]);

  // A card reached by the keyboard (Tab) but drawn off screen (mounted in the margin) is
  // brought into view at the same zoom; React Flow's own auto-pan is off with its keyboard
  // handling (disableKeyboardA11y).
  const onFocusCard = useCallback(
    (event: FocusEvent) => {
      const el = event.target as HTMLElement;
      if (!el.classList.contains('react-flow__node') || !el.matches(':focus-visible')) return;
      const id = el.getAttribute('data-id');
      const at = id === null ? undefined : index.indexOf.get(id);
      if (id === null || at === undefined) return;
      const { x, y } = nodeOrigin(doc, layout.layout, id, at);
      const { nodeWidth: w, nodeHeight: h } = layout.layout;
      if (x >= screen.minX && y >= screen.minY && x + w <= screen.maxX && y + h <= screen.maxY) return;
      void flow.setCenter(x + w / 2, y + h / 2, { zoom: flow.getZoom(), duration: 200 });
    },
    [index, doc, layout, screen, flow],
  );

  // Fit the view when a whole document is loaded or the direction changes (not on every edit).
  const direction = useOrg((s) => s.doc.view.direction);
  const fitted = useRef({ generation, direction });
  useEffect(() => {
    if (fitted.current.generation === generation && fitted.current.direction === direction) return;
    fitted.current = { generation, direction };
    const id = requestAnimationFrame(fitAll);
    return () => cancelAnimationFrame(id);
  }, [generation, direction, fitAll]);

  // After an edit the view follows the edited role, the selected one: it keeps its place
  // on screen while the layout moves around it (before paint, so the chart never jumps and
  // comes back). A role given a new manager is followed to its new place instead: its new
  // manager keeps its place, and the moved role, like a role just added, is brought into view.
  const before = useRef({ doc, generation, layout: layout.layout });
  useLayoutEffect(() => {
    const prev = before.current;
    before.current = { doc, generation, layout: layout.layout };
    // A new document or direction is fitted instead (above).
    if (prev.doc === doc || prev.generation !== generation || prev.doc.view.direction !== doc.view.direction) return;
    const el = wrapper.current;
    if (!el || el.clientWidth === 0) return;
    const selected = store.getState().selection;
    const managerOf = (d: OrgDocument, l: Layout, id: string) => {
      const at = l.indexOf.get(id);
      return at === undefined ? undefined : d.roles[at]!.reportsTo;
    };
    const moved = selected.slice(0, 64).filter((id) => prev.layout.indexOf.has(id) && managerOf(prev.doc, prev.layout, id) !== managerOf(doc, layout.layout, id));
    const anchorId = moved.length > 0 ? (managerOf(doc, layout.layout, moved[0]!) ?? undefined) : selected[0];
    let vp = flow.getViewport();
    const onScreen = (box: Box, v: { x: number; y: number; zoom: number }) =>
      box.minX * v.zoom + v.x >= 0 && box.minY * v.zoom + v.y >= 0 && box.maxX * v.zoom + v.x <= el.clientWidth && box.maxY * v.zoom + v.y <= el.clientHeight;
    // A card placed by hand stays where it was put: only a card the layout moved is compensated.
    const positionOf = (d: OrgDocument, id: string) => (Object.hasOwn(d.view.positions, id) ? d.view.positions[id] : undefined);
    const placed = anchorId !== undefined && positionOf(prev.doc, anchorId) !== positionOf(doc, anchorId);
    const was = anchorId === undefined || placed ? null : cardsBox(prev.doc, prev.layout, [anchorId]);
    const now = was === null ? null : cardsBox(doc, layout.layout, [anchorId!]);
    const inSight = (box: Box) => box.maxX * vp.zoom + vp.x > 0 && box.maxY * vp.zoom + vp.y > 0 && box.minX * vp.zoom + vp.x < el.clientWidth && box.minY * vp.zoom + vp.y < el.clientHeight;
    if (was && now && (was.minX !== now.minX || was.minY !== now.minY) && inSight(was)) {
      vp = { x: vp.x - (now.minX - was.minX) * vp.zoom, y: vp.y - (now.minY - was.minY) * vp.zoom, zoom: vp.zoom };
      void flow.setViewport(vp);
    }
    // Added roles are appended to the document: look from its end, not through every role.
    const shown = [...moved];
    for (let i = doc.roles.length - 1; i >= 0 && shown.length < 64 && !prev.layout.indexOf.has(doc.roles[i]!.id); i--) shown.push(doc.roles[i]!.id);
    const box = cardsBox(doc, layout.layout, shown);
    if (!box || onScreen(box, vp)) return;
    // The least move that shows them, with a margin; centred on one of them when they do not fit.
    const m = FIT_MARGIN / vp.zoom;
    const [w, h] = [el.clientWidth / vp.zoom, el.clientHeight / vp.zoom];
    const fits = box.maxX - box.minX <= w - 2 * m && box.maxY - box.minY <= h - 2 * m;
    // (A role inside a collapsed team has no card: the first that has one.)
    const target = fits ? box : (shown.map((id) => cardsBox(doc, layout.layout, [id])).find((b) => b !== null) ?? box);
    const shift = (lo: number, hi: number, from: number, size: number) =>
      hi - lo > size - 2 * m ? (lo + hi) / 2 - (from + size / 2) : lo < from + m ? lo - from - m : hi > from + size - m ? hi - (from + size - m) : 0;
    const dx = shift(target.minX, target.maxX, -vp.x / vp.zoom, w);
    const dy = shift(target.minY, target.maxY, -vp.y / vp.zoom, h);
    void flow.setViewport({ x: vp.x - dx * vp.zoom, y: vp.y - dy * vp.zoom, zoom: vp.zoom }, { duration: 200 });
  }, [doc, generation, layout, flow, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<RoleFlowNode>[]) => {
      let nextSelection: Set<string> | null = null;
      const moved = new Map<string, { x: number; y: number }>();
      for (const change of changes) {
        if (change.type === 'select') {
          nextSelection ??= new Set(store.getState().selection);
          if (change.selected) nextSelection.add(change.id);
          else nextSelection.delete(change.id);
        } else if (change.type === 'position' && change.position && change.dragging) {
          moved.set(change.id, change.position);
        }
      }
      if (nextSelection) store.getState().select([...nextSelection]);
      if (moved.size > 0) {
        setDrag((current) => {
          const positions = new Map(current?.positions ?? []);
          for (const [id, p] of moved) positions.set(id, p);
          const first = [...positions.keys()][0]!;
          const at = index.indexOf.get(first)!;
          const origin = nodeOrigin(doc, layout.layout, first, at);
          const p = positions.get(first)!;
          const roots = [...positions.keys()].map((id) => index.indexOf.get(id)!).filter((i) => i !== undefined);
          return { positions, dx: p.x - origin.x, dy: p.y - origin.y, roots };
        });
      }
    },
    [store, index, doc, layout],
  );

  const targetAt = useCallback(
    (point: { x: number; y: number }, exclude: ReadonlySet<string>): string | null => {
      const w = layout.layout.nodeWidth;
      const h = layout.layout.nodeHeight;
      for (let k = nodes.length - 1; k >= 0; k--) {
        const n = nodes[k]!;
        if (exclude.has(n.id)) continue;
        if (point.x >= n.position.x && point.x <= n.position.x + w && point.y >= n.position.y && point.y <= n.position.y + h) return n.id;
      }
      return null;
    },
    [nodes, layout],
  );

  /** The role whose card is at a point of the chart (manual positions first), for clicks on the overview. */
  const roleAt = useCallback(
    (point: { x: number; y: number }): string | null => {
      const { nodeWidth: w, nodeHeight: h } = layout.layout;
      for (const [id, p] of Object.entries(doc.view.positions)) {
        if (point.x >= p.x && point.x <= p.x + w && point.y >= p.y && point.y <= p.y + h && index.indexOf.has(id)) return id;
      }
      const hits = layout.query({ minX: point.x, minY: point.y, maxX: point.x, maxY: point.y });
      for (let k = 0; k < hits.length; k++) {
        const id = doc.roles[hits[k]!]!.id;
        if (!Object.hasOwn(doc.view.positions, id)) return id;
      }
      return null;
    },
    [layout, doc, index],
  );

  const onNodeDrag = useCallback(
    (event: MouseEvent | TouchEvent, node: RoleFlowNode) => {
      const pointer = 'touches' in event ? event.touches[0] : event;
      if (!pointer) return;
      const point = flow.screenToFlowPosition({ x: pointer.clientX, y: pointer.clientY });
      const dragged = new Set(drag?.positions.keys() ?? [node.id]);
      dragged.add(node.id);
      const target = targetAt(point, dragged);
      if (target === dropTarget) return;
      setDropTarget(target);
      setPreview(null);
      clearTimeout(previewTimer.current);
      if (target) previewTimer.current = setTimeout(() => setPreview(dropPreview(store.getState().doc, [...dragged], target)), PREVIEW_DELAY_MS);
    },
    [flow, drag, targetAt, dropTarget, store],
  );

  const onNodeDragStop = useCallback(
    (_: MouseEvent | TouchEvent, node: RoleFlowNode) => {
      const state = drag;
      const target = dropTarget;
      clearTimeout(previewTimer.current);
      setDrag(null);
      setDropTarget(null);
      setPreview(null);
      if (!state) return;
      const ids = [...state.positions.keys()];
      if (!ids.includes(node.id)) ids.push(node.id);
      if (target) {
        store.getState().run((d) => dropResult(d, ids, target, preview));
        return;
      }
      // Dropped on empty canvas: the roles and the teams under them keep their new place.
      store.getState().run((d) => ({ ok: true, doc: placeWithTeams(d, state, layout.layout) }));
    },
    [drag, dropTarget, preview, store, layout],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.source && connection.target) store.getState().run((d) => moveRole(d, connection.target, connection.source));
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const key = event.dataTransfer.getData(PALETTE_MIME) as TemplateKey;
      if (!TEMPLATE_KEYS.includes(key)) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const target = targetAt(point, new Set());
      const { run, focus, doc: current } = store.getState();
      const template = roleTemplate(key, current);
      const result = target
        ? run((d) => addRole(d, { role: template, reportsTo: target }))
        : run((d) => addRole(d, { role: template, position: { x: point.x - layout.layout.nodeWidth / 2, y: point.y - layout.layout.nodeHeight / 2 } }));
      if (result.ok) store.getState().select([result.id]);
      void focus;
    },
    [flow, targetAt, store, layout],
  );

  return (
    <div className="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} onFocus={onFocusCard} aria-label={t('canvas')}>
      <ReactFlow<RoleFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onInit={fitAll}
        onPaneClick={(event) => {
          const hit = overview ? roleAt(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })) : null;
          if (hit) store.getState().focus(hit);
          else store.getState().select([]);
        }}
        deleteKeyCode={null}
        disableKeyboardA11y
        minZoom={MIN_ZOOM}
        maxZoom={2}
        nodesFocusable
        elevateNodesOnSelect
      >
        <Background gap={24} />
        {/* React Flow's own fit fits the mounted nodes only (and waits for them when none is mounted): fit the layout instead. */}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton onClick={fitAll} aria-label="Fit view" title={t('fitView')} className="fit-view">
            ⤢
          </ControlButton>
          <ControlButton onClick={fitSelection} disabled={!hasSelection} aria-label="Fit selection" title={t('fitSelection')} className="fit-selection">
            ⊡
          </ControlButton>
          <ControlButton onClick={() => setMinimapOpen((open) => !open)} aria-label="Minimap" aria-pressed={minimapOpen} title={t('minimapToggle')} className="minimap-toggle">
            ▣
          </ControlButton>
          <ControlButton onClick={() => setSheetOpen(true)} aria-label="Keyboard shortcuts" title={`${t('shortcuts')} (?)`} className="shortcuts-button">
            ?
          </ControlButton>
        </Controls>
        {minimapOpen && <Minimap layout={layout.layout} viewport={viewport} size={size} />}
        <Legend />
      </ReactFlow>
      {(overview || missingOnScreen > 0) && <OverviewLayer doc={doc} index={index} layout={layout.layout} query={layout.query} byRole={byRole} selection={selectionSet} viewport={viewport} screen={screen} />}
      {sheetOpen && (
        <Suspense fallback={null}>
          <ShortcutsSheet onClose={() => setSheetOpen(false)} />
        </Suspense>
      )}
      {preview && (
        <div className={`drop-preview ${preview.worse ? 'worse' : ''}`} role="status">
          {previewText(preview, doc, t)}
        </div>
      )}
    </div>
  );
}

/** The drop preview in the UI language. */
function previewText(preview: DropPreview, doc: OrgDocument, t: ReturnType<typeof useT>): string {
  if (preview.refusal !== null || !preview.span) return t('refusedCycle', { reason: preview.refusal ?? '' });
  const manager = doc.roles.find((r) => r.id === preview.targetId)?.title ?? preview.targetId;
  const { before, after, archetype, range } = preview.span;
  const parts = [t('dropPreview', { manager, before, after, archetype, range: range ? `${range[0]}–${range[1]}` : '' })];
  if (preview.errors[0] !== preview.errors[1]) parts.push(t('dropErrors', { before: preview.errors[0], after: preview.errors[1] }));
  if (preview.warnings[0] !== preview.warnings[1]) parts.push(t('dropWarnings', { before: preview.warnings[0], after: preview.warnings[1] }));
  return parts.join(' · ');
}

/** The box around these roles' cards as drawn (manual positions first), or null when none of them is drawn. */
function cardsBox(doc: OrgDocument, layout: Layout, ids: Iterable<string>): Box | null {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const id of ids) {
    const at = layout.indexOf.get(id);
    if (at === undefined) continue;
    const { x, y } = nodeOrigin(doc, layout, id, at);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x + layout.nodeWidth);
    box.maxY = Math.max(box.maxY, y + layout.nodeHeight);
  }
  return Number.isFinite(box.minX) ? box : null;
}

/** Where a role's card is drawn before a drag: its manual position, else the layout's. */
function nodeOrigin(doc: OrgDocument, layout: { x: Float64Array; y: Float64Array }, id: string, at: number) {
  const manual = Object.hasOwn(doc.view.positions, id) ? doc.view.positions[id] : undefined;
  return { x: manual?.x ?? layout.x[at]!, y: manual?.y ?? layout.y[at]! };
}

/** Keeps dragged roles where they were dropped, and shifts the visible roles under them by the same offset. */
function placeWithTeams(doc: OrgDocument, drag: DragState, layout: { x: Float64Array; y: Float64Array; visible: Int32Array }): OrgDocument {
  const { index } = derive(doc);
  const entries: [string, { x: number; y: number }][] = [...drag.positions];
  if (drag.dx !== 0 || drag.dy !== 0) {
    for (const i of layout.visible) {
      const role = doc.roles[i]!;
      if (drag.positions.has(role.id) || !drag.roots.some((r) => r !== i && index.isUnder(i, r))) continue;
      const origin = nodeOrigin(doc, layout, role.id, i);
      entries.push([role.id, { x: origin.x + drag.dx, y: origin.y + drag.dy }]);
    }
  }
  return setPositions(doc, entries);
}
