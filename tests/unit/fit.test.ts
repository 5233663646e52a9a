import { describe, expect, it } from 'vitest';
import { fitViewport, READABLE_ZOOM, type Box, type FitOptions } from '../../src/canvas/fit.ts';

const options = (root: Box | null, direction: 'TB' | 'LR' = 'TB'): FitOptions => ({
  screen: { width: 1000, height: 600 },
  corner: { width: 224, height: 164 },
  margin: 24,
  maxZoom: 1.5,
  root,
  direction,
});
const toScreen = (v: { x: number; y: number; zoom: number }, x: number, y: number) => ({ x: x * v.zoom + v.x, y: y * v.zoom + v.y });

describe('fitViewport', () => {
  it('fits a small chart whole, centred, clear of the minimap corner', () => {
    const bounds = { minX: 0, minY: 0, maxX: 600, maxY: 300 };
    const v = fitViewport(bounds, options({ minX: 180, minY: 0, maxX: 420, maxY: 96 }));
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const bottomRight = toScreen(v, bounds.maxX, bounds.maxY);
    const topLeft = toScreen(v, bounds.minX, bounds.minY);
    expect(topLeft.x).toBeGreaterThanOrEqual(24 - 1e-9);
    expect(topLeft.y).toBeGreaterThanOrEqual(24 - 1e-9);
    // Beside the corner or above it.
    expect(bottomRight.x <= 1000 - 224 - 24 + 1e-9 || bottomRight.y <= 600 - 164 - 24 + 1e-9).toBe(true);
  });

  it('never zooms in past maxZoom', () => {
    expect(fitViewport({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, options(null)).zoom).toBe(1.5);
  });

  it('shows the root’s top levels at a readable zoom when the whole chart would be too small to read', () => {
    const root = { minX: 5000, minY: 0, maxX: 5240, maxY: 96 };
    const v = fitViewport({ minX: 0, minY: 0, maxX: 10_000, maxY: 3000 }, options(root));
    expect(v.zoom).toBeCloseTo(READABLE_ZOOM);
    const centre = toScreen(v, 5120, 0);
    expect(centre.x).toBeCloseTo(500);
    expect(centre.y).toBeCloseTo(24);
  });

  it('in left-to-right charts, starts from the root on the left, centred vertically', () => {
    const root = { minX: 0, minY: 4000, maxX: 240, maxY: 4096 };
    const v = fitViewport({ minX: 0, minY: 0, maxX: 3000, maxY: 9000 }, options(root, 'LR'));
    const p = toScreen(v, 0, 4048);
    expect(p.x).toBeCloseTo(24);
    expect(p.y).toBeCloseTo(300);
  });
});
