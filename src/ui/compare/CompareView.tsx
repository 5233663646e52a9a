/**
 * The compare view (issue 18): two documents — a scenario and its base by default — as
 * charts with the differences marked (side by side, in step, or one chart with the changes
 * overlaid), and beside them the change list, the metrics, the findings, and who decides
 * and owns the budgets, each before → after. The diff is src/compare (framework-free);
 * this view renders it and delegates: the charts to CompareChart, the panels below.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { diffDocuments, type ChangeKind, type DocumentDiff } from '../../compare/diff.ts';
import { CHANGE_KINDS, kindCounts, overlayDocument, sceneOf, type CompareSide } from '../../compare/scene.ts';
import { fitViewport } from '../../canvas/fit.ts';
import { layoutOf } from '../../store/layout.ts';
import { derive } from '../../store/derived.ts';
import type { OrgDocument } from '../../schema/v1.ts';
import { useOrg, useT } from '../context.tsx';
import { Modal } from '../Modal.tsx';
import { CompareChart, MAX_ZOOM, MIN_ZOOM, type ChartViewport, type Gesture } from './CompareChart.tsx';
import { ChangeList, DecisionsPanel, FindingsDelta, MetricsDelta } from './ComparePanels.tsx';
import { exportComparison, type ComparisonExport } from './exportComparison.ts';
import { comparePicture } from '../comparePicture.ts';
import './compare.css';

export interface CompareSource {
  readonly id: string;
  readonly name: string;
  readonly doc: OrgDocument;
}

// The chart export's own dialog (choices, progress, Cancel, worker encoding), given the marked picture.
const ExportDialog = lazy(() => import('../ExportDialog.tsx'));

type Mode = 'side' | 'overlay';
type Tab = 'changes' | 'metrics' | 'findings' | 'decisions';
const TABS: readonly Tab[] = ['changes', 'metrics', 'findings', 'decisions'];
const SIDES: Readonly<Record<Mode, readonly CompareSide[]>> = { side: ['base', 'proposed'], overlay: ['overlay'] };

/** Applies a gesture to a viewport. */
function moved(v: ChartViewport, g: Gesture): ChartViewport {
  if ('dx' in g) return { ...v, x: v.x + g.dx, y: v.y + g.dy };
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom * g.factor));
  const k = zoom / v.zoom;
  return { zoom, x: g.px - (g.px - v.x) * k, y: g.py - (g.py - v.y) * k };
}

/** What the app already knows of a document (store/derived.ts): its findings once the rules have checked it. */
const known = (doc: OrgDocument) => {
  const { index, metrics, findings, checked } = derive(doc);
  return checked ? { index, metrics, findings } : { index, metrics };
};

/** The compared documents' diff, with what the app already knows of each. */
export function useComparison(base: OrgDocument, proposed: OrgDocument): DocumentDiff {
  return useMemo(() => diffDocuments(base, proposed, { base: known(base), proposed: known(proposed) }), [base, proposed]);
}

export function CompareView({ base, proposed, onClose }: { base: CompareSource; proposed: CompareSource; onClose: () => void }) {
  const t = useT();
  const language = useOrg((s) => s.language);
  const diff = useComparison(base.doc, proposed.doc);
  const counts = kindCounts(diff);
  const [mode, setMode] = useState<Mode>('side');
  const [shown, setShown] = useState<ReadonlySet<ChangeKind>>(() => new Set(CHANGE_KINDS));
  const [tab, setTab] = useState<Tab>('changes');
  const [focus, setFocus] = useState<string | null>(null);

  const overlay = useMemo(() => overlayDocument(base.doc, proposed.doc, diff), [base.doc, proposed.doc, diff]);
  const sides = SIDES[mode];
  const scenes = useMemo(() => sides.map((side) => sceneOf(side, base.doc, proposed.doc, diff, overlay, shown)), [sides, base.doc, proposed.doc, diff, overlay, shown]);

  // Each chart's viewport; a gesture on one moves all of them (side by side in step).
  const [viewports, setViewports] = useState<Readonly<Record<string, ChartViewport>>>({});
  const [sizes, setSizes] = useState<Readonly<Record<string, { width: number; height: number }>>>({});
  const onGesture = useCallback((g: Gesture) => setViewports((all) => Object.fromEntries(Object.entries(all).map(([k, v]) => [k, moved(v, g)]))), []);

  /** Fits every chart with one zoom (the smallest of their fits), each centred on its own chart, so the two read at the same scale. */
  const fitAll = useCallback(() => {
    setViewports(() => {
      const fits = scenes.map((scene, k) => {
        const size = sizes[sides[k]!] ?? { width: 0, height: 0 };
        const { bounds, direction } = layoutOf(scene.doc).layout;
        return { side: sides[k]!, size, bounds, fit: fitViewport(bounds, { screen: size, corner: { width: 0, height: 0 }, margin: 24, maxZoom: 1.25, root: null, direction }) };
      });
      const zoom = Math.max(MIN_ZOOM, Math.min(...fits.map((f) => f.fit.zoom)));
      return Object.fromEntries(
        fits.map(({ side, size, bounds }) => [
          side,
          { zoom, x: size.width / 2 - ((bounds.minX + bounds.maxX) / 2) * zoom, y: Math.min(24 - bounds.minY * zoom, size.height / 2 - ((bounds.minY + bounds.maxY) / 2) * zoom) },
        ]),
      );
    });
  }, [scenes, sizes, sides]);

  // Side by side, the two charts sit next to each other or one above the other, whichever
  // shows them larger: a top-down chart is wide, so on a wide screen it goes above the other.
  const area = useRef<HTMLDivElement>(null);
  const [stacked, setStacked] = useState(false);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const { bounds } = layoutOf(proposed.doc).layout;
    const bw = Math.max(1, bounds.maxX - bounds.minX);
    const bh = Math.max(1, bounds.maxY - bounds.minY);
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setStacked(Math.min(width / bw, height / 2 / bh) > Math.min(width / 2 / bw, height / bh));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [proposed.doc]);

  // Fit once every chart has its size, and again when the mode, the arrangement or a size changes.
  const ready = sides.every((side) => (sizes[side]?.width ?? 0) > 0);
  const [fittedFor, setFittedFor] = useState<string>('');
  // (A new size refits too: the charts' sizes settle a frame after the arrangement changes.)
  const arrangement = `${mode} ${stacked} ${sides.map((side) => `${sizes[side]?.width}x${sizes[side]?.height}`).join(' ')}`;
  if (ready && fittedFor !== arrangement) {
    setFittedFor(arrangement);
    fitAll();
  }

  /** Centres a role in every chart where it is drawn, at a zoom where its card reads. */
  const centre = useCallback(
    (id: string) => {
      setFocus(id);
      setViewports((all) => {
        const next: Record<string, ChartViewport> = { ...all };
        scenes.forEach((scene, k) => {
          const side = sides[k]!;
          const { layout } = layoutOf(scene.doc);
          const i = layout.indexOf.get(id);
          const size = sizes[side];
          const v = all[side];
          if (i === undefined || !size || !v || !Number.isFinite(layout.x[i]!)) return;
          const zoom = Math.max(v.zoom, 0.8);
          next[side] = { zoom, x: size.width / 2 - (layout.x[i]! + layout.nodeWidth / 2) * zoom, y: size.height / 2 - (layout.y[i]! + layout.nodeHeight / 2) * zoom };
        });
        return next;
      });
    },
    [scenes, sizes, sides],
  );
  const pick = useCallback(
    (id: string) => {
      setFocus(id);
      setTab('changes');
      // The change entry of the role, when it has one, comes into view in the list.
      requestAnimationFrame(() => document.querySelector(`.compare-change[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }));
    },
    [],
  );

  const onSize = useMemo(
    () => Object.fromEntries(sides.map((side) => [side, (size: { width: number; height: number }) => setSizes((all) => (all[side]?.width === size.width && all[side]?.height === size.height ? all : { ...all, [side]: size }))])),
    [sides],
  );

  const [exportError, setExportError] = useState<string | null>(null);
  const [picture, setPicture] = useState<'png' | 'svg' | null>(null);
  const exportAs = (what: ComparisonExport) => {
    const failure = exportComparison(what, { base, proposed, diff, language });
    setExportError(failure === null ? null : t('compareExportFailed', { message: failure }));
  };

  const toggleKind = (kind: ChangeKind) =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  const chartTitle = (side: CompareSide) => (side === 'base' ? t('compareBefore', { name: base.name }) : side === 'proposed' ? t('compareAfter', { name: proposed.name }) : t('compareOverlay', { base: base.name, proposed: proposed.name }));

  return (
    <Modal label="Compare" title={t('compareTitle', { base: base.name, proposed: proposed.name })} onClose={onClose} className="compare-view">
      <div className="compare-bar">
        <div className="compare-mode" role="group" aria-label={t('compareMode')}>
          <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
            {t('compareSideBySide')}
          </button>
          <button type="button" aria-pressed={mode === 'overlay'} onClick={() => setMode('overlay')}>
            {t('compareOverlayMode')}
          </button>
        </div>
        <fieldset className="compare-kinds">
          <legend>{t('compareShow')}</legend>
          {CHANGE_KINDS.map((kind) => (
            <label key={kind} className={`compare-kind kind-${kind}`} data-kind={kind}>
              <input type="checkbox" checked={shown.has(kind)} onChange={() => toggleKind(kind)} />
              <span className="kind-badge" aria-hidden="true" />
              {t(`kind_${kind}`)} <span className="kind-count">{counts[kind]}</span>
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={fitAll} title={t('compareFitHint')}>
          {t('compareFit')}
        </button>
        <div className="compare-exports" role="group" aria-label={t('compareExport')}>
          <span>{t('compareExport')}</span>
          <button type="button" aria-label="Export changes CSV" onClick={() => exportAs('csv')}>CSV</button>
          <button type="button" aria-label="Export changes JSON" onClick={() => exportAs('json')}>JSON</button>
          <button type="button" aria-label="Export comparison SVG" onClick={() => setPicture('svg')}>SVG</button>
          <button type="button" aria-label="Export comparison PNG" onClick={() => setPicture('png')}>PNG</button>
        </div>
      </div>
      {picture && (
        <Suspense fallback={null}>
          <ExportDialog format={picture} source={comparePicture(base.doc, proposed.doc, diff, { kinds: CHANGE_KINDS.filter((k) => shown.has(k)) })} onClose={() => setPicture(null)} />
        </Suspense>
      )}
      {exportError && (
        <p className="message message-error" role="alert">
          {exportError}
        </p>
      )}
      {diff.equal && <p className="compare-equal" role="status">{t('compareEqual')}</p>}
      <div className="compare-body">
        <div ref={area} className={`compare-charts mode-${mode}${mode === 'side' && stacked ? ' is-stacked' : ''}`}>
          {scenes.map((scene, k) => {
            const side = sides[k]!;
            return (
              <CompareChart
                key={side}
                scene={scene}
                viewport={viewports[side] ?? { x: 0, y: 0, zoom: 0.5 }}
                onGesture={onGesture}
                onSize={onSize[side]!}
                onPick={pick}
                focus={focus}
                language={language}
                label={`${chartTitle(side)}. ${t('compareChartHint')}`}
                title={chartTitle(side)}
              />
            );
          })}
        </div>
        <section className="compare-panel" aria-label={t('compareDetails')}>
          <div role="tablist" aria-label={t('compareDetails')} className="compare-tabs">
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`compare-tab-${id}`}
                aria-controls={`compare-tabpanel-${id}`}
                aria-selected={tab === id}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id)}
                onKeyDown={(e) => {
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (step === 0) return;
                  const next = TABS[(TABS.indexOf(id) + step + TABS.length) % TABS.length]!;
                  setTab(next);
                  requestAnimationFrame(() => document.getElementById(`compare-tab-${next}`)?.focus());
                }}
              >
                {t(`compareTab_${id}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`compare-tabpanel-${tab}`} aria-labelledby={`compare-tab-${tab}`} className="compare-tabpanel" tabIndex={0}>
            {tab === 'changes' && <ChangeList diff={diff} shown={shown} focus={focus} onPick={centre} language={language} currency={proposed.doc.currency} base={base.doc} proposed={proposed.doc} />}
            {tab === 'metrics' && <MetricsDelta diff={diff} currency={proposed.doc.currency} language={language} />}
            {tab === 'findings' && <FindingsDelta diff={diff} base={base.doc} proposed={proposed.doc} language={language} onPick={centre} />}
            {tab === 'decisions' && <DecisionsPanel diff={diff} base={base.doc} proposed={proposed.doc} language={language} currency={proposed.doc.currency} />}
          </div>
        </section>
      </div>
    </Modal>
  );
}
