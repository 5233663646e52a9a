/**
 * Start-up: read the saved document (autosave) before anything is written, pick the
 * first document (the saved one, else the China preset), create the store with an
 * empty history (undo right after a reload does nothing) and connect autosave.
 */
import { Autosaver, STAMP_KEY, type KeyValueStorage, type Restored, type SaveStatus } from '../store/autosave.ts';
import { createOrgStore, type OrgStore } from '../store/orgStore.ts';
import { warmUp } from '../store/warmup.ts';
import { defaultPreset } from '../store/presets.ts';
import { blankDocument } from '../model/blank.ts';
import { initialLanguage, loadLanguage, translate, type Language } from '../ui/strings.ts';
import type { OrgDocument } from '../schema/v1.ts';

export const LANGUAGE_KEY = 'org-designer:language';

export interface Session {
  readonly store: OrgStore;
  readonly autosaver: Autosaver;
  /** What autosave says, for the status line. */
  readonly subscribeStatus: (listener: (status: SaveStatus) => void) => () => void;
  readonly restored: Restored;
}

/** localStorage, or a memory stand-in when the browser refuses it (private mode, disabled storage). */
function browserStorage(): { storage: KeyValueStorage; available: boolean } {
  try {
    const storage = window.localStorage;
    storage.getItem(STAMP_KEY);
    return { storage, available: true };
  } catch {
    const memory = new Map<string, string>();
    return {
      storage: { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) },
      available: false,
    };
  }
}

/** Creates the store and autosave for this tab. */
export async function startSession(): Promise<Session> {
  const { storage, available } = browserStorage();
  const listeners = new Set<(status: SaveStatus) => void>();
  const autosaver = new Autosaver({ storage, onStatus: (s) => listeners.forEach((l) => l(s)) });
  const restored = await autosaver.restore();
  let savedLanguage: string | null = null;
  try {
    savedLanguage = storage.getItem(LANGUAGE_KEY);
  } catch {
    /* no saved language */
  }
  const language: Language = initialLanguage(savedLanguage, navigator.languages ?? [navigator.language]);
  await loadLanguage(language);
  const first: OrgDocument = restored.kind === 'loaded' ? restored.doc : ((await defaultPreset()) ?? blankDocument());
  const store = createOrgStore(first, language);

  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string>) => translate(store.getState().language, key, values);
  if (!available) store.getState().showAlert('This browser does not allow saving here: your work is kept only while this tab is open. Export JSON to keep it.');
  if (restored.kind === 'unreadable') {
    store.getState().showAlert(restored.keptAs ? t('unreadableSaved', { message: restored.error.message, key: restored.keptAs }) : t('unreadableNotKept', { message: restored.error.message }));
  }

  // Each loaded document (not each edit) is run through the edit pipeline while idle, so
  // the first edits after opening a large organization are as fast as the later ones.
  let stopWarmUp = warmUp(first);
  store.subscribe((state, previous) => {
    if (state.doc !== previous.doc) autosaver.schedule(state.doc);
    if (state.generation !== previous.generation) {
      stopWarmUp();
      stopWarmUp = warmUp(state.doc);
    }
    if (state.language !== previous.language) {
      try {
        storage.setItem(LANGUAGE_KEY, state.language);
      } catch {
        /* the language is a preference: not saving it loses nothing */
      }
      document.documentElement.lang = state.language;
    }
  });
  document.documentElement.lang = language;
  const flush = () => autosaver.flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  window.addEventListener('storage', (event) => {
    if (event.key === STAMP_KEY && autosaver.isForeignChange(event.newValue)) autosaver.markConflict();
  });

  return {
    store,
    autosaver,
    restored,
    subscribeStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
