/**
 * Autosave of the open document into the library (design.md, Reliability): throttled,
 * never waiting in an edit, writing only the chunks an edit changed (chunks.ts: a save
 * after one edit serializes ~64 roles, not the document), one write in flight at a time,
 * never over another tab's newer save, and a status that never claims more than happened.
 *
 * When the page goes away a save may not finish (IndexedDB is asynchronous), so what is
 * not yet saved is also written synchronously as a journal to localStorage: the changed
 * chunks only, applied at the next start if the save did not land.
 */
import { compactDocumentParts, compactRolesJson } from '../io/serialize.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { chunkRoles, matchChunks, type Chunk } from './chunks.ts';
import type { DocumentEntry, Library, Manifest, SaveOutcome, Write } from './library.ts';

export const THROTTLE_MS = 300;
/** While editing, a version is kept at least this often. */
export const VERSION_EVERY_MS = 10 * 60 * 1000;
export const JOURNAL_PREFIX = 'org-designer:journal:';
/** A journal larger than this is not written (localStorage holds ~5 M characters); closing the tab asks first anyway. */
const MAX_JOURNAL_CHARS = 2_000_000;

/** Exactly one of these is shown. */
export type SaveStatus =
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'saving' }
  /** `blocked`: the browser refuses storage; `quota`: storage is full; `error`: anything else (`detail`). */
  | { readonly kind: 'not-saved'; readonly reason: 'blocked' | 'quota' | 'error'; readonly detail?: string }
  /** Another tab saved (or deleted) this document: nothing is written over it until the user chooses. */
  | { readonly kind: 'paused'; readonly reason: 'conflict'; readonly theirs: DocumentEntry | undefined };

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What was last written: the document, its chunks and their keys, to tell what an edit changed. */
interface Saved {
  readonly doc: OrgDocument;
  readonly chunks: readonly Chunk[];
  readonly keys: readonly string[];
}

export interface Journal {
  readonly id: string;
  readonly rev: number;
  readonly tab: string;
  readonly write: Write;
}

export interface AutosaverOptions {
  readonly library: Library;
  readonly tabId: string;
  readonly onStatus?: (status: SaveStatus) => void;
  /** Told after each successful save (to tell other tabs). */
  readonly onSaved?: (entry: DocumentEntry) => void;
  /** Where the journal goes when the page is hidden; none: no journal. */
  readonly journal?: KeyValueStorage | null;
  readonly throttleMs?: number;
  readonly now?: () => number;
}

/** Saves one open document at a time into the library. */
export class Autosaver {
  private readonly library: Library;
  readonly tabId: string;
  private readonly onStatus: (status: SaveStatus) => void;
  private readonly onSaved: (entry: DocumentEntry) => void;
  private readonly journal: KeyValueStorage | null;
  private readonly throttleMs: number;
  private readonly now: () => number;

  private id: string | null = null;
  private rev = 0;
  private saved: Saved | null = null;
  /** The newest document asked to be saved, if it is not the saved one. */
  private pending: OrgDocument | null = null;
  private writing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastVersionAt = 0;
  /** Edited since opened (in memory, since the tab opened): what closing the tab would lose when nothing persists. */
  private touched = false;
  private keySeq = 0;
  private parts: { readonly of: readonly unknown[]; readonly head: string; readonly tail: string } | null = null;
  private current: SaveStatus;

  constructor(options: AutosaverOptions) {
    this.library = options.library;
    this.tabId = options.tabId;
    this.onStatus = options.onStatus ?? (() => {});
    this.onSaved = options.onSaved ?? (() => {});
    this.journal = options.journal ?? null;
    this.throttleMs = options.throttleMs ?? THROTTLE_MS;
    this.now = options.now ?? Date.now;
    this.current = this.library.persistent ? { kind: 'saving' } : { kind: 'not-saved', reason: 'blocked' };
  }

  get status(): SaveStatus {
    return this.current;
  }

  get documentId(): string | null {
    return this.id;
  }

  /** True while an edit is not yet stored (or cannot be), so closing the tab should ask first. */
  get hasUnsaved(): boolean {
    return this.pending !== null || this.writing !== null || this.current.kind === 'paused' || (!this.library.persistent && this.touched);
  }

  /**
   * Follows a document from now on. `entry` and `manifest` describe it as stored (opened
   * from the library); without them it is new and is saved at once.
   */
  attach(id: string, doc: OrgDocument, stored?: { readonly entry: DocumentEntry; readonly manifest: Manifest | undefined }): void {
    this.cancelTimer();
    this.id = id;
    this.pending = null;
    this.parts = null;
    // In memory, every document of the session is lost with the tab: once edited, always unsaved.
    if (this.library.persistent) this.touched = false;
    this.lastVersionAt = this.now();
    if (stored) {
      this.rev = stored.entry.rev;
      // Chunk boundaries depend on the ids alone: the stored chunks are this document's chunks, in order.
      const chunks = chunkRoles(doc.roles);
      const keys = stored.manifest?.chunks ?? [];
      this.saved = keys.length === chunks.length ? { doc, chunks, keys } : null;
      if (this.saved === null) this.pending = doc;
      this.report(this.library.persistent ? { kind: 'saved', at: stored.entry.updatedAt } : { kind: 'not-saved', reason: 'blocked' });
    } else {
      this.rev = 0;
      this.saved = null;
      this.pending = doc;
      this.lastVersionAt = 0;
      this.report(this.library.persistent ? { kind: 'saving' } : { kind: 'not-saved', reason: 'blocked' });
    }
    if (this.pending) this.arm(0);
  }

  /** Asks for `doc` to be saved within the throttle interval. */
  schedule(doc: OrgDocument): void {
    if (this.id === null) return;
    if (doc === this.saved?.doc && this.writing === null) {
      this.pending = null;
      return;
    }
    this.pending = doc;
    this.touched = true;
    // A failing or paused save keeps its banner while edits go on: only a successful save ends it.
    if (this.current.kind === 'saved') this.report({ kind: 'saving' });
    this.arm(this.throttleMs);
  }

  /** Saves what is pending now; resolves when nothing is being written. */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.writing) await this.writing;
    const doc = this.pending;
    if (!doc || this.id === null || this.current.kind === 'paused') return;
    this.writing = this.write(this.id, doc).finally(() => {
      this.writing = null;
    });
    await this.writing;
    // Edits made meanwhile are saved next; after a failure, again a little later.
    const after = this.status.kind;
    if (this.pending && after !== 'paused') this.arm(after === 'not-saved' ? 5000 : 0);
  }

  /** The page is going away: writes the journal of what is unsaved, synchronously, and starts a save. */
  writeJournal(): void {
    const doc = this.pending;
    if (!doc || this.id === null || !this.journal || this.current.kind === 'paused') return;
    const { write } = this.prepare(doc);
    const journal: Journal = { id: this.id, rev: this.rev, tab: this.tabId, write };
    const text = JSON.stringify(journal);
    if (text.length > MAX_JOURNAL_CHARS) return;
    try {
      this.journal.setItem(JOURNAL_PREFIX + this.tabId, text);
    } catch {
      /* storage refused: the beforeunload prompt has warned */
    }
    void this.flush();
  }

  /**
   * Stops following the document (another one is opened) once its last save is done.
   * Returns the edits that could not be saved (paused or failing), for the caller to keep.
   */
  async detach(): Promise<OrgDocument | null> {
    await this.flush();
    const left = this.pending;
    this.cancelTimer();
    this.id = null;
    this.saved = null;
    this.pending = null;
    return left;
  }

  /** The revision this tab last read or wrote. */
  get revision(): number {
    return this.rev;
  }

  private arm(delay: number) {
    if (this.timer === null) this.timer = setTimeout(() => void this.flush(), delay);
  }

  private cancelTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The write for `doc`: new chunks for what changed since the last save, keys of the rest. */
  private prepare(doc: OrgDocument): { readonly write: Write; readonly chunks: readonly Chunk[] } {
    const roles = doc.roles;
    const chunks = chunkRoles(roles);
    const saved = this.saved;
    const match = saved ? matchChunks(roles, chunks, saved.doc.roles, saved.chunks) : null;
    const items = chunks.map((c, i) => {
      const old = match?.[i] ?? -1;
      return old >= 0 ? { key: saved!.keys[old]! } : { key: `${this.id}:${this.tabId}:${this.now().toString(36)}.${(this.keySeq++).toString(36)}`, text: compactRolesJson(roles.slice(c.start, c.end)) };
    });
    // The head and tail change with the name, settings or view only (the view may hold 50,000 positions).
    const of = [doc.name, doc.description, doc.currency, doc.period, doc.settings, doc.view];
    if (!this.parts || this.parts.of.some((v, i) => v !== of[i])) this.parts = { of, ...compactDocumentParts(doc) };
    return { write: { head: this.parts.head, tail: this.parts.tail, chunks: items, name: doc.name, roles: roles.length }, chunks };
  }

  private async write(id: string, doc: OrgDocument): Promise<void> {
    const { write, chunks } = this.prepare(doc);
    const version = this.lastVersionAt === 0 || this.now() - this.lastVersionAt >= VERSION_EVERY_MS;
    let outcome: SaveOutcome;
    try {
      outcome = await this.library.save(id, write, this.rev, this.tabId, { version });
    } catch (cause) {
      outcome = { ok: false, kind: 'error', message: cause instanceof Error ? cause.message : String(cause) };
    }
    if (this.id !== id) return;
    if (!outcome.ok) {
      if (outcome.kind === 'conflict') this.report({ kind: 'paused', reason: 'conflict', theirs: outcome.entry });
      else this.report({ kind: 'not-saved', reason: outcome.kind, detail: outcome.message });
      return;
    }
    if (version) this.lastVersionAt = this.now();
    this.rev = outcome.entry.rev;
    this.saved = { doc, chunks, keys: write.chunks.map((c) => c.key) };
    if (this.pending === doc) this.pending = null;
    try {
      this.journal?.removeItem(JOURNAL_PREFIX + this.tabId);
    } catch {
      /* nothing to remove */
    }
    this.onSaved(outcome.entry);
    if (!this.library.persistent) this.report({ kind: 'not-saved', reason: 'blocked' });
    else this.report(this.pending ? { kind: 'saving' } : { kind: 'saved', at: outcome.entry.updatedAt });
  }

  private report(status: SaveStatus) {
    this.current = status;
    this.onStatus(status);
  }
}
