/**
 * The compare view's figures, in the page (bench/compare.html): opening the view on a
 * base and a proposal of N roles (bench/proposal.ts) — the diff, the two charts fitted and
 * drawn, the change list — timed to the first frame after both charts are drawn; beside it
 * the naive alternative: the marked chart as one SVG (compare/svg.ts) put into the page,
 * timed to its first frame. Panning is measured by scripts/bench-browser.ts with the mouse.
 */
import { createRoot, type Root } from 'react-dom/client';
import { proposalPair } from './proposal.ts';
import { diffDocuments } from '../src/compare/diff.ts';
import { renderCompareSvg } from '../src/compare/svg.ts';
import { createOrgStore } from '../src/store/orgStore.ts';
import { StoreContext } from '../src/ui/context.tsx';
import { CompareView } from '../src/ui/compare/CompareView.tsx';
import type { OrgDocument } from '../src/schema/v1.ts';
import '../src/app/app.css';

const pairs = new Map<number, { base: OrgDocument; proposed: OrgDocument }>();
const pairOf = (roles: number) => {
  let pair = pairs.get(roles);
  if (!pair) pairs.set(roles, (pair = proposalPair(roles)));
  return pair;
};
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
let root: Root | null = null;

const api = {
  /** Prepares the documents of N roles (not timed). */
  prepare(roles: number) {
    pairOf(roles);
  },
  /** ms from rendering the view to the first frame after both charts have drawn. */
  async open(roles: number) {
    const { base, proposed } = pairOf(roles);
    root?.unmount();
    const container = document.getElementById('root')!;
    const t0 = performance.now();
    root = createRoot(container);
    root.render(
      <StoreContext.Provider value={createOrgStore(base)}>
        <CompareView base={{ id: 'base', name: base.name, doc: base }} proposed={{ id: 'proposed', name: proposed.name, doc: proposed }} onClose={() => root?.unmount()} />
      </StoreContext.Provider>,
    );
    // Drawn: both canvases sized and fitted (a viewport other than the initial one).
    for (;;) {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.compare-chart canvas')];
      if (canvases.length === 2 && canvases.every((c) => c.width > 0) && document.querySelector('.compare-change')) break;
      await frame();
    }
    await frame();
    return performance.now() - t0;
  },
  /** ms from starting the marked SVG (the diff included) to the first frame after it is in the page. */
  async svgBaseline(roles: number) {
    const { base, proposed } = pairOf(roles);
    root?.unmount();
    root = null;
    const container = document.getElementById('root')!;
    container.textContent = '';
    const t0 = performance.now();
    const svg = renderCompareSvg(base, proposed, diffDocuments(base, proposed)).svg;
    container.innerHTML = svg;
    await frame();
    const ms = performance.now() - t0;
    container.textContent = '';
    return ms;
  },
};

declare global {
  interface Window {
    compareBench: typeof api;
  }
}
window.compareBench = api;
