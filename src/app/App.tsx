/** The designer's screen (ui.md): toolbar, palette, canvas, inspector, findings and metrics. */
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { OrgCanvas } from '../canvas/OrgCanvas.tsx';
import { StoreContext, useOrg, useOrgStore, useT, WorkspaceContext } from '../ui/context.tsx';
import { FindingsPanel, FindingsSummary } from '../ui/FindingsPanel.tsx';
import { MetricsPanel } from '../ui/MetricsPanel.tsx';
import { Palette } from '../ui/Palette.tsx';
import { SaveStatus } from '../ui/SaveStatus.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { useShortcuts } from '../ui/useShortcuts.ts';
import { Splitter } from '../ui/Splitter.tsx';
import { PANEL_LIMITS, usePanelLayout, type PanelId, type PanelLayoutControls } from '../ui/usePanelLayout.ts';
import type { StringKey } from '../ui/strings.ts';
import { CompareContext } from '../ui/compare/context.ts';
import type { CompareSource } from '../ui/compare/CompareView.tsx';
import type { Session } from './bootstrap.ts';

// The inspector (forms for every field, role profiles) is loaded right after the first paint.
const Inspector = lazy(() => import('../ui/Inspector.tsx').then((m) => ({ default: m.Inspector })));
// The compare view (and the diff with it) is loaded when a comparison is first opened.
const CompareView = lazy(() => import('../ui/compare/CompareView.tsx').then((m) => ({ default: m.CompareView })));

export function App({ session }: { session: Session }) {
  return (
    <StoreContext.Provider value={session.store}>
      <WorkspaceContext.Provider value={session.workspace}>
        <ReactFlowProvider>
          <Designer session={session} />
        </ReactFlowProvider>
      </WorkspaceContext.Provider>
    </StoreContext.Provider>
  );
}

function Messages() {
  const t = useT();
  const store = useOrgStore();
  const alert = useOrg((s) => s.alert);
  const notice = useOrg((s) => s.notice);
  return (
    <div className="messages">
      {alert && (
        <div className="message message-error" role="alert" key={alert.id}>
          <span>{alert.text}</span>
          {alert.details && (
            // Every problem with its path, in a list that scrolls (and takes the focus to scroll by keyboard).
            <ul className="message-details" tabIndex={0} aria-label={t('problems', { count: alert.details.length })}>
              {alert.details.map((line, k) => (
                <li key={k}>{line}</li>
              ))}
            </ul>
          )}
          <button type="button" className="link" onClick={() => store.getState().dismissAlert()}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {notice && (
        <div className="message message-info" aria-live="polite" key={notice.id}>
          <span>{notice.text}</span>
          <button type="button" className="link" onClick={() => store.getState().dismissNotice()}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Per panel: the element id the splitter controls, its English hook name and its title key. */
const PANELS: Readonly<Record<PanelId, { id: string; hook: string; title: StringKey }>> = {
  palette: { id: 'panel-palette', hook: 'palette', title: 'palette' },
  inspector: { id: 'panel-inspector', hook: 'inspector', title: 'inspector' },
  findings: { id: 'panel-findings', hook: 'findings and metrics', title: 'findingsAndMetrics' },
};

/** A panel's splitter, wired to the layout. */
function PanelSplitter({ panel, controls, grows }: { panel: PanelId; controls: PanelLayoutControls; grows: 1 | -1 }) {
  const t = useT();
  const state = controls.layout[panel];
  return (
    <Splitter
      label={`Resize ${PANELS[panel].hook}`}
      title={t('splitterHint')}
      controls={PANELS[panel].id}
      orientation={panel === 'findings' ? 'horizontal' : 'vertical'}
      grows={grows}
      size={state.size}
      min={PANEL_LIMITS[panel].min}
      max={PANEL_LIMITS[panel].max}
      collapsed={state.collapsed}
      onResize={(size) => controls.resize(panel, size)}
      onToggle={() => controls.toggle(panel)}
    />
  );
}

/**
 * A panel's place: the panel with a button that hides it, or, hidden, a slim bar with a
 * button that shows it again (its name, and for findings their counts).
 */
function PanelSlot({ panel, controls, className, children, summary }: { panel: PanelId; controls: PanelLayoutControls; className: string; children: ReactNode; summary?: ReactNode }) {
  const t = useT();
  const language = useOrg((s) => s.language);
  const name = t(PANELS[panel].title);
  const collapsed = controls.layout[panel].collapsed;
  return (
    <div id={PANELS[panel].id} className={`panel-slot ${className}${collapsed ? ' is-collapsed' : ''}`}>
      {collapsed ? (
        // Named by what it shows ("Show Findings and metrics 2 errors · 3 warnings"), so the name holds the
        // visible words (axe: label-content-name-mismatch); in Chinese the English hook of ui.md follows, unseen.
        <button type="button" className="panel-bar" aria-expanded={false} aria-controls={PANELS[panel].id} title={t('showPanel', { panel: name })} onClick={() => controls.toggle(panel)}>
          <span className="visually-hidden">{t('showPanel', { panel: '' })}</span>
          <span className="panel-bar-name">{name}</span>
          {summary}
          {language !== 'en' && <span className="visually-hidden"> Show {PANELS[panel].hook}</span>}
        </button>
      ) : (
        <>
          {children}
          <button type="button" className="panel-hide" aria-label={language === 'en' ? `Hide ${PANELS[panel].hook}` : `${t('hidePanel', { panel: name })} Hide ${PANELS[panel].hook}`} aria-expanded={true} aria-controls={PANELS[panel].id} title={t('hidePanel', { panel: name })} onClick={() => controls.toggle(panel)}>
            {panel === 'palette' ? '‹' : panel === 'inspector' ? '›' : '▾'}
          </button>
        </>
      )}
    </div>
  );
}

function Designer({ session }: { session: Session }) {
  useShortcuts(session.store);
  const controls = usePanelLayout();
  const { palette, inspector, findings } = controls.layout;
  // The right column holds the inspector over the findings and metrics; with both hidden it
  // shrinks to their bars.
  const sideCollapsed = inspector.collapsed && findings.collapsed;
  const columns = `${palette.collapsed ? 'auto' : `${palette.size}px`} auto minmax(0, 1fr) auto ${sideCollapsed ? 'auto' : `${inspector.size}px`}`;
  const rows = inspector.collapsed ? 'auto auto minmax(0, 1fr)' : findings.collapsed ? 'minmax(0, 1fr) auto auto' : `minmax(0, 1fr) auto ${findings.size}px`;
  const comparing = useComparing(session);
  return (
    <div className="designer">
      <CompareContext.Provider value={comparing.open}>
        <Toolbar />
      </CompareContext.Provider>
      {comparing.pair && (
        <Suspense fallback={null}>
          <CompareView base={comparing.pair.base} proposed={comparing.pair.proposed} onClose={comparing.close} />
        </Suspense>
      )}
      <div className="status-line">
        <SaveStatus />
        <Messages />
      </div>
      {/* One main landmark holds the palette, the canvas, the panels and the splitters between them (axe: all content in landmarks). */}
      <main className="workspace" style={{ gridTemplateColumns: columns }}>
        <PanelSlot panel="palette" controls={controls} className="palette-slot">
          <Palette />
        </PanelSlot>
        <PanelSplitter panel="palette" controls={controls} grows={1} />
        <div className="canvas-area">
          <OrgCanvas />
        </div>
        <PanelSplitter panel="inspector" controls={controls} grows={-1} />
        <div className={`side-column${sideCollapsed ? ' is-collapsed' : ''}`} style={{ gridTemplateRows: rows }}>
          <PanelSlot panel="inspector" controls={controls} className="inspector-slot">
            <Suspense fallback={<aside className="inspector" />}>
              <Inspector />
            </Suspense>
          </PanelSlot>
          <PanelSplitter panel="findings" controls={controls} grows={-1} />
          <PanelSlot panel="findings" controls={controls} className="findings-slot" summary={<FindingsSummary />}>
            <div className="bottom-panels">
              <FindingsPanel />
              <MetricsPanel />
            </div>
          </PanelSlot>
        </div>
      </main>
    </div>
  );
}

/**
 * The compare view's two documents, read from the library (the open one as it is, unsaved
 * edits included: Workspace.load); a document that cannot be read is told in an alert.
 */
function useComparing(session: Session) {
  const [pair, setPair] = useState<{ base: CompareSource; proposed: CompareSource } | null>(null);
  const open = useCallback(
    (baseId: string, proposedId: string) => {
      const read = async (id: string): Promise<CompareSource> => {
        const doc = await session.workspace.load(id);
        return { id, name: doc.name, doc };
      };
      Promise.all([read(baseId), read(proposedId)]).then(
        ([base, proposed]) => setPair({ base, proposed }),
        (cause: unknown) => session.store.getState().showAlert(cause instanceof Error ? cause.message : String(cause)),
      );
    },
    [session],
  );
  const close = useCallback(() => setPair(null), []);
  return { pair, open, close };
}
