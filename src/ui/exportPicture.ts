/**
 * Picture export in the browser: the SVG is rendered from the model (src/io/svg.ts, or a
 * picture built on it: PictureSource);
 * PNG rasterizes that SVG on a canvas. Browsers cap a canvas side (16,384 px is safe
 * everywhere) and its area, and fail silently past the caps, so the scale is reduced to
 * fit and the user is told — or, when the chart would be too small to read, refused.
 * The result is checked not to be blank before it is offered.
 */
import { renderSvg, type SvgOptions, type SvgResult } from '../io/svg.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { Language } from './strings.ts';

/** Largest canvas side that every browser draws. */
export const MAX_SIDE = 16_384;
/** Largest canvas area we draw: 128 Mpx (512 MB of pixels) stays clear of browser limits and memory. */
export const MAX_AREA = 128 * 1024 * 1024;
/** Below this scale the cards are not readable: refuse rather than deliver a useless picture. */
export const MIN_SCALE = 0.1;

/** "Auto": 2× while the picture stays under AUTO_MAX_PIXELS, else 1× (a 1,000-role chart at 2× is ~130 Mpx and takes seconds). */
export const AUTO_MAX_PIXELS = 24 * 1024 * 1024;

export type Scale = 'auto' | 1 | 2 | 3;

/** What a running export is doing, for the dialog's progress. */
export type Phase = 'svg' | 'draw' | 'encode';

export interface PictureOptions {
  readonly format: 'png' | 'svg';
  readonly scale: Scale;
  readonly background: 'white' | 'transparent';
  readonly includeFindings: boolean;
  readonly language: Language;
}

/** The choices of the export dialog that the SVG itself depends on. */
export type SvgChoices = Required<Pick<SvgOptions, 'language' | 'includeFindings' | 'background'>>;

/**
 * What a picture export draws: the name its file takes (without extension) and its SVG with
 * the dialog's choices. The chart of a document (`documentPicture`), or another picture made
 * by the same renderer, such as the marked chart of a comparison (comparePicture.ts).
 */
export interface PictureSource {
  readonly name: string;
  readonly draw: (choices: SvgChoices) => SvgResult;
}

/** The chart of a document, as the toolbar's Export PNG / SVG draws it. */
export function documentPicture(doc: OrgDocument): PictureSource {
  return { name: doc.name, draw: (choices) => renderSvg(doc, choices) };
}

export type PictureResult =
  | { readonly ok: true; readonly blob: Blob; readonly width: number; readonly height: number; readonly scale: number; readonly reduced: boolean }
  | { readonly ok: false; readonly message: string; readonly cancelled?: boolean };

export interface PictureControl {
  /** Stops the export between its steps. */
  readonly signal?: AbortSignal;
  readonly onPhase?: (phase: Phase) => void;
}

/** The scale "auto" stands for at this picture size. */
export function autoScale(width: number, height: number): 1 | 2 {
  return width * height * 4 <= AUTO_MAX_PIXELS ? 2 : 1;
}

const cancelled: PictureResult = { ok: false, message: 'Export cancelled.', cancelled: true };
/** Lets the browser paint the progress (and a click on Cancel) between two long steps. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The scale that fits the canvas caps, at most the requested one. */
export function fitScale(width: number, height: number, requested: number): number {
  return Math.min(requested, MAX_SIDE / Math.max(1, width), MAX_SIDE / Math.max(1, height), Math.sqrt(MAX_AREA / Math.max(1, width * height)));
}

/** Renders a picture: its SVG, and for PNG that SVG rasterized (on the page, encoded in a worker where the browser can). */
export async function renderPicture(source: PictureSource, options: PictureOptions, control: PictureControl = {}): Promise<PictureResult> {
  const { signal, onPhase } = control;
  onPhase?.('svg');
  await nextFrame();
  if (signal?.aborted) return cancelled;
  const { svg, width, height } = source.draw({ language: options.language, includeFindings: options.includeFindings, background: options.background });
  if (options.format === 'svg') return { ok: true, blob: new Blob([svg], { type: 'image/svg+xml' }), width, height, scale: 1, reduced: false };
  const requested = options.scale === 'auto' ? autoScale(width, height) : options.scale;
  const scale = fitScale(width, height, requested);
  if (scale < MIN_SCALE) {
    return {
      ok: false,
      message: `The chart (${width.toLocaleString()} × ${height.toLocaleString()} px) is too large for a readable PNG: it would need a scale of ${scale.toFixed(2)}×. Export SVG instead, or collapse some teams.`,
    };
  }
  try {
    const blob = await rasterize(svg, Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), options.background, control);
    if (!blob) return cancelled;
    return { ok: true, blob, width: Math.round(width * scale), height: Math.round(height * scale), scale, reduced: scale < requested };
  } catch (cause) {
    return { ok: false, message: `The PNG could not be made: ${cause instanceof Error ? cause.message : String(cause)}. Try a smaller scale, or export SVG.` };
  }
}

/** The PNG of the SVG at that size; null when cancelled. */
async function rasterize(svg: string, width: number, height: number, background: 'white' | 'transparent', { signal, onPhase }: PictureControl): Promise<Blob | null> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    onPhase?.('draw');
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    if (signal?.aborted) return null;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser gave no drawing surface of that size');
    if (background === 'white') {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
    }
    ctx.drawImage(image, 0, 0, width, height);
    if (isBlank(canvas)) throw new Error('the browser drew an empty picture (the canvas is probably too large for it)');
    if (signal?.aborted) return null;
    onPhase?.('encode');
    await nextFrame();
    const blob = (await encodeOffThread(canvas, signal)) ?? (signal?.aborted ? null : await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png')));
    if (signal?.aborted) return null;
    if (!blob) throw new Error('the browser could not encode the picture');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Whether a drawn canvas holds nothing but one flat colour (a failed draw), judged on a small copy. */
function isBlank(canvas: HTMLCanvasElement): boolean {
  const probe = document.createElement('canvas');
  probe.width = 64;
  probe.height = 64;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  if (!ctx) return false;
  ctx.drawImage(canvas, 0, 0, 64, 64);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  for (let i = 4; i < data.length; i += 4) {
    if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) return false;
  }
  return true;
}

/**
 * PNG encoding, the longest step (seconds for a large chart), in a worker where the
 * browser can (OffscreenCanvas in workers): the drawn pixels move to it as an
 * ImageBitmap, so the page stays responsive and Cancel works. Null when a worker
 * cannot do it (the caller encodes on the page) or when cancelled.
 */
async function encodeOffThread(canvas: HTMLCanvasElement, signal?: AbortSignal): Promise<Blob | null> {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./encodePng.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  try {
    const bitmap = await createImageBitmap(canvas);
    return await new Promise<Blob | null>((resolve) => {
      const stop = () => resolve(null);
      signal?.addEventListener('abort', stop, { once: true });
      worker.onmessage = (event: MessageEvent<Blob | null>) => resolve(event.data);
      worker.onerror = () => resolve(null);
      worker.postMessage(bitmap, [bitmap]);
    });
  } catch {
    return null;
  } finally {
    worker.terminate();
  }
}
