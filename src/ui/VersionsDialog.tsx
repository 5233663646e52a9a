/**
 * The open document's versions, newest first: kept when it was opened and at least
 * every 10 minutes of editing (the last 20). Restoring one is one undoable step.
 */
import { useEffect, useState } from 'react';
import type { VersionEntry } from '../store/library.ts';
import { useLibraryRevision, useOrg, useT, useWorkspace } from './context.tsx';
import { Modal } from './Modal.tsx';
import { formatTime, roleCount } from './time.ts';

export default function VersionsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const workspace = useWorkspace();
  const revision = useLibraryRevision();
  const name = useOrg((s) => s.doc.name);
  const documentId = useOrg((s) => s.documentId);
  const language = useOrg((s) => s.language);
  const [versions, setVersions] = useState<readonly VersionEntry[] | null>(null);
  useEffect(() => {
    let live = true;
    void workspace.versions().then((list) => live && setVersions(list));
    return () => {
      live = false;
    };
  }, [workspace, revision, documentId]);
  const restore = (v: VersionEntry) =>
    void workspace.restoreVersion(v.key).then((ok) => {
      if (!ok) return;
      workspace.store.getState().showNotice(t('versionRestored', { time: formatTime(v.at, language) }));
      onClose();
    });
  return (
    <Modal label="Versions" title={t('versionsOf', { name })} onClose={onClose} className="versions-dialog">
      <p className="hint">{t('versionsHint')}</p>
      {versions?.length === 0 && <p>{t('noVersions')}</p>}
      <ul className="document-list" aria-busy={versions === null}>
        {(versions ?? []).map((v) => (
          <li key={v.key} className="document-item" data-version={v.key}>
            <div className="document-main">
              <span className="document-name">{formatTime(v.at, language)}</span>
              <span className="document-meta">
                {v.name} · {roleCount(t, v.roles, language)}
              </span>
            </div>
            <div className="document-actions">
              <button type="button" onClick={() => restore(v)} aria-label={`${t('restoreVersion')} ${formatTime(v.at, language)}`}>
                {t('restoreVersion')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
