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

/** The card colour, #7b8794, opaque. */
const CARD_RGBA = [0x7b, 0x87, 0x94, 0xff] as const;

/**
 * Every card as a box of whole pixels, written straight into the pixel buffer: at
 * 50,000 roles that is a few hundred thousand byte writes, where as many fillRect
 * calls cost a frame or more after every edit that moves cards.
 */
function drawCards(layout: Layout): ImageData {
  const image = new ImageData(WIDTH, HEIGHT);
  const px = image.data;
  const { scale, ox, oy } = scaleOf(layout);
  const w = Math.max(1, Math.round(layout.nodeWidth * scale));
  const h = Math.max(1, Math.round(layout.nodeHeight * scale));
  for (const i of layout.visible) {
    const x0 = Math.max(0, Math.floor(ox + layout.x[i]! * scale));
    const y0 = Math.max(0, Math.floor(oy + layout.y[i]! * scale));
    for (let y = y0; y < Math.min(HEIGHT, y0 + h); y++) {
      for (let x = x0, at = (y * WIDTH + x0) * 4; x < Math.min(WIDTH, x0 + w); x++, at += 4) {
        px[at] = CARD_RGBA[0];
        px[at + 1] = CARD_RGBA[1];
        px[at + 2] = CARD_RGBA[2];
        px[at + 3] = CARD_RGBA[3];
      }
    }
  }
  return image;
}

/** Runs `fn` once the next frame has been painted; returns a cancel function. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

function MinimapView({ layout, viewport, size }: Props) {
  const base = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();

  // The cards are drawn after the frame that shows an edit: the minimap is not what
  // the edit is waiting for, and at 50,000 roles the drawing takes a few milliseconds.
  useEffect(() => afterNextPaint(() => base.current?.getContext('2d')?.putImageData(drawCards(layout), 0, 0)), [layout]);

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
