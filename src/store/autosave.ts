/**
 * Autosave to localStorage (design.md, Reliability): throttled, flushed when the page
 * is hidden, never before the saved document has been read, never over a saved
 * document it could not read, never silently over another tab's newer save.
 * Storage errors are reported while the edits stay in memory.
 *
 * Saved: the canonical JSON of the document without indentation (half the size of
 * the exported file: browser storage is small), read back through loadDocument, the
 * one import pipeline; and a stamp `{ rev, tab }` that tells tabs apart.
 */
import { compactDocumentJson } from '../io/serialize.ts';
import { loadDocument, type LoadError, type LoadNote } from '../schema/load.ts';
import type { OrgDocument } from '../schema/v1.ts';

export const DOCUMENT_KEY = 'org-designer:document';
export const STAMP_KEY = 'org-designer:stamp';
/** Unreadable saved documents are copied under this prefix before anything is written. */
export const ASIDE_PREFIX = 'org-designer:unreadable:';
export const THROTTLE_MS = 300;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Stamp {
  readonly rev: number;
  readonly tab: string;
}

export type Restored =
  | { readonly kind: 'empty' }
  | { readonly kind: 'loaded'; readonly doc: OrgDocument; readonly notes: readonly LoadNote[] }
  /** The saved text could not be read; it was copied to `keptAs` (null: copying failed, autosave is off). */
  | { readonly kind: 'unreadable'; readonly error: LoadError; readonly keptAs: string | null }
  /** Saved by a newer version: left untouched, autosave is off until the user overwrites it. */
  | { readonly kind: 'newer'; readonly error: LoadError };

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'paused'; readonly reason: 'newer' | 'unreadable' }
  | { readonly kind: 'conflict' };

export interface AutosaveOptions {
  readonly storage: KeyValueStorage;
  readonly throttleMs?: number;
  readonly onStatus?: (status: SaveStatus) => void;
  readonly tabId?: string;
  readonly now?: () => number;
}

const readStamp = (text: string | null): Stamp | null => {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Stamp>;
    return typeof value.rev === 'number' && typeof value.tab === 'string' ? { rev: value.rev, tab: value.tab } : null;
  } catch {
    return null;
  }
};

const describe = (cause: unknown): string => {
  const name = (cause as { name?: string })?.name;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'the browser storage is full';
  return cause instanceof Error ? cause.message : String(cause);
};

/** An autosaver bound to one storage; `restore` must run before anything is saved. */
export class Autosaver {
  private readonly storage: KeyValueStorage;
  private readonly throttleMs: number;
  private readonly onStatus: (status: SaveStatus) => void;
  private readonly now: () => number;
  readonly tabId: string;
  private restored = false;
  private paused: 'newer' | 'unreadable' | 'conflict' | null = null;
  /** The stamp this tab last read or wrote: a different one in storage is another tab's save. */
  private knownRev = 0;
  private pending: OrgDocument | null = null;
  private lastSaved: OrgDocument | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: AutosaveOptions) {
    this.storage = options.storage;
    this.throttleMs = options.throttleMs ?? THROTTLE_MS;
    this.onStatus = options.onStatus ?? (() => {});
    this.now = options.now ?? Date.now;
    this.tabId = options.tabId ?? Math.random().toString(36).slice(2);
  }

  /** Reads the saved document. Until this has finished, nothing is ever written. */
  async restore(): Promise<Restored> {
    // Reading may load zod (a saved document the fast validator refuses): nothing is saved meanwhile.
    this.restored = false;
    try {
      return await this.read();
    } finally {
      this.restored = true;
    }
  }

  private async read(): Promise<Restored> {
    let text: string | null;
    try {
      text = this.storage.getItem(DOCUMENT_KEY);
      this.knownRev = readStamp(this.storage.getItem(STAMP_KEY))?.rev ?? 0;
    } catch (cause) {
      this.report({ kind: 'error', message: `Could not read the saved document: ${describe(cause)}.` });
      this.paused = 'unreadable';
      return { kind: 'unreadable', error: { code: 'invalid', message: describe(cause), issues: [] }, keptAs: null };
    }
    if (text === null) return { kind: 'empty' };
    const result = await loadDocument(text);
    if (result.ok) {
      this.lastSaved = result.doc;
      return { kind: 'loaded', doc: result.doc, notes: result.notes };
    }
    if (result.error.code === 'newer-version') {
      this.paused = 'newer';
      this.report({ kind: 'paused', reason: 'newer' });
      return { kind: 'newer', error: result.error };
    }
    // Keep the unreadable text aside before anything may overwrite it.
    const keptAs = `${ASIDE_PREFIX}${this.now()}`;
    try {
      this.storage.setItem(keptAs, text);
      return { kind: 'unreadable', error: result.error, keptAs };
    } catch {
      this.paused = 'unreadable';
      this.report({ kind: 'paused', reason: 'unreadable' });
      return { kind: 'unreadable', error: result.error, keptAs: null };
    }
  }

  /** Asks for `doc` to be saved within the throttle interval. */
  schedule(doc: OrgDocument): void {
    if (!this.restored || doc === this.lastSaved) return;
    this.pending = doc;
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.throttleMs);
  }

  /** Saves what is pending now (page hidden, tab closing). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const doc = this.pending;
    if (!doc || !this.restored || this.paused) return;
    const stamp = this.readStoredStamp();
    if (stamp && stamp.rev !== this.knownRev && stamp.tab !== this.tabId) {
      this.paused = 'conflict';
      this.report({ kind: 'conflict' });
      return;
    }
    this.write(doc);
  }

  /** Saves `doc` over whatever is stored: the user chose to keep this tab's version, or to overwrite a newer file. */
  overwrite(doc: OrgDocument): void {
    this.paused = null;
    this.pending = doc;
    this.write(doc);
  }

  /** Reads what another tab saved, adopting its stamp; the caller shows the document. */
  adoptStored(): Promise<Restored> {
    this.paused = null;
    this.pending = null;
    return this.restore();
  }

  /** Whether a change of the stored stamp (a `storage` event) came from another tab. */
  isForeignChange(stampText: string | null): boolean {
    const stamp = readStamp(stampText);
    return stamp !== null && stamp.tab !== this.tabId && stamp.rev !== this.knownRev;
  }

  /** Marks another tab's save as a conflict, so nothing is written over it until the user chooses. */
  markConflict(): void {
    this.paused = 'conflict';
    this.report({ kind: 'conflict' });
  }

  get hasUnsaved(): boolean {
    return this.pending !== null && this.pending !== this.lastSaved;
  }

  private readStoredStamp(): Stamp | null {
    try {
      return readStamp(this.storage.getItem(STAMP_KEY));
    } catch {
      return null;
    }
  }

  private write(doc: OrgDocument): void {
    const rev = Math.max(this.knownRev, this.readStoredStamp()?.rev ?? 0) + 1;
    try {
      this.storage.setItem(DOCUMENT_KEY, compactDocumentJson(doc));
      this.storage.setItem(STAMP_KEY, JSON.stringify({ rev, tab: this.tabId }));
    } catch (cause) {
      // The edits stay in memory; the next edit or flush tries again.
      this.report({ kind: 'error', message: `Could not save: ${describe(cause)}. Your edits are kept in this tab; export JSON to keep a copy.` });
      return;
    }
    this.knownRev = rev;
    this.lastSaved = doc;
    if (this.pending === doc) this.pending = null;
    this.report({ kind: 'saved', at: this.now() });
  }

  private report(status: SaveStatus): void {
    this.onStatus(status);
  }
}
