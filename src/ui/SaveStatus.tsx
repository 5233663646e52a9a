/** The autosave status line, and the choices it offers when saving is paused. */
import { useEffect, useState } from 'react';
import type { Session } from '../app/bootstrap.ts';
import type { SaveStatus as Status } from '../store/autosave.ts';
import { useOrgStore, useT } from './context.tsx';

export function SaveStatus({ session }: { session: Session }) {
  const t = useT();
  const store = useOrgStore();
  const [status, setStatus] = useState<Status>(() => (session.restored.kind === 'newer' ? { kind: 'paused', reason: 'newer' } : { kind: 'idle' }));
  useEffect(() => session.subscribeStatus(setStatus), [session]);

  if (status.kind === 'conflict') {
    return (
      <div className="save-banner" role="alert">
        {t('saveConflict')}{' '}
        <button
          type="button"
          onClick={() =>
            void session.autosaver.adoptStored().then((theirs) => {
              if (theirs.kind === 'loaded') store.getState().replace(theirs.doc);
              setStatus({ kind: 'idle' });
            })
          }
        >
          {t('loadTheirs')}
        </button>{' '}
        <button type="button" onClick={() => session.autosaver.overwrite(store.getState().doc)}>
          {t('keepMine')}
        </button>
      </div>
    );
  }
  if (status.kind === 'paused' && status.reason === 'newer' && session.restored.kind === 'newer') {
    return (
      <div className="save-banner" role="alert">
        {t('newerSaved', { message: session.restored.error.message })}{' '}
        <button type="button" onClick={() => session.autosaver.overwrite(store.getState().doc)}>
          {t('overwriteSaved')}
        </button>
      </div>
    );
  }
  if (status.kind === 'error') {
    return (
      <div className="save-banner" role="alert">
        {status.message}
      </div>
    );
  }
  return (
    <span className="save-status" aria-live="polite">
      {status.kind === 'saved' ? t('saved') : ''}
    </span>
  );
}
