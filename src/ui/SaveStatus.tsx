/**
 * The save state: exactly one of saved (with the time), saving, not saved, saving
 * paused, in an element with role="status". "Not saved" and "paused" also show a
 * banner (role="alert") saying why and what can be done; it follows the save state
 * alone, so an edit never clears it: only a successful save does.
 */
import { useOrg, useSaveStatus, useT, useWorkspace } from './context.tsx';
import { exportJson } from './exportJson.ts';
import { formatTime } from './time.ts';

export function SaveStatus() {
  const t = useT();
  const workspace = useWorkspace();
  const status = useSaveStatus();
  const language = useOrg((s) => s.language);
  const label =
    status.kind === 'saved'
      ? t('savedAt', { time: formatTime(status.at, language) })
      : status.kind === 'saving'
        ? t('saving')
        : status.kind === 'not-saved'
          ? t('notSaved')
          : t('savingPaused');
  return (
    <>
      <span className={`save-status save-${status.kind}`} role="status">
        {label}
      </span>
      {status.kind === 'not-saved' && (
        <div className="save-banner" role="alert">
          <span>{status.reason === 'blocked' ? t('notSavedBlocked') : status.reason === 'quota' ? t('notSavedQuota') : t('notSavedError', { detail: status.detail ?? '' })}</span>{' '}
          <button type="button" onClick={() => exportJson(workspace.store)}>
            {t('exportJson')}
          </button>
          {status.reason !== 'blocked' && (
            <button type="button" onClick={() => void workspace.autosaver.flush()}>
              {t('tryAgain')}
            </button>
          )}
        </div>
      )}
      {status.kind === 'paused' && (
        <div className="save-banner" role="alert">
          <span>{status.theirs ? t('pausedConflict', { name: status.theirs.name, time: formatTime(status.theirs.updatedAt, language) }) : t('pausedDeleted')}</span>{' '}
          <button type="button" onClick={() => void workspace.keepMineAsCopy()}>
            {t('keepMineAsCopy')}
          </button>
          {status.theirs && (
            <button type="button" onClick={() => void workspace.loadTheirs()}>
              {t('loadTheirs')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
