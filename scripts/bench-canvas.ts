/**
 * The canvas figures of `npm run bench` (issue 9): for generated organizations, our
 * designer beside bare React Flow (every node in the DOM, and with
 * onlyRenderVisibleElements), all driven the same way in headless Chromium.
 *
 * open      from handing over the file to the first frame with roles drawn, and to
 *           settled (no long task for 500 ms)
 * drag      a role dragged for 60 pointer moves at editing zoom (zoom 0.8): mean fps, p95 frame
 * drag team the same for the manager whose team is nearest 500 roles
 * pan       the pane dragged for 60 moves with the whole chart in view: fps, p95 frame
 * edit      (ours) a re-parent by drag and drop, and one typed into the inspector's Reports to,
 *           to the frame showing the new findings, metrics and layout: the first edits after
 *           opening, then the median of 5 more drops in the same page (each undone)
 * mounted   role elements in the DOM at the overview and at editing zoom
 * heap      JS heap after open and the gestures above, after a garbage collection (measured
 *           last: the forced collection discards optimized code, which would slow the gestures)
 * zoom      (issue 17, measureZoom, in a page of its own) wheel and pinch zoom from the whole
 *           chart to zoom 1 and back, across the level-of-detail switch: p95 and longest frame
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export type Variant = 'ours' | 'bare' | 'bare-visible';

export interface CanvasRun {
  readonly variant: Variant;
  readonly roles: number;
  readonly openFirstMs: number;
  readonly openSettledMs: number;
  readonly heapMb: number;
  readonly mountedOverview: number;
  readonly mountedEditing: number;
  readonly drag: FrameStats;
  readonly dragTeam: FrameStats;
  readonly pan: FrameStats;
  /** A re-parent by drag and drop, and one typed into the inspector. */
  readonly editMs: number | null;
  readonly fieldEditMs: number | null;
  /** Median of further re-parents by drop in the same page, each undone before the next. */
  readonly warmEditMs: number | null;
}

export interface FrameStats {
  readonly fps: number;
  readonly p95: number;
  readonly max: number;
}

export const IN_PAGE_SETUP = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.startTime + e.duration); }).observe({ type: 'longtask', buffered: true });
  window.__frames = null;
  window.__recordFrames = (on) => {
    if (!on) { const f = window.__frames; window.__frames = null; return f; }
    window.__frames = [];
    const tick = (t) => { if (window.__frames) { window.__frames.push(t); requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
  };
`;

declare global {
  interface Window {
    __longTasks: number[];
    __recordFrames: (on: boolean) => number[] | null;
    __firstFrame?: number;
  }
}

const NO_FRAMES: FrameStats = { fps: 0, p95: Infinity, max: Infinity };

/** Frame statistics of one or more recordings of requestAnimationFrame times. */
function frameStats(...recordings: (readonly number[] | null)[]): FrameStats {
  const deltas: number[] = [];
  let span = 0;
  for (const times of recordings) {
    if (!times || times.length < 3) return NO_FRAMES;
    deltas.push(...times.slice(1).map((t, i) => t - times[i]!));
    span += times.at(-1)! - times[0]!;
  }
  const sorted = deltas.sort((a, b) => a - b);
  return { fps: (1000 * deltas.length) / span, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!, max: sorted.at(-1)! };
}

/** Mouse down at a point, 60 moves, mouse up; frames recorded in the page meanwhile. */
export async function dragFrames(page: Page, from: { x: number; y: number }, step: { x: number; y: number }): Promise<FrameStats> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4);
  await page.evaluate(() => window.__recordFrames(true));
  for (let i = 1; i <= 60; i++) await page.mouse.move(from.x + step.x * i, from.y + step.y * i);
  const frames = await page.evaluate(() => window.__recordFrames(false));
  await page.mouse.up();
  await page.waitForTimeout(300);
  return frameStats(frames);
}

/** A role card fully on screen and away from the edges, other than `except` (and with an id matching `pattern`). */
async function cardInView(page: Page, except: readonly string[], pattern = ''): Promise<{ id: string; x: number; y: number } | null> {
  return page.evaluate(([skip, source]) => {
    const wanted = new RegExp(source);
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const id = el.dataset.id ?? '';
      if (skip.includes(id) || !wanted.test(id)) continue;
      const r = el.getBoundingClientRect();
      const inMinimap = r.right > pane.right - 230 && r.bottom > pane.bottom - 170;
      if (!inMinimap && r.left > pane.left + 10 && r.right < pane.right - 10 && r.top > pane.top + 10 && r.bottom < pane.bottom - 10) return { id, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, [except as string[], pattern] as const);
}

/**
 * Drags a card onto another and times the drop: from the mouse-up to the next frame
 * after the dropped card moved to its place under the new manager. Findings, metrics
 * and layout come from one store update and one React commit, so that frame shows them all.
 */
async function timeReparent(page: Page, moved: { id: string; x: number; y: number }, target: { x: number; y: number }): Promise<number | null> {
  await page.mouse.move(moved.x, moved.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(moved.x + ((target.x - moved.x) * i) / 10, moved.y + ((target.y - moved.y) * i) / 10);
  await page.waitForTimeout(300); // the drop preview is shown
  // pointerup comes with the same input as mouseup, whose listeners d3-drag stops.
  return timeUntilMoved(page, moved.id, 'pointerup', () => page.mouse.up());
}

/**
 * Two account managers' cards in view (not the lead's): one to drop onto the other.
 * Generated (senior) AMs have no reports, so the target is never the current manager
 * and the drop always changes the chart.
 */
async function amPairInView(page: Page, focusId: string) {
  const moved = await cardInView(page, [focusId], '^s?am-');
  const target = moved && (await cardInView(page, [focusId, moved.id], '^s?am-'));
  return moved && target ? { moved, target } : null;
}

/**
 * The re-parent by drop `n` more times in the same page, each undone (Ctrl+Z, from the
 * dropped card, which has the focus) before the next: the edit once the page is in use,
 * beside the first edit after opening. The median, or null when a drop could not be made.
 */
async function timeWarmReparents(page: Page, focusId: string, n: number): Promise<number | null> {
  const times: number[] = [];
  for (let k = 0; k < n; k++) {
    const pair = await amPairInView(page, focusId);
    const ms = pair && (await timeReparent(page, pair.moved, pair.target));
    if (ms === null) return null;
    times.push(ms);
    await page.waitForTimeout(300);
    await page.keyboard.press('ControlOrMeta+z');
    await page.waitForTimeout(300);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The same re-parent typed into the inspector's Reports to field: from Enter to the frame showing it. */
async function timeFieldReparent(page: Page, movedId: string, managerId: string): Promise<number | null> {
  const field = page.getByLabel('Reports to', { exact: true });
  if ((await field.count()) === 0) return null;
  await field.fill(managerId);
  return timeUntilMoved(page, movedId, 'keydown', () => field.press('Enter'));
}

/** Milliseconds from the page's next `startEvent` (sent by `act`) to the frame after the card of `id` moved. */
async function timeUntilMoved(page: Page, id: string, startEvent: string, act: () => Promise<void>): Promise<number | null> {
  const done = page.evaluate(
    ([id, startEvent]) =>
      new Promise<number | null>((resolve) => {
        const node = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
        const before = node?.style.transform;
        let start = 0;
        addEventListener(startEvent, () => (start = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const now = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
          if (start === 0 || (now && now.style.transform === before)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(document.querySelector('.react-flow__nodes')!, { attributes: true, childList: true, subtree: true });
        setTimeout(() => resolve(null), 10_000);
      }),
    [id, startEvent] as const,
  );
  await page.waitForTimeout(50);
  await act();
  return done;
}

/** Centres the view on a role at editing zoom (0.8): our search box, or the baseline's own function. */
async function centreOn(page: Page, variant: Variant, id: string): Promise<void> {
  if (variant === 'ours') {
    const search = page.getByRole('combobox', { name: 'Search roles' });
    await search.fill(id);
    await search.press('Enter');
  } else {
    await page.evaluate((target) => window.centreOn(target, 0.8), id);
  }
  await page.locator(`.react-flow__node[data-id="${id}"]`).waitFor();
  await page.waitForTimeout(500);
}

/**
 * Opens one variant in a fresh 1600×1000 page and hands it the document: milliseconds to
 * the first frame with the new roles drawn, and to settled (no long task for 500 ms).
 */
async function openVariant(browser: Browser, base: string, variant: Variant, file: string, text: string): Promise<{ context: BrowserContext; page: Page; first: number; settled: number }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(IN_PAGE_SETUP);
  const url = variant === 'ours' ? base : `${base}bench/bare.html${variant === 'bare-visible' ? '?visible=1' : ''}`;
  await page.goto(url);
  if (variant === 'ours') await page.locator('.react-flow__node[data-id="head-cn"]').waitFor();
  else await page.waitForFunction(() => typeof window.openDocument === 'function');

  const t0 = await page.evaluate(() => performance.now());
  if (variant === 'ours') await page.locator('input[type="file"]').setInputFiles(file);
  else await page.evaluate((t) => window.openDocument(t), text);
  await page.waitForFunction(
    () => {
      const drawn = !document.querySelector('[data-id="head-cn"]') && (document.querySelector('.react-flow__node') || document.querySelector('canvas.overview-layer'));
      if (drawn) window.__firstFrame ??= performance.now();
      return drawn;
    },
    null,
    { polling: 'raf', timeout: 300_000 },
  );
  const first = (await page.evaluate(() => window.__firstFrame!)) - t0;
  // Settled: no long task ended in the last 500 ms.
  await page.waitForFunction(() => performance.now() - Math.max(0, ...window.__longTasks) >= 500, null, { polling: 100, timeout: 300_000 });
  const settled = Math.max(first, (await page.evaluate(() => Math.max(0, ...window.__longTasks))) - t0);
  return { context, page, first, settled };
}

/**
 * Opens one variant with a document and measures it: `focusId` is an AM lead (editing
 * zoom, the edits and the role drag happen around it), `teamId` the manager dragged with
 * its team.
 */
export async function measureVariant(browser: Browser, base: string, variant: Variant, file: string, text: string, roles: number, focusId: string, teamId: string): Promise<CanvasRun> {
  const { context, page, first, settled } = await openVariant(browser, base, variant, file, text);

  const countRoles = () => page.locator('.react-flow__node').count();
  const mountedOverview = await countRoles();
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const pan = await dragFrames(page, { x: pane.x + 6, y: pane.y + 6 }, { x: 3, y: 2 });

  // Editing zoom (0.8) around an AM lead and its team.
  await centreOn(page, variant, focusId);
  const mountedEditing = await countRoles();
  // A re-parent: an account manager dropped onto another.
  let editMs: number | null = null;
  let fieldEditMs: number | null = null;
  let warmEditMs: number | null = null;
  if (variant === 'ours') {
    const pair = await amPairInView(page, focusId);
    if (pair) {
      editMs = await timeReparent(page, pair.moved, pair.target);
      // The dropped card is selected: move it back under the lead from the inspector.
      await page.waitForTimeout(300);
      fieldEditMs = await timeFieldReparent(page, pair.moved.id, focusId);
      warmEditMs = await timeWarmReparents(page, focusId, 5);
    }
  }
  // A report of the lead, then a manager with a team of about 500 roles.
  const leaf = await cardInView(page, [focusId]);
  const drag = leaf ? await dragFrames(page, leaf, { x: -2, y: 1 }) : NO_FRAMES;
  await centreOn(page, variant, teamId);
  const manager = await page.locator(`.react-flow__node[data-id="${teamId}"]`).boundingBox();
  const dragTeam = manager ? await dragFrames(page, { x: manager.x + manager.width / 2, y: manager.y + manager.height / 2 }, { x: 2, y: 1 }) : NO_FRAMES;

  // The heap last: a forced full collection also throws away optimized code, and the
  // gestures above must run as a person's would, not right after one.
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

  await context.close();
  return { variant, roles, openFirstMs: first, openSettledMs: settled, heapMb: heap.usedSize / 1024 / 1024, mountedOverview, mountedEditing, drag, dragTeam, pan, editMs, fieldEditMs, warmEditMs };
}

/**
 * Wheel zoom (issue 17): from the whole chart in view to zoom 1 and back, at the middle
 * of the pane, across the level-of-detail switch (the overview canvas above MAX_MOUNTED
 * roles on screen, cards below): once with mouse-wheel notches (deltaY ±100, one every
 * 30 ms, a quick spin of the wheel), once as a touchpad pinch, which Chromium delivers
 * as ctrl+wheel events with small deltas (±40, one every 16 ms). The page first zooms out
 * with the wheel, unrecorded, from the view it opened at to `wholeZoom` (the zoom at
 * which the whole chart fits the pane: our app opens on the root's top levels when the
 * whole chart is not readable, the baselines on the whole chart). Frames are recorded
 * while zooming in and while zooming out; `cardsAtTop` counts the role elements mounted
 * at zoom 1, `overviewAtWhole` tells whether the overview canvas was drawn there.
 */
export interface ZoomRun {
  readonly variant: Variant;
  readonly roles: number;
  readonly wheel: FrameStats;
  readonly pinch: FrameStats;
  readonly wholeZoom: number;
  readonly overviewAtWhole: boolean;
  readonly cardsAtTop: number;
}

/** React Flow's zoom, from its viewport element's transform. */
async function currentZoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    return Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1] ?? NaN);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Zooms by `steps` wheel events of `deltaY` each, `gapMs` apart (ctrl held for a pinch),
 * with frames recorded (when `record`) from before the first event to the second frame
 * after the last.
 */
async function zoomFrames(page: Page, at: { x: number; y: number }, steps: number, deltaY: number, gapMs: number, pinch: boolean, record = true): Promise<number[] | null> {
  await page.mouse.move(at.x, at.y);
  if (pinch) await page.keyboard.down('Control');
  if (record) await page.evaluate(() => window.__recordFrames(true));
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, deltaY);
    await sleep(gapMs);
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const frames = record ? await page.evaluate(() => window.__recordFrames(false)) : null;
  if (pinch) await page.keyboard.up('Control');
  return frames;
}

/** Wheel events of `deltaY` from one zoom to another: React Flow zooms by 2^(-deltaY × 0.002) per event (d3-zoom's wheelDelta; no ctrl factor off macOS). */
const stepsToZoom = (from: number, to: number, deltaY: number) => Math.round(Math.abs(Math.log2(to / from)) / (Math.abs(deltaY) * 0.002));

/**
 * Opens one variant with a document and zooms it in and out with the wheel, then by
 * pinching. `chart` is the size of the laid-out chart (flow coordinates).
 */
export async function measureZoom(browser: Browser, base: string, variant: Variant, file: string, text: string, roles: number, chart: { width: number; height: number }): Promise<ZoomRun> {
  const { context, page } = await openVariant(browser, base, variant, file, text);
  await page.waitForTimeout(500);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  // Both pages' minZoom is 0.02.
  const wholeZoom = Math.max(0.02, 0.92 * Math.min(pane.width / chart.width, pane.height / chart.height));
  const notches = stepsToZoom(wholeZoom, 1, 100);
  const pinchSteps = stepsToZoom(wholeZoom, 1, 40);
  const toWhole = async () => {
    const zoom = await currentZoom(page);
    await zoomFrames(page, centre, stepsToZoom(zoom, wholeZoom, 100), zoom > wholeZoom ? 100 : -100, 30, false, false);
    await page.waitForTimeout(500);
  };

  await toWhole();
  const overviewAtWhole = (await page.locator('canvas.overview-layer').count()) > 0;
  const wheelIn = await zoomFrames(page, centre, notches, -100, 30, false);
  await page.waitForTimeout(300);
  const cardsAtTop = await page.locator('.react-flow__node').count();
  const wheelOut = await zoomFrames(page, centre, notches, 100, 30, false);

  await toWhole();
  const pinchIn = await zoomFrames(page, centre, pinchSteps, -40, 16, true);
  await page.waitForTimeout(300);
  const pinchOut = await zoomFrames(page, centre, pinchSteps, 40, 16, true);

  await context.close();
  return { variant, roles, wheel: frameStats(wheelIn, wheelOut), pinch: frameStats(pinchIn, pinchOut), wholeZoom, overviewAtWhole, cardsAtTop };
}
