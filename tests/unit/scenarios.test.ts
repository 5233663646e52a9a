/**
 * Scenarios in the library (issue 18, point 1): a copy whose library entry remembers its
 * base, listed under it, branched again, made current as one undoable step that keeps the
 * base's old content as a version. On MemoryLibrary and on IndexedDB (fake-indexeddb).
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { compactDocumentJson, serializeDocument } from '../../src/io/serialize.ts';
import { renameDocument } from '../../src/model/commands.ts';
import { updateRole } from '../../src/model/field-commands.ts';
import { loadDocument } from '../../src/schema/load.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { Autosaver } from '../../src/store/autosave.ts';
import { documentTree, IdbLibrary, MemoryLibrary, openIdbLibrary, type DocumentEntry, type Library } from '../../src/store/library.ts';
import { createOrgStore } from '../../src/store/orgStore.ts';
import { scenarioName, Workspace } from '../../src/store/workspace.ts';
import { loadLanguage, translate, type Language } from '../../src/ui/strings.ts';
import { docOf } from '../helpers/doc.ts';

/** A salary band starting at `min`. */
const pay = (min: number) => ({ min, max: min + 10_000 });
/** The band's minimum: the figure these tests change. */
const salaryOf = (doc: OrgDocument, id: string) => doc.roles.find((r) => r.id === id)?.salary?.min;

const base = docOf(
  [
    { id: 'head', level: 5, salary: pay(50_000) },
    { id: 'am', reportsTo: 'head', salary: pay(20_000) },
  ],
  { name: 'Current org' },
);

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error('command refused');
  return r as Extract<T, { ok: true }>;
};


beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function stored(library: Library, id: string, doc: OrgDocument): Promise<void> {
  const saver = new Autosaver({ library, tabId: 't', throttleMs: 0 });
  saver.attach(id, doc);
  await saver.flush();
}

const libraries: [string, () => Promise<Library>][] = [
  ['IndexedDB', () => openIdbLibrary()],
  ['memory', async () => new MemoryLibrary()],
];

describe.each(libraries)('the library (%s): the base link', (_, make) => {
  it('a copy given a base remembers it; a copy of a scenario keeps its base; saves, renames, trash and keep leave it', async () => {
    const library = await make();
    await stored(library, 'b', base);
    expect((await library.entry('b'))!.base).toBeUndefined();
    const scenario = (await library.duplicate('b', 's', 'Current org — scenario 1', 'b'))!;
    expect(scenario.base).toBe('b');
    expect((await library.duplicate('s', 'c', 'Copy of the scenario'))!.base).toBe('b');
    expect((await library.duplicate('b', 'p', 'Plain copy'))!.base).toBeUndefined();

    const saver = new Autosaver({ library, tabId: 't', throttleMs: 0 });
    saver.attach('s', base, { entry: scenario, manifest: await library.manifest('s') });
    saver.schedule(ok(updateRole(base, 'am', { salary: pay(21_000) })).doc);
    await saver.flush();
    expect((await library.entry('s'))!).toMatchObject({ base: 'b', rev: 2 });
    expect((await library.rename('s', 'Renamed'))!.base).toBe('b');
    await library.setTrashed('s', true);
    await library.setTrashed('s', false);
    expect((await library.entry('s'))!.base).toBe('b');
    expect((await library.keep('s', 'broken', 'unreadable', 'not JSON', 'Renamed')).base).toBe('b');
  });

  it('the link is never in the text: a scenario’s text is an ordinary document, its base’s but for the name', async () => {
    const library = await make();
    await stored(library, 'b', base);
    await library.duplicate('b', 's', 'Current org — scenario 1', 'b');
    const text = (await library.text('s'))!;
    expect(text).not.toContain('"base"');
    const loaded = await loadDocument(text);
    expect(loaded.ok && compactDocumentJson(loaded.doc)).toBe(compactDocumentJson(ok(renameDocument(base, 'Current org — scenario 1')).doc));
  });

  it('deleting a base for good: its scenarios stay and take its own base, or become plain documents', async () => {
    const library = await make();
    await stored(library, 'a', base);
    await library.duplicate('a', 'b', 'B', 'a');
    await library.duplicate('b', 'c', 'C', 'b');
    await library.duplicate('b', 'd', 'D', 'b');
    await library.remove('b');
    expect(await library.entry('b')).toBeUndefined();
    expect((await library.entry('c'))!.base).toBe('a');
    expect((await library.entry('d'))!.base).toBe('a');
    await library.remove('a');
    expect((await library.entry('c'))!.base).toBeUndefined();
    expect((await loadDocument((await library.text('c'))!)).ok).toBe(true);
  });
});

describe('entries stored before scenarios existed', () => {
  it('are read as plain documents: no version bump, no migration', async () => {
    const library = await openIdbLibrary();
    await stored(library, 'old', base);
    // The entry exactly as issue 16's version wrote it: these fields, no `base`.
    const db = (library as IdbLibrary)['db'];
    const { id, name, roles, createdAt, updatedAt, rev, tab, status } = (await library.entry('old'))!;
    await db.put('documents', { id, name, roles, createdAt, updatedAt, rev, tab, status });
    expect(db.version).toBe(1);
    expect('base' in (await library.entry('old'))!).toBe(false);
    const rows = documentTree(await library.list());
    expect(rows.map((r) => [r.entry.id, r.level, r.base])).toEqual([['old', 1, undefined]]);
  });
});

describe('documentTree', () => {
  const entry = (id: string, extra: Partial<DocumentEntry> = {}): DocumentEntry => ({ id, name: id, roles: 1, createdAt: 0, updatedAt: 0, rev: 1, tab: '', status: 'ok', ...extra });

  it('lists each scenario under its base, at any depth, siblings in the given order', () => {
    const list = [entry('s2', { base: 'a' }), entry('b'), entry('s1', { base: 'a' }), entry('s1x', { base: 's1' }), entry('a')];
    // Top-level documents in the list's order, each followed by its subtree.
    expect(documentTree(list).map((r) => `${r.entry.id}@${r.level}`)).toEqual(['b@1', 'a@1', 's2@2', 's1@2', 's1x@3']);
  });

  it('lists a scenario whose base is in the trash or gone at the top, naming the trashed base', () => {
    const rows = documentTree([entry('a', { trashedAt: 5 }), entry('s', { base: 'a' }), entry('t', { base: 'gone' })]);
    expect(rows.map((r) => [r.entry.id, r.level, r.base?.id])).toEqual([
      ['s', 1, 'a'],
      ['t', 1, undefined],
    ]);
  });

  it('lists every document once even when links loop', () => {
    const rows = documentTree([entry('x', { base: 'y' }), entry('y', { base: 'x' }), entry('z', { base: 'z' })]);
    expect(rows.map((r) => r.entry.id).sort()).toEqual(['x', 'y', 'z']);
  });
});

describe('scenarioName', () => {
  const format = (values: Record<string, string>) => translate('en', 'scenarioName', values);
  it('takes the first number no document has, and stays within 200 characters', () => {
    expect(scenarioName('Org', new Set(['Org']), format)).toBe('Org — scenario 1');
    expect(scenarioName('Org', new Set(['Org — scenario 1', 'Org — scenario 3']), format)).toBe('Org — scenario 2');
    const long = scenarioName('x'.repeat(200), new Set(), format);
    expect(long.length).toBe(200);
    expect(long.endsWith(' — scenario 1')).toBe(true);
  });
});

describe.each(libraries)('the workspace (%s): scenarios', (_, make) => {
  async function workspaceOf(language: Language = 'en') {
    await loadLanguage(language);
    const library = await make();
    const store = createOrgStore(base, language);
    const workspace = new Workspace({
      library,
      store,
      tabId: 'tab',
      local: null,
      session: null,
      channel: null,
      load: loadDocument,
      firstDocument: async () => base,
      message: (key, values) => translate(language, key, values),
      throttleMs: 0,
    });
    await workspace.start();
    await workspace.autosaver.flush();
    return { workspace, store, library, baseId: store.getState().documentId };
  }

  it('New scenario opens a copy of the base’s current content, linked to it and named after it', async () => {
    const { workspace, store, library, baseId } = await workspaceOf();
    // An edit not yet saved is part of the current content.
    store.getState().run((d) => updateRole(d, 'head', { salary: pay(55_000) }));
    const first = (await workspace.newScenario(baseId))!;
    expect(store.getState().documentId).toBe(first);
    expect(store.getState().doc.name).toBe('Current org — scenario 1');
    expect(salaryOf(store.getState().doc, 'head')).toBe(55_000);
    expect((await library.entry(first))!.base).toBe(baseId);
    const second = (await workspace.newScenario(baseId))!;
    expect((await library.entry(second))!.name).toBe('Current org — scenario 2');
    const rows = documentTree(await workspace.list());
    expect(rows.find((r) => r.entry.id === baseId)!.level).toBe(1);
    expect(rows.filter((r) => r.level === 2).map((r) => r.base?.id)).toEqual([baseId, baseId]);
  });

  it('names a scenario in Chinese when the UI is in Chinese', async () => {
    const { workspace, store, baseId } = await workspaceOf('zh-CN');
    await workspace.newScenario(baseId);
    expect(store.getState().doc.name).toBe('Current org — 方案 1');
  });

  it('undo right after New scenario goes back to the base; the scenario goes to the trash', async () => {
    const { workspace, store, library, baseId } = await workspaceOf();
    const scenario = (await workspace.newScenario(baseId))!;
    store.getState().undo();
    await expect.poll(() => store.getState().documentId).toBe(baseId);
    await expect.poll(async () => (await library.entry(scenario))?.trashedAt).toBeTypeOf('number');
  });

  it('branches a scenario: the branch’s base is the scenario, three levels in the list', async () => {
    const { workspace, library, baseId } = await workspaceOf();
    const scenario = (await workspace.newScenario(baseId))!;
    const branch = (await workspace.newScenario(scenario))!;
    expect((await library.entry(branch))!).toMatchObject({ base: scenario, name: 'Current org — scenario 1 — scenario 1' });
    expect(documentTree(await workspace.list()).map((r) => [r.entry.id, r.level])).toEqual([
      [baseId, 1],
      [scenario, 2],
      [branch, 3],
    ]);
  });

  it('Make current: the base opens with the scenario’s content in one undoable step, its old content kept as a version', async () => {
    const { workspace, store, library, baseId } = await workspaceOf();
    const scenario = (await workspace.newScenario(baseId))!;
    store.getState().run((d) => updateRole(d, 'am', { salary: pay(23_456) }));
    // Not yet saved: Make current takes the scenario as it is in this tab.
    expect(await workspace.makeCurrent(scenario)).toBe(true);
    const state = store.getState();
    expect(state.documentId).toBe(baseId);
    expect(state.doc.name).toBe('Current org');
    expect(salaryOf(state.doc, 'am')).toBe(23_456);
    expect(state.past.length).toBe(1);
    expect(state.notice?.text).toContain('now has the content of “Current org — scenario 1”');
    await workspace.autosaver.flush();
    const saved = await loadDocument((await library.text(baseId))!);
    expect(saved.ok && salaryOf(saved.doc, 'am')).toBe(23_456);

    const versions = await workspace.versions();
    const texts = await Promise.all(versions.map((v) => library.versionText(v.key)));
    expect(texts).toContain(compactDocumentJson(base));

    store.getState().undo();
    expect(salaryOf(store.getState().doc, 'am')).toBe(20_000);
    await workspace.autosaver.flush();
    const undone = await loadDocument((await library.text(baseId))!);
    expect(undone.ok && salaryOf(undone.doc, 'am')).toBe(20_000);
    // The scenario stays as it was.
    expect(salaryOf(await workspace.load(scenario), 'am')).toBe(23_456);
    expect((await library.entry(scenario))!.base).toBe(baseId);
  });

  it('Make current while the base is open keeps its unsaved edits in the version and the undo', async () => {
    const { workspace, store, library, baseId } = await workspaceOf();
    const scenario = (await workspace.newScenario(baseId))!;
    await workspace.openDocument(baseId);
    store.getState().run((d) => updateRole(d, 'head', { salary: pay(60_000) }));
    expect(await workspace.makeCurrent(scenario)).toBe(true);
    expect(salaryOf(store.getState().doc, 'head')).toBe(50_000);
    const texts = await Promise.all((await workspace.versions()).map((v) => library.versionText(v.key)));
    expect(texts.some((t) => t !== null && t.includes('"min":60000'))).toBe(true);
    store.getState().undo();
    expect(salaryOf(store.getState().doc, 'head')).toBe(60_000);
  });

  it('load reads a document without opening it; an export of a scenario is an ordinary document', async () => {
    const { workspace, store, baseId } = await workspaceOf();
    const scenario = (await workspace.newScenario(baseId))!;
    store.getState().run((d) => updateRole(d, 'am', { salary: pay(30_000) }));
    await workspace.openDocument(baseId);
    const loaded = await workspace.load(scenario);
    expect(store.getState().documentId).toBe(baseId);
    expect(salaryOf(loaded, 'am')).toBe(30_000);
    const exported = serializeDocument(loaded);
    expect(exported).not.toContain(baseId);
    expect(Object.keys(JSON.parse(exported) as object)).toEqual(Object.keys(JSON.parse(serializeDocument(base)) as object));
    await expect(workspace.load('missing')).rejects.toThrow(/“missing” could not be opened/);
  });

  it('a base in the trash: its scenarios stay, listed at the top; Make current is refused until it is restored', async () => {
    const { workspace, store, library, baseId } = await workspaceOf();
    const scenario = (await workspace.newScenario(baseId))!;
    await workspace.trash(baseId, () => base);
    const rows = documentTree(await workspace.list());
    expect(rows.find((r) => r.entry.id === scenario)).toMatchObject({ level: 1, base: { id: baseId } });
    expect(await workspace.makeCurrent(scenario)).toBe(false);
    expect(store.getState().alert?.text).toMatch(/its base is in the trash or deleted/);
    await workspace.restoreFromTrash(baseId);
    expect(documentTree(await workspace.list()).find((r) => r.entry.id === scenario)!.level).toBe(2);
    // Emptied from the trash for good: the scenario becomes a plain document.
    await workspace.trash(baseId, () => base);
    await workspace.emptyTrash();
    expect(await library.entry(baseId)).toBeUndefined();
    expect((await library.entry(scenario))!.base).toBeUndefined();
    expect(await workspace.makeCurrent(scenario)).toBe(false);
  });
});
