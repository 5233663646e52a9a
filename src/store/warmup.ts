/**
 * JIT warm-up: after a document loads, the work every edit repeats (tree index, rule
 * check, metrics, layout, viewport index) runs on it a few more times while the page is
 * idle, one stage per idle callback: without it, the first edits after opening 10,000
 * roles ran the rule check and the layout 3–6× slower than the tenth (30 ms against 5 ms
 * for the check) and missed their frame budget. Kept for the edit figures of
 * docs/performance.md ("The first edits after opening are warm"). The results are thrown
 * away; nothing is cached.
 */
import { layoutDocument, createSpatialIndex } from '../layout/index.ts';
import { computeMetrics } from '../metrics/index.ts';
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { idleScheduler, type Scheduler } from './idle.ts';
import { rulesApi } from './rules.ts';

/** Passes over the pipeline: measured at 10,000 roles, the check is at its steady speed after about eight. */
export const WARM_UP_PASSES = 8;

/** The stages of one pass, one per idle callback (an unwarmed rule check of 50,000 roles can take ~100 ms: idle time, but one task). */
function stages(doc: OrgDocument): (() => void)[] {
  let index: TreeIndex | null = null;
  const indexed = () => (index ??= buildTreeIndex(doc));
  return [
    () => void (index = buildTreeIndex(doc)),
    // The rules load after the first paint (rules.ts); a pass before they are in skips them.
    () => void rulesApi()?.checkDocument(doc, indexed()),
    () => void computeMetrics(doc, indexed()),
    () => void createSpatialIndex(layoutDocument(doc, indexed(), { direction: doc.view.direction, collapsed: new Set(doc.view.collapsed) })),
  ];
}

/** Starts warming up on `doc`; returns a function that stops it (call it when another document loads). */
export function warmUp(doc: OrgDocument, passes = WARM_UP_PASSES, scheduler: Scheduler = idleScheduler()): () => void {
  const queue: (() => void)[] = [];
  for (let p = 0; p < passes; p++) queue.push(...stages(doc));
  let handle = 0;
  let stopped = false;
  const next = () => {
    const stage = queue.shift();
    if (stopped || !stage) return;
    stage();
    handle = scheduler.request(next);
  };
  handle = scheduler.request(next);
  return () => {
    stopped = true;
    scheduler.cancel(handle);
  };
}
