import { describe, expect, it } from 'vitest';
import { createOrgStore, HISTORY_DEPTH } from '../../src/store/orgStore.ts';
import { addRole, moveRole, renameDocument } from '../../src/model/commands.ts';
import { updateRole } from '../../src/model/field-commands.ts';
import { docOf } from '../helpers/doc.ts';

const start = docOf([{ id: 'head', level: 5 }, { id: 'lead', level: 4, reportsTo: 'head' }, { id: 'am', level: 2, reportsTo: 'lead' }]);

describe('the store and its history', () => {
  it('makes one history entry per command, and undo/redo walk it', () => {
    const store = createOrgStore(start);
    const s = store.getState();
    s.run((d) => renameDocument(d, 'One'));
    s.run((d) => renameDocument(d, 'Two'));
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().doc.name).toBe('One');
    store.getState().undo();
    expect(store.getState().doc).toBe(start);
    store.getState().undo();
    expect(store.getState().doc).toBe(start);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc.name).toBe('Two');
  });

  it('a new edit after undo drops the redo branch', () => {
    const store = createOrgStore(start);
    store.getState().run((d) => renameDocument(d, 'One'));
    store.getState().undo();
    store.getState().run((d) => renameDocument(d, 'Other'));
    expect(store.getState().future).toEqual([]);
    store.getState().redo();
    expect(store.getState().doc.name).toBe('Other');
  });

  it('selection is no history entry, and a refused command is none either but shows an alert', () => {
    const store = createOrgStore(start);
    store.getState().select(['am']);
    const result = store.getState().run((d) => moveRole(d, 'head', 'am'));
    expect(result.ok).toBe(false);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().alert?.text).toMatch(/cannot report to/);
    store.getState().run((d) => updateRole(d, 'am', { title: 'Account Manager' }));
    expect(store.getState().alert).toBeNull();
  });

  it('a command that changes nothing adds no entry', () => {
    const store = createOrgStore(start);
    store.getState().run((d) => moveRole(d, 'am', 'lead'));
    expect(store.getState().past).toHaveLength(0);
  });

  it('replacing the document (import, preset) is one undoable step; reset clears history', () => {
    const store = createOrgStore(start);
    const other = docOf([{ id: 'x', level: 1 }]);
    store.getState().select(['am']);
    store.getState().replace(other);
    expect(store.getState().doc).toBe(other);
    expect(store.getState().selection).toEqual([]);
    store.getState().undo();
    expect(store.getState().doc).toBe(start);
    store.getState().reset(other);
    store.getState().undo();
    expect(store.getState().doc).toBe(other);
  });

  it('drops selected roles that an undo removes', () => {
    const store = createOrgStore(start);
    const added = store.getState().run((d) => addRole(d, { role: { title: 'New', level: 2 }, reportsTo: 'lead' }));
    if (!added.ok) throw new Error('refused');
    store.getState().select([added.id]);
    store.getState().undo();
    expect(store.getState().selection).toEqual([]);
  });

  it(`keeps at least ${HISTORY_DEPTH} steps`, () => {
    const store = createOrgStore(start);
    for (let i = 0; i < HISTORY_DEPTH + 50; i++) store.getState().run((d) => renameDocument(d, `v${i}`));
    expect(store.getState().past).toHaveLength(HISTORY_DEPTH);
    for (let i = 0; i < HISTORY_DEPTH; i++) store.getState().undo();
    expect(store.getState().doc.name).toBe('v49');
  });
});
