/** The designer's screen (ui.md): toolbar, palette, canvas, inspector, findings and metrics. */
import { lazy, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { OrgCanvas } from '../canvas/OrgCanvas.tsx';
import { StoreContext, useOrg, useOrgStore, useT, WorkspaceContext } from '../ui/context.tsx';
import { FindingsPanel } from '../ui/FindingsPanel.tsx';
import { MetricsPanel } from '../ui/MetricsPanel.tsx';
import { Palette } from '../ui/Palette.tsx';
import { SaveStatus } from '../ui/SaveStatus.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { useShortcuts } from '../ui/useShortcuts.ts';
import type { Session } from './bootstrap.ts';

// The inspector (forms for every field, role profiles) is loaded right after the first paint.
const Inspector = lazy(() => import('../ui/Inspector.tsx').then((m) => ({ default: m.Inspector })));

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

function Designer({ session }: { session: Session }) {
  useShortcuts(session.store);
  return (
    <div className="designer">
      <Toolbar />
      <div className="status-line">
        <SaveStatus />
        <Messages />
      </div>
      <div className="workspace">
        <Palette />
        <main className="canvas-area">
          <OrgCanvas />
        </main>
        <Suspense fallback={<aside className="inspector" />}>
          <Inspector />
        </Suspense>
      </div>
      <div className="bottom-panels">
        <FindingsPanel />
        <MetricsPanel />
      </div>
    </div>
  );
}
