/**
 * The library of documents, kept in IndexedDB (through `idb`), or in memory when the
 * browser refuses storage. Framework-free; the autosaver and the Documents dialog use it.
 *
 * Stores:
 * - `documents`: one small entry per document (name, role count, last change, revision
 *   stamp, status, and for a scenario its base). Listing the library reads only these,
 *   never a document.
 * - `manifests`: per document, how to assemble its text: `head + chunk texts + tail`
 *   (see `compactDocumentParts`); an unreadable text is kept whole as a head alone.
 * - `chunks`: the texts of runs of roles (chunks.ts), keyed `<document>:<tab>:<n>`, never
 *   changed once written: a save writes new chunks for what changed and a new manifest,
 *   and deletes the chunks nothing refers to any more, in one transaction.
 * - `versions`: snapshots, each a manifest of its own sharing the document's chunks, so a
 *   snapshot costs a few hundred keys, not a copy of the document.
 * - `settings`: which document was open last.
 *
 * Every write of one document is one transaction: it lands whole or not at all.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { splitAtRoles } from '../io/serialize.ts';

export const DB_NAME = 'org-designer';
const DB_VERSION = 1;
/** Each document keeps this many versions; the oldest go first. */
export const MAX_VERSIONS = 20;

export type EntryStatus = 'ok' | 'unreadable' | 'newer';

export interface DocumentEntry {
  readonly id: string;
  readonly name: string;
  readonly roles: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Counts saves; a save expecting another revision was overtaken by another tab. */
  readonly rev: number;
  /** The tab that saved last. */
  readonly tab: string;
  /** `unreadable` and `newer` documents are listed and downloadable, never opened nor overwritten. */
  readonly status: EntryStatus;
  /** Why it could not be opened. */
  readonly problem?: string;
  /** Set when the document is in the trash. */
  readonly trashedAt?: number;
  /**
   * Set on a scenario: the id of the document it was branched from. The link lives here
   * only, never in the document's text, so an exported scenario is an ordinary document.
   * Entries stored before scenarios existed have none: they are plain documents.
   */
  readonly base?: string;
}

/** What an entry keeps from the stored one when a save or `keep` writes it anew. */
const kept = (before: DocumentEntry | undefined): Pick<DocumentEntry, 'trashedAt' | 'base'> => ({
  ...(before?.trashedAt !== undefined ? { trashedAt: before.trashedAt } : {}),
  ...(before?.base !== undefined ? { base: before.base } : {}),
});

/** How a text is assembled: `head + chunks' texts joined by "," + tail`. */
export interface Manifest {
  readonly head: string;
  readonly tail: string;
  readonly chunks: readonly string[];
}

export interface VersionEntry {
  readonly key: number;
  readonly docId: string;
  readonly at: number;
  readonly name: string;
  readonly roles: number;
}

interface VersionRecord extends Manifest {
  readonly docId: string;
  readonly at: number;
  readonly name: string;
  readonly roles: number;
}

interface LibrarySchema extends DBSchema {
  documents: { key: string; value: DocumentEntry };
  manifests: { key: string; value: Manifest };
  chunks: { key: string; value: string };
  versions: { key: number; value: VersionRecord; indexes: { docId: string } };
  settings: { key: string; value: string };
}

/** What a save writes: the new manifest's parts, with the text of each chunk not yet stored. */
export interface Write {
  readonly head: string;
  readonly tail: string;
  readonly chunks: readonly { readonly key: string; readonly text?: string }[];
  readonly name: string;
  readonly roles: number;
}

export type SaveOutcome =
  | { readonly ok: true; readonly entry: DocumentEntry }
  /** Another tab saved (or deleted) the document since the revision this tab knows. */
  | { readonly ok: false; readonly kind: 'conflict'; readonly entry: DocumentEntry | undefined }
  | { readonly ok: false; readonly kind: 'quota' | 'error'; readonly message: string };

export interface Library {
  /** False for the memory stand-in: nothing outlives the tab. */
  readonly persistent: boolean;
  /** Every entry, trashed ones too, newest change first. */
  list(): Promise<DocumentEntry[]>;
  entry(id: string): Promise<DocumentEntry | undefined>;
  /** The stored text of a document, exactly as written. */
  text(id: string): Promise<string | null>;
  /** The text a write describes: its new chunks' texts, and the stored texts of the chunks it only names; null if one is gone. */
  assemble(write: Write): Promise<string | null>;
  /** The manifest of a document (to pair its chunks with the roles of the loaded document). */
  manifest(id: string): Promise<Manifest | undefined>;
  /** Writes a document's new state if the stored revision is still `expectRev` (0: a new document). */
  save(id: string, write: Write, expectRev: number, tab: string, options?: { readonly version?: boolean }): Promise<SaveOutcome>;
  /** Keeps a text that cannot be opened (unreadable, or from a newer version): listed, never overwritten. */
  keep(id: string, text: string, status: Exclude<EntryStatus, 'ok'>, problem: string, name: string): Promise<DocumentEntry>;
  /** Renames a document that is not open in this tab (the open one is renamed through the store, undoably). */
  rename(id: string, name: string): Promise<DocumentEntry | undefined>;
  /**
   * Copies a document under a new id and name. The copy's base is `base` when given (a new
   * scenario of `id`), else the original's: a copy of a scenario is a scenario of the same base.
   */
  duplicate(id: string, newId: string, name: string, base?: string): Promise<DocumentEntry | undefined>;
  /** Puts into or takes out of the trash. */
  setTrashed(id: string, trashed: boolean): Promise<void>;
  /**
   * Deletes a document, its chunks and versions. Its scenarios stay: each takes the deleted
   * document's own base (none when it had none), as a report moves up to the next manager.
   */
  remove(id: string): Promise<void>;
  /** Versions of a document, newest first. */
  versions(id: string): Promise<VersionEntry[]>;
  versionText(key: number): Promise<string | null>;
  /** Records the document's stored state as a version, unless the newest version is the same. */
  snapshot(id: string): Promise<void>;
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

const assemble = (m: Manifest, texts: readonly (string | undefined)[]): string | null =>
  texts.some((t) => t === undefined) ? null : m.head + texts.join(',') + m.tail;

const sameManifest = (a: Manifest, b: Manifest) => a.head === b.head && a.tail === b.tail && a.chunks.length === b.chunks.length && a.chunks.every((k, i) => k === b.chunks[i]);

/** Requests of a write transaction are not awaited one by one: a failure aborts the transaction, and `done` says so. */
const quiet = (request: Promise<unknown>) => void request.catch(() => {});

/**
 * The head and tail of a stored document with another name. They are the canonical
 * compact JSON of the document without its roles, which JSON.parse and JSON.stringify
 * give back unchanged, keys in the same order.
 */
export function renameParts(m: Manifest, name: string): Pick<Manifest, 'head' | 'tail'> {
  const fields = JSON.parse(`${m.head}${m.tail}`) as { name: string };
  fields.name = name;
  return splitAtRoles(JSON.stringify(fields));
}

/** True for a storage-full error, however the browser names it. */
export function isQuotaError(cause: unknown): boolean {
  const name = (cause as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

const describe = (cause: unknown): string => (cause instanceof Error || cause instanceof DOMException ? cause.message || cause.name : String(cause));

/** The entry of a copy: new id, name and times, out of the trash; its base as `duplicate` says. */
function copyEntry(entry: DocumentEntry, id: string, name: string, base: string | undefined): DocumentEntry {
  const now = Date.now();
  const copy: DocumentEntry = { ...entry, id, name, createdAt: now, updatedAt: now, rev: 1, tab: '' };
  delete (copy as { trashedAt?: number }).trashedAt;
  if (base !== undefined) (copy as { base?: string }).base = base;
  return copy;
}

/** A scenario whose base is deleted for good: it takes that base's own base, or becomes a plain document. */
function rebased(entry: DocumentEntry, base: string | undefined): DocumentEntry {
  const next: DocumentEntry = { ...entry };
  if (base !== undefined && base !== entry.id) (next as { base?: string }).base = base;
  else delete (next as { base?: string }).base;
  return next;
}

type Tx = IDBPTransaction<LibrarySchema, ('documents' | 'manifests' | 'chunks' | 'versions')[], 'readwrite'>;

/** The library in IndexedDB. */
export class IdbLibrary implements Library {
  readonly persistent = true;
  constructor(private readonly db: IDBPDatabase<LibrarySchema>) {}

  async list(): Promise<DocumentEntry[]> {
    const all = await this.db.getAll('documents');
    return all.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  entry(id: string) {
    return this.db.get('documents', id);
  }

  manifest(id: string) {
    return this.db.get('manifests', id);
  }

  async text(id: string): Promise<string | null> {
    const tx = this.db.transaction(['manifests', 'chunks']);
    const m = await tx.objectStore('manifests').get(id);
    if (!m) return null;
    const chunks = tx.objectStore('chunks');
    return assemble(m, await Promise.all(m.chunks.map((k) => chunks.get(k))));
  }

  async assemble(write: Write): Promise<string | null> {
    const chunks = this.db.transaction('chunks').store;
    const texts = await Promise.all(write.chunks.map((c) => (c.text !== undefined ? c.text : chunks.get(c.key))));
    return assemble({ head: write.head, tail: write.tail, chunks: [] }, texts);
  }

  async save(id: string, write: Write, expectRev: number, tab: string, options: { readonly version?: boolean } = {}): Promise<SaveOutcome> {
    for (;;) {
      try {
        return await this.trySave(id, write, expectRev, tab, options.version ?? false);
      } catch (cause) {
        // Space runs short: the oldest versions go first, then the save is tried again.
        if (isQuotaError(cause) && (await this.dropOldestVersion())) continue;
        return isQuotaError(cause) ? { ok: false, kind: 'quota', message: describe(cause) } : { ok: false, kind: 'error', message: describe(cause) };
      }
    }
  }

  private async trySave(id: string, write: Write, expectRev: number, tab: string, version: boolean): Promise<SaveOutcome> {
    const tx = this.db.transaction(['documents', 'manifests', 'chunks', 'versions'], 'readwrite');
    const done = tx.done;
    // A failed request aborts the transaction; `done` then rejects with the reason, awaited below.
    done.catch(() => {});
    const before = await tx.objectStore('documents').get(id);
    if ((before?.rev ?? 0) !== expectRev || (before && before.status !== 'ok')) {
      tx.abort();
      return { ok: false, kind: 'conflict', entry: before };
    }
    const chunks = tx.objectStore('chunks');
    for (const c of write.chunks) if (c.text !== undefined) quiet(chunks.put(c.text, c.key));
    const manifest: Manifest = { head: write.head, tail: write.tail, chunks: write.chunks.map((c) => c.key) };
    const old = await tx.objectStore('manifests').get(id);
    quiet(tx.objectStore('manifests').put(manifest, id));
    const now = Date.now();
    const entry: DocumentEntry = {
      id,
      name: write.name,
      roles: write.roles,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      rev: expectRev + 1,
      tab,
      status: 'ok',
      ...kept(before),
    };
    quiet(tx.objectStore('documents').put(entry));
    if (version) await this.addVersion(tx, id, manifest, write.name, write.roles, now);
    if (old) await this.collect(tx, id, old.chunks, manifest);
    await done;
    return { ok: true, entry };
  }

  /** Adds a version and drops those beyond MAX_VERSIONS, with the chunks only they held. */
  private async addVersion(tx: Tx, docId: string, m: Manifest, name: string, roles: number, at: number) {
    const versions = tx.objectStore('versions');
    quiet(versions.add({ ...m, docId, at, name, roles } as VersionRecord));
    const keys = await versions.index('docId').getAllKeys(docId);
    // The keys include the version just added (requests run in order).
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_VERSIONS))) {
      const dropped = await versions.get(key);
      quiet(versions.delete(key));
      if (dropped) await this.collect(tx, docId, dropped.chunks, m);
    }
  }

  /** Deletes those of `candidates` that neither `current` nor any version of the document refers to. */
  private async collect(tx: Tx, docId: string, candidates: readonly string[], current: Manifest) {
    const live = new Set(current.chunks);
    const orphans = candidates.filter((k) => !live.has(k));
    if (orphans.length === 0) return;
    const kept = new Set<string>();
    for (const v of await tx.objectStore('versions').index('docId').getAll(docId)) for (const k of v.chunks) kept.add(k);
    // The manifest in the store may already be the new one (put earlier in this transaction).
    const stored = await tx.objectStore('manifests').get(docId);
    for (const k of stored?.chunks ?? []) kept.add(k);
    const chunks = tx.objectStore('chunks');
    for (const k of orphans) if (!kept.has(k)) quiet(chunks.delete(k));
  }

  /** Deletes the oldest version in the library; false when there is none. */
  private async dropOldestVersion(): Promise<boolean> {
    const tx = this.db.transaction(['documents', 'manifests', 'chunks', 'versions'], 'readwrite');
    const cursor = await tx.objectStore('versions').openCursor();
    if (!cursor) {
      await tx.done;
      return false;
    }
    const { docId, chunks } = cursor.value;
    await cursor.delete();
    await this.collect(tx, docId, chunks, { head: '', tail: '', chunks: [] });
    await tx.done;
    return true;
  }

  async keep(id: string, text: string, status: Exclude<EntryStatus, 'ok'>, problem: string, name: string): Promise<DocumentEntry> {
    const now = Date.now();
    const tx = this.db.transaction(['documents', 'manifests', 'chunks', 'versions'], 'readwrite');
    const before = await tx.objectStore('documents').get(id);
    const old = await tx.objectStore('manifests').get(id);
    const entry: DocumentEntry = { id, name, roles: 0, createdAt: before?.createdAt ?? now, updatedAt: now, rev: (before?.rev ?? 0) + 1, tab: '', status, problem, ...kept(before) };
    const manifest: Manifest = { head: text, tail: '', chunks: [] };
    quiet(tx.objectStore('documents').put(entry));
    quiet(tx.objectStore('manifests').put(manifest, id));
    if (old) await this.collect(tx, id, old.chunks, manifest);
    await tx.done;
    return entry;
  }

  async duplicate(id: string, newId: string, name: string, base?: string): Promise<DocumentEntry | undefined> {
    const tx = this.db.transaction(['documents', 'manifests', 'chunks'], 'readwrite');
    const [entry, m] = await Promise.all([tx.objectStore('documents').get(id), tx.objectStore('manifests').get(id)]);
    if (!entry || !m) return undefined;
    const chunks = tx.objectStore('chunks');
    const texts = await Promise.all(m.chunks.map((k) => chunks.get(k)));
    // Chunks belong to one document (deleting a document deletes its chunks): the copy gets its own.
    const keys = m.chunks.map((_, i) => `${newId}:copy:${i}`);
    texts.forEach((t, i) => quiet(chunks.put(t ?? '', keys[i]!)));
    const copy = copyEntry(entry, newId, name, base);
    const parts = entry.status === 'ok' ? renameParts(m, name) : m;
    quiet(tx.objectStore('manifests').put({ head: parts.head, tail: parts.tail, chunks: keys }, newId));
    quiet(tx.objectStore('documents').put(copy));
    await tx.done;
    return copy;
  }

  async rename(id: string, name: string): Promise<DocumentEntry | undefined> {
    const tx = this.db.transaction(['documents', 'manifests'], 'readwrite');
    const [entry, m] = await Promise.all([tx.objectStore('documents').get(id), tx.objectStore('manifests').get(id)]);
    if (!entry || !m) return undefined;
    const next: DocumentEntry = { ...entry, name, rev: entry.rev + 1, updatedAt: Date.now() };
    // An unreadable text is kept exactly as it was: only its entry gets the name.
    if (entry.status === 'ok') quiet(tx.objectStore('manifests').put({ ...renameParts(m, name), chunks: m.chunks }, id));
    quiet(tx.objectStore('documents').put(next));
    await tx.done;
    return next;
  }

  async setTrashed(id: string, trashed: boolean): Promise<void> {
    const tx = this.db.transaction('documents', 'readwrite');
    const entry = await tx.store.get(id);
    if (entry) {
      const next: DocumentEntry = { ...entry };
      if (trashed) (next as { trashedAt?: number }).trashedAt = Date.now();
      else delete (next as { trashedAt?: number }).trashedAt;
      quiet(tx.store.put(next));
    }
    await tx.done;
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['documents', 'manifests', 'chunks', 'versions'], 'readwrite');
    const documents = tx.objectStore('documents');
    const gone = await documents.get(id);
    // The entries are small (the list reads them all too): its scenarios are found among them.
    for (const e of await documents.getAll()) if (e.base === id && e.id !== id) quiet(documents.put(rebased(e, gone?.base)));
    quiet(documents.delete(id));
    quiet(tx.objectStore('manifests').delete(id));
    quiet(tx.objectStore('chunks').delete(IDBKeyRange.bound(`${id}:`, `${id};`, false, true)));
    const versions = tx.objectStore('versions');
    for (const key of await versions.index('docId').getAllKeys(id)) quiet(versions.delete(key));
    await tx.done;
  }

  async versions(id: string): Promise<VersionEntry[]> {
    const tx = this.db.transaction('versions');
    const out: VersionEntry[] = [];
    // Only the few fields the list shows are copied out; the chunk lists stay behind.
    for (let c = await tx.store.index('docId').openCursor(id); c; c = await c.continue()) {
      const { docId, at, name, roles } = c.value;
      out.push({ key: c.primaryKey, docId, at, name, roles });
    }
    return out.sort((a, b) => b.at - a.at || b.key - a.key);
  }

  async versionText(key: number): Promise<string | null> {
    const tx = this.db.transaction(['versions', 'chunks']);
    const v = await tx.objectStore('versions').get(key);
    if (!v) return null;
    const chunks = tx.objectStore('chunks');
    return assemble(v, await Promise.all(v.chunks.map((k) => chunks.get(k))));
  }

  async snapshot(id: string): Promise<void> {
    const tx = this.db.transaction(['documents', 'manifests', 'chunks', 'versions'], 'readwrite');
    const [entry, m] = await Promise.all([tx.objectStore('documents').get(id), tx.objectStore('manifests').get(id)]);
    if (!entry || !m || entry.status !== 'ok') return;
    const keys = await tx.objectStore('versions').index('docId').getAllKeys(id);
    const newest = keys.length > 0 ? await tx.objectStore('versions').get(keys[keys.length - 1]!) : undefined;
    if (newest && sameManifest(newest, m)) return;
    await this.addVersion(tx, id, m, entry.name, entry.roles, Date.now());
    await tx.done;
  }

  getSetting(key: string) {
    return this.db.get('settings', key);
  }

  async setSetting(key: string, value: string) {
    await this.db.put('settings', value, key);
  }
}

/** Opens the library in IndexedDB; throws when the browser refuses (blocked storage, private mode). */
export async function openIdbLibrary(): Promise<IdbLibrary> {
  const db = await openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('documents', { keyPath: 'id' });
      db.createObjectStore('manifests');
      db.createObjectStore('chunks');
      db.createObjectStore('versions', { autoIncrement: true }).createIndex('docId', 'docId');
      db.createObjectStore('settings');
    },
    // A newer version of the app in another tab wants to upgrade: let it.
    blocking() {
      db.close();
    },
  });
  return new IdbLibrary(db);
}

/**
 * The stand-in when the browser refuses storage: the same library, in this tab's
 * memory. Documents coexist for the session; nothing is ever reported as saved.
 */
export class MemoryLibrary implements Library {
  readonly persistent = false;
  private readonly entries = new Map<string, DocumentEntry>();
  private readonly manifests = new Map<string, Manifest>();
  private readonly chunks = new Map<string, string>();
  private readonly versionRecords = new Map<number, VersionRecord>();
  private readonly settings = new Map<string, string>();
  private nextVersion = 1;

  async list() {
    return [...this.entries.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }
  async entry(id: string) {
    return this.entries.get(id);
  }
  async manifest(id: string) {
    return this.manifests.get(id);
  }
  async text(id: string) {
    const m = this.manifests.get(id);
    return m ? assemble(m, m.chunks.map((k) => this.chunks.get(k))) : null;
  }
  async assemble(write: Write) {
    return assemble({ head: write.head, tail: write.tail, chunks: [] }, write.chunks.map((c) => c.text ?? this.chunks.get(c.key)));
  }
  async save(id: string, write: Write, expectRev: number, tab: string, options: { readonly version?: boolean } = {}): Promise<SaveOutcome> {
    const before = this.entries.get(id);
    if ((before?.rev ?? 0) !== expectRev) return { ok: false, kind: 'conflict', entry: before };
    for (const c of write.chunks) if (c.text !== undefined) this.chunks.set(c.key, c.text);
    const manifest: Manifest = { head: write.head, tail: write.tail, chunks: write.chunks.map((c) => c.key) };
    this.manifests.set(id, manifest);
    const now = Date.now();
    const entry: DocumentEntry = { id, name: write.name, roles: write.roles, createdAt: before?.createdAt ?? now, updatedAt: now, rev: expectRev + 1, tab, status: 'ok', ...kept(before) };
    this.entries.set(id, entry);
    if (options.version) this.addVersion(id, manifest, entry);
    return { ok: true, entry };
  }
  private addVersion(id: string, m: Manifest, entry: DocumentEntry) {
    this.versionRecords.set(this.nextVersion++, { ...m, docId: id, at: Date.now(), name: entry.name, roles: entry.roles });
    const mine = [...this.versionRecords].filter(([, v]) => v.docId === id);
    for (const [key] of mine.slice(0, Math.max(0, mine.length - MAX_VERSIONS))) this.versionRecords.delete(key);
  }
  async keep(id: string, text: string, status: Exclude<EntryStatus, 'ok'>, problem: string, name: string) {
    const now = Date.now();
    const before = this.entries.get(id);
    const entry: DocumentEntry = { id, name, roles: 0, createdAt: before?.createdAt ?? now, updatedAt: now, rev: (before?.rev ?? 0) + 1, tab: '', status, problem, ...kept(before) };
    this.entries.set(id, entry);
    this.manifests.set(id, { head: text, tail: '', chunks: [] });
    return entry;
  }
  async duplicate(id: string, newId: string, name: string, base?: string) {
    const entry = this.entries.get(id);
    const m = this.manifests.get(id);
    if (!entry || !m) return undefined;
    const copy = copyEntry(entry, newId, name, base);
    this.entries.set(newId, copy);
    this.manifests.set(newId, entry.status === 'ok' ? { ...renameParts(m, name), chunks: m.chunks } : m);
    return copy;
  }
  async rename(id: string, name: string) {
    const entry = this.entries.get(id);
    const m = this.manifests.get(id);
    if (!entry || !m) return undefined;
    const next: DocumentEntry = { ...entry, name, rev: entry.rev + 1, updatedAt: Date.now() };
    if (entry.status === 'ok') this.manifests.set(id, { ...renameParts(m, name), chunks: m.chunks });
    this.entries.set(id, next);
    return next;
  }
  async setTrashed(id: string, trashed: boolean) {
    const entry = this.entries.get(id);
    if (!entry) return;
    const next: DocumentEntry = { ...entry };
    if (trashed) (next as { trashedAt?: number }).trashedAt = Date.now();
    else delete (next as { trashedAt?: number }).trashedAt;
    this.entries.set(id, next);
  }
  async remove(id: string) {
    const gone = this.entries.get(id);
    for (const e of this.entries.values()) if (e.base === id && e.id !== id) this.entries.set(e.id, rebased(e, gone?.base));
    this.entries.delete(id);
    this.manifests.delete(id);
    for (const [key, v] of this.versionRecords) if (v.docId === id) this.versionRecords.delete(key);
  }
  async versions(id: string) {
    return [...this.versionRecords]
      .filter(([, v]) => v.docId === id)
      .map(([key, v]) => ({ key, docId: v.docId, at: v.at, name: v.name, roles: v.roles }))
      .sort((a, b) => b.at - a.at || b.key - a.key);
  }
  async versionText(key: number) {
    const v = this.versionRecords.get(key);
    return v ? assemble(v, v.chunks.map((k) => this.chunks.get(k))) : null;
  }
  async snapshot(id: string) {
    const entry = this.entries.get(id);
    const m = this.manifests.get(id);
    if (!entry || !m || entry.status !== 'ok') return;
    const newest = [...this.versionRecords.values()].filter((v) => v.docId === id).at(-1);
    if (!newest || !sameManifest(newest, m)) this.addVersion(id, m, entry);
  }
  async getSetting(key: string) {
    return this.settings.get(key);
  }
  async setSetting(key: string, value: string) {
    this.settings.set(key, value);
  }
}

/** One row of the library as a tree: a document, how deep it sits under its bases, and its base. */
export interface TreeRow {
  readonly entry: DocumentEntry;
  /** 1 for a document listed at the top, 2 for a scenario of it, and so on. */
  readonly level: number;
  /** The base of a scenario, listed or not (a base in the trash leaves its scenarios at the top). */
  readonly base?: DocumentEntry;
}

/**
 * The documents out of the trash as a tree, for the list: each scenario right under its base
 * (at any depth: a scenario can be branched too), siblings in the order given (newest change
 * first). A scenario whose base is in the trash or gone is listed at the top. Linear; the walk
 * uses an explicit stack and a visited set, so even links that loop (never written, but read
 * from storage) list every document once.
 */
export function documentTree(entries: readonly DocumentEntry[]): TreeRow[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const active = entries.filter((e) => e.trashedAt === undefined);
  const listed = (id: string | undefined) => id !== undefined && byId.get(id)?.trashedAt === undefined;
  const children = new Map<string, DocumentEntry[]>();
  for (const e of active) {
    if (!listed(e.base) || e.base === e.id) continue;
    const list = children.get(e.base!);
    if (list) list.push(e);
    else children.set(e.base!, [e]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (top: DocumentEntry) => {
    const stack: { entry: DocumentEntry; level: number }[] = [{ entry: top, level: 1 }];
    while (stack.length > 0) {
      const { entry, level } = stack.pop()!;
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      const base = entry.base !== undefined ? byId.get(entry.base) : undefined;
      rows.push(base ? { entry, level, base } : { entry, level });
      const kids = children.get(entry.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ entry: kids[i]!, level: level + 1 });
    }
  };
  for (const e of active) if (!listed(e.base) || e.base === e.id) walk(e);
  // Only documents in a loop of links are left: each starts a tree of its own.
  for (const e of active) if (!seen.has(e.id)) walk(e);
  return rows;
}
