/**
 * Start-up: open the library (IndexedDB, or memory when the browser refuses storage),
 * move the previous version's localStorage document into it, open the document this
 * tab should show, and connect the page's lifecycle: a journal of unsaved edits when
 * the page goes away, a save when it is hidden, a question before closing with
 * something unsaved, and the other tabs.
 */
import { createOrgStore, type OrgStore } from '../store/orgStore.ts';
import { MemoryLibrary, openIdbLibrary, type Library } from '../store/library.ts';
import { Workspace, type Channel, type ListableStorage } from '../store/workspace.ts';
import { warmUp } from '../store/warmup.ts';
import { loadRules } from '../store/rules.ts';
import { defaultPreset } from '../store/presets.ts';
import { blankDocument } from '../model/blank.ts';
import { loadDocument } from '../schema/load.ts';
import { commitDrafts, hasDrafts } from '../ui/drafts.ts';
import { initialLanguage, loadLanguage, translate, type Language } from '../ui/strings.ts';

export const LANGUAGE_KEY = 'org-designer:language';

export interface Session {
  readonly store: OrgStore;
  readonly workspace: Workspace;
}

/** A Web Storage the browser may refuse: its getter throws when site data is blocked. */
function webStorage(name: 'localStorage' | 'sessionStorage'): ListableStorage | null {
  try {
    const storage = window[name];
    storage.getItem(LANGUAGE_KEY);
    return storage;
  } catch {
    return null;
  }
}

async function openLibrary(): Promise<Library> {
  try {
    return await openIdbLibrary();
  } catch {
    return new MemoryLibrary();
  }
}

/**
 * Loads the rules (after the first paint) and their words in the UI language, then lets
 * the views that show findings render them. A chunk that cannot load (the app was
 * updated on the server meanwhile) is said, not hidden.
 */
export async function startRules(store: OrgStore): Promise<void> {
  try {
    const rules = await loadRules();
    await rules.loadRuleTexts(store.getState().language);
    store.getState().setRules('ready');
  } catch {
    store.getState().setRules('failed');
  }
}

/** Creates the store and the workspace for this tab. */
export async function startSession(): Promise<Session> {
  const local = webStorage('localStorage');
  const library = await openLibrary();
  let savedLanguage: string | null = null;
  try {
    savedLanguage = local?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    /* no saved language */
  }
  const language: Language = initialLanguage(savedLanguage, navigator.languages ?? [navigator.language]);
  await loadLanguage(language);
  const store = createOrgStore(blankDocument(), language);
  let channel: Channel | null = null;
  try {
    channel = new BroadcastChannel('org-designer') as unknown as Channel;
  } catch {
    /* one tab only */
  }
  const workspace = new Workspace({
    library,
    store,
    tabId: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    local,
    session: webStorage('sessionStorage'),
    channel,
    load: loadDocument,
    firstDocument: async () => (await defaultPreset()) ?? blankDocument(),
    message: (key, values) => translate(store.getState().language, key, values),
  });
  await workspace.start();

  // Each loaded document (not each edit) is run through the edit pipeline while idle, so
  // the first edits after opening a large organization are as fast as the later ones.
  let stopWarmUp = warmUp(store.getState().doc);
  store.subscribe((state, previous) => {
    if (state.generation !== previous.generation) {
      stopWarmUp();
      stopWarmUp = warmUp(state.doc);
    }
    if (state.language !== previous.language) {
      try {
        local?.setItem(LANGUAGE_KEY, state.language);
      } catch {
        /* the language is a preference: not saving it loses nothing */
      }
      document.documentElement.lang = state.language;
    }
  });
  document.documentElement.lang = language;

  // The page may be gone before an asynchronous save lands: drafts are committed and the
  // unsaved edits written synchronously as a journal, applied at the next start.
  window.addEventListener('pagehide', () => {
    commitDrafts();
    workspace.autosaver.writeJournal();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      commitDrafts();
      void workspace.autosaver.flush();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (workspace.hasUnsaved || hasDrafts()) {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    }
  });
  return { store, workspace };
}
