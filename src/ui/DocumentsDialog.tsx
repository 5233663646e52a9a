/**
 * The library: every saved document, newest change first, with its role count and
 * time of last change. Open, rename, duplicate, delete (to a trash that can be emptied,
 * or undone at once); documents that could not be opened are listed apart, with a
 * download of their exact text. It reads the library's entries, never a whole document.
 *
 * Scenarios (issue 18) are listed under their base, a level deeper (aria-level, and the
 * words "Scenario of …"): any document can branch a new scenario; a scenario can be made
 * current (its content becomes its base's) and, when the designer passes `onCompare`,
 * compared with its base; "Compare…" compares any two documents.
 */
import { useEffect, useId, useState, type CSSProperties } from 'react';
import { documentTree, type DocumentEntry, type TreeRow } from '../store/library.ts';
import { blankDocument } from '../model/blank.ts';
import { MAX_LENGTH } from '../schema/constants.ts';
import { useLibraryRevision, useOrg, useT, useWorkspace } from './context.tsx';
import { download, fileNameOf } from './download.ts';
import { Modal } from './Modal.tsx';
import { formatBytes, formatTime, roleCount } from './time.ts';

/** How far a scenario is indented: deeper levels stay at this indent (the words still say whose scenario it is). */
const MAX_INDENT_LEVEL = 6;

/**
 * `onCompare` opens the compare view of two library documents, the base first; without it
 * no Compare action is shown. The dialog closes once it has asked.
 */
export default function DocumentsDialog({ onClose, onCompare }: { onClose: () => void; onCompare?: (baseId: string, proposedId: string) => void }) {
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

  const rows = documentTree(entries ?? []);
  const inTrash = (entries ?? []).filter((e) => e.trashedAt !== undefined);
  const commitRename = () => {
    const name = renaming?.draft.trim() ?? '';
    if (renaming && name.length > 0 && name.length <= MAX_LENGTH.name) void workspace.rename(renaming.id, name);
    setRenaming(null);
  };
  const open = (id: string) => void workspace.openDocument(id).then((ok) => ok && onClose());
  const downloadText = (entry: DocumentEntry) =>
    void workspace.text(entry.id).then((text) => text !== null && download(text, fileNameOf(entry.name, 'json')));
  // The new scenario opens at once, as Open does: the dialog makes way for it.
  const newScenario = (id: string) => void workspace.newScenario(id).then((created) => created && onClose());
  // Closed either way: the notice (or why it was refused) is shown on the main screen.
  const makeCurrent = (id: string) => void workspace.makeCurrent(id).then(onClose);
  const compare = (baseId: string, proposedId: string) => {
    onCompare?.(baseId, proposedId);
    onClose();
  };
  /** A scenario whose base is listed (not in the trash): it can be compared with it and made current. */
  const baseOf = (row: TreeRow) => (row.base && row.base.trashedAt === undefined && row.base.status === 'ok' ? row.base : undefined);

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
      {onCompare && entries !== null && <ComparePicker rows={rows} openId={openId} onCompare={compare} />}
      <ul className="document-list" aria-busy={entries === null}>
        {rows.map((row) => {
          const { entry, level, base } = row;
          const listedBase = baseOf(row);
          return (
            <li
              key={entry.id}
              data-document-id={entry.id}
              data-base-id={entry.base}
              aria-level={level}
              style={level > 1 ? ({ '--indent': `${(Math.min(level, MAX_INDENT_LEVEL) - 1) * 1.5}rem` } as CSSProperties) : undefined}
              className={`document-item${entry.id === openId ? ' is-open' : ''}${entry.status !== 'ok' ? ' is-broken' : ''}${level > 1 ? ' is-scenario' : ''}`}
            >
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
                      {base && <span className="document-base"> · {t(base.trashedAt === undefined ? 'scenarioOf' : 'scenarioOfTrashed', { name: base.name })}</span>}
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
                    <button type="button" onClick={() => newScenario(entry.id)} aria-label={`${t('scenarioNew')} ${entry.name}`}>
                      {t('scenarioNew')}
                    </button>
                    {listedBase && onCompare && (
                      <button type="button" onClick={() => compare(listedBase.id, entry.id)} aria-label={`${t('scenarioCompareWithBase')} ${entry.name}`}>
                        {t('scenarioCompareWithBase')}
                      </button>
                    )}
                    {listedBase && (
                      <button type="button" onClick={() => makeCurrent(entry.id)} aria-label={`${t('scenarioMakeCurrent')} ${entry.name}`}>
                        {t('scenarioMakeCurrent')}
                      </button>
                    )}
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
          );
        })}
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

/**
 * "Compare…": any two readable documents of the library, base and proposal. It starts
 * from the open document: a scenario against its base, else the open document against its
 * first scenario (or the first other document).
 */
function ComparePicker({ rows, openId, onCompare }: { rows: readonly TreeRow[]; openId: string; onCompare: (baseId: string, proposedId: string) => void }) {
  const t = useT();
  const readable = rows.filter((r) => r.entry.status === 'ok');
  const [choice, setChoice] = useState<{ base: string; proposed: string } | null>(null);
  const [same, setSame] = useState(false);
  const id = useId();
  if (readable.length < 2) return null;
  const start = () => {
    const open = readable.find((r) => r.entry.id === openId);
    const other = (not: string) => readable.find((r) => r.entry.id !== not)!.entry.id;
    if (open?.base && readable.some((r) => r.entry.id === open.base!.id)) return { base: open.base.id, proposed: open.entry.id };
    const base = open?.entry.id ?? readable[0]!.entry.id;
    return { base, proposed: readable.find((r) => r.entry.base === base)?.entry.id ?? other(base) };
  };
  const pick = (next: { base: string; proposed: string }) => {
    setSame(false);
    setChoice(next);
  };
  const options = readable.map((r) => (
    <option key={r.entry.id} value={r.entry.id}>
      {'\u00a0\u00a0'.repeat(Math.min(r.level, MAX_INDENT_LEVEL) - 1)}
      {r.entry.name}
    </option>
  ));
  return (
    <div className="document-compare">
      <button type="button" aria-expanded={choice !== null} onClick={() => setChoice(choice ? null : start())}>
        {t('scenarioCompareChoose')}
      </button>
      {choice && (
        <form
          className="document-compare-form"
          aria-label={t('scenarioCompareTwo')}
          onSubmit={(e) => {
            e.preventDefault();
            if (choice.base === choice.proposed) setSame(true);
            else onCompare(choice.base, choice.proposed);
          }}
        >
          {/* Labels beside, not around, the selects: a select inside its label would add its value to its name. */}
          <label htmlFor={`${id}-base`}>{t('scenarioCompareBase')}</label>
          <select id={`${id}-base`} value={choice.base} onChange={(e) => pick({ ...choice, base: e.target.value })}>
            {options}
          </select>
          <label htmlFor={`${id}-proposed`}>{t('scenarioCompareProposal')}</label>
          <select id={`${id}-proposed`} value={choice.proposed} onChange={(e) => pick({ ...choice, proposed: e.target.value })}>
            {options}
          </select>
          <button type="submit" className="primary">
            {t('scenarioCompare')}
          </button>
          {same && (
            <span className="document-problem" role="alert">
              {t('scenarioCompareSame')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
