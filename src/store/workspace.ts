/**
 * The workspace: the library of documents, the one open in this tab, its autosave,
 * and what other tabs do. Framework-free: the React layer renders what it says and
 * calls its actions; tests drive it with an in-memory IndexedDB.
 *
 * - Opening reads a document through the one import pipeline; a stored text that does
 *   not load is kept as it is, listed as "could not be opened", never overwritten.
 * - New, a preset and Import create a new library document; the open one stays.
 * - Another tab's save of the open document is taken over when this tab has nothing
 *   unsaved; otherwise this tab's save is refused (the first to save wins) and the
 *   user chooses: keep theirs, or keep this tab's edits as a copy.
 * - A scenario is a copy that remembers its base in its library entry (never in its text).
 *   "Make current" puts a scenario's content into its base as one undoable step, after
 *   keeping the base's content as a version.
 */
import type { ParseResult } from '../schema/load.ts';
import { MAX_LENGTH } from '../schema/constants.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { renameDocument } from '../model/commands.ts';
import { Autosaver, JOURNAL_PREFIX, type Journal, type KeyValueStorage, type SaveStatus } from './autosave.ts';
import type { DocumentEntry, Library, VersionEntry } from './library.ts';
import type { OrgStore } from './orgStore.ts';

/** What the version before the library kept in localStorage: moved into the library on first start. */
export const LEGACY_DOCUMENT_KEY = 'org-designer:document';
export const LEGACY_STAMP_KEY = 'org-designer:stamp';
export const LEGACY_ASIDE_PREFIX = 'org-designer:unreadable:';
/** The library id of the document moved over from localStorage. */
export const LEGACY_ID = 'legacy';
/** Per tab (sessionStorage): the document this tab had open, reopened on reload. */
export const TAB_OPEN_KEY = 'org-designer:open';
/** In the library: the document opened last in any tab, opened by a new tab. */
const LAST_OPEN_SETTING = 'last-open';

export type Message = (key: MessageKey, values?: Record<string, string>) => string;
export type MessageKey =
  | 'openFailed'
  | 'copyName'
  | 'updatedFromOtherTab'
  | 'recoveredName'
  | 'legacyUnreadableName'
  | 'switchRefused'
  | 'libraryActionFailed'
  | 'scenarioName'
  | 'scenarioBaseUnavailable'
  | 'scenarioMadeCurrent';

/** Messages between tabs of this origin. */
type TabMessage = { readonly type: 'saved'; readonly entry: DocumentEntry } | { readonly type: 'library' };

export interface Channel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: { data: TabMessage }) => void) | null;
}

export interface WorkspaceOptions {
  readonly library: Library;
  readonly store: OrgStore;
  readonly tabId: string;
  /** localStorage: the legacy document and the journal; null when refused. */
  readonly local: ListableStorage | null;
  /** sessionStorage: the document this tab had open. */
  readonly session: KeyValueStorage | null;
  readonly channel: Channel | null;
  /** The one import pipeline. */
  readonly load: (text: string) => Promise<ParseResult>;
  /** The document a first start opens (a preset). */
  readonly firstDocument: () => Promise<OrgDocument>;
  readonly message: Message;
  readonly throttleMs?: number;
  readonly now?: () => number;
}

/** localStorage's shape: keys can be listed. */
export interface ListableStorage extends KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
}

const keysWith = (storage: ListableStorage, prefix: string): string[] => {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
};

const safely = <T>(f: () => T): T | null => {
  try {
    return f();
  } catch {
    return null;
  }
};

/** The legacy text as the library stores it (compact): a moved-over copy is recognized by it. */
const compactText = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
};

/**
 * The name of a new scenario of `base`: the first "<base> — scenario N" no document has,
 * the base's name shortened if needed so that the whole stays within the format's bound on names.
 */
export function scenarioName(base: string, taken: ReadonlySet<string>, format: (values: Record<string, string>) => string): string {
  for (let n = 1; ; n++) {
    const full = format({ name: base, n: String(n) });
    const over = full.length - MAX_LENGTH.name;
    const name = over > 0 ? format({ name: base.slice(0, Math.max(0, base.length - over)), n: String(n) }) : full;
    if (!taken.has(name)) return name;
  }
}

/** A new document id: random, so two tabs never pick the same one. */
export function newDocumentId(): string {
  return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export class Workspace {
  readonly library: Library;
  readonly store: OrgStore;
  readonly autosaver: Autosaver;
  private readonly options: WorkspaceOptions;
  private readonly statusListeners = new Set<(status: SaveStatus) => void>();
  private readonly libraryListeners = new Set<() => void>();
  /** Bumped on every change of the library, so lists know to read it again. */
  private libraryRev = 0;
  /** While starting, alerts wait here: opening a document clears the store's alert. */
  private startAlerts: string[] | null = null;

  constructor(options: WorkspaceOptions) {
    this.options = options;
    this.library = options.library;
    this.store = options.store;
    this.autosaver = new Autosaver({
      library: options.library,
      tabId: options.tabId,
      journal: options.local,
      throttleMs: options.throttleMs,
      now: options.now,
      onStatus: (s) => this.statusListeners.forEach((l) => l(s)),
      onSaved: (entry) => {
        this.post({ type: 'saved', entry });
        this.libraryChanged();
      },
    });
    this.store.subscribe((state, previous) => {
      if (state.doc !== previous.doc && state.documentId === previous.documentId) this.autosaver.schedule(state.doc);
    });
    if (options.channel) options.channel.onmessage = (event) => void this.receive(event.data);
  }

  // ---- subscriptions for the UI ----

  get status(): SaveStatus {
    return this.autosaver.status;
  }
  subscribeStatus(listener: (status: SaveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }
  /** A number that changes whenever the library does. */
  get libraryRevision(): number {
    return this.libraryRev;
  }
  subscribeLibrary(listener: () => void): () => void {
    this.libraryListeners.add(listener);
    return () => this.libraryListeners.delete(listener);
  }
  /** True while closing the tab would lose something. */
  get hasUnsaved(): boolean {
    return this.autosaver.hasUnsaved;
  }

  // ---- start ----

  /** Moves legacy data over, applies journals, and opens the document this tab should show. */
  async start(): Promise<void> {
    this.startAlerts = [];
    await this.migrateLegacy();
    await this.applyJournals();
    if (!(await this.openFirst())) await this.createDocument(await this.options.firstDocument());
    const alerts = this.startAlerts;
    this.startAlerts = null;
    if (alerts.length > 0) this.store.getState().showAlert(alerts.join(' '));
  }

  /** Opens the document this tab had, else the one opened last, else the newest; false when there is none. */
  private async openFirst(): Promise<boolean> {
    const candidates = [safely(() => this.options.session?.getItem(TAB_OPEN_KEY)) ?? undefined, await this.library.getSetting(LAST_OPEN_SETTING).catch(() => undefined)];
    for (const id of candidates) {
      // A document put in the trash meanwhile (in another tab) is not opened again.
      const entry = id ? await this.library.entry(id).catch(() => undefined) : undefined;
      if (entry && entry.trashedAt === undefined && (await this.tryOpen(entry.id, true))) return true;
    }
    const newest = (await this.library.list()).filter((e) => e.status === 'ok' && e.trashedAt === undefined);
    for (const entry of newest) if (await this.tryOpen(entry.id, true)) return true;
    return false;
  }

  private alert(text: string) {
    if (this.startAlerts) this.startAlerts.push(text);
    else this.store.getState().showAlert(text);
  }

  /** The localStorage document of the previous version becomes a library document; its key is removed only once it is stored. */
  private async migrateLegacy(): Promise<void> {
    const local = this.options.local;
    if (!local) return;
    // Storage that lasts: the legacy keys go once stored. In memory, they stay where they are.
    const persistent = this.library.persistent;
    const text = safely(() => local.getItem(LEGACY_DOCUMENT_KEY));
    const asides = safely(() => keysWith(local, LEGACY_ASIDE_PREFIX)) ?? [];
    if (text !== null) {
      const result = await this.options.load(text);
      const existing = await this.library.entry(LEGACY_ID);
      let id = LEGACY_ID;
      if (result.ok) {
        const already = existing?.status === 'ok' && (await this.library.text(LEGACY_ID)) === compactText(text);
        // A second legacy document (an old version saved again) never replaces the first one moved over.
        if (existing?.status === 'ok' && !already) id = newDocumentId();
        if (!already && !(await this.storeDocument(id, result.doc))) return;
      } else {
        // Kept once: a newer unreadable legacy text replaces the older one, never piling up.
        const name = this.options.message('legacyUnreadableName');
        await this.library.keep(LEGACY_ID, text, result.error.code === 'newer-version' ? 'newer' : 'unreadable', result.error.message, name);
        this.alert(this.options.message('openFailed', { name, message: result.error.message }));
      }
      if (persistent) {
        safely(() => local.removeItem(LEGACY_DOCUMENT_KEY));
        safely(() => local.removeItem(LEGACY_STAMP_KEY));
      }
      await this.library.setSetting(LAST_OPEN_SETTING, id).catch(() => {});
    }
    for (const key of asides) {
      const aside = safely(() => local.getItem(key));
      if (aside === null) continue;
      const result = await this.options.load(aside);
      const id = `aside-${key.slice(LEGACY_ASIDE_PREFIX.length)}`;
      if (result.ok) {
        if (!(await this.storeDocument(id, result.doc))) continue;
      } else {
        await this.library.keep(id, aside, result.error.code === 'newer-version' ? 'newer' : 'unreadable', result.error.message, this.options.message('legacyUnreadableName'));
      }
      if (persistent) safely(() => local.removeItem(key));
    }
  }

  /** Stores a document under `id` without opening it; false when storage refused it. */
  private async storeDocument(id: string, doc: OrgDocument): Promise<boolean> {
    const saver = new Autosaver({ library: this.library, tabId: this.options.tabId });
    saver.attach(id, doc);
    await saver.flush();
    return !saver.hasUnsaved;
  }

  /** Journals left by tabs that went away before their save landed. */
  private async applyJournals(): Promise<void> {
    const local = this.options.local;
    if (!local || !this.library.persistent) return;
    const keys = safely(() => keysWith(local, JOURNAL_PREFIX)) ?? [];
    for (const key of keys) {
      const journal = safely(() => JSON.parse(local.getItem(key) ?? 'null') as Journal | null);
      if (journal?.write) {
        const entry = await this.library.entry(journal.id);
        const landed = entry && entry.tab === journal.tab && entry.rev > journal.rev;
        if (!landed) {
          const outcome = entry && entry.rev === journal.rev ? await this.library.save(journal.id, journal.write, journal.rev, journal.tab) : null;
          // The document changed since (another tab): the journal's edits become a document of their own.
          if (!outcome?.ok) await this.recoverAsCopy(journal);
        }
      }
      safely(() => local.removeItem(key));
    }
  }

  private async recoverAsCopy(journal: Journal): Promise<void> {
    const text = await this.library.assemble(journal.write);
    const result = text === null ? null : await this.options.load(text);
    // The chunks it shares with its base are gone too: nothing left to recover.
    if (result?.ok) await this.saveCopy(result.doc, 'recoveredName');
  }

  // ---- opening and creating ----

  /** Opens a library document in this tab; false (and a message) when it cannot be opened. */
  async openDocument(id: string): Promise<boolean> {
    if (id === this.store.getState().documentId) return true;
    return this.tryOpen(id, false);
  }

  /** `undoOpen`: what Undo does while the opened document has no history (see `createDocument`). */
  private async tryOpen(id: string, quietIfMissing: boolean, undoOpen: (() => void) | null = null): Promise<boolean> {
    const entry = await this.library.entry(id).catch(() => undefined);
    if (!entry) {
      if (!quietIfMissing) this.alert(this.options.message('openFailed', { name: id, message: '' }));
      return false;
    }
    if (entry.status !== 'ok') {
      if (!quietIfMissing) this.alert(this.options.message('openFailed', { name: entry.name, message: entry.problem ?? '' }));
      return false;
    }
    const [text, manifest] = await Promise.all([this.library.text(id), this.library.manifest(id)]);
    const result = text === null ? null : await this.options.load(text);
    if (!result?.ok) {
      const problem = result && !result.ok ? result.error.message : 'Parts of the stored document are missing.';
      // Kept exactly as it was, listed as could not be opened; never written over.
      await this.library.keep(id, text ?? '', result && !result.ok && result.error.code === 'newer-version' ? 'newer' : 'unreadable', problem, entry.name);
      this.alert(this.options.message('openFailed', { name: entry.name, message: problem }));
      this.libraryChanged();
      return false;
    }
    if (!(await this.leave())) return false;
    this.autosaver.attach(id, result.doc, { entry, manifest });
    this.store.getState().open(id, result.doc, undoOpen);
    this.remember(id);
    // A version as it was when opened (skipped when the newest version is the same).
    await this.library.snapshot(id).catch(() => {});
    this.libraryChanged();
    return true;
  }

  /** Creates a library document from `doc` (New, a preset, Import, a copy) and opens it. */
  async createDocument(doc: OrgDocument): Promise<string | null> {
    const before = this.store.getState().documentId;
    if (!(await this.leave())) return null;
    const id = newDocumentId();
    this.autosaver.attach(id, doc);
    // Undo right after goes back to the document open before: creating one is a step like any other.
    this.store.getState().open(id, doc, before ? () => void this.undoCreate(id, before) : null);
    this.remember(id);
    await this.autosaver.flush();
    this.libraryChanged();
    return id;
  }

  /**
   * Lets go of the open document before another is shown. Edits another tab's save
   * stopped are kept as a copy; edits that storage refused keep the document open
   * (an alert says why): switching would lose them.
   */
  private async leave(): Promise<boolean> {
    const paused = this.autosaver.status.kind === 'paused';
    if (this.autosaver.documentId !== null && this.autosaver.status.kind === 'not-saved' && this.autosaver.hasUnsaved && this.library.persistent) {
      await this.autosaver.flush();
      if (this.autosaver.status.kind === 'not-saved') {
        this.alert(this.options.message('switchRefused'));
        return false;
      }
    }
    const left = await this.autosaver.detach();
    if (left && paused) await this.saveCopy(left, 'copyName');
    return true;
  }

  /** Saves a document as a new library document without opening it. */
  private async saveCopy(doc: OrgDocument, name: 'copyName' | 'recoveredName'): Promise<void> {
    const renamed = renameDocument(doc, this.options.message(name, { name: doc.name }).slice(0, MAX_LENGTH.name));
    await this.storeDocument(newDocumentId(), renamed.ok ? renamed.doc : doc);
  }

  /** Undoes creating `created` (not edited since): it goes to the trash and `previous` opens again. */
  private async undoCreate(created: string, previous: string): Promise<void> {
    const state = this.store.getState();
    if (state.documentId !== created || state.past.length > 0) return;
    if (!(await this.tryOpen(previous, false))) return;
    await this.library.setTrashed(created, true);
    this.libraryChanged();
  }

  private remember(id: string) {
    safely(() => this.options.session?.setItem(TAB_OPEN_KEY, id));
    void this.library.setSetting(LAST_OPEN_SETTING, id).catch(() => {});
  }

  // ---- library actions ----

  list(): Promise<DocumentEntry[]> {
    return this.library.list();
  }

  /** Renames a document: the open one through the store (one undoable step), others in the library. */
  rename(id: string, name: string): Promise<void> {
    return this.guard(async () => {
      if (id === this.store.getState().documentId) {
        this.store.getState().run((d) => renameDocument(d, name));
        return;
      }
      await this.library.rename(id, name);
      this.libraryChanged();
    });
  }

  duplicate(id: string): Promise<string | undefined> {
    return this.guard(async () => {
      if (id === this.store.getState().documentId) await this.autosaver.flush();
      const entry = await this.library.entry(id);
      if (!entry) return undefined;
      const copy = await this.library.duplicate(id, newDocumentId(), this.options.message('copyName', { name: entry.name }).slice(0, MAX_LENGTH.name));
      this.libraryChanged();
      return copy?.id;
    });
  }

  /** Puts a document into the trash; the open one is replaced by the newest other document (or a new blank one). */
  trash(id: string, fallback: () => OrgDocument): Promise<void> {
    return this.guard(async () => {
      if (id === this.store.getState().documentId) {
        await this.autosaver.flush();
        await this.library.setTrashed(id, true);
        const next = (await this.library.list()).find((e) => e.id !== id && e.status === 'ok' && e.trashedAt === undefined);
        if (!next || !(await this.tryOpen(next.id, true))) await this.createDocument(fallback());
      } else await this.library.setTrashed(id, true);
      this.libraryChanged();
    });
  }

  restoreFromTrash(id: string): Promise<void> {
    return this.guard(async () => {
      await this.library.setTrashed(id, false);
      this.libraryChanged();
    });
  }

  /** Deletes every trashed document for good. */
  emptyTrash(): Promise<void> {
    return this.guard(async () => {
      for (const e of await this.library.list()) if (e.trashedAt !== undefined && e.id !== this.store.getState().documentId) await this.library.remove(e.id);
      this.libraryChanged();
    });
  }

  /** Deletes a document for good (the open one cannot be). */
  remove(id: string): Promise<void> {
    return this.guard(async () => {
      if (id === this.store.getState().documentId) return;
      await this.library.remove(id);
      this.libraryChanged();
    });
  }

  /**
   * Runs a library action for the UI, which does not await it: a failure (storage refused,
   * a stored text that does not parse) becomes an alert instead of an unhandled rejection.
   */
  private async guard<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (cause) {
      this.alert(this.options.message('libraryActionFailed', { message: cause instanceof Error ? cause.message : String(cause) }));
      return undefined;
    }
  }

  /** The stored text, exactly as it is (to download a document that could not be opened). */
  text(id: string): Promise<string | null> {
    return this.library.text(id);
  }

  // ---- scenarios ----

  /**
   * Reads a document without opening it (the compare view): the open one as it is in this
   * tab, edits not yet saved included; another through the import pipeline. Rejects with a
   * message naming the document when it is missing or does not load.
   */
  async load(id: string): Promise<OrgDocument> {
    const state = this.store.getState();
    if (id === state.documentId) return state.doc;
    const entry = await this.library.entry(id);
    if (!entry) throw new Error(this.options.message('openFailed', { name: id, message: '' }).trim());
    const text = entry.status === 'ok' ? await this.library.text(id) : null;
    const result = text === null ? null : await this.options.load(text);
    if (!result?.ok) {
      const problem = result && !result.ok ? result.error.message : (entry.problem ?? 'Parts of the stored document are missing.');
      throw new Error(this.options.message('openFailed', { name: entry.name, message: problem }));
    }
    return result.doc;
  }

  /**
   * Branches a scenario off a document (a scenario too): a copy of its current content named
   * "<name> — scenario N" (the first N no document uses), whose base is `id`. It becomes the
   * open document; Undo right after goes back to the one open before and trashes the copy,
   * as after New. Returns the scenario's id.
   */
  newScenario(id: string): Promise<string | undefined> {
    return this.guard(async () => {
      const before = this.store.getState().documentId;
      if (id === before) await this.autosaver.flush();
      const entries = await this.library.list();
      const entry = entries.find((e) => e.id === id);
      if (!entry || entry.status !== 'ok') return undefined;
      const name = scenarioName(entry.name, new Set(entries.map((e) => e.name)), (values) => this.options.message('scenarioName', values));
      const copy = await this.library.duplicate(id, newDocumentId(), name, id);
      if (!copy) return undefined;
      this.libraryChanged();
      await this.tryOpen(copy.id, false, before ? () => void this.undoCreate(copy.id, before) : null);
      return copy.id;
    });
  }

  /**
   * Makes a scenario's content the content of its base: the base's stored content is first
   * kept as a version, then the base opens (if it was not open) and takes the scenario's roles,
   * settings and view under its own name, as one step that Undo takes back. The scenario stays
   * as it is. False (and an alert) when the base is in the trash, gone or cannot be opened.
   */
  async makeCurrent(scenarioId: string): Promise<boolean> {
    const done = await this.guard(async () => {
      const scenario = await this.library.entry(scenarioId);
      const base = scenario?.base !== undefined ? await this.library.entry(scenario.base) : undefined;
      if (!scenario || !base || base.status !== 'ok' || base.trashedAt !== undefined) {
        this.alert(this.options.message('scenarioBaseUnavailable', { name: scenario?.name ?? scenarioId }));
        return false;
      }
      const proposed = await this.load(scenarioId);
      if (this.store.getState().documentId === base.id) await this.autosaver.flush();
      await this.library.snapshot(base.id);
      if (!(await this.openDocument(base.id))) return false;
      const state = this.store.getState();
      // The base keeps its name: only what the scenario proposes replaces its content.
      const renamed = renameDocument(proposed, state.doc.name);
      state.replace(renamed.ok ? renamed.doc : proposed);
      state.showNotice(this.options.message('scenarioMadeCurrent', { name: scenario.name, base: state.doc.name }));
      this.libraryChanged();
      return true;
    });
    return done ?? false;
  }

  // ---- versions ----

  versions(): Promise<VersionEntry[]> {
    return this.library.versions(this.store.getState().documentId);
  }

  /** Puts a version back as the open document's content: one undoable step. */
  async restoreVersion(key: number): Promise<boolean> {
    const text = await this.library.versionText(key);
    const result = text === null ? null : await this.options.load(text);
    if (!result?.ok) return false;
    this.store.getState().replace(result.doc);
    return true;
  }

  // ---- two tabs ----

  /** After a conflict: this tab's edits become a new document; the other tab's save stays as it is. */
  async keepMineAsCopy(): Promise<void> {
    const { doc } = this.store.getState();
    const renamed = renameDocument(doc, this.options.message('copyName', { name: doc.name }).slice(0, MAX_LENGTH.name));
    // The edits go with the copy: nothing is left to keep of the paused document.
    await this.autosaver.detach();
    await this.createDocument(renamed.ok ? renamed.doc : doc);
  }

  /** After a conflict, or when another tab saved: shows what is stored (one undoable step). */
  async loadTheirs(): Promise<boolean> {
    const id = this.store.getState().documentId;
    const [entry, text, manifest] = await Promise.all([this.library.entry(id), this.library.text(id), this.library.manifest(id)]);
    if (!entry || entry.status !== 'ok' || text === null) return false;
    const result = await this.options.load(text);
    if (!result.ok) return false;
    this.autosaver.attach(id, result.doc, { entry, manifest });
    this.store.getState().replace(result.doc);
    return true;
  }

  private async receive(message: TabMessage): Promise<void> {
    if (message.type === 'saved') {
      const { entry } = message;
      if (entry.id === this.store.getState().documentId && entry.tab !== this.autosaver.tabId && entry.rev > this.autosaver.revision && !this.autosaver.hasUnsaved) {
        if (await this.loadTheirs()) this.store.getState().showNotice(this.options.message('updatedFromOtherTab'));
      }
    }
    this.libraryRev++;
    this.libraryListeners.forEach((l) => l());
  }

  private post(message: TabMessage) {
    safely(() => this.options.channel?.postMessage(message));
  }

  private libraryChanged() {
    this.libraryRev++;
    this.libraryListeners.forEach((l) => l());
    this.post({ type: 'library' });
  }
}
