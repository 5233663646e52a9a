/**
 * The library: every saved document, newest change first, with its role count and
 * time of last change. Open, rename, duplicate, delete (to a trash that can be emptied,
 * or undone at once); documents that could not be opened are listed apart, with a
 * download of their exact text. It reads the library's entries, never a whole document.
 */
import { useEffect, useState } from 'react';
import type { DocumentEntry } from '../store/library.ts';
import { blankDocument } from '../model/blank.ts';
import { MAX_LENGTH } from '../schema/constants.ts';
import { useLibraryRevision, useOrg, useT, useWorkspace } from './context.tsx';
import { download, fileNameOf } from './download.ts';
import { Modal } from './Modal.tsx';
import { formatBytes, formatTime, roleCount } from './time.ts';

export default function DocumentsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const workspace = useWorkspace();
  const revision = useLibraryRevision();
  const openId = useOrg((s) => s.documentId);
  const language = useOrg((s) => s.language);
  const [entries, setEntries] = useState<readonly DocumentEntry[] | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; draft: string } | null>(null);
  const [trashed, setTrashed] = useState<DocumentEntry | null>(null);
  const [usage, setUsage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void workspace.list().then((list) => live && setEntries(list));
    return () => {
      live = false;
    };
  }, [workspace, revision]);
  useEffect(() => {
    let live = true;
    void navigator.storage
      ?.estimate?.()
      .then(({ usage: used, quota }) => live && used !== undefined && quota !== undefined && setUsage(t('storageUsed', { used: formatBytes(used, language), quota: formatBytes(quota, language) })))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [revision, language, t]);

  const active = (entries ?? []).filter((e) => e.trashedAt === undefined);
  const inTrash = (entries ?? []).filter((e) => e.trashedAt !== undefined);
  const commitRename = () => {
    const name = renaming?.draft.trim() ?? '';
    if (renaming && name.length > 0 && name.length <= MAX_LENGTH.name) void workspace.rename(renaming.id, name);
    setRenaming(null);
  };
  const open = (id: string) => void workspace.openDocument(id).then((ok) => ok && onClose());
  const downloadText = (entry: DocumentEntry) =>
    void workspace.text(entry.id).then((text) => text !== null && download(text, fileNameOf(entry.name, 'json')));

  return (
    <Modal label="Documents" title={t('documents')} onClose={onClose} className="documents-dialog">
      <p className="hint">{workspace.library.persistent ? t('documentsHint') : t('documentsMemory')}</p>
      {trashed && (
        <div className="inline-notice" aria-live="polite">
          {t('movedToTrash', { name: trashed.name })}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              void workspace.restoreFromTrash(trashed.id);
              setTrashed(null);
            }}
          >
            {t('undo')}
          </button>
        </div>
      )}
      <ul className="document-list" aria-busy={entries === null}>
        {active.map((entry) => (
          <li key={entry.id} data-document-id={entry.id} className={`document-item${entry.id === openId ? ' is-open' : ''}${entry.status !== 'ok' ? ' is-broken' : ''}`}>
            <div className="document-main">
              {renaming?.id === entry.id ? (
                <input
                  className="document-rename"
                  aria-label={t('rename')}
                  value={renaming.draft}
                  maxLength={MAX_LENGTH.name}
                  autoFocus
                  onChange={(e) => setRenaming({ id: entry.id, draft: e.target.value })}
                  onBlur={commitRename}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') commitRename();
                    if (e.key === 'Escape') {
                      e.stopPropagation();
                      e.preventDefault();
                      setRenaming(null);
                    }
                  }}
                />
              ) : entry.status === 'ok' && entry.id !== openId ? (
                <button type="button" className="document-name link" onClick={() => open(entry.id)}>
                  {entry.name}
                </button>
              ) : (
                <span className="document-name">{entry.name}</span>
              )}
              <span className="document-meta">
                {entry.status === 'ok' ? (
                  <>
                    {roleCount(t, entry.roles, language)} · {t('changedAt', { time: formatTime(entry.updatedAt, language) })}
                    {entry.id === openId && <strong className="document-open-badge"> · {t('isOpen')}</strong>}
                  </>
                ) : (
                  <span className="document-problem">
                    {entry.status === 'newer' ? t('madeByNewer') : t('couldNotOpen')}
                    {entry.problem ? `: ${entry.problem}` : ''}
                  </span>
                )}
              </span>
            </div>
            <div className="document-actions">
              {entry.status === 'ok' ? (
                <>
                  {entry.id !== openId && (
                    <button type="button" onClick={() => open(entry.id)} aria-label={`${t('openDocument')} ${entry.name}`}>
                      {t('openDocument')}
                    </button>
                  )}
                  <button type="button" onClick={() => setRenaming({ id: entry.id, draft: entry.name })} aria-label={`${t('rename')} ${entry.name}`}>
                    {t('rename')}
                  </button>
                  <button type="button" onClick={() => void workspace.duplicate(entry.id)} aria-label={`${t('duplicate')} ${entry.name}`}>
                    {t('duplicate')}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('moveToTrash')} ${entry.name}`}
                    onClick={() => {
                      setTrashed(entry);
                      void workspace.trash(entry.id, blankDocument);
                    }}
                  >
                    {t('moveToTrash')}
                  </button>
                </>
              ) : (
                <>
                  <button type="button" onClick={() => downloadText(entry)} aria-label={`${t('downloadText')} ${entry.name}`}>
                    {t('downloadText')}
                  </button>
                  <button type="button" onClick={() => void workspace.remove(entry.id)} aria-label={`${t('deleteForever')} ${entry.name}`}>
                    {t('deleteForever')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {inTrash.length > 0 && (
        <details className="trash">
          <summary>{t('trash', { count: inTrash.length })}</summary>
          <ul className="document-list">
            {inTrash.map((entry) => (
              <li key={entry.id} data-trashed-document-id={entry.id} className="document-item">
                <div className="document-main">
                  <span className="document-name">{entry.name}</span>
                  <span className="document-meta">{roleCount(t, entry.roles, language)}</span>
                </div>
                <div className="document-actions">
                  <button type="button" onClick={() => void workspace.restoreFromTrash(entry.id)} aria-label={`${t('restoreDocument')} ${entry.name}`}>
                    {t('restoreDocument')}
                  </button>
                  <button type="button" onClick={() => void workspace.remove(entry.id)} aria-label={`${t('deleteForever')} ${entry.name}`}>
                    {t('deleteForever')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void workspace.emptyTrash()}>
            {t('emptyTrash')}
          </button>
        </details>
      )}
      {usage && <p className="hint storage-usage">{usage}</p>}
    </Modal>
  );
}
