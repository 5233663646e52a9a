/**
 * The baseline of the canvas benchmark: bare React Flow 12 with the same roles, the
 * same positions (our layout) and edges, a plain memoized node, and either every node
 * in the DOM (default options) or `onlyRenderVisibleElements`. `?visible=1` picks the
 * latter. The bench calls window.openDocument(text) as our app's Import would.
 */
import { memo, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeProps, Handle, Position } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { parseDocument } from '../src/schema/parse.ts';
import { buildTreeIndex } from '../src/model/tree.ts';
import { layoutDocument } from '../src/layout/index.ts';

declare global {
  interface Window {
    openDocument: (text: string) => void;
    /** Centres the view on a role at a zoom (the bench's "editing zoom"). */
    centreOn: (id: string, zoom: number) => void;
    fitAll: () => void;
  }
}

type CardNode = Node<{ title: string }, 'card'>;

const Card = memo(function Card({ data }: NodeProps<CardNode>) {
  return (
    <div style={{ width: 240, height: 96, border: '1px solid #ced4da', borderRadius: 6, background: '#fff', padding: 6, boxSizing: 'border-box', fontSize: 12 }}>
      <Handle type="target" position={Position.Top} />
      {data.title}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
const nodeTypes = { card: Card };
const onlyVisible = new URLSearchParams(location.search).get('visible') === '1';

function Bare() {
  const [graph, setGraph] = useState<{ nodes: CardNode[]; edges: Edge[] }>({ nodes: [], edges: [] });
  const flow = useReactFlow();
  useEffect(() => {
    window.fitAll = () => void flow.fitView({ duration: 0 });
    window.centreOn = (id, zoom) => {
      const n = flow.getNode(id);
      if (n) void flow.setCenter(n.position.x + 120, n.position.y + 48, { zoom, duration: 0 });
    };
    if (graph.nodes.length > 0) void flow.fitView({ duration: 0 });
  }, [flow, graph]);
  window.openDocument = (text: string) => {
    const result = parseDocument(text);
    if (!result.ok) throw new Error(result.error.message);
    const doc = result.doc;
    const index = buildTreeIndex(doc);
    const layout = layoutDocument(doc, index);
    const nodes: CardNode[] = [];
    const edges: Edge[] = [];
    for (const i of layout.visible) {
      const role = doc.roles[i]!;
      nodes.push({ id: role.id, type: 'card', position: { x: layout.x[i]!, y: layout.y[i]! }, data: { title: role.title }, width: 240, height: 96 });
      const m = index.managerOf[i]!;
      if (m >= 0) edges.push({ id: `e-${role.id}`, source: doc.roles[m]!.id, target: role.id });
    }
    setGraph({ nodes, edges });
  };
  return (
    <ReactFlow
      nodes={graph.nodes}
      edges={graph.edges}
      nodeTypes={nodeTypes}
      onlyRenderVisibleElements={onlyVisible}
      onNodesChange={(changes) =>
        setGraph((g) => {
          const moved = new Map(changes.flatMap((c) => (c.type === 'position' && c.position ? [[c.id, c.position] as const] : [])));
          if (moved.size === 0) return g;
          return { ...g, nodes: g.nodes.map((n) => (moved.has(n.id) ? { ...n, position: moved.get(n.id)! } : n)) };
        })
      }
      minZoom={0.02}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <Bare />
  </ReactFlowProvider>,
);
