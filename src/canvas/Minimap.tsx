/**
 * A minimap drawn on a Canvas2D from the layout: every card as a dot-sized box, the
 * viewport as a frame. Drawn once per layout (cheap at 50,000 roles), the frame per move.
 * Click or drag on it to move the view there.
 */
import { memo, useEffect, useRef } from 'react';
import { useReactFlow, type Viewport } from '@xyflow/react';
import type { Layout } from '../layout/types.ts';

const WIDTH = 200;
const HEIGHT = 140;

interface Props {
  readonly layout: Layout;
  readonly viewport: Viewport;
  readonly size: { readonly width: number; readonly height: number };
}

function scaleOf(layout: Layout) {
  const { minX, minY, maxX, maxY } = layout.bounds;
  const w = Math.max(1, maxX - minX);
  const h = Math.max(1, maxY - minY);
  const scale = Math.min(WIDTH / w, HEIGHT / h);
  return { scale, ox: (WIDTH - w * scale) / 2 - minX * scale, oy: (HEIGHT - h * scale) / 2 - minY * scale };
}

function MinimapView({ layout, viewport, size }: Props) {
  const base = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();

  useEffect(() => {
    const ctx = base.current?.getContext('2d');
    if (!ctx) return;
    const { scale, ox, oy } = scaleOf(layout);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.fillStyle = '#7b8794';
    const w = Math.max(1, layout.nodeWidth * scale);
    const h = Math.max(1, layout.nodeHeight * scale);
    for (const i of layout.visible) ctx.fillRect(ox + layout.x[i]! * scale, oy + layout.y[i]! * scale, w, h);
  }, [layout]);

  useEffect(() => {
    const ctx = overlay.current?.getContext('2d');
    if (!ctx) return;
    const { scale, ox, oy } = scaleOf(layout);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = '#d9480f';
    ctx.lineWidth = 1.5;
    const x = (-viewport.x / viewport.zoom) * scale + ox;
    const y = (-viewport.y / viewport.zoom) * scale + oy;
    ctx.strokeRect(x, y, (size.width / viewport.zoom) * scale, (size.height / viewport.zoom) * scale);
  }, [layout, viewport, size]);

  const moveTo = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const { scale, ox, oy } = scaleOf(layout);
    const x = (event.clientX - rect.left - ox) / scale;
    const y = (event.clientY - rect.top - oy) / scale;
    void flow.setCenter(x, y, { zoom: viewport.zoom });
  };

  return (
    <div className="minimap" aria-label="Minimap" role="img">
      <canvas ref={base} width={WIDTH} height={HEIGHT} />
      <canvas
        ref={overlay}
        width={WIDTH}
        height={HEIGHT}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons === 1) moveTo(e);
        }}
      />
    </div>
  );
}

export const Minimap = memo(MinimapView);
