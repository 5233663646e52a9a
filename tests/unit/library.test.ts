/**
 * The library of documents and its autosave, on an in-memory IndexedDB (fake-indexeddb):
 * chunked writes, atomic saves, revisions between tabs, versions, the journal, the
 * legacy localStorage document, unreadable documents kept once.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { compactDocumentJson } from '../../src/io/serialize.ts';
import { moveRole, renameDocument } from '../../src/model/commands.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { loadDocument } from '../../src/schema/load.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { Autosaver, JOURNAL_PREFIX, type SaveStatus } from '../../src/store/autosave.ts';
import { chunkRoles, MAX_CHUNK_ROLES, matchChunks } from '../../src/store/chunks.ts';
import { IdbLibrary, MAX_VERSIONS, MemoryLibrary, openIdbLibrary, type Library } from '../../src/store/library.ts';
import { createOrgStore } from '../../src/store/orgStore.ts';
import { LEGACY_DOCUMENT_KEY, LEGACY_ID, TAB_OPEN_KEY, Workspace, type ListableStorage } from '../../src/store/workspace.ts';
import { docOf } from '../helpers/doc.ts';

class MemoryStorage implements ListableStorage {
  readonly data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error('command refused');
  return r as Extract<T, { ok: true }>;
};
const renamed = (doc: OrgDocument, name: string) => ok(renameDocument(doc, name)).doc;

/** A saver that writes at once (no throttle) and records its statuses. */
function saverOf(library: Library, tabId = 'a') {
  const statuses: SaveStatus[] = [];
  const saver = new Autosaver({ library, tabId, throttleMs: 0, onStatus: (s) => statuses.push(s) });
  return { saver, statuses };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('chunks', () => {
  it('cut by the ids, cover the roles, and stay put around an added or removed role', () => {
    const doc = generateOrg({ roles: 3000, seed: 3 });
    const chunks = chunkRoles(doc.roles);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(doc.roles.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
    expect(Math.max(...chunks.map((c) => c.end - c.start))).toBeLessThanOrEqual(MAX_CHUNK_ROLES);
    expect(chunks.length).toBeGreaterThan(20);
    // Removing a role in the middle leaves every other chunk the same objects.
    const roles = [...doc.roles.slice(0, 1500), ...doc.roles.slice(1501)];
    const after = chunkRoles(roles);
    const match = matchChunks(roles, after, doc.roles, chunks);
    expect(match.filter((m) => m < 0).length).toBeLessThanOrEqual(2);
  });
});

describe('the library in IndexedDB', () => {
  it('saves a document and reads back its exact canonical text; a save after one edit writes one chunk', async () => {
    const library = await openIdbLibrary();
    const doc = generateOrg({ roles: 2000, seed: 5 });
    const { saver } = saverOf(library);
    saver.attach('one', doc);
    await saver.flush();
    expect(saver.status.kind).toBe('saved');
    expect(await library.text('one')).toBe(compactDocumentJson(doc));
    const before = (await library.manifest('one'))!.chunks;

    const am = doc.roles.find((r) => r.family === 'am')!;
    const target = doc.roles.find((r) => r.family === 'senior-am' && r.id !== am.reportsTo)!;
    const edited = ok(moveRole(doc, am.id, target.id)).doc;
    saver.schedule(edited);
    await saver.flush();
    const after = (await library.manifest('one'))!.chunks;
    expect(after.length).toBe(before.length);
    expect(after.filter((k, i) => k !== before[i]).length).toBe(1);
    expect(await library.text('one')).toBe(compactDocumentJson(edited));
    const entry = (await library.entry('one'))!;
    expect(entry).toMatchObject({ roles: 2000, rev: 2, status: 'ok', name: doc.name });
  });

  it('refuses a save over another tab’s newer one, and reports the conflict', async () => {
    const library = await openIdbLibrary();
    const doc = docOf([{ id: 'head', level: 5 }]);
    const a = saverOf(library, 'a');
    a.saver.attach('d', doc);
    await a.saver.flush();
    const b = saverOf(library, 'b');
    b.saver.attach('d', doc, { entry: (await library.entry('d'))!, manifest: await library.manifest('d') });
    b.saver.schedule(renamed(doc, 'From B'));
    await b.saver.flush();
    a.saver.schedule(renamed(doc, 'From A'));
    await a.saver.flush();
    expect(a.saver.status).toMatchObject({ kind: 'paused', reason: 'conflict' });
    expect((await library.entry('d'))!.name).toBe('From B');
    expect(a.saver.hasUnsaved).toBe(true);
    // Another edit does not end the pause: nothing is written over B's save.
    a.saver.schedule(renamed(doc, 'From A again'));
    await a.saver.flush();
    expect(a.saver.status.kind).toBe('paused');
    expect((await library.entry('d'))!.name).toBe('From B');
  });

  it('keeps the last versions, sharing chunks, and drops chunks nothing refers to', async () => {
    const library = await openIdbLibrary();
    let doc = generateOrg({ roles: 300, seed: 2 });
    let now = 1_000_000;
    const saver = new Autosaver({ library, tabId: 't', throttleMs: 0, now: () => now });
    saver.attach('v', doc);
    await saver.flush();
    for (let i = 0; i < MAX_VERSIONS + 5; i++) {
      now += 11 * 60 * 1000;
      doc = renamed(doc, `Name ${i}`);
      saver.schedule(doc);
      await saver.flush();
    }
    const versions = await library.versions('v');
    expect(versions.length).toBe(MAX_VERSIONS);
    expect(versions[0]!.name).toBe(`Name ${MAX_VERSIONS + 4}`);
    const text = await library.versionText(versions.at(-1)!.key);
    expect(text).not.toBeNull();
    expect((await loadDocument(text!)).ok).toBe(true);
  });

  it('makes room by dropping the oldest versions when storage is full, then reports "quota" if still full', async () => {
    const library = await openIdbLibrary();
    const doc = docOf([{ id: 'head', level: 5 }]);
    const { saver, statuses } = saverOf(library);
    saver.attach('q', doc);
    await saver.flush();
    await library.snapshot('q');
    // Every write fails as a full disk would.
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw Object.assign(new DOMException('full', 'QuotaExceededError'));
    };
    try {
      saver.schedule(renamed(doc, 'Big'));
      await saver.flush();
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(statuses.at(-1)).toMatchObject({ kind: 'not-saved', reason: 'quota' });
    expect(saver.hasUnsaved).toBe(true);
    // Another edit keeps "not saved" until a save succeeds.
    saver.schedule(renamed(doc, 'Bigger'));
    expect(saver.status.kind).toBe('not-saved');
    await saver.flush();
    expect(saver.status.kind).toBe('saved');
    expect((await library.entry('q'))!.name).toBe('Bigger');
  });

  it('renames, duplicates, trashes and removes documents; a copy has its own chunks', async () => {
    const library = await openIdbLibrary();
    const doc = generateOrg({ roles: 200, seed: 9 });
    const { saver } = saverOf(library);
    saver.attach('x', doc);
    await saver.flush();
    await library.rename('x', 'Renamed');
    expect((await loadDocument((await library.text('x'))!)).ok && (await library.entry('x'))!.name).toBe('Renamed');
    const copy = await library.duplicate('x', 'y', 'Copy');
    expect(copy!.name).toBe('Copy');
    const copied = await loadDocument((await library.text('y'))!);
    expect(copied.ok && copied.doc.name).toBe('Copy');
    await library.setTrashed('x', true);
    expect((await library.entry('x'))!.trashedAt).toBeTypeOf('number');
    await library.remove('x');
    expect(await library.entry('x')).toBeUndefined();
    expect((await loadDocument((await library.text('y'))!)).ok).toBe(true);
  });

  it('lists entries without reading documents, newest first', async () => {
    const library = await openIdbLibrary();
    for (const name of ['First', 'Second', 'Third']) {
      const { saver } = saverOf(library);
      saver.attach(name, renamed(docOf([{ id: 'h', level: 5 }]), name));
      await saver.flush();
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await library.list()).map((e) => e.name)).toEqual(['Third', 'Second', 'First']);
  });
});

describe('the memory stand-in', () => {
  it('never reports "Saved", and counts every edit as unsaved', async () => {
    const library = new MemoryLibrary();
    const { saver, statuses } = saverOf(library);
    const doc = docOf([{ id: 'h', level: 5 }]);
    saver.attach('m', doc);
    await saver.flush();
    expect(saver.hasUnsaved).toBe(false);
    saver.schedule(renamed(doc, 'Edited'));
    await saver.flush();
    expect(statuses.every((s) => s.kind !== 'saved')).toBe(true);
    expect(saver.status).toMatchObject({ kind: 'not-saved', reason: 'blocked' });
    expect(saver.hasUnsaved).toBe(true);
  });
});

describe('the workspace', () => {
  const preset = docOf([{ id: 'head', level: 5 }], { name: 'Preset' });
  async function workspaceOf(options: { library?: Library; local?: MemoryStorage; session?: MemoryStorage; tab?: string } = {}) {
    const library = options.library ?? (await openIdbLibrary());
    const store = createOrgStore(preset);
    const workspace = new Workspace({
      library,
      store,
      tabId: options.tab ?? 'tab',
      local: options.local ?? new MemoryStorage(),
      session: options.session ?? new MemoryStorage(),
      channel: null,
      load: loadDocument,
      firstDocument: async () => preset,
      message: (key, values) => `${key}${values ? JSON.stringify(values) : ''}`,
      throttleMs: 0,
    });
    await workspace.start();
    return { workspace, store, library };
  }

  it('moves the legacy localStorage document into the library, losing nothing', async () => {
    const local = new MemoryStorage();
    const legacy = renamed(preset, 'My old work');
    local.setItem(LEGACY_DOCUMENT_KEY, compactDocumentJson(legacy));
    const { store, library } = await workspaceOf({ local });
    expect(store.getState().doc.name).toBe('My old work');
    expect(store.getState().documentId).toBe(LEGACY_ID);
    expect(await library.text(LEGACY_ID)).toBe(compactDocumentJson(legacy));
    expect(local.getItem(LEGACY_DOCUMENT_KEY)).toBeNull();
  });

  it('with storage blocked, opens the legacy document in memory and leaves it where it is', async () => {
    const local = new MemoryStorage();
    const text = compactDocumentJson(renamed(preset, 'Old, in memory'));
    local.setItem(LEGACY_DOCUMENT_KEY, text);
    const { store } = await workspaceOf({ library: new MemoryLibrary(), local });
    expect(store.getState().doc.name).toBe('Old, in memory');
    expect(local.getItem(LEGACY_DOCUMENT_KEY)).toBe(text);
  });

  it('moves the older version’s kept-aside copies: readable ones as documents, the rest as unreadable', async () => {
    const local = new MemoryStorage();
    local.setItem('org-designer:unreadable:1', compactDocumentJson(renamed(preset, 'Aside but fine')));
    local.setItem('org-designer:unreadable:2', 'not json');
    const { library } = await workspaceOf({ local });
    const entries = await library.list();
    expect(entries.find((e) => e.name === 'Aside but fine')?.status).toBe('ok');
    expect(entries.filter((e) => e.status === 'unreadable').length).toBe(1);
    expect(local.length).toBe(0);
  });

  it('does not reopen a document another tab put in the trash', async () => {
    const session = new MemoryStorage();
    const first = await workspaceOf({ session });
    const trashed = (await first.workspace.createDocument(renamed(preset, 'Trashed elsewhere')))!;
    await first.library.setTrashed(trashed, true);
    const again = await workspaceOf({ library: first.library, session });
    expect(again.store.getState().documentId).not.toBe(trashed);
  });

  it('undo right after New opens the document before again; the new one goes to the trash', async () => {
    const { workspace, store, library } = await workspaceOf();
    const before = store.getState().documentId;
    const created = (await workspace.createDocument(renamed(preset, 'Made by mistake')))!;
    store.getState().undo();
    await expect.poll(() => store.getState().documentId).toBe(before);
    await expect.poll(async () => (await library.entry(created))?.trashedAt).toBeTypeOf('number');
  });

  it('keeps an unreadable legacy document once, however often it comes back', async () => {
    const library = await openIdbLibrary();
    for (let i = 0; i < 5; i++) {
      const local = new MemoryStorage();
      local.setItem(LEGACY_DOCUMENT_KEY, `{"format":"org-structure", broken ${i}`);
      await workspaceOf({ library, local });
    }
    const broken = (await library.list()).filter((e) => e.status === 'unreadable');
    expect(broken.length).toBe(1);
    expect(await library.text(broken[0]!.id)).toBe('{"format":"org-structure", broken 4');
  });

  it('reopens the document the tab had open; New and a preset add documents', async () => {
    const session = new MemoryStorage();
    const first = await workspaceOf({ session });
    await first.workspace.createDocument(renamed(preset, 'Second'));
    const secondId = first.store.getState().documentId;
    expect(session.getItem(TAB_OPEN_KEY)).toBe(secondId);
    expect((await first.library.list()).map((e) => e.name).sort()).toEqual(['Preset', 'Second']);
    const again = await workspaceOf({ library: first.library, session });
    expect(again.store.getState().documentId).toBe(secondId);
  });

  it('does not open a stored document that fails to load: it is kept as it was and listed', async () => {
    const { workspace, library } = await workspaceOf();
    const id = (await workspace.createDocument(renamed(preset, 'Will break')))!;
    await workspace.createDocument(renamed(preset, 'Other'));
    // Corrupt its stored head, as a bad disk or another program might.
    const m = (await library.manifest(id))!;
    const db = (library as IdbLibrary)['db'];
    await db.put('manifests', { ...m, head: `${m.head}garbage` }, id);
    expect(await workspace.openDocument(id)).toBe(false);
    const entry = (await library.entry(id))!;
    expect(entry.status).toBe('unreadable');
    expect(await library.text(id)).toContain('garbage');
  });

  it('reports a library action that fails with an alert, never an unhandled rejection', async () => {
    const { workspace, store, library } = await workspaceOf();
    const other = (await workspace.createDocument(renamed(preset, 'Other')))!;
    await workspace.openDocument((await library.list()).find((e) => e.id !== other)!.id);
    const db = (library as IdbLibrary)['db'];
    const m = (await library.manifest(other))!;
    await db.put('manifests', { ...m, head: 'not json' }, other);
    await expect(workspace.rename(other, 'New name')).resolves.toBeUndefined();
    expect(store.getState().alert?.text).toMatch(/^libraryActionFailed/);
    expect((await library.entry(other))!.name).toBe('Other');
  });

  it('applies a journal left by a tab that went away before its save landed', async () => {
    const local = new MemoryStorage();
    const library = await openIdbLibrary();
    const first = await workspaceOf({ library, local, tab: 'gone' });
    const id = first.store.getState().documentId;
    await first.workspace.autosaver.flush();
    // From now on this tab's saves never land: the page is gone before IndexedDB answers.
    const stalled: Library = Object.create(library, { save: { value: () => new Promise(() => {}) } });
    const gone = await workspaceOf({ library: stalled, local, tab: 'gone', session: new MemoryStorage() });
    expect(gone.store.getState().documentId).toBe(id);
    gone.store.getState().run((d) => renameDocument(d, 'Typed just before closing'));
    gone.workspace.autosaver.writeJournal();
    expect(local.getItem(JOURNAL_PREFIX + 'gone')).not.toBeNull();
    expect((await library.entry(id))!.name).toBe('Preset');

    const next = await workspaceOf({ library, local, session: new MemoryStorage() });
    expect(next.store.getState().doc.name).toBe('Typed just before closing');
    expect((await library.entry(id))!.name).toBe('Typed just before closing');
    expect(local.getItem(JOURNAL_PREFIX + 'gone')).toBeNull();
  });

  it('restores a version as one undoable step', async () => {
    const { workspace, store } = await workspaceOf();
    await workspace.autosaver.flush();
    store.getState().run((d) => renameDocument(d, 'Later'));
    await workspace.autosaver.flush();
    const versions = await workspace.versions();
    const original = versions.at(-1)!;
    expect(await workspace.restoreVersion(original.key)).toBe(true);
    expect(store.getState().doc.name).toBe('Preset');
    store.getState().undo();
    expect(store.getState().doc.name).toBe('Later');
  });
});
